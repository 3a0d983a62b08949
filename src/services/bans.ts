import { and, count, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { bans, sessions, staff, users } from '../db/schema/index.js';
import type { User } from './users.js';

export type Ban = typeof bans.$inferSelect;

/** A ban with the banned user, for the staff list and card. */
export interface BanView {
  ban: Ban;
  user: User;
  /** The users row of whoever banned (null when they never started the bot). */
  bannedBy: User | null;
}

const banner = alias(users, 'banner');

export type BanResult =
  | { ok: true; ban: Ban }
  | { ok: false; reason: 'not_found' | 'staff' | 'already'; ban?: Ban };

/** Durations offered when banning; 0 is for good. */
export const BAN_DAYS = [1, 7, 30, 0] as const;
export type BanDays = (typeof BAN_DAYS)[number];

/** How often a banned user is told that access is restricted, at most. */
export const BAN_NOTICE_EVERY_MS = 60 * 60 * 1000;

/** The longest reason kept (a staff note, not an essay). */
export const BAN_REASON_MAX = 500;

/**
 * The SQL condition "the ban row `alias` is in force now": not lifted and not expired. An expired
 * ban needs no write to end — it stops matching here.
 */
export function banInForce(alias: string): SQL {
  const b = sql.raw(alias);
  return sql`${b}.lifted_at is null and (${b}.until is null or ${b}.until > now())`;
}

/** The SQL condition "the `users` row `alias` is banned now" (audiences, campaigns, deliveries). */
export function isBanned(alias: string): SQL {
  const u = sql.raw(alias);
  return sql`exists (select 1 from bans bn where bn.user_id = ${u}.id and ${banInForce('bn')})`;
}

/**
 * Bans and unbans. Staff and owners cannot be banned (checked here as well as in the handlers);
 * every ban and every lifting stays in `bans` (who, when, why, until when).
 */
export class BanService {
  constructor(
    private readonly db: Executor,
    private readonly ownerIds: readonly number[],
  ) {}

  /** Whether the person is one of the studio's (an owner or a staff member): they cannot be banned. */
  async isStudioPerson(telegramId: number): Promise<boolean> {
    if (this.ownerIds.includes(telegramId)) return true;
    const [row] = await this.db.select({ id: staff.id }).from(staff).where(eq(staff.telegramId, telegramId));
    return row !== undefined;
  }

  /**
   * Bans a user for `days` days (0: for good). One transaction: a ban that expired on its own is
   * closed first (lifted at its end, by nobody), then the new one is inserted; the partial unique
   * index makes a second simultaneous ban of the same user fail as "already banned". The user's
   * session goes with it: a dialog they had open (an order being placed) stops here.
   */
  async ban(input: { userId: number; reason: string; bannedBy: number; days: BanDays }): Promise<BanResult> {
    const reason = input.reason.trim().slice(0, BAN_REASON_MAX);
    const [target] = await this.db.select().from(users).where(eq(users.id, input.userId));
    if (!target) return { ok: false, reason: 'not_found' };
    if (await this.isStudioPerson(target.telegramId)) return { ok: false, reason: 'staff' };
    try {
      const ban = await this.db.transaction(async (tx) => {
        await tx
          .update(bans)
          .set({ liftedAt: sql`${bans.until}` })
          .where(
            and(
              eq(bans.userId, input.userId),
              isNull(bans.liftedAt),
              sql`${bans.until} is not null and ${bans.until} <= now()`,
            ),
          );
        const [row] = await tx
          .insert(bans)
          .values({
            userId: input.userId,
            reason,
            bannedBy: input.bannedBy,
            until: input.days === 0 ? null : sql`now() + make_interval(days => ${input.days})`,
          })
          .returning();
        if (!row) throw new Error('ban insert returned no row');
        await tx.delete(sessions).where(eq(sessions.key, String(target.telegramId)));
        return row;
      });
      return { ok: true, ban };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const current = await this.activeOf(input.userId);
      return current ? { ok: false, reason: 'already', ban: current } : { ok: false, reason: 'already' };
    }
  }

  /** Lifts a ban in force: one conditional UPDATE, so two simultaneous unbans record one lifting. */
  async lift(banId: number, liftedBy: number): Promise<Ban | undefined> {
    const [row] = await this.db
      .update(bans)
      .set({ liftedAt: sql`now()`, liftedBy })
      .where(and(eq(bans.id, banId), sql`${banInForce('"bans"')}`))
      .returning();
    return row;
  }

  /** The ban of `userId` in force now, if any. */
  async activeOf(userId: number): Promise<Ban | undefined> {
    const [row] = await this.db
      .select()
      .from(bans)
      .where(and(eq(bans.userId, userId), sql`${banInForce('"bans"')}`));
    return row;
  }

  async view(banId: number): Promise<BanView | undefined> {
    const [row] = await this.db
      .select({ ban: bans, user: users, bannedBy: banner })
      .from(bans)
      .innerJoin(users, eq(users.id, bans.userId))
      .leftJoin(banner, eq(banner.telegramId, bans.bannedBy))
      .where(eq(bans.id, banId));
    return row;
  }

  /** Bans in force, newest first, one page. */
  async list(page: number, pageSize: number): Promise<{ items: BanView[]; total: number }> {
    const inForce = sql`${banInForce('"bans"')}`;
    const [items, [total]] = await Promise.all([
      this.db
        .select({ ban: bans, user: users, bannedBy: banner })
        .from(bans)
        .innerJoin(users, eq(users.id, bans.userId))
        .leftJoin(banner, eq(banner.telegramId, bans.bannedBy))
        .where(inForce)
        .orderBy(desc(bans.createdAt), desc(bans.id))
        .limit(pageSize)
        .offset(page * pageSize),
      this.db.select({ n: count() }).from(bans).where(inForce),
    ]);
    return { items, total: Number(total?.n ?? 0) };
  }

  /** Every ban of a user, newest first (the record). */
  async historyOf(userId: number): Promise<Ban[]> {
    return this.db.select().from(bans).where(eq(bans.userId, userId)).orderBy(desc(bans.id));
  }

  /**
   * Claims the right to tell a banned user once more that access is restricted: true when the last
   * notice is older than `everyMs` (or there was none). One conditional UPDATE, so two instances
   * never both send it; nothing is written when the answer is false.
   */
  async claimNotice(banId: number, everyMs = BAN_NOTICE_EVERY_MS): Promise<boolean> {
    const rows = await this.db
      .update(bans)
      .set({ noticedAt: sql`now()` })
      .where(
        and(
          eq(bans.id, banId),
          or(
            isNull(bans.noticedAt),
            sql`${bans.noticedAt} <= now() - make_interval(secs => ${everyMs / 1000})`,
          ),
        ),
      )
      .returning({ id: bans.id });
    return rows.length === 1;
  }

  /**
   * The user a staff member means by "123456789" (a Telegram id) or "@name" (a username the bot
   * has seen): undefined when nobody matches.
   */
  async findTarget(query: string): Promise<User | undefined> {
    const raw = query.trim();
    if (/^\d{1,16}$/.test(raw)) {
      const id = Number(raw);
      if (!Number.isSafeInteger(id)) return undefined;
      const [row] = await this.db.select().from(users).where(eq(users.telegramId, id));
      return row;
    }
    const name = raw.replace(/^@/, '');
    if (!/^[A-Za-z0-9_]{3,32}$/.test(name)) return undefined;
    const [row] = await this.db
      .select()
      .from(users)
      .where(sql`lower(${users.username}) = lower(${name})`)
      .orderBy(desc(users.lastSeenAt))
      .limit(1);
    return row;
  }
}
