import type { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../context.js';
import { adminMenuFeature } from './admin/menu.js';
import { adminStaffFeature } from './admin/staff.js';
import { adminStatsFeature } from './admin/stats.js';

/**
 * The features after start/gate and before the catch-all, in the order they see updates.
 * Each feature is one Composer; a feature that owns deep links or gated commands registers
 * them on `deps` when it is built.
 */
export function featureComposers(deps: BotDeps): Composer<BotContext>[] {
  return [adminMenuFeature, adminStaffFeature(deps), adminStatsFeature];
}
