/**
 * How the Bot API refuses an edit or a delete, read from the error's shape (`error_code` and
 * `description`, as grammY's GrammyError and the emulator both carry them), so that this layer needs
 * no client library.
 */

interface ApiErrorShape {
  error_code: number;
  description: string;
}

const isApiError = (error: unknown): error is ApiErrorShape =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as { error_code?: unknown }).error_code === 'number' &&
  typeof (error as { description?: unknown }).description === 'string';

const describes = (error: unknown, ...phrases: string[]): boolean =>
  isApiError(error) && error.error_code === 400 && phrases.some((p) => error.description.includes(p));

/** The edit would change nothing: for the caller this is success. */
export const isNotModified = (error: unknown): boolean => describes(error, 'message is not modified');

/** The message to edit or delete no longer exists (deleted, or never there). */
export const isMessageGone = (error: unknown): boolean =>
  describes(error, 'message to edit not found', 'message to delete not found', 'MESSAGE_ID_INVALID');

/** The message exists but this edit cannot apply to it (too old, another kind of content, not ours). */
export const isNotEditable = (error: unknown): boolean =>
  describes(
    error,
    "message can't be edited",
    'there is no text in the message to edit',
    'there is no caption in the message to edit',
    "message can't be deleted",
    'wrong type of the web page content',
    'wrong file identifier',
    'failed to get HTTP URL content',
  );

/** Any Bad Request (400) answer. */
export const isBadRequest = (error: unknown): boolean => isApiError(error) && error.error_code === 400;

/** The user blocked the bot or deleted their account (403). */
export const isBlockedByUser = (error: unknown): boolean => isApiError(error) && error.error_code === 403;
