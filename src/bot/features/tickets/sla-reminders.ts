import type { Api } from 'grammy';
import type { SlaNotifier } from '../../../jobs/sla.js';
import type { User } from '../../../services/users.js';
import { displayName } from '../../../services/users.js';
import type { MessageKey } from '../../../text/i18n.js';
import { notify } from '../../notify.js';
import { takeKeyboard } from './keyboards.js';
import { type NotifyDeps, translateFor } from './their-language.js';

/**
 * The SLA reminders as the bot sends them (the job decides when, once): to the agents and to admins
 * and owners with "Take into work" (recorded, so the button goes when someone takes the ticket),
 * to the holder as a nudge to answer. Blocked chats and flood waits are the notify path's.
 */
export function slaNotifier(api: Api, deps: NotifyDeps): SlaNotifier {
  const { tickets, users } = deps.services;
  const minutes = deps.config.support.slaMinutes;

  async function announce(ticketId: number, key: MessageKey, recipients: User[]): Promise<void> {
    const view = await tickets.view(ticketId);
    if (view?.ticket.state !== 'created') return;
    for (const recipient of recipients) {
      const t = translateFor(deps, recipient);
      const text = t(key, {
        id: ticketId,
        customer: displayName(view.customer),
        text: view.ticket.text,
        minutes,
      });
      const message = await notify(api, deps, recipient.telegramId, text, {
        reply_markup: takeKeyboard(t, ticketId),
      });
      if (message) await tickets.recordNotification(ticketId, recipient.telegramId, message.message_id);
    }
  }

  return {
    async untaken(ticketId) {
      await announce(ticketId, 'sla-untaken', await tickets.announcementRecipients());
    },
    async escalated(ticketId) {
      await announce(ticketId, 'sla-escalated', await tickets.escalationRecipients());
    },
    async unanswered(ticketId, holderUserId) {
      const [view, holder] = await Promise.all([tickets.view(ticketId), users.byId(holderUserId)]);
      if (!view || !holder || view.ticket.state !== 'in_work') return;
      const t = translateFor(deps, holder);
      await notify(
        api,
        deps,
        holder.telegramId,
        t('sla-unanswered', { id: ticketId, customer: displayName(view.customer), minutes }),
      );
    },
  };
}
