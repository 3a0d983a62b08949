/**
 * JSON shapes of the Bot API objects the emulator produces, plus the public types of its driver API.
 *
 * These are deliberately small structural types (a subset of the official ones) so that the emulator does not
 * depend on a client library at run time; they are compatible with grammY's types for the fields they carry.
 */

import type { ApiUser, MessageEntity } from '../../telegram/types.js';

export type { ApiUser, EntityType, MessageEntity } from '../../telegram/types.js';

/** Bot API `Chat` (private chats and channels are what the emulator models). */
export interface ApiChat {
  id: number;
  type: 'private' | 'channel';
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
}

/** Bot API `PhotoSize`. */
export interface PhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size?: number;
}

/** One button of an inline keyboard (all action fields of the Bot API are accepted, exactly one per button). */
export interface InlineKeyboardButton {
  text: string;
  url?: string;
  callback_data?: string;
  web_app?: { url: string };
  login_url?: { url: string; forward_text?: string; bot_username?: string; request_write_access?: boolean };
  switch_inline_query?: string;
  switch_inline_query_current_chat?: string;
  switch_inline_query_chosen_chat?: Record<string, unknown>;
  copy_text?: { text: string };
  callback_game?: Record<string, unknown>;
  pay?: boolean;
  style?: string;
  icon_custom_emoji_id?: string;
}

export interface InlineKeyboardMarkup {
  inline_keyboard: InlineKeyboardButton[][];
}

/** A button of a reply keyboard (strings are normalised to `{ text }`). */
export interface KeyboardButton {
  text: string;
  request_contact?: boolean;
  request_location?: boolean;
  request_poll?: { type?: string };
  request_users?: Record<string, unknown>;
  request_chat?: Record<string, unknown>;
  web_app?: { url: string };
  style?: string;
  icon_custom_emoji_id?: string;
}

export interface ReplyKeyboardMarkup {
  keyboard: KeyboardButton[][];
  is_persistent?: boolean;
  resize_keyboard?: boolean;
  one_time_keyboard?: boolean;
  input_field_placeholder?: string;
  selective?: boolean;
}

export interface ReplyKeyboardRemove {
  remove_keyboard: true;
  selective?: boolean;
}

export interface ForceReply {
  force_reply: true;
  input_field_placeholder?: string;
  selective?: boolean;
}

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** Bot API `MessageOrigin` (forwarded messages). */
export type MessageOrigin =
  | { type: 'user'; date: number; sender_user: ApiUser }
  | { type: 'channel'; date: number; chat: ApiChat; message_id: number };

/** Bot API `Message` as returned by the emulator. */
export interface ApiMessage {
  message_id: number;
  from?: ApiUser;
  sender_chat?: ApiChat;
  chat: ApiChat;
  date: number;
  edit_date?: number;
  forward_origin?: MessageOrigin;
  reply_to_message?: ApiMessage;
  has_protected_content?: true;
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  caption_entities?: MessageEntity[];
  photo?: PhotoSize[];
  document?: ApiDocument;
  /** The bot the message was sent through (inline mode). */
  via_bot?: ApiUser;
  invoice?: ApiInvoice;
  successful_payment?: SuccessfulPayment;
  refunded_payment?: RefundedPayment;
  reply_markup?: InlineKeyboardMarkup;
}

/** Bot API `Invoice` (what a message with an invoice carries). */
export interface ApiInvoice {
  title: string;
  description: string;
  start_parameter: string;
  currency: string;
  total_amount: number;
}

/** Bot API `LabeledPrice`. */
export interface LabeledPrice {
  label: string;
  amount: number;
}

/** Bot API `OrderInfo` (filled when the invoice asked for name / phone / email). */
export interface OrderInfo {
  name?: string;
  phone_number?: string;
  email?: string;
  shipping_address?: {
    country_code: string;
    state: string;
    city: string;
    street_line1: string;
    street_line2: string;
    post_code: string;
  };
}

/** Bot API `SuccessfulPayment`. */
export interface SuccessfulPayment {
  currency: string;
  total_amount: number;
  invoice_payload: string;
  telegram_payment_charge_id: string;
  provider_payment_charge_id: string;
  order_info?: OrderInfo;
}

/** Bot API `RefundedPayment`. */
export interface RefundedPayment {
  currency: 'XTR';
  total_amount: number;
  invoice_payload: string;
  telegram_payment_charge_id: string;
  provider_payment_charge_id?: string;
}

/**
 * Everything an invoice was created with (emulator-side; the Bot API message carries only {@link ApiInvoice}).
 * Kept on the stored message (sendInvoice) or the link (createInvoiceLink) so a payment can be checked against it.
 */
export interface InvoiceDetails {
  title: string;
  description: string;
  payload: string;
  /** `''` for Telegram Stars. */
  provider_token: string;
  currency: string;
  prices: LabeledPrice[];
  total_amount: number;
  max_tip_amount: number;
  suggested_tip_amounts: number[];
  start_parameter: string;
  provider_data: string | undefined;
  photo_url: string | undefined;
  photo_size: number | undefined;
  photo_width: number | undefined;
  photo_height: number | undefined;
  need_name: boolean;
  need_phone_number: boolean;
  need_email: boolean;
  need_shipping_address: boolean;
  send_phone_number_to_provider: boolean;
  send_email_to_provider: boolean;
}

/** Bot API `Document`. */
export interface ApiDocument {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

/** Bot API `ChatMember` statuses. */
export type ChatMemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

/** Bot API `ChatMember` (one shape with the fields relevant to each status). */
export interface ApiChatMember {
  status: ChatMemberStatus;
  user: ApiUser;
  is_anonymous?: boolean;
  custom_title?: string;
  can_be_edited?: boolean;
  can_manage_chat?: boolean;
  can_delete_messages?: boolean;
  can_manage_video_chats?: boolean;
  can_restrict_members?: boolean;
  can_promote_members?: boolean;
  can_change_info?: boolean;
  can_invite_users?: boolean;
  can_post_messages?: boolean;
  can_edit_messages?: boolean;
  can_post_stories?: boolean;
  can_edit_stories?: boolean;
  can_delete_stories?: boolean;
  is_member?: boolean;
  can_send_messages?: boolean;
  until_date?: number;
}

/** Bot API `ChatMemberUpdated`. */
export interface ApiChatMemberUpdated {
  chat: ApiChat;
  from: ApiUser;
  date: number;
  old_chat_member: ApiChatMember;
  new_chat_member: ApiChatMember;
}

/** Bot API `CallbackQuery`. */
export interface ApiCallbackQuery {
  id: string;
  from: ApiUser;
  message?: ApiMessage;
  inline_message_id?: string;
  chat_instance: string;
  data?: string;
}

/** Bot API `InlineQuery`. */
export interface ApiInlineQuery {
  id: string;
  from: ApiUser;
  query: string;
  offset: string;
  chat_type?: 'sender' | 'private';
}

/** Bot API `ChosenInlineResult` (sent only with inline feedback on, see the `inlineFeedback` option). */
export interface ApiChosenInlineResult {
  result_id: string;
  from: ApiUser;
  query: string;
  inline_message_id?: string;
}

/** Bot API `PreCheckoutQuery`. */
export interface ApiPreCheckoutQuery {
  id: string;
  from: ApiUser;
  currency: string;
  total_amount: number;
  invoice_payload: string;
  order_info?: OrderInfo;
}

/** Bot API `Update` (the kinds the emulator produces). */
export interface ApiUpdate {
  update_id: number;
  message?: ApiMessage;
  edited_message?: ApiMessage;
  channel_post?: ApiMessage;
  callback_query?: ApiCallbackQuery;
  inline_query?: ApiInlineQuery;
  chosen_inline_result?: ApiChosenInlineResult;
  pre_checkout_query?: ApiPreCheckoutQuery;
  my_chat_member?: ApiChatMemberUpdated;
  chat_member?: ApiChatMemberUpdated;
}

/** Update kinds (keys of {@link ApiUpdate} other than `update_id`). */
export type UpdateType = Exclude<keyof ApiUpdate, 'update_id'>;

/** Bot API `BotCommand`. */
export interface BotCommand {
  command: string;
  description: string;
}

/** Bot API `BotCommandScope`. */
export type BotCommandScope =
  | { type: 'default' }
  | { type: 'all_private_chats' }
  | { type: 'all_group_chats' }
  | { type: 'all_chat_administrators' }
  | { type: 'chat'; chat_id: number | string }
  | { type: 'chat_administrators'; chat_id: number | string }
  | { type: 'chat_member'; chat_id: number | string; user_id: number };

/** Bot API `MenuButton`. */
export type MenuButton =
  | { type: 'default' }
  | { type: 'commands' }
  | { type: 'web_app'; text: string; web_app: { url: string } };

/** Bot API `WebhookInfo`. */
export interface WebhookInfo {
  url: string;
  has_custom_certificate: boolean;
  pending_update_count: number;
  ip_address?: string;
  last_error_date?: number;
  last_error_message?: string;
  max_connections?: number;
  allowed_updates?: string[];
}

// ---------------------------------------------------------------------------------------------------------
// Driver-side types
// ---------------------------------------------------------------------------------------------------------

/** Who wrote a stored message. */
export type MessageSender = 'user' | 'bot';

/**
 * A message as the emulator stores it (one per message in a chat, mutated in place on edits and deletion).
 * Fields use Bot API names where they mirror API data; `html` and the bookkeeping fields are emulator-only.
 */
export interface StoredMessage {
  readonly message_id: number;
  readonly chat_id: number;
  /** `'bot'` for messages the bot sent (via the Bot API), `'user'` for driver-made messages. */
  readonly sender: MessageSender;
  /** The author (the bot's `User` for bot messages; absent for channel posts). */
  readonly from: ApiUser | undefined;
  /** Unix time (seconds) of sending. */
  readonly date: number;
  /** The Bot API method that created it (`'driver'` for user actions). */
  readonly via: string;
  text: string | undefined;
  entities: MessageEntity[] | undefined;
  caption: string | undefined;
  caption_entities: MessageEntity[] | undefined;
  /** The original source of `text`/`caption` as sent by the bot when `parse_mode` was HTML (never in API answers). */
  html: string | undefined;
  /** `parse_mode` used for the current text/caption, if any. */
  parse_mode: string | undefined;
  photo: PhotoSize[] | undefined;
  /** `file_id` of the largest photo size (convenience). */
  photo_file_id: string | undefined;
  document: ApiDocument | undefined;
  /** Set on a message a user sent through the bot's inline mode (`chooseInlineResult`). */
  via_bot: ApiUser | undefined;
  /** An invoice message (sendInvoice): what the Bot API shows of it. */
  invoice: ApiInvoice | undefined;
  /** The invoice's full data (emulator-only: payload, prices, photo, tips, requested fields…). */
  invoice_details: InvoiceDetails | undefined;
  /** The invoice was paid (emulator-only; Telegram then shows a receipt instead of the Pay button). */
  invoice_paid: boolean;
  /** A service message about a payment the user made. */
  successful_payment: SuccessfulPayment | undefined;
  /** A service message about a refunded Stars payment. */
  refunded_payment: RefundedPayment | undefined;
  /** The markup attached when sending/editing (inline keyboards are also returned in API answers). */
  reply_markup: ReplyMarkup | undefined;
  reply_to_message_id: number | undefined;
  forward_origin: MessageOrigin | undefined;
  protect_content: boolean;
  disable_notification: boolean;
  /** Sent with `allow_paid_broadcast: true`. */
  paid_broadcast: boolean;
  /** How many times the message was edited. */
  edit_count: number;
  edited: boolean;
  edit_date: number | undefined;
  deleted: boolean;
  deleted_date: number | undefined;
}

/** A record of one Bot API call the bot made. */
export interface CallRecord {
  /** Method name as the bot spelled it in the URL. */
  readonly method: string;
  /** Parsed parameters (uploaded files appear as `{ file: name, size }`). */
  readonly params: Readonly<Record<string, unknown>>;
  readonly ok: boolean;
  /** HTTP status / `error_code` (200 on success). */
  readonly status: number;
  readonly description: string | undefined;
  readonly retryAfter: number | undefined;
  /** `Date.now()` when the call arrived. */
  readonly time: number;
  /** How the call arrived: over HTTP, as the answer to a webhook request, or via `emulator.invoke`. */
  readonly source: 'http' | 'webhook-reply' | 'invoke';
}

/** What the bot answered to a callback query. */
export interface CallbackAnswer {
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
}

/** Payload of the `callbackAnswer` event. */
export interface CallbackAnswerEvent {
  queryId: string;
  userId: number;
  messageId: number | undefined;
  data: string | undefined;
  answer: CallbackAnswer;
}

/** Payload of the `commands` event. */
export interface CommandsEvent {
  scope: BotCommandScope;
  language_code: string;
  commands: BotCommand[];
}

/** Counters kept incrementally by the emulator. */
export interface EmulatorStats {
  /** Calls per method (lower-cased method name). */
  callsByMethod: Record<string, number>;
  /** Failed calls per error code. */
  errorsByCode: Record<number, number>;
  /** Number of 429 answers. */
  tooManyRequests: number;
  /** Messages the bot delivered (sent, copied, forwarded) per chat id. */
  messagesDeliveredByChat: Map<number, number>;
  /** Total messages the bot delivered. */
  messagesDelivered: number;
  /** Of them sent with `allow_paid_broadcast`. */
  paidMessagesDelivered: number;
  /** Updates produced by user actions. */
  updatesCreated: number;
}

/** One result of an inline query as the bot sent it (JSON; `type` and `id` always present). */
export type InlineQueryResult = { type: string; id: string } & Record<string, unknown>;

/** What the bot answered to an inline query ({@link TelegramEmulator.sendInlineQuery}). */
export interface InlineQueryAnswer {
  inlineQueryId: string;
  /** The results as the bot sent them (JSON). */
  results: InlineQueryResult[];
  /** Seconds (Telegram's default 300). */
  cacheTime: number;
  isPersonal: boolean;
  /** `''` when there are no more results. */
  nextOffset: string;
  button?: { text: string; start_parameter?: string; web_app?: { url: string } };
}

/** How a payment attempt ended ({@link TelegramEmulator.payInvoice}). */
export type PaymentOutcome =
  | { ok: true; message: StoredMessage; payment: SuccessfulPayment }
  | { ok: false; errorMessage: string; timedOut?: undefined }
  | { ok: false; timedOut: true; errorMessage?: undefined };

/** A payment the emulator recorded ({@link TelegramEmulator.payments}). */
export interface PaymentRecord {
  readonly userId: number;
  readonly currency: string;
  readonly totalAmount: number;
  readonly payload: string;
  readonly telegramChargeId: string;
  readonly providerChargeId: string;
  refunded: boolean;
}

/** Events emitted by {@link TelegramEmulator.events}. */
export interface EmulatorEvents {
  /** A new message appeared in a chat (from the bot or a user). */
  message: [StoredMessage];
  /** A bot message was edited (the object shows the new state). */
  edit: [StoredMessage];
  /** A message was deleted. */
  delete: [StoredMessage];
  /** The bot answered a callback query. */
  callbackAnswer: [CallbackAnswerEvent];
  /** The bot changed its command list. */
  commands: [CommandsEvent];
  /** An update was queued for the bot. */
  update: [ApiUpdate];
  /** The bot made a Bot API call (emitted when it is answered: a long poll's comes when the poll returns). */
  call: [CallRecord];
  /** A Bot API request arrived, before it is handled (e.g. the first getUpdates of a bot that is ready). */
  request: [{ method: string; time: number }];
  /** The bot sent a chat action (typing…). */
  chatAction: [{ chatId: number; action: string }];
}
