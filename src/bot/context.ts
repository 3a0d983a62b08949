import type { Context, SessionFlavor } from 'grammy';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Services } from '../services/index.js';
import type { Role } from '../services/staff.js';
import type { ActiveBan, User } from '../services/users.js';
import type { Locale, Translate, Translator } from '../text/i18n.js';
import type { CommandMenus } from './commands.js';
import type { DeepLinkRouter } from './deep-links.js';
import type { FloodMeter } from './flood.js';
import type { GateResumes, SubscriptionChecker } from './subscription-checker.js';

/**
 * A dialog in progress (ordering, describing a ticket, an admin wizard). Stored in PostgreSQL
 * with the session. `data` is validated by the owning feature when read, so a dialog saved by an
 * older version of the bot is reset cleanly instead of crashing.
 */
export interface DialogState {
  name: string;
  step: string;
  data: Record<string, unknown>;
  /** message_id of the step's prompt, whose keyboard is retired once the step is answered. */
  prompt?: number;
}

export interface SessionData {
  dialog?: DialogState;
  /** A gated command to resume once the user proves their channel subscription. */
  gatePending?: string;
  /** message_id of the live "your ticket is open" message (its Withdraw button), while waiting. */
  waitingNotice?: number;
}

export interface BotDeps {
  config: Config;
  logger: Logger;
  db: Database;
  services: Services;
  translator: Translator;
  deepLinks: DeepLinkRouter<BotContext>;
  gateResumes: GateResumes<BotContext>;
  /** Undefined when CHANNEL_ID is not set: the gate is off. */
  gate: SubscriptionChecker | undefined;
  menus: CommandMenus;
  metrics: Metrics;
  /** The flood limit's count: in memory when polling, shared through the update claims in webhook mode. */
  flood: FloodMeter;
}

export interface AppFlavor {
  deps: BotDeps;
  /** The users row of the sender, created or refreshed by the register middleware. */
  user: User;
  /** Re-read from the database on every update. */
  role: Role;
  /** The sender's ticket that is not closed, read with the users row (the waiting state). */
  openTicketId: number | null;
  /** The sender's ban in force, read with the users row (null: not banned). */
  ban: ActiveBan | null;
  /** The catalog's revision read with the users row (null: unknown, the catalog is read afresh). */
  catalogRevision: string | null;
  locale: Locale;
  /** Translates in the user's language; string variables are HTML-escaped. */
  t: Translate;
  log: Logger;
}

export type BotContext = Context & SessionFlavor<SessionData> & AppFlavor;
