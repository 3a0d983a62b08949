import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSITIVE_TTL_MS, SubscriptionChecker } from '../src/bot/subscription-checker.js';
import { createLogger } from '../src/logger.js';
import { TelegramEmulator } from '../src/sandbox/emulator/index.js';
import { TEST_TOKEN } from './helpers/harness.js';

const CHANNEL_ID = -1002000000001;
let emu: TelegramEmulator;
let api: Api;

beforeAll(async () => {
  emu = new TelegramEmulator({ token: TEST_TOKEN });
  const { apiRoot } = await emu.start();
  api = new Api(TEST_TOKEN, { apiRoot });
  emu.createChannel({ id: CHANNEL_ID, title: 'cache', username: 'cache_channel' });
});
afterAll(async () => emu?.stop());

describe('SubscriptionChecker cache', () => {
  it('caches a positive answer for a few minutes and never a negative one', async () => {
    let now = 1_000_000;
    const warnings: string[] = [];
    const checker = new SubscriptionChecker(
      '@cache_channel',
      createLogger('silent'),
      async (_api, reason) => {
        warnings.push(reason);
      },
      POSITIVE_TTL_MS,
      () => now,
    );
    emu.createUser({ id: 7_100_000_001, first_name: 'Cache' });
    const calls = () => emu.callsTo('getChatMember').length;

    expect(await checker.isSubscribed(api, 7_100_000_001)).toBe(false);
    expect(await checker.isSubscribed(api, 7_100_000_001)).toBe(false);
    expect(calls()).toBe(2);

    emu.joinChannel(7_100_000_001, CHANNEL_ID);
    expect(await checker.isSubscribed(api, 7_100_000_001)).toBe(true);
    emu.leaveChannel(7_100_000_001, CHANNEL_ID);
    now += POSITIVE_TTL_MS - 1;
    expect(await checker.isSubscribed(api, 7_100_000_001)).toBe(true);
    expect(calls()).toBe(3);

    now += 2;
    expect(await checker.isSubscribed(api, 7_100_000_001)).toBe(false);
    expect(calls()).toBe(4);
    expect(warnings).toEqual([]);
  });
});

describe('SubscriptionChecker.isGateChannel', () => {
  const silent = async () => undefined;
  it('recognises the channel by @name (any case) or by its -100… id, and nothing else', () => {
    const byName = new SubscriptionChecker('@Cache_Channel', createLogger('silent'), silent);
    expect(byName.isGateChannel({ id: CHANNEL_ID, username: 'cache_channel' })).toBe(true);
    expect(byName.isGateChannel({ id: CHANNEL_ID, username: 'other_channel' })).toBe(false);
    expect(byName.isGateChannel({ id: CHANNEL_ID })).toBe(false);
    const byId = new SubscriptionChecker(String(CHANNEL_ID), createLogger('silent'), silent);
    expect(byId.isGateChannel({ id: CHANNEL_ID, username: 'cache_channel' })).toBe(true);
    expect(byId.isGateChannel({ id: CHANNEL_ID - 1 })).toBe(false);
  });
});
