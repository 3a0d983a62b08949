import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InlineKeyboard, InputFile } from 'grammy';
import { z } from 'zod';
import {
  EXPORT_COLUMNS,
  type ExportColumn,
  type ExportKind,
  type ExportRange,
  type ExportRows,
  type ExportValue,
} from '../../../services/exports.js';
import { CSV_BOM, type CsvCell, csvLine } from '../../../text/csv.js';
import type { MessageKey } from '../../../text/i18n.js';
import { zonedTimeToUtc } from '../../../text/zoned-time.js';
import { adminSection, stillAdmin } from '../../access.js';
import { onCallback } from '../../callback-data.js';
import type { BotContext } from '../../context.js';
import { defineDialog } from '../../dialog.js';
import { showScreen } from '../../ui/screen.js';
import { exportKind, exportMenu, exportRun } from './export-callback-data.js';
import { backButton, backToMenu } from './keyboards.js';

type KindCode = 'o' | 'c' | 't';
const KINDS: Record<KindCode, ExportKind> = { o: 'orders', c: 'customers', t: 'tickets' };
const KIND_LABELS: Record<ExportKind, MessageKey> = {
  orders: 'export-kind-orders',
  customers: 'export-kind-customers',
  tickets: 'export-kind-tickets',
};
const BATCH = 500;

/** The custom period: the admin types "dd.mm.yyyy–dd.mm.yyyy". */
const customPeriod = defineDialog('admin-export-period', {
  steps: ['dates'] as const,
  freeText: ['dates'],
  data: z.object({ kind: z.enum(['o', 'c', 't']) }),
  adminPanel: true,
});

export function exportMenuKeyboard(ctx: BotContext): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const code of ['o', 'c', 't'] as const) {
    keyboard.text(ctx.t(KIND_LABELS[KINDS[code]]), exportKind.pack({ kind: code })).row();
  }
  return backToMenu(ctx, keyboard);
}

function periodKeyboard(ctx: BotContext, kind: KindCode): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const days of ['7', '30', '90'] as const) {
    keyboard.text(ctx.t('export-btn-days', { days: Number(days) }), exportRun.pack({ kind, period: days }));
  }
  keyboard
    .row()
    .text(ctx.t('export-btn-all'), exportRun.pack({ kind, period: 'all' }))
    .text(ctx.t('export-btn-custom'), exportRun.pack({ kind, period: 'cu' }));
  return backButton(ctx, exportMenu.pack({}), keyboard);
}

/** `01.11.2026–30.11.2026` (either dash, spaces allowed) → both days whole, in the studio's time zone. */
export function parsePeriod(raw: string, timeZone: string): ExportRange | undefined {
  const match = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*[-–—]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(raw);
  if (!match) return undefined;
  const [d1, m1, y1, d2, m2, y2] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const from = zonedTimeToUtc({ year: y1, month: m1, day: d1 }, timeZone);
  const last = zonedTimeToUtc({ year: y2, month: m2, day: d2 }, timeZone);
  if (!from || !last || last < from) return undefined;
  const next = new Date(Date.UTC(y2, m2 - 1, d2 + 1));
  const to = zonedTimeToUtc(
    { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() },
    timeZone,
  );
  return to ? { from, to } : undefined;
}

/** A date and time as spreadsheets read it: `2026-12-01 14:05`, in the studio's time zone. */
function spreadsheetTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

function cellOf(ctx: BotContext, value: ExportValue): CsvCell {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return ctx.t(value ? 'export-yes' : 'export-no');
  if (value instanceof Date) return spreadsheetTime(value, ctx.deps.config.timezone);
  return ctx.t(value.label);
}

/**
 * Writes the export to a temporary file batch by batch (UTF-8 with BOM, RFC 4180), waiting for the
 * disk when it lags, so memory holds one batch whatever the table's size. Returns the rows written.
 */
async function writeCsv(
  ctx: BotContext,
  kind: ExportKind,
  range: ExportRange,
  path: string,
): Promise<number> {
  const columns = EXPORT_COLUMNS[kind] as readonly ExportColumn<ExportRows[typeof kind]>[];
  const out = createWriteStream(path, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let rows = 0;
  try {
    await write(CSV_BOM + csvLine(columns.map((c) => ctx.t(c.header))));
    for await (const batch of ctx.deps.services.exports.rows(kind, range, BATCH)) {
      await write(batch.map((row) => csvLine(columns.map((c) => cellOf(ctx, c.value(row))))).join(''));
      rows += batch.length;
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return rows;
}

function periodLabel(ctx: BotContext, period: string, range: ExportRange): string {
  if (period === 'all') return ctx.t('export-period-all');
  const day = (d: Date) => spreadsheetTime(d, ctx.deps.config.timezone).slice(0, 10);
  const to = range.to ? new Date(range.to.getTime() - 1) : new Date();
  return `${range.from ? day(range.from) : '…'} – ${day(to)}`;
}

/** Builds the export and sends it as a .csv document; the temporary file is removed in any case. */
async function sendExport(
  ctx: BotContext,
  kind: ExportKind,
  range: ExportRange,
  period: string,
): Promise<void> {
  const path = join(tmpdir(), `phoenix-export-${randomUUID()}.csv`);
  try {
    const rows = await writeCsv(ctx, kind, range, path);
    const stamp = spreadsheetTime(new Date(), ctx.deps.config.timezone).slice(0, 10);
    await ctx.replyWithDocument(new InputFile(path, `${kind}_${stamp}.csv`), {
      caption: ctx.t('export-done', {
        kind: ctx.t(KIND_LABELS[kind]),
        rows,
        period: periodLabel(ctx, period, range),
      }),
      parse_mode: 'HTML',
    });
  } finally {
    await unlink(path).catch(() => undefined);
  }
}

const section = adminSection('adx');
/** /admin → Export: orders, customers or tickets of a period as a CSV document (owners and admins). */
export const adminExportsFeature = section.composer;

section.admin.callbackQuery(
  exportMenu.filter,
  onCallback(exportMenu, async (ctx) => {
    await ctx.answerCallbackQuery();
    await customPeriod.end(ctx);
    await showScreen(ctx, { text: ctx.t('export-menu'), keyboard: exportMenuKeyboard(ctx) });
  }),
);

section.admin.callbackQuery(
  exportKind.filter,
  onCallback(exportKind, async (ctx, { kind }) => {
    await ctx.answerCallbackQuery();
    await customPeriod.end(ctx);
    await showScreen(ctx, {
      text: ctx.t('export-period', { kind: ctx.t(KIND_LABELS[KINDS[kind]]) }),
      keyboard: periodKeyboard(ctx, kind),
    });
  }),
);

section.admin.callbackQuery(
  exportRun.filter,
  onCallback(exportRun, async (ctx, { kind, period }) => {
    if (period === 'cu') {
      await ctx.answerCallbackQuery();
      await customPeriod.start(ctx, 'dates', { kind });
      await showScreen(ctx, {
        text: ctx.t('export-ask-dates'),
        keyboard: backButton(ctx, exportKind.pack({ kind })),
      });
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t('export-wait') });
    const range: ExportRange =
      period === 'all' ? {} : { from: new Date(Date.now() - Number(period) * 24 * 60 * 60 * 1000) };
    await sendExport(ctx, KINDS[kind], range, period);
  }),
);

section.composer.on('message:text').filter(customPeriod.answers('dates'), async (ctx) => {
  if (!(await stillAdmin(ctx))) return;
  const state = customPeriod.read(ctx);
  if (!state) return;
  const range = parsePeriod(ctx.message.text, ctx.deps.config.timezone);
  if (!range) {
    await customPeriod.go(ctx, 'dates');
    await customPeriod.prompt(ctx, {
      text: ctx.t('export-bad-dates'),
      keyboard: backButton(ctx, exportKind.pack({ kind: state.data.kind })),
    });
    return;
  }
  await customPeriod.end(ctx);
  await sendExport(ctx, KINDS[state.data.kind], range, 'cu');
});
