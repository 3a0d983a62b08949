import { z } from 'zod';
import type { BotContext } from '../../context.js';
import { defineDialog } from '../../dialog.js';

/**
 * The advertising compose dialog: each step reads one typed answer (the ad's text, a button's label and
 * link, a schedule, a campaign's delay, discount or text). The name is the stored one of earlier versions.
 */
export const composeDialog = defineDialog('broadcast', {
  steps: [
    'text',
    'label',
    'url',
    'once',
    'daily',
    'weekly',
    'cron',
    'delay',
    'discount',
    'camp-text',
  ] as const,
  freeText: ['text', 'label', 'url', 'once', 'daily', 'weekly', 'cron', 'delay', 'discount', 'camp-text'],
  data: z.object({
    draftId: z.number().int().optional(),
    /** The label of the button being added (step `url`: where does it lead?). */
    label: z.string().max(256).optional(),
    campaign: z.enum(['new_product', 'abandoned', 'winback', 'followup']).optional(),
  }),
  adminPanel: true,
});

export type ComposeStep = (typeof composeDialog.steps)[number];
export type ComposeData = NonNullable<ReturnType<typeof composeDialog.read>>['data'];

/**
 * Opens `step` and asks its question. The question is a force-reply message (no inline keyboard),
 * so that the admin's client opens the reply field at once.
 */
export async function ask(
  ctx: BotContext,
  step: ComposeStep,
  data: ComposeData,
  question: string,
): Promise<void> {
  await composeDialog.start(ctx, step, data);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  await ctx.reply(question, { reply_markup: { force_reply: true } });
}
