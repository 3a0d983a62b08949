/**
 * The people you play in the sandbox: each is a Telegram user of the embedded emulator. Ids are above 2^32
 * like many real Telegram ids, so the sandbox exercises the bigint columns too.
 */

export type PersonaRole = 'customer' | 'owner' | 'support';

export interface Persona {
  id: number;
  firstName: string;
  lastName?: string;
  username: string;
  /** The language of the persona's Telegram app at first (the page can switch it). */
  languageCode: 'ru' | 'en';
  /** The role the sandbox starts with (the page shows the bot's current one). */
  role: PersonaRole;
  /** Avatar colour in the page. */
  color: string;
}

export const SANDBOX_TOKEN = '7000000000:SANDBOX-phoenix-local-emulator-token';
export const SANDBOX_BOT = { username: 'phoenix_sandbox_bot', firstName: 'PHOENIX' } as const;

/** The studio's channel: the subscription gate checks membership in it. */
export const SANDBOX_CHANNEL = {
  id: -1001777000001,
  username: 'phoenix_sandbox',
  title: 'PHOENIX web studio',
} as const;

export const PERSONAS: readonly Persona[] = [
  {
    id: 7_100_000_001,
    firstName: 'Анна',
    lastName: 'Смирнова',
    username: 'anna_customer',
    languageCode: 'ru',
    role: 'customer',
    color: '#e17076',
  },
  {
    id: 7_100_000_002,
    firstName: 'Mike',
    lastName: 'Brown',
    username: 'mike_customer',
    languageCode: 'en',
    role: 'customer',
    color: '#7bc862',
  },
  {
    id: 7_100_000_010,
    firstName: 'Олег',
    lastName: 'Феникс',
    username: 'oleg_owner',
    languageCode: 'ru',
    role: 'owner',
    color: '#ee7aae',
  },
  {
    id: 7_100_000_021,
    firstName: 'Света',
    username: 'sveta_support',
    languageCode: 'ru',
    role: 'support',
    color: '#6ec9cb',
  },
  {
    id: 7_100_000_022,
    firstName: 'Dan',
    username: 'dan_support',
    languageCode: 'en',
    role: 'support',
    color: '#65aadd',
  },
];

export const OWNER_PERSONA = PERSONAS.find((p) => p.role === 'owner') as Persona;

export function personaById(id: number): Persona | undefined {
  return PERSONAS.find((p) => p.id === id);
}
