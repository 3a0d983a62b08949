import { type Composer, InlineKeyboard } from 'grammy';
import { z } from 'zod';
import type { AdButton, Audience, CampaignKind } from '../../db/schema/index.js';
import { fillPlaceholders, renderAd } from '../../jobs/ad-message.js';
import { renderProgress } from '../../jobs/progress.js';
import {
  dailyCron,
  isValidCron,
  nextCron,
  parseLocalDateTime,
  parseTime,
  WEEKDAYS,
  weeklyCron,
} from '../../jobs/schedule.js';
import type { Broadcast } from '../../services/broadcasts.js';
import { CAMPAIGNS } from '../../services/campaigns.js';
import { EntityParseError, parseHtml } from '../../telegram/html.js';
import { formatDateTime } from '../../text/format.js';
import { adminSection, isAdminCtx, stillAdmin } from '../access.js';
import type { BotContext, BotDeps } from '../context.js';
import { answersDialog, endDialog, readDialog, startDialog } from '../dialog.js';
import { addPageRow, clampPage, pageCount } from '../keyboards/pagination.js';
import { showScreen } from './admin/menu.js';
import { showProduct } from './catalog/index.js';

/**
 * The advertising section of the admin panel (`bc:` callbacks, entered from the admin menu or
 * /broadcast): compose (HTML text, photo, buttons), preview, audience, schedule, confirm; run control
 * from the progress message; statistics; the automatic campaigns. And the `bc_<broadcast>_<product>`
 * deep link of "open product" buttons (records the click, then shows the product).
 *
 * Callback data: `bc:menu`, `bc:new`, `bc:d:<id>` draft, `bc:pv:<id>` preview, `bc:bu:<id>` URL button,
 * `bc:bp:<id>:<page>` product picker, `bc:bpp:<id>:<product>`, `bc:bx:<id>` remove buttons,
 * `bc:tx:<id>` new text, `bc:au:<id>` audience, `bc:as:<id>:<kind>[:<lang>]`, `bc:sc:<id>` schedule,
 * `bc:ss:<id>:<kind>`, `bc:ok:<id>` confirm screen, `bc:go:<id>` confirm, `bc:del:<id>`,
 * `bc:list:<page>`, `bc:v:<id>` / `bc:stats:<id>`, `bc:unsch:<id>`, `bc:pause|resume|cancel:<run>`,
 * `bc:auto`, `bc:ac:<campaign>`, `bc:at:<campaign>` toggle, `bc:ad:<campaign>` delay, `bc:ax:<campaign>`
 * text, `bc:ar:<campaign>` default text, `bc:ap` win-back discount.
 */
const DIALOG = 'broadcast';
const dialogData = z.object({
  draftId: z.number().int().optional(),
  campaign: z.enum(['new_product', 'abandoned', 'winback', 'followup']).optional(),
});

const MAX_BUTTONS = 6;
const LIST_PAGE = 8;
const PRODUCT_PAGE = 8;
const SAMPLE = { name: 'Anna', product: 'Landing page', code: 'BACK1A2B3C4D', discount: 10 };

type Validation = { ok: true } | { ok: false; reason: string; max?: number };

/** Checks HTML against Telegram's rules and its length limits (text 4096, caption 1024). */
export function validateAdHtml(source: string, withPhoto: boolean): Validation {
  try {
    const parsed = parseHtml(fillPlaceholders(source, SAMPLE));
    const max = withPhoto ? 1024 : 4096;
    if (parsed.text.trim().length === 0) return { ok: false, reason: 'empty' };
    if (parsed.text.length > max) return { ok: false, reason: `longer than ${max} characters`, max };
    return { ok: true };
  } catch (error) {
    if (error instanceof EntityParseError) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** The admin's answer to HTML that failed validation: our own checks in their language, Telegram's reason as is. */
function badHtmlText(ctx: BotContext, check: { reason: string; max?: number }): string {
  if (check.reason === 'empty') return ctx.t('bc-html-empty');
  if (check.max !== undefined) return ctx.t('bc-html-too-long', { max: check.max });
  return ctx.t('bc-bad-html', { reason: check.reason });
}

function audienceLabel(ctx: BotContext, audience: Audience): string {
  return audience.kind === 'language'
    ? ctx.t('bc-aud-language', { language: audience.language })
    : ctx.t(`bc-aud-${audience.kind}`);
}

function scheduleLabel(ctx: BotContext, b: Broadcast): string {
  const tz = ctx.deps.config.timezone;
  const when = b.nextRunAt ? formatDateTime(b.nextRunAt, ctx.locale, tz) : '—';
  switch (b.scheduleKind) {
    case 'now':
      return ctx.t('bc-sched-now');
    case 'once':
      return ctx.t('bc-sched-once', { when });
    default:
      return ctx.t('bc-sched-recurring', { cron: b.cron ?? '', when, tz });
  }
}

async function showMenu(ctx: BotContext): Promise<void> {
  const keyboard = new InlineKeyboard()
    .text(ctx.t('bc-btn-new'), 'bc:new')
    .row()
    .text(ctx.t('bc-btn-list'), 'bc:list:0')
    .row()
    .text(ctx.t('bc-btn-auto'), 'bc:auto')
    .row()
    .text(ctx.t('admin-btn-back'), 'adm:menu');
  await showScreen(ctx, ctx.t('bc-menu'), keyboard);
}

async function showDraft(ctx: BotContext, b: Broadcast): Promise<void> {
  const count = await ctx.deps.services.audiences.count(b.audience);
  const buttons = b.buttons.map((btn) => `• ${btn.text}`).join('\n');
  const text = ctx.t('bc-draft', {
    id: b.id,
    photo: b.photo ? ctx.t('bc-yes') : ctx.t('bc-no'),
    buttons: buttons || '—',
    audience: audienceLabel(ctx, b.audience),
    count,
    schedule: scheduleLabel(ctx, b),
  });
  const keyboard = new InlineKeyboard()
    .text(ctx.t('bc-btn-preview'), `bc:pv:${b.id}`)
    .text(ctx.t('bc-btn-text'), `bc:tx:${b.id}`)
    .row();
  if (b.buttons.length < MAX_BUTTONS) {
    keyboard
      .text(ctx.t('bc-btn-add-url'), `bc:bu:${b.id}`)
      .text(ctx.t('bc-btn-add-product'), `bc:bp:${b.id}:0`);
    keyboard.row();
  }
  if (b.buttons.length > 0) keyboard.text(ctx.t('bc-btn-clear-buttons'), `bc:bx:${b.id}`).row();
  keyboard
    .text(ctx.t('bc-btn-audience'), `bc:au:${b.id}`)
    .text(ctx.t('bc-btn-schedule'), `bc:sc:${b.id}`)
    .row()
    .text(ctx.t('bc-btn-confirm'), `bc:ok:${b.id}`)
    .text(ctx.t('bc-btn-delete'), `bc:del:${b.id}`)
    .row()
    .text(ctx.t('admin-btn-back'), 'bc:menu');
  await showScreen(ctx, text, keyboard);
}

async function showStats(ctx: BotContext, id: number): Promise<void> {
  const { broadcasts } = ctx.deps.services;
  const b = await broadcasts.get(id);
  if (!b) {
    await showScreen(
      ctx,
      ctx.t('bc-not-found'),
      new InlineKeyboard().text(ctx.t('admin-btn-back'), 'bc:list:0'),
    );
    return;
  }
  if (b.state === 'draft') return showDraft(ctx, b);
  const s = await broadcasts.stats(id);
  const runs = await broadcasts.runsOf(id);
  const text = ctx.t('bc-stats', {
    id,
    state: ctx.t(`bc-state-${b.state}`),
    schedule: scheduleLabel(ctx, b),
    runs: s.runs,
    total: s.total,
    delivered: s.delivered,
    unconfirmed: s.unconfirmed,
    failed: s.failed,
    blocked: s.blocked,
    skipped: s.skipped,
    pending: s.pending,
    clicks: s.clicks,
    clickers: s.clickers,
    orders: s.orders,
  });
  const keyboard = new InlineKeyboard();
  const live = runs.find((r) => r.state === 'running' || r.state === 'paused');
  if (live?.state === 'running') keyboard.text(ctx.t('bc-btn-pause'), `bc:pause:${live.id}`);
  if (live?.state === 'paused') keyboard.text(ctx.t('bc-btn-resume'), `bc:resume:${live.id}`);
  if (live) keyboard.text(ctx.t('bc-btn-cancel-run'), `bc:cancel:${live.id}`).row();
  if (b.state === 'scheduled') keyboard.text(ctx.t('bc-btn-unschedule'), `bc:unsch:${id}`).row();
  keyboard.text(ctx.t('bc-btn-refresh'), `bc:v:${id}`).row();
  keyboard.text(ctx.t('admin-btn-back'), b.kind === 'campaign' ? 'bc:auto' : 'bc:list:0');
  await showScreen(ctx, text, keyboard);
}

/** What a recipient reads of an ad's HTML (tags gone, `&amp;` as `&`), for list labels. */
function visibleText(source: string): string {
  try {
    return parseHtml(source).text;
  } catch {
    return source.replace(/<[^>]*>/g, '');
  }
}

async function showList(ctx: BotContext, page: number): Promise<void> {
  const { broadcasts } = ctx.deps.services;
  const pages = pageCount(await broadcasts.countManual(), LIST_PAGE);
  const at = clampPage(page, pages);
  const list = await broadcasts.listRecent(LIST_PAGE, at * LIST_PAGE);
  const keyboard = new InlineKeyboard();
  for (const b of list) {
    const plain = [...visibleText(b.text ?? '')].slice(0, 30).join('');
    keyboard.text(`${ctx.t(`bc-state-icon-${b.state}`)} #${b.id} ${plain}`, `bc:v:${b.id}`).row();
  }
  addPageRow(keyboard, at, pages, (p) => `bc:list:${p}`);
  keyboard.row().text(ctx.t('admin-btn-back'), 'bc:menu');
  await showScreen(ctx, list.length > 0 ? ctx.t('bc-list') : ctx.t('bc-list-empty'), keyboard);
}

async function showCampaigns(ctx: BotContext): Promise<void> {
  const settings = await ctx.deps.services.campaigns.settings();
  const keyboard = new InlineKeyboard();
  for (const s of settings) {
    keyboard
      .text(`${s.enabled ? '✅' : '⛔'} ${ctx.t(`bc-camp-${s.campaign}`)}`, `bc:ac:${s.campaign}`)
      .row();
  }
  keyboard.text(ctx.t('admin-btn-back'), 'bc:menu');
  await showScreen(ctx, ctx.t('bc-auto'), keyboard);
}

async function showCampaign(ctx: BotContext, campaign: CampaignKind): Promise<void> {
  const { campaigns } = ctx.deps.services;
  const s = await campaigns.setting(campaign);
  const carrier = await campaigns.carrier(campaign);
  const text = ctx.t('bc-camp-detail', {
    name: ctx.t(`bc-camp-${campaign}`),
    about: ctx.t(`bc-camp-${campaign}-about`, { n: s.delay, discount: s.discount }),
    state: s.enabled ? ctx.t('bc-on') : ctx.t('bc-off'),
    text: s.text ?? ctx.t('bc-camp-default-text'),
  });
  const keyboard = new InlineKeyboard()
    .text(s.enabled ? ctx.t('bc-btn-turn-off') : ctx.t('bc-btn-turn-on'), `bc:at:${campaign}`)
    .row();
  if (campaign !== 'new_product') keyboard.text(ctx.t('bc-btn-delay'), `bc:ad:${campaign}`);
  if (campaign === 'winback') keyboard.text(ctx.t('bc-btn-discount'), 'bc:ap');
  keyboard
    .row()
    .text(ctx.t('bc-btn-camp-text'), `bc:ax:${campaign}`)
    .text(ctx.t('bc-btn-camp-default'), `bc:ar:${campaign}`)
    .row()
    .text(ctx.t('bc-btn-stats'), `bc:v:${carrier}`)
    .row()
    .text(ctx.t('admin-btn-back'), 'bc:auto');
  await showScreen(ctx, text, keyboard);
}

/** Sends the ad to the admin exactly as a recipient sees it (same renderer as the sender). */
async function sendPreview(ctx: BotContext, b: Broadcast): Promise<void> {
  const ad = renderAd(
    ctx.deps.translator,
    ctx.locale,
    b,
    null,
    { firstName: ctx.user.firstName },
    ctx.me.username,
  );
  if (ad.photo) {
    await ctx.api.sendPhoto(ctx.chat!.id, ad.photo, {
      caption: ad.text,
      parse_mode: 'HTML',
      reply_markup: ad.reply_markup,
    });
  } else {
    await ctx.api.sendMessage(ctx.chat!.id, ad.text, {
      parse_mode: 'HTML',
      reply_markup: ad.reply_markup,
      link_preview_options: { is_disabled: true },
    });
  }
}

/** The draft the callback names, still a draft; otherwise tells the admin and returns undefined. */
async function draftOf(ctx: BotContext, id: number): Promise<Broadcast | undefined> {
  const b = await ctx.deps.services.broadcasts.get(id);
  if (b?.state === 'draft') return b;
  await ctx.answerCallbackQuery({ text: ctx.t('bc-not-draft'), show_alert: true });
  return undefined;
}

/**
 * A draft's schedule as of now, before it is confirmed: a one-off time that has passed meanwhile is
 * refused (answered, undefined is returned) rather than fired at once; a recurring schedule whose stored
 * next occurrence has passed moves on to the next one from now.
 */
async function currentSchedule(ctx: BotContext, b: Broadcast): Promise<Broadcast | undefined> {
  if (b.scheduleKind === 'now' || !b.nextRunAt || b.nextRunAt.getTime() > Date.now()) return b;
  if (b.scheduleKind === 'once' || !b.cron) {
    await ctx.answerCallbackQuery({ text: ctx.t('bc-confirm-past'), show_alert: true });
    return undefined;
  }
  const next = nextCron(b.cron, new Date(), ctx.deps.config.timezone);
  return (next && (await ctx.deps.services.broadcasts.updateDraft(b.id, { nextRunAt: next }))) || b;
}

async function ask(ctx: BotContext, step: string, key: string, data: Record<string, unknown>, vars = {}) {
  startDialog(ctx, DIALOG, step, data);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t(key, vars), { reply_markup: { force_reply: true } });
}

const WEEKDAY_NAMES: Record<string, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  вс: 0,
  пн: 1,
  вт: 2,
  ср: 3,
  чт: 4,
  пт: 5,
  сб: 6,
};

export function broadcastsFeature(deps: BotDeps): Composer<BotContext> {
  const { composer, admin } = adminSection('bc');

  deps.deepLinks.register('bc', async (ctx, argument) => {
    const match = /^(\d{1,9})_(\d{1,9})$/.exec(argument);
    if (!match) {
      await ctx.reply(ctx.t('bc-link-invalid'));
      return;
    }
    const productId = Number(match[2]);
    await ctx.deps.services.broadcasts.recordClick(Number(match[1]), ctx.user.id, productId);
    await showProduct(ctx, productId);
  });

  composer.chatType('private').command('broadcast', async (ctx, next) => {
    if (!isAdminCtx(ctx)) return next();
    endDialog(ctx);
    await showMenu(ctx);
  });

  admin.callbackQuery('bc:menu', async (ctx) => {
    await ctx.answerCallbackQuery();
    endDialog(ctx);
    await showMenu(ctx);
  });

  admin.callbackQuery('bc:new', (ctx) => ask(ctx, 'text', 'bc-ask-text', {}));

  admin.callbackQuery(/^bc:tx:(\d+)$/, async (ctx) => {
    const b = await draftOf(ctx, Number(ctx.match[1]));
    if (b) await ask(ctx, 'text', 'bc-ask-text', { draftId: b.id });
  });

  admin.callbackQuery(/^bc:d:(\d+)$/, async (ctx) => {
    const b = await draftOf(ctx, Number(ctx.match[1]));
    if (!b) return;
    await ctx.answerCallbackQuery();
    await showDraft(ctx, b);
  });

  admin.callbackQuery(/^bc:pv:(\d+)$/, async (ctx) => {
    const b = await ctx.deps.services.broadcasts.get(Number(ctx.match[1]));
    if (!b) {
      await ctx.answerCallbackQuery({ text: ctx.t('bc-not-found'), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t('bc-preview-sent') });
    await sendPreview(ctx, b);
  });

  admin.callbackQuery(/^bc:bu:(\d+)$/, async (ctx) => {
    const b = await draftOf(ctx, Number(ctx.match[1]));
    if (b) await ask(ctx, 'url', 'bc-ask-url', { draftId: b.id });
  });

  admin.callbackQuery(/^bc:bp:(\d+):(\d+)$/, async (ctx) => {
    const b = await draftOf(ctx, Number(ctx.match[1]));
    if (!b) return;
    await ctx.answerCallbackQuery();
    const all = await ctx.deps.services.broadcasts.productChoices(200);
    const pages = pageCount(all.length, PRODUCT_PAGE);
    const at = clampPage(Number(ctx.match[2]), pages);
    const keyboard = new InlineKeyboard();
    for (const p of all.slice(at * PRODUCT_PAGE, (at + 1) * PRODUCT_PAGE)) {
      keyboard.text(p.title, `bc:bpp:${b.id}:${p.id}`).row();
    }
    addPageRow(keyboard, at, pages, (p) => `bc:bp:${b.id}:${p}`);
    keyboard.row().text(ctx.t('admin-btn-back'), `bc:d:${b.id}`);
    await showScreen(ctx, all.length > 0 ? ctx.t('bc-pick-product') : ctx.t('bc-no-products'), keyboard);
  });

  admin.callbackQuery(/^bc:bpp:(\d+):(\d+)$/, async (ctx) => {
    const b = await draftOf(ctx, Number(ctx.match[1]));
    if (!b) return;
    const product = await ctx.deps.services.broadcasts.product(Number(ctx.match[2]));
    if (!product?.isActive || b.buttons.length >= MAX_BUTTONS) {
      await ctx.answerCallbackQuery({ text: ctx.t('bc-product-unavailable'), show_alert: true });
      return;
    }
    const button: AdButton = { kind: 'product', text: `🛍 ${product.title}`, productId: product.id };
    const updated = await ctx.deps.services.broadcasts.updateDraft(b.id, { buttons: [...b.buttons, button] });
    await ctx.answerCallbackQuery();
    if (updated) await showDraft(ctx, updated);
  });

  admin.callbackQuery(/^bc:bx:(\d+)$/, async (ctx) => {
    const b = await draftOf(ctx, Number(ctx.match[1]));
    if (!b) return;
    const updated = await ctx.deps.services.broadcasts.updateDraft(b.id, { buttons: [] });
    await ctx.answerCallbackQuery();
    if (updated) await showDraft(ctx, updated);
  });

  admin.callbackQuery(/^bc:au:(\d+)$/, async (ctx) => {
    const b = await draftOf(ctx, Number(ctx.match[1]));
    if (!b) return;
    await ctx.answerCallbackQuery();
    const { audiences } = ctx.deps.services;
    const keyboard = new InlineKeyboard();
    for (const kind of ['all', 'customers', 'no_orders', 'abandoned'] as const) {
      const n = await audiences.count({ kind });
      keyboard.text(`${ctx.t(`bc-aud-${kind}`)} (${n})`, `bc:as:${b.id}:${kind}`).row();
    }
    for (const { language, users } of await audiences.languages()) {
      if (!/^[a-z]{2}$/.test(language)) continue;
      keyboard
        .text(`${ctx.t('bc-aud-language', { language })} (${users})`, `bc:as:${b.id}:language:${language}`)
        .row();
    }
    keyboard.text(ctx.t('admin-btn-back'), `bc:d:${b.id}`);
    await showScreen(ctx, ctx.t('bc-pick-audience'), keyboard);
  });

  admin.callbackQuery(
    /^bc:as:(\d+):(all|customers|no_orders|abandoned|language)(?::([a-z]{2}))?$/,
    async (ctx) => {
      const b = await draftOf(ctx, Number(ctx.match[1]));
      if (!b) return;
      const kind = ctx.match[2] as Audience['kind'];
      const audience: Audience =
        kind === 'language' ? { kind, language: ctx.match[3] ?? ctx.deps.config.defaultLocale } : { kind };
      const updated = await ctx.deps.services.broadcasts.updateDraft(b.id, { audience });
      await ctx.answerCallbackQuery();
      if (updated) await showDraft(ctx, updated);
    },
  );

  admin.callbackQuery(/^bc:sc:(\d+)$/, async (ctx) => {
    const b = await draftOf(ctx, Number(ctx.match[1]));
    if (!b) return;
    await ctx.answerCallbackQuery();
    const keyboard = new InlineKeyboard();
    for (const kind of ['now', 'once', 'daily', 'weekly', 'cron'] as const) {
      keyboard.text(ctx.t(`bc-btn-sched-${kind}`), `bc:ss:${b.id}:${kind}`).row();
    }
    keyboard.text(ctx.t('admin-btn-back'), `bc:d:${b.id}`);
    await showScreen(ctx, ctx.t('bc-pick-schedule', { tz: ctx.deps.config.timezone }), keyboard);
  });

  admin.callbackQuery(/^bc:ss:(\d+):(now|once|daily|weekly|cron)$/, async (ctx) => {
    const b = await draftOf(ctx, Number(ctx.match[1]));
    if (!b) return;
    const kind = ctx.match[2] as 'now' | 'once' | 'daily' | 'weekly' | 'cron';
    if (kind === 'now') {
      const updated = await ctx.deps.services.broadcasts.updateDraft(b.id, {
        scheduleKind: 'now',
        cron: null,
        nextRunAt: null,
      });
      await ctx.answerCallbackQuery();
      if (updated) await showDraft(ctx, updated);
      return;
    }
    await ask(ctx, kind, `bc-ask-${kind}`, { draftId: b.id }, { tz: ctx.deps.config.timezone });
  });

  admin.callbackQuery(/^bc:ok:(\d+)$/, async (ctx) => {
    const draft = await draftOf(ctx, Number(ctx.match[1]));
    const b = draft && (await currentSchedule(ctx, draft));
    if (!b) return;
    await ctx.answerCallbackQuery();
    const count = await ctx.deps.services.audiences.count(b.audience);
    const keyboard = new InlineKeyboard()
      .text(ctx.t('bc-btn-go'), `bc:go:${b.id}`)
      .row()
      .text(ctx.t('admin-btn-back'), `bc:d:${b.id}`);
    await showScreen(
      ctx,
      ctx.t('bc-confirm', {
        count,
        audience: audienceLabel(ctx, b.audience),
        schedule: scheduleLabel(ctx, b),
      }),
      keyboard,
    );
  });

  admin.callbackQuery(/^bc:go:(\d+)$/, async (ctx) => {
    const id = Number(ctx.match[1]);
    const draft = await ctx.deps.services.broadcasts.get(id);
    if (draft?.state === 'draft' && !(await currentSchedule(ctx, draft))) return;
    const result = await ctx.deps.services.broadcasts.confirm(id, new Date(), ctx.from.id);
    if (!result.ok) {
      await ctx.answerCallbackQuery({ text: ctx.t(`bc-confirm-${result.reason}`), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    const keyboard = new InlineKeyboard().text(ctx.t('bc-btn-stats'), `bc:v:${id}`);
    const text = result.run
      ? ctx.t('bc-started', { id, total: result.run.total })
      : ctx.t('bc-scheduled', { id, schedule: scheduleLabel(ctx, result.broadcast) });
    await showScreen(ctx, text, keyboard);
  });

  admin.callbackQuery(/^bc:del:(\d+)$/, async (ctx) => {
    const deleted = await ctx.deps.services.broadcasts.deleteDraft(Number(ctx.match[1]));
    await ctx.answerCallbackQuery({ text: ctx.t(deleted ? 'bc-deleted' : 'bc-not-draft') });
    await showMenu(ctx);
  });

  admin.callbackQuery(/^bc:list:(\d+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showList(ctx, Number(ctx.match[1]));
  });

  admin.callbackQuery(/^bc:(?:v|stats):(\d+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showStats(ctx, Number(ctx.match[1]));
  });

  admin.callbackQuery(/^bc:unsch:(\d+)$/, async (ctx) => {
    const id = Number(ctx.match[1]);
    const done = await ctx.deps.services.broadcasts.cancelSchedule(id);
    await ctx.answerCallbackQuery({ text: ctx.t(done ? 'bc-unscheduled' : 'bc-not-scheduled') });
    await showStats(ctx, id);
  });

  admin.callbackQuery(/^bc:(pause|resume|cancel):(\d+)$/, async (ctx) => {
    const action = ctx.match[1] as 'pause' | 'resume' | 'cancel';
    const runId = Number(ctx.match[2]);
    const { broadcasts } = ctx.deps.services;
    const changed = await broadcasts[action](runId);
    await ctx.answerCallbackQuery({ text: ctx.t(changed ? `bc-run-${action}d` : 'bc-run-unchanged') });
    const progress = await broadcasts.progress(runId);
    const message = ctx.callbackQuery.message;
    if (!progress || !message) return;
    if (progress.run.progressMessageId === message.message_id) {
      const { text, keyboard } = renderProgress(ctx.t, progress, 0);
      await showScreen(ctx, text, keyboard);
    } else {
      await showStats(ctx, progress.run.broadcastId);
    }
  });

  admin.callbackQuery('bc:auto', async (ctx) => {
    await ctx.answerCallbackQuery();
    await showCampaigns(ctx);
  });

  const campaignPattern = `(${CAMPAIGNS.join('|')})`;
  admin.callbackQuery(new RegExp(`^bc:ac:${campaignPattern}$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    await showCampaign(ctx, ctx.match[1] as CampaignKind);
  });

  admin.callbackQuery(new RegExp(`^bc:at:${campaignPattern}$`), async (ctx) => {
    const campaign = ctx.match[1] as CampaignKind;
    const s = await ctx.deps.services.campaigns.setting(campaign);
    await ctx.deps.services.campaigns.setEnabled(campaign, !s.enabled);
    await ctx.answerCallbackQuery({ text: ctx.t(s.enabled ? 'bc-camp-turned-off' : 'bc-camp-turned-on') });
    await showCampaign(ctx, campaign);
  });

  admin.callbackQuery(new RegExp(`^bc:ad:${campaignPattern}$`), (ctx) =>
    ask(ctx, 'delay', `bc-ask-delay-${ctx.match[1] === 'winback' ? 'days' : 'hours'}`, {
      campaign: ctx.match[1],
    }),
  );

  admin.callbackQuery('bc:ap', (ctx) => ask(ctx, 'discount', 'bc-ask-discount', { campaign: 'winback' }));

  admin.callbackQuery(new RegExp(`^bc:ax:${campaignPattern}$`), (ctx) =>
    ask(ctx, 'camp-text', 'bc-ask-camp-text', { campaign: ctx.match[1] }),
  );

  admin.callbackQuery(new RegExp(`^bc:ar:${campaignPattern}$`), async (ctx) => {
    const campaign = ctx.match[1] as CampaignKind;
    await ctx.deps.services.campaigns.setText(campaign, null);
    await ctx.answerCallbackQuery({ text: ctx.t('bc-camp-text-reset') });
    await showCampaign(ctx, campaign);
  });

  // Free-text answers of the dialog. The role is re-checked: a demoted admin's dialog ends here.
  composer.on(['message:text', 'message:photo']).filter(answersDialog(DIALOG), async (ctx) => {
    if (!(await stillAdmin(ctx))) return;
    const dialog = readDialog(ctx, DIALOG, dialogData);
    if (!dialog) return;
    const { broadcasts, campaigns } = ctx.deps.services;
    const input = (ctx.message.text ?? ctx.message.caption ?? '').trim();
    const draftId = dialog.data.draftId;
    const showUpdated = async (b: Broadcast | undefined) => {
      endDialog(ctx);
      if (b) await showDraft(ctx, b);
      else await ctx.reply(ctx.t('bc-not-draft'));
    };

    switch (dialog.step) {
      case 'text': {
        const photo = ctx.message.photo?.at(-1)?.file_id ?? null;
        const existing = draftId === undefined ? undefined : await broadcasts.get(draftId);
        const keepPhoto = photo ?? (ctx.message.photo ? null : (existing?.photo ?? null));
        const check = validateAdHtml(input, keepPhoto !== null);
        if (!check.ok) {
          await ctx.reply(badHtmlText(ctx, check));
          return;
        }
        if (draftId === undefined) {
          return showUpdated(await broadcasts.createDraft(ctx.from.id, { text: input, photo }));
        }
        return showUpdated(
          await broadcasts.updateDraft(draftId, { text: input, ...(photo ? { photo } : {}) }),
        );
      }
      case 'url': {
        const match = /^(.{1,64}?)\s*\|\s*(https?:\/\/\S+)$/u.exec(input);
        let url: URL | undefined;
        try {
          url = match ? new URL(match[2] as string) : undefined;
        } catch {
          url = undefined;
        }
        const b = draftId === undefined ? undefined : await broadcasts.get(draftId);
        if (!match || !url || !b) {
          await ctx.reply(ctx.t('bc-bad-url'));
          return;
        }
        const button: AdButton = { kind: 'url', text: (match[1] as string).trim(), url: url.toString() };
        return showUpdated(
          await broadcasts.updateDraft(b.id, { buttons: [...b.buttons, button].slice(0, MAX_BUTTONS) }),
        );
      }
      case 'once': {
        const at = parseLocalDateTime(input, ctx.deps.config.timezone);
        if (!at || at.getTime() <= Date.now()) {
          await ctx.reply(ctx.t('bc-bad-date', { tz: ctx.deps.config.timezone }));
          return;
        }
        if (draftId === undefined) return;
        return showUpdated(
          await broadcasts.updateDraft(draftId, { scheduleKind: 'once', cron: null, nextRunAt: at }),
        );
      }
      case 'daily':
      case 'weekly':
      case 'cron': {
        let cron: string | undefined;
        if (dialog.step === 'daily') {
          const time = parseTime(input);
          cron = time ? dailyCron(time.hour, time.minute) : undefined;
        } else if (dialog.step === 'weekly') {
          const [dayWord, timeWord] = input.toLowerCase().split(/\s+/);
          const day =
            dayWord === undefined
              ? undefined
              : (WEEKDAY_NAMES[dayWord.slice(0, 3)] ?? WEEKDAY_NAMES[dayWord.slice(0, 2)]);
          const time = timeWord ? parseTime(timeWord) : undefined;
          cron = day !== undefined && time ? weeklyCron(day, time.hour, time.minute) : undefined;
        } else if (isValidCron(input)) {
          cron = input.split(/\s+/).join(' ');
        }
        const next = cron ? nextCron(cron, new Date(), ctx.deps.config.timezone) : undefined;
        if (!cron || !next || draftId === undefined) {
          await ctx.reply(ctx.t(`bc-bad-${dialog.step}`, { days: WEEKDAYS.join(', ') }));
          return;
        }
        return showUpdated(
          await broadcasts.updateDraft(draftId, { scheduleKind: dialog.step, cron, nextRunAt: next }),
        );
      }
      case 'delay':
      case 'discount': {
        const campaign = dialog.data.campaign;
        const n = /^\d{1,4}$/.test(input) ? Number(input) : 0;
        const max = dialog.step === 'discount' ? 90 : campaign === 'winback' ? 365 : 720;
        if (!campaign || n < 1 || n > max) {
          await ctx.reply(ctx.t('bc-bad-number', { max }));
          return;
        }
        if (dialog.step === 'discount') await campaigns.setDiscount(n);
        else await campaigns.setDelay(campaign, n);
        endDialog(ctx);
        await showCampaign(ctx, campaign);
        return;
      }
      case 'camp-text': {
        const campaign = dialog.data.campaign;
        if (!campaign) return;
        const check = validateAdHtml(input, false);
        if (!check.ok) {
          await ctx.reply(badHtmlText(ctx, check));
          return;
        }
        await campaigns.setText(campaign, input);
        endDialog(ctx);
        await showCampaign(ctx, campaign);
        return;
      }
      default:
        endDialog(ctx);
    }
  });

  return composer;
}
