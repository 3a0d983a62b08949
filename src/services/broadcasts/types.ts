import type {
  AdButton,
  Audience,
  broadcastRuns,
  broadcasts,
  DeliveryState,
  ScheduleKind,
} from '../../db/schema/index.js';

export type Broadcast = typeof broadcasts.$inferSelect;
export type BroadcastRun = typeof broadcastRuns.$inferSelect;
/** A delivery row taken by the sender, with what it needs to render and address the message. */
export interface ClaimedDelivery {
  id: number;
  runId: number;
  broadcastId: number;
  userId: number;
  attempts: number;
  vars: Record<string, string | number> | null;
  telegramId: number;
  languageCode: string | null;
  firstName: string;
  /** The user opted out or blocked the bot after the run was created: skip, do not send. */
  unreachable: boolean;
}

/** What became of one delivery attempt, written back in batches. */
export interface DeliveryResult {
  id: number;
  state: Extract<DeliveryState, 'sent' | 'pending' | 'failed' | 'blocked' | 'skipped'>;
  messageId?: number;
  error?: string;
  /** For `pending`: retry after this delay. */
  delayMs?: number;
  /** Counts towards the bounded retries (not for 429: a flood wait loses nothing). */
  countsAsAttempt?: boolean;
}

export interface RunProgress {
  run: BroadcastRun;
  total: number;
  sent: number;
  unconfirmed: number;
  failed: number;
  blocked: number;
  skipped: number;
  pending: number;
  cancelled: number;
}

export interface BroadcastStats {
  runs: number;
  total: number;
  /** Confirmed sent plus delivered-unconfirmed (in flight when a sender died). */
  delivered: number;
  unconfirmed: number;
  failed: number;
  blocked: number;
  skipped: number;
  pending: number;
  /** Not sent because a run was cancelled. */
  cancelled: number;
  clicks: number;
  clickers: number;
  /** Orders placed within 7 days after one of the clicker's clicks. */
  orders: number;
  /** Runs whose channel post went out (sent, or handed to the network by a sender that died). */
  channelPosted: number;
  /** Channel posts still to go out, and those that failed. */
  channelPending: number;
  channelFailed: number;
}

export interface DraftContent {
  text: string;
  photo?: string | null;
}

export type DraftPatch = Partial<{
  text: string;
  photo: string | null;
  buttons: AdButton[];
  audience: Audience;
  scheduleKind: ScheduleKind;
  cron: string | null;
  nextRunAt: Date | null;
  channelChat: string | null;
}>;

/** Computes the next occurrence of a recurring schedule strictly after `after`. */
export type NextOccurrence = (broadcast: Broadcast, after: Date) => Date | undefined;

export type ConfirmResult =
  | { ok: true; broadcast: Broadcast; run?: BroadcastRun }
  | { ok: false; reason: 'not_draft' | 'no_schedule' };
