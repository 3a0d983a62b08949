import type { Api } from 'grammy';
import { isStaffRole } from '../../../services/staff.js';
import type { SentMessage, TicketCopy, TicketView } from '../../../services/tickets/index.js';
import { KEEP_PHOTO, showKeyboardAt, showScreenAt } from '../../ui/screen.js';
import { cardKeyboard, relayKeyboardFor } from './keyboards.js';
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

/**
 * After a ticket changed (taken, closed, reopened, redirected, withdrawn, returned to the pool),
 * redraws every staff copy of it — every agent's card and relayed message — except `skip`, the
 * message the actor pressed (already redrawn). A copy that cannot be redrawn is only logged: the
 * change it reports has already happened.
 */
export async function refreshCopies(
  api: Api,
  deps: NotifyDeps,
  view: TicketView,
  skip?: SentMessage,
): Promise<void> {
  for (const copy of await deps.services.tickets.copiesOf(view.ticket.id)) {
    if (skip && copy.chatId === skip.chatId && copy.messageId === skip.messageId) continue;
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
