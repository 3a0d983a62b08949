/**
 * Bot API error values. Every failed call of the emulator throws an {@link ApiError}; the HTTP layer turns it
 * into `{ ok: false, error_code, description, parameters? }` with the same HTTP status, exactly like Telegram.
 */

/** Extra data attached to some errors (Telegram's `ResponseParameters`). */
export interface ResponseParameters {
  /** Seconds to wait before repeating the request (flood control, HTTP 429). */
  retry_after?: number;
  /** The group was migrated to a supergroup with this identifier. */
  migrate_to_chat_id?: number;
}

/** A Bot API error: `error_code` is also the HTTP status of the answer. */
export class ApiError extends Error {
  readonly code: number;
  readonly description: string;
  readonly parameters: ResponseParameters | undefined;

  constructor(code: number, description: string, parameters?: ResponseParameters) {
    super(description);
    this.name = 'ApiError';
    this.code = code;
    this.description = description;
    this.parameters = parameters;
  }
}

/** `400 Bad Request: <reason>` */
export function badRequest(reason: string): ApiError {
  return new ApiError(400, `Bad Request: ${reason}`);
}

/** `403 Forbidden: <reason>` */
export function forbidden(reason: string): ApiError {
  return new ApiError(403, `Forbidden: ${reason}`);
}

/** `409 Conflict: <reason>` */
export function conflict(reason: string): ApiError {
  return new ApiError(409, `Conflict: ${reason}`);
}

/** `429 Too Many Requests: retry after N` with `parameters.retry_after = N` (N ≥ 1). */
export function tooManyRequests(retryAfterSeconds: number): ApiError {
  const n = Math.max(1, Math.ceil(retryAfterSeconds));
  return new ApiError(429, `Too Many Requests: retry after ${n}`, { retry_after: n });
}

export const UNAUTHORIZED = (): ApiError => new ApiError(401, 'Unauthorized');
export const NOT_FOUND = (): ApiError => new ApiError(404, 'Not Found');

/** The exact error texts the emulator produces (shared by the methods and the tests). */
export const ERR = {
  chatIdEmpty: 'chat_id is empty',
  chatNotFound: 'chat not found',
  textEmpty: 'message text is empty',
  textTooLong: 'message is too long',
  captionTooLong: 'message caption is too long',
  notModified:
    'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
  editNotFound: 'message to edit not found',
  deleteNotFound: 'message to delete not found',
  replyNotFound: 'message to be replied not found',
  copyNotFound: 'message to copy not found',
  forwardNotFound: 'message to forward not found',
  cantEdit: "message can't be edited",
  noTextToEdit: 'there is no text in the message to edit',
  noCaptionToEdit: 'there is no caption in the message to edit',
  noMediaToEdit: 'there is no media in the message to edit',
  cantInitiate: "bot can't initiate conversation with a user",
  blocked: 'bot was blocked by the user',
  notChannelMember: 'bot is not a member of the channel chat',
  queryTooOld: 'query is too old and response timeout expired or query ID is invalid',
  memberListInaccessible: 'member list is inaccessible',
  wrongFileId: 'wrong file identifier/HTTP URL specified',
  noPhoto: 'there is no photo in the request',
  badMarkup: "can't parse reply keyboard markup JSON object",
  buttonType: 'BUTTON_TYPE_INVALID',
  buttonData: 'BUTTON_DATA_INVALID',
  buttonUrl: 'BUTTON_URL_INVALID',
  commandInvalid: 'BOT_COMMAND_INVALID',
  commandDescriptionInvalid: 'BOT_COMMAND_DESCRIPTION_INVALID',
  commandsTooMuch: 'BOT_COMMANDS_TOO_MUCH',
  unsupportedParseMode: 'unsupported parse_mode',
  webhookActive:
    "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
  terminatedByOther:
    'terminated by other getUpdates request; make sure that only one bot instance is running',
  messageIdMissing: 'message identifier is not specified',
  userNotFound: 'user not found',
  invalidUserId: 'invalid user_id specified',
} as const;
