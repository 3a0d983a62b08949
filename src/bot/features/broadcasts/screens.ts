import type { CampaignKind } from '../../../db/schema/index.js';
import { fillPlaceholders } from '../../../jobs/ad-message.js';
import type { Broadcast } from '../../../services/broadcasts/index.js';
import type { BotContext } from '../../context.js';
import { clampPage, pageCount } from '../../ui/pagination.js';
import { type Screen, sendScreen, showScreen } from '../../ui/screen.js';
import { cutAtWord, visibleText } from './ad-html.js';
import { channelNote } from './channel-option.js';
import {
  audienceKeyboard,
  campaignKeyboard,
  campaignsKeyboard,
  confirmKeyboard,
  draftKeyboard,
  listKeyboard,
  menuKeyboard,
  notFoundKeyboard,
  productPickerKeyboard,
  scheduleKeyboard,
  statsKeyboard,
} from './keyboards.js';
import { audienceLabel, scheduleLabel, zoneWords } from './labels.js';

/** The advertising section's screens, each shown in place of the pressed message (or anew). */

const LIST_PAGE = 8;
/** Characters of the ad's text on the draft screen and in a list button. */
const DRAFT_TEXT_SHOWN = 300;
const LABEL_TEXT_SHOWN = 32;

/** The ad's text as the admin reads it in their preview: placeholders filled, tags gone. */
function adText(ctx: BotContext, html: string): string {
  return visibleText(fillPlaceholders(html, { name: ctx.user.firstName }));
}
const PRODUCT_PAGE = 8;
/** Products offered by the picker at most (over all its pages). */
const PRODUCT_CHOICES = 200;

export async function showMenu(ctx: BotContext): Promise<void> {
  await showScreen(ctx, { text: ctx.t('bc-menu'), keyboard: menuKeyboard(ctx) });
}

/** A draft with its content, audience size and schedule, and the compose buttons. */
export async function showDraft(ctx: BotContext, b: Broadcast): Promise<void> {
  const count = await ctx.deps.services.audiences.count(b.audience);
  const buttons = b.buttons.map((btn) => `• ${btn.text}`).join('\n');
  const text = ctx.t('bc-draft', {
    id: b.id,
    text: cutAtWord(adText(ctx, b.text ?? ''), DRAFT_TEXT_SHOWN),
    photo: b.photo ? ctx.t('bc-yes') : ctx.t('bc-no'),
    buttons: buttons || '—',
    audience: audienceLabel(ctx, b.audience),
    count,
    schedule: scheduleLabel(ctx, b),
  });
  await showScreen(ctx, { text, keyboard: draftKeyboard(ctx, b) });
}

export async function showProductPicker(ctx: BotContext, b: Broadcast, page: number): Promise<void> {
  const all = await ctx.deps.services.broadcasts.productChoices(PRODUCT_CHOICES);
  const pages = pageCount(all.length, PRODUCT_PAGE);
  const at = clampPage(page, pages);
  const shown = all.slice(at * PRODUCT_PAGE, (at + 1) * PRODUCT_PAGE);
  await showScreen(ctx, {
    text: all.length > 0 ? ctx.t('bc-pick-product') : ctx.t('bc-no-products'),
    keyboard: productPickerKeyboard(ctx, b.id, shown, at, pages),
  });
}

export async function showAudiencePicker(ctx: BotContext, b: Broadcast): Promise<void> {
  const { audiences } = ctx.deps.services;
  const kinds = [];
  for (const kind of ['all', 'customers', 'no_orders', 'abandoned'] as const) {
    kinds.push({ kind, users: await audiences.count({ kind }) });
  }
  const languages = (await audiences.languages()).filter(({ language }) => /^[a-z]{2}$/.test(language));
  await showScreen(ctx, {
    text: ctx.t('bc-pick-audience'),
    keyboard: audienceKeyboard(ctx, b, kinds, languages),
  });
}

export async function showSchedulePicker(ctx: BotContext, b: Broadcast): Promise<void> {
  await showScreen(ctx, {
    text: ctx.t('bc-pick-schedule', { zone: zoneWords(ctx.t, ctx.locale, ctx.deps.config.timezone) }),
    keyboard: scheduleKeyboard(ctx, b.id),
  });
}

/** "Send to N recipients (audience), when?" with the final button. */
export async function showConfirm(ctx: BotContext, b: Broadcast): Promise<void> {
  const count = await ctx.deps.services.audiences.count(b.audience);
  const text = ctx.t('bc-confirm', {
    count,
    audience: audienceLabel(ctx, b.audience),
    schedule: scheduleLabel(ctx, b),
  });
  await showScreen(ctx, {
    text: text + channelNote(ctx, b),
    keyboard: confirmKeyboard(ctx, b.id, b.scheduleKind !== 'now'),
  });
}

/** The manual broadcasts, newest first, a page at a time. */
export async function showList(ctx: BotContext, page: number): Promise<void> {
  const { broadcasts } = ctx.deps.services;
  const pages = pageCount(await broadcasts.countManual(), LIST_PAGE);
  const at = clampPage(page, pages);
  const list = await broadcasts.listRecent(LIST_PAGE, at * LIST_PAGE);
  const items = list.map((b) => {
    const plain = cutAtWord(adText(ctx, b.text ?? ''), LABEL_TEXT_SHOWN);
    return { id: b.id, label: `${ctx.t(`bc-state-icon-${b.state}`)} #${b.id} ${plain}` };
  });
  await showScreen(ctx, {
    text: list.length > 0 ? ctx.t('bc-list') : ctx.t('bc-list-empty'),
    keyboard: listKeyboard(ctx, items, at, pages),
  });
}

/** A broadcast's statistics over all its runs (a draft shows as the draft), in place or as a new message. */
export async function showStats(
  ctx: BotContext,
  id: number,
  options: { asNewMessage?: boolean } = {},
): Promise<void> {
  const show = async (screen: Screen) => {
    if (options.asNewMessage) await sendScreen(ctx, screen);
    else await showScreen(ctx, screen);
  };
  const { broadcasts } = ctx.deps.services;
  const b = await broadcasts.get(id);
  if (!b) {
    await show({ text: ctx.t('bc-not-found'), keyboard: notFoundKeyboard(ctx) });
    return;
  }
  if (b.state === 'draft') return showDraft(ctx, b);
  const s = await broadcasts.stats(id);
  const runs = await broadcasts.runsOf(id);
  const live = runs.find((r) => r.state === 'running' || r.state === 'paused');
  const text = ctx.t('bc-stats', {
    id,
    // while a run goes, its state ("sending", "paused") says more than the broadcast's ("sent")
    state: live ? ctx.t(`bc-run-state-${live.state}`) : ctx.t(`bc-state-${b.state}`),
    schedule: scheduleLabel(ctx, b),
    runs: s.runs,
    total: s.total,
    delivered: s.delivered,
    unconfirmed: s.unconfirmed,
    failed: s.failed,
    blocked: s.blocked,
    skipped: s.skipped,
    pending: s.pending,
    cancelled: s.cancelled,
    clicks: s.clicks,
    clickers: s.clickers,
    orders: s.orders,
  });
  const channel =
    s.channelPosted + s.channelPending + s.channelFailed > 0
      ? `\n${ctx.t('bc-stats-channel', { posted: s.channelPosted, pending: s.channelPending, failed: s.channelFailed })}`
      : '';
  await show({ text: text + channel, keyboard: statsKeyboard(ctx, b, live) });
}

export async function showCampaigns(ctx: BotContext): Promise<void> {
  const settings = await ctx.deps.services.campaigns.settings();
  await showScreen(ctx, { text: ctx.t('bc-auto'), keyboard: campaignsKeyboard(ctx, settings) });
}

export async function showCampaign(ctx: BotContext, campaign: CampaignKind): Promise<void> {
  const { campaigns } = ctx.deps.services;
  const s = await campaigns.setting(campaign);
  const carrier = await campaigns.carrier(campaign);
  const text = ctx.t('bc-camp-detail', {
    name: ctx.t(`bc-camp-${campaign}`),
    about: ctx.t(`bc-camp-${campaign}-about`, { n: s.delay, discount: s.discount }),
    state: s.enabled ? ctx.t('bc-on') : ctx.t('bc-off'),
    text: s.text ?? ctx.t('bc-camp-default-text'),
  });
  await showScreen(ctx, { text, keyboard: campaignKeyboard(ctx, campaign, s.enabled, carrier) });
}
