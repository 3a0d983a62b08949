/**
 * The Bot API methods: parameter validation, permission checks, rate limits and results, with Telegram's
 * error codes and texts. {@link BotApi.handle} is the single entry point used by the HTTP layer.
 */
import { performance } from 'node:perf_hooks';
import { EntityParseError, type FormattedText } from '../../telegram/entities.js';
import { parseHtml } from '../../telegram/html.js';
import { finalizeText, parseInputEntities } from './entities.js';
import {
  ApiError,
  badRequest,
  conflict,
  ERR,
  forbidden,
  NOT_FOUND,
  type ResponseParameters,
  tooManyRequests,
} from './errors.js';
import { sniffImage } from './files.js';
import { parseInlineAnswer } from './inline.js';
import { parseMarkdownLegacy, parseMarkdownV2 } from './markdown.js';
import {
  describeParams,
  optBool,
  optInt,
  optJson,
  optString,
  type Params,
  type Payload,
  resolveInputFile,
  type UploadedFile,
} from './params.js';
import { PAYMENT_ERR, parseInvoice } from './payments.js';
import { SlidingWindowLimiter } from './ratelimit.js';
import {
  type ChannelRecord,
  type ChatRecord,
  type EmulatorState,
  MAX_INLINE_ANSWERS,
  type MutableMessage,
  type UserRecord,
} from './state.js';
import type {
  ApiChatMember,
  ApiUser,
  BotCommandScope,
  CallRecord,
  MessageEntity,
  MessageOrigin,
  PhotoSize,
  ReplyMarkup,
  StoredMessage,
  WebhookInfo,
} from './types.js';
import {
  isValidSecretToken,
  parseCommands,
  parseLanguageCode,
  parseMenuButton,
  parseReplyMarkup,
  parseScope,
} from './validate.js';
import type { WebhookDeliverer } from './webhook.js';

/** Options of the Bot API behaviour (resolved from the emulator options). */
export interface BotApiOptions {
  globalRatePerSecond: number | null;
  paidRatePerSecond: number | null;
  perChatRatePerSecond: number | null;
  /** Enforce the documented HTML escaping rules (see html.ts). */
  strictHtml: boolean;
  /** What to do with photos given by http(s) URL: keep the URL as is, or download it like Telegram. */
  photoUrls: 'store' | 'fetch';
  /** Keep about this many call records (the oldest are dropped in chunks of 10%). */
  maxCallLog: number;
  /** The bot has inline mode switched on (getMe `supports_inline_queries`). */
  inlineMode: boolean;
}

/** The JSON body and HTTP status of an answer. */
export interface ApiAnswer {
  status: number;
  body:
    | { ok: true; result: unknown; description?: string }
    | { ok: false; error_code: number; description: string; parameters?: ResponseParameters };
}

/** Per-call context from the transport. */
export interface CallContext {
  /** Registers a callback for a client that disconnects before the answer (long polling). */
  onAbort: (cb: () => void) => void;
  /** How the call arrived (recorded in the call log). */
  source: CallRecord['source'];
}

/** A successful result that carries a `description` too (setWebhook, deleteWebhook). */
class Described {
  constructor(
    readonly result: unknown,
    readonly description: string,
  ) {}
}

type Handler = (p: Params, payload: Payload, ctx: CallContext) => unknown;

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

const IN_PROCESS: CallContext = { onAbort: () => undefined, source: 'invoke' };

interface TextResult {
  text: string;
  entities: MessageEntity[];
  html: string | undefined;
  parseMode: string | undefined;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function entitiesOrUndefined(entities: MessageEntity[]): MessageEntity[] | undefined {
  return entities.length > 0 ? entities : undefined;
}

/** Where a message the bot sends goes (see `BotApi.sendTarget`). */
interface SendTarget {
  markup: ReplyMarkup | undefined;
  chat: ChatRecord;
  replyTo: number | undefined;
}

type SendFlags = Pick<MutableMessage, 'protect_content' | 'disable_notification' | 'paid_broadcast'>;

/** The send methods' required `chat_id`. */
function requireChatId(p: Params): void {
  if (p.chat_id === undefined || p.chat_id === null || p.chat_id === '') throw badRequest(ERR.chatIdEmpty);
}

/** The stored fields of a parsed text. */
function textFields(
  text: TextResult | undefined,
): Pick<MutableMessage, 'text' | 'entities' | 'html' | 'parse_mode'> {
  return {
    text: text?.text,
    entities: text ? entitiesOrUndefined(text.entities) : undefined,
    html: text?.html,
    parse_mode: text?.parseMode,
  };
}

/** The stored fields of a parsed caption (absent = no caption). */
function captionFields(
  caption: TextResult | undefined,
): Pick<MutableMessage, 'caption' | 'caption_entities' | 'html' | 'parse_mode'> {
  return {
    caption: caption?.text,
    caption_entities: caption ? entitiesOrUndefined(caption.entities) : undefined,
    html: caption?.html,
    parse_mode: caption?.parseMode,
  };
}

export class BotApi {
  /** Every call the bot made, in order. */
  readonly calls: CallRecord[] = [];
  private readonly handlers = new Map<string, Handler>();
  private globalLimiter: SlidingWindowLimiter | undefined;
  private paidLimiter: SlidingWindowLimiter | undefined;

  constructor(
    private readonly s: EmulatorState,
    private readonly opts: BotApiOptions,
    private readonly webhook: WebhookDeliverer,
  ) {
    this.configureLimits();
    const h = (name: string, fn: Handler) => this.handlers.set(name.toLowerCase(), fn);
    h('getMe', () => this.getMe());
    h('logOut', () => true);
    h('close', () => true);
    h('getUpdates', (p, _payload, ctx) => this.getUpdates(p, ctx));
    h('setWebhook', (p) => this.setWebhook(p));
    h('deleteWebhook', (p) => this.deleteWebhook(p));
    h('getWebhookInfo', () => this.getWebhookInfo());
    h('setMyCommands', (p) => this.setMyCommands(p));
    h('getMyCommands', (p) => this.getMyCommands(p));
    h('deleteMyCommands', (p) => this.deleteMyCommands(p));
    h('setMyName', (p) => this.setProfileText(p, 'name', 'name', 64));
    h('getMyName', (p) => ({ name: this.profileText(p, 'name') }));
    h('setMyDescription', (p) => this.setProfileText(p, 'description', 'description', 512));
    h('getMyDescription', (p) => ({ description: this.profileText(p, 'description') }));
    h('setMyShortDescription', (p) => this.setProfileText(p, 'short', 'short_description', 120));
    h('getMyShortDescription', (p) => ({ short_description: this.profileText(p, 'short') }));
    h('setChatMenuButton', (p) => this.setChatMenuButton(p));
    h('getChatMenuButton', (p) => this.getChatMenuButton(p));
    h('sendMessage', (p) => this.sendMessage(p));
    h('sendPhoto', (p, payload) => this.sendPhoto(p, payload));
    h('sendDocument', (p, payload) => this.sendDocument(p, payload));
    h('copyMessage', (p) => this.copyMessage(p));
    h('forwardMessage', (p) => this.forwardMessage(p));
    h('editMessageText', (p) => this.editMessageText(p));
    h('editMessageCaption', (p) => this.editMessageCaption(p));
    h('editMessageMedia', (p, payload) => this.editMessageMedia(p, payload));
    h('editMessageReplyMarkup', (p) => this.editMessageReplyMarkup(p));
    h('deleteMessage', (p) => this.deleteMessage(p));
    h('deleteMessages', (p) => this.deleteMessages(p));
    h('answerCallbackQuery', (p) => this.answerCallbackQuery(p));
    h('getChatMember', (p) => this.getChatMember(p));
    h('getChat', (p) => this.getChat(p));
    h('getFile', (p) => this.getFile(p));
    h('sendChatAction', (p) => this.sendChatAction(p));
    h('answerInlineQuery', (p) => this.answerInlineQuery(p));
    h('sendInvoice', (p) => this.sendInvoice(p));
    h('createInvoiceLink', (p) => this.createInvoiceLink(p));
    h('answerPreCheckoutQuery', (p) => this.answerPreCheckoutQuery(p));
    h('answerShippingQuery', () => {
      throw badRequest(PAYMENT_ERR.shipping);
    });
    h('refundStarPayment', (p) => this.refundStarPayment(p));
  }

  /** (Re)creates the global/paid limiters from the options. */
  configureLimits(): void {
    const { globalRatePerSecond: g, paidRatePerSecond: paid } = this.opts;
    this.globalLimiter = g === null ? undefined : new SlidingWindowLimiter(g);
    this.paidLimiter = paid === null ? undefined : new SlidingWindowLimiter(paid);
  }

  /** Whether a method exists (case-insensitive). */
  hasMethod(method: string): boolean {
    return this.handlers.has(method.toLowerCase());
  }

  /**
   * Runs one Bot API call and returns the answer (never throws for API errors). Records the call in
   * {@link calls} and the stats.
   */
  async handle(method: string, payload: Payload, ctx: CallContext = IN_PROCESS): Promise<ApiAnswer> {
    const time = Date.now();
    if (this.s.events.listenerCount('request') > 0) this.s.events.emit('request', { method, time });
    const key = method.toLowerCase();
    const stats = this.s.stats;
    stats.callsByMethod[key] = (stats.callsByMethod[key] ?? 0) + 1;
    let answer: ApiAnswer;
    try {
      const handler = this.handlers.get(key);
      if (!handler) throw NOT_FOUND();
      let result = handler(payload.params, payload, ctx);
      if (result instanceof Promise) result = await result;
      answer =
        result instanceof Described
          ? { status: 200, body: { ok: true, result: result.result, description: result.description } }
          : { status: 200, body: { ok: true, result } };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      stats.errorsByCode[error.code] = (stats.errorsByCode[error.code] ?? 0) + 1;
      if (error.code === 429) stats.tooManyRequests++;
      answer = {
        status: error.code,
        body:
          error.parameters === undefined
            ? { ok: false, error_code: error.code, description: error.description }
            : {
                ok: false,
                error_code: error.code,
                description: error.description,
                parameters: error.parameters,
              },
      };
    }
    const body = answer.body;
    const record: CallRecord = {
      method,
      params: describeParams(payload.params),
      ok: body.ok,
      status: answer.status,
      description: body.ok ? undefined : body.description,
      retryAfter: body.ok ? undefined : body.parameters?.retry_after,
      time,
      source: ctx.source,
    };
    this.calls.push(record);
    // trim in chunks so that a full log costs O(1) per call on average
    const max = this.opts.maxCallLog;
    if (this.calls.length > max + Math.max(100, Math.floor(max / 10)))
      this.calls.splice(0, this.calls.length - max);
    if (this.s.events.listenerCount('call') > 0) this.s.events.emit('call', record);
    return answer;
  }

  // ------------------------------------------------------------------------------------------------------
  // Shared checks
  // ------------------------------------------------------------------------------------------------------

  private lookupUser = (id: number): ApiUser | undefined =>
    id === this.s.botUser.id ? this.s.botUser : this.s.users.get(id)?.user;

  /** Resolves `chat_id` (a number, a numeric string or `@channel_username`) to a known chat. */
  private resolveChat(p: Params, name = 'chat_id'): ChatRecord {
    const raw = p[name];
    if (raw === undefined || raw === null || raw === '') throw badRequest(ERR.chatIdEmpty);
    if (typeof raw === 'string' && raw.startsWith('@')) {
      const channel = this.s.channelsByUsername.get(raw.slice(1).toLowerCase());
      if (!channel) throw badRequest(ERR.chatNotFound);
      return channel.chat;
    }
    let id: number;
    if (typeof raw === 'number') id = raw;
    else if (typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw)) id = Number(raw);
    else throw badRequest(ERR.chatNotFound);
    const chat = this.s.chat(id);
    if (!chat) throw badRequest(ERR.chatNotFound);
    return chat;
  }

  private userOf(chat: ChatRecord): UserRecord | undefined {
    return chat.type === 'private' ? this.s.users.get(chat.id) : undefined;
  }

  private channelOf(chat: ChatRecord): ChannelRecord | undefined {
    return chat.type === 'channel' ? this.s.channels.get(chat.id) : undefined;
  }

  /** The bot may write to this chat (the user started it and did not block it; the bot administers the channel). */
  private checkCanWrite(chat: ChatRecord): void {
    const user = this.userOf(chat);
    if (user) {
      if (user.blocked) throw forbidden(ERR.blocked);
      if (!user.started) throw forbidden(ERR.cantInitiate);
      return;
    }
    const channel = this.channelOf(chat);
    if (channel && !channel.botIsAdmin) throw forbidden(ERR.notChannelMember);
  }

  /** Flood control: per chat (optional) and global/paid sliding windows. */
  private checkRate(chat: ChatRecord, paid: boolean): void {
    const now = performance.now();
    const perChat = this.opts.perChatRatePerSecond;
    if (perChat !== null && chat.limiter === undefined) chat.limiter = new SlidingWindowLimiter(perChat);
    const chatLimiter = perChat !== null ? chat.limiter : undefined;
    const limiter = paid ? this.paidLimiter : this.globalLimiter;
    const wait = Math.max(chatLimiter?.wait(now) ?? 0, limiter?.wait(now) ?? 0);
    if (wait > 0) throw tooManyRequests(wait / 1000);
    chatLimiter?.record(now);
    limiter?.record(now);
  }

  /** Parses the `text` (+ `entities`) or `caption` (+ `caption_entities`) parameter with `parse_mode`. */
  private formattedParam(p: Params, kind: 'text' | 'caption'): TextResult | undefined {
    return this.formatText(
      optString(p, kind),
      optString(p, 'parse_mode'),
      optJson(p, kind === 'text' ? 'entities' : 'caption_entities', "can't parse entities JSON object"),
      kind,
    );
  }

  /** Parses a text or caption with its parse mode / entities, normalised like Telegram. */
  private formatText(
    source: string | undefined,
    parseModeRaw: string | undefined,
    entitiesRaw: unknown,
    kind: 'text' | 'caption',
  ): TextResult | undefined {
    if (source === undefined || source.length === 0) {
      if (kind === 'text') throw badRequest(ERR.textEmpty);
      return undefined;
    }
    const parseMode = parseModeRaw?.trim() ? parseModeRaw.trim() : undefined;
    let parsed: FormattedText;
    let html: string | undefined;
    if (parseMode === undefined) {
      parsed = { text: source, entities: parseInputEntities(entitiesRaw, source, this.lookupUser) };
    } else {
      const mode = parseMode.toLowerCase();
      try {
        if (mode === 'html') {
          parsed = parseHtml(source, { strict: this.opts.strictHtml, lookupUser: this.lookupUser });
          html = source;
        } else if (mode === 'markdownv2') {
          parsed = parseMarkdownV2(source, { lookupUser: this.lookupUser });
        } else if (mode === 'markdown') {
          parsed = parseMarkdownLegacy(source, { lookupUser: this.lookupUser });
        } else {
          throw badRequest(ERR.unsupportedParseMode);
        }
      } catch (error) {
        if (error instanceof EntityParseError) throw badRequest(`can't parse entities: ${error.reason}`);
        throw error;
      }
    }
    const done = finalizeText(parsed, { allowEmpty: kind === 'caption' });
    if (!done) throw badRequest(ERR.textEmpty);
    if (kind === 'text' && done.text.length > 4096) throw badRequest(ERR.textTooLong);
    if (kind === 'caption') {
      if (done.text.length > 1024) throw badRequest(ERR.captionTooLong);
      if (done.text.length === 0) return undefined;
    }
    return { text: done.text, entities: done.entities, html, parseMode };
  }

  private replyMarkup(p: Params, inlineOnly = false): ReplyMarkup | undefined {
    return parseReplyMarkup(optJson(p, 'reply_markup', ERR.badMarkup), {
      inlineOnly,
      inlineMode: this.opts.inlineMode,
    });
  }

  /** Resolves `reply_parameters` / `reply_to_message_id` for a send into `chat`. */
  private replyTo(p: Params, chat: ChatRecord): number | undefined {
    let messageId: number | undefined;
    let allowWithout = optBool(p, 'allow_sending_without_reply') ?? false;
    let target = chat;
    const rp = optJson(p, 'reply_parameters', "can't parse reply parameters JSON object");
    if (rp !== undefined) {
      if (typeof rp !== 'object' || rp === null) throw badRequest("can't parse reply parameters JSON object");
      const r = rp as Params;
      messageId = optInt(r, 'message_id');
      if (messageId === undefined) throw badRequest(ERR.messageIdMissing);
      allowWithout = optBool(r, 'allow_sending_without_reply') ?? allowWithout;
      if (r.chat_id !== undefined) target = this.resolveChat(r, 'chat_id');
    } else {
      messageId = optInt(p, 'reply_to_message_id');
    }
    if (messageId === undefined) return undefined;
    const found = this.s.liveMessage(target, messageId);
    if (!found) {
      if (allowWithout) return undefined;
      throw badRequest(ERR.replyNotFound);
    }
    // replies to messages of other chats are not modelled as a reply in this chat
    return target === chat ? messageId : undefined;
  }

  private messageIdParam(p: Params): number {
    if (optString(p, 'inline_message_id') !== undefined) throw badRequest('MESSAGE_ID_INVALID');
    const id = optInt(p, 'message_id');
    if (id === undefined) throw badRequest(ERR.messageIdMissing);
    return id;
  }

  private sendFlags(p: Params): SendFlags {
    return {
      protect_content: optBool(p, 'protect_content') ?? false,
      disable_notification: optBool(p, 'disable_notification') ?? false,
      paid_broadcast: optBool(p, 'allow_paid_broadcast') ?? false,
    };
  }

  /** Where a send goes: the reply markup, the chat (the bot may write there) and the message replied to. */
  private sendTarget(p: Params): SendTarget {
    const markup = this.replyMarkup(p);
    const chat = this.resolveChat(p);
    this.checkCanWrite(chat);
    return { markup, chat, replyTo: this.replyTo(p, chat) };
  }

  /** Stores a message the bot sends to the target chat with its markup, reply and flags. */
  private botSends(
    method: string,
    target: SendTarget,
    flags: SendFlags,
    fields: Partial<MutableMessage>,
  ): MutableMessage {
    return this.s.addMessage(target.chat, 'bot', this.botAuthor(target.chat), method, {
      ...fields,
      reply_markup: target.markup,
      reply_to_message_id: target.replyTo,
      ...flags,
    });
  }

  /** The send flags, once the send fits the chat's and the bot's rate limits. */
  private flagsWithinRate(p: Params, chat: ChatRecord): SendFlags {
    const flags = this.sendFlags(p);
    this.checkRate(chat, flags.paid_broadcast);
    return flags;
  }

  /** What an edit changes: the new inline markup and the bot message (the bot may write in its chat). */
  private editTarget(p: Params, messageId: number): { markup: ReplyMarkup | undefined; m: MutableMessage } {
    const raw = optJson(p, 'reply_markup', ERR.badMarkup);
    const chat = this.resolveChat(p);
    this.checkCanWrite(chat);
    const m = this.editable(chat, messageId);
    // an invoice keeps its Pay button first; other messages may not have one
    const markup = parseReplyMarkup(raw, {
      inlineOnly: true,
      inlineMode: this.opts.inlineMode,
      payFirst: m.invoice !== undefined,
    });
    return { markup, m };
  }

  /** Finds a bot message to edit in `chat`. */
  private editable(chat: ChatRecord, messageId: number): MutableMessage {
    const m = this.s.liveMessage(chat, messageId);
    if (!m) throw badRequest(ERR.editNotFound);
    if (m.sender !== 'bot') throw badRequest(ERR.cantEdit);
    return m;
  }

  private applyEdit(m: MutableMessage): unknown {
    m.edit_count++;
    m.edited = true;
    m.edit_date = this.s.now();
    if (this.s.events.listenerCount('edit') > 0) this.s.events.emit('edit', m);
    return this.s.toApiMessage(m);
  }

  // ------------------------------------------------------------------------------------------------------
  // getMe, updates, webhooks
  // ------------------------------------------------------------------------------------------------------

  private getMe(): unknown {
    return {
      ...this.s.botUser,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: this.opts.inlineMode,
      can_connect_to_business: false,
      has_main_web_app: false,
    };
  }

  private async getUpdates(p: Params, ctx: CallContext): Promise<unknown> {
    if (this.webhook.config) throw conflict(ERR.webhookActive);
    const offset = optInt(p, 'offset');
    const limit = Math.min(100, Math.max(1, optInt(p, 'limit') ?? 100));
    const timeout = Math.max(0, optInt(p, 'timeout') ?? 0);
    const allowed = optJson(p, 'allowed_updates', "can't parse allowed updates JSON object");
    if (allowed !== undefined) {
      if (!Array.isArray(allowed) || allowed.some((x) => typeof x !== 'string')) {
        throw badRequest("can't parse allowed updates JSON object");
      }
      this.s.setAllowedUpdates(allowed as string[]);
    }
    if (offset !== undefined) this.s.confirm(offset);
    return this.s.poll(limit, timeout * 1000, ctx.onAbort, () => conflict(ERR.terminatedByOther));
  }

  private setWebhook(p: Params): unknown {
    const url = optString(p, 'url') ?? '';
    if (url === '') return this.deleteWebhook(p);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest('bad webhook: Failed to parse URL');
    }
    const loopback = ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(parsed.hostname);
    if (!loopback) {
      if (parsed.protocol !== 'https:')
        throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
      const port = parsed.port === '' ? '443' : parsed.port;
      if (!['443', '80', '88', '8443'].includes(port)) {
        throw badRequest('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
      }
    } else if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    }
    const secret = optString(p, 'secret_token');
    if (secret !== undefined && !isValidSecretToken(secret)) {
      throw badRequest('secret token contains unallowed characters');
    }
    const maxConnections = Math.min(100, Math.max(1, optInt(p, 'max_connections') ?? 40));
    const allowed = optJson(p, 'allowed_updates', "can't parse allowed updates JSON object");
    if (allowed !== undefined) {
      if (!Array.isArray(allowed) || allowed.some((x) => typeof x !== 'string')) {
        throw badRequest("can't parse allowed updates JSON object");
      }
      this.s.setAllowedUpdates(allowed as string[]);
    }
    if (optBool(p, 'drop_pending_updates')) this.s.dropPending();
    const same = this.webhook.config?.url === url;
    this.webhook.set({ url, secretToken: secret, maxConnections, ipAddress: optString(p, 'ip_address') });
    this.s.rejectPoller(conflict(ERR.webhookActive));
    return new Described(true, same ? 'Webhook is already set' : 'Webhook was set');
  }

  private deleteWebhook(p: Params): unknown {
    if (optBool(p, 'drop_pending_updates')) this.s.dropPending();
    const had = this.webhook.config !== undefined;
    this.webhook.clear();
    return new Described(true, had ? 'Webhook was deleted' : 'Webhook is already deleted');
  }

  private getWebhookInfo(): WebhookInfo {
    const cfg = this.webhook.config;
    const info: WebhookInfo = {
      url: cfg?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.s.pendingUpdates().length,
    };
    if (!cfg) return info;
    info.ip_address = cfg.ipAddress ?? '127.0.0.1';
    if (this.webhook.lastErrorDate !== undefined) {
      info.last_error_date = this.webhook.lastErrorDate;
      info.last_error_message = this.webhook.lastErrorMessage ?? '';
    }
    info.max_connections = cfg.maxConnections;
    const allowed = this.s.allowedUpdates();
    if (allowed) info.allowed_updates = allowed;
    return info;
  }

  // ------------------------------------------------------------------------------------------------------
  // Commands, profile, menu button
  // ------------------------------------------------------------------------------------------------------

  /** Storage key of a command scope (chat ids resolved). */
  scopeKey(scope: BotCommandScope): string {
    switch (scope.type) {
      case 'chat':
      case 'chat_administrators':
        return `${scope.type}:${this.resolveChat({ chat_id: scope.chat_id }).id}`;
      case 'chat_member':
        return `chat_member:${this.resolveChat({ chat_id: scope.chat_id }).id}:${scope.user_id}`;
      default:
        return scope.type;
    }
  }

  private setMyCommands(p: Params): unknown {
    const commands = parseCommands(optJson(p, 'commands', "can't parse commands JSON object") ?? null);
    const scope = parseScope(optJson(p, 'scope', "can't parse BotCommandScope JSON object"));
    const language_code = parseLanguageCode(optString(p, 'language_code'));
    const key = `${this.scopeKey(scope)}|${language_code}`;
    if (commands.length === 0) this.s.commands.delete(key);
    else this.s.commands.set(key, commands);
    if (this.s.events.listenerCount('commands') > 0) {
      this.s.events.emit('commands', { scope, language_code, commands });
    }
    return true;
  }

  private getMyCommands(p: Params): unknown {
    const scope = parseScope(optJson(p, 'scope', "can't parse BotCommandScope JSON object"));
    const language_code = parseLanguageCode(optString(p, 'language_code'));
    return this.s.commands.get(`${this.scopeKey(scope)}|${language_code}`) ?? [];
  }

  private deleteMyCommands(p: Params): unknown {
    const scope = parseScope(optJson(p, 'scope', "can't parse BotCommandScope JSON object"));
    const language_code = parseLanguageCode(optString(p, 'language_code'));
    this.s.commands.delete(`${this.scopeKey(scope)}|${language_code}`);
    if (this.s.events.listenerCount('commands') > 0) {
      this.s.events.emit('commands', { scope, language_code, commands: [] });
    }
    return true;
  }

  private setProfileText(
    p: Params,
    field: 'name' | 'description' | 'short',
    param: string,
    max: number,
  ): unknown {
    const value = optString(p, param) ?? '';
    const lang = parseLanguageCode(optString(p, 'language_code'));
    if (value.length > max) throw badRequest(`${param} is too long`);
    if (value === '') this.s.botProfile[field].delete(lang);
    else this.s.botProfile[field].set(lang, value);
    return true;
  }

  /** What was set for exactly this language (like getMyCommands); users' fallback is {@link Emulator.profileFor}. */
  private profileText(p: Params, field: 'name' | 'description' | 'short'): string {
    const lang = parseLanguageCode(optString(p, 'language_code'));
    const value = this.s.botProfile[field].get(lang);
    if (value !== undefined) return value;
    return field === 'name' && lang === '' ? this.s.botUser.first_name : '';
  }

  private setChatMenuButton(p: Params): unknown {
    const button = parseMenuButton(optJson(p, 'menu_button', "can't parse menu button JSON object"));
    if (p.chat_id === undefined || p.chat_id === '') {
      this.s.defaultMenuButton = button;
      return true;
    }
    const chat = this.resolveChat(p);
    if (chat.type !== 'private') throw badRequest('menu button can be set only in private chats');
    chat.menuButton = button;
    return true;
  }

  private getChatMenuButton(p: Params): unknown {
    if (p.chat_id === undefined || p.chat_id === '') return this.s.defaultMenuButton;
    const chat = this.resolveChat(p);
    return chat.menuButton ?? this.s.defaultMenuButton;
  }

  // ------------------------------------------------------------------------------------------------------
  // Sending
  // ------------------------------------------------------------------------------------------------------

  private sendMessage(p: Params): unknown {
    requireChatId(p);
    const text = this.formattedParam(p, 'text');
    const target = this.sendTarget(p);
    const flags = this.flagsWithinRate(p, target.chat);
    const m = this.botSends('sendMessage', target, flags, {
      ...textFields(text),
    });
    return this.s.toApiMessage(m);
  }

  /** `from` of bot messages: the bot in private chats, absent in channels (sender_chat is used). */
  private botAuthor(chat: ChatRecord): ApiUser | undefined {
    return chat.type === 'channel' ? undefined : this.s.botUser;
  }

  /** Turns the `photo` parameter into a PhotoSize list (uploading, reusing or fetching). */
  private async photoSizes(value: UploadedFile | string): Promise<PhotoSize[]> {
    if (typeof value !== 'string') return this.storePhoto(value.bytes);
    const existing = this.s.files.get(value);
    if (existing) {
      if (existing.kind !== 'photo' || !existing.group) throw badRequest('type of file mismatch');
      return existing.group;
    }
    if (/^https?:\/\//i.test(value)) {
      if (this.opts.photoUrls === 'store') return this.s.files.addPhotoUrl(value);
      let bytes: Buffer;
      try {
        const res = await fetch(value, { signal: AbortSignal.timeout(10_000) });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        bytes = Buffer.from(await res.arrayBuffer());
      } catch {
        throw badRequest('failed to get HTTP URL content');
      }
      if (!sniffImage(bytes)) throw badRequest('wrong type of the web page content');
      return this.storePhoto(bytes);
    }
    throw badRequest(ERR.wrongFileId);
  }

  private storePhoto(bytes: Buffer): PhotoSize[] {
    const info = sniffImage(bytes);
    if (!info) throw badRequest('IMAGE_PROCESS_FAILED');
    const { width, height } = info;
    if (width < 1 || height < 1 || width + height > 10000 || Math.max(width / height, height / width) > 20) {
      throw badRequest('PHOTO_INVALID_DIMENSIONS');
    }
    return this.s.files.addPhoto(bytes, info);
  }

  private async sendPhoto(p: Params, payload: Payload): Promise<unknown> {
    requireChatId(p);
    const photo = resolveInputFile(p.photo, payload.files);
    if (photo === undefined) throw badRequest(ERR.noPhoto);
    const caption = this.formattedParam(p, 'caption');
    const target = this.sendTarget(p);
    const sizes = await this.photoSizes(photo);
    const flags = this.flagsWithinRate(p, target.chat);
    const m = this.botSends('sendPhoto', target, flags, {
      photo: sizes,
      photo_file_id: sizes.at(-1)?.file_id,
      ...captionFields(caption),
    });
    return this.s.toApiMessage(m);
  }

  private sendDocument(p: Params, payload: Payload): unknown {
    requireChatId(p);
    const doc = resolveInputFile(p.document, payload.files);
    if (doc === undefined) throw badRequest('there is no document in the request');
    const caption = this.formattedParam(p, 'caption');
    const target = this.sendTarget(p);
    let document: StoredMessage['document'];
    if (typeof doc === 'string') {
      const existing = this.s.files.get(doc);
      if (!existing) throw badRequest(ERR.wrongFileId);
      if (existing.kind !== 'document') throw badRequest('type of file mismatch');
      document = {
        file_id: existing.file_id,
        file_unique_id: existing.file_unique_id,
        file_name: existing.fileName,
        mime_type: existing.mimeType,
        file_size: existing.bytes?.length,
      };
    } else {
      if (doc.bytes.length === 0) throw badRequest('file must be non-empty');
      document = this.s.files.addDocument(doc.bytes, doc.filename, doc.contentType);
    }
    const flags = this.flagsWithinRate(p, target.chat);
    const m = this.botSends('sendDocument', target, flags, {
      document,
      ...captionFields(caption),
    });
    return this.s.toApiMessage(m);
  }

  /** The message referenced by `from_chat_id` + `message_id` (copy/forward). */
  private sourceMessage(p: Params, notFound: string): MutableMessage {
    if (p.from_chat_id === undefined || p.from_chat_id === null || p.from_chat_id === '') {
      throw badRequest('from_chat_id is empty');
    }
    const from = this.resolveChat(p, 'from_chat_id');
    const id = optInt(p, 'message_id');
    if (id === undefined) throw badRequest(ERR.messageIdMissing);
    const m = this.s.liveMessage(from, id);
    if (!m) throw badRequest(notFound);
    return m;
  }

  private copyMessage(p: Params): unknown {
    requireChatId(p);
    const source = this.sourceMessage(p, ERR.copyNotFound);
    if (source.protect_content) throw badRequest("message can't be copied");
    const hasCaption = p.caption !== undefined;
    const caption = hasCaption ? this.formattedParam(p, 'caption') : undefined;
    const target = this.sendTarget(p);
    const flags = this.flagsWithinRate(p, target.chat);
    const isMedia = source.photo !== undefined || source.document !== undefined;
    const m = this.botSends('copyMessage', target, flags, {
      text: source.text,
      entities: source.entities,
      photo: source.photo,
      photo_file_id: source.photo_file_id,
      document: source.document,
      caption: isMedia ? (hasCaption ? caption?.text : source.caption) : undefined,
      caption_entities: isMedia
        ? hasCaption
          ? caption
            ? entitiesOrUndefined(caption.entities)
            : undefined
          : source.caption_entities
        : undefined,
      html: hasCaption && isMedia ? caption?.html : source.html,
      parse_mode: hasCaption && isMedia ? caption?.parseMode : source.parse_mode,
    });
    return { message_id: m.message_id };
  }

  private forwardMessage(p: Params): unknown {
    requireChatId(p);
    const source = this.sourceMessage(p, ERR.forwardNotFound);
    if (source.protect_content) throw badRequest("message can't be forwarded");
    const chat = this.resolveChat(p);
    this.checkCanWrite(chat);
    const flags = this.sendFlags(p);
    this.checkRate(chat, false);
    const sourceChat = this.s.chat(source.chat_id);
    const origin: MessageOrigin =
      source.forward_origin ??
      (sourceChat?.type === 'channel'
        ? { type: 'channel', date: source.date, chat: sourceChat.apiChat, message_id: source.message_id }
        : { type: 'user', date: source.date, sender_user: source.from ?? this.s.botUser });
    const m = this.s.addMessage(chat, 'bot', this.botAuthor(chat), 'forwardMessage', {
      text: source.text,
      entities: source.entities,
      photo: source.photo,
      photo_file_id: source.photo_file_id,
      document: source.document,
      caption: source.caption,
      caption_entities: source.caption_entities,
      html: source.html,
      parse_mode: source.parse_mode,
      forward_origin: origin,
      protect_content: flags.protect_content,
      disable_notification: flags.disable_notification,
    });
    return this.s.toApiMessage(m);
  }

  // ------------------------------------------------------------------------------------------------------
  // Editing and deleting
  // ------------------------------------------------------------------------------------------------------

  private editMessageText(p: Params): unknown {
    const messageId = this.messageIdParam(p);
    const text = this.formattedParam(p, 'text') as TextResult;
    const { markup, m } = this.editTarget(p, messageId);
    if (m.text === undefined) throw badRequest(ERR.noTextToEdit);
    if (
      m.text === text.text &&
      sameJson(m.entities ?? [], text.entities) &&
      sameJson(m.reply_markup, markup)
    ) {
      throw badRequest(ERR.notModified);
    }
    Object.assign(m, textFields(text));
    m.reply_markup = markup;
    return this.applyEdit(m);
  }

  private editMessageCaption(p: Params): unknown {
    const messageId = this.messageIdParam(p);
    const caption = this.formattedParam(p, 'caption');
    const { markup, m } = this.editTarget(p, messageId);
    if (m.photo === undefined && m.document === undefined) throw badRequest(ERR.noCaptionToEdit);
    if (
      (m.caption ?? '') === (caption?.text ?? '') &&
      sameJson(m.caption_entities ?? [], caption?.entities ?? []) &&
      sameJson(m.reply_markup, markup)
    ) {
      throw badRequest(ERR.notModified);
    }
    Object.assign(m, captionFields(caption));
    m.reply_markup = markup;
    return this.applyEdit(m);
  }

  private async editMessageMedia(p: Params, payload: Payload): Promise<unknown> {
    const messageId = this.messageIdParam(p);
    const media = optJson(p, 'media', "can't parse InputMedia JSON object");
    if (typeof media !== 'object' || media === null || Array.isArray(media)) {
      throw badRequest("can't parse InputMedia JSON object");
    }
    const input = media as Params;
    if (input.type !== 'photo') throw badRequest('unsupported media type: the emulator can edit photos only');
    const file = resolveInputFile(input.media, payload.files);
    if (file === undefined) throw badRequest(ERR.noPhoto);
    const caption = this.formattedParam(input, 'caption');
    const { markup, m } = this.editTarget(p, messageId);
    if (m.photo === undefined && m.document === undefined) throw badRequest(ERR.noMediaToEdit);
    const sizes = await this.photoSizes(file);
    const same =
      m.photo !== undefined &&
      m.photo.at(-1)?.file_unique_id === sizes.at(-1)?.file_unique_id &&
      (m.caption ?? '') === (caption?.text ?? '') &&
      sameJson(m.caption_entities ?? [], caption?.entities ?? []) &&
      sameJson(m.reply_markup, markup);
    if (same) throw badRequest(ERR.notModified);
    m.photo = sizes;
    m.photo_file_id = sizes.at(-1)?.file_id;
    m.document = undefined;
    Object.assign(m, captionFields(caption));
    m.reply_markup = markup;
    return this.applyEdit(m);
  }

  private editMessageReplyMarkup(p: Params): unknown {
    const messageId = this.messageIdParam(p);
    const { markup, m } = this.editTarget(p, messageId);
    if (sameJson(m.reply_markup, markup)) throw badRequest(ERR.notModified);
    m.reply_markup = markup;
    return this.applyEdit(m);
  }

  private deleteOne(chat: ChatRecord, messageId: number): boolean {
    const m = this.s.liveMessage(chat, messageId);
    if (!m) return false;
    m.deleted = true;
    m.deleted_date = this.s.now();
    if (this.s.events.listenerCount('delete') > 0) this.s.events.emit('delete', m);
    return true;
  }

  private deleteMessage(p: Params): unknown {
    const chat = this.resolveChat(p);
    const id = optInt(p, 'message_id');
    if (id === undefined) throw badRequest(ERR.messageIdMissing);
    const channel = this.channelOf(chat);
    if (channel && !channel.botIsAdmin) throw badRequest("message can't be deleted");
    if (!this.deleteOne(chat, id)) throw badRequest(ERR.deleteNotFound);
    return true;
  }

  private deleteMessages(p: Params): unknown {
    const chat = this.resolveChat(p);
    const ids = optJson(p, 'message_ids', "can't parse message identifiers JSON object");
    if (!Array.isArray(ids) || ids.length < 1 || ids.length > 100) {
      throw badRequest('message_ids must contain 1-100 identifiers');
    }
    const channel = this.channelOf(chat);
    if (channel && !channel.botIsAdmin) throw badRequest("message can't be deleted");
    for (const id of ids) {
      const n = typeof id === 'string' ? Number(id) : id;
      if (typeof n === 'number' && Number.isSafeInteger(n)) this.deleteOne(chat, n);
    }
    return true;
  }

  // ------------------------------------------------------------------------------------------------------
  // Callback queries, members, chats, files, actions
  // ------------------------------------------------------------------------------------------------------

  private answerCallbackQuery(p: Params): unknown {
    const id = optString(p, 'callback_query_id');
    if (id === undefined || id === '') throw badRequest(ERR.queryTooOld);
    const text = optString(p, 'text');
    if (text !== undefined && text.length > 200) throw badRequest('MESSAGE_TOO_LONG');
    const query = this.s.queries.get(id);
    if (!query || query.answered || query.expired) throw badRequest(ERR.queryTooOld);
    query.answered = true;
    if (query.timer) clearTimeout(query.timer);
    const answer: { text?: string; show_alert?: boolean; url?: string; cache_time?: number } = {};
    if (text !== undefined && text !== '') answer.text = text;
    const alert = optBool(p, 'show_alert');
    if (alert !== undefined) answer.show_alert = alert;
    const url = optString(p, 'url');
    if (url !== undefined && url !== '') answer.url = url;
    const cache = optInt(p, 'cache_time');
    if (cache !== undefined) answer.cache_time = cache;
    query.resolve(answer);
    if (this.s.events.listenerCount('callbackAnswer') > 0) {
      this.s.events.emit('callbackAnswer', {
        queryId: id,
        userId: query.userId,
        messageId: query.messageId,
        data: query.data,
        answer,
      });
    }
    return true;
  }

  private getChatMember(p: Params): unknown {
    const chat = this.resolveChat(p);
    const userId = optInt(p, 'user_id');
    if (userId === undefined || userId <= 0) throw badRequest(ERR.invalidUserId);
    const user = this.lookupUser(userId);
    const channel = this.channelOf(chat);
    if (!channel) {
      // a private chat: its two members
      if (userId === chat.id && user) return { status: 'member', user } satisfies ApiChatMember;
      if (userId === this.s.botUser.id)
        return { status: 'member', user: this.s.botUser } satisfies ApiChatMember;
      throw badRequest(ERR.userNotFound);
    }
    if (!channel.botIsAdmin) throw badRequest(ERR.memberListInaccessible);
    if (userId === this.s.botUser.id) return botAdministrator(this.s.botUser);
    if (!user) throw badRequest(ERR.userNotFound);
    return channel.members.get(userId) ?? ({ status: 'left', user } satisfies ApiChatMember);
  }

  private getChat(p: Params): unknown {
    const chat = this.resolveChat(p);
    const user = this.userOf(chat);
    if (user && !user.started) throw badRequest(ERR.chatNotFound);
    return { ...chat.apiChat, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: giftTypes() };
  }

  private getFile(p: Params): unknown {
    const id = optString(p, 'file_id');
    if (id === undefined || id === '') throw badRequest('file_id is empty');
    const file = this.s.files.get(id);
    if (!file) throw badRequest('invalid file_id');
    const result: Record<string, unknown> = { file_id: file.file_id, file_unique_id: file.file_unique_id };
    if (file.bytes) result.file_size = file.bytes.length;
    if (file.file_path) result.file_path = file.file_path;
    return result;
  }

  private sendChatAction(p: Params): unknown {
    const chat = this.resolveChat(p);
    const action = optString(p, 'action');
    if (action === undefined || !CHAT_ACTIONS.has(action))
      throw badRequest('wrong parameter action in request');
    this.checkCanWrite(chat);
    if (this.s.events.listenerCount('chatAction') > 0)
      this.s.events.emit('chatAction', { chatId: chat.id, action });
    return true;
  }

  // ------------------------------------------------------------------------------------------------------
  // Inline mode
  // ------------------------------------------------------------------------------------------------------

  private answerInlineQuery(p: Params): unknown {
    const id = optString(p, 'inline_query_id');
    if (id === undefined || id === '') throw badRequest(ERR.queryTooOld);
    const parsed = parseInlineAnswer(p, {
      formatText: (source, parseMode, entities, kind) => this.formatText(source, parseMode, entities, kind),
      storedPhoto: (fileId) => {
        const file = this.s.files.get(fileId);
        if (!file) throw badRequest(ERR.wrongFileId);
        if (file.kind !== 'photo' || !file.group) throw badRequest('type of file mismatch');
        return file.group;
      },
    });
    const query = this.s.inlineQueries.get(id);
    if (!query || query.answered || query.expired) throw badRequest(ERR.queryTooOld);
    query.answered = true;
    if (query.timer) clearTimeout(query.timer);
    const answers = this.s.inlineAnswers;
    answers.set(id, { userId: query.userId, query: query.query, contents: parsed.contents });
    if (answers.size > MAX_INLINE_ANSWERS) {
      const oldest = answers.keys().next().value;
      if (oldest !== undefined) answers.delete(oldest);
    }
    query.resolve({ inlineQueryId: id, ...parsed.answer });
    return true;
  }

  // ------------------------------------------------------------------------------------------------------
  // Payments
  // ------------------------------------------------------------------------------------------------------

  private sendInvoice(p: Params): unknown {
    requireChatId(p);
    const details = parseInvoice(p, 'message');
    const markup = parseReplyMarkup(optJson(p, 'reply_markup', ERR.badMarkup), {
      inlineOnly: true,
      inlineMode: this.opts.inlineMode,
      payFirst: true,
    });
    const chat = this.resolveChat(p);
    this.checkCanWrite(chat);
    const target: SendTarget = { markup, chat, replyTo: this.replyTo(p, chat) };
    const flags = this.flagsWithinRate(p, chat);
    const m = this.botSends('sendInvoice', target, flags, {
      invoice: {
        title: details.title,
        description: details.description,
        start_parameter: details.start_parameter,
        currency: details.currency,
        total_amount: details.total_amount,
      },
      invoice_details: details,
    });
    return this.s.toApiMessage(m);
  }

  private invoiceLinkCounter = 0;

  private createInvoiceLink(p: Params): unknown {
    const details = parseInvoice(p, 'link');
    const slug = `${(++this.invoiceLinkCounter).toString(36)}${Math.random().toString(36).slice(2, 12)}`;
    const url = `https://t.me/$${slug}`;
    this.s.invoiceLinks.set(url, details);
    return url;
  }

  private answerPreCheckoutQuery(p: Params): unknown {
    const id = optString(p, 'pre_checkout_query_id');
    if (id === undefined || id === '') throw badRequest(ERR.queryTooOld);
    const ok = optBool(p, 'ok');
    if (ok === undefined) throw badRequest(PAYMENT_ERR.okMissing);
    const errorMessage = optString(p, 'error_message') ?? '';
    if (!ok && errorMessage.trim() === '') throw badRequest(PAYMENT_ERR.errorMessageEmpty);
    if (!ok && errorMessage.length > 255) throw badRequest('ERROR_MESSAGE_TOO_LONG');
    const query = this.s.preCheckouts.get(id);
    if (!query || query.answered || query.expired) throw badRequest(ERR.queryTooOld);
    query.answered = true;
    if (query.timer) clearTimeout(query.timer);
    query.resolve(ok ? { ok: true } : { ok: false, errorMessage });
    return true;
  }

  private refundStarPayment(p: Params): unknown {
    const userId = optInt(p, 'user_id');
    if (userId === undefined || userId <= 0) throw badRequest(ERR.invalidUserId);
    const user = this.s.users.get(userId);
    if (!user) throw badRequest(ERR.userNotFound);
    const chargeId = optString(p, 'telegram_payment_charge_id') ?? '';
    if (chargeId === '') throw badRequest('CHARGE_ID_EMPTY');
    const payment = this.s.payments.find((x) => x.telegramChargeId === chargeId && x.userId === userId);
    if (!payment) throw badRequest(PAYMENT_ERR.chargeNotFound);
    if (payment.currency !== 'XTR') throw badRequest(PAYMENT_ERR.notStars);
    if (payment.refunded) throw badRequest(PAYMENT_ERR.chargeRefunded);
    payment.refunded = true;
    const m = this.s.addMessage(user.chat, 'user', user.user, 'refundStarPayment', {
      refunded_payment: {
        currency: 'XTR',
        total_amount: payment.totalAmount,
        invoice_payload: payment.payload,
        telegram_payment_charge_id: payment.telegramChargeId,
        provider_payment_charge_id: payment.providerChargeId,
      },
    });
    this.s.enqueue('message', this.s.toApiMessage(m));
    return true;
  }
}

function giftTypes(): Record<string, boolean> {
  return {
    unlimited_gifts: false,
    limited_gifts: false,
    unique_gifts: false,
    premium_subscription: false,
  };
}

/** The bot's own ChatMember in a channel it administers. */
export function botAdministrator(bot: ApiUser): ApiChatMember {
  return {
    status: 'administrator',
    user: bot,
    can_be_edited: false,
    is_anonymous: false,
    can_manage_chat: true,
    can_delete_messages: true,
    can_manage_video_chats: false,
    can_restrict_members: true,
    can_promote_members: false,
    can_change_info: false,
    can_invite_users: true,
    can_post_messages: true,
    can_edit_messages: true,
    can_post_stories: false,
    can_edit_stories: false,
    can_delete_stories: false,
  };
}
