/**
 * Sandbox mode (`npm start` without BOT_TOKEN): the embedded Telegram Bot API emulator, the personas, the demo
 * data and the web page, all on ONE HTTP server at config.host:config.port. The bot itself runs the production
 * code path (startApp, grammY runner polling) against this server's `/bot<token>/…` routes, and its
 * /healthz and /metrics are served here too.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { pino } from 'pino';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import type { Logger } from '../logger.js';
import { closeServer, listen } from '../server/http.js';
import { createServices } from '../services/index.js';
import { TelegramEmulator } from './emulator/index.js';
import { OWNER_PERSONA, PERSONAS, SANDBOX_BOT, SANDBOX_CHANNEL, SANDBOX_TOKEN } from './personas.js';
import { seedDemoData, wipeDemoDatabase } from './seed.js';
import { loadChats, saveChats } from './state-file.js';
import { createSandboxRoutes } from './web/routes.js';

export interface Sandbox {
  token: string;
  /** Where the bot reaches the Bot API: this same server. */
  apiRoot: string;
  /** The page's address. */
  url: string;
  /** The configuration the bot runs with: the owner persona in OWNER_IDS, the sandbox channel as the gate. */
  config: Config;
  emulator: TelegramEmulator;
  /** Serves the bot's own HTTP routes (/healthz, /metrics) from the sandbox server. */
  mountHttp(app: Hono): void;
  /** Call once the bot runs: staff personas press Start on the first run; prints the one stdout line. */
  ready(options?: { print?: boolean }): void;
  stop(): Promise<void>;
}

/** The sandbox's log file: stdout carries only the address line; errors also go to stderr. */
export function sandboxLogPath(config: Pick<Config, 'dataDir'>): string {
  return join(config.dataDir, 'sandbox.log');
}

/**
 * In sandbox mode the JSON logs go to `DATA_DIR/sandbox.log` (errors and worse also to stderr), so that the
 * terminal shows one line: the sandbox's address.
 */
export function createSandboxLogger(config: Pick<Config, 'dataDir' | 'logLevel'>): Logger {
  mkdirSync(config.dataDir, { recursive: true });
  return pino(
    { level: config.logLevel, base: undefined },
    pino.multistream([
      { level: 'trace', stream: pino.destination({ dest: sandboxLogPath(config), sync: true }) },
      { level: 'error', stream: process.stderr },
    ]),
  );
}

/** BotFather's test provider tokens look like this: payments with them charge nothing. */
const SANDBOX_PAYMENT_TOKEN = '1234567:TEST:sandbox';

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the emulator and the page; the caller then runs the bot with `token`, `apiRoot` and `config`. */
export async function startSandbox(
  config: Config,
  logger: Logger,
  database: DatabaseHandle,
): Promise<Sandbox> {
  const emu = new TelegramEmulator({
    token: SANDBOX_TOKEN,
    botUsername: SANDBOX_BOT.username,
    botFirstName: SANDBOX_BOT.firstName,
  });
  emu.createChannel({
    id: SANDBOX_CHANNEL.id,
    title: SANDBOX_CHANNEL.title,
    username: SANDBOX_CHANNEL.username,
  });
  for (const p of PERSONAS) {
    emu.createUser({
      id: p.id,
      first_name: p.firstName,
      ...(p.lastName ? { last_name: p.lastName } : {}),
      username: p.username,
      language_code: p.languageCode,
    });
  }
  const stateFile = join(config.dataDir, 'sandbox-chats.json');
  const restored = await loadChats(emu, stateFile, logger);
  if (!restored) emu.setMemberStatus(SANDBOX_CHANNEL.id, OWNER_PERSONA.id, 'creator');

  let botHttp: Hono | undefined;
  const services = createServices(database.db, { ownerIds: [OWNER_PERSONA.id] });
  /** The owner and the agents press Start (on the first run, and after Reset demo): the bot sets their menus. */
  const startStaff = () => {
    for (const p of PERSONAS) {
      const state = emu.userState(p.id);
      if (p.role !== 'customer' && !state.started && !state.blocked) emu.sendText(p.id, '/start');
    }
  };
  /**
   * Reset demo, with the bot running: the database loses every row (the ids go on, so nothing the bot holds
   * in memory — a broadcast's cached text — can be taken for a new row), the chats are cleared (customers
   * leave the channel: the bot hears chat_member and forgets their cached subscription), the demo data is
   * seeded again and the staff press Start as on the first run.
   */
  const resetDemo = async () => {
    await wipeDemoDatabase(database.db);
    emu.clearChats();
    await seedDemoData(database.db, emu, logger);
    startStaff();
    await save();
    logger.info('sandbox demo reset');
  };
  const routes = createSandboxRoutes({
    emu,
    botHttp: () => botHttp,
    roleOf: (userId) => services.staff.roleOf(userId),
    reset: resetDemo,
    timezone: config.timezone,
  });
  const app = routes.app;
  app.all('/bot*', (c) => emu.fetch(c.req.raw));
  app.all('/file/bot*', (c) => emu.fetch(c.req.raw));

  let server: ServerType;
  try {
    server = await listen(app, config.host, config.port);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SandboxStartError(
      `cannot open the sandbox on ${config.host}:${config.port} (${reason}); set PORT`,
    );
  }
  const port = (server.address() as AddressInfo).port;
  const base = `http://${displayHost(config.host)}:${port}`;

  await runMigrations(database);
  await seedDemoData(database.db, emu, logger);

  let saveTimer: NodeJS.Timeout | undefined;
  let saving = Promise.resolve();
  const save = () => {
    saving = saving
      .then(() => saveChats(emu, stateFile))
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'could not save the sandbox chats');
      });
    return saving;
  };
  const scheduleSave = () => {
    if (saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      void save();
    }, 500);
  };
  for (const event of ['message', 'edit', 'delete'] as const) emu.events.on(event, scheduleSave);
  await save();

  const sandboxConfig: Config = {
    ...config,
    ownerIds: [OWNER_PERSONA.id],
    channel: { id: `@${SANDBOX_CHANNEL.username}`, url: `https://t.me/${SANDBOX_CHANNEL.username}` },
    // The page shows the Pay path: a test provider token (nothing is charged) and Stars at 1.50 ₽ a star.
    payments: config.payments ?? {
      card: { providerToken: SANDBOX_PAYMENT_TOKEN, currency: 'RUB' },
      stars: { rateMinor: 150 },
      depositPercent: 100,
      payLater: true,
    },
  };

  let stopping: Promise<void> | undefined;
  return {
    token: SANDBOX_TOKEN,
    apiRoot: base,
    url: base,
    config: sandboxConfig,
    emulator: emu,
    mountHttp(bot) {
      botHttp = bot;
    },
    ready(options = {}) {
      startStaff();
      if (options.print ?? true) {
        process.stdout.write(`PHOENIX sandbox: ${base}  (bot logs: ${sandboxLogPath(config)})\n`);
      }
    },
    stop() {
      stopping ??= (async () => {
        if (saveTimer) clearTimeout(saveTimer);
        saveTimer = undefined;
        await save();
        routes.closeStreams();
        await emu.stop();
        await closeServer(server);
      })();
      return stopping;
    },
  };
}

export class SandboxStartError extends Error {
  override name = 'SandboxStartError';
}
