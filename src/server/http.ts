import { type ServerType, serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { type Bot, webhookCallback } from 'grammy';
import { Hono } from 'hono';
import type { BotContext, BotDeps } from '../bot/context.js';

export const WEBHOOK_PATH = '/telegram/webhook';

/** Health, metrics and (in webhook mode) the update endpoint, which checks Telegram's secret header. */
export function createHttpApp(deps: BotDeps, bot: Bot<BotContext>, webhookSecret?: string): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    try {
      await deps.db.execute(sql`select 1`);
      return c.json({ ok: true });
    } catch {
      return c.json({ ok: false, reason: 'database unavailable' }, 503);
    }
  });
  app.get('/metrics', (c) =>
    c.text(deps.metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4' }),
  );
  if (webhookSecret) {
    app.post(WEBHOOK_PATH, webhookCallback(bot, 'hono', { secretToken: webhookSecret }));
  }
  return app;
}

export function listen(app: Hono, host: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, () => resolve(server));
    server.once('error', reject);
  });
}

export function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    server.close(() => resolve());
  });
}
