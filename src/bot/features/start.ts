import { Composer } from 'grammy';
import { commandList } from '../commands.js';
import type { BotContext } from '../context.js';

export const startFeature = new Composer<BotContext>();
const chat = startFeature.chatType('private');

chat.command('start', async (ctx) => {
  const payload = ctx.match.trim();
  if (ctx.role !== 'customer') await ctx.deps.menus.setFor(ctx.api, ctx.from.id, ctx.role);
  if (payload && (await ctx.deps.deepLinks.dispatch(ctx, payload))) return;
  await ctx.reply(ctx.t('start-greeting', { name: ctx.from.first_name }));
});

chat.command('help', async (ctx) => {
  const commands = commandList(ctx.deps.translator, ctx.locale, ctx.role)
    .map((c) => `/${c.command} — ${c.description}`)
    .join('\n');
  await ctx.reply(ctx.t(`help-${ctx.role}`, { commands }));
});

chat.command('cancel', async (ctx) => {
  const hadDialog = ctx.session.dialog !== undefined;
  ctx.session.dialog = undefined;
  ctx.session.gatePending = undefined;
  await ctx.reply(ctx.t(hadDialog ? 'cancel-done' : 'cancel-nothing'), {
    reply_markup: { remove_keyboard: true },
  });
});
