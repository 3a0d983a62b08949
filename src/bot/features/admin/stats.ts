import { InputFile } from 'grammy';
import { activeSpan, renderDailyChart } from '../../../services/chart.js';
import { formatMoney, formatPrice } from '../../../text/format.js';
import { adminSection } from '../../access.js';
import { onCallback } from '../../callback-data.js';
import type { BotContext } from '../../context.js';
import { type Screen, sendScreen, showScreen } from '../../ui/screen.js';
import { statsChart, statsChartPeriod, statsShow } from './callback-data.js';
import { type ChartPeriod, chartKeyboard, statsKeyboard } from './keyboards.js';

/** The chart starts at the first day with activity, but shows at least a week. */
const CHART_MIN_DAYS = 7;

/** `3725` seconds → "1 h 2 min" in the user's language; under a minute → seconds. */
export function formatDuration(ctx: BotContext, seconds: number): string {
  const total = Math.round(seconds);
  if (total < 60) return ctx.t('admin-duration-seconds', { s: total });
  const minutes = Math.round(total / 60);
  if (minutes < 60) return ctx.t('admin-duration-minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return ctx.t('admin-duration-hours', { h: hours, m: minutes % 60 });
  return ctx.t('admin-duration-days', { d: Math.floor(hours / 24), h: hours % 24 });
}

/** `0.125` → `12,5 %` (ru) / `12.5%` (en); `4.5` → `4,50` / `4.50`: the reader's decimal separator. */
function formatDecimal(ctx: BotContext, value: number, digits: number, style?: 'percent'): string {
  return new Intl.NumberFormat(ctx.locale === 'ru' ? 'ru-RU' : 'en-US', {
    ...(style ? { style } : {}),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
    .format(value)
    .replace(/\u202f/g, '\u00a0');
}

/** Money received in payments, apart from the promised revenue (the orders' totals). */
async function paidLine(ctx: BotContext): Promise<string | undefined> {
  const paid = await ctx.deps.services.stats.paidRevenue();
  if (paid.length === 0) return ctx.deps.services.payments.enabled ? ctx.t('payments-stats-none') : undefined;
  return ctx.t('payments-stats-paid', {
    amounts: paid.map((p) => formatMoney(p.amount, p.currency, ctx.locale)).join(' + '),
    count: paid.reduce((n, p) => n + p.payments, 0),
  });
}

async function statsText(ctx: BotContext): Promise<string> {
  const text = await overviewText(ctx);
  const paid = await paidLine(ctx);
  return paid ? `${text}\n${paid}` : text;
}

async function overviewText(ctx: BotContext): Promise<string> {
  const s = await ctx.deps.services.stats.overview();
  const none = ctx.t('admin-stats-none');
  return ctx.t('admin-stats', {
    users: s.users.total,
    new7: s.users.new7,
    new30: s.users.new30,
    blocked: s.users.blocked,
    created: s.orders.created,
    inWork: s.orders.in_work,
    done: s.orders.done,
    cancelled: s.orders.cancelled,
    revenue: formatPrice(s.revenue, ctx.locale),
    conversion: formatDecimal(ctx, s.conversion, 1, 'percent'),
    buyers: s.buyers,
    ticketsOpen: s.tickets.open,
    ticketsClosed: s.tickets.closed,
    firstResponse: s.avgFirstResponseSeconds === null ? none : formatDuration(ctx, s.avgFirstResponseSeconds),
    rating: s.avgRating === null ? none : formatDecimal(ctx, s.avgRating, 2),
    rated: s.ratedTickets,
  });
}

const section = adminSection('adt');
/** Statistics screen (`adt:show`) and the chart of 7, 30 or 90 days sent as a photo (`adt:chart`, `adt:cp`). */
export const adminStatsFeature = section.composer;

section.admin.callbackQuery(
  statsShow.filter,
  onCallback(statsShow, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showScreen(ctx, { text: await statsText(ctx), keyboard: statsKeyboard(ctx) });
  }),
);

section.admin.callbackQuery(
  statsChart.filter,
  onCallback(statsChart, async (ctx, { days }) => {
    await ctx.answerCallbackQuery({ text: ctx.t('admin-stats-chart-wait') });
    await sendScreen(ctx, await chartScreen(ctx, days));
  }),
);

section.admin.callbackQuery(
  statsChartPeriod.filter,
  onCallback(statsChartPeriod, async (ctx, { days }) => {
    await ctx.answerCallbackQuery({ text: ctx.t('admin-stats-chart-wait') });
    await showScreen(ctx, await chartScreen(ctx, days));
  }),
);

/** A calendar day `YYYY-MM-DD` as the reader writes a short date: `28.11` (ru), `11/28` (en). */
function dayLabel(ctx: BotContext, day: string): string {
  return new Intl.DateTimeFormat(ctx.locale === 'ru' ? 'ru-RU' : 'en-US', {
    day: '2-digit',
    month: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

/** Roubles on the revenue axis, short: `15 тыс.` / `15K`. */
function compactMoney(ctx: BotContext, value: number): string {
  return new Intl.NumberFormat(ctx.locale === 'ru' ? 'ru-RU' : 'en-US', {
    notation: 'compact',
    maximumFractionDigits: 1,
  })
    .format(value)
    .replace(/\u202f/g, '\u00a0');
}

/**
 * The chart of the last `days` days: revenue, orders and new customers in three panels, from the
 * first day with activity (at least a week). Nothing happened in the period: a sentence instead of
 * an empty chart. The period buttons are under it.
 */
async function chartScreen(ctx: BotContext, period: ChartPeriod): Promise<Screen> {
  const { config, services } = ctx.deps;
  const days = Number(period);
  const keyboard = chartKeyboard(ctx, period);
  const all = await services.stats.daily(days, config.timezone);
  const points = activeSpan(all, (p) => p.orders > 0 || p.users > 0 || p.revenue > 0, CHART_MIN_DAYS);
  if (!points) return { text: ctx.t('admin-chart-empty', { days }), keyboard };
  const totals = points.reduce(
    (acc, p) => ({
      orders: acc.orders + p.orders,
      users: acc.users + p.users,
      revenue: acc.revenue + p.revenue,
    }),
    { orders: 0, users: 0, revenue: 0 },
  );
  const revenue = formatPrice(totals.revenue, ctx.locale);
  const span = { from: dayLabel(ctx, points[0]!.day), to: dayLabel(ctx, points.at(-1)!.day) };
  const png = await renderDailyChart({
    title: ctx.t('admin-chart-title', span),
    labels: points.map((p) => dayLabel(ctx, p.day)),
    panels: [
      {
        title: ctx.t('admin-chart-revenue', { revenue }),
        values: points.map((p) => p.revenue),
        formatTick: (v) => compactMoney(ctx, v),
      },
      { title: ctx.t('admin-chart-orders', { orders: totals.orders }), values: points.map((p) => p.orders) },
      { title: ctx.t('admin-chart-users', { users: totals.users }), values: points.map((p) => p.users) },
    ],
  });
  return {
    text: ctx.t('admin-chart-caption', { ...span, orders: totals.orders, users: totals.users, revenue }),
    keyboard,
    photo: new InputFile(png, 'stats.png'),
  };
}
