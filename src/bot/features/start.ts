import { Composer } from 'grammy';
import { commandList } from '../commands.js';
import type { BotContext } from '../context.js';

export const startFeature = new Composer<BotContext>();
const chat = startFeature.chatType('private');

/**
 * Customer dialog steps that read the next free text as an answer (the checkout's email and promo
 * code, the /support problem). The checkout's summary reads none: its Confirm button keeps working.
 */
const readsFreeText = (dialog: { name: string; step: string }): boolean =>
  dialog.name === 'support' || (dialog.name === 'order' && dialog.step !== 'confirm');
/** Commands that keep the dialog: /help only lists commands, /cancel reports what it cancelled. */
const KEEPS_DIALOG = new Set(['help', 'cancel']);

/**
 * /catalog, /start, /orders… in the middle of the checkout or of /support ends that dialog, so the
 * user's next message is not read as an email or sent to support as a ticket.
 */
chat.on('message:text', async (ctx, next) => {
  const dialog = ctx.session.dialog;
  const entity = ctx.message.entities?.[0];
  if (dialog && readsFreeText(dialog) && entity?.type === 'bot_command' && entity.offset === 0) {
    const command = ctx.message.text.slice(1, entity.length).split('@')[0]?.toLowerCase() ?? '';
    if (!KEEPS_DIALOG.has(command)) ctx.session.dialog = undefined;
  }
  await next();
});

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
