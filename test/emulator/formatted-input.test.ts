import { describe, expect, it } from 'vitest';
import {
  entitiesToHtml,
  finalizeText,
  type MessageEntity,
  parseHtml,
} from '../../src/sandbox/emulator/index.js';
import { ANN, ok, startedUser, useEmulator } from './helpers.js';

interface Update {
  update_id: number;
  message?: {
    text?: string;
    entities?: MessageEntity[];
    caption?: string;
    caption_entities?: MessageEntity[];
    forward_origin?: { type: string; chat?: { id: number }; message_id?: number };
  };
}

/** The messages the bot would receive now (and confirms them). */
async function received(root: string): Promise<NonNullable<Update['message']>[]> {
  const updates = await ok<Update[]>(root, 'getUpdates', {});
  const last = updates.at(-1);
  if (last) await ok(root, 'getUpdates', { offset: last.update_id + 1 });
  return updates.flatMap((u) => (u.message ? [u.message] : []));
}

describe('formatted messages from users', () => {
  const { emu, root } = useEmulator();

  it('keeps the formatting a client sends (UTF-16 offsets past an emoji) and adds detected links', async () => {
    startedUser(emu());
    await received(root());
    // "🔥 Sale today! Details: https://example.com" — 🔥 is two UTF-16 code units
    const text = '🔥 Sale today! Details: https://example.com';
    emu().sendText(ANN, text, {
      entities: [
        { type: 'bold', offset: 3, length: 4 },
        { type: 'spoiler', offset: 8, length: 5 },
        { type: 'text_link', offset: 15, length: 7, url: 'https://example.com/details' },
      ],
    });
    const [message] = await received(root());
    expect(message?.text).toBe(text);
    expect(message?.entities).toEqual([
      { type: 'bold', offset: 3, length: 4 },
      { type: 'spoiler', offset: 8, length: 5 },
      { type: 'text_link', offset: 15, length: 7, url: 'https://example.com/details' },
      { type: 'url', offset: 24, length: 19 },
    ]);
    expect(text.slice(3, 7)).toBe('Sale');
  });

  it('refuses formatting no client could send', () => {
    startedUser(emu());
    expect(() => emu().sendText(ANN, 'Hi', { entities: [{ type: 'bold', offset: 0, length: 5 }] })).toThrow(
      /invalid entities of a user message/,
    );
    expect(() =>
      emu().sendText(ANN, 'Hi', {
        entities: [{ type: 'text_link', offset: 0, length: 2, url: 'javascript:alert(1)' }],
      }),
    ).toThrow(/URL_INVALID/);
  });

  it('delivers a post forwarded from a channel with its origin, caption and caption entities', async () => {
    emu().createChannel({ id: -1001234, title: 'News', username: 'news_channel', botIsAdmin: false });
    startedUser(emu());
    await received(root());
    emu().sendText(ANN, 'Big news', {
      entities: [{ type: 'italic', offset: 4, length: 4 }],
      forwardedFrom: { channelId: -1001234, messageId: 77 },
    });
    emu().sendPhoto(ANN, { caption: 'New photo', entities: [{ type: 'underline', offset: 0, length: 3 }] });
    const [post, photo] = await received(root());
    expect(post?.forward_origin).toMatchObject({ type: 'channel', chat: { id: -1001234 }, message_id: 77 });
    expect(post?.entities).toEqual([{ type: 'italic', offset: 4, length: 4 }]);
    expect(photo?.caption_entities).toEqual([{ type: 'underline', offset: 0, length: 3 }]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Formatting → HTML → formatting: what a recipient sees is the same
// ---------------------------------------------------------------------------------------------------------

/** Per UTF-16 position, the formatting applied (type and link), as a client draws it. */
function looks(text: string, entities: readonly MessageEntity[]): string[] {
  const at = Array.from({ length: text.length }, () => new Set<string>());
  for (const e of entities) {
    if (['url', 'mention', 'hashtag', 'cashtag', 'bot_command', 'email', 'phone_number'].includes(e.type))
      continue;
    const tag =
      e.type === 'text_link' ? `link:${e.url}` : e.type === 'pre' ? `pre:${e.language ?? ''}` : e.type;
    for (let i = e.offset; i < e.offset + e.length; i++) at[i]?.add(tag);
  }
  return at.map((s) => [...s].sort().join(','));
}

/** A small deterministic generator (the same cases on every run). */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const PIECES = ['Sale', ' ', '🔥', '&', '<b>', '"', '{name}', '\n', 'при', '👍🏽', 'x', '>'];
const TYPES: MessageEntity['type'][] = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'spoiler',
  'text_link',
  'code',
  'blockquote',
];

describe('entitiesToHtml renders formatting as Telegram parses it back', () => {
  it('keeps every character and its formatting for nested and overlapping entities, emoji and markup characters', () => {
    const random = prng(20261201);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    for (let round = 0; round < 400; round++) {
      const pieces = Array.from({ length: 3 + Math.floor(random() * 10) }, () => pick(PIECES));
      const text = `A${pieces.join('')}Z`;
      // entity boundaries at code point boundaries, as a client sets them
      const bounds = [0];
      for (const ch of text) bounds.push((bounds.at(-1) ?? 0) + ch.length);
      const entities: MessageEntity[] = [];
      for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
        const a = pick(bounds);
        const b = pick(bounds);
        if (a === b) continue;
        const type = pick(TYPES);
        const e: MessageEntity = { type, offset: Math.min(a, b), length: Math.abs(a - b) };
        if (type === 'text_link') e.url = `https://example.com/${k}`;
        entities.push(e);
      }
      const sent = finalizeText({ text, entities: structuredClone(entities) });
      if (!sent) continue;
      const html = entitiesToHtml(sent.text, sent.entities);
      const back = finalizeText(parseHtml(html));
      expect(back?.text, html).toBe(sent.text);
      expect(looks(back?.text ?? '', back?.entities ?? []), html).toEqual(looks(sent.text, sent.entities));
    }
  });

  it('escapes markup characters, so that typed text is never read as tags', () => {
    expect(entitiesToHtml('<b>1 & 2</b> "x"', [{ type: 'italic', offset: 0, length: 3 }])).toBe(
      '<i>&lt;b&gt;</i>1 &amp; 2&lt;/b&gt; &quot;x&quot;',
    );
  });
});

describe('sendMessage with entities renders like the same text in HTML', () => {
  const { emu, root } = useEmulator();

  it('stores the same text and formatting either way', async () => {
    const apiRoot = root();
    startedUser(emu());
    const text = '👋 Hello, Anna! Open the spoiler';
    const entities: MessageEntity[] = [
      { type: 'bold', offset: 3, length: 5 },
      { type: 'text_link', offset: 16, length: 4, url: 'https://example.com/' },
      { type: 'spoiler', offset: 25, length: 7 },
    ];
    const viaEntities = await ok<{ text: string; entities: MessageEntity[] }>(apiRoot, 'sendMessage', {
      chat_id: ANN,
      text,
      entities,
    });
    const viaHtml = await ok<{ text: string; entities: MessageEntity[] }>(apiRoot, 'sendMessage', {
      chat_id: ANN,
      text: entitiesToHtml(text, entities),
      parse_mode: 'HTML',
    });
    expect(viaHtml.text).toBe(viaEntities.text);
    expect(viaHtml.entities).toEqual(viaEntities.entities);
    expect(viaHtml.entities).toHaveLength(3);
  });
});
