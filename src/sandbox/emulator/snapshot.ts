/**
 * The saved form of an emulator's world ({@link EmulatorSnapshot}), taken by `TelegramEmulator.snapshot()` and
 * brought back by `TelegramEmulator.restore()`. It is plain JSON data (file bytes in base64), so it can be
 * written to a file as is and read back with `JSON.parse`: fields that are `undefined` may be absent.
 */
import type { FileRecord } from './files.js';
import { type ChatRecord, type MutableMessage, UNSET_MESSAGE_FIELDS } from './state.js';
import type {
  ApiChatMember,
  BotCommand,
  InvoiceDetails,
  MenuButton,
  PaymentRecord,
  ReplyKeyboardMarkup,
  StoredMessage,
} from './types.js';

/** The format version of {@link EmulatorSnapshot}; `restore` refuses other versions. */
export const SNAPSHOT_VERSION = 1;

/** A saved message: the fields of {@link StoredMessage}; the unset optional ones may be absent. */
export type MessageSnapshot = Pick<StoredMessage, 'message_id' | 'chat_id' | 'sender' | 'date' | 'via'> &
  Partial<StoredMessage>;

/** A saved chat: its messages (deleted ones included) and what the user sees besides them. */
export interface ChatSnapshot {
  messages: MessageSnapshot[];
  /** The message_id the next message of the chat gets. */
  nextMessageId: number;
  replyKeyboard?: ReplyKeyboardMarkup | undefined;
  menuButton?: MenuButton | undefined;
}

/** A saved user with their private chat. */
export interface UserSnapshot {
  id: number;
  first_name: string;
  last_name?: string | undefined;
  username?: string | undefined;
  language_code?: string | undefined;
  /** The user has written to the bot at least once. */
  started: boolean;
  /** The user blocked the bot. */
  blocked: boolean;
  chat: ChatSnapshot;
}

/** A saved channel with its posts and memberships. */
export interface ChannelSnapshot {
  id: number;
  title: string;
  username?: string | undefined;
  botIsAdmin: boolean;
  /** Every member whose status is not `left` (each with its `user`). */
  members: ApiChatMember[];
  chat: ChatSnapshot;
}

/** A saved uploaded file; `bytes` is base64 (`null` for a photo sent by URL and stored as is). */
export type FileSnapshot = Omit<FileRecord, 'bytes'> & { bytes: string | null };

/**
 * The emulator's world: users (started/blocked), channels (bot-admin flag, members), every chat's messages,
 * uploaded files, the bot's command menus and default menu button, and the counters that number new updates and
 * files, payments and invoice links. Not included (they start empty after `restore`): pending updates, unanswered
 * callback, inline and pre-checkout queries (and answered inline queries), the
 * call log, statistics, the webhook and the bot's profile texts.
 */
export interface EmulatorSnapshot {
  version: typeof SNAPSHOT_VERSION;
  users: UserSnapshot[];
  channels: ChannelSnapshot[];
  files: FileSnapshot[];
  /** setMyCommands lists by `scopeKey|language_code`. */
  commands: [key: string, commands: BotCommand[]][];
  defaultMenuButton: MenuButton;
  /** The update_id of the next update and the number of files stored so far. */
  counters: { nextUpdateId: number; files: number };
  /** Payments made (refunded or not); absent in snapshots taken before payments were modelled. */
  payments?: PaymentRecord[];
  /** createInvoiceLink links with their invoices. */
  invoiceLinks?: [url: string, invoice: InvoiceDetails][];
}

/** A deep copy of a chat's saved state. */
export function chatSnapshot(chat: ChatRecord): ChatSnapshot {
  return structuredClone({
    messages: chat.messages,
    nextMessageId: chat.nextMessageId,
    replyKeyboard: chat.replyKeyboard,
    menuButton: chat.menuButton,
  });
}

/** Replaces a chat's messages with saved ones; new messages are numbered after the saved ones. */
export function restoreChat(chat: ChatRecord, saved: ChatSnapshot): void {
  chat.messages.length = 0;
  chat.byId.clear();
  for (const message of structuredClone(saved.messages)) {
    const restored: MutableMessage = { from: undefined, ...UNSET_MESSAGE_FIELDS, ...message };
    chat.messages.push(restored);
    chat.byId.set(restored.message_id, restored);
  }
  chat.nextMessageId = Math.max(saved.nextMessageId, (saved.messages.at(-1)?.message_id ?? 0) + 1);
  chat.replyKeyboard = structuredClone(saved.replyKeyboard);
  chat.menuButton = structuredClone(saved.menuButton);
}

export function fileSnapshot(record: FileRecord): FileSnapshot {
  return structuredClone({ ...record, bytes: record.bytes ? record.bytes.toString('base64') : null });
}

export function fileFromSnapshot(saved: FileSnapshot): FileRecord {
  const copy = structuredClone(saved);
  return {
    ...copy,
    bytes: copy.bytes === null ? undefined : Buffer.from(copy.bytes, 'base64'),
    url: copy.url ?? undefined,
    file_path: copy.file_path ?? undefined,
    fileName: copy.fileName ?? undefined,
    group: copy.group ?? undefined,
  };
}
