import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { orders, users } from '../../src/db/schema/index.js';
import { ExportService } from '../../src/services/exports.js';
import { csvCell, csvLine } from '../../src/text/csv.js';
import { createTestDatabase } from '../helpers/db.js';

let handle: DatabaseHandle;
let service: ExportService;

beforeAll(async () => {
  handle = await createTestDatabase();
  service = new ExportService(handle.db, [1]);
  const [user] = await handle.db
    .insert(users)
    .values({ telegramId: 7_100_000_001, firstName: 'Анна' })
    .returning();
  await handle.db.insert(orders).values(
    Array.from({ length: 7 }, (_, i) => ({
      userId: user!.id,
      productTitle: `Услуга ${i}`,
      price: 1000 + i,
      deadlineDays: 3,
      finalPrice: 1000 + i,
      email: `a${i}@example.com`,
      checkoutKey: `exports-${i}`,
      createdOn: new Date(Date.UTC(2026, 0, 1 + i)),
    })),
  );
});
afterAll(async () => handle.close());

describe('ExportService.rows', () => {
  it('reads in keyset batches of the given size, in id order, within the range', async () => {
    const batches: number[][] = [];
    for await (const batch of service.rows('orders', {}, 3)) batches.push(batch.map((r) => r.price));
    expect(batches).toEqual([[1000, 1001, 1002], [1003, 1004, 1005], [1006]]);
    const ranged: number[] = [];
    const range = { from: new Date(Date.UTC(2026, 0, 3)), to: new Date(Date.UTC(2026, 0, 5)) };
    for await (const batch of service.rows('orders', range, 2)) ranged.push(...batch.map((r) => r.price));
    expect(ranged).toEqual([1002, 1003]);
  });
});

describe('CSV cells', () => {
  it('quotes per RFC 4180 and keeps formulas as text', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+7 999')).toBe("'+7 999");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['Иван', 3, null])).toBe('Иван,3,\r\n');
  });
});
