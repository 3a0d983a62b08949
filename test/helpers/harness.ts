import { type AppOptions, type RunningApp, startApp } from '../../src/app.js';
import type { BotDeps } from '../../src/bot/context.js';
import { type Config, loadConfig } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import type {
  StoredMessage,
  TelegramEmulatorOptions,
  UserMessageOptions,
} from '../../src/sandbox/emulator/index.js';
import { TelegramEmulator } from '../../src/sandbox/emulator/index.js';
import { createTestDatabase } from './db.js';

export const TEST_TOKEN = '5000000001:AAHarness-test-token-000000000000';
export const CHANNEL = { id: -1001000000001, username: 'phoenix_test_channel' } as const;

let nextUserId = 7_000_000_001 + Math.floor(Math.random() * 1000) * 10_000;

export interface HarnessOptions {
  /** Telegram ids listed in OWNER_IDS (default: one owner, created as an emulator user). */
  owners?: number;
  /** Turn the channel gate on (the bot is an administrator of the channel unless said otherwise). */
  channel?: boolean | { botIsAdmin: boolean };
  emulator?: Partial<TelegramEmulatorOptions>;
  /** Extra environment for loadConfig (e.g. DEFAULT_LOCALE). */
  env?: Record<string, string>;
  /** Share a database between harnesses (e.g. two bot instances); default: a fresh one. */
  database?: DatabaseHandle;
  /** Run the background jobs (default true); off to count what updates alone cost. */
  jobs?: boolean;
  /** Shorter job intervals and movable job clocks (e.g. the SLA sweep). */
  jobTuning?: AppOptions['jobTuning'];
}

/** A person in the emulator, with helpers to act and to read the bot's answers. */
export class TestUser {
  /** message_id of this user's last action: replies are bot messages after it. */
  private mark = 0;

  constructor(
    readonly harness: Harness,
    readonly id: number,
    readonly firstName: string,
  ) {}

  get emu(): TelegramEmulator {
    return this.harness.emu;
  }

  /** Sends text (a leading /command becomes a command; `entities` is the client's formatting). */
  send(text: string, options: UserMessageOptions = {}): StoredMessage {
    const message = this.emu.sendText(this.id, text, options);
    this.mark = message.message_id;
    return message;
  }

  sendPhoto(caption?: string, options: { replyTo?: number } = {}): StoredMessage {
    const message = this.emu.sendPhoto(this.id, {
      ...(caption === undefined ? {} : { caption }),
      ...options,
    });
    this.mark = message.message_id;
    return message;
  }

  /** Presses the inline button labelled `text` (exact, or matching a RegExp) on `message`. */
  async press(message: StoredMessage, text: string | RegExp) {
    const current = this.emu.message(this.id, message.message_id) ?? message;
    const data = findButton(current, text);
    this.mark = Math.max(this.mark, this.lastMessageId());
    return this.emu.pressButton(this.id, message.message_id, data);
  }

  /** Sends a callback query with any data, as a modified client could. */
  async forge(messageId: number, data: string) {
    this.mark = Math.max(this.mark, this.lastMessageId());
    return this.emu.sendCallback(this.id, messageId, data);
  }

  /** The first bot message sent after this user's last action that matches. */
  reply(match: string | RegExp | ((m: StoredMessage) => boolean) = () => true, timeoutMs = 8000) {
    const mark = this.mark;
    const predicate = toPredicate(match);
    return this.emu.waitFor(this.id, (m) => m.message_id > mark && predicate(m), { timeoutMs });
  }

  /** Any bot message in the chat (new, old, or edited) that matches now or later. */
  waitFor(match: string | RegExp | ((m: StoredMessage) => boolean), timeoutMs = 8000) {
    return this.emu.waitFor(this.id, toPredicate(match), { timeoutMs });
  }

  botMessages(): StoredMessage[] {
    return this.emu.botMessages(this.id);
  }

  private lastMessageId(): number {
    const messages = this.emu.chat(this.id).messages;
    return messages.at(-1)?.message_id ?? 0;
  }
}

/** Plain text of a message: its text or caption. */
export const textOf = (m: StoredMessage): string => m.text ?? m.caption ?? '';

function toPredicate(
  match: string | RegExp | ((m: StoredMessage) => boolean),
): (m: StoredMessage) => boolean {
  if (typeof match === 'function') return match;
  if (typeof match === 'string') return (m) => textOf(m).includes(match);
  return (m) => match.test(textOf(m));
}

/** Every inline button of a message as [text, callback_data|url]. */
export function buttonsOf(m: StoredMessage): { text: string; data?: string; url?: string }[] {
  const markup = m.reply_markup;
  if (!markup || !('inline_keyboard' in markup)) return [];
  return markup.inline_keyboard.flat().map((b) => ({
    text: b.text,
    ...(b.callback_data === undefined ? {} : { data: b.callback_data }),
    ...(b.url === undefined ? {} : { url: b.url }),
  }));
}

export function findButton(m: StoredMessage, text: string | RegExp): string {
  const button = buttonsOf(m).find((b) => (typeof text === 'string' ? b.text === text : text.test(b.text)));
  if (!button?.data) {
    const all = buttonsOf(m)
      .map((b) => b.text)
      .join(' | ');
    throw new Error(
      `no callback button ${String(text)} on message ${m.message_id} (buttons: ${all || 'none'})`,
    );
  }
  return button.data;
}

/**
 * The real bot (startApp: migrations, getMe, command menus, grammY runner polling) against the
 * Bot API emulator over HTTP, on a fresh database.
 */
export class Harness {
  app: RunningApp | undefined;
  readonly owners: TestUser[] = [];

  private constructor(
    readonly emu: TelegramEmulator,
    readonly database: DatabaseHandle,
    readonly config: Config,
    private readonly ownsDatabase: boolean,
    private readonly runJobs = true,
    private readonly jobTuning: AppOptions['jobTuning'] = undefined,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const emu = new TelegramEmulator({ token: TEST_TOKEN, ...options.emulator });
    const { apiRoot } = await emu.start();
    const database = options.database ?? (await createTestDatabase());
    const ownerCount = options.owners ?? 1;
    const ownerIds = Array.from({ length: ownerCount }, () => nextUserId++);
    const env: Record<string, string> = {
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      OWNER_IDS: ownerIds.join(','),
      PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      ...options.env,
    };
    if (options.channel) {
      emu.createChannel({
        id: CHANNEL.id,
        title: 'PHOENIX test channel',
        username: CHANNEL.username,
        botIsAdmin: options.channel === true ? true : options.channel.botIsAdmin,
      });
      env.CHANNEL_ID = `@${CHANNEL.username}`;
    }
    const config = loadConfig(env);
    const harness = new Harness(
      emu,
      database,
      config,
      !options.database,
      options.jobs !== false,
      options.jobTuning,
    );
    for (const id of ownerIds) {
      emu.createUser({ id, first_name: `Owner${id % 1000}`, language_code: 'ru' });
      harness.owners.push(new TestUser(harness, id, `Owner${id % 1000}`));
    }
    await harness.startBot();
    return harness;
  }

  get deps(): BotDeps {
    if (!this.app) throw new Error('the bot is not running');
    return this.app.deps;
  }

  get db() {
    return this.database.db;
  }

  /** Starts the bot the way `npm start` does. */
  async startBot(): Promise<void> {
    const logger = createLogger(this.config.logLevel, TEST_TOKEN);
    this.app = await startApp(
      this.config,
      logger,
      this.database,
      { token: TEST_TOKEN, apiRoot: this.emu.apiRoot },
      { jobs: this.runJobs, ...(this.jobTuning ? { jobTuning: this.jobTuning } : {}) },
    );
  }

  async stopBot(): Promise<void> {
    await this.app?.stop();
    this.app = undefined;
  }

  /** Stops the bot and starts a new instance on the same database and emulator. */
  async restart(): Promise<void> {
    await this.stopBot();
    await this.startBot();
  }

  /** A new Telegram user (id above 2^32) who has not talked to the bot yet. */
  user(profile: { firstName?: string; username?: string; languageCode?: string } = {}): TestUser {
    const id = nextUserId++;
    const firstName = profile.firstName ?? `User${id % 10_000}`;
    this.emu.createUser({
      id,
      first_name: firstName,
      ...(profile.username ? { username: profile.username } : {}),
      language_code: profile.languageCode ?? 'ru',
    });
    return new TestUser(this, id, firstName);
  }

  /** A user who already pressed Start (and got the greeting). */
  async startedUser(profile: { firstName?: string; username?: string; languageCode?: string } = {}) {
    const user = this.user(profile);
    user.send('/start');
    await user.reply();
    return user;
  }

  /** Makes `user` a staff member with `role` (as the admin panel would) and refreshes their menu. */
  async makeStaff(user: TestUser, role: 'support' | 'admin'): Promise<void> {
    await this.deps.services.staff.upsert(user.id, role, this.config.ownerIds[0] ?? 0);
  }

  async close(): Promise<void> {
    await this.stopBot();
    await this.emu.stop();
    if (this.ownsDatabase) await this.database.close();
  }
}

export const startHarness = (options?: HarnessOptions): Promise<Harness> => Harness.start(options);
