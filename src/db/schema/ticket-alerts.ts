import { bigint, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * Owners (OWNER_IDS) who chose to receive new-ticket notifications. Owners have no staff row
 * (they come from the configuration), so their opt-in lives here; a row means "on". Support
 * agents are always notified unless paused; admins opt in with staff.ticket_notifications.
 */
export const ownerTicketAlerts = pgTable('owner_ticket_alerts', {
  telegramId: bigint('telegram_id', { mode: 'number' }).primaryKey(),
  enabledAt: timestamp('enabled_at', { withTimezone: true }).notNull().defaultNow(),
});
