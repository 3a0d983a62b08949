import type { Api } from 'grammy';
import type { OwnerAlertEvent } from '../services/owner-alerts.js';
import type { MessageKey, TranslationVars } from '../text/i18n.js';
import type { BotDeps } from './context.js';
import { notify } from './notify.js';

/**
 * Tells every owner who has `event` switched on (the default) through the notify path (a blocked
 * chat is marked, a flood wait retried by the API's auto-retry), each in their language. Never
 * throws: an alert must not undo the action it reports.
 */
export async function alertOwners(
  api: Api,
  deps: Pick<BotDeps, 'logger' | 'services' | 'translator'>,
  event: OwnerAlertEvent,
  key: MessageKey,
  vars: TranslationVars,
): Promise<number> {
  let reached = 0;
  try {
    for (const owner of await deps.services.ownerAlerts.recipients(event)) {
      const text = deps.translator.t(deps.translator.pick(owner.languageCode), key, vars);
      if (await notify(api, deps, owner.telegramId, text)) reached++;
    }
  } catch (error) {
    deps.logger.warn({ err: error, event }, 'owner alert not sent');
  }
  return reached;
}

/** "Broadcast #N finished: delivered …" (or "failed": nothing delivered) for each finished run. */
export async function alertBroadcastsFinished(
  api: Api,
  deps: Pick<BotDeps, 'logger' | 'services' | 'translator'>,
  runIds: number[],
): Promise<void> {
  for (const runId of runIds) {
    const progress = await deps.services.broadcasts.progress(runId);
    if (!progress) continue;
    // Automatic campaigns run all the time: only the broadcasts someone sent are reported.
    const broadcast = await deps.services.broadcasts.get(progress.run.broadcastId);
    if (broadcast?.kind !== 'manual') continue;
    const delivered = progress.sent + progress.unconfirmed;
    const failed = progress.total > 0 && delivered === 0;
    await alertOwners(
      api,
      deps,
      'broadcast_finished',
      failed ? 'alert-broadcast-failed' : 'alert-broadcast-finished',
      {
        id: progress.run.broadcastId,
        total: progress.total,
        delivered,
        failed: progress.failed,
        blocked: progress.blocked,
      },
    );
  }
}
