import { orderTitle } from '../../../services/orders.js';
import { displayName } from '../../../services/users.js';
import { formatDate, formatPrice } from '../../../text/format.js';
import { onCallback } from '../../callback-data.js';
import { Composer } from '../../composer.js';
import type { BotContext } from '../../context.js';
import { alertOwners } from '../../owner-alerts.js';
import { type Screen, sendScreen, showScreen } from '../../ui/screen.js';
import { paymentListText } from '../payments/card.js';
import { askRefundIfPaid } from '../payments/notifications.js';
import { askCancelMyOrder, cancelMyOrder, myOrdersPage } from './callback-data.js';
import { orderStateText } from './card.js';
import { myOrderCancelConfirmKeyboard, myOrdersKeyboard } from './keyboards.js';
import { refreshOrderMessages } from './notifications.js';

export const MY_ORDERS_PER_PAGE = 5;

/** The customer's orders, newest first, one page of them. */
async function myOrdersScreen(ctx: BotContext, page: number): Promise<Screen> {
  const result = await ctx.deps.services.orders.listForUser(ctx.user.id, page, MY_ORDERS_PER_PAGE);
  if (result.total === 0) return { text: ctx.t('orders-empty') };
  const lines = result.items.map((order) =>
    ctx.t('orders-line', {
      id: order.id,
      title: orderTitle(order, ctx.locale),
      final: formatPrice(order.finalPrice, ctx.locale),
      state: [orderStateText(ctx.t, order.state), paymentListText(ctx.t, order.paymentState)]
        .filter(Boolean)
        .join(' · '),
      date: formatDate(order.createdOn, ctx.locale, ctx.deps.config.timezone),
    }),
  );
  return {
    text: `${ctx.t('orders-title', { total: result.total })}\n\n${lines.join('\n\n')}`,
    keyboard: myOrdersKeyboard(
      ctx.t,
      result.items,
      result.page,
      result.pages,
      ctx.deps.services.payments.enabled,
    ),
  };
}

/** /orders: the first page, as a new message (also when the gate resumes it). */
export async function sendMyOrders(ctx: BotContext): Promise<void> {
  await sendScreen(ctx, await myOrdersScreen(ctx, 0));
}

/** A page of the list in place of the pressed one. */
async function showMyOrders(ctx: BotContext, page: number): Promise<void> {
  await showScreen(ctx, await myOrdersScreen(ctx, page));
}

/** "Cancel #n" and "Yes, cancel": the customer cancels an own order while nobody works on it. */
async function cancelOwnOrder(ctx: BotContext, orderId: number, page: number, confirmed: boolean) {
  const { orders } = ctx.deps.services;
  const order = await orders.byId(orderId);
  if (!order || order.userId !== ctx.user.id) {
    await ctx.answerCallbackQuery({ text: ctx.t('order-not-found'), show_alert: true });
    return;
  }
  if (!confirmed && order.state === 'created') {
    await ctx.answerCallbackQuery();
    await showScreen(ctx, {
      text: ctx.t('orders-confirm-cancel', { id: order.id, title: orderTitle(order, ctx.locale) }),
      keyboard: myOrderCancelConfirmKeyboard(ctx.t, order.id, page),
    });
    return;
  }
  const result = confirmed ? await orders.cancelByCustomer(orderId, ctx.user.id) : undefined;
  const state = result?.ok === false && result.reason === 'wrong_state' ? result.order.state : order.state;
  if (result?.ok) {
    await ctx.answerCallbackQuery({ text: ctx.t('orders-cancelled', { id: orderId }) });
    await refreshOrderMessages(ctx.api, ctx.deps, orderId);
    await alertOwners(ctx.api, ctx.deps, 'order_cancelled', 'alert-order-cancelled', {
      id: orderId,
      title: result.order.productTitle,
      customer: displayName(ctx.user),
    });
    await askRefundIfPaid(ctx.api, ctx.deps, orderId);
  } else if (result?.reason === 'not_found') {
    await ctx.answerCallbackQuery({ text: ctx.t('order-not-found'), show_alert: true });
    return;
  } else if (state === 'cancelled') {
    // A double tap on "Yes, cancel" or an old button: it is cancelled, which is what was asked.
    await ctx.answerCallbackQuery({ text: ctx.t('orders-cancelled', { id: orderId }) });
  } else {
    await ctx.answerCallbackQuery({
      text: ctx.t('orders-cannot-cancel', { id: orderId, state: orderStateText(ctx.t, state) }),
      show_alert: true,
    });
  }
  await showMyOrders(ctx, page);
}

/** The customer's /orders list: paging and cancelling, in place. */
export const myOrders = new Composer<BotContext>();

myOrders.callbackQuery(
  myOrdersPage.filter,
  onCallback(myOrdersPage, async (ctx, { page }) => {
    await ctx.answerCallbackQuery();
    await showMyOrders(ctx, page);
  }),
);
myOrders.callbackQuery(
  askCancelMyOrder.filter,
  onCallback(askCancelMyOrder, (ctx, { order, page }) => cancelOwnOrder(ctx, order, page, false)),
);
myOrders.callbackQuery(
  cancelMyOrder.filter,
  onCallback(cancelMyOrder, (ctx, { order, page }) => cancelOwnOrder(ctx, order, page, true)),
);
