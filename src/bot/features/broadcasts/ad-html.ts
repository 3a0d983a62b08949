import { fillPlaceholders } from '../../../jobs/ad-message.js';
import { EntityParseError } from '../../../telegram/entities.js';
import { parseHtml } from '../../../telegram/html.js';
import { CAPTION_MAX, MESSAGE_TEXT_MAX } from '../../../telegram/limits.js';
import type { BotContext } from '../../context.js';

/** Placeholder values for checking a text: as long as typical real ones. */
const SAMPLE = { name: 'Anna', product: 'Landing page', code: 'BACK1A2B3C4D', discount: 10 };

export type Validation = { ok: true } | { ok: false; reason: string; max?: number };

/** Checks HTML against Telegram's rules and its length limits (text 4096, caption 1024). */
export function validateAdHtml(source: string, withPhoto: boolean): Validation {
  try {
    const parsed = parseHtml(fillPlaceholders(source, SAMPLE));
    const max = withPhoto ? CAPTION_MAX : MESSAGE_TEXT_MAX;
    if (parsed.text.trim().length === 0) return { ok: false, reason: 'empty' };
    if (parsed.text.length > max) return { ok: false, reason: `longer than ${max} characters`, max };
    return { ok: true };
  } catch (error) {
    if (error instanceof EntityParseError) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** The admin's answer to HTML that failed validation: our own checks in their language, Telegram's reason as is. */
export function badHtmlText(ctx: BotContext, check: { reason: string; max?: number }): string {
  if (check.reason === 'empty') return ctx.t('bc-html-empty');
  if (check.max !== undefined) return ctx.t('bc-html-too-long', { max: check.max });
  return ctx.t('bc-bad-html', { reason: check.reason });
}

/** What a recipient reads of an ad's HTML (tags gone, `&amp;` as `&`), for list labels. */
export function visibleText(source: string): string {
  try {
    return parseHtml(source).text;
  } catch {
    return source.replace(/<[^>]*>/g, '');
  }
}
