import { type Api, GrammyError, InlineKeyboard } from 'grammy';
import { type OrderDetails, orderTitle } from '../../../services/orders.js';
import type { PaymentSummary } from '../../../services/payments.js';
import type { Locale, MessageKey, Translate, TranslationVars } from '../../../text/i18n.js';
import type { BotDeps } from '../../context.js';
import { notify } from '../../notify.js';
import { type ScreenTarget, showScreenAt } from '../../ui/screen.js';
import { addPaymentButtons } from '../payments/card.js';
import { renderOrderCard } from './card.js';
import { orderActionsKeyboard } from './keyboards.js';

/**
 * Order messages the bot sends on its own: the new order's card to every owner and admin, the
 * updates of those copies when someone acts on the order, and the customer's notices.
 */

type Deps = Pick<BotDeps, 'config' | 'logger' | 'services' | 'translator'>;

/** A staff copy of an order card: the message the bot sent, and who it was sent to. */
export type StaffCopy = { chatId: number; messageId: number };

/** Owners (OWNER_IDS) and staff with the admin role: who hears about new orders. */
export async function orderStaffIds(deps: Deps): Promise<number[]> {
  const ids = new Set<number>(deps.config.ownerIds);
  for (const { staff } of await deps.services.staff.list()) {
    if (staff.role === 'admin') ids.add(staff.telegramId);
  }
  return [...ids];
}

/**
 * Where the order's money stands, for its card: when payments are set up, or when the order has
 * payments anyway (taken before they were switched off).
 */
async function paymentOf(deps: Deps, details: OrderDetails): Promise<PaymentSummary | undefined> {
  const { payments } = deps.services;
  if (!payments.enabled && details.order.paymentState === 'unpaid') return undefined;
  return payments.summary(details.order);
}

/** The card's buttons for one staff member: the order's actions, then the payment ones. */
function cardKeyboard(
  deps: Deps,
  t: Translate,
  details: OrderDetails,
  payment: PaymentSummary | undefined,
  viewer: { userId?: number; telegramId: number },
): InlineKeyboard | undefined {
  const actions = orderActionsKeyboard(
    t,
    details.order,
    viewer.userId === undefined ? {} : { userId: viewer.userId },
  );
  if (!payment) return actions;
  const keyboard = addPaymentButtons(actions ?? new InlineKeyboard(), t, details.order, payment, {
    owner: deps.config.ownerIds.includes(viewer.telegramId),
  });
  return keyboard.inline_keyboard.some((row) => row.length > 0) ? keyboard : undefined;
}

export async function translatorFor(deps: Deps, telegramId: number) {
  const viewer = await deps.services.users.byTelegramId(telegramId);
  const locale = deps.translator.pick(viewer?.languageCode);
  return { viewer, locale, t: deps.translator.for(locale) };
}

/**
 * Sends every owner and admin the new order's card with "Take into work" / "Cancel", in their
 * language, and records each message so the copies can be updated when someone acts.
 */
export async function notifyNewOrder(api: Api, deps: Deps, orderId: number): Promise<void> {
  const details = await deps.services.orders.details(orderId);
  if (!details) return;
  const payment = await paymentOf(deps, details);
  for (const chatId of await orderStaffIds(deps)) {
    const { locale, t } = await translatorFor(deps, chatId);
    const card = renderOrderCard(t, locale, deps.config.timezone, details, payment);
    const text = `${t('order-new-title')}\n\n${card}`;
    const keyboard = cardKeyboard(deps, t, details, payment, { telegramId: chatId });
    const sent = await notify(api, deps, chatId, text, keyboard ? { reply_markup: keyboard } : {});
    if (sent) await deps.services.orders.recordNotification(orderId, chatId, sent.message_id);
  }
}

/** Who looks at a copy of the order card: their language, and their user id (for the buttons). */
export interface CardViewer {
  t: Translate;
  locale: Locale;
  userId: number | undefined;
}

/**
 * Shows the order card as it is now on one staff message, with the buttons `viewer` may use.
 * A copy that cannot be updated (the staff member blocked the bot, …) is logged and left: the
 * change to the order has succeeded whatever happens to its copies.
 */
export async function showOrderCardAt(
  api: Api,
  deps: Deps,
  target: ScreenTarget,
  viewer: CardViewer,
  details: OrderDetails,
): Promise<void> {
  const { t, locale, userId } = viewer;
  const payment = await paymentOf(deps, details);
  const text = renderOrderCard(t, locale, deps.config.timezone, details, payment);
  const keyboard = cardKeyboard(deps, t, details, payment, {
    ...(userId === undefined ? {} : { userId }),
    telegramId: target.chatId,
  });
  try {
    await showScreenAt(api, target, { text, keyboard }, deps.logger, { whenGone: 'skip' });
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
    deps.logger.debug(
      { chatId: target.chatId, messageId: target.messageId, err: error },
      'order card not updated',
    );
  }
}

/**
 * Re-renders every staff copy of the order (except `except`, the message just edited by the
 * handler): a taken order loses its buttons for everyone but the executor, a finished one for all.
 */
export async function refreshOrderMessages(
  api: Api,
  deps: Deps,
  orderId: number,
  except?: StaffCopy,
): Promise<void> {
  const details = await deps.services.orders.details(orderId);
  if (!details) return;
  for (const row of await deps.services.orders.notificationsOf(orderId)) {
    if (except && row.chatId === except.chatId && row.messageId === except.messageId) continue;
    const { viewer, locale, t } = await translatorFor(deps, row.chatId);
    await showOrderCardAt(api, deps, row, { t, locale, userId: viewer?.id }, details);
  }
}

/** Tells the customer, in their language, what happened to their order. */
export async function notifyCustomer(
  api: Api,
  deps: Deps,
  details: OrderDetails,
  key: MessageKey,
  vars: TranslationVars,
): Promise<void> {
  const locale = deps.translator.pick(details.customer.languageCode);
  const text = deps.translator.t(locale, key, {
    id: details.order.id,
    title: orderTitle(details.order, locale),
    ...vars,
  });
  await notify(api, deps, details.customer.telegramId, text);
}
