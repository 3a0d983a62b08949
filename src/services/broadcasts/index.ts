import type { Executor } from '../../db/client.js';
import type { AudienceScope } from '../audiences.js';
import { LeaseService } from '../lease.js';
import { ChannelPostQueue } from './channel-posts.js';
import { DeliveryQueue } from './deliveries.js';
import { BroadcastDrafts } from './drafts.js';
import { BroadcastRuns } from './runs.js';
import type {
  Broadcast,
  BroadcastRun,
  BroadcastStats,
  ClaimedDelivery,
  ConfirmResult,
  DeliveryResult,
  DraftContent,
  DraftPatch,
  NextOccurrence,
  RunProgress,
} from './types.js';

export { CHANNEL_POST_ATTEMPTS, type ClaimedChannelPost } from './channel-posts.js';
export { createRun } from './runs.js';
export type * from './types.js';

/**
 * Broadcasts: drafts, scheduling, runs and their durable delivery queue (one row per run and recipient),
 * run control, statistics and click attribution — one facade over {@link BroadcastDrafts},
 * {@link BroadcastRuns}, {@link DeliveryQueue} and the sender's {@link LeaseService} lease.
 */
export class BroadcastService {
  private readonly drafts: BroadcastDrafts;
  private readonly runs: BroadcastRuns;
  private readonly queue: DeliveryQueue;
  private readonly leases: LeaseService;
  /** The channel posts of runs ("also post to the channel"), sent by the same sender. */
  readonly channelPosts: ChannelPostQueue;

  constructor(db: Executor, scope: AudienceScope) {
    this.drafts = new BroadcastDrafts(db, scope);
    this.runs = new BroadcastRuns(db);
    this.queue = new DeliveryQueue(db);
    this.leases = new LeaseService(db);
    this.channelPosts = new ChannelPostQueue(db);
  }

  // Drafts, scheduling and confirmation (./drafts.ts)
  createDraft(createdBy: number, content: DraftContent): Promise<Broadcast> {
    return this.drafts.createDraft(createdBy, content);
  }
  get(id: number): Promise<Broadcast | undefined> {
    return this.drafts.get(id);
  }
  updateDraft(id: number, patch: DraftPatch): Promise<Broadcast | undefined> {
    return this.drafts.updateDraft(id, patch);
  }
  deleteDraft(id: number): Promise<boolean> {
    return this.drafts.deleteDraft(id);
  }
  listRecent(limit?: number, offset?: number): Promise<Broadcast[]> {
    return this.drafts.listRecent(limit, offset);
  }
  countManual(): Promise<number> {
    return this.drafts.countManual();
  }
  productChoices(limit?: number): Promise<{ id: number; title: string }[]> {
    return this.drafts.productChoices(limit);
  }
  product(id: number): ReturnType<BroadcastDrafts['product']> {
    return this.drafts.product(id);
  }
  confirm(id: number, now: Date, progressChatId: number | null): Promise<ConfirmResult> {
    return this.drafts.confirm(id, now, progressChatId);
  }
  cancelSchedule(id: number): Promise<boolean> {
    return this.drafts.cancelSchedule(id);
  }
  fireDue(now: Date, next: NextOccurrence, progress?: boolean): Promise<BroadcastRun | undefined> {
    return this.drafts.fireDue(now, next, progress);
  }

  // Runs: control, progress, statistics, clicks (./runs.ts)
  run(runId: number): Promise<BroadcastRun | undefined> {
    return this.runs.run(runId);
  }
  runsOf(broadcastId: number): Promise<BroadcastRun[]> {
    return this.runs.runsOf(broadcastId);
  }
  pause(runId: number): Promise<boolean> {
    return this.runs.pause(runId);
  }
  resume(runId: number): Promise<boolean> {
    return this.runs.resume(runId);
  }
  cancel(runId: number): Promise<boolean> {
    return this.runs.cancel(runId);
  }
  progress(runId: number): Promise<RunProgress | undefined> {
    return this.runs.progress(runId);
  }
  runsWithOpenProgress(): Promise<BroadcastRun[]> {
    return this.runs.runsWithOpenProgress();
  }
  setProgressMessage(runId: number, messageId: number): Promise<void> {
    return this.runs.setProgressMessage(runId, messageId);
  }
  markProgressFinal(runId: number): Promise<void> {
    return this.runs.markProgressFinal(runId);
  }
  stats(broadcastId: number): Promise<BroadcastStats> {
    return this.runs.stats(broadcastId);
  }
  recordClick(broadcastId: number, userId: number, productId: number | null): Promise<boolean> {
    return this.runs.recordClick(broadcastId, userId, productId);
  }

  // The delivery queue of the sender (./deliveries.ts)
  claim(holder: string, limit: number): Promise<ClaimedDelivery[]> {
    return this.queue.claim(holder, limit);
  }
  markSending(holder: string, ids: readonly number[]): Promise<Set<number>> {
    return this.queue.markSending(holder, ids);
  }
  finish(holder: string, results: readonly DeliveryResult[]): Promise<void> {
    return this.queue.finish(holder, results);
  }
  release(holder: string, ids: readonly number[]): Promise<void> {
    return this.queue.release(holder, ids);
  }
  recover(holder: string): Promise<{ released: number; unconfirmed: number }> {
    return this.queue.recover(holder);
  }
  runStates(runIds: readonly number[]): Promise<Map<number, BroadcastRun['state']>> {
    return this.queue.runStates(runIds);
  }
  byIds(ids: readonly number[]): Promise<Broadcast[]> {
    return this.queue.byIds(ids);
  }
  outstanding(): Promise<number> {
    return this.queue.outstanding();
  }
  finishRuns(): Promise<number[]> {
    return this.queue.finishRuns();
  }

  // The sender's leadership (../lease.ts)
  acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    return this.leases.acquire(name, holder, ttlMs);
  }
  releaseLease(name: string, holder: string): Promise<void> {
    return this.leases.release(name, holder);
  }
}
