import type { Composer } from 'grammy';
import { adminSection, isAdminCtx } from '../../access.js';
import { onCallback } from '../../callback-data.js';
import type { BotContext, BotDeps } from '../../context.js';
import { endAnyDialog } from '../../dialog.js';
import { showProduct } from '../catalog/index.js';
import { registerAnswers } from './answers.js';
import { menuData } from './callback-data.js';
import { registerCampaigns } from './campaigns.js';
import { registerChannel } from './channel.js';
import { registerCompose } from './compose.js';
import { registerRuns } from './runs.js';
import { showMenu } from './screens.js';

/** `bc_<broadcast>_<product>`, the argument of an ad's "open product" deep link. */
const PRODUCT_LINK = /^(\d{1,9})_(\d{1,9})$/;

/**
 * The advertising section of the admin panel (`bc:` callbacks, see ./callback-data.ts; entered from
 * the admin menu or /broadcast): compose (HTML text, photo, buttons), preview, audience, schedule,
 * confirm; run control from the progress message; statistics; the automatic campaigns. And the
 * `bc_<broadcast>_<product>` deep link of "open product" buttons (records the click, then shows the
 * product).
 */
export function broadcastsFeature(deps: BotDeps): Composer<BotContext> {
  const { composer, admin } = adminSection('bc');

  deps.deepLinks.register('bc', async (ctx, argument) => {
    const match = PRODUCT_LINK.exec(argument);
    if (!match) {
      await ctx.reply(ctx.t('bc-link-invalid'));
      return;
    }
    const productId = Number(match[2]);
    await ctx.deps.services.broadcasts.recordClick(Number(match[1]), ctx.user.id, productId);
    await showProduct(ctx, productId);
  });

  composer.chatType('private').command('broadcast', async (ctx, next) => {
    if (!isAdminCtx(ctx)) return next();
    await endAnyDialog(ctx);
    await showMenu(ctx);
  });

  admin.callbackQuery(
    menuData.filter,
    onCallback(menuData, async (ctx) => {
      await ctx.answerCallbackQuery();
      await endAnyDialog(ctx);
      await showMenu(ctx);
    }),
  );

  registerCompose(admin);
  registerChannel(admin);
  registerRuns(admin);
  registerCampaigns(admin);
  registerAnswers(composer);
  return composer;
}
