import { Composer, GrammyError, type InlineKeyboard } from 'grammy';
import { adminSection, isAdminCtx, refuse } from '../../access.js';
import type { BotContext } from '../../context.js';
import { adminMenuKeyboard } from '../../keyboards/admin.js';

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
