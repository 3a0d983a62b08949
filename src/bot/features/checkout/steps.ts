import { localizedTitle, type Product } from '../../../services/catalog.js';
import { checkEmail, EMAIL_MAX } from '../../../services/orders.js';
import { type PromoRefusal, promoRefusalKey } from '../../../services/promo.js';
import { html } from '../../../telegram/markup.js';
import { formatPrice } from '../../../text/format.js';
import type { BotContext } from '../../context.js';
import { retirePressedKeyboard, sendScreen } from '../../ui/screen.js';
import { formatDeadline } from '../catalog/card.js';
import { type CheckoutData, type CheckoutStep, checkout } from './dialog.js';
import { emailStepKeyboard, promoStepKeyboard, summaryKeyboard } from './keyboards.js';

/** The first `n` characters (code points: an emoji is never cut in half into invalid UTF-16). */
const firstChars = (text: string, n: number): string => [...text].slice(0, n).join('');

/** The product being ordered while it can still be ordered; otherwise the checkout ends with a word why. */
export async function activeProduct(ctx: BotContext, data: CheckoutData): Promise<Product | undefined> {
  const product = await ctx.deps.services.catalog.byIdActive(data.productId);
  if (!product) {
    await checkout.end(ctx);
    await retirePressedKeyboard(ctx);
    await sendScreen(ctx, { text: ctx.t('order-product-gone') });
  }
  return product;
}

type TextStep = Extract<CheckoutStep, 'email' | 'promo'>;

/**
 * Moves to `step` (merging `patch`) and sends its prompt with the step's buttons; the previous
 * prompt loses its buttons, so a single prompt of the checkout stays live.
 */
export async function askStep(
  ctx: BotContext,
  step: TextStep,
  data: CheckoutData,
  text: string,
  patch: Partial<CheckoutData> = {},
): Promise<void> {
  await checkout.go(ctx, step, patch);
  const keyboard =
    step === 'email'
      ? emailStepKeyboard(ctx.t, data.key, ctx.user.email)
      : promoStepKeyboard(ctx.t, data.key);
  await checkout.prompt(ctx, { text, keyboard });
}

/** The email step's prompt (offering the saved email when the user has one). */
export async function askEmail(ctx: BotContext, product: Product, data: CheckoutData): Promise<void> {
  const saved = ctx.user.email;
  const text = saved
    ? ctx.t('order-ask-email-saved', { title: localizedTitle(product, ctx.locale), email: saved })
    : ctx.t('order-ask-email', { title: localizedTitle(product, ctx.locale) });
  await askStep(ctx, 'email', data, text);
}

const promoRetryText = (ctx: BotContext, code: string, reason: PromoRefusal): string =>
  `${ctx.t(promoRefusalKey(reason), { code })}\n${ctx.t('order-promo-retry')}`;

/** Back to the promo step because `code` does not apply: the reason, and a request for another code. */
export async function refusePromo(
  ctx: BotContext,
  data: CheckoutData,
  code: string,
  reason: PromoRefusal,
): Promise<void> {
  await askStep(ctx, 'promo', data, promoRetryText(ctx, code, reason), { promo: null });
}

/** The summary with the discount computed now; a code that stopped working sends the user back a step. */
export async function showSummary(ctx: BotContext, data: CheckoutData): Promise<void> {
  const product = await activeProduct(ctx, data);
  if (!product || !data.email) return;
  let discount = 0;
  let code: string | undefined;
  if (data.promo) {
    const check = await ctx.deps.services.promo.validate(data.promo, ctx.user.id, product.id, product.price);
    if (!check.ok) {
      await refusePromo(ctx, data, data.promo, check.reason);
      return;
    }
    discount = check.discount;
    code = check.promo.code;
  }
  const discountLine = code
    ? ctx.t('order-summary-discount', { discount: formatPrice(discount, ctx.locale), code })
    : ctx.t('order-summary-no-discount');
  const text = ctx.t('order-summary', {
    title: localizedTitle(product, ctx.locale),
    price: formatPrice(product.price, ctx.locale),
    discountLine: html(discountLine),
    final: formatPrice(product.price - discount, ctx.locale),
    email: data.email,
    deadline: formatDeadline(ctx.t, product.deadlineDays),
  });
  await checkout.go(ctx, 'confirm', { price: product.price });
  await checkout.prompt(ctx, { text, keyboard: summaryKeyboard(ctx.t, data.key) });
}

/** The email step's answer: a valid address moves on to the promo step. */
export async function acceptEmail(ctx: BotContext, data: CheckoutData, raw: string): Promise<void> {
  const check = checkEmail(raw);
  if (!check.ok) {
    const text =
      check.reason === 'too_long'
        ? ctx.t('order-email-too-long', { max: EMAIL_MAX })
        : ctx.t('order-email-invalid', { input: firstChars(raw, 100) });
    await askStep(ctx, 'email', data, text);
    return;
  }
  await askStep(ctx, 'promo', data, ctx.t('order-ask-promo'), { email: check.email });
}

/** The promo step's answer: a code that applies moves on to the summary. */
export async function acceptPromo(ctx: BotContext, data: CheckoutData, raw: string): Promise<void> {
  const code = firstChars(raw.trim(), 64);
  const product = await activeProduct(ctx, data);
  if (!product) return;
  const check = await ctx.deps.services.promo.validate(code, ctx.user.id, product.id, product.price);
  if (!check.ok) {
    await askStep(ctx, 'promo', data, promoRetryText(ctx, code, check.reason));
    return;
  }
  await checkout.go(ctx, 'confirm', { promo: check.promo.code });
  await showSummary(ctx, { ...data, promo: check.promo.code });
}
