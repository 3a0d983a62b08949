import { InputFile } from 'grammy';
import { renderDailyChart } from '../../../services/chart.js';
import { formatPrice } from '../../../text/format.js';
import { adminSection } from '../../access.js';
import { onCallback } from '../../callback-data.js';
import type { BotContext } from '../../context.js';
import { showScreen } from '../../ui/screen.js';
import { statsChart, statsShow } from './callback-data.js';
import { statsKeyboard } from './keyboards.js';

const CHART_DAYS = 30;

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

async function statsText(ctx: BotContext): Promise<string> {
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
/** Statistics screen (`adt:show`) and the 30-day chart sent as a photo (`adt:chart`). */
export const adminStatsFeature = section.composer;

section.admin.callbackQuery(
  statsShow.filter,
  onCallback(statsShow, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showScreen(ctx, { text: await statsText(ctx), keyboard: statsKeyboard(ctx) });
  }),
);

section.admin.callbackQuery(statsChart.filter, onCallback(statsChart, sendChart));

/** The 30-day chart of orders and new users, sent as a new photo under the statistics screen. */
async function sendChart(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t('admin-stats-chart-wait') });
  const { config, services } = ctx.deps;
  const points = await services.stats.daily(CHART_DAYS, config.timezone);
  const png = renderDailyChart(
    points.map((p) => ({
      label: `${p.day.slice(8, 10)}.${p.day.slice(5, 7)}`,
      orders: p.orders,
      users: p.users,
    })),
    {
      title: ctx.t('admin-chart-title', { days: CHART_DAYS }),
      orders: ctx.t('admin-chart-orders'),
      users: ctx.t('admin-chart-users'),
    },
  );
  const totals = points.reduce((acc, p) => ({ orders: acc.orders + p.orders, users: acc.users + p.users }), {
    orders: 0,
    users: 0,
  });
  await ctx.replyWithPhoto(new InputFile(png, 'stats.png'), {
    caption: ctx.t('admin-chart-caption', { days: CHART_DAYS, orders: totals.orders, users: totals.users }),
  });
}
