import { afterAll, describe, expect, it } from 'vitest';
import { TelegramEmulator } from '../../src/sandbox/emulator/index.js';
import { PERSONAS, SANDBOX_BOT, SANDBOX_TOKEN } from '../../src/sandbox/personas.js';
import { createSandboxRoutes } from '../../src/sandbox/web/routes.js';

const anna = PERSONAS[0]!;
const emu = new TelegramEmulator({ token: SANDBOX_TOKEN, botUsername: SANDBOX_BOT.username });
emu.createUser({ id: anna.id, first_name: anna.firstName, language_code: anna.languageCode });
afterAll(() => emu.stop());

const post = (
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  path: string,
  body: unknown,
) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('sandbox routes during Reset demo', () => {
  it('refuse persona actions and a second reset until the reset is done', async () => {
    let finish: () => void = () => undefined;
    let resets = 0;
    const routes = createSandboxRoutes({
      emu,
      botHttp: () => undefined,
      roleOf: async () => 'customer',
      reset: () => {
        resets++;
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      },
      timezone: 'Europe/Moscow',
    });
    const { app } = routes;
    const first = post(app, '/api/reset', { confirm: true });
    await new Promise((resolve) => setImmediate(resolve));
    const blocked = await post(app, `/api/personas/${anna.id}/text`, { text: 'hello' });
    expect(blocked.status).toBe(409);
    expect((await post(app, '/api/reset', { confirm: true })).status).toBe(409);
    expect(emu.chat(anna.id).messages).toEqual([]);

    finish();
    expect((await first).status).toBe(200);
    expect(resets).toBe(1);
    expect((await post(app, `/api/personas/${anna.id}/text`, { text: 'hello' })).status).toBe(200);
    expect(emu.chat(anna.id).messages.map((m) => m.text)).toEqual(['hello']);
    routes.closeStreams();
  });
});
