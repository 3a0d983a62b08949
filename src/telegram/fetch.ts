import http from 'node:http';
import https from 'node:https';

type Fetch = typeof fetch;

/**
 * A lean `fetch` for grammY's Api (its `fetch` client option), used by the bot and by the broadcast
 * sender. Bot API calls with a JSON body (nearly all: texts, keyboards, photos by file_id, getUpdates)
 * go through `http.request` on a keep-alive agent with many sockets, headers and body written in one
 * go; grammY only reads `res.json()`. That costs a fraction of the CPU of a general-purpose fetch
 * (node-fetch is grammY's default on Node), which matters on the hot path and at thousands of messages
 * per second. Any other body (a multipart upload) falls back to the platform's fetch.
 */
export function createBotApiFetch(options: { maxSockets?: number } = {}): Fetch {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? 256,
    scheduling: 'lifo' as const,
  };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);

  const lean = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = init?.body;
    if (typeof body !== 'string' || input instanceof Request) {
      return fetch(input, { ...init, ...(body ? { duplex: 'half' } : {}) } as RequestInit);
    }
    const url = typeof input === 'string' ? new URL(input) : input;
    const signal = init?.signal ?? undefined;
    const headers: Record<string, string | number> = { ...(init?.headers as Record<string, string>) };
    headers['content-length'] = Buffer.byteLength(body);
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason ?? new Error('aborted'));
        return;
      }
      const secure = url.protocol === 'https:';
      const request = (secure ? https : http).request(
        url,
        { method: init?.method ?? 'POST', headers, agent: secure ? httpsAgent : httpAgent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', fail);
          response.on('end', () => {
            signal?.removeEventListener('abort', abort);
            const text = Buffer.concat(chunks).toString('utf8');
            const status = response.statusCode ?? 0;
            resolve({
              ok: status >= 200 && status < 300,
              status,
              statusText: response.statusMessage ?? '',
              json: async () => JSON.parse(text),
              text: async () => text,
            } as Response);
          });
        },
      );
      function fail(error: unknown) {
        signal?.removeEventListener('abort', abort);
        reject(error);
      }
      function abort() {
        request.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      }
      signal?.addEventListener('abort', abort, { once: true });
      request.on('error', fail);
      request.end(body);
    });
  };
  return lean as Fetch;
}
