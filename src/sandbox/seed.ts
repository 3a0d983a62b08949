/**
 * Demo data for the sandbox, written on the first run only: the studio's services with pictures (uploaded
 * to the emulator as channel posts, so products carry real file_ids), a promo code, and the two support
 * agents. Later runs leave whatever the owner changed in the admin panel alone.
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { Logger } from '../logger.js';
import { createServices } from '../services/index.js';
import { queryRows } from '../services/raw-query.js';
import type { TelegramEmulator } from './emulator/index.js';
import { OWNER_PERSONA, PERSONAS, SANDBOX_CHANNEL } from './personas.js';

export const DEMO_PROMO = { code: 'PHOENIX10', percent: 10 } as const;

export interface DemoProduct {
  title: string;
  description: string;
  price: number;
  deadlineDays: number;
  /** Picture under assets/demo/. */
  picture: string;
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  {
    title: 'Лендинг',
    description: 'Продающая одностраничная страница под рекламу: дизайн, вёрстка, формы заявок.',
    price: 25_000,
    deadlineDays: 5,
    picture: 'landing.png',
  },
  {
    title: 'Интернет-магазин',
    description: 'Каталог, корзина, оплата онлайн и личный кабинет покупателя.',
    price: 90_000,
    deadlineDays: 21,
    picture: 'shop.png',
  },
  {
    title: 'Корпоративный сайт',
    description: 'Сайт компании: услуги, портфолио, новости и контакты, удобная админка.',
    price: 60_000,
    deadlineDays: 14,
    picture: 'corporate.png',
  },
  {
    title: 'Telegram-бот',
    description: 'Бот для заказов и поддержки клиентов с админ-панелью прямо в Telegram.',
    price: 40_000,
    deadlineDays: 10,
    picture: 'bot.png',
  },
];

const ASSETS = new URL('../../assets/demo/', import.meta.url);

/**
 * Posts a picture to the sandbox channel through the emulator's HTTP route, exactly as the bot would
 * upload it (multipart sendPhoto), and returns the file_id of its largest size.
 */
async function uploadToChannel(emu: TelegramEmulator, bytes: Buffer, caption: string): Promise<string> {
  const form = new FormData();
  form.set('chat_id', String(SANDBOX_CHANNEL.id));
  form.set('caption', caption);
  form.set('photo', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'photo.png');
  const response = await emu.fetch(
    new Request(`http://sandbox.local/bot${emu.token}/sendPhoto`, { method: 'POST', body: form }),
  );
  const body = (await response.json()) as {
    ok: boolean;
    description?: string;
    result?: { photo?: { file_id: string }[] };
  };
  const fileId = body.result?.photo?.at(-1)?.file_id;
  if (!body.ok || !fileId) throw new Error(`sandbox seed: uploading a picture failed: ${body.description}`);
  return fileId;
}

/**
 * Seeds the demo catalog, promo code and support agents through the domain services, each only when the
 * database has none yet (products, promo codes, staff). Returns whether anything was written.
 */
export async function seedDemoData(db: Database, emu: TelegramEmulator, logger: Logger): Promise<boolean> {
  const services = createServices(db, { ownerIds: [OWNER_PERSONA.id] });
  let seeded = false;
  if ((await services.catalog.countAll()) === 0) {
    // A wiped database (Reset demo) has no category either; the migration's default one comes back.
    if ((await services.categories.listWithCounts()).length === 0) {
      const created = await services.categories.create({ title: 'Все услуги', titleEn: 'All services' });
      if (!created.ok) throw new Error(`sandbox seed: category refused (${created.reason})`);
    }
    for (const product of DEMO_PRODUCTS) {
      const bytes = await readFile(new URL(product.picture, ASSETS));
      const image = await uploadToChannel(emu, bytes, `${product.title} — ${product.description}`);
      const created = await services.catalog.create({
        title: product.title,
        description: product.description,
        price: product.price,
        deadlineDays: product.deadlineDays,
        image,
      });
      if (!created.ok) throw new Error(`sandbox seed: product ${product.title} refused (${created.reason})`);
    }
    seeded = true;
  }

  if ((await services.promo.list(0, 1)).total === 0) {
    const created = await services.promo.create({
      code: DEMO_PROMO.code,
      kind: 'percent',
      value: DEMO_PROMO.percent,
      perUserLimit: 1,
    });
    if (!created.ok) throw new Error(`sandbox seed: promo code refused (${created.reason})`);
    seeded = true;
  }

  if ((await services.staff.list()).length === 0) {
    for (const persona of PERSONAS.filter((p) => p.role === 'support')) {
      await services.staff.upsert(persona.id, 'support', OWNER_PERSONA.id);
    }
    seeded = true;
  }
  if (seeded) logger.info('sandbox demo data seeded');
  else await reuploadLostPictures(services, emu, logger);
  return seeded;
}

/**
 * A demo product whose picture the emulator does not know (its chats file was deleted or unreadable) gets
 * the picture uploaded again, so /catalog keeps working. Other products are left as they are.
 */
async function reuploadLostPictures(
  services: ReturnType<typeof createServices>,
  emu: TelegramEmulator,
  logger: Logger,
): Promise<void> {
  const all = await services.catalog.listAll(0, 1000);
  for (const product of all) {
    const demo = DEMO_PRODUCTS.find((d) => d.title === product.title);
    if (!demo || !product.image || emu.fileInfo(product.image)) continue;
    const bytes = await readFile(new URL(demo.picture, ASSETS));
    const image = await uploadToChannel(emu, bytes, `${demo.title} — ${demo.description}`);
    await services.catalog.update(product.id, { image });
    logger.info({ product: product.id }, 'sandbox: demo picture uploaded again');
  }
}

/**
 * Empties every table of the bot's schema in one statement (the migrations' own bookkeeping lives in
 * another schema and stays). Sequences are not restarted: an id is never handed out twice, so whatever
 * the running bot still holds (a broadcast cached by id, a progress message of a run) cannot be mistaken
 * for a new row.
 */
export async function wipeDemoDatabase(db: Database): Promise<void> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = current_schema()`,
  );
  if (tables.length === 0) return;
  const list = tables.map((t) => `"${t.name.replaceAll('"', '""')}"`).join(', ');
  await db.execute(sql.raw(`truncate table ${list} cascade`));
}
