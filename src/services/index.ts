import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { AudienceService } from './audiences.js';
import { BanService } from './bans.js';
import { BroadcastService } from './broadcasts/index.js';
import { CampaignService } from './campaigns.js';
import { CatalogService } from './catalog.js';
import { CategoryService } from './categories.js';
import { ExportService } from './exports.js';
import { LeaseService } from './lease.js';
import { OrderService } from './orders.js';
import { OwnerAlertService } from './owner-alerts.js';
import { PaymentService } from './payments.js';
import { PromoService } from './promo.js';
import { StaffService } from './staff.js';
import { StatsService } from './stats.js';
import { TicketService } from './tickets/index.js';
import { UpdateLog } from './updates.js';
import { UserService } from './users.js';

/** One aggregator for the domain services; handlers reach the database only through these. */
export function createServices(
  db: Database,
  config: Pick<Config, 'ownerIds'> & Partial<Pick<Config, 'defaultLocale' | 'payments'>>,
) {
  const audienceScope = { defaultLocale: config.defaultLocale ?? 'ru', ownerIds: config.ownerIds };
  return {
    users: new UserService(db),
    catalog: new CatalogService(db),
    categories: new CategoryService(db),
    promo: new PromoService(db),
    orders: new OrderService(db),
    payments: new PaymentService(db, config.payments),
    staff: new StaffService(db, config.ownerIds),
    tickets: new TicketService(db, config.ownerIds),
    stats: new StatsService(db, config.ownerIds),
    broadcasts: new BroadcastService(db, audienceScope),
    audiences: new AudienceService(db, audienceScope),
    campaigns: new CampaignService(db, config.ownerIds),
    updates: new UpdateLog(db),
    bans: new BanService(db, config.ownerIds),
    leases: new LeaseService(db),
    exports: new ExportService(db, config.ownerIds),
    ownerAlerts: new OwnerAlertService(db, config.ownerIds),
  };
}

export type Services = ReturnType<typeof createServices>;
