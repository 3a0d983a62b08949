// Callback data of the staff side of the support desk (`tk:…`). Every handler re-checks the staff
// role and the ticket's state: the data only names what was pressed.
import type { TicketTab } from '../../../services/tickets/index.js';
import { callbackData, type Field, field, INT4_MAX } from '../../callback-data.js';

const CODE_OF_TAB: Record<TicketTab, string> = { open: 'o', work: 'w', closed: 'c' };
const TAB_OF_CODE = new Map<string, TicketTab>([
  ['o', 'open'],
  ['w', 'work'],
  ['c', 'closed'],
]);

/** A tab of /tickets, one letter on the wire (`o`, `w`, `c`). */
const tab: Field<TicketTab> = {
  parse: (raw) => TAB_OF_CODE.get(raw),
  format: (value) => CODE_OF_TAB[value],
  widest: 'closed',
};
const page = field.int(0, INT4_MAX);
const ticket = field.id();

/** A page of a tab: `tk:l:<o|w|c>:<page>`. */
export const ticketList = callbackData('tk:l', { tab, page });
/** Toggles the presser's new-ticket notifications and redraws that page: `tk:n:<o|w|c>:<page>`. */
export const toggleNotifications = callbackData('tk:n', { tab, page });
/** A ticket's card: `tk:v:<ticket>`. */
export const ticketCard = callbackData('tk:v', { ticket });
/** Take into work: `tk:t:<ticket>`. */
export const takeTicket = callbackData('tk:t', { ticket });
/** Reply mode for a ticket: `tk:r:<ticket>`. */
export const replyToTicket = callbackData('tk:r', { ticket });
/** Close, asking first (the keyboard becomes Yes / No): `tk:c:<ticket>`. */
export const closeTicket = callbackData('tk:c', { ticket });
/** Close, confirmed: `tk:cy:<ticket>`. */
export const closeTicketYes = callbackData('tk:cy', { ticket });
/** Reopen, asking first: `tk:o:<ticket>`. */
export const reopenTicket = callbackData('tk:o', { ticket });
/** Reopen, confirmed: `tk:oy:<ticket>`. */
export const reopenTicketYes = callbackData('tk:oy', { ticket });
/** "No" on a confirm step: the message gets its buttons back: `tk:k:<ticket>`. */
export const keepTicket = callbackData('tk:k', { ticket });
/** The list of agents to hand a ticket to: `tk:rd:<ticket>`. */
export const pickRedirect = callbackData('tk:rd', { ticket });
/** Hand a ticket to an agent: `tk:rt:<ticket>:<users.id>`. */
export const redirectTicket = callbackData('tk:rt', { ticket, agent: field.id() });
/** The whole conversation: `tk:x:<ticket>`. */
export const ticketTranscript = callbackData('tk:x', { ticket });

/** Every staff button of the desk: all of them are refused for non-staff before any handler. */
export const staffDeskButtons: readonly RegExp[] = [
  ticketList,
  toggleNotifications,
  ticketCard,
  takeTicket,
  replyToTicket,
  closeTicket,
  closeTicketYes,
  reopenTicket,
  reopenTicketYes,
  keepTicket,
  pickRedirect,
  redirectTicket,
  ticketTranscript,
].map((codec) => codec.filter);
