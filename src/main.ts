import { type AppTelegram, StartupError, startApp } from './app.js';
import { ConfigError, loadConfig, loadEnvFile } from './config.js';
import { DatabaseUnavailableError, openDatabase } from './db/client.js';
import { createLogger } from './logger.js';
import type { Sandbox } from './sandbox/start.js';

/** Exits with one clear line for the errors a person can fix (config, database, token). */
function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

let config: ReturnType<typeof loadConfig>;
try {
  loadEnvFile();
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

// Sandbox mode keeps stdout for the one line with the page's address; the logs go to DATA_DIR/sandbox.log.
const logger =
  config.mode.kind === 'sandbox'
    ? (await import('./sandbox/start.js')).createSandboxLogger(config)
    : createLogger(config.logLevel, config.botToken);

try {
  const database = await openDatabase(config).catch((error: unknown) => {
    if (error instanceof DatabaseUnavailableError) fail(error.message);
    throw error;
  });

  let telegram: AppTelegram = { token: config.botToken ?? '', apiRoot: config.apiRoot };
  let appConfig = config;
  let sandbox: Sandbox | undefined;
  if (config.mode.kind === 'sandbox') {
    const { startSandbox } = await import('./sandbox/start.js');
    sandbox = await startSandbox(config, logger, database);
    telegram = { token: sandbox.token, apiRoot: sandbox.apiRoot, mountHttp: sandbox.mountHttp };
    appConfig = sandbox.config;
  }
  const stopSandbox = sandbox?.stop;

  const app = await startApp(appConfig, logger, database, telegram);
  sandbox?.ready();

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    // The updates taken get SHUTDOWN_TIMEOUT_MS to finish; the rest of the shutdown a few seconds more.
    const forced = setTimeout(() => process.exit(0), appConfig.shutdownTimeoutMs + 5000);
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
  // `on`, not `once`: one Ctrl+C or `kill` of a process group reaches the bot more than once (from the
  // terminal and again from npm passing it on); a repeat must not hit Node's default handler, which
  // would end the process in the middle of the shutdown (the sandbox's chats half-written).
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof StartupError || (error instanceof Error && error.name === 'SandboxStartError')) {
    fail(error.message);
  }
  logger.fatal({ err: error }, 'start-up failed');
  process.exit(1);
}
