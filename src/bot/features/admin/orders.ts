import { InlineKeyboard } from 'grammy';
import { ORDER_STATES, type OrderDetails, type OrderState } from '../../../services/orders.js';
import type { PaymentSummary } from '../../../services/payments.js';
import { displayName } from '../../../services/users.js';
import { formatDateTime, formatPrice } from '../../../text/format.js';
import { adminSection } from '../../access.js';
import { onCallback } from '../../callback-data.js';
import type { BotContext } from '../../context.js';
import { addPageRow } from '../../ui/pagination.js';
import { showScreen } from '../../ui/screen.js';
import { banUser } from '../moderation/callback-data.js';
import { orderStateText } from '../orders/card.js';
import { orderActionsKeyboard } from '../orders/keyboards.js';
import { addPaymentButtons, paymentLine } from '../payments/card.js';
import { ordersBoard, ordersByState, ordersCard } from './callback-data.js';
import { backButton, backToMenu } from './keyboards.js';

const PER_PAGE = 5;
type StateCode = 'c' | 'w' | 'd' | 'x';
const STATE_CODE: Record<OrderState, StateCode> = { created: 'c', in_work: 'w', done: 'd', cancelled: 'x' };
const CODE_STATE: Record<StateCode, OrderState> = { c: 'created', w: 'in_work', d: 'done', x: 'cancelled' };
const stateName = (ctx: BotContext, state: OrderState): string => orderStateText(ctx.t, state);

/** The order card of the board: customer, email, product, price, promo, executor, dates. */
export function boardCardText(
  ctx: BotContext,
  { order, customer, executor }: OrderDetails,
  payment?: PaymentSummary,
): string {
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
  if (payment) lines.push(paymentLine(ctx.t, ctx.locale, payment));
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

section.admin.callbackQuery(
  ordersBoard.filter,
  onCallback(ordersBoard, async (ctx) => {
    await ctx.answerCallbackQuery();
    const counts = await ctx.deps.services.orders.countByState();
    const keyboard = new InlineKeyboard();
    ORDER_STATES.forEach((state, i) => {
      const data = ordersByState.pack({ state: STATE_CODE[state], page: 0 });
      keyboard.text(`${stateName(ctx, state)} (${counts[state]})`, data);
      if (i % 2 === 1) keyboard.row();
    });
    await showScreen(ctx, { text: ctx.t('admin-orders'), keyboard: backToMenu(ctx, keyboard) });
  }),
);

section.admin.callbackQuery(
  ordersByState.filter,
  onCallback(ordersByState, async (ctx, { state: code, page: requested }) => {
    await ctx.answerCallbackQuery();
    const state = CODE_STATE[code];
    const page = await ctx.deps.services.orders.listByState([state], requested, PER_PAGE);
    const keyboard = new InlineKeyboard();
    for (const { order } of page.items) {
      const label = `№${order.id} · ${order.productTitle} · ${formatPrice(order.finalPrice, ctx.locale)}`;
      keyboard
        .text(label.slice(0, 60), ordersCard.pack({ order: order.id, state: code, page: page.page }))
        .row();
    }
    addPageRow(keyboard, page.page, page.pages, (p) => ordersByState.pack({ state: code, page: p }));
    const text = ctx.t(page.total === 0 ? 'admin-orders-none' : 'admin-orders-state', {
      state: stateName(ctx, state),
      total: page.total,
    });
    await showScreen(ctx, { text, keyboard: backButton(ctx, ordersBoard.pack({}), keyboard) });
  }),
);

section.admin.callbackQuery(
  ordersCard.filter,
  onCallback(ordersCard, async (ctx, { order, state, page }) => {
    const details = await ctx.deps.services.orders.details(order);
    if (!details) {
      await ctx.answerCallbackQuery({ text: ctx.t('order-not-found') });
      return;
    }
    await ctx.answerCallbackQuery();
    const keyboard = orderActionsKeyboard(ctx.t, details.order, { anyStaff: true }) ?? new InlineKeyboard();
    // Where the money stands, when payments are set up or the order was paid anyway; with the
    // payment buttons (the balance for admins, refunds for owners — re-checked when pressed).
    const { payments } = ctx.deps.services;
    const payment =
      payments.enabled || details.order.paymentState !== 'unpaid'
        ? await payments.summary(details.order)
        : undefined;
    if (payment) {
      addPaymentButtons(keyboard.row(), ctx.t, details.order, payment, { owner: ctx.role === 'owner' });
    }
    keyboard.row().text(ctx.t('moderation-btn-ban'), banUser.pack({ user: details.customer.id }));
    await showScreen(ctx, {
      text: boardCardText(ctx, details, payment),
      keyboard: backButton(ctx, ordersByState.pack({ state, page }), keyboard),
    });
  }),
);
