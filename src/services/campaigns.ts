import { eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { broadcastRuns, broadcasts, type CampaignKind, campaignSettings } from '../db/schema/index.js';
import { isBanned } from './bans.js';
import { checkoutProductId, inCheckout } from './checkout-session.js';
import { queryRows } from './raw-query.js';
import { isStudioPerson } from './staff.js';

export type CampaignSetting = typeof campaignSettings.$inferSelect;

export const CAMPAIGNS: readonly CampaignKind[] = ['new_product', 'abandoned', 'winback', 'followup'];

/** Defaults: abandoned order after 3 hours, follow-up 24 hours after /start, win-back after 30 days. */
export const CAMPAIGN_DEFAULT_DELAY: Record<CampaignKind, number> = {
  new_product: 0,
  abandoned: 3,
  winback: 30,
  followup: 24,
};

/** Users and sessions older than this (beyond the delay) are not swept up by a reminder. */
const LOOKBACK = "interval '7 days'";

/** A personal win-back code is valid this long. */
export const WINBACK_CODE_DAYS = 14;

const iso = (date: Date): string => date.toISOString();

/**
 * For campaigns due `delay` hours after an event: events up to `cutoff` are due; events before
 * `since` (a delay before the campaign was switched on) are never picked up retroactively.
 */
function hoursWindow(now: Date, setting: CampaignSetting): { cutoff: Date; since: Date } {
  const delayMs = setting.delay * 3_600_000;
  const cutoff = new Date(now.getTime() - delayMs);
  const since = setting.enabledAt ? new Date(setting.enabledAt.getTime() - delayMs) : cutoff;
  return { cutoff, since };
}

/**
 * The automatic campaigns: settings, and the sweeps that put their messages into the same durable queue
 * as manual broadcasts. Each recipient gets a campaign key at most once (`campaign_sends` primary key),
 * so overlapping sweeps and several bot instances never send twice.
 */
export class CampaignService {
  /**
   * Who an automatic campaign may reach: customers who did not opt out, block the bot or get banned. Owners and
   * staff are left out, as in the owner's own broadcasts' audiences (audiences.ts).
   */
  private readonly reachable: SQL;

  constructor(
    private readonly db: Executor,
    ownerIds: readonly number[] = [],
  ) {
    this.reachable = sql`not u.ads_opt_out and u.blocked_at is null and not ${isStudioPerson('u', ownerIds)}
      and not ${isBanned('u')}`;
  }

  /** The settings of every campaign (rows are created with defaults, switched off). */
  async settings(): Promise<CampaignSetting[]> {
    await this.db
      .insert(campaignSettings)
      .values(CAMPAIGNS.map((campaign) => ({ campaign, delay: CAMPAIGN_DEFAULT_DELAY[campaign] })))
      .onConflictDoNothing();
    const all = await this.db.select().from(campaignSettings);
    return CAMPAIGNS.map((c) => all.find((s) => s.campaign === c)).filter(
      (s): s is CampaignSetting => s !== undefined,
    );
  }

  async setting(campaign: CampaignKind): Promise<CampaignSetting> {
    const found = (await this.settings()).find((s) => s.campaign === campaign);
    if (!found) throw new Error(`campaign ${campaign} has no settings row`);
    return found;
  }

  /** Switches a campaign; switching on stamps enabled_at (older users/products are not swept up). */
  async setEnabled(campaign: CampaignKind, enabled: boolean): Promise<void> {
    await this.settings();
    await this.db
      .update(campaignSettings)
      .set({
        enabled,
        updatedAt: sql`now()`,
        ...(enabled
          ? {
              enabledAt: sql`case when ${campaignSettings.enabled} then ${campaignSettings.enabledAt} else now() end`,
            }
          : {}),
      })
      .where(eq(campaignSettings.campaign, campaign));
  }

  /** Hours (abandoned, follow-up) or days (win-back). */
  async setDelay(campaign: CampaignKind, delay: number): Promise<void> {
    await this.settings();
    await this.db
      .update(campaignSettings)
      .set({ delay, updatedAt: sql`now()` })
      .where(eq(campaignSettings.campaign, campaign));
  }

  async setDiscount(discount: number): Promise<void> {
    await this.settings();
    await this.db
      .update(campaignSettings)
      .set({ discount, updatedAt: sql`now()` })
      .where(eq(campaignSettings.campaign, 'winback'));
  }

  /** A custom (validated HTML) text, or null for the default text in each recipient's language. */
  async setText(campaign: CampaignKind, text: string | null): Promise<void> {
    await this.settings();
    await this.db.transaction(async (tx) => {
      await tx
        .update(campaignSettings)
        .set({ text, updatedAt: sql`now()` })
        .where(eq(campaignSettings.campaign, campaign));
      const carrier = await carrierOf(tx, campaign);
      await tx.update(broadcasts).set({ text, updatedAt: sql`now()` }).where(eq(broadcasts.id, carrier));
    });
  }

  /** The broadcast row that carries a campaign's messages (for its statistics). */
  async carrier(campaign: CampaignKind): Promise<number> {
    return carrierOf(this.db, campaign);
  }

  /**
   * Runs every sweep once at `now`. New-product detection runs even when its campaign is off, so the
   * remembered product states stay current. Returns the number of messages queued per campaign.
   */
  async sweep(now: Date): Promise<Record<CampaignKind, number>> {
    const settings = await this.settings();
    const on = (c: CampaignKind) => settings.find((s) => s.campaign === c);
    const result: Record<CampaignKind, number> = { new_product: 0, abandoned: 0, winback: 0, followup: 0 };
    result.new_product = await this.announceProducts(now, on('new_product'));
    const abandoned = on('abandoned');
    if (abandoned?.enabled) result.abandoned = await this.remindAbandoned(now, abandoned);
    const winback = on('winback');
    if (winback?.enabled) result.winback = await this.winBack(now, winback);
    const followup = on('followup');
    if (followup?.enabled) result.followup = await this.followUp(now, followup);
    return result;
  }

  /**
   * Announces products that became active (new since the campaign was switched on, or re-enabled),
   * once per transition: the remembered state changes with one conditional upsert, so only one sweep
   * sees each transition.
   */
  async announceProducts(now: Date, setting: CampaignSetting | undefined): Promise<number> {
    const enabled = setting?.enabled === true;
    const enabledAt = setting?.enabledAt ? iso(setting.enabledAt) : iso(now);
    return this.db.transaction(async (tx) => {
      const changed = await queryRows<{
        product_id: number;
        announcements: number;
        title: string;
        title_en: string | null;
      }>(
        tx,
        sql`with upserted as (
              insert into product_announcements (product_id, is_active, announcements)
              select p.id, p.is_active,
                     case when ${enabled} and p.is_active and p.created_on >= ${enabledAt}::timestamptz
                          then 1 else 0 end
              from products p
              on conflict (product_id) do update
                set is_active = excluded.is_active, updated_at = now(),
                    announcements = product_announcements.announcements
                      + case when excluded.is_active then 1 else 0 end
                where product_announcements.is_active is distinct from excluded.is_active
              returning product_id, is_active, announcements, (xmax = 0) as inserted)
            select u.product_id, u.announcements, p.title, p.title_en
            from upserted u join products p on p.id = u.product_id
            where ${enabled} and u.is_active
              and (not u.inserted or p.created_on >= ${enabledAt}::timestamptz)
            order by u.product_id`,
      );
      let queued = 0;
      for (const product of changed) {
        // One run per product: a user gets each announcement.
        queued += await enqueue(
          tx,
          'new_product',
          sql`select u.id as user_id, ${`product:${product.product_id}:${product.announcements}`}::text as key,
                     jsonb_build_object('productId', ${product.product_id}::int, 'product', ${product.title}::text,
                                        'productEn', ${product.title_en}::text) as vars
              from users u where ${this.reachable}`,
        );
      }
      return queued;
    });
  }

  /**
   * Reminds users whose ordering dialog has been idle for `delay` hours, once per user and product.
   */
  async remindAbandoned(now: Date, setting: CampaignSetting): Promise<number> {
    const { cutoff, since } = hoursWindow(now, setting);
    return this.db.transaction((tx) =>
      enqueue(
        tx,
        'abandoned',
        sql`select u.id as user_id, 'abandoned:' || p.id as key,
                   jsonb_build_object('productId', p.id, 'product', p.title, 'productEn', p.title_en) as vars
            from sessions s
            join users u on s.key = u.telegram_id::text
            join products p on p.id::text = ${checkoutProductId(sql`s.value`)}
            where ${inCheckout(sql`s.value`)}
              and s.updated_at <= ${iso(cutoff)}::timestamptz
              and s.updated_at > greatest(${iso(cutoff)}::timestamptz - ${sql.raw(LOOKBACK)}, ${iso(since)}::timestamptz)
              and p.is_active and ${this.reachable}
              -- An order of that product placed after the dialog's last saved step means it was
              -- finished, even if the session row has not been cleared yet.
              and not exists (select 1 from orders o
                              where o.user_id = u.id and o.product_id = p.id and o.created_on >= s.updated_at)`,
      ),
    );
  }

  /**
   * A personal single-use promo code for users inactive for `delay` days: once per inactive spell
   * (the key carries the last-seen day).
   */
  async winBack(now: Date, setting: CampaignSetting): Promise<number> {
    const cutoff = new Date(now.getTime() - setting.delay * 86_400_000);
    const expires = new Date(now.getTime() + WINBACK_CODE_DAYS * 86_400_000);
    return this.db.transaction(async (tx) => {
      const runId = await openRun(tx, 'winback');
      const inserted = await queryRows<{ n: number }>(
        tx,
        sql`with cand as (
              select u.id as user_id, 'winback:' || to_char(u.last_seen_at at time zone 'UTC', 'YYYYMMDD') as key
              from users u where u.last_seen_at <= ${iso(cutoff)}::timestamptz and ${this.reachable}),
            sends as (
              insert into campaign_sends (key, user_id) select key, user_id from cand
              on conflict do nothing returning user_id),
            codes as (
              insert into promo_codes (code, kind, value, max_uses, per_user_limit, owner_user_id, expires_at)
              select 'BACK' || upper(substr(md5(random()::text || s.user_id::text || clock_timestamp()::text), 1, 8)),
                     'percent', ${setting.discount}, 1, 1, s.user_id, ${iso(expires)}::timestamptz
              from sends s
              returning owner_user_id, code),
            ins as (
              insert into broadcast_deliveries (run_id, user_id, vars)
              select ${runId}, c.owner_user_id,
                     jsonb_build_object('code', c.code, 'discount', ${setting.discount}::int)
              from codes c order by c.owner_user_id
              on conflict do nothing returning 1)
            select count(*)::int as n from ins`,
      );
      return closeRun(tx, runId, Number(inserted[0]?.n ?? 0));
    });
  }

  /** A follow-up `delay` hours after /start for users who have not ordered. */
  async followUp(now: Date, setting: CampaignSetting): Promise<number> {
    const { cutoff, since } = hoursWindow(now, setting);
    return this.db.transaction((tx) =>
      enqueue(
        tx,
        'followup',
        sql`select u.id as user_id, 'followup'::text as key, null::jsonb as vars
            from users u
            where u.created_on <= ${iso(cutoff)}::timestamptz
              and u.created_on > greatest(${iso(cutoff)}::timestamptz - ${sql.raw(LOOKBACK)}, ${iso(since)}::timestamptz)
              and not exists (select 1 from orders o where o.user_id = u.id)
              and ${this.reachable}`,
      ),
    );
  }
}

/** The carrier broadcast of a campaign, created on first use (unique per campaign). */
async function carrierOf(db: Executor, campaign: CampaignKind): Promise<number> {
  await db.execute(
    sql`insert into broadcasts (kind, campaign, state, schedule_kind)
        values ('campaign', ${campaign}, 'sent', 'now')
        on conflict (campaign) where kind = 'campaign' do nothing`,
  );
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`select id from broadcasts where kind = 'campaign' and campaign = ${campaign}`,
  );
  if (!row) throw new Error(`no carrier broadcast for campaign ${campaign}`);
  return Number(row.id);
}

async function openRun(tx: Executor, campaign: CampaignKind): Promise<number> {
  const broadcastId = await carrierOf(tx, campaign);
  // Campaign runs are not occurrences of a schedule: each sweep's run is stamped with the clock.
  const [run] = await tx
    .insert(broadcastRuns)
    .values({ broadcastId, scheduledFor: sql`clock_timestamp()` })
    .returning({ id: broadcastRuns.id });
  if (!run) throw new Error(`campaign ${campaign}: run insert returned no row`);
  return run.id;
}

/** Sets the run's total, or deletes an empty run. Returns the total. */
async function closeRun(tx: Executor, runId: number, total: number): Promise<number> {
  if (total === 0) {
    await tx.delete(broadcastRuns).where(eq(broadcastRuns.id, runId));
    return 0;
  }
  await tx.update(broadcastRuns).set({ total }).where(eq(broadcastRuns.id, runId));
  return total;
}

/**
 * Queues one message per candidate (user_id, key, vars) whose key this user has not had yet.
 * One run per call.
 */
async function enqueue(tx: Executor, campaign: CampaignKind, candidates: SQL): Promise<number> {
  const runId = await openRun(tx, campaign);
  const inserted = await queryRows<{ n: number }>(
    tx,
    sql`with cand as (${candidates}),
        sends as (
          insert into campaign_sends (key, user_id) select distinct on (user_id) key, user_id from cand
          order by user_id, key
          on conflict do nothing returning key, user_id),
        ins as (
          insert into broadcast_deliveries (run_id, user_id, vars)
          select ${runId}, s.user_id, c.vars from sends s join cand c on c.user_id = s.user_id and c.key = s.key
          order by s.user_id
          on conflict do nothing returning 1)
        select count(*)::int as n from ins`,
  );
  return closeRun(tx, runId, Number(inserted[0]?.n ?? 0));
}
