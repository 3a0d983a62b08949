import { ConfigError, loadConfig } from '../config.js';
import { DatabaseUnavailableError, openDatabase } from './client.js';
import { runMigrations } from './migrate.js';

try {
  const config = loadConfig();
  const handle = await openDatabase(config);
  await runMigrations(handle);
  await handle.close();
  console.log(
    `migrations applied (${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`})`,
  );
} catch (error) {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
