import { StartupError, startApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseUnavailableError, openDatabase } from './db/client.js';
import { createLogger } from './logger.js';

/** Exits with one clear line for the errors a person can fix (config, database, token). */
function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

const logger = createLogger(config.logLevel, config.botToken);

try {
  const database = await openDatabase(config).catch((error: unknown) => {
    if (error instanceof DatabaseUnavailableError) fail(error.message);
    throw error;
  });

  let telegram = { token: config.botToken ?? '', apiRoot: config.apiRoot };
  let stopSandbox: (() => Promise<void>) | undefined;
  if (config.mode.kind === 'sandbox') {
    const { startSandbox } = await import('./sandbox/start.js');
    const sandbox = await startSandbox(config, logger, database);
    telegram = { token: sandbox.token, apiRoot: sandbox.apiRoot };
    stopSandbox = sandbox.stop;
  }

  const app = await startApp(config, logger, database, telegram);

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => process.exit(0), 4500);
    forced.unref();
    try {
      await app.stop();
      await stopSandbox?.();
      await database.close();
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
    }
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof StartupError) fail(error.message);
  logger.fatal({ err: error }, 'start-up failed');
  process.exit(1);
}
