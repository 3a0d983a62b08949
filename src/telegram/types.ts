/**
 * The Bot API shapes of formatted text, shared by the bot (which validates what it sends) and the
 * emulator (which parses and renders it). Structural subsets of the official types, compatible with
 * grammY's for the fields they carry.
 */

/** Bot API `User`. */
export interface ApiUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** All entity types of the Bot API that the emulator can produce. */
export type EntityType =
  | 'mention'
  | 'hashtag'
  | 'cashtag'
  | 'bot_command'
  | 'url'
  | 'email'
  | 'phone_number'
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strikethrough'
  | 'spoiler'
  | 'blockquote'
  | 'expandable_blockquote'
  | 'code'
  | 'pre'
  | 'text_link'
  | 'text_mention'
  | 'custom_emoji';

/** Bot API `MessageEntity`; `offset`/`length` are in UTF-16 code units. */
export interface MessageEntity {
  type: EntityType;
  offset: number;
  length: number;
  url?: string;
  user?: ApiUser;
  language?: string;
  custom_emoji_id?: string;
}
