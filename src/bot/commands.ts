import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { Logger } from '../logger.js';
import type { Role } from '../services/staff.js';
import { LOCALES, type Locale, type Translator } from '../text/i18n.js';

const CUSTOMER = ['start', 'catalog', 'search', 'orders', 'support', 'settings', 'help', 'cancel'] as const;
const SUPPORT = ['start', 'tickets', 'help', 'cancel'] as const;
const ADMIN = ['start', 'admin', 'tickets', 'catalog', 'search', 'help', 'cancel'] as const;

/** A command of some menu; each has its description `cmd-<command>`. */
export type Command = (typeof CUSTOMER | typeof SUPPORT | typeof ADMIN)[number];

/** The commands each role sees in its menu and in /help. */
export function commandsOf(role: Role): readonly Command[] {
  if (role === 'owner' || role === 'admin') return ADMIN;
  if (role === 'support') return SUPPORT;
  return CUSTOMER;
}

export function commandList(
  translator: Translator,
  locale: (typeof LOCALES)[number],
  role: Role,
): BotCommand[] {
  return commandsOf(role).map((command) => ({
    command,
    description: translator.t(locale, `cmd-${command}`),
  }));
}

/**
 * Customers get the default scope (one menu per language and a language-less fallback);
 * each owner and staff member gets a chat-scoped menu. A chat-scoped call fails with
 * "chat not found" until that person has pressed Start; it is set again on their /start.
 */
export class CommandMenus {
  constructor(
    private readonly translator: Translator,
    private readonly logger: Logger,
  ) {}

  async setDefault(api: Api): Promise<void> {
    await Promise.all([
      api.setMyCommands(commandList(this.translator, this.translator.defaultLocale, 'customer')),
      ...LOCALES.map((locale) =>
        api.setMyCommands(commandList(this.translator, locale, 'customer'), { language_code: locale }),
      ),
    ]);
  }

  /** Sets (or, for a customer, removes) the chat-scoped menu of one person. */
  async setFor(api: Api, chatId: number, role: Role): Promise<void> {
    const scope = { type: 'chat' as const, chat_id: chatId };
    try {
      // The menus of one scope are independent calls: sent together, a start-up waits for one round trip.
      if (role === 'customer') {
        await Promise.all([
          api.deleteMyCommands({ scope }),
          ...LOCALES.map((locale) => api.deleteMyCommands({ scope, language_code: locale })),
        ]);
        return;
      }
      await Promise.all([
        api.setMyCommands(commandList(this.translator, this.translator.defaultLocale, role), { scope }),
        ...LOCALES.map((locale) =>
          api.setMyCommands(commandList(this.translator, locale, role), { scope, language_code: locale }),
        ),
      ]);
    } catch (error) {
      this.logger.warn({ chatId, err: error }, 'could not set the command menu of this chat yet');
    }
  }
}

const inLanguage = (language_code?: Locale) => (language_code === undefined ? {} : { language_code });

/** The bot's profile texts: the description on the empty chat before Start and the short one in its profile. */
const PROFILE_TEXTS = [
  {
    key: 'bot-description',
    get: async (api: Api, language_code?: Locale) =>
      (await api.getMyDescription(inLanguage(language_code))).description,
    set: (api: Api, text: string, language_code?: Locale) =>
      api.setMyDescription(text, inLanguage(language_code)),
  },
  {
    key: 'bot-short-description',
    get: async (api: Api, language_code?: Locale) =>
      (await api.getMyShortDescription(inLanguage(language_code))).short_description,
    set: (api: Api, text: string, language_code?: Locale) =>
      api.setMyShortDescription(text, inLanguage(language_code)),
  },
] as const;

/**
 * Sets the description and short description for each language and for users of other languages
 * (no language_code: the default locale), each only when Telegram holds a different text, so a
 * deploy that changes nothing makes no set calls (they are rate-limited). The profile is
 * decoration: a failure is logged and start-up goes on.
 */
export async function syncBotProfile(api: Api, translator: Translator, logger: Logger): Promise<void> {
  const targets: { language_code?: Locale; locale: Locale }[] = [
    { locale: translator.defaultLocale },
    ...LOCALES.map((locale) => ({ language_code: locale, locale })),
  ];
  // Each text of each language is one read and at most one write, independent of the others: sent together.
  await Promise.all(
    PROFILE_TEXTS.flatMap((text) =>
      targets.map(async ({ language_code, locale }) => {
        const wanted = translator.t(locale, text.key);
        try {
          if ((await text.get(api, language_code)) === wanted) return;
          await text.set(api, wanted, language_code);
        } catch (error) {
          logger.warn({ err: error, text: text.key, language_code }, 'could not set the bot profile text');
        }
      }),
    ),
  );
}
