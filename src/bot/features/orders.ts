import { type Api, Composer, GrammyError, type InlineKeyboard } from 'grammy';
import { z } from 'zod';
import { CANCEL_REASON_MAX, type OrderDetails, type OrderState } from '../../services/orders.js';
import { isAdminRole } from '../../services/staff.js';
import { displayName } from '../../services/users.js';
import { formatDate, formatDateTime, formatPrice } from '../../text/format.js';
import type { Locale, Translate, TranslationVars } from '../../text/i18n.js';
import type { BotContext, BotDeps } from '../context.js';
import { answersDialog, endDialog, readDialog, startDialog } from '../dialog.js';
import {
  myOrderCancelConfirmKeyboard,
  myOrdersKeyboard,
  orderActionsKeyboard,
  type StaffOrderAction,
} from '../keyboards/orders.js';
import { requireSubscription } from '../middlewares/subscription-gate.js';
import { notify } from '../notify.js';
import { formatDeadline, isNotModified } from './catalog.js';

export const MY_ORDERS_PER_PAGE = 5;

type Deps = Pick<BotDeps, 'config' | 'logger' | 'services' | 'translator'>;

/** "🛠 in work" etc. */
export const orderStateText = (t: Translate, state: OrderState): string =>
  t(`order-state-${state.replace('_', '-')}`);

/** The order card staff see in notifications and on the admin board (HTML, user text escaped). */
export function renderOrderCard(
  t: Translate,
  locale: Locale,
  timezone: string,
  details: OrderDetails,
): string {
  const { order, customer, executor } = details;
  const lines = [
    t('order-card-title', { id: order.id, state: orderStateText(t, order.state) }),
    t('order-card-product', { title: order.productTitle }),
    t('order-card-price', { price: formatPrice(order.price, locale) }),
  ];
  if (order.discount > 0) {
    lines.push(
      t('order-card-discount', {
        discount: formatPrice(order.discount, locale),
        code: order.promoCode ?? '',
      }),
    );
  }
  lines.push(
    t('order-card-final', { final: formatPrice(order.finalPrice, locale) }),
    t('order-card-deadline', { deadline: formatDeadline(t, order.deadlineDays) }),
    t('order-card-customer', { name: displayName(customer) }),
    t('order-card-email', { email: order.email }),
    t('order-card-created', { date: formatDateTime(order.createdOn, locale, timezone) }),
  );
  if (executor) lines.push(t('order-card-executor', { name: displayName(executor) }));
  if (order.state === 'cancelled') {
    lines.push(
      order.cancelledBy === 'customer'
        ? t('order-card-cancelled-by-customer')
        : t('order-card-cancel-reason', { reason: order.cancelReason ?? '' }),
    );
  }
  return lines.join('\n');
}

/** Owners (OWNER_IDS) and staff with the admin role: who hears about new orders. */
async function orderStaffIds(deps: Deps): Promise<number[]> {
  const ids = new Set<number>(deps.config.ownerIds);
  for (const { staff } of await deps.services.staff.list()) {
    if (staff.role === 'admin') ids.add(staff.telegramId);
  }
  return [...ids];
}

async function translatorFor(deps: Deps, telegramId: number) {
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
  for (const chatId of await orderStaffIds(deps)) {
    const { locale, t } = await translatorFor(deps, chatId);
    const text = `${t('order-new-title')}\n\n${renderOrderCard(t, locale, deps.config.timezone, details)}`;
    const keyboard = orderActionsKeyboard(t, details.order);
    const sent = await notify(api, deps, chatId, text, keyboard ? { reply_markup: keyboard } : {});
    if (sent) await deps.services.orders.recordNotification(orderId, chatId, sent.message_id);
  }
}

async function editCard(
  api: Api,
  deps: Deps,
  chatId: number,
  messageId: number,
  text: string,
  keyboard: InlineKeyboard | undefined,
): Promise<void> {
  try {
    await api.editMessageText(chatId, messageId, text, keyboard ? { reply_markup: keyboard } : {});
  } catch (error) {
    if (isNotModified(error)) return;
    if (!(error instanceof GrammyError)) throw error;
    deps.logger.debug({ chatId, messageId, err: error }, 'order card not updated');
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
  except?: { chatId: number; messageId: number },
): Promise<void> {
  const details = await deps.services.orders.details(orderId);
  if (!details) return;
  for (const row of await deps.services.orders.notificationsOf(orderId)) {
    if (except && row.chatId === except.chatId && row.messageId === except.messageId) continue;
    const { viewer, locale, t } = await translatorFor(deps, row.chatId);
    const text = renderOrderCard(t, locale, deps.config.timezone, details);
    const keyboard = orderActionsKeyboard(t, details.order, viewer ? { userId: viewer.id } : {});
    await editCard(api, deps, row.chatId, row.messageId, text, keyboard);
  }
}

/** Tells the customer, in their language, what happened to their order. */
async function notifyCustomer(
  api: Api,
  deps: Deps,
  details: OrderDetails,
  key: string,
  vars: TranslationVars,
) {
  const locale = deps.translator.pick(details.customer.languageCode);
  const text = deps.translator.t(locale, key, {
    id: details.order.id,
    title: details.order.productTitle,
    ...vars,
  });
  await notify(api, deps, details.customer.telegramId, text);
}

/** After a staff action: the pressed message, the other staff copies, and the customer. */
async function afterStaffChange(
  ctx: BotContext,
  orderId: number,
  origin: { chatId: number; messageId: number } | undefined,
  customer: { key: string; vars?: TranslationVars },
): Promise<void> {
  const { deps } = ctx;
  const details = await deps.services.orders.details(orderId);
  if (!details) return;
  if (origin) {
    const text = renderOrderCard(ctx.t, ctx.locale, deps.config.timezone, details);
    await editCard(
      ctx.api,
      deps,
      origin.chatId,
      origin.messageId,
      text,
      orderActionsKeyboard(ctx.t, details.order, { userId: ctx.user.id }),
    );
  }
  await refreshOrderMessages(ctx.api, deps, orderId, origin);
  await notifyCustomer(ctx.api, deps, details, customer.key, customer.vars ?? {});
}

function originOf(ctx: BotContext): { chatId: number; messageId: number } | undefined {
  const message = ctx.callbackQuery?.message;
  return message ? { chatId: message.chat.id, messageId: message.message_id } : undefined;
}

/** Shows the order as it is now on the pressed message (drops buttons that no longer apply). */
async function showCurrent(ctx: BotContext, orderId: number): Promise<void> {
  const origin = originOf(ctx);
  const details = await ctx.deps.services.orders.details(orderId);
  if (!origin || !details) return;
  const text = renderOrderCard(ctx.t, ctx.locale, ctx.deps.config.timezone, details);
  await editCard(
    ctx.api,
    ctx.deps,
    origin.chatId,
    origin.messageId,
    text,
    orderActionsKeyboard(ctx.t, details.order, { userId: ctx.user.id }),
  );
}

async function staffAction(ctx: BotContext, action: StaffOrderAction, orderId: number): Promise<void> {
  const { orders } = ctx.deps.services;
  if (action === 'take') {
    const result = await orders.take(orderId, ctx.user.id);
    if (!result.ok) {
      if (result.reason === 'not_found') {
        await ctx.answerCallbackQuery({ text: ctx.t('order-not-found'), show_alert: true });
        return;
      }
      const text =
        result.reason === 'already_taken'
          ? ctx.t('order-already-taken', {
              id: orderId,
              name: result.executor ? displayName(result.executor) : '—',
            })
          : ctx.t('order-wrong-state', { id: orderId, state: orderStateText(ctx.t, result.order.state) });
      await ctx.answerCallbackQuery({ text, show_alert: true });
      await showCurrent(ctx, orderId);
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t('order-taken-by-you', { id: orderId }) });
    await afterStaffChange(ctx, orderId, originOf(ctx), {
      key: 'order-notify-taken',
      vars: { name: ctx.user.firstName },
    });
    return;
  }

  if (action === 'done') {
    const result = await orders.complete(orderId);
    if (!result.ok) {
      await ctx.answerCallbackQuery({
        text:
          result.reason === 'not_found'
            ? ctx.t('order-not-found')
            : ctx.t('order-wrong-state', { id: orderId, state: orderStateText(ctx.t, result.order.state) }),
        show_alert: true,
      });
      await showCurrent(ctx, orderId);
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t('order-done-ok', { id: orderId }) });
    await afterStaffChange(ctx, orderId, originOf(ctx), { key: 'order-notify-done' });
    return;
  }

  const order = await orders.byId(orderId);
  if (!order) {
    await ctx.answerCallbackQuery({ text: ctx.t('order-not-found'), show_alert: true });
    return;
  }
  if (order.state !== 'created' && order.state !== 'in_work') {
    await ctx.answerCallbackQuery({
      text: ctx.t('order-wrong-state', { id: orderId, state: orderStateText(ctx.t, order.state) }),
      show_alert: true,
    });
    await showCurrent(ctx, orderId);
    return;
  }
  startDialog(ctx, CANCEL_DIALOG, 'reason', { orderId, origin: originOf(ctx) ?? null });
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('order-ask-cancel-reason', { id: orderId }));
}

const CANCEL_DIALOG = 'order-cancel';
const cancelData = z.object({
  orderId: z.number().int(),
  origin: z.object({ chatId: z.number(), messageId: z.number().int() }).nullable(),
});

async function renderMyOrders(ctx: BotContext, page: number) {
  const result = await ctx.deps.services.orders.listForUser(ctx.user.id, page, MY_ORDERS_PER_PAGE);
  if (result.total === 0) return { text: ctx.t('orders-empty'), keyboard: undefined };
  const lines = result.items.map((order) =>
    ctx.t('orders-line', {
      id: order.id,
      title: order.productTitle,
      final: formatPrice(order.finalPrice, ctx.locale),
      state: orderStateText(ctx.t, order.state),
      date: formatDate(order.createdOn, ctx.locale, ctx.deps.config.timezone),
    }),
  );
  return {
    text: `${ctx.t('orders-title', { total: result.total })}\n\n${lines.join('\n\n')}`,
    keyboard: myOrdersKeyboard(ctx.t, result.items, result.page, result.pages),
  };
}

async function editInPlace(
  ctx: BotContext,
  text: string,
  keyboard: InlineKeyboard | undefined,
): Promise<void> {
  try {
    await ctx.editMessageText(text, keyboard ? { reply_markup: keyboard } : {});
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
}

/**
 * /orders for customers (newest first, paged in place, cancel while `created`) and the staff
 * order actions `oa:take|done|cancel:<id>`, which work from any message showing an order.
 */
export function ordersFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const gate = requireSubscription('orders');

  const showMyOrders = async (ctx: BotContext) => {
    const { text, keyboard } = await renderMyOrders(ctx, 0);
    await ctx.reply(text, keyboard ? { reply_markup: keyboard } : {});
  };
  deps.gateResumes.register('orders', showMyOrders);
  composer.chatType('private').command('orders', gate, showMyOrders);

  composer.callbackQuery(/^ords:p:(\d{1,6})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const { text, keyboard } = await renderMyOrders(ctx, Number(ctx.match[1]));
    await editInPlace(ctx, text, keyboard);
  });

  composer.callbackQuery(/^ords:([cy]):(\d{1,10}):(\d{1,6})$/, async (ctx) => {
    const confirmed = ctx.match[1] === 'y';
    const orderId = Number(ctx.match[2]);
    const page = Number(ctx.match[3]);
    const { orders } = ctx.deps.services;
    const order = await orders.byId(orderId);
    if (!order || order.userId !== ctx.user.id) {
      await ctx.answerCallbackQuery({ text: ctx.t('order-not-found'), show_alert: true });
      return;
    }
    if (!confirmed && order.state === 'created') {
      await ctx.answerCallbackQuery();
      await editInPlace(
        ctx,
        ctx.t('orders-confirm-cancel', { id: order.id, title: order.productTitle }),
        myOrderCancelConfirmKeyboard(ctx.t, order.id, page),
      );
      return;
    }
    const result = confirmed ? await orders.cancelByCustomer(orderId, ctx.user.id) : undefined;
    if (result?.ok) {
      await ctx.answerCallbackQuery({ text: ctx.t('orders-cancelled', { id: orderId }) });
      await refreshOrderMessages(ctx.api, ctx.deps, orderId);
    } else if (result?.reason === 'not_found') {
      await ctx.answerCallbackQuery({ text: ctx.t('order-not-found'), show_alert: true });
      return;
    } else if ((result?.reason === 'wrong_state' ? result.order.state : order.state) === 'cancelled') {
      // A double tap on "Yes, cancel" or an old button: it is cancelled, which is what was asked.
      await ctx.answerCallbackQuery({ text: ctx.t('orders-cancelled', { id: orderId }) });
    } else {
      const state = result?.reason === 'wrong_state' ? result.order.state : order.state;
      await ctx.answerCallbackQuery({
        text: ctx.t('orders-cannot-cancel', { id: orderId, state: orderStateText(ctx.t, state) }),
        show_alert: true,
      });
    }
    const { text, keyboard } = await renderMyOrders(ctx, page);
    await editInPlace(ctx, text, keyboard);
  });

  composer.callbackQuery(/^oa:(take|done|cancel):(\d{1,10})$/, async (ctx) => {
    if (!isAdminRole(ctx.role)) {
      await ctx.answerCallbackQuery({ text: ctx.t('not-allowed'), show_alert: true });
      return;
    }
    await staffAction(ctx, ctx.match[1] as StaffOrderAction, Number(ctx.match[2]));
  });

  composer
    .chatType('private')
    .filter(answersDialog(CANCEL_DIALOG))
    .on('message', async (ctx) => {
      const dialog = readDialog(ctx, CANCEL_DIALOG, cancelData);
      if (!dialog) return;
      if (!isAdminRole(ctx.role)) {
        endDialog(ctx);
        await ctx.reply(ctx.t('not-allowed'));
        return;
      }
      const reason = ctx.message.text?.trim();
      if (!reason) {
        await ctx.reply(ctx.t('order-ask-cancel-reason', { id: dialog.data.orderId }));
        return;
      }
      if (reason.length > CANCEL_REASON_MAX) {
        await ctx.reply(ctx.t('order-cancel-reason-too-long', { max: CANCEL_REASON_MAX }));
        return;
      }
      const { orderId, origin } = dialog.data;
      const result = await ctx.deps.services.orders.cancelByStaff(orderId, reason);
      endDialog(ctx);
      if (!result.ok) {
        await ctx.reply(
          result.reason === 'not_found'
            ? ctx.t('order-not-found')
            : ctx.t('order-wrong-state', { id: orderId, state: orderStateText(ctx.t, result.order.state) }),
        );
        return;
      }
      await ctx.reply(ctx.t('order-staff-cancelled', { id: orderId }));
      await afterStaffChange(ctx, orderId, origin ?? undefined, {
        key: 'order-notify-cancelled',
        vars: { reason },
      });
    });

  return composer;
}
