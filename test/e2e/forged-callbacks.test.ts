import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, type TestUser } from '../helpers/harness.js';

/**
 * Forged callback data with ids far beyond PostgreSQL's int4 (20 digits) is refused by the
 * codecs before any SQL runs: the presser gets the usual "this button is out of date" answer, and
 * no handler fails (no SQL error, no generic error answer).
 */
describe('forged callback data with oversized ids', () => {
  let h: Harness;
  let owner: TestUser;
  let customer: TestUser;
  const huge = '12345678901234567890';

  beforeAll(async () => {
    h = await startHarness();
    owner = h.owners[0] as TestUser;
    owner.send('/start');
    await owner.reply();
    customer = await h.startedUser();
  });
  afterAll(() => h.close());

  const ownerPayloads = [
    `tk:t:${huge}`,
    `tk:rt:3:5000000003`,
    `bc:ok:11111111111111111`,
    `oa:take:${huge}`,
    `cat:p:${huge}`,
    `ord:new:${huge}`,
    `adp:v:${huge}`,
    `adc:v:${huge}`,
  ];

  it('an owner forging them gets "out of date" and no handler fails', async () => {
    const message = owner.botMessages().at(-1)!;
    for (const data of ownerPayloads) {
      const answer = await owner.forge(message.message_id, data);
      expect(answer?.text, data).toBe('Эта кнопка устарела.');
    }
    expect(h.deps.metrics.value('phoenix_update_errors_total')).toBe(0);
  });

  it('a customer forging them gets the same answer', async () => {
    const message = customer.botMessages().at(-1)!;
    for (const data of [`ords:y:${huge}:0`, `tk:rt:${huge}:5`, `cat:p:${huge}`]) {
      const answer = await customer.forge(message.message_id, data);
      expect(answer?.text, data).toMatch(/Эта кнопка устарела\.|Это действие вам недоступно\./);
    }
    expect(h.deps.metrics.value('phoenix_update_errors_total')).toBe(0);
  });
});
