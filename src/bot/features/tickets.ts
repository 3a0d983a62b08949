import { type Api, Composer, GrammyError, type InlineKeyboard } from 'grammy';
import type { Message } from 'grammy/types';
import { z } from 'zod';
import { isAdminRole, isStaffRole } from '../../services/staff.js';
import type { Actor, TicketContent, TicketTab, TicketView } from '../../services/tickets/index.js';
import { displayName, type User } from '../../services/users.js';
import { html } from '../../telegram/markup.js';
import { formatDateTime } from '../../text/format.js';
import type { Locale, Translate, TranslationVars } from '../../text/i18n.js';
import type { BotContext, BotDeps } from '../context.js';
import { endDialog, readDialog, startDialog } from '../dialog.js';
import { clampPage, pageCount } from '../keyboards/pagination.js';
import {
  cardKeyboard,
  listKeyboard,
  ratingKeyboard,
  redirectKeyboard,
  TICKET_CB,
  tabOfCode,
  takeKeyboard,
  withdrawKeyboard,
} from '../keyboards/tickets.js';
import { notify } from '../notify.js';

export const TICKETS_PAGE_SIZE = 5;
export const REPLY_DIALOG = 'ticket-reply';
const replyData = z.object({ ticketId: z.number().int().positive() });

type NotifyDeps = Pick<BotDeps, 'logger' | 'services' | 'translator' | 'config'>;

const actorOf = (ctx: BotContext): Actor => ({ userId: ctx.user.id, role: ctx.role });

/** Texts for callback-query answers are plain (not HTML): variables must not be escaped there. */
export function plain(ctx: BotContext, key: string, vars: Record<string, string | number> = {}): string {
  const raw: TranslationVars = {};
  for (const [name, value] of Object.entries(vars))
    raw[name] = typeof value === 'string' ? html(value) : value;
  return ctx.t(key, raw);
}

const localeOf = (deps: NotifyDeps, user: Pick<User, 'languageCode'>): Locale =>
  deps.translator.pick(user.languageCode);
const translateFor = (deps: NotifyDeps, user: Pick<User, 'languageCode'>): Translate =>
  deps.translator.for(localeOf(deps, user));

const isNotModified = (error: unknown): boolean =>
  error instanceof GrammyError && error.description.includes('message is not modified');

/**
 * Shows `text` in the message the pressed button belongs to (its caption when it is a photo),
 * or sends it as a new message when there is nothing to edit (a command, a forged callback on a
 * message that is gone).
 */
export async function showInPlace(ctx: BotContext, text: string, keyboard?: InlineKeyboard): Promise<void> {
  const message = ctx.callbackQuery?.message;
  const markup = keyboard ?? { inline_keyboard: [] };
  if (message && message.date !== 0) {
    try {
      if ('photo' in message && message.photo)
        await ctx.editMessageCaption({ caption: text, reply_markup: markup });
      else
        await ctx.editMessageText(text, {
          reply_markup: markup,
          link_preview_options: { is_disabled: true },
        });
      return;
    } catch (error) {
      if (isNotModified(error)) return;
      if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
    }
  }
  await ctx.reply(text, keyboard ? { reply_markup: keyboard } : {});
}

/** Edits a message the bot sent earlier to someone (a notification); failures are only logged. */
async function editNotification(
  api: Api,
  deps: NotifyDeps,
  target: { chatId: number; messageId: number },
  isPhoto: boolean,
  text: string,
): Promise<void> {
  try {
    if (isPhoto) {
      await api.editMessageCaption(target.chatId, target.messageId, {
        caption: text,
        reply_markup: { inline_keyboard: [] },
      });
    } else {
      await api.editMessageText(target.chatId, target.messageId, text, {
        reply_markup: { inline_keyboard: [] },
      });
    }
  } catch (error) {
    if (!isNotModified(error))
      deps.logger.warn({ err: error, ...target }, 'could not update a ticket notification');
  }
}

const TEXT_CHUNK = 3500;
const CAPTION_LIMIT = 1024;

function chunks(text: string, size: number): string[] {
  const chars = [...text];
  const result: string[] = [];
  for (let i = 0; i < chars.length; i += size) result.push(chars.slice(i, i + size).join(''));
  return result.length > 0 ? result : [''];
}

/**
 * Sends `key` rendered with `text` to someone else (a relayed message), in their language:
 * a photo by file_id with the text as caption, or text messages. Text too long for one message
 * or caption is split, never cut. Returns the messages that arrived.
 */
export async function sendRelayed(
  api: Api,
  deps: NotifyDeps,
  recipient: User,
  key: string,
  vars: TranslationVars,
  content: { text: string | null; photo: string | null },
  keyboard?: InlineKeyboard,
): Promise<Message[]> {
  const t = translateFor(deps, recipient);
  const sent: Message[] = [];
  const push = (m: Message | undefined) => {
    if (m) sent.push(m);
  };
  const text = content.text ?? '';
  const markup = keyboard ? { reply_markup: keyboard } : {};
  if (content.photo) {
    const caption = t(key, { ...vars, text });
    if (caption.length <= CAPTION_LIMIT) {
      push(await notify(api, deps, recipient.telegramId, caption, { photo: content.photo, ...markup }));
      return sent;
    }
    push(
      await notify(api, deps, recipient.telegramId, t(key, { ...vars, text: '' }), { photo: content.photo }),
    );
  }
  const parts = chunks(text, TEXT_CHUNK);
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    push(await notify(api, deps, recipient.telegramId, t(key, { ...vars, text: part }), last ? markup : {}));
  }
  return sent;
}

/** The ticket card: customer, time, problem, state, agent (and closing time, rating, photo note). */
export function cardText(t: Translate, locale: Locale, timezone: string, view: TicketView): string {
  const { ticket, customer, agent } = view;
  let extra = '';
  if (ticket.photo) extra += t('tickets-card-photo');
  if (ticket.closedAt)
    extra += t('tickets-card-closed-at', { closed: formatDateTime(ticket.closedAt, locale, timezone) });
  if (ticket.rating) extra += t('tickets-card-rating', { stars: '⭐'.repeat(ticket.rating) });
  return t('tickets-card', {
    id: ticket.id,
    state: html(t(`tickets-state-${ticket.state}`)),
    customer: `${displayName(customer)} · id ${customer.telegramId}`,
    created: formatDateTime(ticket.createdAt, locale, timezone),
    agent: agent ? displayName(agent) : t('tickets-no-agent'),
    extra: html(extra),
    text: ticket.text,
  });
}

const permissionsOf = (view: TicketView, actor: Actor) => ({
  holds: view.ticket.supportUserId === actor.userId,
  admin: isAdminRole(actor.role),
});

/** Sends the card of a ticket to an agent (e.g. after a redirect) and remembers it for replies. */
async function sendCard(api: Api, deps: NotifyDeps, agent: User, view: TicketView, role: Actor['role']) {
  const t = translateFor(deps, agent);
  const text = cardText(t, localeOf(deps, agent), deps.config.timezone, view);
  const keyboard = cardKeyboard(t, view, permissionsOf(view, { userId: agent.id, role }));
  const message = await notify(api, deps, agent.telegramId, text, { reply_markup: keyboard });
  if (message) await deps.services.tickets.recordRelay(view.ticket.id, agent.telegramId, message.message_id);
}

/** The whole conversation of a ticket as text messages; its photos follow, re-sent by file_id. */
export async function sendTranscript(api: Api, deps: NotifyDeps, recipient: User, ticketId: number) {
  const t = translateFor(deps, recipient);
  const locale = localeOf(deps, recipient);
  const entries = await deps.services.tickets.transcript(ticketId);
  const lineOf = ({ message, author }: (typeof entries)[number], withPhotoMark: boolean) => {
    const label = t(
      message.authorRole === 'agent' ? 'tickets-transcript-agent' : 'tickets-transcript-customer',
      {
        name: displayName(author),
      },
    );
    const text = [withPhotoMark && message.photo ? t('tickets-transcript-photo') : '', message.text ?? '']
      .filter(Boolean)
      .join(' ');
    return t('tickets-transcript-line', {
      author: html(label),
      time: formatDateTime(message.createdAt, locale, deps.config.timezone),
      text,
    });
  };
  const messages: string[] = [];
  let current = t('tickets-transcript-header', { id: ticketId });
  for (const entry of entries) {
    const line = lineOf(entry, true);
    if (current.length + line.length + 2 > TEXT_CHUNK) {
      messages.push(current);
      current = line;
    } else {
      current += `\n\n${line}`;
    }
  }
  messages.push(current);
  for (const text of messages) await notify(api, deps, recipient.telegramId, text);
  for (const entry of entries.filter((e) => e.message.photo).slice(0, 20)) {
    const caption = lineOf(entry, false);
    await notify(api, deps, recipient.telegramId, caption.length <= CAPTION_LIMIT ? caption : '', {
      photo: entry.message.photo,
    });
  }
}

/**
 * Notifies every recipient (active support agents, opted-in admins and owners) of a ticket that
 * waits in the open pool: "New ticket #N from …" (or "back in the queue") with "Take into work".
 * Each message is recorded so that it loses its button when someone takes the ticket.
 */
export async function announceTicket(api: Api, deps: NotifyDeps, ticketId: number, kind: 'new' | 'requeued') {
  const { tickets } = deps.services;
  const view = await tickets.view(ticketId);
  if (view?.ticket.state !== 'created') return;
  for (const recipient of await tickets.notificationRecipients()) {
    const t = translateFor(deps, recipient);
    const text = t(kind === 'new' ? 'tickets-new' : 'tickets-requeued', {
      id: ticketId,
      customer: displayName(view.customer),
      text: view.ticket.text,
    });
    const message = await notify(api, deps, recipient.telegramId, text, {
      reply_markup: takeKeyboard(t, ticketId),
      photo: view.ticket.photo,
    });
    if (message) await tickets.recordNotification(ticketId, recipient.telegramId, message.message_id);
  }
}

/**
 * Edits every recorded "new ticket" notification of a ticket (except `keep`, the message the actor
 * pressed) to `key` without buttons, e.g. "taken by Anna" or "withdrawn by the customer".
 */
export async function resolveNotifications(
  api: Api,
  deps: NotifyDeps,
  view: TicketView,
  key: string,
  vars: TranslationVars,
  keep?: { chatId: number; messageId: number },
) {
  const claimed = await deps.services.tickets.claimNotifications(view.ticket.id);
  for (const target of claimed) {
    if (keep && target.chatId === keep.chatId && target.messageId === keep.messageId) continue;
    const recipient = await deps.services.users.byTelegramId(target.chatId);
    const t = translateFor(deps, recipient ?? { languageCode: null });
    const text = t(key, { id: view.ticket.id, customer: displayName(view.customer), ...vars });
    await editNotification(api, deps, target, view.ticket.photo !== null, text);
  }
}

/**
 * Returns an agent's tickets in work to the open pool (when the agent is removed from staff),
 * tells their customers and announces the tickets to the remaining agents. Returns how many.
 */
export async function returnTicketsToPool(api: Api, deps: NotifyDeps, agentUserId: number): Promise<number> {
  const released = await deps.services.tickets.releaseTicketsOf(agentUserId);
  for (const ticket of released) {
    const customer = await deps.services.users.byId(ticket.userId);
    if (customer) {
      await notify(
        api,
        deps,
        customer.telegramId,
        translateFor(deps, customer)('support-requeued', { id: ticket.id }),
      );
    }
    await announceTicket(api, deps, ticket.id, 'requeued');
  }
  return released.length;
}

/** Tells the customer something about their ticket, in their language. */
async function tellCustomer(
  api: Api,
  deps: NotifyDeps,
  customer: User,
  key: string,
  vars: TranslationVars,
  keyboard?: InlineKeyboard,
) {
  const t = translateFor(deps, customer);
  await notify(api, deps, customer.telegramId, t(key, vars), keyboard ? { reply_markup: keyboard } : {});
}

/** Tells another staff member something about a ticket, in their language. */
async function tellAgent(api: Api, deps: NotifyDeps, agent: User, key: string, vars: TranslationVars) {
  await notify(api, deps, agent.telegramId, translateFor(deps, agent)(key, vars));
}

async function showList(ctx: BotContext, tab: TicketTab, requestedPage: number): Promise<void> {
  const { tickets } = ctx.deps.services;
  const actor = actorOf(ctx);
  const counts = await tickets.counts(actor);
  const pages = pageCount(counts[tab], TICKETS_PAGE_SIZE);
  const page = clampPage(requestedPage, pages);
  const { items } = await tickets.list(tab, actor, page, TICKETS_PAGE_SIZE);
  const notificationsOn = await tickets.notificationsEnabled(ctx.from!.id, ctx.role);
  const text = `${ctx.t(`tickets-list-${tab}`, { n: counts[tab] })}\n${ctx.t(
    items.length > 0 ? 'tickets-list-pick' : 'tickets-list-empty',
  )}`;
  await showInPlace(ctx, text, listKeyboard(ctx.t, tab, page, pages, counts, items, notificationsOn));
}

async function showCard(ctx: BotContext, view: TicketView): Promise<void> {
  const text = cardText(ctx.t, ctx.locale, ctx.deps.config.timezone, view);
  await showInPlace(ctx, text, cardKeyboard(ctx.t, view, permissionsOf(view, actorOf(ctx))));
}

const pressedMessage = (ctx: BotContext) => {
  const message = ctx.callbackQuery?.message;
  return message && ctx.chat ? { chatId: ctx.chat.id, messageId: message.message_id } : undefined;
};

async function refuse(ctx: BotContext, key = 'not-allowed', vars: Record<string, string | number> = {}) {
  await ctx.answerCallbackQuery({ text: plain(ctx, key, vars), show_alert: true });
}

/** Stores an agent's message in the ticket and relays it to the customer. */
async function relayFromAgent(ctx: BotContext, ticketId: number, fromDialog: boolean): Promise<void> {
  const message = ctx.message;
  if (!message) return;
  const { tickets } = ctx.deps.services;
  const photo = message.photo?.at(-1)?.file_id ?? null;
  const content: TicketContent = { text: photo ? (message.caption ?? null) : (message.text ?? null), photo };
  const result = await tickets.addMessage(ticketId, actorOf(ctx), 'agent', content);
  if (!result.ok) {
    if (fromDialog) endDialog(ctx);
    const key =
      result.reason === 'not_taken'
        ? 'tickets-not-taken'
        : result.reason === 'closed' || result.reason === 'forbidden'
          ? 'tickets-reply-ended'
          : result.reason === 'not_found'
            ? 'tickets-gone'
            : 'tickets-reply-unsupported';
    await ctx.reply(ctx.t(key, { id: ticketId }));
    return;
  }
  const view = await tickets.view(ticketId);
  if (!view) return;
  const delivered = await sendRelayed(
    ctx.api,
    ctx.deps,
    view.customer,
    'support-agent-message',
    { agent: ctx.user.firstName, id: ticketId },
    { text: result.message.text, photo: result.message.photo },
  );
  await ctx.reply(
    ctx.t(delivered.length > 0 ? 'tickets-reply-sent' : 'tickets-undelivered', { id: ticketId }),
  );
}

/** /tickets for staff: the Open / In work / Closed lists, ticket cards and every agent action. */
export function ticketsFeature(_deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const chat = feature.chatType('private');

  chat.command('tickets', async (ctx) => {
    if (!isStaffRole(ctx.role)) {
      await ctx.reply(ctx.t('tickets-staff-only'));
      return;
    }
    await showList(ctx, 'open', 0);
  });

  // Every tk: callback is refused for non-staff before any handler runs.
  feature.callbackQuery(/^tk:/, async (ctx, next) => {
    if (isStaffRole(ctx.role)) return next();
    ctx.log.warn({ data: ctx.callbackQuery.data, role: ctx.role }, 'ticket callback refused');
    await refuse(ctx);
  });

  feature.callbackQuery(TICKET_CB.list, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showList(ctx, tabOfCode(ctx.match[1] as string), Number(ctx.match[2]));
  });

  feature.callbackQuery(TICKET_CB.notifications, async (ctx) => {
    const { tickets } = ctx.deps.services;
    const enabled = !(await tickets.notificationsEnabled(ctx.from.id, ctx.role));
    await tickets.setNotifications(ctx.from.id, ctx.role, enabled);
    await ctx.answerCallbackQuery({
      text: plain(ctx, enabled ? 'tickets-notifications-on' : 'tickets-notifications-off'),
    });
    await showList(ctx, tabOfCode(ctx.match[1] as string), Number(ctx.match[2]));
  });

  feature.callbackQuery(TICKET_CB.view, async (ctx) => {
    const view = await ctx.deps.services.tickets.view(Number(ctx.match[1]));
    if (!view) return refuse(ctx, 'tickets-gone');
    await ctx.answerCallbackQuery();
    await showCard(ctx, view);
  });

  feature.callbackQuery(TICKET_CB.take, async (ctx) => {
    const id = Number(ctx.match[1]);
    const { tickets } = ctx.deps.services;
    const result = await tickets.take(id, actorOf(ctx));
    if (!result.ok) {
      if (result.reason === 'taken') {
        return refuse(ctx, 'tickets-already-taken', {
          id,
          agent: result.holder ? displayName(result.holder) : '—',
        });
      }
      if (result.reason === 'closed') return refuse(ctx, 'tickets-already-closed', { id });
      return refuse(ctx, result.reason === 'not_found' ? 'tickets-gone' : 'not-allowed');
    }
    await ctx.answerCallbackQuery({ text: plain(ctx, 'tickets-take-ok', { id }) });
    const view = await tickets.view(id);
    if (!view) return;
    await showCard(ctx, view);
    const pressed = pressedMessage(ctx);
    if (pressed && ctx.callbackQuery.message?.date !== 0)
      await tickets.recordRelay(id, pressed.chatId, pressed.messageId);
    await resolveNotifications(
      ctx.api,
      ctx.deps,
      view,
      'tickets-taken-by',
      { agent: displayName(ctx.user) },
      pressed,
    );
    await tellCustomer(ctx.api, ctx.deps, view.customer, 'support-taken', { id, agent: ctx.user.firstName });
    // The customer may have written more while the ticket waited: show the whole conversation.
    const entries = await tickets.transcript(id);
    if (entries.length > 1) await sendTranscript(ctx.api, ctx.deps, ctx.user, id);
  });

  feature.callbackQuery(TICKET_CB.reply, async (ctx) => {
    const id = Number(ctx.match[1]);
    const ticket = await ctx.deps.services.tickets.byId(id);
    if (!ticket) return refuse(ctx, 'tickets-gone');
    if (ticket.state === 'created') return refuse(ctx, 'tickets-not-taken', { id });
    if (ticket.state === 'closed') return refuse(ctx, 'tickets-already-closed', { id });
    if (ticket.supportUserId !== ctx.user.id && !isAdminRole(ctx.role)) return refuse(ctx);
    startDialog(ctx, REPLY_DIALOG, 'text', { ticketId: id });
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('tickets-reply-prompt', { id }));
  });

  feature.callbackQuery(TICKET_CB.close, async (ctx) => {
    const id = Number(ctx.match[1]);
    const { tickets } = ctx.deps.services;
    const before = await tickets.view(id);
    const result = await tickets.close(id, actorOf(ctx));
    if (!result.ok) {
      if (result.reason === 'closed') return refuse(ctx, 'tickets-already-closed', { id });
      return refuse(ctx, result.reason === 'not_found' ? 'tickets-gone' : 'not-allowed');
    }
    await ctx.answerCallbackQuery({ text: plain(ctx, 'tickets-closed-ok', { id }) });
    const dialog = readDialog(ctx, REPLY_DIALOG, replyData);
    if (dialog?.data.ticketId === id) endDialog(ctx);
    const view = await tickets.view(id);
    if (!view) return;
    await showCard(ctx, view);
    await tellCustomer(ctx.api, ctx.deps, view.customer, 'support-closed', { id }, ratingKeyboard(id));
    if (before?.ticket.state === 'created') {
      await resolveNotifications(ctx.api, ctx.deps, view, 'tickets-closed-note', {
        agent: displayName(ctx.user),
      });
    } else if (before?.agent && before.agent.id !== ctx.user.id) {
      await tellAgent(ctx.api, ctx.deps, before.agent, 'tickets-closed-by-other', {
        id,
        actor: displayName(ctx.user),
      });
    }
  });

  feature.callbackQuery(TICKET_CB.reopen, async (ctx) => {
    const id = Number(ctx.match[1]);
    const { tickets } = ctx.deps.services;
    const result = await tickets.reopen(id, actorOf(ctx));
    if (!result.ok) {
      if (result.reason === 'not_closed') return refuse(ctx, 'tickets-not-closed', { id });
      if (result.reason === 'customer_has_open') return refuse(ctx, 'tickets-reopen-has-open');
      return refuse(ctx, result.reason === 'not_found' ? 'tickets-gone' : 'not-allowed');
    }
    await ctx.answerCallbackQuery({ text: plain(ctx, 'tickets-reopened-ok', { id }) });
    const view = await tickets.view(id);
    if (!view) return;
    await showCard(ctx, view);
    await tellCustomer(
      ctx.api,
      ctx.deps,
      view.customer,
      'support-reopened',
      { id },
      withdrawKeyboard(translateFor(ctx.deps, view.customer), id),
    );
    if (view.ticket.state === 'created') await announceTicket(ctx.api, ctx.deps, id, 'requeued');
    else if (view.agent && view.agent.id !== ctx.user.id) {
      await tellAgent(ctx.api, ctx.deps, view.agent, 'tickets-reopened-to-you', {
        id,
        actor: displayName(ctx.user),
      });
    }
  });

  feature.callbackQuery(TICKET_CB.redirect, async (ctx) => {
    const id = Number(ctx.match[1]);
    const { tickets } = ctx.deps.services;
    const ticket = await tickets.byId(id);
    if (!ticket) return refuse(ctx, 'tickets-gone');
    if (ticket.state === 'closed') return refuse(ctx, 'tickets-already-closed', { id });
    const admin = isAdminRole(ctx.role);
    if (!admin && (ticket.state !== 'in_work' || ticket.supportUserId !== ctx.user.id)) return refuse(ctx);
    const targets = await tickets.redirectTargets(ticket.supportUserId);
    if (targets.length === 0) return refuse(ctx, 'tickets-redirect-none');
    await ctx.answerCallbackQuery();
    await showInPlace(
      ctx,
      ctx.t('tickets-redirect-pick', { id }),
      redirectKeyboard(
        ctx.t,
        id,
        targets.map((u) => ({ id: u.id, name: displayName(u) })),
      ),
    );
  });

  feature.callbackQuery(TICKET_CB.redirectTo, async (ctx) => {
    const id = Number(ctx.match[1]);
    const targetUserId = Number(ctx.match[2]);
    const { tickets, users } = ctx.deps.services;
    const before = await tickets.view(id);
    const result = await tickets.redirect(id, actorOf(ctx), targetUserId);
    if (!result.ok) {
      if (result.reason === 'closed') return refuse(ctx, 'tickets-already-closed', { id });
      if (result.reason === 'bad_target') return refuse(ctx, 'tickets-redirect-bad');
      if (result.reason === 'same_agent') return refuse(ctx, 'tickets-redirect-same');
      return refuse(ctx, result.reason === 'not_found' ? 'tickets-gone' : 'not-allowed');
    }
    const view = await tickets.view(id);
    const target = await users.byId(targetUserId);
    if (!view || !target) return ctx.answerCallbackQuery();
    await ctx.answerCallbackQuery({
      text: plain(ctx, 'tickets-redirect-ok', { id, agent: displayName(target) }),
    });
    await showCard(ctx, view);
    const targetRole = await ctx.deps.services.staff.roleOf(target.telegramId);
    await tellAgent(ctx.api, ctx.deps, target, 'tickets-redirected-to-you', {
      id,
      actor: displayName(ctx.user),
    });
    await sendCard(ctx.api, ctx.deps, target, view, targetRole);
    await sendTranscript(ctx.api, ctx.deps, target, id);
    await tellCustomer(ctx.api, ctx.deps, view.customer, 'support-redirected', {
      id,
      agent: target.firstName,
    });
    if (before?.ticket.state === 'created') {
      await resolveNotifications(ctx.api, ctx.deps, view, 'tickets-taken-by', { agent: displayName(target) });
    }
    if (before?.agent && before.agent.id !== ctx.user.id) {
      await tellAgent(ctx.api, ctx.deps, before.agent, 'tickets-redirected-away', {
        id,
        agent: displayName(target),
        actor: displayName(ctx.user),
      });
    }
  });

  feature.callbackQuery(TICKET_CB.transcript, async (ctx) => {
    const id = Number(ctx.match[1]);
    const ticket = await ctx.deps.services.tickets.byId(id);
    if (!ticket) return refuse(ctx, 'tickets-gone');
    await ctx.answerCallbackQuery();
    await sendTranscript(ctx.api, ctx.deps, ctx.user, id);
  });

  // Any other tk: data (forged or from an older version) is refused and changes nothing.
  feature.callbackQuery(/^tk:/, (ctx) => refuse(ctx, 'button-outdated'));

  // An agent's message reaches a ticket when it replies to a relayed message of that ticket
  // (looked up in ticket_relays), or while the agent is in reply mode for a ticket.
  chat.on('message', async (ctx, next) => {
    if (!isStaffRole(ctx.role)) return next();
    const message = ctx.message;
    if (message.text?.startsWith('/')) return next();
    const replyTo = message.reply_to_message;
    const relayed = replyTo
      ? await ctx.deps.services.tickets.ticketOfRelay(ctx.chat.id, replyTo.message_id)
      : undefined;
    const dialog = relayed === undefined ? readDialog(ctx, REPLY_DIALOG, replyData) : undefined;
    const ticketId = relayed ?? dialog?.data.ticketId;
    if (ticketId === undefined) return next();
    if (message.text === undefined && message.photo === undefined) {
      await ctx.reply(ctx.t('tickets-reply-unsupported'));
      return;
    }
    await relayFromAgent(ctx, ticketId, relayed === undefined);
  });

  return feature;
}
