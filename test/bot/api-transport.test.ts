import { createServer } from 'node:net';
import { Api, GrammyError, HttpError, InputFile } from 'grammy';
import { describe, expect, it } from 'vitest';
import { directJsonCalls } from '../../src/bot/api-transport.js';
import { makePng } from '../../src/sandbox/emulator/index.js';
import { BotApiClient } from '../../src/telegram/fetch.js';
import { ANN, TOKEN, useEmulator } from '../emulator/helpers.js';

/** A grammY Api with the bot's transport: JSON calls sent directly, the rest through grammY on undici. */
/** Ann has started the bot (a bot cannot write first). */
const startAnn = (emu: ReturnType<ReturnType<typeof useEmulator>['emu']>) => {
  emu.createUser({ id: ANN, first_name: 'Ann' });
  emu.sendText(ANN, '/start');
};

function apiOn(apiRoot: string, timeoutSeconds = 10): Api {
  const client = new BotApiClient();
  const api = new Api(TOKEN, { apiRoot, timeoutSeconds, fetch: client.fetch });
  api.config.use(directJsonCalls(client, apiRoot, TOKEN, timeoutSeconds));
  return api;
}

describe('the Bot API transport (directJsonCalls on undici)', () => {
  const { emu, root } = useEmulator();

  it('sends JSON calls itself, leaves null fields out as grammY does, and uploads through grammY', async () => {
    startAnn(emu());
    const api = apiOn(root());
    const sent = await api.sendMessage(ANN, 'a <b>bold</b> null', {
      parse_mode: 'HTML',
      reply_markup: null as never,
    });
    expect(sent.text).toBe('a bold null');
    const call = emu().calls.find((c) => c.method === 'sendMessage');
    expect(call?.params).not.toHaveProperty('reply_markup');
    expect(await api.answerCallbackQuery('no-such-query').catch((e: unknown) => e)).toBeInstanceOf(
      GrammyError,
    );

    const photo = await api.sendPhoto(ANN, new InputFile(makePng(4, 4), 'dot.png'), { caption: 'upload' });
    expect(photo.caption).toBe('upload');
  });

  it("a Bot API error comes back as grammY's GrammyError with Telegram's code", async () => {
    startAnn(emu());
    emu().injectFault({ method: 'sendMessage', error: { code: 502, description: 'Bad Gateway' }, times: 1 });
    const error = await apiOn(root())
      .sendMessage(ANN, 'hi')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(502);
  });

  it('a call that hangs is given up after the timeout as an HttpError (what the retry transformer retries)', async () => {
    startAnn(emu());
    emu().injectFault({ method: 'sendMessage', delayMs: 5000, times: 1 });
    const error = await apiOn(root(), 0.3)
      .sendMessage(ANN, 'hi')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(String((error as HttpError).message)).not.toContain(TOKEN);
  });

  it('no Bot API at all (connection refused) is an HttpError, and an aborted call stops at once', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const down = await apiOn(`http://127.0.0.1:${closed}`)
      .getMe()
      .catch((e: unknown) => e);
    expect(down).toBeInstanceOf(HttpError);

    emu().injectFault({ method: 'getUpdates', delayMs: 5000, times: 1 });
    const controller = new AbortController();
    const polling = apiOn(root()).getUpdates({ timeout: 0 }, controller.signal as never);
    setTimeout(() => controller.abort(), 100);
    expect(await polling.catch((e: unknown) => e)).toBeInstanceOf(HttpError);
  });
});
