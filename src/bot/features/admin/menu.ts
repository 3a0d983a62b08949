import { Composer, GrammyError, type InlineKeyboard } from 'grammy';
import { isAdminRole } from '../../../services/staff.js';
import type { BotContext } from '../../context.js';
import { adminMenuKeyboard } from '../../keyboards/admin.js';

/** Every callback of the admin panel starts with one of these prefixes. */
export const ADMIN_CALLBACK = /^(adm|adp|adc|ado|ads|adt):/;

export const isAdminCtx = (ctx: BotContext): boolean => ctx.role !== undefined && isAdminRole(ctx.role);

const isNotModified = (error: unknown): boolean =>
  error instanceof GrammyError && error.description.includes('message is not modified');
const isGone = (error: unknown): boolean =>
  error instanceof GrammyError &&
  (error.description.includes('message to edit not found') ||
    error.description.includes("message can't be edited") ||
    error.description.includes('there is no text in the message to edit'));

/**
 * Shows an admin screen "in place": a button press edits the message it came from; a command or
 * a dialog answer sends a new message. A photo message (a product preview) cannot become a text
 * screen by editing its text, so it is replaced.
 */
export async function showScreen(ctx: BotContext, text: string, keyboard: InlineKeyboard): Promise<void> {
  const message = ctx.callbackQuery?.message;
  const options = { reply_markup: keyboard, link_preview_options: { is_disabled: true } };
  if (message && !('photo' in message && message.photo)) {
    try {
      await ctx.editMessageText(text, options);
      return;
    } catch (error) {
      if (isNotModified(error)) return;
      if (!isGone(error)) throw error;
    }
  } else if (message) {
    await ctx.deleteMessage().catch(() => undefined);
  }
  await ctx.reply(text, options);
}

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
  ctx.session.dialog = undefined;
  await refuse(ctx);
  return false;
}

export async function showAdminMenu(ctx: BotContext): Promise<void> {
  await showScreen(ctx, ctx.t('admin-menu'), adminMenuKeyboard(ctx));
}

/** `/admin` and the main menu (`adm:menu`). */
export const adminMenuFeature = new Composer<BotContext>();
const menu = adminSection('adm');
adminMenuFeature.use(menu.composer);

/** The admin panel's own dialogs (wizards, advertising compose) end when the panel is opened again. */
function abandonAdminDialog(ctx: BotContext): void {
  const name = ctx.session.dialog?.name;
  if (name?.startsWith('admin-') || name === 'broadcast') ctx.session.dialog = undefined;
}

adminMenuFeature.chatType('private').command('admin', async (ctx) => {
  if (!isAdminCtx(ctx)) {
    await refuse(ctx);
    return;
  }
  // A new /admin abandons an unfinished admin dialog rather than mixing answers into it.
  abandonAdminDialog(ctx);
  await showAdminMenu(ctx);
});

menu.admin.callbackQuery('adm:menu', async (ctx) => {
  await ctx.answerCallbackQuery();
  abandonAdminDialog(ctx);
  await showAdminMenu(ctx);
});
