import type { Filter } from 'grammy';
import { z } from 'zod';
import { isStaffRole } from '../../../services/staff.js';
import { formatDateTime } from '../../../text/format.js';
import type { MessageKey } from '../../../text/i18n.js';
import { isWorkingTime, nextOpening } from '../../../text/working-hours.js';
import type { BotContext } from '../../context.js';
import { defineDialog } from '../../dialog.js';
import { sendScreen } from '../../ui/screen.js';
import { announceTicket } from '../tickets/notifications.js';
import { sendWaitingNotice, showWaitingMessage } from './waiting.js';

/** /support: one step, the problem (a text, or a photo with a caption). */
export const supportDialog = defineDialog('support', {
  steps: ['problem'] as const,
  freeText: ['problem'],
  data: z.object({}),
  interrupted: (ctx) => ({ text: ctx.t('support-interrupted') }),
});

/** /support (or its resumption after the subscription gate): asks for the problem. */
export async function askProblem(ctx: BotContext): Promise<void> {
  if (isStaffRole(ctx.role)) {
    await sendScreen(ctx, { text: ctx.t('support-staff-use-tickets') });
    return;
  }
  const open = await ctx.deps.services.tickets.openTicketOf(ctx.user.id);
  if (open) {
    await sendWaitingNotice(ctx, open);
    return;
  }
  await supportDialog.start(ctx, 'problem', {});
  await supportDialog.prompt(ctx, { text: ctx.t('support-ask') });
}

/** The problem: checked here for a helpful answer, then by the service, which opens the ticket. */
export async function receiveProblem(ctx: Filter<BotContext, 'message'>): Promise<void> {
  const message = ctx.message;
  const photo = message.photo?.at(-1)?.file_id ?? null;
  const text = photo ? message.caption : message.text;
  const answer = (key: MessageKey, vars: Record<string, number> = {}) =>
    sendScreen(ctx, { text: ctx.t(key, vars) });
  if (photo && !text?.trim()) {
    await answer('support-need-caption');
    return;
  }
  if (!text?.trim()) {
    await answer('support-text-only');
    return;
  }
  const result = await ctx.deps.services.tickets.create(ctx.user.id, { text, photo });
  if (!result.ok) {
    if (result.reason === 'already_open') {
      await supportDialog.end(ctx);
      await sendWaitingNotice(ctx, result.ticket);
    } else {
      await answer('support-text-only');
    }
    return;
  }
  await supportDialog.end(ctx);
  // Told once it is known whether anyone was reached: "agents were notified" only when true.
  const reached = await announceTicket(ctx.api, ctx.deps, result.ticket.id, 'new');
  const key = reached > 0 ? 'support-created' : 'support-created-nobody';
  const parts = [ctx.t(key, { id: result.ticket.id }), afterHoursNotice(ctx, result.ticket.createdAt)];
  await showWaitingMessage(ctx, parts.filter(Boolean).join('\n\n'), result.ticket.id);
}

const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** Outside the desk's working hours: when the customer can expect an answer. Empty otherwise. */
function afterHoursNotice(ctx: BotContext, at: Date): string {
  const { support, timezone } = ctx.deps.config;
  if (!support.hours || isWorkingTime(at, support.hours, timezone)) return '';
  return ctx.t('sla-after-hours', {
    from: hourLabel(support.hours.from),
    to: hourLabel(support.hours.to),
    zone: timezone,
    opens: formatDateTime(nextOpening(at, support.hours, timezone), ctx.locale, timezone),
  });
}
