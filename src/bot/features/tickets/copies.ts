import type { Api } from 'grammy';
import type { Message } from 'grammy/types';
import { isStaffRole } from '../../../services/staff.js';
import type { SentMessage, TicketCopy, TicketView } from '../../../services/tickets/index.js';
import type { BotContext } from '../../context.js';
import { KEEP_PHOTO, showKeyboardAt, showScreenAt } from '../../ui/screen.js';
import { cardKeyboard, relayKeyboardFor, transcriptKeyboard } from './keyboards.js';
import { cardText, permissionsOf } from './screens.js';
import { localeOf, type NotifyDeps, translateFor } from './their-language.js';

/**
 * Draws one staff copy of a ticket as its reader should see it now: a card is redrawn with the
 * actions they may take; a relayed customer message keeps its text and gets the buttons that fit
 * (none once the reader is no longer staff). The reader's role is read again here, never trusted
 * from the time the copy was sent.
 */
export async function drawCopy(
  api: Api,
  deps: NotifyDeps,
  view: TicketView,
  copy: TicketCopy,
): Promise<void> {
  if (copy.kind === 'note') return;
  const { users, staff } = deps.services;
  const reader = await users.byTelegramId(copy.chatId);
  const role = await staff.roleOf(copy.chatId);
  const t = translateFor(deps, reader ?? { languageCode: null });
  const can = reader && isStaffRole(role) ? permissionsOf(view, { userId: reader.id, role }) : undefined;
  if (copy.kind === 'relay') {
    const keyboard = can ? relayKeyboardFor(t, view, can) : { inline_keyboard: [] };
    await showKeyboardAt(api, copy.chatId, copy.messageId, keyboard, deps.logger);
    return;
  }
  const locale = localeOf(deps, reader ?? { languageCode: null });
  await showScreenAt(
    api,
    copy,
    {
      text: cardText(t, locale, deps.config.timezone, view),
      keyboard: can ? cardKeyboard(t, view, can) : undefined,
      photo: KEEP_PHOTO,
    },
    deps.logger,
    { whenGone: 'skip' },
  );
}

/** The newest relayed message of the ticket in each chat: the only one that carries Reply / Close. */
function newestRelays(copies: readonly TicketCopy[]): Set<TicketCopy> {
  const newest = new Map<number, TicketCopy>();
  for (const copy of copies) {
    const seen = newest.get(copy.chatId);
    if (copy.kind === 'relay' && (!seen || copy.messageId > seen.messageId)) newest.set(copy.chatId, copy);
  }
  return new Set(newest.values());
}

/** Redraws a pressed relayed message (after "No" on a confirm step): full buttons only on the newest. */
export async function drawRelay(ctx: BotContext, view: TicketView, copy: TicketCopy): Promise<void> {
  const copies = await ctx.deps.services.tickets.copiesOf(view.ticket.id);
  const newest = [...newestRelays(copies)].find((c) => c.chatId === copy.chatId);
  if (newest?.messageId === copy.messageId) await drawCopy(ctx.api, ctx.deps, view, copy);
  else
    await showKeyboardAt(
      ctx.api,
      copy.chatId,
      copy.messageId,
      transcriptKeyboard(ctx.t, view.ticket.id),
      ctx.log,
    );
}

/**
 * Records the messages a customer's message was relayed as (a reply to any of them reaches the
 * ticket) and leaves the previous relayed message in that chat only its Transcript button: one
 * live Reply / Close per agent and ticket, so a long conversation is not a column of buttons and a
 * change of the ticket redraws one message per chat.
 */
export async function recordRelays(api: Api, deps: NotifyDeps, ticketId: number, sent: readonly Message[]) {
  const last = sent.at(-1);
  if (!last) return;
  const { tickets, users } = deps.services;
  // Recorded first: the agent may reply to the new message at once.
  for (const m of sent) await tickets.recordRelay(ticketId, m.chat.id, m.message_id);
  const fresh = new Set(sent.map((m) => m.message_id));
  // Only messages older than these lose their buttons: a relay sent after them but recorded first
  // (another update of the same ticket, running at the same time) stays the live one.
  const older = (await tickets.copiesOf(ticketId)).filter(
    (c) => c.chatId === last.chat.id && !fresh.has(c.messageId) && c.messageId < last.message_id,
  );
  const [previous] = newestRelays(older);
  if (!previous) return;
  const reader = await users.byTelegramId(previous.chatId);
  const t = translateFor(deps, reader ?? { languageCode: null });
  await showKeyboardAt(
    api,
    previous.chatId,
    previous.messageId,
    transcriptKeyboard(t, ticketId),
    deps.logger,
  );
}

/**
 * After a ticket changed (taken, closed, reopened, redirected, withdrawn, returned to the pool),
 * redraws every staff copy of it — every agent's cards and newest relayed message — except `skip`, the
 * message the actor pressed (already redrawn). A copy that cannot be redrawn is only logged: the
 * change it reports has already happened.
 */
export async function refreshCopies(
  api: Api,
  deps: NotifyDeps,
  view: TicketView,
  skip?: SentMessage,
): Promise<void> {
  const copies = await deps.services.tickets.copiesOf(view.ticket.id);
  const live = newestRelays(copies);
  for (const copy of copies) {
    if (skip && copy.chatId === skip.chatId && copy.messageId === skip.messageId) continue;
    // Older relayed messages kept only their Transcript button when a newer one arrived.
    if (copy.kind === 'relay' && !live.has(copy)) continue;
    try {
      await drawCopy(api, deps, view, copy);
    } catch (error) {
      deps.logger.warn(
        { err: error, chatId: copy.chatId, messageId: copy.messageId },
        'could not redraw a ticket copy',
      );
    }
  }
}
