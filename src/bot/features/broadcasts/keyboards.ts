import { InlineKeyboard } from 'grammy';
import type { CampaignKind } from '../../../db/schema/index.js';
import type { Broadcast, BroadcastRun } from '../../../services/broadcasts/index.js';
import type { BotContext } from '../../context.js';
import { addPageRow } from '../../ui/pagination.js';
import { adminMenu } from '../admin/callback-data.js';
import {
  addProductButtonData,
  addUrlButtonData,
  audiencePickerData,
  campaignData,
  campaignDefaultTextData,
  campaignDelayData,
  campaignsData,
  campaignTextData,
  clearButtonsData,
  confirmData,
  confirmScreenData,
  deleteDraftData,
  draftData,
  listData,
  menuData,
  newDraftData,
  newTextData,
  previewData,
  productPickerData,
  runControlData,
  schedulePickerData,
  setAudienceData,
  setLanguageAudienceData,
  setScheduleData,
  toggleCampaignData,
  unscheduleData,
  viewData,
  winbackDiscountData,
} from './callback-data.js';
import { addChannelToggle } from './channel-option.js';

/** A draft holds at most this many buttons (besides "Unsubscribe", which every ad gets). */
export const MAX_BUTTONS = 6;

const back = (ctx: BotContext, data: string) => new InlineKeyboard().text(ctx.t('admin-btn-back'), data);

export function menuKeyboard(ctx: BotContext): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('bc-btn-new'), newDraftData.pack({}))
    .row()
    .text(ctx.t('bc-btn-list'), listData.pack({ page: 0 }))
    .row()
    .text(ctx.t('bc-btn-auto'), campaignsData.pack({}))
    .row()
    .text(ctx.t('admin-btn-back'), adminMenu.pack({}));
}

export function draftKeyboard(ctx: BotContext, b: Broadcast): InlineKeyboard {
  const draft = { draft: b.id };
  const keyboard = new InlineKeyboard()
    .text(ctx.t('bc-btn-preview'), previewData.pack(draft))
    .text(ctx.t('bc-btn-text'), newTextData.pack(draft))
    .row();
  if (b.buttons.length < MAX_BUTTONS)
    keyboard.text(ctx.t('bc-btn-add-button'), addUrlButtonData.pack(draft)).row();
  if (b.buttons.length > 0) keyboard.text(ctx.t('bc-btn-clear-buttons'), clearButtonsData.pack(draft)).row();
  return keyboard
    .text(ctx.t('bc-btn-audience'), audiencePickerData.pack(draft))
    .text(ctx.t('bc-btn-schedule'), schedulePickerData.pack(draft))
    .row()
    .text(ctx.t('bc-btn-confirm'), confirmScreenData.pack(draft))
    .text(ctx.t('bc-btn-delete'), deleteDraftData.pack(draft))
    .row()
    .text(ctx.t('admin-btn-back'), menuData.pack({}));
}

/** Under "where does the button lead?": a service from the catalog instead of a link, or back. */
export function buttonTargetKeyboard(ctx: BotContext, draftId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('bc-btn-target-product'), productPickerData.pack({ draft: draftId, page: 0 }))
    .row()
    .text(ctx.t('admin-btn-back'), draftData.pack({ draft: draftId }));
}

/** One page of the products an "open product" button can point to. */
export function productPickerKeyboard(
  ctx: BotContext,
  draftId: number,
  products: readonly { id: number; title: string }[],
  page: number,
  pages: number,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const p of products) {
    keyboard.text(p.title, addProductButtonData.pack({ draft: draftId, product: p.id })).row();
  }
  addPageRow(keyboard, page, pages, (p) => productPickerData.pack({ draft: draftId, page: p }));
  return keyboard.row().text(ctx.t('admin-btn-back'), draftData.pack({ draft: draftId }));
}

export type AudienceKind = Parameters<typeof setAudienceData.pack>[0]['kind'];

/** The audiences with their sizes: the fixed ones, then one per language users speak. */
export function audienceKeyboard(
  ctx: BotContext,
  b: Broadcast,
  kinds: readonly { kind: AudienceKind; users: number }[],
  languages: readonly { language: string; users: number }[],
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const draftId = b.id;
  addChannelToggle(ctx, keyboard, b);
  for (const { kind, users } of kinds) {
    keyboard
      .text(`${ctx.t(`bc-aud-${kind}`)} (${users})`, setAudienceData.pack({ draft: draftId, kind }))
      .row();
  }
  for (const { language, users } of languages) {
    keyboard
      .text(
        `${ctx.t('bc-aud-language', { language })} (${users})`,
        setLanguageAudienceData.pack({ draft: draftId, language }),
      )
      .row();
  }
  return keyboard.text(ctx.t('admin-btn-back'), draftData.pack({ draft: draftId }));
}

export function scheduleKeyboard(ctx: BotContext, draftId: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const kind of ['now', 'once', 'daily', 'weekly', 'cron'] as const) {
    keyboard.text(ctx.t(`bc-btn-sched-${kind}`), setScheduleData.pack({ draft: draftId, kind })).row();
  }
  return keyboard.text(ctx.t('admin-btn-back'), draftData.pack({ draft: draftId }));
}

/** The final button: "Send" for now, "Schedule" for a later or recurring broadcast. */
export function confirmKeyboard(ctx: BotContext, draftId: number, scheduled: boolean): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t(scheduled ? 'bc-btn-go-scheduled' : 'bc-btn-go'), confirmData.pack({ draft: draftId }))
    .row()
    .text(ctx.t('admin-btn-back'), draftData.pack({ draft: draftId }));
}

/** Under "started" / "scheduled": the way to the broadcast's statistics. */
export function confirmedKeyboard(ctx: BotContext, broadcastId: number): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t('bc-btn-stats'), viewData.pack({ broadcast: broadcastId }));
}

export function listKeyboard(
  ctx: BotContext,
  items: readonly { id: number; label: string }[],
  page: number,
  pages: number,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const { id, label } of items) keyboard.text(label, viewData.pack({ broadcast: id })).row();
  addPageRow(keyboard, page, pages, (p) => listData.pack({ page: p }));
  return keyboard.row().text(ctx.t('admin-btn-back'), menuData.pack({}));
}

export const notFoundKeyboard = (ctx: BotContext): InlineKeyboard => back(ctx, listData.pack({ page: 0 }));

/** Run control of the live run (if any), unscheduling, refresh, and back to where the broadcast is listed. */
export function statsKeyboard(ctx: BotContext, b: Broadcast, live: BroadcastRun | undefined): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const run = live && { run: live.id };
  if (live?.state === 'running' && run) keyboard.text(ctx.t('bc-btn-pause'), runControlData.pause.pack(run));
  if (live?.state === 'paused' && run) keyboard.text(ctx.t('bc-btn-resume'), runControlData.resume.pack(run));
  if (run) keyboard.text(ctx.t('bc-btn-cancel-run'), runControlData.cancel.pack(run)).row();
  if (b.state === 'scheduled') {
    keyboard.text(ctx.t('bc-btn-unschedule'), unscheduleData.pack({ broadcast: b.id })).row();
  }
  keyboard.text(ctx.t('bc-btn-refresh'), viewData.pack({ broadcast: b.id })).row();
  return keyboard.text(
    ctx.t('admin-btn-back'),
    b.kind === 'campaign' ? campaignsData.pack({}) : listData.pack({ page: 0 }),
  );
}

export function campaignsKeyboard(
  ctx: BotContext,
  settings: readonly { campaign: CampaignKind; enabled: boolean }[],
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const s of settings) {
    const label = `${s.enabled ? '✅' : '⛔'} ${ctx.t(`bc-camp-${s.campaign}`)}`;
    keyboard.text(label, campaignData.pack({ campaign: s.campaign })).row();
  }
  return keyboard.text(ctx.t('admin-btn-back'), menuData.pack({}));
}

/** On/off, delay (not for new products), discount (win-back), text, statistics of its carrier broadcast. */
export function campaignKeyboard(
  ctx: BotContext,
  campaign: CampaignKind,
  enabled: boolean,
  carrierId: number,
): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(enabled ? ctx.t('bc-btn-turn-off') : ctx.t('bc-btn-turn-on'), toggleCampaignData.pack({ campaign }))
    .row();
  if (campaign !== 'new_product') keyboard.text(ctx.t('bc-btn-delay'), campaignDelayData.pack({ campaign }));
  if (campaign === 'winback') keyboard.text(ctx.t('bc-btn-discount'), winbackDiscountData.pack({}));
  return keyboard
    .row()
    .text(ctx.t('bc-btn-camp-text'), campaignTextData.pack({ campaign }))
    .text(ctx.t('bc-btn-camp-default'), campaignDefaultTextData.pack({ campaign }))
    .row()
    .text(ctx.t('bc-btn-stats'), viewData.pack({ broadcast: carrierId }))
    .row()
    .text(ctx.t('admin-btn-back'), campaignsData.pack({}));
}
