import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { broadcasts, products } from '../../db/schema/index.js';
import type { AudienceScope } from '../audiences.js';
import { queryRows as rows } from '../raw-query.js';
import { createRun } from './runs.js';
import type {
  Broadcast,
  BroadcastRun,
  ConfirmResult,
  DraftContent,
  DraftPatch,
  NextOccurrence,
} from './types.js';

const iso = (date: Date): string => date.toISOString();

/**
 * A broadcast's life before its runs: drafts and their content, the manual list, confirmation and the
 * scheduler's firing of due broadcasts.
 */
export class BroadcastDrafts {
  constructor(
    private readonly db: Executor,
    private readonly scope: AudienceScope,
  ) {}

  /** Creates a draft from validated HTML text (and a photo file_id). */
  async createDraft(createdBy: number, content: DraftContent): Promise<Broadcast> {
    const [row] = await this.db
      .insert(broadcasts)
      .values({ createdBy, text: content.text, photo: content.photo ?? null })
      .returning();
    if (!row) throw new Error('broadcast insert returned no row');
    return row;
  }

  async get(id: number): Promise<Broadcast | undefined> {
    const [row] = await this.db.select().from(broadcasts).where(eq(broadcasts.id, id));
    return row;
  }

  /** Changes a draft; a broadcast already confirmed is not changed (returns undefined). */
  async updateDraft(id: number, patch: DraftPatch): Promise<Broadcast | undefined> {
    const [row] = await this.db
      .update(broadcasts)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(and(eq(broadcasts.id, id), eq(broadcasts.state, 'draft')))
      .returning();
    return row;
  }

  async deleteDraft(id: number): Promise<boolean> {
    const deleted = await this.db
      .delete(broadcasts)
      .where(and(eq(broadcasts.id, id), eq(broadcasts.state, 'draft')))
      .returning({ id: broadcasts.id });
    return deleted.length > 0;
  }

  /** The latest manual broadcasts, newest first. */
  async listRecent(limit = 10, offset = 0): Promise<Broadcast[]> {
    return this.db
      .select()
      .from(broadcasts)
      .where(eq(broadcasts.kind, 'manual'))
      .orderBy(desc(broadcasts.id))
      .limit(limit)
      .offset(offset);
  }

  async countManual(): Promise<number> {
    const [row] = await rows<{ n: number }>(
      this.db,
      sql`select count(*)::int as n from broadcasts where kind = 'manual'`,
    );
    return Number(row?.n ?? 0);
  }

  /** Active products an "open product" button can point to. */
  async productChoices(limit = 40): Promise<{ id: number; title: string }[]> {
    return this.db
      .select({ id: products.id, title: products.title })
      .from(products)
      .where(eq(products.isActive, true))
      .orderBy(products.title)
      .limit(limit);
  }

  async product(id: number) {
    const [row] = await this.db.select().from(products).where(eq(products.id, id));
    return row;
  }

  /**
   * Confirms a draft (one conditional UPDATE: a double tap confirms once). "now" creates the run and its
   * delivery rows in the same transaction; a date or a recurrence hands it to the scheduler.
   */
  async confirm(id: number, now: Date, progressChatId: number | null): Promise<ConfirmResult> {
    return this.db.transaction(async (tx) => {
      const [draft] = await tx
        .select()
        .from(broadcasts)
        .where(and(eq(broadcasts.id, id), eq(broadcasts.state, 'draft')))
        .for('update');
      if (!draft) return { ok: false, reason: 'not_draft' } as const;
      if (draft.scheduleKind === 'now') {
        const [sent] = await tx
          .update(broadcasts)
          .set({ state: 'sent', nextRunAt: null, updatedAt: sql`now()` })
          .where(eq(broadcasts.id, id))
          .returning();
        if (!sent) throw new Error('broadcast vanished while confirming');
        const run = await createRun(tx, sent, now, progressChatId, this.scope);
        return { ok: true, broadcast: sent, ...(run ? { run } : {}) } as const;
      }
      if (!draft.nextRunAt) return { ok: false, reason: 'no_schedule' } as const;
      const [scheduled] = await tx
        .update(broadcasts)
        .set({ state: 'scheduled', updatedAt: sql`now()` })
        .where(eq(broadcasts.id, id))
        .returning();
      if (!scheduled) throw new Error('broadcast vanished while confirming');
      return { ok: true, broadcast: scheduled } as const;
    });
  }

  /** Stops a scheduled (one-off or recurring) broadcast from firing again. */
  async cancelSchedule(id: number): Promise<boolean> {
    const rowsChanged = await this.db
      .update(broadcasts)
      .set({ state: 'cancelled', nextRunAt: null, updatedAt: sql`now()` })
      .where(and(eq(broadcasts.id, id), eq(broadcasts.state, 'scheduled')))
      .returning({ id: broadcasts.id });
    return rowsChanged.length > 0;
  }

  /**
   * Fires one due scheduled broadcast, if any: it is locked with `FOR UPDATE SKIP LOCKED`, its next_run_at
   * moved on and its run with all delivery rows created in one transaction, so two schedulers racing fire
   * each occurrence once (the unique (broadcast, occurrence) index guards it as well).
   */
  async fireDue(now: Date, next: NextOccurrence, progress = true): Promise<BroadcastRun | undefined> {
    return this.db.transaction(async (tx) => {
      const due = await rows<{ id: number }>(
        tx,
        sql`select id from broadcasts
            where state = 'scheduled' and next_run_at <= ${iso(now)}::timestamptz
            order by next_run_at, id limit 1 for update skip locked`,
      );
      const dueId = due[0]?.id;
      if (dueId === undefined) return undefined;
      const [broadcast] = await tx.select().from(broadcasts).where(eq(broadcasts.id, dueId));
      if (!broadcast?.nextRunAt) return undefined;
      const occurrence = broadcast.nextRunAt;
      const recurring = broadcast.scheduleKind !== 'once' && broadcast.scheduleKind !== 'now';
      // A missed occurrence (the bot was down) fires once, then the schedule continues from now.
      const following = recurring ? next(broadcast, now > occurrence ? now : occurrence) : undefined;
      const [fired] = await tx
        .update(broadcasts)
        .set({
          nextRunAt: following ?? null,
          state: following ? 'scheduled' : 'sent',
          updatedAt: sql`now()`,
        })
        .where(eq(broadcasts.id, dueId))
        .returning();
      if (!fired) return undefined;
      return createRun(tx, fired, occurrence, progress ? fired.createdBy : null, this.scope);
    });
  }
}
