import { InlineKeyboard } from 'grammy';
import type { Translate } from '../../../text/i18n.js';
import { confirmOrder, leaveCheckout, skipPromo, useSavedEmail } from './callback-data.js';

/** The email step: "Use <saved email>" when there is one, and "Cancel". */
export function emailStepKeyboard(t: Translate, key: string, savedEmail: string | null): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (savedEmail)
    keyboard.text(t('order-btn-use-email', { email: savedEmail }), useSavedEmail.pack({ key })).row();
  return keyboard.text(t('order-btn-cancel'), leaveCheckout.pack({ key }));
}

/** The promo step: "No promo code" and "Cancel". */
export function promoStepKeyboard(t: Translate, key: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('order-btn-skip-promo'), skipPromo.pack({ key }))
    .row()
    .text(t('order-btn-cancel'), leaveCheckout.pack({ key }));
}

/** The summary: "Confirm" and "Cancel". */
export function summaryKeyboard(t: Translate, key: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('order-btn-confirm'), confirmOrder.pack({ key }))
    .text(t('order-btn-cancel'), leaveCheckout.pack({ key }));
}
