import { pino } from 'pino';

export type Logger = pino.Logger;

/** JSON logs on stdout. The bot token is redacted wherever it could appear (URLs of Bot API calls). */
export function createLogger(level: string, token?: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['token', '*.token', 'config.botToken'], censor: '[redacted]' },
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
