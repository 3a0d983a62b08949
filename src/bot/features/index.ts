import type { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../context.js';
import { adminAlertSettingsFeature } from './admin/alert-settings.js';
import { adminCategoriesFeature } from './admin/categories.js';
import { adminExportsFeature } from './admin/exports.js';
import { adminMenuFeature } from './admin/menu.js';
import { adminOrdersFeature } from './admin/orders.js';
import { adminProductsFeature } from './admin/products.js';
import { adminPromoFeature } from './admin/promo.js';
import { adminStaffFeature } from './admin/staff.js';
import { adminStatsFeature } from './admin/stats.js';
import { broadcastsFeature } from './broadcasts/index.js';
import { catalogFeature } from './catalog/index.js';
import { checkoutFeature } from './checkout/index.js';
import { moderationFeature } from './moderation/index.js';
import { ordersFeature } from './orders/index.js';
import { paymentsFeature } from './payments/index.js';
import { settingsFeature } from './settings/index.js';
import { supportFeature } from './support/index.js';
import { ticketsFeature } from './tickets/index.js';

/**
 * The features after start/gate and before the catch-all, in the order they see updates.
 * Each feature is one Composer; a feature that owns deep links or gated commands registers
 * them on `deps` when it is built.
 */
export function featureComposers(deps: BotDeps): Composer<BotContext>[] {
  return [
    // First: a staff reply to a relayed ticket message belongs to that ticket, whatever dialog is open.
    ticketsFeature(deps),
    adminMenuFeature,
    adminStaffFeature(deps),
    adminStatsFeature,
    adminProductsFeature,
    adminCategoriesFeature,
    adminPromoFeature,
    adminOrdersFeature,
    moderationFeature,
    adminExportsFeature,
    adminAlertSettingsFeature,
    broadcastsFeature(deps),
    settingsFeature,
    catalogFeature(deps),
    checkoutFeature(deps),
    ordersFeature(deps),
    paymentsFeature,
    supportFeature(deps),
  ];
}
