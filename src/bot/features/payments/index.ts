import { onCallback } from '../../callback-data.js';
import { Composer } from '../../composer.js';
import type { BotContext } from '../../context.js';
import { retirePressedKeyboard, sendScreen } from '../../ui/screen.js';
import { payLater, payOrder, payWith } from './callback-data.js';
import { offerPayment, sendInvoiceFor } from './invoice.js';
import { staffPaymentActions } from './staff.js';

export { paymentUpdates } from './updates.js';

/** The customer's own order that can still take money, or undefined (answered) otherwise. */
async function ownPayableOrder(ctx: BotContext, orderId: number) {
  const order = await ctx.deps.services.orders.byId(orderId);
  if (!order || order.userId !== ctx.user.id) {
    await ctx.answerCallbackQuery({ text: ctx.t('order-not-found'), show_alert: true });
    return undefined;
  }
  if (!ctx.deps.services.payments.enabled) {
    await ctx.answerCallbackQuery({ text: ctx.t('payments-method-unavailable'), show_alert: true });
    return undefined;
  }
  return order;
}

/**
 * The customer's payment buttons (a method chosen, "Pay" in /orders, "Pay later") and the staff
 * ones on order cards. The payment updates themselves (pre-checkout, successful payment) run
 * earlier in the chain: see {@link paymentUpdates}.
 */
export const paymentsFeature = new Composer<BotContext>();

paymentsFeature.callbackQuery(
  payWith.filter,
  onCallback(payWith, async (ctx, { order: orderId, method }) => {
    const order = await ownPayableOrder(ctx, orderId);
    if (!order) return;
    await ctx.answerCallbackQuery();
    await sendInvoiceFor(ctx, order.id, method);
  }),
);

paymentsFeature.callbackQuery(
  payOrder.filter,
  onCallback(payOrder, async (ctx, { order: orderId }) => {
    const order = await ownPayableOrder(ctx, orderId);
    if (!order) return;
    await ctx.answerCallbackQuery();
    await offerPayment(ctx, order, false);
  }),
);

paymentsFeature.callbackQuery(
  payLater.filter,
  onCallback(payLater, async (ctx, { order: orderId }) => {
    const order = await ownPayableOrder(ctx, orderId);
    if (!order) return;
    await ctx.answerCallbackQuery();
    // The invoice left in the chat can no longer be paid; /orders sends a fresh one.
    await ctx.deps.services.payments.voidOpenInvoices(order.id);
    const pressed = ctx.callbackQuery?.message;
    // An invoice keeps its Pay button for as long as it exists: "Pay later" on it removes it.
    if (pressed && 'invoice' in pressed && pressed.invoice) {
      await ctx
        .deleteMessage()
        .catch((error: unknown) => ctx.log.debug({ err: error }, 'invoice not deleted'));
    } else await retirePressedKeyboard(ctx);
    await sendScreen(ctx, { text: ctx.t('payments-later', { id: order.id }) });
  }),
);

paymentsFeature.use(staffPaymentActions);
