import type { Api, InlineKeyboard } from 'grammy';
import type { Message } from 'grammy/types';
import type { TranscriptEntry } from '../../../services/tickets/index.js';
import { displayName, type User } from '../../../services/users.js';
import { CAPTION_MAX } from '../../../telegram/limits.js';
import { html } from '../../../telegram/markup.js';
import { formatDateTime } from '../../../text/format.js';
import type { MessageKey, TranslationVars } from '../../../text/i18n.js';
import { notify } from '../../notify.js';
import { localeOf, type NotifyDeps, translateFor } from './their-language.js';

/** Room for the message around a relayed text: a chunk plus its frame stays under Telegram's 4096. */
const TEXT_CHUNK = 3500;
/** Room for one transcript line's text: the author, the time and the markup fit around it in a chunk. */
const TRANSCRIPT_LINE_TEXT = 3000;
/** Photos re-sent with a transcript, at most: a long conversation must not flood the chat. */
const TRANSCRIPT_PHOTOS_MAX = 20;

function chunks(text: string, size: number): string[] {
  const chars = [...text];
  const result: string[] = [];
  for (let i = 0; i < chars.length; i += size) result.push(chars.slice(i, i + size).join(''));
  return result.length > 0 ? result : [''];
}

/**
 * Sends `key` rendered with `text` to someone else (a relayed message), in their language:
 * a photo by file_id with the text as caption, or text messages. Text too long for one message
 * or caption is split, never cut. Returns the messages that arrived.
 */
export async function sendRelayed(
  api: Api,
  deps: NotifyDeps,
  recipient: User,
  key: MessageKey,
  vars: TranslationVars,
  content: { text: string | null; photo: string | null },
  keyboard?: InlineKeyboard,
): Promise<Message[]> {
  const t = translateFor(deps, recipient);
  const sent: Message[] = [];
  const push = (m: Message | undefined) => {
    if (m) sent.push(m);
  };
  const text = content.text ?? '';
  const markup = keyboard ? { reply_markup: keyboard } : {};
  if (content.photo) {
    const caption = t(key, { ...vars, text });
    if (caption.length <= CAPTION_MAX) {
      push(await notify(api, deps, recipient.telegramId, caption, { photo: content.photo, ...markup }));
      return sent;
    }
    push(
      await notify(api, deps, recipient.telegramId, t(key, { ...vars, text: '' }), { photo: content.photo }),
    );
  }
  const parts = chunks(text, TEXT_CHUNK);
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    push(await notify(api, deps, recipient.telegramId, t(key, { ...vars, text: part }), last ? markup : {}));
  }
  return sent;
}

/** The whole conversation of a ticket as text messages; its photos follow, re-sent by file_id. */
export async function sendTranscript(api: Api, deps: NotifyDeps, recipient: User, ticketId: number) {
  const t = translateFor(deps, recipient);
  const locale = localeOf(deps, recipient);
  const entries = await deps.services.tickets.transcript(ticketId);
  const lineOf = (
    { message, author }: TranscriptEntry,
    withPhotoMark: boolean,
    text = message.text ?? '',
  ) => {
    const label = t(
      message.authorRole === 'agent' ? 'tickets-transcript-agent' : 'tickets-transcript-customer',
      { name: displayName(author) },
    );
    const body = [withPhotoMark && message.photo ? t('tickets-transcript-photo') : '', text]
      .filter(Boolean)
      .join(' ');
    return t('tickets-transcript-line', {
      author: html(label),
      time: formatDateTime(message.createdAt, locale, deps.config.timezone),
      text: body,
    });
  };
  // A message longer than one chunk (a 4,096-character customer message) becomes several lines.
  const lines = entries.flatMap((entry) =>
    chunks(entry.message.text ?? '', TRANSCRIPT_LINE_TEXT).map((piece, i) => lineOf(entry, i === 0, piece)),
  );
  const messages: string[] = [];
  let current = t('tickets-transcript-header', { id: ticketId });
  for (const line of lines) {
    if (current.length + line.length + 2 > TEXT_CHUNK) {
      messages.push(current);
      current = line;
    } else {
      current += `\n\n${line}`;
    }
  }
  messages.push(current);
  for (const text of messages) await notify(api, deps, recipient.telegramId, text);
  for (const entry of entries.filter((e) => e.message.photo).slice(0, TRANSCRIPT_PHOTOS_MAX)) {
    const caption = lineOf(entry, false);
    await notify(api, deps, recipient.telegramId, caption.length <= CAPTION_MAX ? caption : '', {
      photo: entry.message.photo,
    });
  }
}
