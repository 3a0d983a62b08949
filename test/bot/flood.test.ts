import { describe, expect, it } from 'vitest';
import { MemoryFloodMeter, SharedFloodMeter, senderOf } from '../../src/bot/flood.js';

const limits = { limit: 3, windowSeconds: 10, cooldownSeconds: 30 };

describe('MemoryFloodMeter (polling)', () => {
  it('over the limit in the window → over, one cool-down start, cooling until it ends, then ok', async () => {
    let now = 1_000_000;
    const meter = new MemoryFloodMeter(limits, () => now);
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(meter.check(1));
    expect(verdicts).toEqual(['ok', 'ok', 'ok', 'over']);
    expect(await meter.startCooldown(1)).toBe(true);
    expect(await meter.startCooldown(1)).toBe(false);
    now += 1000;
    expect(meter.check(1)).toBe('cooling');
    // Another sender is not affected.
    expect(meter.check(2)).toBe('ok');
    now += 30_000;
    expect(meter.check(1)).toBe('ok');
  });

  it('the window slides: updates spread out never trip it', () => {
    let now = 0;
    const meter = new MemoryFloodMeter(limits, () => now);
    for (let i = 0; i < 50; i++) {
      expect(meter.check(1)).toBe('ok');
      now += 4000;
    }
  });

  it('someone who keeps flooding through the cool-down trips again after it', async () => {
    let now = 0;
    const meter = new MemoryFloodMeter({ ...limits, cooldownSeconds: 5 }, () => now);
    for (let i = 0; i < 4; i++) meter.check(1);
    await meter.startCooldown(1);
    for (let t = 0; t < 6; t++) {
      now += 1000;
      meter.check(1);
    }
    expect(meter.check(1)).toBe('over');
  });
});

describe('SharedFloodMeter (webhook)', () => {
  it('answers from the claim of the update, once', () => {
    const meter = new SharedFloodMeter(limits, async () => true);
    meter.remember(10, { claimed: true, recent: 4, coolingDown: false });
    meter.remember(11, { claimed: true, recent: 9, coolingDown: true });
    expect(meter.check(1, 10)).toBe('over');
    expect(meter.check(1, 10)).toBe('ok');
    expect(meter.check(1, 11)).toBe('cooling');
    expect(meter.check(1, 12)).toBe('ok');
  });
});

describe('senderOf', () => {
  it('finds the sender of a message, a callback query or none', () => {
    expect(senderOf({ update_id: 1, message: { from: { id: 5 } } })).toBe(5);
    expect(senderOf({ update_id: 1, callback_query: { from: { id: 6 } } })).toBe(6);
    expect(senderOf({ update_id: 1, channel_post: { chat: { id: -1 } } })).toBeUndefined();
  });
});
