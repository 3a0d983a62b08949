import type { Composer } from 'grammy';
import type { AdButton, Audience } from '../../../db/schema/index.js';
import { renderAd } from '../../../jobs/ad-message.js';
import { nextCron } from '../../../jobs/schedule.js';
import type { Broadcast, DraftPatch } from '../../../services/broadcasts/index.js';
import { onCallback } from '../../callback-data.js';
import type { BotContext } from '../../context.js';
import { sendScreen, showScreen } from '../../ui/screen.js';
import {
  addProductButtonData,
  addUrlButtonData,
  audiencePickerData,
  clearButtonsData,
  confirmData,
  confirmScreenData,
  deleteDraftData,
  draftData,
  newDraftData,
  newTextData,
  previewData,
  productPickerData,
  schedulePickerData,
  setAudienceData,
  setLanguageAudienceData,
  setScheduleData,
} from './callback-data.js';
import { ask, composeDialog } from './dialog.js';
import { confirmedKeyboard, MAX_BUTTONS } from './keyboards.js';
import { exampleDateTime, scheduleLabel, zoneWords } from './labels.js';
import {
  showAudiencePicker,
  showConfirm,
  showDraft,
  showMenu,
  showProductPicker,
  showSchedulePicker,
} from './screens.js';

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
  await sendScreen(ctx, { text: ad.text, keyboard: ad.reply_markup, photo: ad.photo });
}

/** Changes the draft and shows it again (unless it was confirmed or deleted meanwhile). */
async function changeDraft(ctx: BotContext, b: Broadcast, patch: DraftPatch): Promise<void> {
  const updated = await ctx.deps.services.broadcasts.updateDraft(b.id, patch);
  await ctx.answerCallbackQuery();
  if (updated) await showDraft(ctx, updated);
}

/** Drafts: compose (text, buttons, audience, schedule), preview, confirm, delete. */
export function registerCompose(admin: Composer<BotContext>): void {
  admin.callbackQuery(
    newDraftData.filter,
    onCallback(newDraftData, (ctx) => ask(ctx, 'text', {}, ctx.t('bc-ask-text'))),
  );

  admin.callbackQuery(
    newTextData.filter,
    onCallback(newTextData, async (ctx, { draft }) => {
      const b = await draftOf(ctx, draft);
      if (b) await ask(ctx, 'text', { draftId: b.id }, ctx.t('bc-ask-text'));
    }),
  );

  admin.callbackQuery(
    draftData.filter,
    onCallback(draftData, async (ctx, { draft }) => {
      const b = await draftOf(ctx, draft);
      if (!b) return;
      await ctx.answerCallbackQuery();
      await showDraft(ctx, b);
    }),
  );

  admin.callbackQuery(
    previewData.filter,
    onCallback(previewData, async (ctx, { draft }) => {
      const b = await ctx.deps.services.broadcasts.get(draft);
      if (!b) {
        await ctx.answerCallbackQuery({ text: ctx.t('bc-not-found'), show_alert: true });
        return;
      }
      await ctx.answerCallbackQuery({ text: ctx.t('bc-preview-sent') });
      await sendPreview(ctx, b);
    }),
  );

  admin.callbackQuery(
    addUrlButtonData.filter,
    onCallback(addUrlButtonData, async (ctx, { draft }) => {
      const b = await draftOf(ctx, draft);
      if (b) await ask(ctx, 'label', { draftId: b.id }, ctx.t('bc-ask-button-label'));
    }),
  );

  admin.callbackQuery(
    productPickerData.filter,
    onCallback(productPickerData, async (ctx, { draft, page }) => {
      const b = await draftOf(ctx, draft);
      if (!b) return;
      await ctx.answerCallbackQuery();
      await showProductPicker(ctx, b, page);
    }),
  );

  admin.callbackQuery(
    addProductButtonData.filter,
    onCallback(addProductButtonData, async (ctx, { draft, product: productId }) => {
      const b = await draftOf(ctx, draft);
      if (!b) return;
      const product = await ctx.deps.services.broadcasts.product(productId);
      if (!product?.isActive || b.buttons.length >= MAX_BUTTONS) {
        await ctx.answerCallbackQuery({ text: ctx.t('bc-product-unavailable'), show_alert: true });
        return;
      }
      // The label typed in the guided step, if this pick answers it; else the service's title.
      const dialog = composeDialog.read(ctx);
      const typed = dialog?.step === 'url' && dialog.data.draftId === b.id ? dialog.data.label : undefined;
      if (dialog?.step === 'url') await composeDialog.end(ctx);
      const text = typed ?? `🛍 ${product.title}`;
      const button: AdButton = { kind: 'product', text, productId: product.id };
      await changeDraft(ctx, b, { buttons: [...b.buttons, button] });
    }),
  );

  admin.callbackQuery(
    clearButtonsData.filter,
    onCallback(clearButtonsData, async (ctx, { draft }) => {
      const b = await draftOf(ctx, draft);
      if (b) await changeDraft(ctx, b, { buttons: [] });
    }),
  );

  admin.callbackQuery(
    audiencePickerData.filter,
    onCallback(audiencePickerData, async (ctx, { draft }) => {
      const b = await draftOf(ctx, draft);
      if (!b) return;
      await ctx.answerCallbackQuery();
      await showAudiencePicker(ctx, b);
    }),
  );

  const setAudience = async (ctx: BotContext, draft: number, audience: Audience) => {
    const b = await draftOf(ctx, draft);
    if (b) await changeDraft(ctx, b, { audience });
  };
  admin.callbackQuery(
    setAudienceData.filter,
    onCallback(setAudienceData, (ctx, { draft, kind }) => setAudience(ctx, draft, { kind })),
  );
  admin.callbackQuery(
    setLanguageAudienceData.filter,
    onCallback(setLanguageAudienceData, (ctx, { draft, language }) =>
      setAudience(ctx, draft, { kind: 'language', language }),
    ),
  );

  admin.callbackQuery(
    schedulePickerData.filter,
    onCallback(schedulePickerData, async (ctx, { draft }) => {
      const b = await draftOf(ctx, draft);
      if (!b) return;
      await ctx.answerCallbackQuery();
      await showSchedulePicker(ctx, b);
    }),
  );

  admin.callbackQuery(
    setScheduleData.filter,
    onCallback(setScheduleData, async (ctx, { draft, kind }) => {
      const b = await draftOf(ctx, draft);
      if (!b) return;
      if (kind === 'now') {
        await changeDraft(ctx, b, { scheduleKind: 'now', cron: null, nextRunAt: null });
        return;
      }
      const tz = ctx.deps.config.timezone;
      const zone = zoneWords(ctx.t, ctx.locale, tz);
      const example = exampleDateTime(ctx.locale, tz);
      await ask(ctx, kind, { draftId: b.id }, ctx.t(`bc-ask-${kind}`, { zone, example }));
    }),
  );

  admin.callbackQuery(
    confirmScreenData.filter,
    onCallback(confirmScreenData, async (ctx, { draft: id }) => {
      const draft = await draftOf(ctx, id);
      const b = draft && (await currentSchedule(ctx, draft));
      if (!b) return;
      await ctx.answerCallbackQuery();
      await showConfirm(ctx, b);
    }),
  );

  admin.callbackQuery(
    confirmData.filter,
    onCallback(confirmData, async (ctx, { draft: id }) => {
      const draft = await ctx.deps.services.broadcasts.get(id);
      if (draft?.state === 'draft' && !(await currentSchedule(ctx, draft))) return;
      const result = await ctx.deps.services.broadcasts.confirm(id, new Date(), ctx.from!.id);
      if (!result.ok) {
        await ctx.answerCallbackQuery({ text: ctx.t(`bc-confirm-${result.reason}`), show_alert: true });
        return;
      }
      await ctx.answerCallbackQuery();
      const text = result.run
        ? ctx.t('bc-started', { id, total: result.run.total })
        : ctx.t('bc-scheduled', { id, schedule: scheduleLabel(ctx, result.broadcast) });
      await showScreen(ctx, { text, keyboard: confirmedKeyboard(ctx, id) });
    }),
  );

  admin.callbackQuery(
    deleteDraftData.filter,
    onCallback(deleteDraftData, async (ctx, { draft }) => {
      const deleted = await ctx.deps.services.broadcasts.deleteDraft(draft);
      await ctx.answerCallbackQuery({ text: ctx.t(deleted ? 'bc-deleted' : 'bc-not-draft') });
      await showMenu(ctx);
    }),
  );
}
