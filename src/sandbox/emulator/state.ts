/**
 * The emulator's world: users, channels, chats with their messages, the update queue (with long polling),
 * commands, files and counters. Everything is kept in maps for O(1) access on the hot path.
 */
import type { EventEmitter } from 'node:events';
import { FileStore } from './files.js';
import type { ChosenContent } from './inline.js';
import type { SlidingWindowLimiter } from './ratelimit.js';
import type {
  ApiChat,
  ApiChatMember,
  ApiMessage,
  ApiUpdate,
  ApiUser,
  BotCommand,
  CallbackAnswer,
  EmulatorEvents,
  EmulatorStats,
  InlineKeyboardMarkup,
  InlineQueryAnswer,
  InvoiceDetails,
  MenuButton,
  PaymentRecord,
  ReplyKeyboardMarkup,
  StoredMessage,
  UpdateType,
} from './types.js';

/** A stored message with writable bookkeeping fields (the public type is read-only where it matters). */
export type MutableMessage = { -readonly [K in keyof StoredMessage]: StoredMessage[K] };

/** The optional fields of a message, all unset: a new message starts from them, a restored one is filled with them. */
export const UNSET_MESSAGE_FIELDS = {
  text: undefined,
  entities: undefined,
  caption: undefined,
  caption_entities: undefined,
  html: undefined,
  parse_mode: undefined,
  photo: undefined,
  photo_file_id: undefined,
  document: undefined,
  via_bot: undefined,
  invoice: undefined,
  invoice_details: undefined,
  invoice_paid: false,
  successful_payment: undefined,
  refunded_payment: undefined,
  reply_markup: undefined,
  reply_to_message_id: undefined,
  forward_origin: undefined,
  protect_content: false,
  disable_notification: false,
  paid_broadcast: false,
  edit_count: 0,
  edited: false,
  edit_date: undefined,
  deleted: false,
  deleted_date: undefined,
} satisfies Omit<MutableMessage, 'message_id' | 'chat_id' | 'sender' | 'from' | 'date' | 'via'>;

/** A chat (a user's private chat with the bot, or a channel). */
export interface ChatRecord {
  readonly id: number;
  readonly type: 'private' | 'channel';
  readonly apiChat: ApiChat;
  readonly messages: MutableMessage[];
  readonly byId: Map<number, MutableMessage>;
  nextMessageId: number;
  /** The reply keyboard currently shown to the user (private chats). */
  replyKeyboard: ReplyKeyboardMarkup | undefined;
  menuButton: MenuButton | undefined;
  /** Per-chat rate limiter (created lazily when a per-chat limit is configured). */
  limiter: SlidingWindowLimiter | undefined;
}

export interface UserRecord {
  /** Replaced (never mutated) when the profile changes: messages sent earlier keep the old `from`. */
  user: ApiUser;
  readonly chat: ChatRecord;
  /** The user has written to the bot at least once (pressed Start). */
  started: boolean;
  /** The user blocked the bot. */
  blocked: boolean;
}

export interface ChannelRecord {
  readonly chat: ChatRecord;
  readonly title: string;
  readonly username: string | undefined;
  botIsAdmin: boolean;
  /** Membership by user id (absent = never joined → `left`). */
  readonly members: Map<number, ApiChatMember>;
}

/** A callback query waiting for the bot's answer. */
export interface PendingQuery {
  readonly id: string;
  readonly userId: number;
  readonly messageId: number | undefined;
  readonly data: string | undefined;
  readonly createdAt: number;
  answered: boolean;
  expired: boolean;
  timer: NodeJS.Timeout | undefined;
  resolve: (answer: CallbackAnswer | null) => void;
}

/** An inline query waiting for answerInlineQuery. */
export interface PendingInlineQuery {
  readonly id: string;
  readonly userId: number;
  readonly query: string;
  answered: boolean;
  expired: boolean;
  timer: NodeJS.Timeout | undefined;
  resolve: (answer: InlineQueryAnswer) => void;
  reject: (error: Error) => void;
}

/** An answered inline query: what choosing each result sends. */
export interface InlineAnswerRecord {
  readonly userId: number;
  readonly query: string;
  readonly contents: Map<string, ChosenContent>;
}

/** How the bot answered a pre-checkout query. */
export type PreCheckoutAnswer = { ok: true } | { ok: false; errorMessage: string };

/** A pre-checkout query waiting for answerPreCheckoutQuery. */
export interface PendingPreCheckout {
  readonly id: string;
  readonly userId: number;
  answered: boolean;
  expired: boolean;
  timer: NodeJS.Timeout | undefined;
  resolve: (answer: PreCheckoutAnswer | null) => void;
}

/** A pending long-poll request. */
interface Poller {
  limit: number;
  resolve: (updates: ApiUpdate[]) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout | undefined;
}

/** The update types Telegram sends when `allowed_updates` is empty or was never given. */
export const DEFAULT_ALLOWED_UPDATES: ReadonlySet<string> = new Set([
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'business_connection',
  'business_message',
  'edited_business_message',
  'deleted_business_messages',
  'inline_query',
  'chosen_inline_result',
  'callback_query',
  'shipping_query',
  'pre_checkout_query',
  'purchased_paid_media',
  'poll',
  'poll_answer',
  'my_chat_member',
  'chat_join_request',
  'chat_boost',
  'removed_chat_boost',
]);

/** How many answered inline queries are kept for chooseInlineResult. */
export const MAX_INLINE_ANSWERS = 1000;

export function newStats(): EmulatorStats {
  return {
    callsByMethod: {},
    errorsByCode: {},
    tooManyRequests: 0,
    messagesDeliveredByChat: new Map(),
    messagesDelivered: 0,
    paidMessagesDelivered: 0,
    updatesCreated: 0,
  };
}

export interface BotIdentity {
  readonly id: number;
  readonly first_name: string;
  readonly username: string;
}

export class EmulatorState {
  readonly events: EventEmitter<EmulatorEvents>;
  readonly botUser: ApiUser;
  readonly users = new Map<number, UserRecord>();
  readonly channels = new Map<number, ChannelRecord>();
  readonly channelsByUsername = new Map<string, ChannelRecord>();
  readonly files = new FileStore();
  /** setMyCommands storage: key `scopeKey|language_code`. */
  readonly commands = new Map<string, BotCommand[]>();
  readonly queries = new Map<string, PendingQuery>();
  readonly inlineQueries = new Map<string, PendingInlineQuery>();
  /** Answered inline queries by id (the latest {@link MAX_INLINE_ANSWERS}). */
  readonly inlineAnswers = new Map<string, InlineAnswerRecord>();
  readonly preCheckouts = new Map<string, PendingPreCheckout>();
  /** Payments made, in order. */
  readonly payments: PaymentRecord[] = [];
  /** createInvoiceLink results by URL. */
  readonly invoiceLinks = new Map<string, InvoiceDetails>();
  readonly botProfile = {
    name: new Map<string, string>(),
    description: new Map<string, string>(),
    short: new Map<string, string>(),
  };
  defaultMenuButton: MenuButton = { type: 'default' };
  stats: EmulatorStats = newStats();

  // update queue
  private pending: ApiUpdate[] = [];
  private nextUpdateId = 1;
  private poller: Poller | undefined;
  private allowed: ReadonlySet<string> = DEFAULT_ALLOWED_UPDATES;
  private allowedList: string[] | undefined;
  /** Called after an update is queued (the webhook deliverer hooks in here). */
  onQueued: (() => void) | undefined;

  constructor(bot: BotIdentity, events: EventEmitter<EmulatorEvents>, firstUpdateId = 1) {
    this.botUser = { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username };
    this.events = events;
    this.nextUpdateId = firstUpdateId;
  }

  now(): number {
    return Math.floor(Date.now() / 1000);
  }

  // ------------------------------------------------------------------------------------------------------
  // Chats and messages
  // ------------------------------------------------------------------------------------------------------

  newChat(id: number, type: 'private' | 'channel', apiChat: ApiChat): ChatRecord {
    return {
      id,
      type,
      apiChat,
      messages: [],
      byId: new Map(),
      nextMessageId: 1,
      replyKeyboard: undefined,
      menuButton: undefined,
      limiter: undefined,
    };
  }

  /** The chat with this id (a user's private chat or a channel). */
  chat(chatId: number): ChatRecord | undefined {
    return this.users.get(chatId)?.chat ?? this.channels.get(chatId)?.chat;
  }

  /** Appends a new message to a chat and emits `message`. */
  addMessage(
    chat: ChatRecord,
    sender: 'bot' | 'user',
    from: ApiUser | undefined,
    via: string,
    fields: Partial<MutableMessage>,
  ): MutableMessage {
    const message: MutableMessage = {
      message_id: chat.nextMessageId++,
      chat_id: chat.id,
      sender,
      from,
      date: this.now(),
      via,
      ...UNSET_MESSAGE_FIELDS,
      ...fields,
    };
    chat.messages.push(message);
    chat.byId.set(message.message_id, message);
    if (sender === 'bot') {
      this.stats.messagesDelivered++;
      if (message.paid_broadcast) this.stats.paidMessagesDelivered++;
      const m = this.stats.messagesDeliveredByChat;
      m.set(chat.id, (m.get(chat.id) ?? 0) + 1);
      const markup = message.reply_markup;
      if (markup && 'keyboard' in markup) chat.replyKeyboard = markup;
      else if (markup && 'remove_keyboard' in markup) chat.replyKeyboard = undefined;
    }
    if (this.events.listenerCount('message') > 0) this.events.emit('message', message);
    return message;
  }

  /** A live (not deleted) message of a chat. */
  liveMessage(chat: ChatRecord, messageId: number): MutableMessage | undefined {
    const m = chat.byId.get(messageId);
    return m && !m.deleted ? m : undefined;
  }

  /** Builds the Bot API `Message` object for a stored message. */
  toApiMessage(m: StoredMessage, withReply = true): ApiMessage {
    const chat = this.chat(m.chat_id);
    const apiChat: ApiChat = chat ? chat.apiChat : { id: m.chat_id, type: 'private' };
    // keep Telegram's key order: message_id, from/sender_chat, chat, date, …
    const ordered = { message_id: m.message_id } as ApiMessage;
    if (m.from) ordered.from = m.from;
    else if (apiChat.type === 'channel') ordered.sender_chat = apiChat;
    ordered.chat = apiChat;
    ordered.date = m.date;
    if (m.edit_date !== undefined) ordered.edit_date = m.edit_date;
    if (m.forward_origin) ordered.forward_origin = m.forward_origin;
    if (withReply && m.reply_to_message_id !== undefined && chat) {
      const replied = this.liveMessage(chat, m.reply_to_message_id);
      if (replied) ordered.reply_to_message = this.toApiMessage(replied, false);
    }
    if (m.protect_content) ordered.has_protected_content = true;
    if (m.text !== undefined) {
      ordered.text = m.text;
      if (m.entities && m.entities.length > 0) ordered.entities = m.entities;
    }
    if (m.photo) ordered.photo = m.photo;
    if (m.document) ordered.document = m.document;
    if (m.via_bot) ordered.via_bot = m.via_bot;
    if (m.caption !== undefined && m.caption.length > 0) {
      ordered.caption = m.caption;
      if (m.caption_entities && m.caption_entities.length > 0) ordered.caption_entities = m.caption_entities;
    }
    if (m.invoice) ordered.invoice = m.invoice;
    if (m.successful_payment) ordered.successful_payment = m.successful_payment;
    if (m.refunded_payment) ordered.refunded_payment = m.refunded_payment;
    if (m.reply_markup && 'inline_keyboard' in m.reply_markup) {
      ordered.reply_markup = m.reply_markup as InlineKeyboardMarkup;
    }
    return ordered;
  }

  // ------------------------------------------------------------------------------------------------------
  // Update queue and long polling
  // ------------------------------------------------------------------------------------------------------

  /** Sets `allowed_updates` (an empty list restores the default set). */
  setAllowedUpdates(list: string[]): void {
    this.allowedList = list.length > 0 ? [...list] : undefined;
    this.allowed = list.length > 0 ? new Set(list) : DEFAULT_ALLOWED_UPDATES;
  }

  allowedUpdates(): string[] | undefined {
    return this.allowedList;
  }

  /**
   * Queues an update of the given kind if the bot's `allowed_updates` accepts it (Telegram does not store
   * the others). Returns the update or `undefined` if filtered out.
   */
  enqueue<K extends UpdateType>(type: K, payload: NonNullable<ApiUpdate[K]>): ApiUpdate | undefined {
    if (!this.allowed.has(type)) return undefined;
    const update = { update_id: this.nextUpdateId++, [type]: payload } as ApiUpdate;
    this.pending.push(update);
    this.stats.updatesCreated++;
    if (this.events.listenerCount('update') > 0) this.events.emit('update', update);
    if (this.poller) {
      // answer on the next tick so that updates created in one synchronous burst travel together
      const poller = this.poller;
      this.poller = undefined;
      if (poller.timer) clearTimeout(poller.timer);
      setImmediate(() => poller.resolve(this.pending.slice(0, poller.limit)));
    }
    this.onQueued?.();
    return update;
  }

  /** The update_id the next queued update gets. */
  get nextUpdateIdToAssign(): number {
    return this.nextUpdateId;
  }

  /** Continues numbering updates at `updateId` (never goes back, so ids stay unique). */
  continueUpdateIdsAt(updateId: number): void {
    this.nextUpdateId = Math.max(this.nextUpdateId, updateId);
  }

  /** Updates not yet confirmed. */
  pendingUpdates(): readonly ApiUpdate[] {
    return this.pending;
  }

  /** Confirms (drops) every update with `update_id < offset`; a negative offset keeps only the last -offset. */
  confirm(offset: number): void {
    if (offset < 0) {
      const keep = -offset;
      if (this.pending.length > keep) this.pending.splice(0, this.pending.length - keep);
      return;
    }
    let k = 0;
    while (k < this.pending.length && (this.pending[k] as ApiUpdate).update_id < offset) k++;
    if (k > 0) this.pending.splice(0, k);
  }

  /** Drops the first queued update (webhook delivered it). */
  shiftUpdate(): void {
    this.pending.shift();
  }

  dropPending(): void {
    this.pending = [];
  }

  /**
   * Waits up to `timeoutMs` for updates. A new poll terminates the previous one with `onConflict` (Telegram
   * answers the older request with 409). `onAbort` registers cleanup for a closed connection.
   */
  poll(
    limit: number,
    timeoutMs: number,
    onAbort: (cb: () => void) => void,
    onConflict: () => unknown,
  ): Promise<ApiUpdate[]> {
    if (this.pending.length > 0 || timeoutMs <= 0) return Promise.resolve(this.pending.slice(0, limit));
    const previous = this.poller;
    if (previous) {
      this.poller = undefined;
      if (previous.timer) clearTimeout(previous.timer);
      previous.reject(onConflict());
    }
    return new Promise<ApiUpdate[]>((resolve, reject) => {
      const poller: Poller = { limit, resolve, reject, timer: undefined };
      poller.timer = setTimeout(() => {
        if (this.poller === poller) this.poller = undefined;
        resolve([]);
      }, timeoutMs);
      this.poller = poller;
      onAbort(() => {
        if (this.poller === poller) {
          this.poller = undefined;
          if (poller.timer) clearTimeout(poller.timer);
          resolve([]);
        }
      });
    });
  }

  /** Ends a pending long poll with an empty result (used by stop/reset and when a webhook is set). */
  releasePoller(): void {
    const poller = this.poller;
    if (!poller) return;
    this.poller = undefined;
    if (poller.timer) clearTimeout(poller.timer);
    poller.resolve([]);
  }

  /** Ends a pending long poll with an error (a webhook was set meanwhile). */
  rejectPoller(error: unknown): void {
    const poller = this.poller;
    if (!poller) return;
    this.poller = undefined;
    if (poller.timer) clearTimeout(poller.timer);
    poller.reject(error);
  }

  /** Clears callback, inline and pre-checkout query timers (stop/reset); waiting drivers get no answer. */
  clearQueries(): void {
    for (const q of this.queries.values()) {
      if (q.timer) clearTimeout(q.timer);
      if (!q.answered && !q.expired) q.resolve(null);
    }
    this.queries.clear();
    for (const q of this.inlineQueries.values()) {
      if (q.timer) clearTimeout(q.timer);
      if (!q.answered && !q.expired) q.reject(new Error(`inline query ${q.id}: the emulator stopped`));
    }
    this.inlineQueries.clear();
    for (const q of this.preCheckouts.values()) {
      if (q.timer) clearTimeout(q.timer);
      if (!q.answered && !q.expired) q.resolve(null);
    }
    this.preCheckouts.clear();
  }
}
