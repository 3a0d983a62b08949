import { type Api, GrammyError } from 'grammy';
import type { Chat, ChatMember } from 'grammy/types';
import type { Logger } from '../logger.js';

/** Subscribed: member, administrator, creator, or restricted while still a member. */
export function isSubscribedStatus(member: ChatMember): boolean {
  switch (member.status) {
    case 'creator':
    case 'administrator':
    case 'member':
      return true;
    case 'restricted':
      return member.is_member;
    default:
      return false;
  }
}

export type ResumeHandler<C> = (ctx: C) => Promise<void>;

/** Entry points of gated commands, so "I've subscribed" can continue what the user asked for. */
export class GateResumes<C> {
  private readonly handlers = new Map<string, ResumeHandler<C>>();
  register(name: string, handler: ResumeHandler<C>): void {
    this.handlers.set(name, handler);
  }
  get(name: string): ResumeHandler<C> | undefined {
    return this.handlers.get(name);
  }
}

export const POSITIVE_TTL_MS = 5 * 60 * 1000;

/**
 * Checks channel membership with getChatMember. Positive answers are cached for a few minutes
 * (it saves a Bot API call per update); negative answers never are, so a user who just joined is let
 * in at once. A `chat_member` update of the channel (someone joined or left) drops that user's cached
 * answer, so leaving takes effect at once too. When the bot cannot check at all (it is not an
 * administrator of the channel, or the id is wrong) users are let through, the error is logged and
 * the owners are told once: a misconfigured gate must not lock every customer out.
 */
export class SubscriptionChecker {
  private readonly cache = new Map<number, number>();
  private ownersWarned = false;

  constructor(
    private readonly channelId: string,
    private readonly logger: Logger,
    private readonly warnOwners: (api: Api, reason: string) => Promise<void>,
    private readonly ttlMs = POSITIVE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async isSubscribed(api: Api, userId: number): Promise<boolean> {
    const cachedUntil = this.cache.get(userId);
    if (cachedUntil !== undefined && cachedUntil > this.now()) return true;
    try {
      const member = await api.getChatMember(this.channelId, userId);
      const subscribed = isSubscribedStatus(member);
      if (subscribed) this.cache.set(userId, this.now() + this.ttlMs);
      else this.cache.delete(userId);
      return subscribed;
    } catch (error) {
      const reason = error instanceof GrammyError ? error.description : String(error);
      this.logger.error(
        { channel: this.channelId, reason },
        'subscription check failed; letting the user through',
      );
      if (!this.ownersWarned) {
        this.ownersWarned = true;
        await this.warnOwners(api, reason).catch((warnError: unknown) =>
          this.logger.warn({ err: warnError }, 'could not warn the owners about the subscription gate'),
        );
      }
      return true;
    }
  }

  forget(userId: number): void {
    this.cache.delete(userId);
  }

  /** Whether `chat` is the gate's channel (CHANNEL_ID is `@name` or the `-100…` id). */
  isGateChannel(chat: Pick<Chat, 'id'> & { username?: string }): boolean {
    const id = this.channelId;
    if (id.startsWith('@')) return chat.username?.toLowerCase() === id.slice(1).toLowerCase();
    return String(chat.id) === id;
  }
}
