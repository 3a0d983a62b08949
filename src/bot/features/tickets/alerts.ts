import { html } from '../../../telegram/markup.js';
import type { MessageKey, TranslationVars } from '../../../text/i18n.js';
import type { BotContext } from '../../context.js';

type PlainVars = Record<string, string | number>;

/** Texts for callback-query answers are plain (not HTML): variables must not be escaped there. */
export function plain(ctx: BotContext, key: MessageKey, vars: PlainVars = {}): string {
  const raw: TranslationVars = {};
  for (const [name, value] of Object.entries(vars))
    raw[name] = typeof value === 'string' ? html(value) : value;
  return ctx.t(key, raw);
}

/** Answers the pressed button with an alert the user must dismiss (a refusal, "already taken"). */
export async function alert(
  ctx: BotContext,
  key: MessageKey = 'not-allowed',
  vars: PlainVars = {},
): Promise<void> {
  await ctx.answerCallbackQuery({ text: plain(ctx, key, vars), show_alert: true });
}
