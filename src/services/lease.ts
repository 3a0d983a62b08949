import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { jobLeases } from '../db/schema/index.js';
import { queryRows } from './raw-query.js';

/**
 * Named leases in `job_leases`: at most one holder per name across all bot instances, for a limited
 * time that the holder renews (the broadcast sender's leadership). A holder that dies simply stops
 * renewing; the lease expires and another instance takes it.
 */
export class LeaseService {
  constructor(private readonly db: Executor) {}

  /**
   * Takes or renews the lease `name` for `holder` for `ttlMs`: one conditional upsert that succeeds only
   * when the lease is free, expired, or already this holder's. Returns whether `holder` has it.
   */
  async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const got = await queryRows<{ holder: string }>(
      this.db,
      sql`insert into job_leases (name, holder, expires_at)
          values (${name}, ${holder}, now() + make_interval(secs => ${ttlMs / 1000}))
          on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
          where job_leases.holder = excluded.holder or job_leases.expires_at < now()
          returning holder`,
    );
    return got.length > 0;
  }

  /** Gives the lease up at once (a clean stop), if `holder` still has it. */
  async release(name: string, holder: string): Promise<void> {
    await this.db
      .update(jobLeases)
      .set({ holder: null, expiresAt: sql`now()` })
      .where(and(eq(jobLeases.name, name), eq(jobLeases.holder, holder)));
  }
}
