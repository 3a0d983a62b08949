import { type ServerType, serve } from '@hono/node-server';
import { type Handler, Hono } from 'hono';

export const WEBHOOK_PATH = '/telegram/webhook';

export interface HttpRoutes {
  /** Resolves when the database answers; throws when it does not. */
  checkDatabase: () => Promise<unknown>;
  /** The Prometheus text exposition. */
  metrics: () => Promise<string> | string;
  /** Its Content-Type (prom-client's `register.contentType`); default: text format 0.0.4. */
  metricsContentType?: string;
  /** In webhook mode: the update endpoint, which checks Telegram's secret header itself. */
  webhook?: Handler;
}

/** Health, metrics and (in webhook mode) the update endpoint. */
export function createHttpApp(routes: HttpRoutes): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    try {
      await routes.checkDatabase();
      return c.json({ ok: true });
    } catch {
      return c.json({ ok: false, reason: 'database unavailable' }, 503);
    }
  });
  app.get('/metrics', async (c) =>
    c.body(await routes.metrics(), 200, {
      'content-type': routes.metricsContentType ?? 'text/plain; version=0.0.4; charset=utf-8',
    }),
  );
  if (routes.webhook) app.post(WEBHOOK_PATH, routes.webhook);
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
