import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import type { Audience } from '../db/schema/index.js';
import { isBanned } from './bans.js';
import { inCheckout } from './checkout-session.js';
import { queryRows } from './raw-query.js';
import { isStudioPerson } from './staff.js';

export const AUDIENCE_KINDS = ['all', 'customers', 'no_orders', 'abandoned', 'language'] as const;

/** What an audience depends on besides its kind: the default locale and who the owners are. */
export interface AudienceScope {
  defaultLocale: string;
  /** OWNER_IDS: owners, like staff members, are never counted or sent an ad as customers. */
  ownerIds: readonly number[];
}

/**
 * The WHERE condition on `users u` selecting an audience. Users who opted out of ads or blocked the bot
 * are never part of an audience, nor are banned users, nor the studio's own people (owners and staff):
 * they see the draft's preview instead.
 */
export function audienceCondition(audience: Audience, scope: AudienceScope): SQL {
  const { defaultLocale } = scope;
  const reachable = sql`not u.ads_opt_out and u.blocked_at is null and not ${isStudioPerson('u', scope.ownerIds)}
    and not ${isBanned('u')}`;
  switch (audience.kind) {
    case 'all':
      return reachable;
    case 'customers':
      return sql`${reachable} and exists (select 1 from orders o where o.user_id = u.id)`;
    case 'no_orders':
      return sql`${reachable} and not exists (select 1 from orders o where o.user_id = u.id)`;
    case 'abandoned':
      return sql`${reachable} and exists (
        select 1 from sessions s
        where s.key = u.telegram_id::text and ${inCheckout(sql`s.value`)})`;
    case 'language': {
      const language = audience.language.toLowerCase();
      // Users without a language code get the default locale's texts, so they belong to its audience.
      return sql`${reachable} and coalesce(lower(left(u.language_code, 2)), ${defaultLocale}) = ${language}`;
    }
  }
}

export class AudienceService {
  constructor(
    private readonly db: Executor,
    private readonly scope: AudienceScope,
  ) {}

  /** How many users a broadcast to `audience` would reach now (shown before confirming). */
  async count(audience: Audience): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      this.db,
      sql`select count(*)::int as n from users u where ${audienceCondition(audience, this.scope)}`,
    );
    return Number(row?.n ?? 0);
  }

  /** The language codes users have, most common first (for the "by language" choice). */
  async languages(): Promise<{ language: string; users: number }[]> {
    const rows = await queryRows<{ language: string; users: number }>(
      this.db,
      sql`
      select coalesce(lower(left(language_code, 2)), ${this.scope.defaultLocale}) as language, count(*)::int as users
      from users u where ${audienceCondition({ kind: 'all' }, this.scope)}
      group by 1 order by 2 desc, 1 limit 8`,
    );
    return rows.map((r) => ({ language: r.language, users: Number(r.users) }));
  }
}
