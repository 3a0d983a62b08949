import { describe, expect, it } from 'vitest';
import {
  EntityParseError,
  entitiesToHtml,
  finalizeText,
  parseHtml,
  parseMarkdownV2,
} from '../../src/sandbox/emulator/index.js';

/** parse + Telegram's normalisation, as the emulator applies to sendMessage texts */
function html(source: string, strict = true) {
  const parsed = parseHtml(source, { strict, lookupUser: (id) => ({ id, is_bot: false, first_name: 'U' }) });
  return finalizeText(parsed);
}

function reason(source: string, strict = true): string {
  try {
    parseHtml(source, { strict });
  } catch (error) {
    if (error instanceof EntityParseError) return error.reason;
    throw error;
  }
  throw new Error(`parsed without error: ${source}`);
}

describe('HTML parse mode: valid markup', () => {
  it('produces plain text and entities for every supported tag', () => {
    expect(html('<b>bold</b> <i>it</i>')).toEqual({
      text: 'bold it',
      entities: [
        { type: 'bold', offset: 0, length: 4 },
        { type: 'italic', offset: 5, length: 2 },
      ],
    });
    expect(
      html('<strong>a</strong><em>b</em><u>c</u><ins>d</ins><s>e</s><strike>f</strike><del>g</del>'),
    ).toEqual({
      text: 'abcdefg',
      entities: [
        { type: 'bold', offset: 0, length: 1 },
        { type: 'italic', offset: 1, length: 1 },
        { type: 'underline', offset: 2, length: 2 },
        { type: 'strikethrough', offset: 4, length: 3 },
      ],
    });
    expect(html('<code>x = 1</code>')).toEqual({
      text: 'x = 1',
      entities: [{ type: 'code', offset: 0, length: 5 }],
    });
    expect(html('<pre>raw</pre>')).toEqual({
      text: 'raw',
      entities: [{ type: 'pre', offset: 0, length: 3 }],
    });
    expect(html('<pre><code class="language-ts">const x = 1;</code></pre>')).toEqual({
      text: 'const x = 1;',
      entities: [{ type: 'pre', offset: 0, length: 12, language: 'ts' }],
    });
    expect(html('<a href="https://example.com">site</a>')).toEqual({
      text: 'site',
      entities: [{ type: 'text_link', offset: 0, length: 4, url: 'https://example.com/' }],
    });
    expect(html('<a href="tg://user?id=42">you</a>')).toEqual({
      text: 'you',
      entities: [
        { type: 'text_mention', offset: 0, length: 3, user: { id: 42, is_bot: false, first_name: 'U' } },
      ],
    });
    expect(html('<blockquote>q</blockquote> <blockquote expandable>long</blockquote>')).toEqual({
      text: 'q long',
      entities: [
        { type: 'blockquote', offset: 0, length: 1 },
        { type: 'expandable_blockquote', offset: 2, length: 4 },
      ],
    });
    expect(html('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>')).toEqual({
      text: '👍',
      entities: [{ type: 'custom_emoji', offset: 0, length: 2, custom_emoji_id: '5368324170671202286' }],
    });
  });

  it('merges adjacent spoilers written with both syntaxes', () => {
    expect(html('<tg-spoiler>s</tg-spoiler><span class="tg-spoiler">t</span>')).toEqual({
      text: 'st',
      entities: [{ type: 'spoiler', offset: 0, length: 2 }],
    });
  });

  it('decodes the supported HTML entities', () => {
    expect(html('&lt;tag&gt; &amp; &quot;q&quot; &#65;&#x42;&#x1F600;')).toEqual({
      text: '<tag> & "q" AB😀',
      entities: [],
    });
  });

  it('counts offsets in UTF-16 code units (emoji are 2, Cyrillic 1)', () => {
    expect(html('😀 <b>Привет</b>, <i>мир</i> 🚀<u>x</u>')).toEqual({
      text: '😀 Привет, мир 🚀x',
      entities: [
        { type: 'bold', offset: 3, length: 6 },
        { type: 'italic', offset: 11, length: 3 },
        { type: 'underline', offset: 17, length: 1 },
      ],
    });
  });

  it('nests entities and orders them like Telegram', () => {
    expect(html('<b>a<i>b</i>c</b>')).toEqual({
      text: 'abc',
      entities: [
        { type: 'bold', offset: 0, length: 3 },
        { type: 'italic', offset: 1, length: 1 },
      ],
    });
    // bold is split around a link; formatting inside code is dropped
    expect(html('<b>a<a href="http://x.io">b</a>c</b> <code>d<b>e</b></code>')).toEqual({
      text: 'abc de',
      entities: [
        { type: 'bold', offset: 0, length: 1 },
        { type: 'text_link', offset: 1, length: 1, url: 'http://x.io/' },
        { type: 'bold', offset: 1, length: 1 },
        { type: 'bold', offset: 2, length: 1 },
        { type: 'code', offset: 4, length: 2 },
      ],
    });
  });

  it('accepts upper-case tags, attributes in single quotes and unknown attributes', () => {
    expect(html("<B>x</B> <a href='https://t.me/x' title=t>y</a>")).toEqual({
      text: 'x y',
      entities: [
        { type: 'bold', offset: 0, length: 1 },
        { type: 'text_link', offset: 2, length: 1, url: 'https://t.me/x' },
      ],
    });
  });

  it('trims whitespace like Telegram and removes whitespace-only entities', () => {
    expect(html('  <b> hi</b>  \n\n')).toEqual({
      text: 'hi',
      entities: [{ type: 'bold', offset: 0, length: 2 }],
    });
    expect(html('x<b>   </b>')).toEqual({ text: 'x', entities: [] });
    expect(html('<b>   </b>')).toBeUndefined();
    expect(html('a\r\nb\tc')).toEqual({ text: 'a\nb c', entities: [] });
  });

  it('detects commands, URLs, mentions and hashtags in the text', () => {
    expect(html('Use /help or visit https://example.com, @phoenix_channel #news')).toEqual({
      text: 'Use /help or visit https://example.com, @phoenix_channel #news',
      entities: [
        { type: 'bot_command', offset: 4, length: 5 },
        { type: 'url', offset: 19, length: 19 },
        { type: 'mention', offset: 40, length: 16 },
        { type: 'hashtag', offset: 57, length: 5 },
      ],
    });
  });

  it('is lenient with bare & and > when strict mode is off (like Telegram itself)', () => {
    expect(html('a & b > c &nbsp; <b>d</b>', false)).toEqual({
      text: 'a & b > c &nbsp; d',
      entities: [{ type: 'bold', offset: 17, length: 1 }],
    });
  });
});

describe('HTML parse mode: malformed markup', () => {
  it('rejects unsupported, unclosed, unmatched and unexpected tags with byte offsets', () => {
    expect(reason('<div>x</div>')).toBe('Unsupported start tag "div" at byte offset 0');
    expect(reason('<b>x')).toBe('Can\'t find end tag corresponding to start tag "b"');
    expect(reason('<b>x</i>')).toBe('Unmatched end tag at byte offset 4, expected "</b>", found "</i>"');
    expect(reason('a < b')).toBe('Unsupported start tag "" at byte offset 2');
    expect(reason('x <b')).toBe('Unclosed start tag at byte offset 2');
    expect(reason('</b>')).toBe('Unexpected end tag at byte offset 0');
    expect(reason('Привет <b')).toBe('Unclosed start tag at byte offset 13');
    expect(reason('<b>x</b')).toBe('Unclosed end tag at byte offset 4');
  });

  it('rejects bad attributes', () => {
    expect(reason('<span>x</span>')).toBe('Tag "span" must have class "tg-spoiler" at byte offset 0');
    expect(reason('<b foo>x</b>')).toBe(
      'Expected equal sign in declaration of an attribute of the tag "b" at byte offset 0',
    );
    expect(reason('<b class=x">y</b>')).toBe('Unexpected end of name token at byte offset 9');
    expect(reason('<tg-emoji emoji-id="abc">x</tg-emoji>')).toBe('Invalid custom emoji identifier specified');
    expect(reason('<a>x</a>')).toBe('Tag "a" must have a non-empty attribute "href" at byte offset 0');
  });

  it('enforces the escaping of &, > and unsupported named entities (strict mode)', () => {
    expect(reason('Tom & Jerry')).toBe('Character "&" must be escaped as "&amp;" at byte offset 4');
    expect(reason('a&nbsp;b')).toBe(
      'Unsupported HTML entity "&nbsp;" at byte offset 1: only &lt;, &gt;, &amp; and &quot; are supported',
    );
    expect(reason('1 > 0')).toBe('Character ">" must be escaped as "&gt;" at byte offset 2');
  });
});

describe('MarkdownV2 parse mode', () => {
  const md = (s: string) => finalizeText(parseMarkdownV2(s));
  it('parses the formatting entities', () => {
    expect(md('*b* _i_ __u__ ~s~ ||p|| `c` [l](https://example.com) 1\\.5')).toEqual({
      text: 'b i u s p c l 1.5',
      entities: [
        { type: 'bold', offset: 0, length: 1 },
        { type: 'italic', offset: 2, length: 1 },
        { type: 'underline', offset: 4, length: 1 },
        { type: 'strikethrough', offset: 6, length: 1 },
        { type: 'spoiler', offset: 8, length: 1 },
        { type: 'code', offset: 10, length: 1 },
        { type: 'text_link', offset: 12, length: 1, url: 'https://example.com/' },
      ],
    });
    expect(md('```js\nconst a = 1;\n```')).toEqual({
      text: 'const a = 1;',
      entities: [{ type: 'pre', offset: 0, length: 12, language: 'js' }],
    });
    expect(md('>one\n>two\nafter')).toEqual({
      text: 'one\ntwo\nafter',
      entities: [{ type: 'blockquote', offset: 0, length: 7 }],
    });
  });

  it('rejects unescaped reserved characters and unclosed entities', () => {
    expect(() => parseMarkdownV2('1.5')).toThrow(
      "Character '.' is reserved and must be escaped with the preceding '\\'",
    );
    expect(() => parseMarkdownV2('*open')).toThrow("Can't find end of the entity starting at byte offset 0");
  });
});

describe('entitiesToHtml', () => {
  it('renders text with entities back to Telegram HTML', () => {
    const source =
      '<b>a<i>b</i></b> &lt;x&gt; <a href="https://example.com/">l</a> <pre><code class="language-ts">c</code></pre>';
    const parsed = html(source);
    expect(parsed).toBeDefined();
    expect(entitiesToHtml(parsed?.text ?? '', parsed?.entities)).toBe(source);
  });
});
