/** Limits of the Bot API that the bot must respect (see TELEGRAM.md). */

/** Characters of a message text after entity parsing. */
export const MESSAGE_TEXT_MAX = 4096;
/** Characters of a media caption after entity parsing. */
export const CAPTION_MAX = 1024;
/** Bytes of an inline button's callback_data. */
export const CALLBACK_DATA_MAX_BYTES = 64;
/** Characters of a callback query answer's text. */
export const CALLBACK_ANSWER_MAX = 200;
