import { InlineKeyboard } from 'grammy';
import type { PromoCode, PromoWithUsage } from '../../../services/promo.js';
import type { StaffMember } from '../../../services/staff.js';
import type { User } from '../../../services/users.js';
import { displayName } from '../../../services/users.js';
import type { BotContext } from '../../context.js';
import { addPageRow } from '../../ui/pagination.js';
import { menuData as advertisingMenu } from '../broadcasts/callback-data.js';
import { banList } from '../moderation/callback-data.js';
import { alertSettings } from './alert-settings-data.js';
import {
  adminMenu,
  categoryList,
  ordersBoard,
  productActive,
  productDelete,
  productEdit,
  productList,
  productNew,
  productView,
  promoActive,
  promoDelete,
  promoEdit,
  promoList,
  promoNew,
  promoView,
  staffAddById,
  staffInvite,
  staffList,
  staffMember,
  staffRemove,
  staffSetRole,
  statsChart,
  statsChartPeriod,
  statsShow,
} from './callback-data.js';
import { exportMenu } from './export-callback-data.js';
import { discountText } from './promo-fields.js';

export function adminMenuKeyboard(ctx: BotContext): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(ctx.t('admin-btn-products'), productList.pack({ page: 0 }))
    .text(ctx.t('admin-btn-categories'), categoryList.pack({}))
    .row()
    .text(ctx.t('admin-btn-promo'), promoList.pack({ page: 0 }))
    .text(ctx.t('admin-btn-orders'), ordersBoard.pack({}))
    .text(ctx.t('admin-btn-staff'), staffList.pack({}))
    .row()
    .text(ctx.t('admin-btn-stats'), statsShow.pack({}))
    .text(ctx.t('admin-btn-ads'), advertisingMenu.pack({}))
    .row()
    .text(ctx.t('moderation-btn-menu'), banList.pack({ page: 0 }))
    .text(ctx.t('admin-btn-export'), exportMenu.pack({}));
  if (ctx.role === 'owner') keyboard.row().text(ctx.t('admin-btn-settings'), alertSettings.pack({}));
  return keyboard;
}

/** Adds a "Back" row leading to `data` (a new keyboard when none is given). */
export const backButton = (ctx: BotContext, data: string, keyboard = new InlineKeyboard()): InlineKeyboard =>
  keyboard.row().text(ctx.t('admin-btn-back'), data);

/** "Back to the admin menu". */
export const backToMenu = (ctx: BotContext, keyboard?: InlineKeyboard): InlineKeyboard =>
  backButton(ctx, adminMenu.pack({}), keyboard);

/** "Yes, delete" / "Cancel" of a destructive action. */
export function confirmKeyboard(ctx: BotContext, yes: string, no: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('admin-btn-confirm-delete'), yes)
    .text(ctx.t('admin-btn-cancel'), no);
}

/** A single Cancel button (a wizard's question, the staff id prompt). */
export const cancelKeyboard = (
  ctx: BotContext,
  data: string,
  keyboard = new InlineKeyboard(),
): InlineKeyboard => keyboard.row().text(ctx.t('admin-btn-cancel'), data);

export function staffListKeyboard(
  ctx: BotContext,
  members: { staff: StaffMember; user: User | null }[],
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const { staff, user } of members) {
    const name = user ? displayName(user) : String(staff.telegramId);
    const label = `${staff.role === 'admin' ? '🛡' : '🎧'} ${name}${staff.paused ? ' ⏸' : ''}`;
    keyboard.text([...label].slice(0, 60).join(''), staffMember.pack({ member: staff.telegramId })).row();
  }
  keyboard.text(ctx.t('admin-staff-btn-invite-support'), staffInvite.pack({ role: 's' }));
  if (ctx.role === 'owner')
    keyboard.text(ctx.t('admin-staff-btn-invite-admin'), staffInvite.pack({ role: 'a' }));
  keyboard.row().text(ctx.t('admin-staff-btn-add-id'), staffAddById.pack({}));
  return backToMenu(ctx, keyboard);
}

export function staffMemberKeyboard(ctx: BotContext, member: StaffMember): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const id = member.telegramId;
  if (ctx.role === 'owner') {
    keyboard.text(
      ctx.t(member.role === 'admin' ? 'admin-staff-btn-make-support' : 'admin-staff-btn-make-admin'),
      staffSetRole.pack({ member: id, role: member.role === 'admin' ? 's' : 'a' }),
    );
  }
  if (ctx.role === 'owner' || member.role === 'support') {
    keyboard.text(ctx.t('admin-staff-btn-remove'), staffRemove.pack({ member: id }));
  }
  return backButton(ctx, staffList.pack({}), keyboard);
}

/** The periods of the chart, in days. */
export const CHART_PERIODS = ['7', '30', '90'] as const;
export type ChartPeriod = (typeof CHART_PERIODS)[number];

export function statsKeyboard(ctx: BotContext): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const days of CHART_PERIODS)
    keyboard.text(ctx.t('admin-stats-btn-chart', { days: Number(days) }), statsChart.pack({ days }));
  return backToMenu(ctx, keyboard.row());
}

/** The period buttons under the chart; the one shown is marked. */
export function chartKeyboard(ctx: BotContext, shown: ChartPeriod): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const days of CHART_PERIODS) {
    const label = ctx.t('admin-chart-btn-days', { days: Number(days) });
    keyboard.text(days === shown ? `• ${label}` : label, statsChartPeriod.pack({ days }));
  }
  return keyboard;
}

export const PRODUCTS_PER_PAGE = 8;

export function productListKeyboard(
  ctx: BotContext,
  items: { id: number; title: string; isActive: boolean }[],
  page: number,
  pages: number,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const product of items) {
    keyboard
      .text(`${product.isActive ? '' : '🚫 '}${product.title}`, productView.pack({ product: product.id }))
      .row();
  }
  keyboard.text(ctx.t('admin-product-btn-new'), productNew.pack({}));
  addPageRow(keyboard, page, pages, (p) => productList.pack({ page: p }));
  return backToMenu(ctx, keyboard);
}

export function productViewKeyboard(
  ctx: BotContext,
  product: { id: number; isActive: boolean },
): InlineKeyboard {
  const edit = (field: 't' | 'd' | 'e' | 'f' | 'i' | 'p' | 'l' | 'c') =>
    productEdit.pack({ product: product.id, field });
  return backButton(
    ctx,
    productList.pack({ page: 0 }),
    new InlineKeyboard()
      .text(ctx.t('admin-product-btn-edit-title'), edit('t'))
      .text(ctx.t('admin-product-btn-edit-description'), edit('d'))
      .row()
      .text(ctx.t('admin-product-btn-edit-english'), edit('e'))
      .text(ctx.t('admin-product-btn-edit-description-en'), edit('f'))
      .text(ctx.t('admin-product-btn-edit-category'), edit('c'))
      .row()
      .text(ctx.t('admin-product-btn-edit-image'), edit('i'))
      .text(ctx.t('admin-product-btn-edit-price'), edit('p'))
      .text(ctx.t('admin-product-btn-edit-deadline'), edit('l'))
      .row()
      .text(
        ctx.t(product.isActive ? 'admin-product-btn-disable' : 'admin-product-btn-enable'),
        productActive.pack({ product: product.id, on: product.isActive ? '0' : '1' }),
      )
      .text(ctx.t('admin-btn-delete'), productDelete.pack({ product: product.id })),
  );
}

export const PROMOS_PER_PAGE = 8;

export function promoListKeyboard(
  ctx: BotContext,
  items: PromoWithUsage[],
  page: number,
  pages: number,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const p of items) {
    const uses = `${p.usesCount}/${p.maxUses ?? '∞'}`;
    const label = `${p.isActive ? '' : '🚫 '}${p.code} · ${discountText(ctx, p.kind, p.value)} · ${uses}`;
    keyboard.text(label, promoView.pack({ promo: p.id })).row();
  }
  keyboard.text(ctx.t('admin-promo-btn-new'), promoNew.pack({}));
  addPageRow(keyboard, page, pages, (n) => promoList.pack({ page: n }));
  return backToMenu(ctx, keyboard);
}

export function promoViewKeyboard(ctx: BotContext, promo: PromoCode): InlineKeyboard {
  const promoId = promo.id;
  const edit = (field: 'c' | 'v' | 'p' | 'x' | 'm' | 'u') => promoEdit.pack({ promo: promoId, field });
  return backButton(
    ctx,
    promoList.pack({ page: 0 }),
    new InlineKeyboard()
      .text(ctx.t('admin-promo-btn-edit-code'), edit('c'))
      .text(ctx.t('admin-promo-btn-edit-value'), edit('v'))
      .text(ctx.t('admin-promo-btn-edit-product'), edit('p'))
      .row()
      .text(ctx.t('admin-promo-btn-edit-expiry'), edit('x'))
      .text(ctx.t('admin-promo-btn-edit-max'), edit('m'))
      .text(ctx.t('admin-promo-btn-edit-peruser'), edit('u'))
      .row()
      .text(
        ctx.t(promo.isActive ? 'admin-promo-btn-disable' : 'admin-promo-btn-enable'),
        promoActive.pack({ promo: promoId, on: promo.isActive ? '0' : '1' }),
      )
      .text(ctx.t('admin-btn-delete'), promoDelete.pack({ promo: promoId })),
  );
}
