import { HttpError, type Transformer } from 'grammy';
import { type BotApiClient, splitUrl } from '../telegram/fetch.js';

/**
 * Bot API methods whose payload is never a file upload: {@link directJsonCalls} sends them; anything
 * else (sendPhoto, sendDocument, sendMediaGroup, …) goes through grammY's client.
 */
const JSON_ONLY_METHODS = new Set([
  'getUpdates',
  'sendMessage',
  'editMessageText',
  'editMessageCaption',
  'editMessageReplyMarkup',
  'answerCallbackQuery',
  'answerInlineQuery',
  'answerPreCheckoutQuery',
  'deleteMessage',
  'deleteMessages',
  'copyMessage',
  'forwardMessage',
  'sendChatAction',
  'getChatMember',
  'sendInvoice',
]);

/** grammY's JSON rule: `null` fields are left out like `undefined` ones. */
const withoutNulls = (_key: string, value: unknown) => value ?? undefined;

/**
 * The innermost API transformer: a call whose payload cannot hold a file is sent from here on the
 * undici client, without grammY's per-call machinery (an AbortController shim with its listeners, a
 * timer and two promises raced, a walk of the payload for files) — a few percent of an update's CPU.
 * Same contract as grammY's own: the Bot API's JSON answer is returned as it is (the Api turns
 * `ok: false` into a GrammyError), no answer at all is an {@link HttpError} (what the retry
 * transformer retries and the metrics count as `network`), a call is given up after `timeoutSeconds`
 * without headers or body, and the caller's signal (the runner's on stop) aborts it. The token is in
 * the path only, never in an error.
 */
export function directJsonCalls(
  client: BotApiClient,
  apiRoot: string,
  token: string,
  timeoutSeconds: number,
): Transformer {
  const { origin, path } = splitUrl(apiRoot);
  const base = `${path === '/' ? '' : path}/bot${token}/`;
  const timeoutMs = timeoutSeconds * 1000;
  return async (prev, method, payload, signal) => {
    if (!JSON_ONLY_METHODS.has(method)) return prev(method, payload, signal);
    const json = JSON.stringify(payload ?? {});
    // Only a payload with a null in it pays for grammY's null rule.
    const body = json.includes('null') ? JSON.stringify(payload ?? {}, withoutNulls) : json;
    try {
      return JSON.parse(await client.postJson(origin, base + method, body, timeoutMs, signal));
    } catch (error) {
      throw new HttpError(`Network request for '${method}' failed!`, error);
    }
  };
}
