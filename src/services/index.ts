import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { StaffService } from './staff.js';
import { StatsService } from './stats.js';
import { TicketService } from './tickets.js';
import { UserService } from './users.js';

/** One aggregator for the domain services; handlers reach the database only through these. */
export function createServices(db: Database, config: Pick<Config, 'ownerIds'>) {
  return {
    users: new UserService(db),
    staff: new StaffService(db, config.ownerIds),
    tickets: new TicketService(db, config.ownerIds),
    stats: new StatsService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
