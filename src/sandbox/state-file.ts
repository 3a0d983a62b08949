/**
 * Keeps the sandbox's chats across restarts, next to the bot's database in DATA_DIR: the messages of every
 * persona and of the channel, who started or blocked the bot, channel membership, and the uploaded files (so
 * product photos keep working: their file_ids are stored in the database). The file holds the emulator's
 * snapshot (`TelegramEmulator.snapshot()`, file bytes in base64).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { Logger } from '../logger.js';
import type { EmulatorSnapshot, TelegramEmulator } from './emulator/index.js';

/** Version 1 held the emulator's internal records; version 2 holds its snapshot. */
const VERSION = 2;

interface ChatsFile {
  version: number;
  emulator: EmulatorSnapshot;
}

/** Writes the chats of the emulator's users and channels (atomically: temp file, then rename). */
export async function saveChats(emu: TelegramEmulator, path: string): Promise<void> {
  const file: ChatsFile = { version: VERSION, emulator: emu.snapshot() };
  const temp = `${path}.tmp`;
  await writeFile(temp, JSON.stringify(file));
  await rename(temp, path);
}

/**
 * Restores saved chats into an emulator whose users and channels already exist: they keep who they are (the
 * personas' names come from the code), and get their saved chats, flags, app language and memberships; saved users and
 * channels the emulator does not have are skipped. Files, command menus and id counters come back too.
 * Returns false when there is no (readable) snapshot: the sandbox then starts with empty chats.
 */
export async function loadChats(emu: TelegramEmulator, path: string, logger: Logger): Promise<boolean> {
  let file: ChatsFile;
  try {
    file = JSON.parse(await readFile(path, 'utf8')) as ChatsFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      logger.warn({ err: error, path }, 'the saved sandbox chats are unreadable; starting with empty chats');
    }
    return false;
  }
  if (file.version !== VERSION) {
    logger.warn({ path, version: file.version }, 'unknown sandbox chats format; starting with empty chats');
    return false;
  }
  const saved = file.emulator;
  const current = emu.snapshot();
  try {
    emu.restore(merge(current, saved));
  } catch (error) {
    emu.restore(current);
    logger.warn(
      { err: error, path },
      'the saved sandbox chats do not fit the emulator; starting with empty chats',
    );
    return false;
  }
  return true;
}

/** The saved world with the current users and channels (saved chats for the ones that exist in both). */
function merge(current: EmulatorSnapshot, saved: EmulatorSnapshot): EmulatorSnapshot {
  return {
    ...saved,
    users: current.users.map((user) => {
      const match = saved.users.find((u) => u.id === user.id);
      if (!match) return user;
      const language = match.language_code === undefined ? {} : { language_code: match.language_code };
      return { ...user, ...language, started: match.started, blocked: match.blocked, chat: match.chat };
    }),
    channels: current.channels.map((channel) => {
      const match = saved.channels.find((c) => c.id === channel.id);
      return match ? { ...channel, members: match.members, chat: match.chat } : channel;
    }),
  };
}
