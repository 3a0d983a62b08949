import { Composer, InlineKeyboard } from 'grammy';
import { z } from 'zod';
import type { Role, StaffMember, StaffRole } from '../../../services/staff.js';
import { displayName } from '../../../services/users.js';
import { html } from '../../../telegram/markup.js';
import { formatDateTime } from '../../../text/format.js';
import { adminSection, stillAdmin } from '../../access.js';
import type { BotContext, BotDeps } from '../../context.js';
import { answersDialog, endDialog, readDialog, startDialog } from '../../dialog.js';
import {
  backButton,
  confirmKeyboard,
  staffListKeyboard,
  staffMemberKeyboard,
} from '../../keyboards/admin.js';
import { notify } from '../../notify.js';
import { returnTicketsToPool } from '../tickets/index.js';
import { showScreen } from './menu.js';

const ADD_DIALOG = 'admin-staff-add';
const roleOf = (code: string): StaffRole => (code === 'a' ? 'admin' : 'support');

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
  await showScreen(ctx, text, staffListKeyboard(ctx, members));
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
  await showScreen(ctx, text, staffMemberKeyboard(ctx, member));
}

/** Sets the person's command menu and tells them what changed (in their language). */
async function announceRole(ctx: BotContext, telegramId: number, role: Role, key: string): Promise<void> {
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

  admin.callbackQuery('ads:list', async (ctx) => {
    await ctx.answerCallbackQuery();
    if (ctx.session.dialog?.name === ADD_DIALOG) endDialog(ctx);
    await showList(ctx);
  });

  admin.callbackQuery(/^ads:v:(\d{1,16})$/, async (ctx) => {
    const member = await ctx.deps.services.staff.member(Number(ctx.match[1]));
    if (!member) {
      await ctx.answerCallbackQuery({ text: ctx.t('admin-staff-gone') });
      await showList(ctx);
      return;
    }
    await ctx.answerCallbackQuery();
    await showMember(ctx, member);
  });

  admin.callbackQuery(/^ads:inv:([sa])$/, async (ctx) => {
    const role = roleOf(ctx.match[1] as string);
    if (!mayManage(ctx.role, undefined, role)) {
      await ctx.answerCallbackQuery({ text: ctx.t('admin-staff-owner-only'), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    const token = await ctx.deps.services.staff.createInvite(role, ctx.from.id);
    const link = `https://t.me/${ctx.me.username}?start=staff_${token}`;
    await showScreen(
      ctx,
      ctx.t('admin-staff-invite', { link, role: ctx.t(`admin-role-${role}`) }),
      backButton(ctx, 'ads:list'),
    );
  });

  admin.callbackQuery('ads:id', async (ctx) => {
    await ctx.answerCallbackQuery();
    startDialog(ctx, ADD_DIALOG, 'id');
    await showScreen(
      ctx,
      ctx.t('admin-staff-ask-id'),
      new InlineKeyboard().text(ctx.t('admin-btn-cancel'), 'ads:list'),
    );
  });

  composer.on('message:text').filter(answersDialog(ADD_DIALOG), async (ctx) => {
    if (!(await stillAdmin(ctx))) return;
    if (!readDialog(ctx, ADD_DIALOG, z.object({}))) return;
    const raw = ctx.message.text.trim();
    const id = /^\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
    const cancel = new InlineKeyboard().text(ctx.t('admin-btn-cancel'), 'ads:list');
    if (!Number.isSafeInteger(id) || id <= 0) {
      await ctx.reply(ctx.t('admin-staff-bad-id'), { reply_markup: cancel });
      return;
    }
    const { staff } = ctx.deps.services;
    if (staff.isOwner(id)) {
      await ctx.reply(ctx.t('admin-staff-is-owner'), { reply_markup: cancel });
      return;
    }
    const existing = await staff.member(id);
    endDialog(ctx);
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

  admin.callbackQuery(/^ads:role:(\d{1,16}):([sa])$/, async (ctx) => {
    const telegramId = Number(ctx.match[1]);
    const role = roleOf(ctx.match[2] as string);
    const { staff } = ctx.deps.services;
    const member = await staff.member(telegramId);
    if (!member) {
      await ctx.answerCallbackQuery({ text: ctx.t('admin-staff-gone') });
      await showList(ctx);
      return;
    }
    if (!mayManage(ctx.role, member.role, role)) {
      await ctx.answerCallbackQuery({ text: ctx.t('admin-staff-owner-only'), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    const updated = member.role === role ? member : await staff.upsert(telegramId, role, ctx.from.id);
    if (member.role !== role) await announceRole(ctx, telegramId, role, 'admin-staff-role-changed');
    await showMember(ctx, updated);
  });

  admin.callbackQuery(/^ads:rm:(\d{1,16})$/, async (ctx) => {
    const member = await ctx.deps.services.staff.member(Number(ctx.match[1]));
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
    await showScreen(
      ctx,
      ctx.t('admin-staff-remove-confirm', { name: user ? displayName(user) : String(member.telegramId) }),
      confirmKeyboard(ctx, `ads:rmy:${member.telegramId}`, `ads:v:${member.telegramId}`),
    );
  });

  admin.callbackQuery(/^ads:rmy:(\d{1,16})$/, async (ctx) => {
    const telegramId = Number(ctx.match[1]);
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
  });

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
