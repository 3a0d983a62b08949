import { adminSection, isAdminCtx, refuse } from '../../access.js';
import { onCallback } from '../../callback-data.js';
import { Composer } from '../../composer.js';
import type { BotContext } from '../../context.js';
import { endAnyDialog, isAdminPanelDialog } from '../../dialog.js';
import { showScreen } from '../../ui/screen.js';
import { adminMenu } from './callback-data.js';
import { adminMenuKeyboard } from './keyboards.js';

export async function showAdminMenu(ctx: BotContext): Promise<void> {
  await showScreen(ctx, { text: ctx.t('admin-menu'), keyboard: adminMenuKeyboard(ctx) });
}

/** `/admin` and the main menu (`adm:menu`). */
export const adminMenuFeature = new Composer<BotContext>();
const menu = adminSection('adm');
adminMenuFeature.use(menu.composer);

/** The admin panel's own dialogs (wizards, advertising compose) end when the panel is opened again. */
async function abandonAdminDialog(ctx: BotContext): Promise<void> {
  if (isAdminPanelDialog(ctx.session.dialog)) await endAnyDialog(ctx);
}

adminMenuFeature.chatType('private').command('admin', async (ctx) => {
  if (!isAdminCtx(ctx)) {
    await refuse(ctx);
    return;
  }
  // A new /admin abandons an unfinished admin dialog rather than mixing answers into it.
  await abandonAdminDialog(ctx);
  await showAdminMenu(ctx);
});

menu.admin.callbackQuery(
  adminMenu.filter,
  onCallback(adminMenu, async (ctx) => {
    await ctx.answerCallbackQuery();
    await abandonAdminDialog(ctx);
    await showAdminMenu(ctx);
  }),
);
