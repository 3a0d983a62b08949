import { InlineKeyboard } from 'grammy';
import { ORDER_STATES, type OrderDetails, type OrderState } from '../../../services/orders.js';
import { displayName } from '../../../services/users.js';
import { formatDateTime, formatPrice } from '../../../text/format.js';
import { adminSection } from '../../access.js';
import type { BotContext } from '../../context.js';
import { backButton } from '../../keyboards/admin.js';
import { addPageRow } from '../../keyboards/pagination.js';
import { orderActionsKeyboard } from '../orders/keyboards.js';
import { showScreen } from './menu.js';

const PER_PAGE = 5;
const STATE_CODE: Record<OrderState, string> = { created: 'c', in_work: 'w', done: 'd', cancelled: 'x' };
const CODE_STATE: Record<string, OrderState> = { c: 'created', w: 'in_work', d: 'done', x: 'cancelled' };
const stateName = (ctx: BotContext, state: OrderState): string =>
  ctx.t(`order-state-${state.replace('_', '-')}`);

/** The order card of the board: customer, email, product, price, promo, executor, dates. */
export function boardCardText(ctx: BotContext, { order, customer, executor }: OrderDetails): string {
  const { timezone } = ctx.deps.config;
  const lines = [
    ctx.t('order-card-title', { id: order.id, state: stateName(ctx, order.state) }),
    ctx.t('order-card-customer', { name: displayName(customer) }),
    ctx.t('order-card-email', { email: order.email }),
    ctx.t('order-card-product', { title: order.productTitle }),
    ctx.t('order-card-price', { price: formatPrice(order.price, ctx.locale) }),
  ];
  if (order.promoCode) {
    lines.push(
      ctx.t('order-card-discount', {
        discount: formatPrice(order.discount, ctx.locale),
        code: order.promoCode,
      }),
    );
  }
  lines.push(ctx.t('order-card-final', { final: formatPrice(order.finalPrice, ctx.locale) }));
  lines.push(
    ctx.t('admin-order-executor', {
      name: executor ? displayName(executor) : ctx.t('admin-order-no-executor'),
    }),
  );
  lines.push(ctx.t('order-card-created', { date: formatDateTime(order.createdOn, ctx.locale, timezone) }));
  if (order.state === 'cancelled') {
    if (order.cancelledBy === 'customer') lines.push(ctx.t('order-card-cancelled-by-customer'));
    else if (order.cancelReason)
      lines.push(ctx.t('order-card-cancel-reason', { reason: order.cancelReason }));
  }
  return lines.join('\n');
}

const section = adminSection('ado');
/** Orders board: states with counts, a paginated list per state, the order card with B's actions. */
export const adminOrdersFeature = section.composer;

section.admin.callbackQuery('ado:menu', async (ctx) => {
  await ctx.answerCallbackQuery();
  const counts = await ctx.deps.services.orders.countByState();
  const keyboard = new InlineKeyboard();
  ORDER_STATES.forEach((state, i) => {
    keyboard.text(`${stateName(ctx, state)} (${counts[state]})`, `ado:l:${STATE_CODE[state]}:0`);
    if (i % 2 === 1) keyboard.row();
  });
  await showScreen(ctx, ctx.t('admin-orders'), backButton(ctx, 'adm:menu', keyboard));
});

section.admin.callbackQuery(/^ado:l:([cwdx]):(\d{1,5})$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const code = ctx.match[1] as string;
  const state = CODE_STATE[code] as OrderState;
  const page = await ctx.deps.services.orders.listByState([state], Number(ctx.match[2]), PER_PAGE);
  const keyboard = new InlineKeyboard();
  for (const { order } of page.items) {
    const label = `№${order.id} · ${order.productTitle} · ${formatPrice(order.finalPrice, ctx.locale)}`;
    keyboard.text(label.slice(0, 60), `ado:v:${order.id}:${code}:${page.page}`).row();
  }
  addPageRow(keyboard, page.page, page.pages, (p) => `ado:l:${code}:${p}`);
  const text = ctx.t(page.total === 0 ? 'admin-orders-none' : 'admin-orders-state', {
    state: stateName(ctx, state),
    total: page.total,
  });
  await showScreen(ctx, text, backButton(ctx, 'ado:menu', keyboard));
});

section.admin.callbackQuery(/^ado:v:(\d{1,10}):([cwdx]):(\d{1,5})$/, async (ctx) => {
  const details = await ctx.deps.services.orders.details(Number(ctx.match[1]));
  if (!details) {
    await ctx.answerCallbackQuery({ text: ctx.t('order-not-found') });
    return;
  }
  await ctx.answerCallbackQuery();
  const keyboard = orderActionsKeyboard(ctx.t, details.order, { anyStaff: true }) ?? new InlineKeyboard();
  await showScreen(
    ctx,
    boardCardText(ctx, details),
    backButton(ctx, `ado:l:${ctx.match[2]}:${ctx.match[3]}`, keyboard),
  );
});
