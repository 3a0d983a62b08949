import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { users } from '../db/schema/index.js';
import type { StaffRole } from './staff.js';

export type User = typeof users.$inferSelect;

/**
 * `last_seen_at` is kept to this precision: a returning user's update writes nothing unless their
 * profile changed or the mark is older than this (it feeds the win-back sweep, counted in days).
 */
export const LAST_SEEN_PRECISION_MS = 5 * 60 * 1000;

/** The ban in force of a sender as {@link UserService.identify} reads it (no statement of its own). */
export interface ActiveBan {
  id: number;
  /** Null: for good. */
  until: Date | null;
  /** When the user was last told that access is restricted. */
  noticedAt: Date | null;
}

/** Who sent an update, read in one statement (see {@link UserService.identify}). */
export interface Identity {
  user: User;
  /** The staff row's role; owners come from config, so the caller decides on them. */
  staffRole: StaffRole | null;
  /** The customer's ticket that is not closed, if any (the waiting state). */
  openTicketId: number | null;
  /** The stored session value under the asked key, or undefined when there is none. */
  session: unknown;
  /** The ban in force now (not lifted, not expired), or null. */
  ban: ActiveBan | null;
  /** The catalog's revision (`catalog_revision`): browsing screens read at it can come from memory. */
  catalogRevision: string | null;
}

type IdentityRow = Omit<Identity, 'ban'> & { ban: RawBan | null };

/** The ban as the identify statement returns it: a JSON object, its timestamps as text. */
interface RawBan {
  id: number;
  until: string | null;
  noticedAt: string | null;
}

function toIdentity(row: IdentityRow): Identity {
  const ban = row.ban;
  return {
    ...row,
    ban: ban
      ? {
          id: Number(ban.id),
          until: ban.until === null ? null : new Date(ban.until),
          noticedAt: ban.noticedAt === null ? null : new Date(ban.noticedAt),
        }
      : null,
  };
}

/** True when the stored row no longer says what the profile says (or the last-seen mark is stale). */
function isOutdated(user: User, profile: TelegramProfile, now: number): boolean {
  return (
    user.firstName !== profile.first_name ||
    user.lastName !== (profile.last_name ?? null) ||
    user.username !== (profile.username ?? null) ||
    user.languageCode !== (profile.language_code ?? null) ||
    user.blockedAt !== null ||
    now - user.lastSeenAt.getTime() >= LAST_SEEN_PRECISION_MS
  );
}

/** Senders asked about in one "who is this" statement at most (a getUpdates answer holds up to 100 updates). */
const IDENTIFY_BATCH_MAX = 200;

interface PendingIdentity {
  telegramId: number;
  sessionKey: string;
  resolve: (identity: Identity | undefined) => void;
  reject: (error: unknown) => void;
}

export interface TelegramProfile {
  id: number;
  first_name: string;
  last_name?: string | undefined;
  username?: string | undefined;
  language_code?: string | undefined;
}

export class UserService {
  constructor(private readonly db: Executor) {}

  /** Built once per service: a named prepared statement on PostgreSQL (parsed once per connection). */
  private identifyStatement?: ReturnType<UserService['buildIdentify']>;

  /**
   * "Who is this" for many senders at once: one row per (Telegram ID, session key) pair that has a
   * users row, numbered like the arrays it was asked with (`ord`, from 1).
   */
  private buildIdentify() {
    return this.db
      .select({
        ord: sql<number>`asked.ord`.mapWith(Number),
        user: users,
        // Written out with aliases: the subqueries must name the outer row ("users") explicitly.
        staffRole: sql<StaffRole | null>`(select s.role from staff s where s.telegram_id = "users"."telegram_id")`,
        openTicketId: sql<number | null>`(select t.id from tickets t
          where t.user_id = "users"."id" and t.state <> 'closed' limit 1)`,
        session: sql<unknown>`(select x.value from sessions x where x.key = asked.session_key)`,
        // The ban in force (bans_one_active_per_user_uq: at most one row not lifted): no statement of its own.
        ban: sql<RawBan | null>`(select json_build_object('id', b.id, 'until', b.until, 'noticedAt', b.noticed_at)
          from bans b where b.user_id = "users"."id" and b.lifted_at is null
          and (b.until is null or b.until > now()) limit 1)`,
        catalogRevision: sql<string | null>`(select r.revision::text from catalog_revision r)`,
      })
      .from(
        sql`unnest(${sql.placeholder('telegramIds')}::bigint[], ${sql.placeholder('sessionKeys')}::text[])
          with ordinality as asked(telegram_id, session_key, ord)`,
      )
      .innerJoin(users, eq(users.telegramId, sql`asked.telegram_id`))
      .prepare('identify_users');
  }

  /** Senders waiting for the next "who is this" statement (see {@link readIdentity}). */
  private pending: PendingIdentity[] = [];
  private flushScheduled = false;

  /**
   * The identity of one sender, read together with everyone else's asked in the same turn of the
   * event loop: the updates of one getUpdates answer (up to 100) are handled at once, and each asks
   * here first, so they share one statement instead of one each. Nothing is written; a statement
   * that fails fails every update in it (as each would have failed alone).
   */
  private readIdentity(telegramId: number, sessionKey: string): Promise<Identity | undefined> {
    return new Promise((resolve, reject) => {
      this.pending.push({ telegramId, sessionKey, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        const asked = this.pending;
        this.pending = [];
        for (let at = 0; at < asked.length; at += IDENTIFY_BATCH_MAX) {
          void this.identifyBatch(asked.slice(at, at + IDENTIFY_BATCH_MAX));
        }
      });
    });
  }

  private async identifyBatch(asked: PendingIdentity[]): Promise<void> {
    try {
      this.identifyStatement ??= this.buildIdentify();
      const rows = await this.identifyStatement.execute({
        telegramIds: asked.map((a) => a.telegramId),
        sessionKeys: asked.map((a) => a.sessionKey),
      });
      const found: (Identity | undefined)[] = new Array(asked.length);
      for (const { ord, ...row } of rows) found[ord - 1] = toIdentity(row as IdentityRow);
      for (let i = 0; i < asked.length; i++) asked[i]?.resolve(found[i]);
    } catch (error) {
      for (const a of asked) a.reject(error);
    }
  }

  /**
   * Everything the bot needs about the sender of an update in one round trip: the users row, the
   * staff role (read from the database every time, so a removed agent loses access at once, on every
   * instance), whether they have an open ticket, the ban in force, and their session under `sessionKey`. The row is
   * written only when something changed — name, username, language, a "blocked" mark to clear, or a
   * last-seen mark older than {@link LAST_SEEN_PRECISION_MS} — so a returning user costs one
   * statement, shared with the other senders of the same moment ({@link readIdentity}); the first
   * contact creates the row ({@link register}) and reads again.
   */
  async identify(profile: TelegramProfile, sessionKey: string): Promise<Identity> {
    const found = await this.readIdentity(profile.id, sessionKey);
    if (!found) {
      await this.register(profile);
      const created = await this.readIdentity(profile.id, sessionKey);
      if (!created) throw new Error('the users row vanished right after it was created');
      return created;
    }
    if (!isOutdated(found.user, profile, Date.now())) return found;
    return { ...found, user: await this.refresh(profile) };
  }

  /** Brings an existing row up to date with the profile (an UPDATE: no sequence value is spent). */
  private async refresh(profile: TelegramProfile): Promise<User> {
    const [row] = await this.db
      .update(users)
      .set({
        firstName: profile.first_name,
        lastName: profile.last_name ?? null,
        username: profile.username ?? null,
        languageCode: profile.language_code ?? null,
        lastSeenAt: sql`now()`,
        blockedAt: null,
      })
      .where(eq(users.telegramId, profile.id))
      .returning();
    return row ?? this.register(profile);
  }

  /**
   * Creates the user on first contact or refreshes name, username, language and last-seen time.
   * One `INSERT … ON CONFLICT DO UPDATE`: two simultaneous /start updates still leave one row.
   * Talking to the bot again also clears an earlier "blocked the bot" mark.
   */
  async register(profile: TelegramProfile): Promise<User> {
    const values = {
      telegramId: profile.id,
      firstName: profile.first_name,
      lastName: profile.last_name ?? null,
      username: profile.username ?? null,
      languageCode: profile.language_code ?? null,
    };
    const [row] = await this.db
      .insert(users)
      .values(values)
      .onConflictDoUpdate({
        target: users.telegramId,
        set: {
          firstName: values.firstName,
          lastName: values.lastName,
          username: values.username,
          languageCode: values.languageCode,
          lastSeenAt: sql`now()`,
          blockedAt: null,
        },
      })
      .returning();
    if (!row) throw new Error('user upsert returned no row');
    return row;
  }

  async byTelegramId(telegramId: number): Promise<User | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.telegramId, telegramId));
    return row;
  }

  async byId(id: number): Promise<User | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.id, id));
    return row;
  }

  /** Telegram said the user blocked the bot: skip them in broadcasts from now on. */
  async markBlocked(telegramId: number): Promise<void> {
    await this.db.update(users).set({ blockedAt: sql`now()` }).where(eq(users.telegramId, telegramId));
  }

  async setAdsOptOut(userId: number, optOut: boolean): Promise<void> {
    await this.db.update(users).set({ adsOptOut: optOut }).where(eq(users.id, userId));
  }
}

/** A display name for staff screens and notifications (plain text; escape before HTML). */
export function displayName(user: Pick<User, 'firstName' | 'lastName' | 'username'>): string {
  const full = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return user.username ? `${full} (@${user.username})` : full;
}
