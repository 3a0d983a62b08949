import { describe, expect, it } from 'vitest';
import { callbackData, field, INT4_MAX, registeredCodecs } from '../../src/bot/callback-data.js';
import '../../src/bot/index.js';
import { CALLBACK_DATA_MAX_BYTES } from '../../src/telegram/limits.js';

describe('callback data codecs', () => {
  const rate = callbackData('test:rate', { ticket: field.id(), stars: field.int(1, 5) });
  const tab = callbackData('test:tab', {
    tab: field.oneOf('open', 'work', 'closed'),
    page: field.int(0, 999),
  });
  const key = callbackData('test:key', { key: field.token(16) });

  it('packs fields in their declared order and unpacks them typed', () => {
    expect(rate.pack({ ticket: 3, stars: 5 })).toBe('test:rate:3:5');
    expect(rate.unpack('test:rate:3:5')).toEqual({ ticket: 3, stars: 5 });
    expect(tab.unpack('test:tab:work:2')).toEqual({ tab: 'work', page: 2 });
    expect(key.unpack('test:key:Ab3_-x')).toEqual({ key: 'Ab3_-x' });
  });

  it('refuses ids beyond int4, numbers out of bounds, and non-canonical numbers', () => {
    expect(rate.unpack(`test:rate:${INT4_MAX}:1`)).toEqual({ ticket: INT4_MAX, stars: 1 });
    expect(rate.unpack(`test:rate:${INT4_MAX + 1}:1`)).toBeUndefined();
    expect(rate.unpack('test:rate:12345678901234567890:1')).toBeUndefined();
    expect(rate.unpack('test:rate:3:5000000003')).toBeUndefined();
    expect(rate.unpack('test:rate:0:1')).toBeUndefined();
    expect(rate.unpack('test:rate:3:6')).toBeUndefined();
    expect(rate.unpack('test:rate:03:1')).toBeUndefined();
    expect(rate.unpack('test:rate:-3:1')).toBeUndefined();
    expect(rate.unpack('test:rate:3e2:1')).toBeUndefined();
  });

  it('refuses unknown enum values, wrong field counts, other prefixes and oversized payloads', () => {
    expect(tab.unpack('test:tab:all:0')).toBeUndefined();
    expect(rate.unpack('test:rate:3')).toBeUndefined();
    expect(rate.unpack('test:rate:3:5:1')).toBeUndefined();
    expect(rate.unpack('test:rates:3:5')).toBeUndefined();
    expect(key.unpack(`test:key:${'x'.repeat(17)}`)).toBeUndefined();
    expect(key.unpack('test:key:a b')).toBeUndefined();
    expect(key.unpack(`test:key:${'x'.repeat(80)}`)).toBeUndefined();
  });

  it('refuses to build a payload out of range', () => {
    expect(() => rate.pack({ ticket: INT4_MAX + 1, stars: 1 })).toThrow(RangeError);
    expect(() => rate.pack({ ticket: 1.5, stars: 1 })).toThrow(RangeError);
    expect(() => key.pack({ key: 'has:colon' })).toThrow(RangeError);
  });

  it('a prefix filter takes its own family only', () => {
    const short = callbackData('test:t', { id: field.id() });
    expect(short.filter.test('test:t:1')).toBe(true);
    expect(short.filter.test('test:tab:open:0')).toBe(false);
    expect(() => callbackData('test:t', { id: field.id() })).toThrow(/twice/);
  });

  it('every codec of the bot fits its widest payload in 64 bytes, and no family takes the payloads of another', () => {
    const codecs = registeredCodecs().filter((codec) => !codec.prefix.startsWith('test:'));
    expect(codecs.length).toBeGreaterThan(20);
    for (const codec of codecs) {
      const widest = codec.widestPayload();
      expect(Buffer.byteLength(widest), widest).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
      expect(codec.unpack(widest), widest).toBeDefined();
    }
    // No family swallows another: `tk:t` must not be a parent of a `tk:t:x` prefix.
    for (const a of codecs) {
      for (const b of codecs) {
        if (a !== b) expect(a.filter.test(b.prefix), `${a.prefix} takes ${b.prefix}`).toBe(false);
      }
    }
  });
});
