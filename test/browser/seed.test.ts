import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { products, users } from '../../src/db/schema/index.js';
import { createLogger } from '../../src/logger.js';
import { TelegramEmulator } from '../../src/sandbox/emulator/index.js';
import { OWNER_PERSONA, PERSONAS, SANDBOX_CHANNEL, SANDBOX_TOKEN } from '../../src/sandbox/personas.js';
import { DEMO_PRODUCTS, DEMO_PROMO, seedDemoData, wipeDemoDatabase } from '../../src/sandbox/seed.js';
import { loadChats, saveChats } from '../../src/sandbox/state-file.js';
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

describe('Reset demo: the database', () => {
  it('empties every table and seeds the demo again, with ids going on (never handed out twice)', async () => {
    const emu = emulator();
    const services = createServices(database.db, { ownerIds: [OWNER_PERSONA.id] });
    await seedDemoData(database.db, emu, logger);
    await services.users.register({ id: 7_100_000_001, first_name: 'Анна', language_code: 'ru' });
    const before = Math.max(...(await database.db.select().from(products)).map((p) => p.id));

    await wipeDemoDatabase(database.db);
    expect(await database.db.select().from(users)).toEqual([]);
    expect(await services.catalog.countAll()).toBe(0);
    expect(await services.staff.list()).toEqual([]);

    expect(await seedDemoData(database.db, emu, logger)).toBe(true);
    const after = await database.db.select().from(products);
    expect(after).toHaveLength(DEMO_PRODUCTS.length);
    expect(Math.min(...after.map((p) => p.id))).toBeGreaterThan(before);
    expect((await services.staff.list()).length).toBe(2);
  });
});

describe('the sandbox chats file', () => {
  it('brings back the app language a persona switched to', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phx-chats-'));
    try {
      const persona = PERSONAS[0]!;
      const world = () => {
        const emu = emulator();
        emu.createUser({
          id: persona.id,
          first_name: persona.firstName,
          language_code: persona.languageCode,
        });
        return emu;
      };
      const first = world();
      first.setUserLanguage(persona.id, persona.languageCode === 'ru' ? 'en' : 'ru');
      await saveChats(first, join(dir, 'chats.json'));
      const second = world();
      expect(await loadChats(second, join(dir, 'chats.json'), logger)).toBe(true);
      expect(second.user(persona.id).language_code).toBe(persona.languageCode === 'ru' ? 'en' : 'ru');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
