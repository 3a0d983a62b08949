import type { MiddlewareFn } from 'grammy';
import { BAN_NOTICE_EVERY_MS } from '../../services/bans.js';
import { isStaffRole } from '../../services/staff.js';
import { formatDateTime } from '../../text/format.js';
import type { BotContext } from '../context.js';

/**
 * A banned customer (the ban read with the users row, no statement of its own) gets one "access
 * restricted" message per {@link BAN_NOTICE_EVERY_MS} — the only write, the notice's time, made
 * when it is sent — and nothing else: no handler runs, so nothing of theirs changes. A pressed
 * button is answered (the spinner stops) without doing anything. Staff are never held here (they
 * cannot be banned; someone banned and made staff later is let through).
 */
export const banGate: MiddlewareFn<BotContext> = async (ctx, next) => {
  const ban = ctx.ban;
  if (!ban || isStaffRole(ctx.role)) return next();
  const { services, config } = ctx.deps;
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: ctx.t('moderation-restricted-short') }).catch(() => undefined);
  }
  // `@bot words` typed anywhere: no services, rather than a spinner until the client gives up.
  if (ctx.inlineQuery) await answerNothing(ctx);
  const due = ban.noticedAt === null || Date.now() - ban.noticedAt.getTime() >= BAN_NOTICE_EVERY_MS;
  if (!due || !ctx.chat || !(await services.bans.claimNotice(ban.id))) return;
  const text = ban.until
    ? ctx.t('moderation-restricted-until', { until: formatDateTime(ban.until, ctx.locale, config.timezone) })
    : ctx.t('moderation-restricted');
  await ctx.reply(text);
};

/**
 * The flood limit: more than FLOOD_LIMIT updates of a customer within FLOOD_WINDOW_SECONDS → one
 * cool-down notice, then their updates are ignored (buttons answered silently) until it ends.
 * Staff and owners are exempt. The count costs no statement ({@link FloodMeter}); the one write is
 * the start of the cool-down in webhook mode.
 */
export const floodLimit: MiddlewareFn<BotContext> = async (ctx, next) => {
  const from = ctx.from;
  if (!from) return next();
  const verdict = ctx.deps.flood.check(from.id, ctx.update.update_id);
  if (verdict === 'ok' || isStaffRole(ctx.role)) return next();
  if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  if (ctx.inlineQuery) await answerNothing(ctx);
  if (verdict === 'over' && (await ctx.deps.flood.startCooldown(from.id))) {
    ctx.log.info({ user: from.id }, 'flood limit reached: cool-down started');
    if (ctx.chat) {
      await ctx.reply(ctx.t('moderation-flood', { seconds: ctx.deps.config.flood.cooldownSeconds }));
    }
  }
};

/** An empty answer to an inline query, not cached, so results come back once the hold ends. */
async function answerNothing(ctx: BotContext): Promise<void> {
  await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true }).catch(() => undefined);
}
