import { type CallbackCodec, onCallback } from '../../callback-data.js';
import { Composer } from '../../composer.js';
import type { BotContext, BotDeps } from '../../context.js';
import { requireSubscription } from '../../middlewares/subscription-gate.js';
import { retirePressedKeyboard, sendScreen } from '../../ui/screen.js';
import { notifyNewOrder } from '../orders/notifications.js';
import { offerPayment } from '../payments/invoice.js';
import { confirmOrder, leaveCheckout, skipPromo, startCheckout, useSavedEmail } from './callback-data.js';
import { type CheckoutData, type CheckoutStep, checkout, newCheckoutKey } from './dialog.js';
import {
  acceptEmail,
  acceptPromo,
  activeProduct,
  askEmail,
  askStep,
  refusePromo,
  showSummary,
} from './steps.js';

async function confirm(ctx: BotContext, data: CheckoutData): Promise<void> {
  const result = await ctx.deps.services.orders.placeOrder({
    userId: ctx.user.id,
    productId: data.productId,
    email: data.email ?? '',
    promoCode: data.promo ?? null,
    checkoutKey: data.key,
    ...(data.price === undefined ? {} : { expectedPrice: data.price }),
  });
  await ctx.answerCallbackQuery();
  // Whatever the outcome, this summary is answered: a placed order, or a new screen of the step to redo.
  await retirePressedKeyboard(ctx);
  if (result.ok) {
    await checkout.end(ctx);
    // With payments set up, a new order is then offered an invoice (or the choice of card and Stars).
    if (result.created && ctx.deps.services.payments.enabled) await offerPayment(ctx, result.order, true);
    else await sendScreen(ctx, { text: ctx.t('order-placed', { id: result.order.id }) });
    if (result.created) await notifyNewOrder(ctx.api, ctx.deps, result.order.id);
    return;
  }
  switch (result.reason) {
    case 'product_unavailable':
      await checkout.end(ctx);
      await sendScreen(ctx, { text: ctx.t('order-product-gone') });
      return;
    case 'email_invalid': {
      await checkout.go(ctx, 'email', { email: undefined });
      const product = await activeProduct(ctx, data);
      if (product) await askEmail(ctx, product, data);
      return;
    }
    case 'promo':
      await refusePromo(ctx, data, data.promo ?? '', result.refusal);
      return;
    case 'price_changed':
      await sendScreen(ctx, { text: ctx.t('order-price-changed') });
      await showSummary(ctx, data);
      return;
  }
}

/**
 * The checkout as it is when one of its buttons is pressed, or undefined (answered) when the button
 * belongs to a finished or older checkout, or to a step the checkout has left.
 */
async function checkoutAt(
  ctx: BotContext,
  key: string,
  step: CheckoutStep | undefined,
): Promise<CheckoutData | undefined> {
  const state = checkout.read(ctx);
  if (!state || state.data.key !== key) {
    const placed = step === 'confirm' ? await ctx.deps.services.orders.byCheckoutKey(key) : undefined;
    const text =
      placed && placed.userId === ctx.user.id
        ? ctx.t('order-already-placed', { id: placed.id })
        : ctx.t('order-dialog-outdated');
    await ctx.answerCallbackQuery({ text });
    return undefined;
  }
  if (step !== undefined && state.step !== step) {
    // This checkout has moved past the button's step (a double tap on "No promo code"): the
    // next step is already on screen, so the second tap is answered quietly.
    await ctx.answerCallbackQuery();
    return undefined;
  }
  return state.data;
}

/** A checkout button valid at `step` (any step when undefined). */
function onCheckoutButton(
  composer: Composer<BotContext>,
  codec: CallbackCodec<{ key: string }>,
  step: CheckoutStep | undefined,
  handler: (ctx: BotContext, data: CheckoutData) => Promise<void>,
): void {
  composer.callbackQuery(
    codec.filter,
    onCallback(codec, async (ctx, { key }) => {
      const data = await checkoutAt(ctx, key, step);
      if (data) await handler(ctx, data);
    }),
  );
}

/**
 * True when the checkout of `productId` waits for its email and its prompt came after the pressed
 * card (Order pressed on a card shown later starts afresh, below that card).
 */
function emailPromptBelow(ctx: BotContext, productId: number): boolean {
  const open = checkout.read(ctx);
  const prompt = ctx.session.dialog?.prompt;
  const card = ctx.callbackQuery?.message?.message_id;
  return (
    open?.step === 'email' &&
    open.data.productId === productId &&
    open.data.email === undefined &&
    prompt !== undefined &&
    card !== undefined &&
    card < prompt
  );
}

/** "Order" on a product card, and the checkout dialog's buttons and answers. */
export function checkoutFeature(_deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.callbackQuery(
    startCheckout.filter,
    onCallback(startCheckout, (ctx, { product: productId }) =>
      // A non-subscriber comes back to this product's card after "I've subscribed".
      requireSubscription(`p_${productId}`)(ctx, async () => {
        const product = await ctx.deps.services.catalog.byIdActive(productId);
        if (!product) {
          await ctx.answerCallbackQuery({ text: ctx.t('catalog-product-unavailable'), show_alert: true });
          return;
        }
        if (emailPromptBelow(ctx, product.id)) {
          // A double tap on "Order" (or Order again before answering): the email prompt this card
          // started is right below it, so a second one would only pile up.
          await ctx.answerCallbackQuery({ text: ctx.t('order-already-started') });
          return;
        }
        await ctx.answerCallbackQuery();
        const data = { productId: product.id, key: newCheckoutKey() };
        await checkout.start(ctx, 'email', data);
        await askEmail(ctx, product, data);
      }),
    ),
  );

  onCheckoutButton(composer, leaveCheckout, undefined, async (ctx) => {
    await checkout.end(ctx);
    await ctx.answerCallbackQuery();
    await retirePressedKeyboard(ctx);
    await sendScreen(ctx, { text: ctx.t('order-dialog-cancelled') });
  });

  onCheckoutButton(composer, useSavedEmail, 'email', async (ctx, data) => {
    await ctx.answerCallbackQuery();
    if (ctx.user.email) await acceptEmail(ctx, data, ctx.user.email);
  });

  onCheckoutButton(composer, skipPromo, 'promo', async (ctx, data) => {
    await ctx.answerCallbackQuery();
    await checkout.go(ctx, 'confirm', { promo: null });
    await showSummary(ctx, { ...data, promo: null });
  });

  onCheckoutButton(composer, confirmOrder, 'confirm', confirm);

  composer
    .chatType('private')
    .filter(checkout.answers())
    .on('message', async (ctx) => {
      const state = checkout.read(ctx);
      if (!state) {
        await sendScreen(ctx, { text: ctx.t('order-dialog-outdated') });
        return;
      }
      const text = ctx.message.text;
      const { step, data } = state;
      if (step === 'confirm') {
        await sendScreen(ctx, { text: ctx.t('order-confirm-hint') });
        await showSummary(ctx, data);
        return;
      }
      if (text === undefined) await askStep(ctx, step, data, ctx.t('order-text-expected'));
      else if (step === 'email') await acceptEmail(ctx, data, text);
      else await acceptPromo(ctx, data, text);
    });

  return composer;
}
