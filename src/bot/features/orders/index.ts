import { Composer } from '../../composer.js';
import type { BotContext, BotDeps } from '../../context.js';
import { requireSubscription } from '../../middlewares/subscription-gate.js';
import { myOrders, sendMyOrders } from './my-orders.js';
import { staffOrderActions } from './staff-actions.js';

/**
 * /orders for customers (newest first, paged in place, cancel while `created`) and the staff
 * order actions, which work from any message showing an order.
 */
export function ordersFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  deps.gateResumes.register('orders', sendMyOrders);
  composer.chatType('private').command('orders', requireSubscription('orders'), sendMyOrders);
  composer.use(myOrders, staffOrderActions);
  return composer;
}
