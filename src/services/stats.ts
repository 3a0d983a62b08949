import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { isStudioPerson } from './staff.js';

export type OrderStateName = 'created' | 'in_work' | 'done' | 'cancelled';

/** The owner's figures. Users, buyers and conversion count customers only: owners and staff are left out. */
export interface StatsOverview {
  users: { total: number; new7: number; new30: number; blocked: number };
  orders: Record<OrderStateName, number>;
  /** Sum of final prices of done orders. */
  revenue: number;
  /** Customers who placed at least one order. */
  buyers: number;
  /** buyers / users.total, 0 when there are no customers. */
  conversion: number;
  tickets: { open: number; closed: number };
  /** Mean seconds from a ticket's creation to the first agent reply; null when no ticket was answered. */
  avgFirstResponseSeconds: number | null;
  /** Mean rating 1–5 of rated tickets; null when none was rated. */
  avgRating: number | null;
  ratedTickets: number;
}

export interface DailyPoint {
  /** Calendar day in the studio's time zone, `YYYY-MM-DD`. */
  day: string;
  orders: number;
  /** New customers (owners and staff are not counted). */
  users: number;
  /** Sum of final prices of the orders placed that day that are done. */
  revenue: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

type Row = Record<string, unknown>;
/** node-postgres and PGlite both answer `execute` with `{ rows }`. */
const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/** Read-only figures for the owner's statistics screen. Every number is one SQL aggregate. */
export class StatsService {
  constructor(
    private readonly db: Executor,
    private readonly ownerIds: readonly number[] = [],
  ) {}

  private customer(alias: string) {
    return sql`not ${isStudioPerson(alias, this.ownerIds)}`;
  }

  /**
   * Users, orders, revenue, conversion and support figures as of `now`.
   * "New in N days" counts users whose first contact is within the last N×24 hours.
   */
  async overview(now = new Date()): Promise<StatsOverview> {
    const since7 = new Date(now.getTime() - 7 * DAY_MS).toISOString();
    const since30 = new Date(now.getTime() - 30 * DAY_MS).toISOString();
    const [userRow] = rowsOf(
      await this.db.execute(sql`
        select count(*)::int as total,
               count(*) filter (where created_on >= ${since7}::timestamptz)::int as new7,
               count(*) filter (where created_on >= ${since30}::timestamptz)::int as new30,
               count(*) filter (where blocked_at is not null)::int as blocked
        from users u where ${this.customer('u')}`),
    );
    const orderRows = rowsOf(
      await this.db.execute(sql`select state::text as state, count(*)::int as n from orders group by state`),
    );
    const [moneyRow] = rowsOf(
      await this.db.execute(sql`
        select coalesce(sum(final_price) filter (where state = 'done'), 0)::bigint as revenue,
               (select count(distinct o.user_id)::int from orders o join users u on u.id = o.user_id
                where ${this.customer('u')}) as buyers
        from orders`),
    );
    const [ticketRow] = rowsOf(
      await this.db.execute(sql`
        select count(*) filter (where state <> 'closed')::int as open,
               count(*) filter (where state = 'closed')::int as closed,
               avg(extract(epoch from (first_response_at - created_at)))
                 filter (where first_response_at is not null) as avg_response,
               avg(rating) filter (where rating is not null) as avg_rating,
               count(rating)::int as rated
        from tickets`),
    );

    const orders: Record<OrderStateName, number> = { created: 0, in_work: 0, done: 0, cancelled: 0 };
    for (const row of orderRows) orders[row.state as OrderStateName] = num(row.n);
    const total = num(userRow?.total);
    const buyers = num(moneyRow?.buyers);
    return {
      users: { total, new7: num(userRow?.new7), new30: num(userRow?.new30), blocked: num(userRow?.blocked) },
      orders,
      revenue: num(moneyRow?.revenue),
      buyers,
      conversion: total === 0 ? 0 : buyers / total,
      tickets: { open: num(ticketRow?.open), closed: num(ticketRow?.closed) },
      avgFirstResponseSeconds: numOrNull(ticketRow?.avg_response),
      avgRating: numOrNull(ticketRow?.avg_rating),
      ratedTickets: num(ticketRow?.rated),
    };
  }

  /**
   * Orders placed, their revenue (done orders) and customers who first came, per calendar day in
   * `timeZone`, for the `days` days ending with today (oldest first; days without activity are zeros).
   */
  async daily(days: number, timeZone: string, now = new Date()): Promise<DailyPoint[]> {
    const at = now.toISOString();
    const result = await this.db.execute(sql`
      with span as (
        select generate_series(
                 (${at}::timestamptz at time zone ${timeZone})::date - ${days - 1}::int,
                 (${at}::timestamptz at time zone ${timeZone})::date,
                 interval '1 day')::date as day
      ),
      o as (
        select (created_on at time zone ${timeZone})::date as day, count(*)::int as n,
               coalesce(sum(final_price) filter (where state = 'done'), 0)::bigint as revenue
        from orders group by 1
      ),
      u as (
        select (u.created_on at time zone ${timeZone})::date as day, count(*)::int as n
        from users u where ${this.customer('u')} group by 1
      )
      select to_char(span.day, 'YYYY-MM-DD') as day,
             coalesce(o.n, 0)::int as orders,
             coalesce(o.revenue, 0)::bigint as revenue,
             coalesce(u.n, 0)::int as users
      from span
      left join o on o.day = span.day
      left join u on u.day = span.day
      order by span.day`);
    return rowsOf(result).map((row) => ({
      day: String(row.day),
      orders: num(row.orders),
      users: num(row.users),
      revenue: num(row.revenue),
    }));
  }

  /**
   * Money actually received, per currency (smallest units: kopecks, or stars), from payments not
   * refunded; payments of owners and staff (test purchases) are left out. The promised figure is
   * {@link StatsOverview.revenue}, from the orders' totals.
   */
  async paidRevenue(): Promise<{ currency: string; amount: number; payments: number }[]> {
    const result = await this.db.execute(sql`
      select p.currency, coalesce(sum(p.amount), 0)::bigint as amount, count(*)::int as n
      from payments p
      join orders o on o.id = p.order_id
      join users u on u.id = o.user_id
      where p.refund_state is distinct from 'refunded' and ${this.customer('u')}
      group by p.currency
      order by p.currency`);
    return rowsOf(result).map((row) => ({
      currency: String(row.currency),
      amount: num(row.amount),
      payments: num(row.n),
    }));
  }
}
