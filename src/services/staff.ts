import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { staff, staffInvites, users } from '../db/schema/index.js';

export type Role = 'owner' | 'admin' | 'support' | 'customer';
export type StaffRole = 'admin' | 'support';
export type StaffMember = typeof staff.$inferSelect;

export const isStaffRole = (role: Role): boolean => role !== 'customer';
export const isAdminRole = (role: Role): boolean => role === 'owner' || role === 'admin';

/**
 * True for a `users` row (aliased `alias`) that belongs to the studio: an owner (OWNER_IDS) or a
 * staff member. Statistics and ad audiences count customers, so they leave these rows out.
 */
export function isStudioPerson(alias: string, ownerIds: readonly number[]): SQL {
  const u = sql.raw(alias);
  const owners = ownerIds.map((id) => Math.trunc(id)).filter(Number.isSafeInteger);
  const ownerList = sql.raw(`array[${owners.join(',')}]::bigint[]`);
  return sql`(${u}.telegram_id = any(${ownerList})
    or exists (select 1 from staff st where st.telegram_id = ${u}.telegram_id))`;
}

export const INVITE_TTL_MS = 24 * 60 * 60 * 1000;

export type InviteResult =
  | { ok: true; role: StaffRole }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'owner' };

export class StaffService {
  constructor(
    private readonly db: Executor,
    private readonly ownerIds: readonly number[],
  ) {}

  isOwner(telegramId: number): boolean {
    return this.ownerIds.includes(telegramId);
  }

  /** The role of a Telegram user, read from the database on every call (never cached). */
  async roleOf(telegramId: number): Promise<Role> {
    if (this.isOwner(telegramId)) return 'owner';
    const [row] = await this.db
      .select({ role: staff.role })
      .from(staff)
      .where(eq(staff.telegramId, telegramId));
    return row?.role ?? 'customer';
  }

  async member(telegramId: number): Promise<StaffMember | undefined> {
    const [row] = await this.db.select().from(staff).where(eq(staff.telegramId, telegramId));
    return row;
  }

  /** Every staff row with the matching users row when the person has started the bot. */
  async list() {
    return this.db
      .select({ staff, user: users })
      .from(staff)
      .leftJoin(users, eq(users.telegramId, staff.telegramId))
      .orderBy(staff.createdOn);
  }

  /** Adds or updates a staff member. */
  async upsert(telegramId: number, role: StaffRole, addedBy: number): Promise<StaffMember> {
    const [row] = await this.db
      .insert(staff)
      .values({ telegramId, role, addedBy })
      .onConflictDoUpdate({ target: staff.telegramId, set: { role } })
      .returning();
    if (!row) throw new Error('staff upsert returned no row');
    return row;
  }

  async remove(telegramId: number): Promise<boolean> {
    const rows = await this.db
      .delete(staff)
      .where(eq(staff.telegramId, telegramId))
      .returning({ id: staff.id });
    return rows.length > 0;
  }

  async setPaused(telegramId: number, paused: boolean): Promise<void> {
    await this.db.update(staff).set({ paused }).where(eq(staff.telegramId, telegramId));
  }

  async setTicketNotifications(telegramId: number, enabled: boolean): Promise<void> {
    await this.db.update(staff).set({ ticketNotifications: enabled }).where(eq(staff.telegramId, telegramId));
  }

  /** Creates a one-time invite token, valid for 24 hours. */
  async createInvite(role: StaffRole, createdBy: number, now = new Date()): Promise<string> {
    const token = randomBytes(12).toString('base64url');
    await this.db
      .insert(staffInvites)
      .values({ token, role, createdBy, expiresAt: new Date(now.getTime() + INVITE_TTL_MS) });
    return token;
  }

  /**
   * Redeems an invite for `telegramId`. The token is consumed by one conditional UPDATE,
   * so two people opening the same link cannot both become staff.
   */
  async redeemInvite(token: string, telegramId: number): Promise<InviteResult> {
    if (this.isOwner(telegramId)) return { ok: false, reason: 'owner' };
    return this.db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(staffInvites)
        .set({ usedBy: telegramId, usedAt: sql`now()` })
        .where(
          and(
            eq(staffInvites.token, token),
            isNull(staffInvites.usedBy),
            gt(staffInvites.expiresAt, sql`now()`),
          ),
        )
        .returning();
      if (!claimed) {
        const [invite] = await tx.select().from(staffInvites).where(eq(staffInvites.token, token));
        if (!invite) return { ok: false, reason: 'unknown' } as const;
        return { ok: false, reason: invite.usedBy ? 'used' : 'expired' } as const;
      }
      // An existing member keeps their role: an invite never demotes an admin.
      await tx
        .insert(staff)
        .values({ telegramId, role: claimed.role, addedBy: claimed.createdBy })
        .onConflictDoNothing({ target: staff.telegramId });
      const [member] = await tx
        .select({ role: staff.role })
        .from(staff)
        .where(eq(staff.telegramId, telegramId));
      return { ok: true, role: member?.role ?? claimed.role } as const;
    });
  }
}
