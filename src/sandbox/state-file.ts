/**
 * Keeps the sandbox's chats across restarts, next to the bot's database in DATA_DIR: the messages of every
 * persona and of the channel, who started or blocked the bot, channel membership, and the uploaded files (so
 * product photos keep working: their file_ids are stored in the database).
 *
 * The emulator has no snapshot API, so this adapter reads and writes its in-memory records directly
 * (EmulatorState: users, channels, files). It touches nothing else and is covered by the sandbox tests.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { Logger } from '../logger.js';
import type { FileRecord } from './emulator/files.js';
import type { TelegramEmulator } from './emulator/index.js';
import type { ChatRecord, EmulatorState, MutableMessage } from './emulator/state.js';
import type { ApiChatMember } from './emulator/types.js';

const VERSION = 1;

interface ChatSnapshot {
  id: number;
  nextMessageId: number;
  messages: MutableMessage[];
  replyKeyboard?: ChatRecord['replyKeyboard'];
  menuButton?: ChatRecord['menuButton'];
}

interface Snapshot {
  version: number;
  users: (ChatSnapshot & { started: boolean; blocked: boolean })[];
  channels: (ChatSnapshot & { members: [number, ApiChatMember][] })[];
  files: (Omit<FileRecord, 'bytes'> & { bytes: string | null })[];
  fileCounter: number;
}

interface FileStoreInternals {
  byId: Map<string, FileRecord>;
  byPath: Map<string, FileRecord>;
  counter: number;
}

function internals(emu: TelegramEmulator): { state: EmulatorState; files: FileStoreInternals } {
  const state = (emu as unknown as { state: EmulatorState }).state;
  return { state, files: state.files as unknown as FileStoreInternals };
}

function chatSnapshot(chat: ChatRecord): ChatSnapshot {
  return {
    id: chat.id,
    nextMessageId: chat.nextMessageId,
    messages: chat.messages,
    ...(chat.replyKeyboard ? { replyKeyboard: chat.replyKeyboard } : {}),
    ...(chat.menuButton ? { menuButton: chat.menuButton } : {}),
  };
}

function restoreChat(chat: ChatRecord, saved: ChatSnapshot): void {
  chat.messages.length = 0;
  chat.byId.clear();
  for (const message of saved.messages) {
    chat.messages.push(message);
    chat.byId.set(message.message_id, message);
  }
  chat.nextMessageId = Math.max(saved.nextMessageId, (saved.messages.at(-1)?.message_id ?? 0) + 1);
  chat.replyKeyboard = saved.replyKeyboard;
  chat.menuButton = saved.menuButton;
}

/** Writes the chats of the emulator's users and channels (atomically: temp file, then rename). */
export async function saveChats(emu: TelegramEmulator, path: string): Promise<void> {
  const { state, files } = internals(emu);
  const snapshot: Snapshot = {
    version: VERSION,
    users: [...state.users.values()].map((u) => ({
      ...chatSnapshot(u.chat),
      started: u.started,
      blocked: u.blocked,
    })),
    channels: [...state.channels.values()].map((c) => ({
      ...chatSnapshot(c.chat),
      members: [...c.members.entries()],
    })),
    files: [...files.byId.values()].map((f) => ({
      ...f,
      bytes: f.bytes ? f.bytes.toString('base64') : null,
    })),
    fileCounter: files.counter,
  };
  const temp = `${path}.tmp`;
  await writeFile(temp, JSON.stringify(snapshot));
  await rename(temp, path);
}

/**
 * Restores saved chats into an emulator whose users and channels already exist (unknown ones are skipped).
 * Returns false when there is no (readable) snapshot: the sandbox then starts with empty chats.
 */
export async function loadChats(emu: TelegramEmulator, path: string, logger: Logger): Promise<boolean> {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(await readFile(path, 'utf8')) as Snapshot;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      logger.warn({ err: error, path }, 'the saved sandbox chats are unreadable; starting with empty chats');
    }
    return false;
  }
  if (snapshot.version !== VERSION) {
    logger.warn(
      { path, version: snapshot.version },
      'unknown sandbox chats format; starting with empty chats',
    );
    return false;
  }
  const { state, files } = internals(emu);
  for (const saved of snapshot.files) {
    const record: FileRecord = {
      ...saved,
      bytes: saved.bytes === null ? undefined : Buffer.from(saved.bytes, 'base64'),
    };
    files.byId.set(record.file_id, record);
    if (record.file_path) files.byPath.set(record.file_path, record);
  }
  files.counter = Math.max(files.counter, snapshot.fileCounter);
  for (const saved of snapshot.users) {
    const user = state.users.get(saved.id);
    if (!user) continue;
    restoreChat(user.chat, saved);
    user.started = saved.started;
    user.blocked = saved.blocked;
  }
  for (const saved of snapshot.channels) {
    const channel = state.channels.get(saved.id);
    if (!channel) continue;
    restoreChat(channel.chat, saved);
    channel.members.clear();
    for (const [userId, member] of saved.members) channel.members.set(userId, member);
  }
  return true;
}
