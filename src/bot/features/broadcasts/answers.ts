import type { Composer } from 'grammy';
import type { AdButton } from '../../../db/schema/index.js';
import { nextCron, parseLocalDateTime } from '../../../jobs/schedule.js';
import type { Broadcast } from '../../../services/broadcasts/index.js';
import { checkLink } from '../../../telegram/entities.js';
import { formatDateTime } from '../../../text/format.js';
import { stillAdmin } from '../../access.js';
import type { BotContext } from '../../context.js';
import { adHtmlOf, badHtmlText, validateAdHtml } from './ad-html.js';
import { type ComposeData, type ComposeStep, composeDialog } from './dialog.js';
import { buttonTargetKeyboard, MAX_BUTTONS } from './keyboards.js';
import { exampleDateTime, zoneWords } from './labels.js';
import { parseCron, parseDaily, parseWeekly } from './schedule-input.js';
import { showCampaign, showDraft } from './screens.js';

/** One typed answer of the compose dialog. */
interface Answer {
  /** The text, or the photo's caption, trimmed. */
  input: string;
  /** The same as HTML, with the formatting the admin's client applied (see {@link adHtmlOf}). */
  html: string;
  /** The largest size of an attached photo. */
  photo: string | null;
  /** Whether a photo came with the answer. */
  withPhoto: boolean;
}

type StepHandler = (ctx: BotContext, answer: Answer, data: ComposeData) => Promise<void>;

/** Ends the dialog and shows the changed draft (or says it was confirmed or deleted meanwhile). */
async function showUpdated(ctx: BotContext, b: Broadcast | undefined): Promise<void> {
  await composeDialog.end(ctx);
  if (b) await showDraft(ctx, b);
  else await ctx.reply(ctx.t('bc-not-draft'));
}

/** The ad's text (HTML) or a photo with it as caption: a new draft, or the draft's new text. */
const text: StepHandler = async (ctx, { html, photo, withPhoto }, { draftId }) => {
  const { broadcasts } = ctx.deps.services;
  const existing = draftId === undefined ? undefined : await broadcasts.get(draftId);
  const keepPhoto = photo ?? (withPhoto ? null : (existing?.photo ?? null));
  const check = validateAdHtml(html, keepPhoto !== null);
  if (!check.ok) {
    await ctx.reply(badHtmlText(ctx, check));
    return;
  }
  if (draftId === undefined) {
    await showUpdated(ctx, await broadcasts.createDraft(ctx.from!.id, { text: html, photo }));
    return;
  }
  await showUpdated(ctx, await broadcasts.updateDraft(draftId, { text: html, ...(photo ? { photo } : {}) }));
};

/** Telegram's limit of a button's text. */
const LABEL_MAX = 64;

/** A new button's label; then the step that asks where it leads (a link, or a service from the catalog). */
const label: StepHandler = async (ctx, { input }, { draftId }) => {
  const text = input.replace(/\s+/g, ' ');
  if (text.length === 0 || [...text].length > LABEL_MAX || draftId === undefined) {
    await ctx.reply(ctx.t('bc-bad-button-label', { max: LABEL_MAX }));
    return;
  }
  await composeDialog.go(ctx, 'url', { label: text });
  await composeDialog.prompt(ctx, {
    text: ctx.t('bc-ask-button-target', { label: text }),
    keyboard: buttonTargetKeyboard(ctx, draftId),
  });
};

/** Schemes a button may open: web pages and Telegram links (`javascript:` and the like are refused). */
const BUTTON_SCHEMES = /^(https?|tg):/i;

/** Where the new button leads: a link (`https://…`, or a bare `example.com`). */
const url: StepHandler = async (ctx, { input }, { draftId, label: buttonText }) => {
  const { broadcasts } = ctx.deps.services;
  const link = /\s/.test(input) ? undefined : checkLink(input);
  if (!link || !BUTTON_SCHEMES.test(link)) {
    await ctx.reply(ctx.t('bc-bad-url'));
    return;
  }
  if (buttonText === undefined && draftId !== undefined) {
    // A step opened by an earlier version (`Text | link` in one answer): ask for the label first.
    await composeDialog.go(ctx, 'label');
    await ctx.reply(ctx.t('bc-ask-button-label'), { reply_markup: { force_reply: true } });
    return;
  }
  const b = draftId === undefined ? undefined : await broadcasts.get(draftId);
  if (b?.state !== 'draft' || buttonText === undefined) {
    await showUpdated(ctx, undefined);
    return;
  }
  const button: AdButton = { kind: 'url', text: buttonText, url: link };
  await showUpdated(
    ctx,
    await broadcasts.updateDraft(b.id, { buttons: [...b.buttons, button].slice(0, MAX_BUTTONS) }),
  );
};

/** A future local date and time: a one-off schedule. Unreadable and past times get different answers. */
const once: StepHandler = async (ctx, { input }, { draftId }) => {
  const tz = ctx.deps.config.timezone;
  const at = parseLocalDateTime(input, tz);
  const zone = zoneWords(ctx.t, ctx.locale, tz);
  const example = exampleDateTime(ctx.locale, tz);
  if (!at) {
    await ctx.reply(ctx.t('bc-bad-date', { zone, example }));
    return;
  }
  if (at.getTime() <= Date.now()) {
    await ctx.reply(ctx.t('bc-past-date', { when: formatDateTime(at, ctx.locale, tz), zone, example }));
    return;
  }
  if (draftId === undefined) return;
  await showUpdated(
    ctx,
    await ctx.deps.services.broadcasts.updateDraft(draftId, {
      scheduleKind: 'once',
      cron: null,
      nextRunAt: at,
    }),
  );
};

/** A recurring schedule, typed in the form `parse` reads. */
const recurring =
  (kind: 'daily' | 'weekly' | 'cron', parse: (input: string) => string | undefined): StepHandler =>
  async (ctx, { input }, { draftId }) => {
    const cron = parse(input);
    const next = cron ? nextCron(cron, new Date(), ctx.deps.config.timezone) : undefined;
    if (!cron || !next || draftId === undefined) {
      await ctx.reply(ctx.t(`bc-bad-${kind}`));
      return;
    }
    await showUpdated(
      ctx,
      await ctx.deps.services.broadcasts.updateDraft(draftId, { scheduleKind: kind, cron, nextRunAt: next }),
    );
  };

/** A campaign's delay (hours, or days for win-back) or the win-back discount (percent). */
const campaignNumber =
  (kind: 'delay' | 'discount'): StepHandler =>
  async (ctx, { input }, { campaign }) => {
    const n = /^\d{1,4}$/.test(input) ? Number(input) : 0;
    const max = kind === 'discount' ? 90 : campaign === 'winback' ? 365 : 720;
    if (!campaign || n < 1 || n > max) {
      await ctx.reply(ctx.t('bc-bad-number', { max }));
      return;
    }
    const { campaigns } = ctx.deps.services;
    if (kind === 'discount') await campaigns.setDiscount(n);
    else await campaigns.setDelay(campaign, n);
    await composeDialog.end(ctx);
    await showCampaign(ctx, campaign);
  };

/** A campaign's own text (HTML with placeholders). */
const campaignText: StepHandler = async (ctx, { html }, { campaign }) => {
  if (!campaign) return;
  const check = validateAdHtml(html, false);
  if (!check.ok) {
    await ctx.reply(badHtmlText(ctx, check));
    return;
  }
  await ctx.deps.services.campaigns.setText(campaign, html);
  await composeDialog.end(ctx);
  await showCampaign(ctx, campaign);
};

const steps: Record<ComposeStep, StepHandler> = {
  text,
  label,
  url,
  once,
  daily: recurring('daily', parseDaily),
  weekly: recurring('weekly', parseWeekly),
  cron: recurring('cron', parseCron),
  delay: campaignNumber('delay'),
  discount: campaignNumber('discount'),
  'camp-text': campaignText,
};

/** The dialog's typed answers. The role is re-checked: a demoted admin's dialog ends here. */
export function registerAnswers(composer: Composer<BotContext>): void {
  composer.on(['message:text', 'message:photo']).filter(composeDialog.answers(), async (ctx) => {
    if (!(await stillAdmin(ctx))) return;
    const dialog = composeDialog.read(ctx);
    if (!dialog) return;
    const raw = ctx.message.text ?? ctx.message.caption ?? '';
    const answer: Answer = {
      input: raw.trim(),
      html: adHtmlOf(raw, ctx.message.entities ?? ctx.message.caption_entities),
      photo: ctx.message.photo?.at(-1)?.file_id ?? null,
      withPhoto: ctx.message.photo !== undefined,
    };
    await steps[dialog.step](ctx, answer, dialog.data);
  });
}
