import { GrammyError } from 'grammy';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/logger.js';

/** Captures what the logger writes to stdout (pino writes through process.stdout.write). */
function captured(run: () => void): string {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return lines.join('');
}

describe('logger', () => {
  it('never writes the payment provider token of a failed sendInvoice', () => {
    const secret = '381764678:LIVE:do-not-log';
    const error = new GrammyError(
      "Call to 'sendInvoice' failed! (400: Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID)",
      { ok: false, error_code: 400, description: 'Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID' },
      'sendInvoice',
      { chat_id: 1, currency: 'RUB', provider_token: secret },
    );
    const out = captured(() => {
      const log = createLogger('info');
      log.warn({ err: error }, 'invoice refused by Telegram');
      log.error({ err: error, update_id: 7 }, 'update handler failed');
      log.info({ payload: error.payload }, 'request');
    });
    expect(out).toContain('invoice refused by Telegram');
    expect(out).toContain('CURRENCY_TOTAL_AMOUNT_INVALID');
    expect(out).not.toContain(secret);
    expect(out.match(/\[redacted\]/g)).toHaveLength(3);
  });
});
