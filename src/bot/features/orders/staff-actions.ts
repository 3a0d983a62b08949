import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import { z } from 'zod';
import { CANCEL_REASON_MAX } from '../../../services/orders.js';
import { isAdminRole } from '../../../services/staff.js';
import { displayName } from '../../../services/users.js';
import type { MessageKey, TranslationVars } from '../../../text/i18n.js';
import { type CallbackCodec, onCallback } from '../../callback-data.js';
import { Composer } from '../../composer.js';
import type { BotContext } from '../../context.js';
import { defineDialog } from '../../dialog.js';
import { callbackTarget, sendScreen, showKeyboardAt } from '../../ui/screen.js';
import { askRefundIfPaid } from '../payments/notifications.js';
import { cancelOrder, completeOrder, completeOrderYes, keepOrder, takeOrder } from './callback-data.js';
import { orderStateText } from './card.js';
import { notifyCustomer, refreshOrderMessages, type StaffCopy, showOrderCardAt } from './notifications.js';

/**
 * The reason a staff member gives for cancelling an order. A staff dialog: commands typed meanwhile
 * leave it open, as they always have.
 */
const cancelReason = defineDialog('order-cancel', {
  steps: ['reason'] as const,
  freeText: [],
  data: z.object({
    orderId: z.number().int(),
    /** The card whose "Cancel" was pressed, updated once the order is cancelled. */
    origin: z.object({ chatId: z.number(), messageId: z.number().int() }).nullable(),
  }),
});

/** The pressed message, when it is a copy the bot can still update. */
function pressedCopy(ctx: BotContext): StaffCopy | undefined {
  const target = callbackTarget(ctx);
  return target?.messageId === undefined ? undefined : { chatId: target.chatId, messageId: target.messageId };
}

/** After a staff action: the card it was taken on, the other staff copies, and the customer. */
async function afterStaffChange(
  ctx: BotContext,
  orderId: number,
  origin: StaffCopy | undefined,
  customer: { key: MessageKey; vars?: TranslationVars },
): Promise<void> {
  const { deps } = ctx;
  const details = await deps.services.orders.details(orderId);
  if (!details) return;
  if (origin) {
    await showOrderCardAt(
      ctx.api,
      deps,
      origin,
      { t: ctx.t, locale: ctx.locale, userId: ctx.user.id },
      details,
    );
  }
  await refreshOrderMessages(ctx.api, deps, orderId, origin);
  await notifyCustomer(ctx.api, deps, details, customer.key, customer.vars ?? {});
}

/** Shows the order as it is now on the pressed message (drops buttons that no longer apply). */
async function showCurrent(ctx: BotContext, orderId: number): Promise<void> {
  const origin = pressedCopy(ctx);
  const details = await ctx.deps.services.orders.details(orderId);
  if (!origin || !details) return;
  await showOrderCardAt(
    ctx.api,
    ctx.deps,
    origin,
    { t: ctx.t, locale: ctx.locale, userId: ctx.user.id },
    details,
  );
}

async function take(ctx: BotContext, orderId: number): Promise<void> {
  const result = await ctx.deps.services.orders.take(orderId, ctx.user.id);
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
  await afterStaffChange(ctx, orderId, pressedCopy(ctx), {
    key: 'order-notify-taken',
    vars: { name: ctx.user.firstName },
  });
}

async function complete(ctx: BotContext, orderId: number): Promise<void> {
  const result = await ctx.deps.services.orders.complete(orderId);
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
  await afterStaffChange(ctx, orderId, pressedCopy(ctx), { key: 'order-notify-done' });
}

/**
 * The pressed message's keyboard with the row of the pressed button replaced by `row` (the card's
 * other rows, e.g. the admin board's Back, stay as they are).
 */
export function withRowReplaced(
  ctx: BotContext,
  row: InlineKeyboardButton[],
): InlineKeyboardMarkup | undefined {
  const message = ctx.callbackQuery?.message;
  const pressed = ctx.callbackQuery?.data;
  const rows = message && 'reply_markup' in message ? message.reply_markup?.inline_keyboard : undefined;
  if (!rows || pressed === undefined) return undefined;
  return {
    inline_keyboard: rows.map((r) =>
      r.some((b) => 'callback_data' in b && b.callback_data === pressed) ? row : r,
    ),
  };
}

/** "Done" tells the customer, so it asks first: its row becomes "Yes, done" / "Not yet". */
async function askComplete(ctx: BotContext, orderId: number): Promise<void> {
  const order = await ctx.deps.services.orders.byId(orderId);
  if (!order) {
    await ctx.answerCallbackQuery({ text: ctx.t('order-not-found'), show_alert: true });
    return;
  }
  if (order.state !== 'in_work') {
    await ctx.answerCallbackQuery({
      text: ctx.t('order-wrong-state', { id: orderId, state: orderStateText(ctx.t, order.state) }),
      show_alert: true,
    });
    await showCurrent(ctx, orderId);
    return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t('order-done-ask', { id: orderId }) });
  const row = new InlineKeyboard()
    .text(ctx.t('order-btn-done-yes'), completeOrderYes.pack({ order: orderId }))
    .text(ctx.t('order-btn-done-no'), keepOrder.pack({ order: orderId })).inline_keyboard[0];
  const target = pressedCopy(ctx);
  const markup = row && withRowReplaced(ctx, row);
  if (target && markup) await showKeyboardAt(ctx.api, target.chatId, target.messageId, markup, ctx.log);
}

/** "Not yet": the Done / Cancel row comes back (or the card as it is now, if the order moved on). */
async function keepAsIs(ctx: BotContext, orderId: number): Promise<void> {
  const order = await ctx.deps.services.orders.byId(orderId);
  await ctx.answerCallbackQuery();
  if (order?.state !== 'in_work') {
    await showCurrent(ctx, orderId);
    return;
  }
  const row = new InlineKeyboard()
    .text(ctx.t('order-btn-done'), completeOrder.pack({ order: orderId }))
    .text(ctx.t('order-btn-staff-cancel'), cancelOrder.pack({ order: orderId })).inline_keyboard[0];
  const target = pressedCopy(ctx);
  const markup = row && withRowReplaced(ctx, row);
  if (target && markup) await showKeyboardAt(ctx.api, target.chatId, target.messageId, markup, ctx.log);
}

async function askCancelReason(ctx: BotContext, orderId: number): Promise<void> {
  const order = await ctx.deps.services.orders.byId(orderId);
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
  await cancelReason.start(ctx, 'reason', { orderId, origin: pressedCopy(ctx) ?? null });
  await ctx.answerCallbackQuery();
  await sendScreen(ctx, { text: ctx.t('order-ask-cancel-reason', { id: orderId }) });
}

async function cancelWithReason(ctx: BotContext, text: string | undefined): Promise<void> {
  const state = cancelReason.read(ctx);
  if (!state) return;
  if (!isAdminRole(ctx.role)) {
    await cancelReason.end(ctx);
    await sendScreen(ctx, { text: ctx.t('not-allowed') });
    return;
  }
  const { orderId, origin } = state.data;
  const reason = text?.trim();
  if (!reason) {
    await sendScreen(ctx, { text: ctx.t('order-ask-cancel-reason', { id: orderId }) });
    return;
  }
  if (reason.length > CANCEL_REASON_MAX) {
    await sendScreen(ctx, { text: ctx.t('order-cancel-reason-too-long', { max: CANCEL_REASON_MAX }) });
    return;
  }
  const result = await ctx.deps.services.orders.cancelByStaff(orderId, reason);
  await cancelReason.end(ctx);
  if (!result.ok) {
    const refusal =
      result.reason === 'not_found'
        ? ctx.t('order-not-found')
        : ctx.t('order-wrong-state', { id: orderId, state: orderStateText(ctx.t, result.order.state) });
    await sendScreen(ctx, { text: refusal });
    return;
  }
  await sendScreen(ctx, { text: ctx.t('order-staff-cancelled', { id: orderId }) });
  await afterStaffChange(ctx, orderId, origin ?? undefined, {
    key: 'order-notify-cancelled',
    vars: { reason },
  });
  await askRefundIfPaid(ctx.api, ctx.deps, orderId);
}

/**
 * The staff order actions (take, done, cancel with a reason), from any message showing an order;
 * the role is re-checked on every press, since callback data can be forged.
 */
export const staffOrderActions = new Composer<BotContext>();

const staffButton = (
  codec: CallbackCodec<{ order: number }>,
  action: (ctx: BotContext, id: number) => Promise<void>,
) =>
  staffOrderActions.callbackQuery(
    codec.filter,
    onCallback(codec, async (ctx, { order }) => {
      if (!isAdminRole(ctx.role)) {
        await ctx.answerCallbackQuery({ text: ctx.t('not-allowed'), show_alert: true });
        return;
      }
      await action(ctx, order);
    }),
  );
staffButton(takeOrder, take);
staffButton(completeOrder, askComplete);
staffButton(completeOrderYes, complete);
staffButton(keepOrder, keepAsIs);
staffButton(cancelOrder, askCancelReason);

staffOrderActions
  .chatType('private')
  .filter(cancelReason.answers())
  .on('message', (ctx) => cancelWithReason(ctx, ctx.message.text));
