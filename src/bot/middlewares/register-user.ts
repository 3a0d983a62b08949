import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.js';
import { prefetchSession, sessionKey } from './session.js';

/**
 * Runs first for every update from a person: records "blocked/unblocked the bot" from
 * my_chat_member, creates or refreshes the users row, and resolves role and language.
 * One statement for a returning user ({@link UserService.identify}): the users row, the role (read
 * from the database on every update, so a removed agent loses access at once), the open ticket, the
 * ban in force and the session, which the session middleware then takes instead of reading it again.
 */
export const registerUser: MiddlewareFn<BotContext> = async (ctx, next) => {
  const from = ctx.from;
  if (!from || from.is_bot) return;
  if (ctx.chat && ctx.chat.type !== 'private' && !ctx.callbackQuery) return;
  const { services, translator } = ctx.deps;

  const chatMember = ctx.myChatMember;
  if (chatMember && chatMember.chat.type === 'private') {
    if (chatMember.new_chat_member.status === 'kicked') {
      await services.users.markBlocked(from.id);
      return;
    }
  }

  const key = sessionKey(ctx) ?? String(from.id);
  const identity = await services.users.identify(from, key);
  prefetchSession(ctx, key, identity.session ?? undefined);
  const user = identity.user;
  ctx.user = user;
  ctx.role = services.staff.isOwner(from.id) ? 'owner' : (identity.staffRole ?? 'customer');
  ctx.openTicketId = identity.openTicketId;
  ctx.ban = identity.ban;
  ctx.catalogRevision = identity.catalogRevision;
  ctx.locale = translator.pick(user.languageCode);
  ctx.t = translator.for(ctx.locale);
  ctx.log = ctx.deps.logger.child({ update_id: ctx.update.update_id, user: from.id });
  if (chatMember) return;
  await next();
};
