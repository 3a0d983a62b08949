import type { Composer } from 'grammy';
import type { MessageKey } from '../../../text/i18n.js';
import { onCallback } from '../../callback-data.js';
import type { BotContext } from '../../context.js';
import { showScreen } from '../../ui/screen.js';
import {
  listData,
  type RunAction,
  runControlData,
  statsData,
  unscheduleData,
  viewData,
} from './callback-data.js';
import { renderProgress } from './progress-view.js';
import { showList, showStats } from './screens.js';

/** The answer to a control that changed the run. */
const CHANGED: Record<RunAction, MessageKey> = {
  pause: 'bc-run-paused',
  resume: 'bc-run-resumed',
  cancel: 'bc-run-cancelled',
};

/** Pause, resume or cancel a run, from its progress message or from the statistics screen. */
async function controlRun(ctx: BotContext, action: RunAction, runId: number): Promise<void> {
  const { broadcasts } = ctx.deps.services;
  const changed = await broadcasts[action](runId);
  await ctx.answerCallbackQuery({ text: ctx.t(changed ? CHANGED[action] : 'bc-run-unchanged') });
  const progress = await broadcasts.progress(runId);
  const message = ctx.callbackQuery?.message;
  if (!progress || !message) return;
  if (progress.run.progressMessageId === message.message_id) {
    await showScreen(ctx, renderProgress(ctx.t, progress, 0));
  } else {
    await showStats(ctx, progress.run.broadcastId);
  }
}

/** The list of broadcasts, their statistics, unscheduling and run control. */
export function registerRuns(admin: Composer<BotContext>): void {
  admin.callbackQuery(
    listData.filter,
    onCallback(listData, async (ctx, { page }) => {
      await ctx.answerCallbackQuery();
      await showList(ctx, page);
    }),
  );

  admin.callbackQuery(
    viewData.filter,
    onCallback(viewData, async (ctx, { broadcast }) => {
      await ctx.answerCallbackQuery();
      await showStats(ctx, broadcast);
    }),
  );

  // From the progress message: the statistics come as a new message, as the progress message is the
  // reporter's (it would overwrite them within seconds) and keeps the final summary once the run is over.
  admin.callbackQuery(
    statsData.filter,
    onCallback(statsData, async (ctx, { broadcast }) => {
      await ctx.answerCallbackQuery();
      await showStats(ctx, broadcast, { asNewMessage: true });
    }),
  );

  admin.callbackQuery(
    unscheduleData.filter,
    onCallback(unscheduleData, async (ctx, { broadcast }) => {
      const done = await ctx.deps.services.broadcasts.cancelSchedule(broadcast);
      await ctx.answerCallbackQuery({ text: ctx.t(done ? 'bc-unscheduled' : 'bc-not-scheduled') });
      await showStats(ctx, broadcast);
    }),
  );

  for (const action of ['pause', 'resume', 'cancel'] as const) {
    const codec = runControlData[action];
    admin.callbackQuery(
      codec.filter,
      onCallback(codec, (ctx, { run }) => controlRun(ctx, action, run)),
    );
  }
}
