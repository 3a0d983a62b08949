import { pino } from 'pino';

export type Logger = pino.Logger;

/**
 * JSON logs on stdout. The bot token is redacted wherever it could appear (URLs of Bot API calls), and
 * so is the payment provider token of a failed sendInvoice.
 */
export function createLogger(level: string, token?: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: [
        'token',
        '*.token',
        'config.botToken',
        // A failed sendInvoice: grammY's error carries the request, with the payment provider token.
        'payload.provider_token',
        'err.payload.provider_token',
        'config.payments.card.providerToken',
      ],
      censor: '[redacted]',
    },
    hooks: {
      logMethod(args, method) {
        if (token) {
          for (let i = 0; i < args.length; i++) {
            const arg = args[i];
            if (typeof arg === 'string' && arg.includes(token)) args[i] = arg.replaceAll(token, '[redacted]');
          }
        }
        method.apply(this, args);
      },
    },
    formatters: {
      log(object) {
        if (!token) return object;
        const json = JSON.stringify(object);
        return json.includes(token) ? JSON.parse(json.replaceAll(token, '[redacted]')) : object;
      },
    },
  });
}
