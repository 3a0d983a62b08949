import type { User } from '../../../services/users.js';
import type { Locale, Translate } from '../../../text/i18n.js';
import type { BotDeps } from '../../context.js';

/** What a message to someone other than the presser needs: the API comes separately. */
export type NotifyDeps = Pick<BotDeps, 'logger' | 'services' | 'translator' | 'config'>;

/** The locale of someone the bot writes to (a notification, a relayed message). */
export const localeOf = (deps: NotifyDeps, user: Pick<User, 'languageCode'>): Locale =>
  deps.translator.pick(user.languageCode);

/** The translator of someone the bot writes to. */
export const translateFor = (deps: NotifyDeps, user: Pick<User, 'languageCode'>): Translate =>
  deps.translator.for(localeOf(deps, user));
