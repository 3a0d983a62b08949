import { randomBytes } from 'node:crypto';
import { Composer, type MiddlewareFn } from 'grammy';
import { z } from 'zod';
import type { Product } from '../../services/catalog.js';
import { normalizeEmail } from '../../services/orders.js';
import { type PromoRefusal, promoRefusalKey } from '../../services/promo.js';
import { html } from '../../telegram/markup.js';
import { formatPrice } from '../../text/format.js';
import type { BotContext, BotDeps } from '../context.js';
import { answersDialog, endDialog, readDialog, setStep, startDialog } from '../dialog.js';
import { emailStepKeyboard, promoStepKeyboard, summaryKeyboard } from '../keyboards/catalog.js';
import { requireSubscription } from '../middlewares/subscription-gate.js';
import { formatDeadline } from './catalog.js';
import { notifyNewOrder } from './orders.js';

/**
 * The checkout dialog, one persisted state machine: email → promo → confirm.
 * Everything it knows is in `ctx.session.dialog` (PostgreSQL), so a restart mid-way loses nothing.
 */
const DIALOG = 'order';
type Step = 'email' | 'promo' | 'confirm';
const dataSchema = z.object({
  productId: z.number().int().positive(),
  /** Idempotency key of this checkout: a second Confirm with it returns the same order. */
  key: z.string().min(8).max(32),
  email: z.string().optional(),
  promo: z.string().nullable().optional(),
  /** The list price the last summary showed: Confirm never orders at a price the user did not see. */
  price: z.number().int().optional(),
});
type CheckoutData = z.infer<typeof dataSchema>;

const newCheckoutKey = (): string => randomBytes(12).toString('base64url');

/** The first `n` characters (code points: an emoji is never cut in half into invalid UTF-16). */
const firstChars = (text: string, n: number): string => [...text].slice(0, n).join('');

async function activeProduct(ctx: BotContext, data: CheckoutData): Promise<Product | undefined> {
  const product = await ctx.deps.services.catalog.byIdActive(data.productId);
  if (!product) {
    endDialog(ctx);
    await ctx.reply(ctx.t('order-product-gone'));
  }
  return product;
}

async function askEmail(ctx: BotContext, product: Product, key: string): Promise<void> {
  const saved = ctx.user.email;
  const text = saved
    ? ctx.t('order-ask-email-saved', { title: product.title, email: saved })
    : ctx.t('order-ask-email', { title: product.title });
  await ctx.reply(text, { reply_markup: emailStepKeyboard(ctx.t, key, saved) });
}

async function askPromo(ctx: BotContext, key: string, prefix?: string): Promise<void> {
  const text = prefix ? `${prefix}\n${ctx.t('order-promo-retry')}` : ctx.t('order-ask-promo');
  await ctx.reply(text, { reply_markup: promoStepKeyboard(ctx.t, key) });
}

/** The summary with the discount computed now; a code that stopped working sends the user back a step. */
async function showSummary(ctx: BotContext, data: CheckoutData): Promise<void> {
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
    title: product.title,
    price: formatPrice(product.price, ctx.locale),
    discountLine: html(discountLine),
    final: formatPrice(product.price - discount, ctx.locale),
    email: data.email,
    deadline: formatDeadline(ctx.t, product.deadlineDays),
  });
  setStep(ctx, 'confirm', { price: product.price });
  await ctx.reply(text, { reply_markup: summaryKeyboard(ctx.t, data.key) });
}

async function refusePromo(ctx: BotContext, data: CheckoutData, code: string, reason: PromoRefusal) {
  setStep(ctx, 'promo', { promo: null });
  await askPromo(ctx, data.key, ctx.t(promoRefusalKey(reason), { code }));
}

async function acceptEmail(ctx: BotContext, data: CheckoutData, raw: string): Promise<void> {
  const email = normalizeEmail(raw);
  if (!email) {
    await ctx.reply(ctx.t('order-email-invalid', { input: firstChars(raw, 100) }), {
      reply_markup: emailStepKeyboard(ctx.t, data.key, ctx.user.email),
    });
    return;
  }
  if (await ctx.deps.services.orders.emailTaken(email, ctx.user.id)) {
    await ctx.reply(ctx.t('order-email-taken'), {
      reply_markup: emailStepKeyboard(ctx.t, data.key, ctx.user.email),
    });
    return;
  }
  setStep(ctx, 'promo', { email });
  await askPromo(ctx, data.key);
}

async function acceptPromo(ctx: BotContext, data: CheckoutData, raw: string): Promise<void> {
  const code = firstChars(raw.trim(), 64);
  const product = await activeProduct(ctx, data);
  if (!product) return;
  const check = await ctx.deps.services.promo.validate(code, ctx.user.id, product.id, product.price);
  if (!check.ok) {
    await askPromo(ctx, data.key, ctx.t(promoRefusalKey(check.reason), { code }));
    return;
  }
  setStep(ctx, 'confirm', { promo: check.promo.code });
  await showSummary(ctx, { ...data, promo: check.promo.code });
}

async function confirm(ctx: BotContext, data: CheckoutData): Promise<void> {
  const { orders } = ctx.deps.services;
  const result = await orders.placeOrder({
    userId: ctx.user.id,
    productId: data.productId,
    email: data.email ?? '',
    promoCode: data.promo ?? null,
    checkoutKey: data.key,
    ...(data.price === undefined ? {} : { expectedPrice: data.price }),
  });
  if (result.ok) {
    endDialog(ctx);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {});
    await ctx.reply(ctx.t('order-placed', { id: result.order.id }));
    if (result.created) await notifyNewOrder(ctx.api, ctx.deps, result.order.id);
    return;
  }
  await ctx.answerCallbackQuery();
  switch (result.reason) {
    case 'product_unavailable':
      endDialog(ctx);
      await ctx.reply(ctx.t('order-product-gone'));
      return;
    case 'email_invalid':
    case 'email_taken': {
      setStep(ctx, 'email', { email: undefined });
      const product = await activeProduct(ctx, data);
      await ctx.reply(ctx.t('order-email-taken'));
      if (product) await askEmail(ctx, product, data.key);
      return;
    }
    case 'promo':
      await refusePromo(ctx, data, data.promo ?? '', result.refusal);
      return;
    case 'price_changed':
      await ctx.editMessageReplyMarkup().catch(() => {});
      await ctx.reply(ctx.t('order-price-changed'));
      await showSummary(ctx, data);
      return;
  }
}

/** "Order" on a product card, and the checkout dialog's buttons and answers. */
export function orderFeature(_deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  // A non-subscriber comes back to this product's card after "I've subscribed".
  const gate: MiddlewareFn<BotContext> = (ctx, next) => requireSubscription(`p_${ctx.match?.[1]}`)(ctx, next);
  composer.callbackQuery(/^ord:new:(\d{1,9})$/, gate, async (ctx) => {
    const product = await ctx.deps.services.catalog.byIdActive(Number(ctx.match[1]));
    if (!product) {
      await ctx.answerCallbackQuery({ text: ctx.t('catalog-product-unavailable'), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    const key = newCheckoutKey();
    startDialog(ctx, DIALOG, 'email', { productId: product.id, key });
    await askEmail(ctx, product, key);
  });

  composer.callbackQuery(/^ord:(em|skip|ok|no):([A-Za-z0-9_-]{8,32})$/, async (ctx) => {
    const action = ctx.match[1] as string;
    const key = ctx.match[2] as string;
    const dialog = readDialog(ctx, DIALOG, dataSchema);
    if (!dialog || dialog.data.key !== key) {
      const placed = action === 'ok' ? await ctx.deps.services.orders.byCheckoutKey(key) : undefined;
      const text =
        placed && placed.userId === ctx.user.id
          ? ctx.t('order-already-placed', { id: placed.id })
          : ctx.t('order-dialog-outdated');
      await ctx.answerCallbackQuery({ text });
      return;
    }
    const { step, data } = dialog;
    if (action === 'no') {
      endDialog(ctx);
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => {});
      await ctx.reply(ctx.t('order-dialog-cancelled'));
      return;
    }
    const expected: Record<string, Step> = { em: 'email', skip: 'promo', ok: 'confirm' };
    if (expected[action] !== step) {
      await ctx.answerCallbackQuery({ text: ctx.t('button-outdated') });
      return;
    }
    if (action === 'ok') {
      await confirm(ctx, data);
      return;
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {});
    if (action === 'em') {
      if (ctx.user.email) await acceptEmail(ctx, data, ctx.user.email);
      return;
    }
    setStep(ctx, 'confirm', { promo: null });
    await showSummary(ctx, { ...data, promo: null });
  });

  composer
    .chatType('private')
    .filter(answersDialog(DIALOG))
    .on('message', async (ctx) => {
      const dialog = readDialog(ctx, DIALOG, dataSchema);
      if (!dialog) {
        await ctx.reply(ctx.t('order-dialog-outdated'));
        return;
      }
      const text = ctx.message.text;
      const { step, data } = dialog;
      if (step === 'confirm') {
        await ctx.reply(ctx.t('order-confirm-hint'));
        await showSummary(ctx, data);
        return;
      }
      if (text === undefined) {
        const keyboard =
          step === 'email'
            ? emailStepKeyboard(ctx.t, data.key, ctx.user.email)
            : promoStepKeyboard(ctx.t, data.key);
        await ctx.reply(ctx.t('order-text-expected'), { reply_markup: keyboard });
        return;
      }
      if (step === 'email') await acceptEmail(ctx, data, text);
      else await acceptPromo(ctx, data, text);
    });

  return composer;
}
