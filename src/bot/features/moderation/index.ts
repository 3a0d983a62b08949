import { InlineKeyboard } from 'grammy';
import { z } from 'zod';
import { BAN_REASON_MAX, type BanDays, type BanView } from '../../../services/bans.js';
import { displayName, type User } from '../../../services/users.js';
import { html } from '../../../telegram/markup.js';
import { formatDateTime } from '../../../text/format.js';
import type { MessageKey, TranslationVars } from '../../../text/i18n.js';
import { adminSection, stillAdmin } from '../../access.js';
import { onCallback } from '../../callback-data.js';
import { Composer } from '../../composer.js';
import type { BotContext } from '../../context.js';
import { defineDialog } from '../../dialog.js';
import { addPageRow, clampPage, pageCount } from '../../ui/pagination.js';
import { showScreen } from '../../ui/screen.js';
import { adminMenu } from '../admin/callback-data.js';
import { closeTicketOfBanned } from '../tickets/index.js';
import {
  banCancel,
  banConfirm,
  banDuration,
  banLift,
  banList,
  banSomeone,
  banUser,
} from './callback-data.js';

export { banList, banUser } from './callback-data.js';

const BANS_PAGE_SIZE = 5;
const DAY_CODES = ['1', '7', '30', '0'] as const;

/**
 * Banning someone: who (typed, when not started from a card), the reason (typed), the duration
 * (buttons), then a confirmation. Nothing is written before the confirmation.
 */
const banDialog = defineDialog('admin-ban', {
  steps: ['who', 'reason', 'days', 'confirm'] as const,
  freeText: ['who', 'reason'],
  data: z.object({
    user: z.number().int().positive().optional(),
    reason: z.string().max(BAN_REASON_MAX).optional(),
    days: z.enum(DAY_CODES).optional(),
  }),
  adminPanel: true,
});

const cancelKeyboard = (ctx: BotContext) =>
  new InlineKeyboard().text(ctx.t('admin-btn-cancel'), banCancel.pack({}));

/** "until 5 Dec, 14:00" or "for good", in the reader's language and the studio's time zone (markup). */
function untilText(ctx: BotContext, until: Date | null) {
  return html(
    until
      ? ctx.t('moderation-until', { until: formatDateTime(until, ctx.locale, ctx.deps.config.timezone) })
      : ctx.t('moderation-forever'),
  );
}

const nameOf = (user: User): string => `${displayName(user)} · id ${user.telegramId}`;

/** Why `user` cannot be banned now (one of the studio, banned already), or undefined. */
async function refusal(
  ctx: BotContext,
  user: User,
): Promise<{ key: MessageKey; until?: Date | null } | undefined> {
  const { bans } = ctx.deps.services;
  if (await bans.isStudioPerson(user.telegramId)) return { key: 'moderation-cannot-ban-staff' };
  const active = await bans.activeOf(user.id);
  if (active) return { key: 'moderation-already-banned', until: active.until };
  return undefined;
}

async function showBanList(ctx: BotContext, requestedPage: number): Promise<void> {
  const { bans } = ctx.deps.services;
  const first = await bans.list(requestedPage, BANS_PAGE_SIZE);
  const pages = pageCount(first.total, BANS_PAGE_SIZE);
  const page = clampPage(requestedPage, pages);
  const { items, total } = page === requestedPage ? first : await bans.list(page, BANS_PAGE_SIZE);
  const lines = [ctx.t('moderation-list-title', { n: total })];
  if (items.length === 0) lines.push(ctx.t('moderation-list-empty'));
  for (const item of items) lines.push(entryText(ctx, item));
  const keyboard = new InlineKeyboard();
  for (const { ban, user } of items) {
    const label = ctx.t('moderation-btn-unban', { name: [...user.firstName].slice(0, 24).join('') });
    keyboard.text(label, banLift.pack({ ban: ban.id, page })).row();
  }
  addPageRow(keyboard, page, pages, (p) => banList.pack({ page: p }));
  keyboard.row().text(ctx.t('moderation-btn-ban-someone'), banSomeone.pack({}));
  keyboard.row().text(ctx.t('admin-btn-back'), adminMenu.pack({}));
  await showScreen(ctx, { text: lines.join('\n\n'), keyboard });
}

function entryText(ctx: BotContext, { ban, user, bannedBy }: BanView): string {
  return ctx.t('moderation-list-entry', {
    name: nameOf(user),
    reason: ban.reason,
    until: untilText(ctx, ban.until),
    by: bannedBy ? displayName(bannedBy) : String(ban.bannedBy),
    since: formatDateTime(ban.createdAt, ctx.locale, ctx.deps.config.timezone),
  });
}

/** Asks for the reason of banning `user` (the dialog is at "reason"). */
async function askReason(ctx: BotContext, user: User): Promise<void> {
  await banDialog.prompt(ctx, {
    text: ctx.t('moderation-ask-reason', { name: nameOf(user) }),
    keyboard: cancelKeyboard(ctx),
  });
}

/** The dialog's target, re-read: undefined (and the dialog ended with a word) when it cannot be banned now. */
async function dialogTarget(ctx: BotContext, userId: number | undefined): Promise<User | undefined> {
  const user = userId === undefined ? undefined : await ctx.deps.services.users.byId(userId);
  if (!user) {
    await banDialog.end(ctx);
    await ctx.reply(ctx.t('moderation-user-gone'));
    return undefined;
  }
  const refused = await refusal(ctx, user);
  if (refused) {
    await banDialog.end(ctx);
    await ctx.reply(ctx.t(refused.key, { name: nameOf(user), until: untilText(ctx, refused.until ?? null) }));
    return undefined;
  }
  return user;
}

/** Bans (owners and admins): from a ticket card, an order card, or /admin → Banned. */
export const moderationFeature = new Composer<BotContext>();
const section = adminSection('adb');
moderationFeature.use(section.composer);
const admin = section.admin;

admin.callbackQuery(
  banList.filter,
  onCallback(banList, async (ctx, { page }) => {
    await ctx.answerCallbackQuery();
    await banDialog.end(ctx);
    await showBanList(ctx, page);
  }),
);

admin.callbackQuery(
  banSomeone.filter,
  onCallback(banSomeone, async (ctx) => {
    await ctx.answerCallbackQuery();
    await banDialog.start(ctx, 'who', {});
    await banDialog.prompt(ctx, { text: ctx.t('moderation-ask-who'), keyboard: cancelKeyboard(ctx) });
  }),
);

admin.callbackQuery(
  banUser.filter,
  onCallback(banUser, async (ctx, { user: userId }) => {
    const user = await ctx.deps.services.users.byId(userId);
    if (!user) {
      await ctx.answerCallbackQuery({ text: ctx.t('moderation-user-gone'), show_alert: true });
      return;
    }
    const refused = await refusal(ctx, user);
    if (refused) {
      const text = ctx.t(refused.key, { name: nameOf(user), until: untilText(ctx, refused.until ?? null) });
      await ctx.answerCallbackQuery({ text: plainText(text), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    // The card stays as it is (it is a staff copy of its ticket or order); the questions come below it.
    await banDialog.start(ctx, 'reason', { user: user.id });
    await askReason(ctx, user);
  }),
);

section.composer.on('message:text').filter(banDialog.answers('who'), async (ctx) => {
  if (!(await stillAdmin(ctx))) return;
  if (!banDialog.read(ctx)) return;
  const user = await ctx.deps.services.bans.findTarget(ctx.message.text);
  const askAgain = async (key: MessageKey, vars: TranslationVars = {}) => {
    await banDialog.go(ctx, 'who');
    await banDialog.prompt(ctx, { text: ctx.t(key, vars), keyboard: cancelKeyboard(ctx) });
  };
  if (!user) return askAgain('moderation-who-unknown');
  const refused = await refusal(ctx, user);
  if (refused) {
    return askAgain(refused.key, { name: nameOf(user), until: untilText(ctx, refused.until ?? null) });
  }
  await banDialog.go(ctx, 'reason', { user: user.id });
  await askReason(ctx, user);
});

section.composer.on('message:text').filter(banDialog.answers('reason'), async (ctx) => {
  if (!(await stillAdmin(ctx))) return;
  const state = banDialog.read(ctx);
  if (!state) return;
  const reason = ctx.message.text.trim();
  if (reason.length === 0 || [...reason].length > BAN_REASON_MAX) {
    await banDialog.go(ctx, 'reason');
    await banDialog.prompt(ctx, {
      text: ctx.t('moderation-reason-too-long', { max: BAN_REASON_MAX }),
      keyboard: cancelKeyboard(ctx),
    });
    return;
  }
  const user = await dialogTarget(ctx, state.data.user);
  if (!user) return;
  await banDialog.go(ctx, 'days', { reason });
  const keyboard = new InlineKeyboard();
  for (const days of DAY_CODES)
    keyboard.text(ctx.t(`moderation-btn-days-${days}`), banDuration.pack({ days }));
  keyboard.row().text(ctx.t('admin-btn-cancel'), banCancel.pack({}));
  await banDialog.prompt(ctx, { text: ctx.t('moderation-ask-days', { name: nameOf(user) }), keyboard });
});

admin.callbackQuery(
  banDuration.filter,
  onCallback(banDuration, async (ctx, { days }) => {
    const state = banDialog.read(ctx);
    if (state?.step !== 'days' || !state.data.reason) {
      await ctx.answerCallbackQuery({ text: ctx.t('moderation-dialog-over') });
      return;
    }
    await ctx.answerCallbackQuery();
    const user = await dialogTarget(ctx, state.data.user);
    if (!user) return;
    await banDialog.go(ctx, 'confirm', { days });
    await showScreen(ctx, {
      text: ctx.t('moderation-confirm', {
        name: nameOf(user),
        reason: state.data.reason,
        duration: html(ctx.t(`moderation-duration-${days}`)),
      }),
      keyboard: new InlineKeyboard()
        .text(ctx.t('moderation-btn-confirm'), banConfirm.pack({}))
        .text(ctx.t('admin-btn-cancel'), banCancel.pack({})),
    });
  }),
);

admin.callbackQuery(
  banConfirm.filter,
  onCallback(banConfirm, async (ctx) => {
    const state = banDialog.read(ctx);
    const { user: userId, reason, days } = state?.data ?? {};
    if (state?.step !== 'confirm' || userId === undefined || !reason || !days) {
      await ctx.answerCallbackQuery({ text: ctx.t('moderation-dialog-over') });
      return;
    }
    const { bans, tickets, users } = ctx.deps.services;
    const result = await bans.ban({ userId, reason, bannedBy: ctx.from!.id, days: Number(days) as BanDays });
    await banDialog.end(ctx);
    if (!result.ok) {
      const user = await users.byId(userId);
      const key: MessageKey =
        result.reason === 'staff'
          ? 'moderation-cannot-ban-staff'
          : result.reason === 'already'
            ? 'moderation-already-banned'
            : 'moderation-user-gone';
      const text = ctx.t(key, {
        name: user ? nameOf(user) : String(userId),
        until: untilText(ctx, result.ban?.until ?? null),
      });
      await ctx.answerCallbackQuery({ text: plainText(text), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    ctx.log.info({ ban: result.ban.id, user: userId, days }, 'user banned');
    const open = await tickets.openTicketOf(userId);
    const closed = open
      ? await closeTicketOfBanned(
          ctx.api,
          ctx.deps,
          open.id,
          { user: ctx.user, role: ctx.role },
          ctx.t('moderation-ticket-note', { reason }),
        )
      : undefined;
    const user = await users.byId(userId);
    await showScreen(ctx, {
      text: ctx.t('moderation-banned', {
        name: user ? nameOf(user) : String(userId),
        until: untilText(ctx, result.ban.until),
        reason,
        tickets: html(closed === undefined ? '' : ctx.t('moderation-banned-ticket', { id: closed })),
      }),
      keyboard: new InlineKeyboard().text(ctx.t('moderation-btn-list'), banList.pack({ page: 0 })),
    });
  }),
);

admin.callbackQuery(
  banCancel.filter,
  onCallback(banCancel, async (ctx) => {
    await ctx.answerCallbackQuery();
    await banDialog.end(ctx);
    await showScreen(ctx, {
      text: ctx.t('moderation-cancelled'),
      keyboard: new InlineKeyboard().text(ctx.t('moderation-btn-list'), banList.pack({ page: 0 })),
    });
  }),
);

admin.callbackQuery(
  banLift.filter,
  onCallback(banLift, async (ctx, { ban: banId, page }) => {
    const lifted = await ctx.deps.services.bans.lift(banId, ctx.from!.id);
    if (!lifted) {
      await ctx.answerCallbackQuery({ text: ctx.t('moderation-unban-gone') });
    } else {
      ctx.log.info({ ban: banId, user: lifted.userId }, 'ban lifted');
      const user = await ctx.deps.services.users.byId(lifted.userId);
      await ctx.answerCallbackQuery({
        text: plainText(ctx.t('moderation-unbanned', { name: user ? displayName(user) : '' })),
      });
    }
    await showBanList(ctx, page);
  }),
);

/** A translated HTML text made plain for a callback answer (tags dropped, entities decoded, ≤ 200 characters). */
function plainText(text: string): string {
  const plain = text
    .replace(/<[^>]+>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
  const chars = [...plain];
  return chars.length <= 200 ? plain : `${chars.slice(0, 199).join('')}…`;
}
