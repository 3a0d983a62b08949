import { randomBytes } from 'node:crypto';
import { InlineKeyboard } from 'grammy';
import { z } from 'zod';
import { localizedTitle } from '../../../services/catalog.js';
import { CHECKOUT_DIALOG } from '../../../services/checkout-session.js';
import { defineDialog } from '../../dialog.js';
import { startCheckout } from './callback-data.js';

/**
 * The checkout, one persisted state machine: email → promo → confirm. Everything it knows is in the
 * session (PostgreSQL), so a restart mid-way loses nothing; the abandoned-order campaign reads the
 * same state through `services/checkout-session.ts`.
 */
const checkoutData = z.object({
  productId: z.number().int().positive(),
  /** Idempotency key of this checkout: a second Confirm with it returns the same order. */
  key: z.string().min(8).max(32),
  email: z.string().optional(),
  promo: z.string().nullable().optional(),
  /** The list price the last summary showed: Confirm never orders at a price the user did not see. */
  price: z.number().int().optional(),
});
export type CheckoutData = z.infer<typeof checkoutData>;

export const checkout = defineDialog(CHECKOUT_DIALOG, {
  steps: ['email', 'promo', 'confirm'] as const,
  // The summary reads no text: its Confirm button keeps working whatever the user types.
  freeText: ['email', 'promo'],
  data: checkoutData,
  // A command at the email or promo step: the customer is told the order is put aside, with a
  // button that takes up the same service again.
  async interrupted(ctx, data) {
    const product = await ctx.deps.services.catalog.byIdActive(data.productId);
    if (!product) return { text: ctx.t('order-interrupted-gone') };
    return {
      text: ctx.t('order-interrupted', { title: localizedTitle(product, ctx.locale) }),
      keyboard: new InlineKeyboard().text(
        ctx.t('order-btn-resume'),
        startCheckout.pack({ product: product.id }),
      ),
    };
  },
});
export type CheckoutStep = (typeof checkout.steps)[number];

/** A fresh idempotency key (16 URL-safe characters). */
export const newCheckoutKey = (): string => randomBytes(12).toString('base64url');
