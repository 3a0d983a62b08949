import { and, asc, eq, inArray, notExists } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { type OwnerAlertEvent, ownerAlertOptOuts, users } from '../db/schema/index.js';
import type { User } from './users.js';

export type { OwnerAlertEvent } from '../db/schema/index.js';

/** Every owner alert, in the order the settings screen lists them. */
export const OWNER_ALERT_EVENTS = [
  'invite_used',
  'order_cancelled',
  'low_rating',
  'broadcast_finished',
] as const satisfies readonly OwnerAlertEvent[];

/** The owners' alert switches (each on unless the owner turned it off) and who gets an alert. */
export class OwnerAlertService {
  constructor(
    private readonly db: Executor,
    private readonly ownerIds: readonly number[],
  ) {}

  /** Owners who have started the bot and have not switched `event` off. */
  async recipients(event: OwnerAlertEvent): Promise<User[]> {
    if (this.ownerIds.length === 0) return [];
    return this.db
      .select()
      .from(users)
      .where(
        and(
          inArray(users.telegramId, [...this.ownerIds]),
          notExists(
            this.db
              .select({ one: ownerAlertOptOuts.telegramId })
              .from(ownerAlertOptOuts)
              .where(
                and(eq(ownerAlertOptOuts.telegramId, users.telegramId), eq(ownerAlertOptOuts.event, event)),
              ),
          ),
        ),
      )
      .orderBy(asc(users.id));
  }

  /** An owner's switches. */
  async settings(telegramId: number): Promise<Record<OwnerAlertEvent, boolean>> {
    const off = await this.db
      .select({ event: ownerAlertOptOuts.event })
      .from(ownerAlertOptOuts)
      .where(eq(ownerAlertOptOuts.telegramId, telegramId));
    const disabled = new Set(off.map((r) => r.event));
    return Object.fromEntries(OWNER_ALERT_EVENTS.map((e) => [e, !disabled.has(e)])) as Record<
      OwnerAlertEvent,
      boolean
    >;
  }

  /** Switches an alert on or off for an owner (anyone else: refused, false). */
  async set(telegramId: number, event: OwnerAlertEvent, enabled: boolean): Promise<boolean> {
    if (!this.ownerIds.includes(telegramId)) return false;
    if (enabled) {
      await this.db
        .delete(ownerAlertOptOuts)
        .where(and(eq(ownerAlertOptOuts.telegramId, telegramId), eq(ownerAlertOptOuts.event, event)));
    } else {
      await this.db.insert(ownerAlertOptOuts).values({ telegramId, event }).onConflictDoNothing();
    }
    return true;
  }
}
