import { isAdminRole } from '../services/staff.js';
import { Composer } from './composer.js';
import type { BotContext } from './context.js';
import { endAnyDialog } from './dialog.js';

export const isAdminCtx = (ctx: BotContext): boolean => ctx.role !== undefined && isAdminRole(ctx.role);

/** The refusal every admin entry point gives to someone who is not an owner or admin. */
export async function refuse(ctx: BotContext): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('not-allowed'), show_alert: true });
  else await ctx.reply(ctx.t('admin-refused'));
}

/**
 * A composer for one admin section. Its callbacks (`<prefix>:…`) are refused for anyone who is
 * not an owner or admin *before* any handler runs; handlers go on `admin`, which additionally
 * filters on the role, so a forged callback or a demoted admin reaches nothing.
 */
export function adminSection(prefix: string): {
  composer: Composer<BotContext>;
  admin: Composer<BotContext>;
} {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(new RegExp(`^${prefix}:`), async (ctx, next) => {
    if (isAdminCtx(ctx)) return next();
    ctx.log?.warn({ data: ctx.callbackQuery.data, role: ctx.role }, 'admin callback refused');
    await refuse(ctx);
  });
  return { composer, admin: composer.filter(isAdminCtx) };
}

/**
 * For the free-text steps of an admin dialog: someone who lost the admin role mid-dialog gets the
 * refusal and the dialog ends. Returns true when the handler may go on.
 */
export async function stillAdmin(ctx: BotContext): Promise<boolean> {
  if (isAdminCtx(ctx)) return true;
  await endAnyDialog(ctx);
  await refuse(ctx);
  return false;
}
