/**
 * The echo floor of `npm run bench:pipeline`: the least a grammY bot on @grammyjs/runner can do per
 * update — one sendMessage with the text of every message, one answerCallbackQuery for every button.
 * Run in a process of its own with BOT_TOKEN and TELEGRAM_API_ROOT (bench/pipeline.ts bundles and
 * spawns it); SIGTERM stops the runner and exits.
 */
import { run } from '@grammyjs/runner';
import { Bot } from 'grammy';

const token = process.env.BOT_TOKEN;
const apiRoot = process.env.TELEGRAM_API_ROOT;
if (!token || !apiRoot) throw new Error('BOT_TOKEN and TELEGRAM_API_ROOT are required');

const bot = new Bot(token, { client: { apiRoot } });
bot.on('message', (ctx) => ctx.reply(ctx.message.text ?? 'ok'));
bot.on('callback_query', (ctx) => ctx.answerCallbackQuery());

const runner = run(bot);
process.once('SIGTERM', () => {
  void runner.stop().then(() => process.exit(0));
});
