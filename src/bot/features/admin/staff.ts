import { InlineKeyboard } from 'grammy';
import { z } from 'zod';
import type { Role, StaffMember, StaffRole } from '../../../services/staff.js';
import { displayName } from '../../../services/users.js';
import { html } from '../../../telegram/markup.js';
import { formatDateTime } from '../../../text/format.js';
import type { MessageKey } from '../../../text/i18n.js';
import { adminSection, stillAdmin } from '../../access.js';
import { onCallback } from '../../callback-data.js';
import { Composer } from '../../composer.js';
import type { BotContext, BotDeps } from '../../context.js';
import { defineDialog } from '../../dialog.js';
import { notify } from '../../notify.js';
import { alertOwners } from '../../owner-alerts.js';
import { showScreen } from '../../ui/screen.js';
import { returnTicketsToPool } from '../tickets/index.js';
import {
  staffAddById,
  staffInvite,
  staffList,
  staffMember,
  staffRemove,
  staffRemoveYes,
  staffSetRole,
  staffSetRoleYes,
} from './callback-data.js';
import {
  backButton,
  cancelKeyboard,
  confirmKeyboard,
  staffListKeyboard,
  staffMemberKeyboard,
} from './keyboards.js';

/** "Add by Telegram ID": one free-text step, the id. */
const addById = defineDialog('admin-staff-add', {
  steps: ['id'] as const,
  freeText: ['id'],
  data: z.object({}),
  adminPanel: true,
});
const roleOf = (code: 's' | 'a'): StaffRole => (code === 'a' ? 'admin' : 'support');

/**
 * Who may do what with a staff member: owners everything; admins only add and remove support
 * agents (granting or revoking `admin` — including removing an admin — is the owners' call).
 */
export function mayManage(actor: Role, target: StaffRole | undefined, next: StaffRole | 'removed'): boolean {
  if (actor === 'owner') return true;
  if (actor !== 'admin') return false;
  return target !== 'admin' && next !== 'admin';
}

async function showList(ctx: BotContext): Promise<void> {
  const members = await ctx.deps.services.staff.list();
  const text = members.length === 0 ? ctx.t('admin-staff-empty') : ctx.t('admin-staff-list');
  await showScreen(ctx, { text, keyboard: staffListKeyboard(ctx, members) });
}

async function showMember(ctx: BotContext, member: StaffMember): Promise<void> {
  const user = await ctx.deps.services.users.byTelegramId(member.telegramId);
  const text = ctx.t('admin-staff-member', {
    name: user ? displayName(user) : ctx.t('admin-staff-not-started'),
    id: String(member.telegramId),
    role: ctx.t(`admin-role-${member.role}`),
    status: ctx.t(member.paused ? 'admin-staff-paused' : 'admin-staff-active'),
    since: formatDateTime(member.createdOn, ctx.locale, ctx.deps.config.timezone),
  });
  await showScreen(ctx, { text, keyboard: staffMemberKeyboard(ctx, member) });
}

/** Sets the person's command menu and tells them what changed (in their language). */
async function announceRole(ctx: BotContext, telegramId: number, role: Role, key: MessageKey): Promise<void> {
  await ctx.deps.menus.setFor(ctx.api, telegramId, role);
  const user = await ctx.deps.services.users.byTelegramId(telegramId);
  if (!user) return;
  const { translator } = ctx.deps;
  const locale = translator.pick(user.languageCode);
  await notify(
    ctx.api,
    ctx.deps,
    telegramId,
    translator.t(locale, key, { role: translator.t(locale, `admin-role-${role}`) }),
  );
}

export function adminStaffFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const { composer, admin } = adminSection('ads');
  feature.use(composer);

  admin.callbackQuery(
    staffList.filter,
    onCallback(staffList, async (ctx) => {
      await ctx.answerCallbackQuery();
      await addById.end(ctx);
      await showList(ctx);
    }),
  );

  admin.callbackQuery(
    staffMember.filter,
    onCallback(staffMember, async (ctx, { member: telegramId }) => {
      const member = await ctx.deps.services.staff.member(telegramId);
      if (!member) {
        await ctx.answerCallbackQuery({ text: ctx.t('admin-staff-gone') });
        await showList(ctx);
        return;
      }
      await ctx.answerCallbackQuery();
      await showMember(ctx, member);
    }),
  );

  admin.callbackQuery(
    staffInvite.filter,
    onCallback(staffInvite, async (ctx, values) => {
      const role = roleOf(values.role);
      if (!mayManage(ctx.role, undefined, role)) {
        await ctx.answerCallbackQuery({ text: ctx.t('admin-staff-owner-only'), show_alert: true });
        return;
      }
      await ctx.answerCallbackQuery();
      const token = await ctx.deps.services.staff.createInvite(role, ctx.from!.id);
      const link = `https://t.me/${ctx.me.username}?start=staff_${token}`;
      await showScreen(ctx, {
        text: ctx.t('admin-staff-invite', { link, role: ctx.t(`admin-role-${role}`) }),
        keyboard: backButton(ctx, staffList.pack({})),
      });
    }),
  );

  admin.callbackQuery(
    staffAddById.filter,
    onCallback(staffAddById, async (ctx) => {
      await ctx.answerCallbackQuery();
      await addById.start(ctx, 'id', {});
      await showScreen(ctx, {
        text: ctx.t('admin-staff-ask-id'),
        keyboard: cancelKeyboard(ctx, staffList.pack({})),
      });
    }),
  );

  composer.on('message:text').filter(addById.answers('id'), async (ctx) => {
    if (!(await stillAdmin(ctx))) return;
    if (!addById.read(ctx)) return;
    const raw = ctx.message.text.trim();
    const id = /^\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
    const askAgain = async (key: MessageKey) => {
      await addById.go(ctx, 'id');
      await addById.prompt(ctx, { text: ctx.t(key), keyboard: cancelKeyboard(ctx, staffList.pack({})) });
    };
    if (!Number.isSafeInteger(id) || id <= 0) {
      await askAgain('admin-staff-bad-id');
      return;
    }
    const { staff } = ctx.deps.services;
    if (staff.isOwner(id)) {
      await askAgain('admin-staff-is-owner');
      return;
    }
    const existing = await staff.member(id);
    await addById.end(ctx);
    if (existing) {
      await ctx.reply(ctx.t('admin-staff-already'));
      await showMember(ctx, existing);
      return;
    }
    const member = await staff.upsert(id, 'support', ctx.from.id);
    await announceRole(ctx, id, 'support', 'admin-staff-you-are-staff');
    await ctx.reply(ctx.t('admin-staff-added'));
    await showMember(ctx, member);
  });

  /** The member a role button refers to, when the presser may give them `role` (else answered and undefined). */
  const roleTarget = async (ctx: BotContext, telegramId: number, role: StaffRole) => {
    const member = await ctx.deps.services.staff.member(telegramId);
    if (!member) {
      await ctx.answerCallbackQuery({ text: ctx.t('admin-staff-gone') });
      await showList(ctx);
      return undefined;
    }
    if (!mayManage(ctx.role, member.role, role)) {
      await ctx.answerCallbackQuery({ text: ctx.t('admin-staff-owner-only'), show_alert: true });
      return undefined;
    }
    return member;
  };

  // A role change gives or takes away the admin panel: it is confirmed first.
  admin.callbackQuery(
    staffSetRole.filter,
    onCallback(staffSetRole, async (ctx, values) => {
      const role = roleOf(values.role);
      const member = await roleTarget(ctx, values.member, role);
      if (!member) return;
      await ctx.answerCallbackQuery();
      if (member.role === role) {
        await showMember(ctx, member);
        return;
      }
      const user = await ctx.deps.services.users.byTelegramId(member.telegramId);
      const id = member.telegramId;
      await showScreen(ctx, {
        text: ctx.t('admin-staff-role-confirm', {
          name: user ? displayName(user) : String(id),
          from: ctx.t(`admin-role-${member.role}`),
          to: ctx.t(`admin-role-${role}`),
          means: ctx.t(`admin-staff-role-${role}-means`),
        }),
        keyboard: new InlineKeyboard()
          .text(ctx.t('admin-staff-btn-role-yes'), staffSetRoleYes.pack({ member: id, role: values.role }))
          .text(ctx.t('admin-btn-cancel'), staffMember.pack({ member: id })),
      });
    }),
  );

  admin.callbackQuery(
    staffSetRoleYes.filter,
    onCallback(staffSetRoleYes, async (ctx, values) => {
      const telegramId = values.member;
      const role = roleOf(values.role);
      const { staff } = ctx.deps.services;
      const member = await roleTarget(ctx, telegramId, role);
      if (!member) return;
      await ctx.answerCallbackQuery();
      const updated = member.role === role ? member : await staff.upsert(telegramId, role, ctx.from!.id);
      if (member.role !== role) await announceRole(ctx, telegramId, role, 'admin-staff-role-changed');
      await showMember(ctx, updated);
    }),
  );

  admin.callbackQuery(
    staffRemove.filter,
    onCallback(staffRemove, async (ctx, values) => {
      const member = await ctx.deps.services.staff.member(values.member);
      if (!member) {
        await ctx.answerCallbackQuery({ text: ctx.t('admin-staff-gone') });
        await showList(ctx);
        return;
      }
      if (!mayManage(ctx.role, member.role, 'removed')) {
        await ctx.answerCallbackQuery({ text: ctx.t('admin-staff-owner-only'), show_alert: true });
        return;
      }
      await ctx.answerCallbackQuery();
      const user = await ctx.deps.services.users.byTelegramId(member.telegramId);
      const id = member.telegramId;
      await showScreen(ctx, {
        text: ctx.t('admin-staff-remove-confirm', { name: user ? displayName(user) : String(id) }),
        keyboard: confirmKeyboard(ctx, staffRemoveYes.pack({ member: id }), staffMember.pack({ member: id })),
      });
    }),
  );

  admin.callbackQuery(
    staffRemoveYes.filter,
    onCallback(staffRemoveYes, async (ctx, { member: telegramId }) => {
      const { staff } = ctx.deps.services;
      const member = await staff.member(telegramId);
      if (member && !mayManage(ctx.role, member.role, 'removed')) {
        await ctx.answerCallbackQuery({ text: ctx.t('admin-staff-owner-only'), show_alert: true });
        return;
      }
      if (!member || !(await staff.remove(telegramId))) {
        await ctx.answerCallbackQuery({ text: ctx.t('admin-staff-gone') });
        await showList(ctx);
        return;
      }
      const released = await releaseAgentWork(ctx, telegramId);
      await announceRole(ctx, telegramId, 'customer', 'admin-staff-you-are-removed');
      await ctx.answerCallbackQuery({ text: ctx.t('admin-staff-removed', { tickets: released }) });
      await showList(ctx);
    }),
  );

  deps.deepLinks.register('staff', async (ctx, token) => {
    const result = await ctx.deps.services.staff.redeemInvite(token, ctx.from!.id);
    if (!result.ok) {
      await ctx.reply(ctx.t(`admin-invite-${result.reason}`));
      return;
    }
    ctx.role = result.role;
    await ctx.deps.menus.setFor(ctx.api, ctx.from!.id, result.role);
    await ctx.reply(
      ctx.t('admin-invite-welcome', { role: ctx.t(`admin-role-${result.role}`), help: html('/help') }),
    );
    await alertOwners(ctx.api, ctx.deps, 'invite_used', 'alert-invite-used', {
      name: displayName(ctx.user),
      id: ctx.from!.id,
      role: result.role,
    });
  });

  return feature;
}

/**
 * Returns the removed agent's tickets in work to the open pool; the support desk tells their
 * customers and announces the tickets to the remaining agents. The number of tickets released.
 */
async function releaseAgentWork(ctx: BotContext, telegramId: number): Promise<number> {
  const user = await ctx.deps.services.users.byTelegramId(telegramId);
  return user ? returnTicketsToPool(ctx.api, ctx.deps, user.id) : 0;
}
