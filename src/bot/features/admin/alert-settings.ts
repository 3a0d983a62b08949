import { InlineKeyboard } from 'grammy';
import type { OwnerAlertEvent } from '../../../services/owner-alerts.js';
import type { MessageKey } from '../../../text/i18n.js';
import { adminSection } from '../../access.js';
import { onCallback } from '../../callback-data.js';
import type { BotContext } from '../../context.js';
import { showScreen } from '../../ui/screen.js';
import { alertSettings, alertToggle } from './alert-settings-data.js';
import { backToMenu } from './keyboards.js';

type EventCode = 'i' | 'o' | 'r' | 'b';
const EVENTS: Record<EventCode, { event: OwnerAlertEvent; label: MessageKey }> = {
  i: { event: 'invite_used', label: 'alert-setting-invite' },
  o: { event: 'order_cancelled', label: 'alert-setting-cancel' },
  r: { event: 'low_rating', label: 'alert-setting-rating' },
  b: { event: 'broadcast_finished', label: 'alert-setting-broadcast' },
};

async function showSettings(ctx: BotContext): Promise<void> {
  const settings = await ctx.deps.services.ownerAlerts.settings(ctx.from!.id);
  const keyboard = new InlineKeyboard();
  for (const code of ['i', 'o', 'r', 'b'] as const) {
    const { event, label } = EVENTS[code];
    const on = settings[event];
    keyboard
      .text(`${on ? '✅' : '🚫'} ${ctx.t(label)}`, alertToggle.pack({ event: code, on: on ? '0' : '1' }))
      .row();
  }
  await showScreen(ctx, { text: ctx.t('alert-settings'), keyboard: backToMenu(ctx, keyboard) });
}

/** Alerts are each owner's own: admins reach the section's buttons only by forging them. */
async function ownerOnly(ctx: BotContext): Promise<boolean> {
  if (ctx.role === 'owner') return true;
  await ctx.answerCallbackQuery({ text: ctx.t('alert-settings-owner-only'), show_alert: true });
  return false;
}

const section = adminSection('adg');
/** /admin → Settings: each owner switches their alerts on and off. */
export const adminAlertSettingsFeature = section.composer;

section.admin.callbackQuery(
  alertSettings.filter,
  onCallback(alertSettings, async (ctx) => {
    if (!(await ownerOnly(ctx))) return;
    await ctx.answerCallbackQuery();
    await showSettings(ctx);
  }),
);

section.admin.callbackQuery(
  alertToggle.filter,
  onCallback(alertToggle, async (ctx, { event, on }) => {
    if (!(await ownerOnly(ctx))) return;
    await ctx.deps.services.ownerAlerts.set(ctx.from!.id, EVENTS[event].event, on === '1');
    await ctx.answerCallbackQuery();
    await showSettings(ctx);
  }),
);
