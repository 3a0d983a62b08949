import { products } from '../../src/db/schema/index.js';
import { type Harness, startHarness, type TestUser } from '../helpers/harness.js';

/**
 * A bot for the advertising tests: broadcasts paced at `rate` messages a second, the owner has
 * started the bot, and the catalog holds one service (for "open service" buttons and campaigns).
 */
export async function startAdsHarness(
  rate: number,
): Promise<{ h: Harness; owner: TestUser; productId: number }> {
  const h = await startHarness({ env: { BROADCAST_RATE: String(rate) } });
  const owner = h.owners[0];
  if (!owner) throw new Error('the harness has no owner');
  owner.send('/start');
  await owner.reply();
  const [row] = await h.db
    .insert(products)
    .values({ title: 'Лендинг', description: 'Одностраничный сайт', price: 30000, deadlineDays: 5 })
    .returning();
  if (!row) throw new Error('the service was not created');
  return { h, owner, productId: row.id };
}
