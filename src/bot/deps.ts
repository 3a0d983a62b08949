import type { Api } from 'grammy';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Logger } from '../logger.js';
import { Metrics } from '../metrics.js';
import { createServices } from '../services/index.js';
import { Translator } from '../text/i18n.js';
import { CommandMenus } from './commands.js';
import type { BotDeps } from './context.js';
import { DeepLinkRouter } from './deep-links.js';
import { MemoryFloodMeter, SharedFloodMeter } from './flood.js';
import { notify } from './notify.js';
import { GateResumes, SubscriptionChecker } from './subscription-checker.js';

/** Builds everything a bot instance depends on; tests build it the same way with their own config. */
export function createBotDeps(config: Config, logger: Logger, db: Database): BotDeps {
  const services = createServices(db, config);
  const translator = new Translator(config.defaultLocale);
  const warnOwners = async (api: Api, reason: string) => {
    for (const ownerId of config.ownerIds) {
      const owner = await services.users.byTelegramId(ownerId);
      const locale = translator.pick(owner?.languageCode);
      const text = translator.t(locale, 'gate-owner-warning', { channel: config.channel?.id ?? '', reason });
      await notify(api, { logger, services }, ownerId, text);
    }
  };
  return {
    config,
    logger,
    db,
    services,
    translator,
    deepLinks: new DeepLinkRouter(),
    gateResumes: new GateResumes(),
    gate: config.channel ? new SubscriptionChecker(config.channel.id, logger, warnOwners) : undefined,
    menus: new CommandMenus(translator, logger),
    metrics: new Metrics(),
    flood:
      config.mode.kind === 'webhook'
        ? new SharedFloodMeter(config.flood, (id, seconds) => services.updates.startCooldown(id, seconds))
        : new MemoryFloodMeter(config.flood),
  };
}
