/**
 * Public API of the Telegram Bot API emulator.
 *
 * @example
 * ```ts
 * import { TelegramEmulator } from './sandbox/emulator/index.js';
 * const emu = new TelegramEmulator({ token: '123456:TEST' });
 * const { apiRoot } = await emu.start();
 * ```
 */

export { checkLink, EntityParseError, type FormattedText, sortEntities } from '../../telegram/entities.js';
export { type HtmlParseOptions, parseHtml } from '../../telegram/html.js';
export { entitiesToHtml, escapeHtml } from '../../telegram/html-render.js';
export {
  type ChatView,
  type MemberStatusOptions,
  type NewChannel,
  type NewUser,
  type PayOptions,
  TelegramEmulator,
  type TelegramEmulatorOptions,
  type UserMessageOptions,
  type UserPhotoOptions,
  type WaitForOptions,
} from './emulator.js';
export { finalizeText, findEntities, fixEntities } from './entities.js';
export { ApiError, ERR, type ResponseParameters } from './errors.js';
export type { Fault } from './faults.js';
export { type ImageInfo, makePng, sniffImage } from './files.js';
export { INLINE_ERR } from './inline.js';
export { parseMarkdownLegacy, parseMarkdownV2 } from './markdown.js';
export { CURRENCIES, type CurrencyInfo, currencyExp, formatAmount, PAYMENT_ERR } from './payments.js';
export { SlidingWindowLimiter } from './ratelimit.js';
export type {
  ChannelSnapshot,
  ChatSnapshot,
  EmulatorSnapshot,
  FileSnapshot,
  MessageSnapshot,
  UserSnapshot,
} from './snapshot.js';
export type * from './types.js';
