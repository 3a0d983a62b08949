/**
 * {@link TelegramEmulator}: a strict, in-process Telegram Bot API server for end-to-end tests, benchmarks and
 * the web sandbox. The bot talks to it over HTTP exactly as to api.telegram.org; tests drive simulated users
 * through the methods of this class and read what the bot did.
 */
import { EventEmitter } from 'node:events';
import { finalizeText, parseInputEntities } from './entities.js';
import { ApiError } from './errors.js';
import { type Fault, Faults } from './faults.js';
import { makePng, sniffImage } from './files.js';
import { BotApi, type BotApiOptions } from './methods.js';
import type { Params } from './params.js';
import { CURRENCIES } from './payments.js';
import { HttpFrontend } from './server.js';
import {
  chatSnapshot,
  type EmulatorSnapshot,
  fileFromSnapshot,
  fileSnapshot,
  restoreChat,
  SNAPSHOT_VERSION,
} from './snapshot.js';
import {
  type ChannelRecord,
  type ChatRecord,
  EmulatorState,
  type MutableMessage,
  type PendingInlineQuery,
  type PendingPreCheckout,
  type PreCheckoutAnswer,
  type UserRecord,
} from './state.js';
import type {
  ApiCallbackQuery,
  ApiChat,
  ApiChatMember,
  ApiUpdate,
  ApiUser,
  BotCommand,
  CallbackAnswer,
  CallRecord,
  ChatMemberStatus,
  EmulatorEvents,
  EmulatorStats,
  InlineKeyboardButton,
  InlineQueryAnswer,
  InvoiceDetails,
  MenuButton,
  MessageEntity,
  MessageOrigin,
  OrderInfo,
  PaymentOutcome,
  PaymentRecord,
  ReplyKeyboardMarkup,
  StoredMessage,
  SuccessfulPayment,
  WebhookInfo,
} from './types.js';
import { isInlineKeyboard } from './validate.js';
import { WebhookDeliverer } from './webhook.js';

/** Constructor options of {@link TelegramEmulator}. */
export interface TelegramEmulatorOptions {
  /** The only bot token accepted (`<bot id>:<secret>`); other tokens get 401 Unauthorized. */
  token: string;
  /** Bot user id (default: the number before `:` in the token). */
  botId?: number;
  /** Default `phoenix_test_bot`. */
  botUsername?: string;
  /** Default `PHOENIX Test Bot`. */
  botFirstName?: string;
  /** Sends per second over all chats (sliding 1 s window); `null` (default) = unlimited. */
  globalRatePerSecond?: number | null;
  /** Limit for sends with `allow_paid_broadcast: true` (default 1000); `null` = unlimited. */
  paidRatePerSecond?: number | null;
  /** Sends per second to one chat; `null` (default) = unlimited. */
  perChatRatePerSecond?: number | null;
  /** How long a callback query can be answered (default 15000 ms). */
  callbackAnswerTimeoutMs?: number;
  /** Enforce the documented HTML escaping rules (default true; see html.ts). */
  strictHtml?: boolean;
  /** Photos sent by http(s) URL: `'store'` keeps the URL as is (default), `'fetch'` downloads it like Telegram. */
  photoUrls?: 'store' | 'fetch';
  /** Keep about this many call records; older ones are dropped in chunks (default 100,000). */
  maxCallLog?: number;
  /** First webhook retry delay (default 100 ms, doubling up to `webhookRetryMaxMs`, default 5000 ms). */
  webhookRetryBaseMs?: number;
  webhookRetryMaxMs?: number;
  /** Webhook request timeout (default 10000 ms). */
  webhookTimeoutMs?: number;
  /** Maximum request body size (default 50 MB; larger → 413). */
  maxBodyBytes?: number;
  /** First update_id (default 1). */
  firstUpdateId?: number;
  /** Inline mode is switched on for the bot (BotFather /setinline; default true): getMe `supports_inline_queries`. */
  inlineMode?: boolean;
  /** Inline feedback is on (BotFather /setinlinefeedback; default false): choosing a result also sends `chosen_inline_result`. */
  inlineFeedback?: boolean;
  /** How long an inline query can be answered (default 10000 ms, like Telegram). */
  inlineQueryTimeoutMs?: number;
  /** How long a pre-checkout query can be answered (default 10000 ms, like Telegram). */
  preCheckoutTimeoutMs?: number;
}

/** Options of {@link TelegramEmulator.payInvoice}. */
export interface PayOptions {
  /** A tip in the smallest units (at most the invoice's max_tip_amount). */
  tipAmount?: number;
  /** What the user fills in when the invoice asks for it (defaults from the user's profile). */
  orderInfo?: OrderInfo;
}

/** A user to create with {@link TelegramEmulator.createUser}. */
export interface NewUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** A channel to create with {@link TelegramEmulator.createChannel}. */
export interface NewChannel {
  /** A channel id such as -1001234567890. */
  id: number;
  title: string;
  /** Public username without `@`. */
  username?: string;
  /** Whether the bot is an administrator (default true). */
  botIsAdmin?: boolean;
}

/** A read-only view of a chat. */
export interface ChatView {
  readonly id: number;
  readonly type: 'private' | 'channel';
  readonly chat: ApiChat;
  /** Every message in order (from users and from the bot), including deleted ones (flagged). */
  readonly messages: readonly StoredMessage[];
  /** The reply keyboard currently shown (private chats). */
  readonly replyKeyboard: ReplyKeyboardMarkup | undefined;
  /** The chat's menu button (or the default one). */
  readonly menuButton: MenuButton;
}

export interface WaitForOptions {
  /** Default 5000 ms. */
  timeoutMs?: number;
  /** Also consider messages that already exist (default true). */
  includeExisting?: boolean;
}

/** Options of user messages. */
export interface UserMessageOptions {
  /** message_id of the message to reply to (in the user's private chat). */
  replyTo?: number;
  /**
   * The formatting the user's client applied (bold, italic, text_link, spoiler…), UTF-16 offsets into the
   * text (or caption). Telegram keeps them, normalises them and adds the entities it detects (URLs, mentions…).
   */
  entities?: MessageEntity[];
  /**
   * The message is forwarded: from a channel (its post `messageId`, default 1) or from a user; the bot sees
   * `forward_origin`.
   */
  forwardedFrom?: { channelId: number; messageId?: number } | { userId: number };
}

export interface UserPhotoOptions extends UserMessageOptions {
  /** Image bytes (PNG/JPEG/GIF/WebP); default: a generated 320×240 PNG. */
  bytes?: Buffer;
  caption?: string;
}

export interface MemberStatusOptions {
  /** For `restricted`: whether the user is still a member (default false). */
  isMember?: boolean;
  /** For `kicked`/`restricted`: Unix time when the restriction ends (0 = forever). */
  untilDate?: number;
}

const DEFAULTS = {
  botUsername: 'phoenix_test_bot',
  botFirstName: 'PHOENIX Test Bot',
  callbackAnswerTimeoutMs: 15_000,
  paidRatePerSecond: 1000,
  maxCallLog: 100_000,
  webhookRetryBaseMs: 100,
  webhookRetryMaxMs: 5000,
  webhookTimeoutMs: 10_000,
  maxBodyBytes: 50 * 1024 * 1024,
  queryTimeoutMs: 10_000,
};

/** How many finished (answered or expired) queries are kept to refuse late answers with Telegram's error. */
const KEEP_FINISHED_QUERIES = 10_000;

/** Forgets the oldest finished queries once there are too many (a late answer to them is refused all the same). */
function prune(queries: Map<string, { answered: boolean; expired: boolean }>): void {
  if (queries.size < KEEP_FINISHED_QUERIES) return;
  for (const [id, q] of queries) {
    if (queries.size < KEEP_FINISHED_QUERIES / 2) break;
    if (q.answered || q.expired) queries.delete(id);
  }
}

function describeMessage(m: StoredMessage): string {
  const who = m.sender === 'bot' ? 'bot' : 'user';
  const flags = [m.deleted ? 'deleted' : '', m.edited ? `edited×${m.edit_count}` : '']
    .filter(Boolean)
    .join(',');
  const body =
    m.text !== undefined
      ? JSON.stringify(m.text.length > 200 ? `${m.text.slice(0, 200)}…` : m.text)
      : m.photo
        ? `[photo] ${JSON.stringify(m.caption ?? '')}`
        : m.document
          ? `[document ${m.document.file_name ?? ''}] ${JSON.stringify(m.caption ?? '')}`
          : m.invoice
            ? `[invoice ${JSON.stringify(m.invoice.title)} ${m.invoice.total_amount} ${m.invoice.currency}]`
            : m.successful_payment
              ? `[successful_payment ${m.successful_payment.total_amount} ${m.successful_payment.currency}]`
              : m.refunded_payment
                ? `[refunded_payment ${m.refunded_payment.total_amount} XTR]`
                : '[message]';
  let buttons = '';
  if (isInlineKeyboard(m.reply_markup)) {
    buttons = ` buttons=${JSON.stringify(
      m.reply_markup.inline_keyboard.map((row) =>
        row.map((b) => b.text + (b.callback_data ? `→${b.callback_data}` : '')),
      ),
    )}`;
  }
  return `  #${m.message_id} ${who}${flags ? ` (${flags})` : ''}: ${body}${buttons}`;
}

/**
 * A strict Telegram Bot API emulator.
 *
 * ```ts
 * const emu = new TelegramEmulator({ token: '123456:TEST' });
 * const { apiRoot } = await emu.start();
 * const bot = new Bot('123456:TEST', { client: { apiRoot } });
 * emu.createUser({ id: 7000000001, first_name: 'Ann' });
 * emu.sendText(7000000001, '/start');
 * const reply = await emu.waitFor(7000000001, (m) => m.text?.includes('Welcome') ?? false);
 * ```
 */
export class TelegramEmulator {
  /** The accepted bot token. */
  readonly token: string;
  /** Typed events for streaming changes (message, edit, delete, callbackAnswer, commands, update, call, request). */
  readonly events = new EventEmitter<EmulatorEvents>();

  private readonly options: Required<Omit<TelegramEmulatorOptions, 'botId' | 'firstUpdateId'>> & {
    botId: number;
    firstUpdateId: number;
  };
  private readonly apiOptions: BotApiOptions;
  private state: EmulatorState;
  private webhook: WebhookDeliverer;
  private api: BotApi;
  private readonly http: HttpFrontend;
  private readonly faults = new Faults();
  private root: string | undefined;

  constructor(options: TelegramEmulatorOptions) {
    const idFromToken = Number(options.token.split(':')[0]);
    const botId =
      options.botId ?? (Number.isSafeInteger(idFromToken) && idFromToken > 0 ? idFromToken : 123456);
    this.token = options.token;
    this.options = {
      token: options.token,
      botId,
      botUsername: options.botUsername ?? DEFAULTS.botUsername,
      botFirstName: options.botFirstName ?? DEFAULTS.botFirstName,
      globalRatePerSecond: options.globalRatePerSecond ?? null,
      paidRatePerSecond:
        options.paidRatePerSecond === undefined ? DEFAULTS.paidRatePerSecond : options.paidRatePerSecond,
      perChatRatePerSecond: options.perChatRatePerSecond ?? null,
      callbackAnswerTimeoutMs: options.callbackAnswerTimeoutMs ?? DEFAULTS.callbackAnswerTimeoutMs,
      strictHtml: options.strictHtml ?? true,
      photoUrls: options.photoUrls ?? 'store',
      maxCallLog: options.maxCallLog ?? DEFAULTS.maxCallLog,
      webhookRetryBaseMs: options.webhookRetryBaseMs ?? DEFAULTS.webhookRetryBaseMs,
      webhookRetryMaxMs: options.webhookRetryMaxMs ?? DEFAULTS.webhookRetryMaxMs,
      webhookTimeoutMs: options.webhookTimeoutMs ?? DEFAULTS.webhookTimeoutMs,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
      firstUpdateId: options.firstUpdateId ?? 1,
      inlineMode: options.inlineMode ?? true,
      inlineFeedback: options.inlineFeedback ?? false,
      inlineQueryTimeoutMs: options.inlineQueryTimeoutMs ?? DEFAULTS.queryTimeoutMs,
      preCheckoutTimeoutMs: options.preCheckoutTimeoutMs ?? DEFAULTS.queryTimeoutMs,
    };
    this.apiOptions = {
      globalRatePerSecond: this.options.globalRatePerSecond,
      paidRatePerSecond: this.options.paidRatePerSecond,
      perChatRatePerSecond: this.options.perChatRatePerSecond,
      strictHtml: this.options.strictHtml,
      photoUrls: this.options.photoUrls,
      maxCallLog: this.options.maxCallLog,
      inlineMode: this.options.inlineMode,
    };
    this.state = this.newState();
    this.webhook = this.newWebhook(this.state);
    this.api = new BotApi(this.state, this.apiOptions, this.webhook);
    this.http = new HttpFrontend({
      token: this.token,
      api: () => this.api,
      state: () => this.state,
      faults: this.faults,
      maxBodyBytes: this.options.maxBodyBytes,
    });
  }

  private newState(): EmulatorState {
    const state = new EmulatorState(
      { id: this.options.botId, first_name: this.options.botFirstName, username: this.options.botUsername },
      this.events,
      this.options.firstUpdateId,
    );
    return state;
  }

  private newWebhook(state: EmulatorState): WebhookDeliverer {
    const webhook = new WebhookDeliverer(
      state,
      {
        retryBaseMs: this.options.webhookRetryBaseMs,
        retryMaxMs: this.options.webhookRetryMaxMs,
        timeoutMs: this.options.webhookTimeoutMs,
      },
      async (method, params) => {
        await this.api.handle(
          method,
          { params, files: new Map() },
          { source: 'webhook-reply', onAbort: () => undefined },
        );
      },
    );
    state.onQueued = () => webhook.kick();
    return webhook;
  }

  // ------------------------------------------------------------------------------------------------------
  // Lifecycle and transports
  // ------------------------------------------------------------------------------------------------------

  /** The bot's `User` object (as returned by getMe, without the capability flags). */
  get bot(): ApiUser {
    return this.state.botUser;
  }

  /**
   * Starts an HTTP server (keep-alive) and returns the API root for the bot, e.g. `http://127.0.0.1:PORT`
   * (grammY: `new Bot(token, { client: { apiRoot } })`).
   */
  async start(options: { port?: number; host?: string } = {}): Promise<{ apiRoot: string; port: number }> {
    const host = options.host ?? '127.0.0.1';
    const { port } = await this.http.listen(options.port ?? 0, host);
    this.root = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return { apiRoot: this.root, port };
  }

  /** The API root of the running server (throws if not started). */
  get apiRoot(): string {
    if (!this.root) throw new Error('the emulator is not started');
    return this.root;
  }

  /**
   * Stops the emulator: ends pending long polls (empty result), stops webhook delivery, expires pending
   * callback queries and closes the HTTP server with all its connections.
   */
  async stop(): Promise<void> {
    this.state.releasePoller();
    this.webhook.clear();
    this.state.clearQueries();
    await this.http.close();
    this.root = undefined;
  }

  /**
   * Forgets everything (users, chats, messages, updates, files, commands, calls, stats, webhook) but keeps the
   * server running and the event listeners attached.
   */
  reset(): void {
    this.state.releasePoller();
    this.webhook.clear();
    this.state.clearQueries();
    this.state = this.newState();
    this.webhook = this.newWebhook(this.state);
    this.api = new BotApi(this.state, this.apiOptions, this.webhook);
  }

  /**
   * A deep copy of the emulator's world as plain JSON data (see {@link EmulatorSnapshot} for what it holds):
   * `JSON.stringify` it to save it, give it to {@link restore} (of this or another emulator) to bring it back.
   */
  snapshot(): EmulatorSnapshot {
    const state = this.state;
    const files = state.files.snapshot();
    return {
      version: SNAPSHOT_VERSION,
      users: [...state.users.values()].map((u) => ({
        id: u.user.id,
        first_name: u.user.first_name,
        last_name: u.user.last_name,
        username: u.user.username,
        language_code: u.user.language_code,
        started: u.started,
        blocked: u.blocked,
        chat: chatSnapshot(u.chat),
      })),
      channels: [...state.channels.values()].map((c) => ({
        id: c.chat.id,
        title: c.title,
        username: c.username,
        botIsAdmin: c.botIsAdmin,
        members: structuredClone([...c.members.values()]),
        chat: chatSnapshot(c.chat),
      })),
      files: files.files.map(fileSnapshot),
      commands: structuredClone([...state.commands.entries()]),
      defaultMenuButton: structuredClone(state.defaultMenuButton),
      counters: { nextUpdateId: state.nextUpdateIdToAssign, files: files.counter },
      payments: structuredClone(state.payments),
      invoiceLinks: structuredClone([...state.invoiceLinks.entries()]),
    };
  }

  /**
   * Replaces the world with a {@link snapshot}: forgets everything as {@link reset} does, then recreates the
   * users, channels, chats, files and command menus. New messages, updates and files get ids after the saved
   * ones. Throws for a snapshot of another format version.
   */
  restore(snapshot: EmulatorSnapshot): void {
    if (snapshot.version !== SNAPSHOT_VERSION) {
      throw new Error(`unsupported emulator snapshot version ${String(snapshot.version)}`);
    }
    this.reset();
    const state = this.state;
    for (const saved of snapshot.users) {
      const { started, blocked, chat, ...user } = saved;
      this.createUser(user);
      const record = this.requireUser(user.id);
      record.started = started;
      record.blocked = blocked;
      restoreChat(record.chat, chat);
    }
    for (const saved of snapshot.channels) {
      this.createChannel(saved);
      const record = this.requireChannel(saved.id);
      for (const member of structuredClone(saved.members)) record.members.set(member.user.id, member);
      restoreChat(record.chat, saved.chat);
    }
    state.files.restore(snapshot.files.map(fileFromSnapshot), snapshot.counters.files);
    for (const [key, commands] of structuredClone(snapshot.commands)) state.commands.set(key, commands);
    state.defaultMenuButton = structuredClone(snapshot.defaultMenuButton);
    state.continueUpdateIdsAt(snapshot.counters.nextUpdateId);
    for (const payment of structuredClone(snapshot.payments ?? [])) state.payments.push(payment);
    for (const [url, invoice] of structuredClone(snapshot.invoiceLinks ?? []))
      state.invoiceLinks.set(url, invoice);
  }

  /** A WHATWG fetch handler serving the Bot API routes (mount it in Hono: `app.all('*', c => emu.fetch(c.req.raw))`). */
  get fetch(): (request: Request) => Promise<Response> {
    return this.http.fetch;
  }

  /** A Node.js `(req, res)` handler serving the Bot API routes. */
  get nodeHandler(): HttpFrontend['nodeHandler'] {
    return this.http.nodeHandler;
  }

  /**
   * Calls a Bot API method in-process (as the bot would over HTTP; it is recorded in {@link calls}).
   * Resolves with the result or rejects with an {@link ApiError}.
   */
  async invoke<T = unknown>(method: string, params: Params = {}): Promise<T> {
    const answer = await this.api.handle(method, { params, files: new Map() });
    const body = answer.body;
    if (body.ok) return body.result as T;
    throw new ApiError(body.error_code, body.description, body.parameters);
  }

  /**
   * Makes HTTP calls fail or answer late (a Bot API that answers 409/429/5xx or hangs); returns a
   * function that removes the fault.
   */
  injectFault(fault: Fault): () => void {
    return this.faults.add(fault);
  }

  /** Removes every injected fault. */
  clearFaults(): void {
    this.faults.clear();
  }

  /** Changes the flood limits at run time (`undefined` keeps a value, `null` removes a limit). */
  setRateLimits(limits: {
    globalRatePerSecond?: number | null;
    paidRatePerSecond?: number | null;
    perChatRatePerSecond?: number | null;
  }): void {
    if (limits.globalRatePerSecond !== undefined)
      this.apiOptions.globalRatePerSecond = limits.globalRatePerSecond;
    if (limits.paidRatePerSecond !== undefined) this.apiOptions.paidRatePerSecond = limits.paidRatePerSecond;
    if (limits.perChatRatePerSecond !== undefined) {
      this.apiOptions.perChatRatePerSecond = limits.perChatRatePerSecond;
      for (const u of this.state.users.values()) u.chat.limiter = undefined;
      for (const c of this.state.channels.values()) c.chat.limiter = undefined;
    }
    this.api.configureLimits();
  }

  // ------------------------------------------------------------------------------------------------------
  // World setup
  // ------------------------------------------------------------------------------------------------------

  /** Creates a Telegram user (who has not started the bot yet). Returns the `User` object. */
  createUser(user: NewUser): ApiUser {
    if (!Number.isSafeInteger(user.id) || user.id <= 0) throw new Error(`invalid user id ${user.id}`);
    if (this.state.users.has(user.id) || user.id === this.state.botUser.id) {
      throw new Error(`user ${user.id} already exists`);
    }
    if (!user.first_name) throw new Error('first_name is required');
    const apiUser: ApiUser = { id: user.id, is_bot: false, first_name: user.first_name };
    if (user.last_name !== undefined) apiUser.last_name = user.last_name;
    if (user.username !== undefined) apiUser.username = user.username;
    if (user.language_code !== undefined) apiUser.language_code = user.language_code;
    const apiChat: ApiChat = { id: user.id, type: 'private', first_name: user.first_name };
    if (user.last_name !== undefined) apiChat.last_name = user.last_name;
    if (user.username !== undefined) apiChat.username = user.username;
    const record: UserRecord = {
      user: apiUser,
      chat: this.state.newChat(user.id, 'private', apiChat),
      started: false,
      blocked: false,
    };
    this.state.users.set(user.id, record);
    return apiUser;
  }

  /** Creates a channel (the bot is an administrator unless `botIsAdmin: false`). Returns the `Chat` object. */
  createChannel(channel: NewChannel): ApiChat {
    if (!Number.isSafeInteger(channel.id) || channel.id >= 0)
      throw new Error(`invalid channel id ${channel.id}`);
    if (this.state.channels.has(channel.id)) throw new Error(`channel ${channel.id} already exists`);
    const apiChat: ApiChat = { id: channel.id, type: 'channel', title: channel.title };
    if (channel.username !== undefined) apiChat.username = channel.username;
    const record: ChannelRecord = {
      chat: this.state.newChat(channel.id, 'channel', apiChat),
      title: channel.title,
      username: channel.username,
      botIsAdmin: channel.botIsAdmin ?? true,
      members: new Map(),
    };
    this.state.channels.set(channel.id, record);
    if (channel.username) this.state.channelsByUsername.set(channel.username.toLowerCase(), record);
    return apiChat;
  }

  /** Makes the bot an administrator of a channel or removes it (emits `my_chat_member`). */
  setBotAdmin(channelId: number, isAdmin: boolean): void {
    const channel = this.requireChannel(channelId);
    if (channel.botIsAdmin === isAdmin) return;
    channel.botIsAdmin = isAdmin;
    const bot = this.state.botUser;
    const admin: ApiChatMember = {
      status: 'administrator',
      user: bot,
      can_be_edited: false,
      can_post_messages: true,
    };
    const left: ApiChatMember = { status: 'left', user: bot };
    const owner = [...channel.members.values()].find((m) => m.status === 'creator')?.user;
    this.state.enqueue('my_chat_member', {
      chat: channel.chat.apiChat,
      from: owner ?? bot,
      date: this.state.now(),
      old_chat_member: isAdmin ? left : admin,
      new_chat_member: isAdmin ? admin : left,
    });
  }

  private requireUser(userId: number): UserRecord {
    const user = this.state.users.get(userId);
    if (!user) throw new Error(`unknown user ${userId}: call createUser first`);
    return user;
  }

  private requireChannel(channelId: number): ChannelRecord {
    const channel = this.state.channels.get(channelId);
    if (!channel) throw new Error(`unknown channel ${channelId}: call createChannel first`);
    return channel;
  }

  private requireActiveUser(userId: number): UserRecord {
    const user = this.requireUser(userId);
    if (user.blocked) throw new Error(`user ${userId} has blocked the bot: call unblockBot first`);
    return user;
  }

  // ------------------------------------------------------------------------------------------------------
  // User actions
  // ------------------------------------------------------------------------------------------------------

  private userReply(user: UserRecord, replyTo: number | undefined): number | undefined {
    if (replyTo === undefined) return undefined;
    if (!this.state.liveMessage(user.chat, replyTo)) {
      throw new Error(`message ${replyTo} does not exist in the chat of user ${user.user.id}`);
    }
    return replyTo;
  }

  /**
   * The user sends a text message to the bot (a leading `/command` gets a `bot_command` entity; mentions,
   * URLs… are detected too). Marks the user as having started the bot. Returns the stored message.
   */
  sendText(userId: number, text: string, options: UserMessageOptions = {}): StoredMessage {
    const user = this.requireActiveUser(userId);
    const formatted = finalizeText({ text, entities: this.userEntities(options.entities, text) });
    if (!formatted) throw new Error('a message text must not be empty');
    if (formatted.text.length > 4096) throw new Error('a message text is limited to 4096 characters');
    const replyTo = this.userReply(user, options.replyTo);
    user.started = true;
    const keyboard = user.chat.replyKeyboard;
    if (keyboard?.one_time_keyboard) user.chat.replyKeyboard = undefined;
    const m = this.state.addMessage(user.chat, 'user', user.user, 'driver', {
      text: formatted.text,
      entities: formatted.entities.length > 0 ? formatted.entities : undefined,
      reply_to_message_id: replyTo,
      forward_origin: this.forwardOrigin(options.forwardedFrom),
    });
    this.state.enqueue('message', this.state.toApiMessage(m));
    return m;
  }

  /** A user's formatting, checked as Telegram checks what a client sends (a bad entity is the test's mistake). */
  private userEntities(entities: MessageEntity[] | undefined, text: string): MessageEntity[] {
    if (entities === undefined) return [];
    try {
      return parseInputEntities(entities, text, (id) => this.state.users.get(id)?.user);
    } catch (error) {
      if (error instanceof ApiError)
        throw new Error(`invalid entities of a user message: ${error.description}`);
      throw error;
    }
  }

  private forwardOrigin(from: UserMessageOptions['forwardedFrom']): MessageOrigin | undefined {
    if (from === undefined) return undefined;
    const date = this.state.now();
    if ('userId' in from) return { type: 'user', date, sender_user: this.requireUser(from.userId).user };
    const channel = this.requireChannel(from.channelId);
    return { type: 'channel', date, chat: channel.chat.apiChat, message_id: from.messageId ?? 1 };
  }

  /**
   * The user opens a deep link to the bot (`https://t.me/<bot>?start=<payload>` or
   * `tg://resolve?domain=<bot>&start=<payload>`) and presses Start: sends `/start <payload>`.
   * Throws for another bot's link or a payload Telegram would not pass on (1–64 chars of A-Z a-z 0-9 _ -).
   */
  openDeepLink(userId: number, link: string): StoredMessage {
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      throw new Error(`openDeepLink: not a URL: ${link}`);
    }
    const username =
      url.protocol === 'tg:'
        ? url.searchParams.get('domain')
        : (/^\/([^/]+)\/?$/.exec(url.pathname)?.[1] ?? null);
    const isTelegramHost = url.protocol === 'tg:' || ['t.me', 'telegram.me'].includes(url.hostname);
    if (!isTelegramHost || username?.toLowerCase() !== this.state.botUser.username?.toLowerCase()) {
      throw new Error(`openDeepLink: ${link} is not a link to @${this.state.botUser.username ?? ''}`);
    }
    const payload = url.searchParams.get('start');
    if (payload === null) return this.sendText(userId, '/start');
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(payload)) {
      throw new Error(
        `openDeepLink: start payload ${JSON.stringify(payload)} is invalid (1-64 characters of A-Z a-z 0-9 _ -); Telegram would drop it`,
      );
    }
    return this.sendText(userId, `/start ${payload}`);
  }

  /** The user sends a photo (default: a generated PNG). The bot can reuse the photo's file_id. */
  sendPhoto(userId: number, options: UserPhotoOptions = {}): StoredMessage {
    const user = this.requireActiveUser(userId);
    const bytes = options.bytes ?? makePng(320, 240);
    const info = sniffImage(bytes);
    if (!info) throw new Error('sendPhoto: the bytes are not a PNG, JPEG, GIF or WebP image');
    let caption: { text: string; entities: StoredMessage['entities'] } | undefined;
    if (options.caption !== undefined && options.caption.length > 0) {
      const formatted = finalizeText(
        { text: options.caption, entities: this.userEntities(options.entities, options.caption) },
        { allowEmpty: true },
      );
      if (formatted && formatted.text.length > 1024)
        throw new Error('a caption is limited to 1024 characters');
      if (formatted && formatted.text.length > 0) {
        caption = {
          text: formatted.text,
          entities: formatted.entities.length > 0 ? formatted.entities : undefined,
        };
      }
    }
    const replyTo = this.userReply(user, options.replyTo);
    const sizes = this.state.files.addPhoto(bytes, info);
    user.started = true;
    const m = this.state.addMessage(user.chat, 'user', user.user, 'driver', {
      photo: sizes,
      photo_file_id: sizes.at(-1)?.file_id,
      caption: caption?.text,
      caption_entities: caption?.entities,
      reply_to_message_id: replyTo,
      forward_origin: this.forwardOrigin(options.forwardedFrom),
    });
    this.state.enqueue('message', this.state.toApiMessage(m));
    return m;
  }

  /** The user edits one of their text messages (emits `edited_message`). */
  editText(userId: number, messageId: number, text: string): StoredMessage {
    const user = this.requireActiveUser(userId);
    const m = this.state.liveMessage(user.chat, messageId);
    if (m?.sender !== 'user' || m.text === undefined) {
      throw new Error(`user ${userId} has no text message ${messageId} to edit`);
    }
    const formatted = finalizeText({ text, entities: [] });
    if (!formatted) throw new Error('a message text must not be empty');
    m.text = formatted.text;
    m.entities = formatted.entities.length > 0 ? formatted.entities : undefined;
    m.edit_count++;
    m.edited = true;
    m.edit_date = this.state.now();
    this.events.emit('edit', m);
    this.state.enqueue('edited_message', this.state.toApiMessage(m));
    return m;
  }

  /**
   * The user presses an inline button with this `callback_data` under a bot message in their private chat.
   * Throws if there is no such button. Resolves with the bot's answerCallbackQuery, or `null` if the bot did
   * not answer within `callbackAnswerTimeoutMs`.
   */
  pressButton(userId: number, messageId: number, callbackData: string): Promise<CallbackAnswer | null> {
    const user = this.requireActiveUser(userId);
    const m = this.state.liveMessage(user.chat, messageId);
    if (m?.sender !== 'bot') {
      throw new Error(`pressButton: no bot message ${messageId} in the chat of user ${userId}`);
    }
    const buttons = isInlineKeyboard(m.reply_markup) ? m.reply_markup.inline_keyboard.flat() : [];
    if (!buttons.some((b) => b.callback_data === callbackData)) {
      const available = buttons
        .filter((b) => b.callback_data !== undefined)
        .map((b) => `${b.text}→${b.callback_data}`);
      throw new Error(
        `pressButton: message ${messageId} has no inline button with callback_data ${JSON.stringify(callbackData)}; ` +
          `available: ${available.length > 0 ? available.join(', ') : 'none'}`,
      );
    }
    return this.callback(user, m, messageId, callbackData);
  }

  /** Presses the inline button whose text is `buttonText` (must be a callback button). */
  pressButtonByText(userId: number, messageId: number, buttonText: string): Promise<CallbackAnswer | null> {
    const user = this.requireActiveUser(userId);
    const m = this.state.liveMessage(user.chat, messageId);
    const buttons: InlineKeyboardButton[] =
      m && isInlineKeyboard(m.reply_markup) ? m.reply_markup.inline_keyboard.flat() : [];
    const button = buttons.find((b) => b.text === buttonText);
    if (!button?.callback_data) {
      throw new Error(
        `pressButtonByText: message ${messageId} of user ${userId} has no callback button ${JSON.stringify(buttonText)}; ` +
          `buttons: ${buttons.map((b) => JSON.stringify(b.text)).join(', ') || 'none'}`,
      );
    }
    return this.pressButton(userId, messageId, button.callback_data);
  }

  /**
   * Sends a callback query with arbitrary data for a message, without checking that such a button exists
   * (simulates a modified client forging callback data).
   */
  sendCallback(userId: number, messageId: number, data: string): Promise<CallbackAnswer | null> {
    const user = this.requireActiveUser(userId);
    return this.callback(user, this.state.liveMessage(user.chat, messageId), messageId, data);
  }

  /** The user presses a button of an inline-mode message: the query has `inline_message_id` and no `message`. */
  sendInlineCallback(userId: number, inlineMessageId: string, data: string): Promise<CallbackAnswer | null> {
    const user = this.requireActiveUser(userId);
    return this.callback(user, undefined, 0, data, inlineMessageId);
  }

  private queryCounter = 0;
  private readonly queryIdBase = BigInt(Math.floor(Math.random() * 4e9) + 1e9) * 1_000_000_000n;

  /** A new query id: a numeric string like Telegram's, unique per emulator thanks to the counter. */
  private newQueryId(): string {
    return (this.queryIdBase + BigInt(++this.queryCounter)).toString();
  }

  // ------------------------------------------------------------------------------------------------------
  // Inline mode
  // ------------------------------------------------------------------------------------------------------

  /**
   * The user types `@<bot> <query>` in a chat: queues an `inline_query` update and resolves with the bot's
   * answerInlineQuery (rejects after `inlineQueryTimeoutMs`, default 10 s, without an answer). Throws when
   * inline mode is off (`inlineMode: false`) or the query is longer than 256 characters.
   */
  sendInlineQuery(
    userId: number,
    query: string,
    opts: { offset?: string; chatType?: 'sender' | 'private' } = {},
  ): Promise<InlineQueryAnswer> {
    if (!this.options.inlineMode) {
      throw new Error(
        'sendInlineQuery: inline mode is off for the bot (inlineMode: false); Telegram sends no inline queries',
      );
    }
    const user = this.requireUser(userId);
    if (query.length > 256) throw new Error('sendInlineQuery: an inline query is limited to 256 characters');
    const id = this.newQueryId();
    const timeoutMs = this.options.inlineQueryTimeoutMs;
    return new Promise<InlineQueryAnswer>((resolve, reject) => {
      const pending: PendingInlineQuery = {
        id,
        userId,
        query,
        answered: false,
        expired: false,
        timer: undefined,
        resolve,
        reject,
      };
      pending.timer = setTimeout(() => {
        pending.expired = true;
        reject(
          new Error(
            `sendInlineQuery: the bot did not answer inline query ${id} (${JSON.stringify(query)}) within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      prune(this.state.inlineQueries);
      this.state.inlineQueries.set(id, pending);
      this.state.enqueue('inline_query', {
        id,
        from: user.user,
        query,
        offset: opts.offset ?? '',
        chat_type: opts.chatType ?? 'sender',
      });
    });
  }

  /**
   * The user picks a result of an answered inline query: it is sent into their private chat with the bot as
   * the user's message with `via_bot` (text and entities from `input_message_content`, or the photo with its
   * caption, and the result's inline keyboard); the bot receives it as a normal `message` update (plus
   * `chosen_inline_result` with `inlineFeedback: true`). Throws for an unknown answer or result id.
   */
  chooseInlineResult(userId: number, answer: InlineQueryAnswer, resultId: string): StoredMessage {
    const record = this.state.inlineAnswers.get(answer.inlineQueryId);
    if (!record || record.userId !== userId) {
      throw new Error(
        `chooseInlineResult: user ${userId} has no answered inline query ${answer.inlineQueryId}`,
      );
    }
    const content = record.contents.get(resultId);
    if (!content) {
      throw new Error(
        `chooseInlineResult: no result ${JSON.stringify(resultId)}; results: ${[...record.contents.keys()].map((k) => JSON.stringify(k)).join(', ') || 'none'}`,
      );
    }
    const user = this.requireActiveUser(userId);
    user.started = true;
    let fields: Partial<MutableMessage>;
    if (content.kind === 'text') {
      const t = content.text;
      fields = {
        text: t.text,
        entities: t.entities.length > 0 ? t.entities : undefined,
        html: t.html,
        parse_mode: t.parseMode,
      };
    } else {
      const sizes =
        'sizes' in content.photo ? content.photo.sizes : this.state.files.addPhotoUrl(content.photo.url);
      const c = content.caption;
      fields = {
        photo: sizes,
        photo_file_id: sizes.at(-1)?.file_id,
        caption: c?.text,
        caption_entities: c && c.entities.length > 0 ? c.entities : undefined,
        html: c?.html,
        parse_mode: c?.parseMode,
      };
    }
    const m = this.state.addMessage(user.chat, 'user', user.user, 'chooseInlineResult', {
      ...fields,
      via_bot: this.state.botUser,
      reply_markup: content.markup,
    });
    this.state.enqueue('message', this.state.toApiMessage(m));
    if (this.options.inlineFeedback) {
      this.state.enqueue('chosen_inline_result', {
        result_id: resultId,
        from: user.user,
        query: record.query,
      });
    }
    return m;
  }

  // ------------------------------------------------------------------------------------------------------
  // Payments
  // ------------------------------------------------------------------------------------------------------

  private readonly paying = new Set<string>();

  /**
   * The user pays an invoice message of the bot in their private chat (with an optional tip): sends a
   * `pre_checkout_query` and waits for answerPreCheckoutQuery (`preCheckoutTimeoutMs`, default 10 s). ok → a
   * `successful_payment` message from the user is delivered and the payment recorded. Throws for a message
   * that is not an unpaid invoice or a tip above the invoice's max_tip_amount.
   */
  async payInvoice(userId: number, messageId: number, opts: PayOptions = {}): Promise<PaymentOutcome> {
    const user = this.requireActiveUser(userId);
    const m = this.state.liveMessage(user.chat, messageId);
    if (m?.sender !== 'bot' || !m.invoice_details) {
      throw new Error(`payInvoice: message ${messageId} of user ${userId} is not an invoice of the bot`);
    }
    if (m.invoice_paid) throw new Error(`payInvoice: invoice ${messageId} of user ${userId} is already paid`);
    const key = `${userId}:${messageId}`;
    if (this.paying.has(key)) throw new Error(`payInvoice: invoice ${messageId} is being paid already`);
    this.paying.add(key);
    try {
      const outcome = await this.pay(user, m.invoice_details, opts);
      if (outcome.ok) m.invoice_paid = true;
      return outcome;
    } finally {
      this.paying.delete(key);
    }
  }

  /** The user pays an invoice link from createInvoiceLink (as {@link payInvoice}; a link can be paid again). */
  async payInvoiceLink(userId: number, url: string, opts: PayOptions = {}): Promise<PaymentOutcome> {
    const user = this.requireActiveUser(userId);
    const details = this.state.invoiceLinks.get(url);
    if (!details) throw new Error(`payInvoiceLink: ${url} is not an invoice link of the bot`);
    return this.pay(user, details, opts);
  }

  /** What the user fills in for an invoice that asks for name / phone / email / shipping address. */
  private orderInfo(user: UserRecord, details: InvoiceDetails, given: OrderInfo = {}): OrderInfo | undefined {
    const info: OrderInfo = {};
    const u = user.user;
    if (details.need_name) info.name = given.name ?? [u.first_name, u.last_name].filter(Boolean).join(' ');
    if (details.need_phone_number) info.phone_number = given.phone_number ?? '15550001234';
    if (details.need_email) info.email = given.email ?? `${u.username ?? `user${u.id}`}@example.com`;
    if (details.need_shipping_address) {
      info.shipping_address = given.shipping_address ?? {
        country_code: 'RU',
        state: '',
        city: 'Moscow',
        street_line1: 'Tverskaya 1',
        street_line2: '',
        post_code: '125009',
      };
    }
    return Object.keys(info).length > 0 ? info : undefined;
  }

  private async pay(user: UserRecord, details: InvoiceDetails, opts: PayOptions): Promise<PaymentOutcome> {
    const tip = opts.tipAmount ?? 0;
    if (!Number.isSafeInteger(tip) || tip < 0 || tip > details.max_tip_amount) {
      throw new Error(`pay: tip ${tip} is not allowed (max_tip_amount ${details.max_tip_amount})`);
    }
    const totalAmount = details.total_amount + tip;
    const orderInfo = this.orderInfo(user, details, opts.orderInfo);
    const answer = await this.preCheckout(user, {
      currency: details.currency,
      total_amount: totalAmount,
      invoice_payload: details.payload,
      ...(orderInfo ? { order_info: orderInfo } : {}),
    });
    if (answer === null) return { ok: false, timedOut: true };
    if (!answer.ok) return { ok: false, errorMessage: answer.errorMessage };
    const random = () => Math.random().toString(36).slice(2, 12);
    const telegramChargeId =
      details.currency === 'XTR' ? `stxEMU${random()}${random()}` : `${Date.now()}_${random()}`;
    const payment: SuccessfulPayment = {
      currency: details.currency,
      total_amount: totalAmount,
      invoice_payload: details.payload,
      telegram_payment_charge_id: telegramChargeId,
      provider_payment_charge_id:
        details.currency === 'XTR' ? telegramChargeId : `prov_${random()}${random()}`,
    };
    if (orderInfo) payment.order_info = orderInfo;
    const message = this.deliverPayment(user, payment);
    return { ok: true, message, payment };
  }

  /** Sends a pre_checkout_query; resolves with the answer, or `null` when the deadline passed. */
  private preCheckout(
    user: UserRecord,
    query: { currency: string; total_amount: number; invoice_payload: string; order_info?: OrderInfo },
  ): Promise<PreCheckoutAnswer | null> {
    const id = this.newQueryId();
    return new Promise<PreCheckoutAnswer | null>((resolve) => {
      const pending: PendingPreCheckout = {
        id,
        userId: user.user.id,
        answered: false,
        expired: false,
        timer: undefined,
        resolve,
      };
      pending.timer = setTimeout(() => {
        pending.expired = true;
        resolve(null);
      }, this.options.preCheckoutTimeoutMs);
      prune(this.state.preCheckouts);
      this.state.preCheckouts.set(id, pending);
      this.state.enqueue('pre_checkout_query', { id, from: user.user, ...query });
    });
  }

  /** A successful_payment message from the user; the payment is recorded once per charge id. */
  private deliverPayment(user: UserRecord, payment: SuccessfulPayment): StoredMessage {
    user.started = true;
    const known = this.state.payments.some((p) => p.telegramChargeId === payment.telegram_payment_charge_id);
    if (!known) {
      this.state.payments.push({
        userId: user.user.id,
        currency: payment.currency,
        totalAmount: payment.total_amount,
        payload: payment.invoice_payload,
        telegramChargeId: payment.telegram_payment_charge_id,
        providerChargeId: payment.provider_payment_charge_id,
        refunded: false,
      });
    }
    const m = this.state.addMessage(user.chat, 'user', user.user, 'payment', {
      successful_payment: structuredClone(payment),
    });
    this.state.enqueue('message', this.state.toApiMessage(m));
    return m;
  }

  /**
   * Delivers a `successful_payment` message from the user as is, without a pre-checkout (e.g. call it twice
   * with the same charge id to test a duplicate delivery). The payment is recorded once per charge id.
   */
  sendSuccessfulPayment(userId: number, payment: SuccessfulPayment): StoredMessage {
    const user = this.requireActiveUser(userId);
    if (!CURRENCIES[payment.currency])
      throw new Error(`sendSuccessfulPayment: unknown currency ${payment.currency}`);
    return this.deliverPayment(user, payment);
  }

  /**
   * Sends a raw `pre_checkout_query` (e.g. a forged or stale payload) and resolves with the bot's answer,
   * or `{ ok: false, timedOut: true }` without one within `preCheckoutTimeoutMs`.
   */
  async sendPreCheckoutQuery(
    userId: number,
    query: { currency: string; total_amount: number; invoice_payload: string; order_info?: OrderInfo },
  ): Promise<{ ok: boolean; errorMessage?: string; timedOut?: boolean }> {
    const user = this.requireActiveUser(userId);
    const answer = await this.preCheckout(user, query);
    if (answer === null) return { ok: false, timedOut: true };
    return answer.ok ? { ok: true } : { ok: false, errorMessage: answer.errorMessage };
  }

  /** The payments made so far (copies), in order. */
  payments(): PaymentRecord[] {
    return this.state.payments.map((p) => ({ ...p }));
  }

  /** The full data of an invoice message or invoice link (payload, prices, photo, tips…), if it is one. */
  invoiceDetails(
    target: { chatId: number; messageId: number } | { url: string },
  ): InvoiceDetails | undefined {
    const details =
      'url' in target
        ? this.state.invoiceLinks.get(target.url)
        : this.message(target.chatId, target.messageId)?.invoice_details;
    return details ? structuredClone(details) : undefined;
  }

  private callback(
    user: UserRecord,
    message: MutableMessage | undefined,
    messageId: number,
    data: string,
    inlineMessageId?: string,
  ): Promise<CallbackAnswer | null> {
    const id = this.newQueryId();
    const chatInstance = String((BigInt(user.user.id) * 2654435761n) % 9223372036854775807n);
    const query: ApiCallbackQuery =
      inlineMessageId !== undefined
        ? { id, from: user.user, inline_message_id: inlineMessageId, chat_instance: chatInstance, data }
        : {
            id,
            from: user.user,
            message: message
              ? this.state.toApiMessage(message)
              : // an inaccessible message (date 0), as Telegram sends for unknown/deleted messages
                ({ chat: user.chat.apiChat, message_id: messageId, date: 0 } as ApiCallbackQuery['message']),
            chat_instance: chatInstance,
            data,
          };
    return new Promise<CallbackAnswer | null>((resolve) => {
      const pending = {
        id,
        userId: user.user.id,
        messageId,
        data,
        createdAt: Date.now(),
        answered: false,
        expired: false,
        timer: undefined as NodeJS.Timeout | undefined,
        resolve,
      };
      pending.timer = setTimeout(() => {
        pending.expired = true;
        resolve(null);
      }, this.options.callbackAnswerTimeoutMs);
      this.state.queries.set(id, pending);
      this.state.enqueue('callback_query', query);
    });
  }

  /** The user blocks the bot (emits `my_chat_member` with status `kicked`). Sends to them then fail with 403. */
  blockBot(userId: number): void {
    const user = this.requireUser(userId);
    if (user.blocked) return;
    user.blocked = true;
    this.botMembershipUpdate(user, 'member', 'kicked');
  }

  /** The user unblocks the bot (emits `my_chat_member` with status `member`). */
  unblockBot(userId: number): void {
    const user = this.requireUser(userId);
    if (!user.blocked) return;
    user.blocked = false;
    this.botMembershipUpdate(user, 'kicked', 'member');
  }

  private botMembershipUpdate(user: UserRecord, from: 'member' | 'kicked', to: 'member' | 'kicked'): void {
    const bot = this.state.botUser;
    const member = (status: 'member' | 'kicked'): ApiChatMember =>
      status === 'kicked' ? { status, user: bot, until_date: 0 } : { status, user: bot };
    this.state.enqueue('my_chat_member', {
      chat: user.chat.apiChat,
      from: user.user,
      date: this.state.now(),
      old_chat_member: member(from),
      new_chat_member: member(to),
    });
  }

  /**
   * The user changes the language of their Telegram app: later updates carry the new `language_code`
   * (`undefined` removes it, as for a client that sends none).
   */
  setUserLanguage(userId: number, languageCode: string | undefined): void {
    const record = this.requireUser(userId);
    const { language_code: _old, ...user } = record.user;
    record.user = languageCode === undefined ? user : { ...user, language_code: languageCode };
  }

  /**
   * A fresh start for every person, as if each had deleted their chat with the bot for both sides and left
   * the channels they joined: the messages of every private chat and channel go, and so do reply keyboards,
   * menu buttons, the chat-scoped command menus and the started/blocked flags. Channel members leave (a
   * `chat_member` update each, as usual); creators and administrators stay. Users, channels, files, the
   * bot's other command menus, its allowed_updates and the update queue stay, and message ids go on from
   * where they were (a message id is never reused in a chat).
   */
  clearChats(): void {
    const state = this.state;
    const clear = (chat: ChatRecord) => {
      chat.messages.length = 0;
      chat.byId.clear();
      chat.replyKeyboard = undefined;
      chat.menuButton = undefined;
    };
    for (const user of state.users.values()) {
      clear(user.chat);
      user.started = false;
      user.blocked = false;
    }
    for (const channel of state.channels.values()) {
      clear(channel.chat);
      for (const [userId, member] of [...channel.members]) {
        if (member.status !== 'creator' && member.status !== 'administrator') {
          this.setMemberStatus(channel.chat.id, userId, 'left');
        }
      }
    }
    for (const key of [...state.commands.keys()]) {
      if (
        key.startsWith('chat:') ||
        key.startsWith('chat_member:') ||
        key.startsWith('chat_administrators:')
      ) {
        state.commands.delete(key);
      }
    }
  }

  /** The user joins a channel (status `member`). */
  joinChannel(userId: number, channelId: number): void {
    this.setMemberStatus(channelId, userId, 'member');
  }

  /** The user leaves a channel (status `left`). */
  leaveChannel(userId: number, channelId: number): void {
    this.setMemberStatus(channelId, userId, 'left');
  }

  /**
   * Sets a user's status in a channel (creator, administrator, member, restricted with `isMember`, left,
   * kicked). Emits a `chat_member` update when the bot is an administrator (delivered only if the bot asked
   * for `chat_member` in allowed_updates, as with Telegram).
   */
  setMemberStatus(
    channelId: number,
    userId: number,
    status: ChatMemberStatus,
    options: MemberStatusOptions = {},
  ): void {
    const channel = this.requireChannel(channelId);
    const user = this.requireUser(userId);
    const old = channel.members.get(userId) ?? { status: 'left', user: user.user };
    let next: ApiChatMember;
    switch (status) {
      case 'creator':
        next = { status, user: user.user, is_anonymous: false };
        break;
      case 'administrator':
        next = {
          status,
          user: user.user,
          can_be_edited: false,
          is_anonymous: false,
          can_manage_chat: true,
          can_delete_messages: true,
          can_manage_video_chats: true,
          can_restrict_members: true,
          can_promote_members: false,
          can_change_info: true,
          can_invite_users: true,
          can_post_messages: true,
          can_edit_messages: true,
          can_post_stories: true,
          can_edit_stories: true,
          can_delete_stories: true,
        };
        break;
      case 'member':
        next = { status, user: user.user };
        break;
      case 'restricted':
        next = {
          status,
          user: user.user,
          is_member: options.isMember ?? false,
          can_send_messages: false,
          until_date: options.untilDate ?? 0,
        };
        break;
      case 'left':
        next = { status, user: user.user };
        break;
      case 'kicked':
        next = { status, user: user.user, until_date: options.untilDate ?? 0 };
        break;
      default:
        throw new Error(`unknown status ${String(status)}`);
    }
    if (status === 'left') channel.members.delete(userId);
    else channel.members.set(userId, next);
    if (channel.botIsAdmin) {
      this.state.enqueue('chat_member', {
        chat: channel.chat.apiChat,
        from: user.user,
        date: this.state.now(),
        old_chat_member: old,
        new_chat_member: next,
      });
    }
  }

  // ------------------------------------------------------------------------------------------------------
  // Reading
  // ------------------------------------------------------------------------------------------------------

  /** A chat by id (a user id for private chats, or a channel id). */
  chat(chatId: number): ChatView {
    const chat = this.state.chat(chatId);
    if (!chat) throw new Error(`unknown chat ${chatId}`);
    const state = this.state;
    return {
      id: chat.id,
      type: chat.type,
      chat: chat.apiChat,
      messages: chat.messages,
      get replyKeyboard() {
        return chat.replyKeyboard;
      },
      get menuButton() {
        return chat.menuButton ?? state.defaultMenuButton;
      },
    };
  }

  /** The user's `User` object. */
  user(userId: number): ApiUser {
    return this.requireUser(userId).user;
  }

  /** Whether the user has started the bot / blocked it. */
  userState(userId: number): { started: boolean; blocked: boolean } {
    const u = this.requireUser(userId);
    return { started: u.started, blocked: u.blocked };
  }

  /** The bot's messages in a chat (deleted ones excluded unless asked). */
  botMessages(chatId: number, options: { includeDeleted?: boolean } = {}): StoredMessage[] {
    return this.chat(chatId).messages.filter(
      (m) => m.sender === 'bot' && (options.includeDeleted || !m.deleted),
    );
  }

  /** The bot's last (not deleted) message in a chat. */
  lastBotMessage(chatId: number): StoredMessage | undefined {
    const messages = this.chat(chatId).messages;
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i] as StoredMessage;
      if (m.sender === 'bot' && !m.deleted) return m;
    }
    return undefined;
  }

  /** A message of a chat by id (including deleted ones). */
  message(chatId: number, messageId: number): StoredMessage | undefined {
    return this.state.chat(chatId)?.byId.get(messageId);
  }

  /**
   * Resolves with the first (not deleted) bot message in the chat that matches `predicate`, checking existing
   * messages first (unless `includeExisting: false`) and then every new message and every edit (the predicate
   * sees the current state). Rejects after `timeoutMs` with the chat's last messages in the error.
   */
  waitFor(
    chatId: number,
    predicate: (message: StoredMessage) => boolean,
    options: WaitForOptions = {},
  ): Promise<StoredMessage> {
    const timeoutMs = options.timeoutMs ?? 5000;
    const chat = this.chat(chatId);
    let lastError: unknown;
    const matches = (m: StoredMessage): boolean => {
      if (m.chat_id !== chatId || m.sender !== 'bot' || m.deleted) return false;
      try {
        return predicate(m);
      } catch (error) {
        lastError = error;
        return false;
      }
    };
    if (options.includeExisting ?? true) {
      const found = chat.messages.find(matches);
      if (found) return Promise.resolve(found);
    }
    return new Promise<StoredMessage>((resolve, reject) => {
      const onMessage = (m: StoredMessage) => {
        if (!matches(m)) return;
        cleanup();
        resolve(m);
      };
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('message', onMessage);
        this.events.off('edit', onMessage);
      };
      const timer = setTimeout(() => {
        cleanup();
        const last = chat.messages.slice(-10).map(describeMessage).join('\n');
        const cause = lastError === undefined ? '' : `\nlast predicate error: ${String(lastError)}`;
        reject(
          new Error(
            `waitFor: no bot message in chat ${chatId} matched within ${timeoutMs} ms.${cause}\n` +
              `Last messages (${chat.messages.length} in total):\n${last || '  (none)'}`,
          ),
        );
      }, timeoutMs);
      this.events.on('message', onMessage);
      this.events.on('edit', onMessage);
    });
  }

  /** Resolves with the next new bot message in the chat (existing messages are ignored). */
  nextBotMessage(chatId: number, options: { timeoutMs?: number } = {}): Promise<StoredMessage> {
    return this.waitFor(chatId, () => true, { ...options, includeExisting: false });
  }

  /**
   * Resolves with the first call (existing or future) of `method` that matches `predicate`; rejects after
   * `timeoutMs` (default 5000).
   */
  waitForCall(
    method: string,
    predicate: (call: CallRecord) => boolean = () => true,
    options: { timeoutMs?: number } = {},
  ): Promise<CallRecord> {
    const name = method.toLowerCase();
    const matches = (c: CallRecord) => c.method.toLowerCase() === name && predicate(c);
    const found = this.api.calls.find(matches);
    if (found) return Promise.resolve(found);
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise<CallRecord>((resolve, reject) => {
      const onCall = (c: CallRecord) => {
        if (!matches(c)) return;
        clearTimeout(timer);
        this.events.off('call', onCall);
        resolve(c);
      };
      const timer = setTimeout(() => {
        this.events.off('call', onCall);
        reject(new Error(`waitForCall: no matching ${method} call within ${timeoutMs} ms`));
      }, timeoutMs);
      this.events.on('call', onCall);
    });
  }

  /**
   * The command menu a user sees in their private chat, resolved like Telegram: scope `chat` →
   * `all_private_chats` → `default`, each with the user's language before the language-less list.
   * `languageCode` defaults to the user's `language_code`.
   */
  commandsFor(userId: number, languageCode?: string): BotCommand[] {
    const user = this.requireUser(userId);
    const lang = (languageCode ?? user.user.language_code ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
    const scopes = [`chat:${userId}`, 'all_private_chats', 'default'];
    for (const scope of scopes) {
      const langs = lang ? [lang, ''] : [''];
      for (const l of langs) {
        const list = this.state.commands.get(`${scope}|${l}`);
        if (list) return list.map((c) => ({ ...c }));
      }
    }
    return [];
  }

  /**
   * The profile texts a user of `languageCode` sees, resolved like Telegram: the text set for their
   * language, else the one set without a language ('' when neither was set).
   */
  profileFor(languageCode = ''): { description: string; shortDescription: string } {
    const lang = languageCode.toLowerCase().split(/[-_]/)[0] ?? '';
    const pick = (map: ReadonlyMap<string, string>) =>
      (lang ? map.get(lang) : undefined) ?? map.get('') ?? '';
    return {
      description: pick(this.state.botProfile.description),
      shortDescription: pick(this.state.botProfile.short),
    };
  }

  /** The commands stored for an exact scope key and language (e.g. `('all_private_chats', 'en')`). */
  commandsForScope(scopeKey: string, languageCode = ''): BotCommand[] | undefined {
    return this.state.commands.get(`${scopeKey}|${languageCode}`);
  }

  /** Every Bot API call the bot made, in order. */
  get calls(): readonly CallRecord[] {
    return this.api.calls;
  }

  /** Alias of {@link calls}. */
  get callLog(): readonly CallRecord[] {
    return this.api.calls;
  }

  /** The calls of one method (case-insensitive). */
  callsTo(method: string): CallRecord[] {
    const name = method.toLowerCase();
    return this.api.calls.filter((c) => c.method.toLowerCase() === name);
  }

  /** A snapshot of the counters. */
  stats(): EmulatorStats {
    const s = this.state.stats;
    return {
      callsByMethod: { ...s.callsByMethod },
      errorsByCode: { ...s.errorsByCode },
      tooManyRequests: s.tooManyRequests,
      messagesDeliveredByChat: new Map(s.messagesDeliveredByChat),
      messagesDelivered: s.messagesDelivered,
      paidMessagesDelivered: s.paidMessagesDelivered,
      updatesCreated: s.updatesCreated,
    };
  }

  /** Updates queued for the bot and not yet confirmed. */
  get pendingUpdates(): readonly ApiUpdate[] {
    return this.state.pendingUpdates();
  }

  /** The webhook state (as getWebhookInfo would return it). */
  webhookInfo(): WebhookInfo {
    const cfg = this.webhook.config;
    const info: WebhookInfo = {
      url: cfg?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.state.pendingUpdates().length,
    };
    if (this.webhook.lastErrorMessage !== undefined && this.webhook.lastErrorDate !== undefined) {
      info.last_error_date = this.webhook.lastErrorDate;
      info.last_error_message = this.webhook.lastErrorMessage;
    }
    return info;
  }

  /** The bytes of a file by file_id (photos the bot or users sent, documents). */
  fileBytes(fileId: string): Buffer | undefined {
    return this.state.files.get(fileId)?.bytes;
  }

  /** Metadata of a file by file_id (`url` is set for photos sent by URL and stored as is). */
  fileInfo(
    fileId: string,
  ):
    | { mimeType: string; size: number | undefined; filePath: string | undefined; url: string | undefined }
    | undefined {
    const f = this.state.files.get(fileId);
    if (!f) return undefined;
    return { mimeType: f.mimeType, size: f.bytes?.length, filePath: f.file_path, url: f.url };
  }
}
