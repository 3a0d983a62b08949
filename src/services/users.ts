import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { users } from '../db/schema/index.js';

export type User = typeof users.$inferSelect;

export interface TelegramProfile {
  id: number;
  first_name: string;
  last_name?: string | undefined;
  username?: string | undefined;
  language_code?: string | undefined;
}

export class UserService {
  constructor(private readonly db: Executor) {}

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
