import { commandList } from '../commands.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { endAnyDialog, interruptDialog, readsFreeText } from '../dialog.js';

export const startFeature = new Composer<BotContext>();
const chat = startFeature.chatType('private');

/** Commands that keep the dialog: /help only lists commands, /cancel reports what it cancelled. */
const KEEPS_DIALOG = new Set(['help', 'cancel']);

/**
 * /catalog, /start, /orders… typed at a step that reads free text (declared by each dialog: the
 * checkout's email and promo code, the /support problem, …) ends that dialog, so the user's next
 * message is not read as an email or sent to support as a ticket; the dialog says so first. A step answered by buttons (the
 * checkout's summary) keeps its dialog, so its Confirm still works.
 */
chat.on('message:text', async (ctx, next) => {
  const entity = ctx.message.entities?.[0];
  if (readsFreeText(ctx.session.dialog) && entity?.type === 'bot_command' && entity.offset === 0) {
    const command = ctx.message.text.slice(1, entity.length).split('@')[0]?.toLowerCase() ?? '';
    if (!KEEPS_DIALOG.has(command)) await interruptDialog(ctx);
  }
  await next();
});

chat.command('start', async (ctx) => {
  const payload = ctx.match.trim();
  if (ctx.role !== 'customer') await ctx.deps.menus.setFor(ctx.api, ctx.from.id, ctx.role);
  if (payload && (await ctx.deps.deepLinks.dispatch(ctx, payload))) return;
  const greeting = ctx.role === 'customer' ? 'start-greeting' : (`start-greeting-${ctx.role}` as const);
  await ctx.reply(ctx.t(greeting, { name: ctx.from.first_name }));
});

chat.command('help', async (ctx) => {
  const commands = commandList(ctx.deps.translator, ctx.locale, ctx.role)
    .map((c) => `/${c.command} — ${c.description}`)
    .join('\n');
  await ctx.reply(ctx.t(`help-${ctx.role}`, { commands }));
});

chat.command('cancel', async (ctx) => {
  const hadDialog = ctx.session.dialog !== undefined;
  await endAnyDialog(ctx);
  ctx.session.gatePending = undefined;
  await ctx.reply(ctx.t(hadDialog ? 'cancel-done' : 'cancel-nothing'), {
    reply_markup: { remove_keyboard: true },
  });
});
