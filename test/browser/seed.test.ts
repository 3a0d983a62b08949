import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import { TelegramEmulator } from '../../src/sandbox/emulator/index.js';
import { OWNER_PERSONA, PERSONAS, SANDBOX_CHANNEL, SANDBOX_TOKEN } from '../../src/sandbox/personas.js';
import { DEMO_PRODUCTS, DEMO_PROMO, seedDemoData } from '../../src/sandbox/seed.js';
import { createServices } from '../../src/services/index.js';
import { createTestDatabase } from '../helpers/db.js';

const logger = createLogger('silent');
let database: DatabaseHandle;

function emulator(): TelegramEmulator {
  const emu = new TelegramEmulator({ token: SANDBOX_TOKEN });
  emu.createChannel({
    id: SANDBOX_CHANNEL.id,
    title: SANDBOX_CHANNEL.title,
    username: SANDBOX_CHANNEL.username,
  });
  return emu;
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('sandbox demo data', () => {
  it('is written once: services with uploaded pictures, the promo code, the two support agents', async () => {
    const emu = emulator();
    expect(await seedDemoData(database.db, emu, logger)).toBe(true);
    const services = createServices(database.db, { ownerIds: [OWNER_PERSONA.id] });
    const products = await services.catalog.listAll(0, 100);
    expect(products.map((p) => p.title).sort()).toEqual(DEMO_PRODUCTS.map((p) => p.title).sort());
    for (const product of products) {
      expect(emu.fileInfo(product.image ?? '')?.mimeType).toBe('image/png');
    }
    // The pictures were posted to the channel through the Bot API.
    expect(emu.chat(SANDBOX_CHANNEL.id).messages.filter((m) => m.photo)).toHaveLength(DEMO_PRODUCTS.length);
    expect((await services.promo.byCode(DEMO_PROMO.code.toLowerCase()))?.value).toBe(DEMO_PROMO.percent);
    for (const agent of PERSONAS.filter((p) => p.role === 'support')) {
      expect(await services.staff.roleOf(agent.id)).toBe('support');
    }

    // Second run: nothing is added, whatever the owner changed stays.
    await services.staff.remove(PERSONAS.find((p) => p.role === 'support')!.id);
    expect(await seedDemoData(database.db, emu, logger)).toBe(false);
    expect(await services.catalog.countAll()).toBe(DEMO_PRODUCTS.length);
    expect((await services.staff.list()).length).toBe(1);
  });

  it('uploads a demo picture again when the emulator lost it (chats file deleted)', async () => {
    const fresh = emulator();
    expect(await seedDemoData(database.db, fresh, logger)).toBe(false);
    const services = createServices(database.db, { ownerIds: [OWNER_PERSONA.id] });
    for (const product of await services.catalog.listAll(0, 100)) {
      expect(fresh.fileInfo(product.image ?? '')).toBeDefined();
    }
  });
});
