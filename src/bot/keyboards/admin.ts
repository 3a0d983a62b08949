import { InlineKeyboard } from 'grammy';
import type { StaffMember } from '../../services/staff.js';
import type { User } from '../../services/users.js';
import { displayName } from '../../services/users.js';
import type { BotContext } from '../context.js';
import { addPageRow } from './pagination.js';

/**
 * Callback data of the admin panel (all ≤ 64 bytes, ids are numbers):
 * - `adm:menu` main menu; `bc:menu` advertising (issue E)
 * - `ads:list` staff list, `ads:v:<tgId>` member, `ads:inv:<s|a>` invite link, `ads:id` add by id,
 *   `ads:role:<tgId>:<s|a>` change role, `ads:rm:<tgId>` confirm removal, `ads:rmy:<tgId>` remove
 * - `adt:show` statistics, `adt:chart` chart photo
 */
export function adminMenuKeyboard(ctx: BotContext): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('admin-btn-products'), 'adp:list:0')
    .text(ctx.t('admin-btn-promo'), 'adc:list:0')
    .row()
    .text(ctx.t('admin-btn-orders'), 'ado:menu')
    .text(ctx.t('admin-btn-staff'), 'ads:list')
    .row()
    .text(ctx.t('admin-btn-stats'), 'adt:show')
    .text(ctx.t('admin-btn-ads'), 'bc:menu');
}

export const backButton = (ctx: BotContext, data: string, keyboard = new InlineKeyboard()): InlineKeyboard =>
  keyboard.row().text(ctx.t('admin-btn-back'), data);

export function staffListKeyboard(
  ctx: BotContext,
  members: { staff: StaffMember; user: User | null }[],
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const { staff, user } of members) {
    const name = user ? displayName(user) : String(staff.telegramId);
    const label = `${staff.role === 'admin' ? '🛡' : '🎧'} ${name}${staff.paused ? ' ⏸' : ''}`;
    keyboard.text([...label].slice(0, 60).join(''), `ads:v:${staff.telegramId}`).row();
  }
  keyboard.text(ctx.t('admin-staff-btn-invite-support'), 'ads:inv:s');
  if (ctx.role === 'owner') keyboard.text(ctx.t('admin-staff-btn-invite-admin'), 'ads:inv:a');
  keyboard.row().text(ctx.t('admin-staff-btn-add-id'), 'ads:id');
  return backButton(ctx, 'adm:menu', keyboard);
}

export function staffMemberKeyboard(ctx: BotContext, member: StaffMember): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (ctx.role === 'owner') {
    keyboard.text(
      ctx.t(member.role === 'admin' ? 'admin-staff-btn-make-support' : 'admin-staff-btn-make-admin'),
      `ads:role:${member.telegramId}:${member.role === 'admin' ? 's' : 'a'}`,
    );
  }
  if (ctx.role === 'owner' || member.role === 'support') {
    keyboard.text(ctx.t('admin-staff-btn-remove'), `ads:rm:${member.telegramId}`);
  }
  return backButton(ctx, 'ads:list', keyboard);
}

export function confirmKeyboard(ctx: BotContext, yes: string, no: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('admin-btn-confirm-delete'), yes)
    .text(ctx.t('admin-btn-cancel'), no);
}

export function statsKeyboard(ctx: BotContext): InlineKeyboard {
  return backButton(ctx, 'adm:menu', new InlineKeyboard().text(ctx.t('admin-stats-btn-chart'), 'adt:chart'));
}

/**
 * Products (`adp:`): `list:<page>`, `new`, `v:<id>`, `e:<id>:<t|d|i|p|l>` edit a field,
 * `on:<id>:<0|1>` enable/disable, `del:<id>` confirm, `dely:<id>` delete, `nophoto:<id>`,
 * wizard `skip` (no photo), `save`, `cancel`.
 */
export const PRODUCTS_PER_PAGE = 8;

export function productListKeyboard(
  ctx: BotContext,
  items: { id: number; title: string; isActive: boolean }[],
  page: number,
  pages: number,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const product of items) {
    keyboard.text(`${product.isActive ? '' : '🚫 '}${product.title}`, `adp:v:${product.id}`).row();
  }
  keyboard.text(ctx.t('admin-product-btn-new'), 'adp:new');
  addPageRow(keyboard, page, pages, (p) => `adp:list:${p}`);
  return backButton(ctx, 'adm:menu', keyboard);
}

export function productViewKeyboard(
  ctx: BotContext,
  product: { id: number; isActive: boolean },
): InlineKeyboard {
  const id = product.id;
  return backButton(
    ctx,
    'adp:list:0',
    new InlineKeyboard()
      .text(ctx.t('admin-product-btn-edit-title'), `adp:e:${id}:t`)
      .text(ctx.t('admin-product-btn-edit-description'), `adp:e:${id}:d`)
      .row()
      .text(ctx.t('admin-product-btn-edit-image'), `adp:e:${id}:i`)
      .text(ctx.t('admin-product-btn-edit-price'), `adp:e:${id}:p`)
      .text(ctx.t('admin-product-btn-edit-deadline'), `adp:e:${id}:l`)
      .row()
      .text(
        ctx.t(product.isActive ? 'admin-product-btn-disable' : 'admin-product-btn-enable'),
        `adp:on:${id}:${product.isActive ? 0 : 1}`,
      )
      .text(ctx.t('admin-product-btn-delete'), `adp:del:${id}`),
  );
}
