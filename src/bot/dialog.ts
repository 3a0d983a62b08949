import type { z } from 'zod';
import type { BotContext, DialogState } from './context.js';

/**
 * Explicit, persisted dialog state (rather than the conversations plugin's replay): one small
 * JSON object per chat in the sessions table, so a restart mid-dialog loses nothing and the
 * next message simply continues from the stored step.
 */
export function startDialog(
  ctx: BotContext,
  name: string,
  step: string,
  data: Record<string, unknown> = {},
): void {
  ctx.session.dialog = { name, step, data };
}

export function setStep(ctx: BotContext, step: string, patch: Record<string, unknown> = {}): void {
  const dialog = ctx.session.dialog;
  if (!dialog) throw new Error('setStep outside a dialog');
  ctx.session.dialog = { ...dialog, step, data: { ...dialog.data, ...patch } };
}

export function endDialog(ctx: BotContext): void {
  ctx.session.dialog = undefined;
}

/**
 * The dialog `name` if the user is in it, with its data validated by `schema`. Data that no longer
 * fits (saved by an older version) ends the dialog and yields undefined.
 */
export function readDialog<T>(
  ctx: BotContext,
  name: string,
  schema: z.ZodType<T>,
): { step: string; data: T } | undefined {
  const dialog: DialogState | undefined = ctx.session.dialog;
  if (!dialog || dialog.name !== name) return undefined;
  const parsed = schema.safeParse(dialog.data);
  if (!parsed.success) {
    ctx.session.dialog = undefined;
    return undefined;
  }
  return { step: dialog.step, data: parsed.data };
}

/** Filter for the free-text answers of dialog `name`: commands still reach their own handlers. */
export const answersDialog =
  (name: string) =>
  (ctx: BotContext): boolean =>
    ctx.session.dialog?.name === name && !ctx.message?.text?.startsWith('/');
