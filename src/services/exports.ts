// The staff's spreadsheet exports: what each export's columns are (one list per export, so a new
// column is one line here) and keyset-paged reads, so an export
// of any size is streamed in batches rather than read whole into memory.
import { and, asc, eq, gt, gte, lt, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import { orders, tickets, users } from '../db/schema/index.js';
import type { MessageKey } from '../text/i18n.js';
import { isStudioPerson } from './staff.js';
import { displayName } from './users.js';

export type ExportKind = 'orders' | 'customers' | 'tickets';

/** Created within [from, to); either end open when undefined. */
export interface ExportRange {
  from?: Date;
  to?: Date;
}

/**
 * A value of a cell before formatting: dates, yes/no and labels (`{ label }`, a text key) are
 * written by the caller in the reader's language and time zone.
 */
export type ExportValue = string | number | boolean | Date | { label: MessageKey } | null;

export interface ExportColumn<Row> {
  header: MessageKey;
  value: (row: Row) => ExportValue;
}

const agent = alias(users, 'agent');
const customer = alias(users, 'customer');

const orderRow = {
  id: orders.id,
  createdOn: orders.createdOn,
  state: orders.state,
  product: orders.productTitle,
  price: orders.price,
  promoCode: orders.promoCode,
  discount: orders.discount,
  finalPrice: orders.finalPrice,
  email: orders.email,
  takenAt: orders.takenAt,
  doneAt: orders.doneAt,
  updatedOn: orders.updatedOn,
  cancelledBy: orders.cancelledBy,
  paymentState: orders.paymentState,
  // Money received for the order (refunded payments left out), in the payments' currency.
  paidAmount: sql<
    number | null
  >`(select sum(p.amount)::int from payments p where p.order_id = ${orders.id} and p.refund_state is distinct from 'refunded')`,
  paidCurrency: sql<string | null>`(select min(p.currency) from payments p where p.order_id = ${orders.id})`,
  paidAt: sql<Date | null>`(select max(p.paid_at) from payments p where p.order_id = ${orders.id})`.mapWith(
    (v: string | Date | null) => (v === null ? null : new Date(v)),
  ),
  customerTelegramId: customer.telegramId,
  customerFirstName: customer.firstName,
  customerLastName: customer.lastName,
  customerUsername: customer.username,
};
export interface OrderExportRow {
  id: number;
  createdOn: Date;
  state: 'created' | 'in_work' | 'done' | 'cancelled';
  product: string;
  price: number;
  promoCode: string | null;
  discount: number;
  finalPrice: number;
  email: string;
  takenAt: Date | null;
  doneAt: Date | null;
  updatedOn: Date;
  cancelledBy: 'customer' | 'staff' | null;
  paymentState: 'unpaid' | 'deposit_paid' | 'paid' | 'refund_requested' | 'refunded';
  paidAmount: number | null;
  paidCurrency: string | null;
  paidAt: Date | null;
  customerTelegramId: number | null;
  customerFirstName: string | null;
  customerLastName: string | null;
  customerUsername: string | null;
}

const customerRow = {
  id: users.id,
  telegramId: users.telegramId,
  firstName: users.firstName,
  lastName: users.lastName,
  username: users.username,
  email: users.email,
  languageCode: users.languageCode,
  createdOn: users.createdOn,
  lastSeenAt: users.lastSeenAt,
  adsOptOut: users.adsOptOut,
  blockedAt: users.blockedAt,
  orders: sql<number>`(select count(*)::int from orders o where o.user_id = "users"."id")`,
};
export interface CustomerExportRow {
  id: number;
  telegramId: number;
  firstName: string;
  lastName: string | null;
  username: string | null;
  email: string | null;
  languageCode: string | null;
  createdOn: Date;
  lastSeenAt: Date;
  adsOptOut: boolean;
  blockedAt: Date | null;
  orders: number;
}

const ticketRow = {
  id: tickets.id,
  state: tickets.state,
  createdAt: tickets.createdAt,
  takenAt: tickets.takenAt,
  closedAt: tickets.closedAt,
  rating: tickets.rating,
  text: tickets.text,
  customerTelegramId: customer.telegramId,
  customerFirstName: customer.firstName,
  customerLastName: customer.lastName,
  customerUsername: customer.username,
  agentFirstName: agent.firstName,
  agentLastName: agent.lastName,
  agentUsername: agent.username,
};
export interface TicketExportRow {
  id: number;
  state: 'created' | 'in_work' | 'closed';
  createdAt: Date;
  takenAt: Date | null;
  closedAt: Date | null;
  rating: number | null;
  text: string;
  customerTelegramId: number | null;
  customerFirstName: string | null;
  customerLastName: string | null;
  customerUsername: string | null;
  agentFirstName: string | null;
  agentLastName: string | null;
  agentUsername: string | null;
}

const nameOf = (first: string | null, last: string | null, username: string | null): string | null =>
  first === null ? null : displayName({ firstName: first, lastName: last, username });
const minutesBetween = (from: Date | null, to: Date | null): number | null =>
  from && to ? Math.round((to.getTime() - from.getTime()) / 6000) / 10 : null;

const ORDER_STATE_LABELS = {
  created: 'export-order-created',
  in_work: 'export-order-in-work',
  done: 'export-order-done',
  cancelled: 'export-order-cancelled',
} as const satisfies Record<string, MessageKey>;
const PAYMENT_STATE_LABELS = {
  unpaid: 'export-payment-unpaid',
  deposit_paid: 'export-payment-deposit',
  paid: 'export-payment-paid',
  refund_requested: 'export-payment-refund-requested',
  refunded: 'export-payment-refunded',
} as const satisfies Record<string, MessageKey>;
/** An amount in minor units as a number a spreadsheet reads: roubles with kopecks, whole stars. */
const paidValue = (amount: number | null, currency: string | null): number | null =>
  amount === null ? null : currency === 'XTR' ? amount : amount / 100;
const TICKET_STATE_LABELS = {
  created: 'export-ticket-created',
  in_work: 'export-ticket-in-work',
  closed: 'export-ticket-closed',
} as const satisfies Record<string, MessageKey>;

/** The columns of each export, in order. */
export const EXPORT_COLUMNS = {
  orders: [
    { header: 'export-col-order', value: (r) => r.id },
    { header: 'export-col-created', value: (r) => r.createdOn },
    { header: 'export-col-customer', value: (r) => nameOf(r.customerFirstName, r.customerLastName, null) },
    { header: 'export-col-username', value: (r) => r.customerUsername },
    { header: 'export-col-telegram-id', value: (r) => r.customerTelegramId },
    { header: 'export-col-email', value: (r) => r.email },
    { header: 'export-col-product', value: (r) => r.product },
    { header: 'export-col-price', value: (r) => r.price },
    { header: 'export-col-promo', value: (r) => r.promoCode },
    { header: 'export-col-discount', value: (r) => r.discount },
    { header: 'export-col-total', value: (r) => r.finalPrice },
    { header: 'export-col-state', value: (r) => ({ label: ORDER_STATE_LABELS[r.state] }) },
    { header: 'export-col-taken', value: (r) => r.takenAt },
    { header: 'export-col-done', value: (r) => r.doneAt },
    {
      header: 'export-col-cancelled',
      value: (r) => (r.state === 'cancelled' ? r.updatedOn : null),
    },
    { header: 'export-col-payment', value: (r) => ({ label: PAYMENT_STATE_LABELS[r.paymentState] }) },
    { header: 'export-col-paid', value: (r) => paidValue(r.paidAmount, r.paidCurrency) },
    { header: 'export-col-paid-currency', value: (r) => r.paidCurrency },
    { header: 'export-col-paid-at', value: (r) => r.paidAt },
  ] satisfies ExportColumn<OrderExportRow>[],
  customers: [
    { header: 'export-col-telegram-id', value: (r) => r.telegramId },
    { header: 'export-col-customer', value: (r) => nameOf(r.firstName, r.lastName, null) },
    { header: 'export-col-username', value: (r) => r.username },
    { header: 'export-col-email', value: (r) => r.email },
    { header: 'export-col-language', value: (r) => r.languageCode },
    { header: 'export-col-registered', value: (r) => r.createdOn },
    { header: 'export-col-last-seen', value: (r) => r.lastSeenAt },
    { header: 'export-col-orders', value: (r) => r.orders },
    { header: 'export-col-ads', value: (r) => !r.adsOptOut },
    { header: 'export-col-blocked', value: (r) => r.blockedAt !== null },
  ] satisfies ExportColumn<CustomerExportRow>[],
  tickets: [
    { header: 'export-col-ticket', value: (r) => r.id },
    { header: 'export-col-created', value: (r) => r.createdAt },
    { header: 'export-col-customer', value: (r) => nameOf(r.customerFirstName, r.customerLastName, null) },
    { header: 'export-col-telegram-id', value: (r) => r.customerTelegramId },
    { header: 'export-col-problem', value: (r) => r.text },
    { header: 'export-col-state', value: (r) => ({ label: TICKET_STATE_LABELS[r.state] }) },
    { header: 'export-col-agent', value: (r) => nameOf(r.agentFirstName, r.agentLastName, r.agentUsername) },
    { header: 'export-col-time-to-take', value: (r) => minutesBetween(r.createdAt, r.takenAt) },
    { header: 'export-col-time-to-close', value: (r) => minutesBetween(r.createdAt, r.closedAt) },
    { header: 'export-col-rating', value: (r) => r.rating },
  ] satisfies ExportColumn<TicketExportRow>[],
} as const;

export interface ExportRows {
  orders: OrderExportRow;
  customers: CustomerExportRow;
  tickets: TicketExportRow;
}

function within(column: AnyPgColumn, range: ExportRange): SQL | undefined {
  return and(range.from ? gte(column, range.from) : undefined, range.to ? lt(column, range.to) : undefined);
}

export class ExportService {
  constructor(
    private readonly db: Executor,
    private readonly ownerIds: readonly number[],
  ) {}

  /** One batch of rows after id `after`, in id order (keyset paging: works the same on PGlite). */
  async batch<K extends ExportKind>(
    kind: K,
    range: ExportRange,
    after: number,
    limit: number,
  ): Promise<ExportRows[K][]> {
    if (kind === 'orders') {
      return (await this.db
        .select(orderRow)
        .from(orders)
        .leftJoin(customer, eq(customer.id, orders.userId))
        .where(and(gt(orders.id, after), within(orders.createdOn, range)))
        .orderBy(asc(orders.id))
        .limit(limit)) as ExportRows[K][];
    }
    if (kind === 'customers') {
      return (await this.db
        .select(customerRow)
        .from(users)
        .where(
          and(
            gt(users.id, after),
            within(users.createdOn, range),
            sql`not ${isStudioPerson('users', this.ownerIds)}`,
          ),
        )
        .orderBy(asc(users.id))
        .limit(limit)) as ExportRows[K][];
    }
    return (await this.db
      .select(ticketRow)
      .from(tickets)
      .leftJoin(customer, eq(customer.id, tickets.userId))
      .leftJoin(agent, eq(agent.id, tickets.supportUserId))
      .where(and(gt(tickets.id, after), within(tickets.createdAt, range)))
      .orderBy(asc(tickets.id))
      .limit(limit)) as ExportRows[K][];
  }

  /** Every row of an export, batch by batch: only one batch is in memory at a time. */
  async *rows<K extends ExportKind>(
    kind: K,
    range: ExportRange,
    batchSize = 500,
  ): AsyncGenerator<ExportRows[K][]> {
    let after = 0;
    for (;;) {
      const rows = await this.batch(kind, range, after, batchSize);
      if (rows.length === 0) return;
      yield rows;
      after = (rows.at(-1) as { id: number }).id;
      if (rows.length < batchSize) return;
    }
  }
}
