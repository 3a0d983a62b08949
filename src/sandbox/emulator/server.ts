/**
 * HTTP transport of the emulator: routes `/bot<token>/<method>` and `/file/bot<token>/<path>` like
 * api.telegram.org. Exposed three ways: a Node `(req, res)` handler, a WHATWG `fetch(Request)` handler (to
 * mount in Hono or any fetch-style server), and a stand-alone `node:http` server with keep-alive.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from './errors.js';
import type { Faults } from './faults.js';
import type { ApiAnswer, BotApi, CallContext } from './methods.js';
import { parsePayload } from './params.js';
import type { EmulatorState } from './state.js';

/** What the router answers: a status, headers and a body. */
export interface RouteResult {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

const BOT_PATH = /\/bot([^/]+)\/([^/]*)$/;
const FILE_PATH = /\/file\/bot([^/]+)\/(.+)$/;
const JSON_HEADERS = { 'content-type': 'application/json' };

function json(answer: ApiAnswer): RouteResult {
  return { status: answer.status, headers: JSON_HEADERS, body: JSON.stringify(answer.body) };
}

function errorResult(error: ApiError): RouteResult {
  const body: Record<string, unknown> = { ok: false, error_code: error.code, description: error.description };
  if (error.parameters) body.parameters = error.parameters;
  return { status: error.code, headers: JSON_HEADERS, body: JSON.stringify(body) };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export interface HttpDeps {
  token: string;
  api: () => BotApi;
  state: () => EmulatorState;
  faults: Faults;
  maxBodyBytes: number;
}

export class HttpFrontend {
  private server: Server | undefined;

  constructor(private readonly deps: HttpDeps) {}

  /**
   * Routes one request. `path` may carry a query string. Never throws for client errors.
   */
  async route(
    httpMethod: string,
    path: string,
    contentType: string | undefined,
    body: Buffer,
    ctx: CallContext,
  ): Promise<RouteResult> {
    const q = path.indexOf('?');
    const pathname = q >= 0 ? path.slice(0, q) : path;
    const query = q >= 0 ? path.slice(q + 1) : '';
    const bot = BOT_PATH.exec(pathname);
    if (bot) {
      if (safeDecode(bot[1] ?? '') !== this.deps.token) return errorResult(new ApiError(401, 'Unauthorized'));
      const method = safeDecode(bot[2] ?? '');
      if (httpMethod !== 'GET' && httpMethod !== 'POST') return errorResult(new ApiError(404, 'Not Found'));
      let payload: ReturnType<typeof parsePayload>;
      try {
        payload = parsePayload(contentType, body, query);
      } catch (error) {
        if (error instanceof ApiError) return errorResult(error);
        throw error;
      }
      const fault = this.deps.faults.take(method);
      if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault?.error) {
        const { code, description, retryAfter } = fault.error;
        return errorResult(
          new ApiError(code, description, retryAfter === undefined ? undefined : { retry_after: retryAfter }),
        );
      }
      return json(await this.deps.api().handle(method, payload, ctx));
    }
    const file = FILE_PATH.exec(pathname);
    if (file && (httpMethod === 'GET' || httpMethod === 'HEAD')) {
      if (safeDecode(file[1] ?? '') !== this.deps.token)
        return errorResult(new ApiError(401, 'Unauthorized'));
      const record = this.deps.state().files.getByPath(safeDecode(file[2] ?? ''));
      if (!record?.bytes) return errorResult(new ApiError(404, 'Not Found'));
      return {
        status: 200,
        headers: { 'content-type': record.mimeType, 'content-length': String(record.bytes.length) },
        body: httpMethod === 'HEAD' ? Buffer.alloc(0) : record.bytes,
      };
    }
    return errorResult(new ApiError(404, 'Not Found'));
  }

  /** A Node.js request handler (for `http.createServer` or to mount in another Node server). */
  readonly nodeHandler = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > this.deps.maxBodyBytes) {
        tooLarge = true;
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (tooLarge) {
        writeResult(res, errorResult(new ApiError(413, 'Request Entity Too Large')));
        return;
      }
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      const ctx: CallContext = {
        source: 'http',
        onAbort: (cb) => {
          res.once('close', () => {
            if (!res.writableFinished) cb();
          });
        },
      };
      this.route(req.method ?? 'GET', req.url ?? '/', req.headers['content-type'], body, ctx).then(
        (result) => writeResult(res, result),
        (error: unknown) =>
          writeResult(res, {
            status: 500,
            headers: JSON_HEADERS,
            body: JSON.stringify({
              ok: false,
              error_code: 500,
              description: `Internal Server Error: ${(error as Error).message}`,
            }),
          }),
      );
    });
  };

  /** A WHATWG fetch handler: `(request) => Promise<Response>`. */
  readonly fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const body =
      request.method === 'GET' || request.method === 'HEAD'
        ? Buffer.alloc(0)
        : Buffer.from(await request.arrayBuffer());
    if (body.length > this.deps.maxBodyBytes) {
      const r = errorResult(new ApiError(413, 'Request Entity Too Large'));
      return new Response(r.body as string, { status: r.status, headers: r.headers });
    }
    const ctx: CallContext = {
      source: 'http',
      onAbort: (cb) => request.signal.addEventListener('abort', cb, { once: true }),
    };
    const result = await this.route(
      request.method,
      url.pathname + url.search,
      request.headers.get('content-type') ?? undefined,
      body,
      ctx,
    );
    return new Response(typeof result.body === 'string' ? result.body : new Uint8Array(result.body), {
      status: result.status,
      headers: result.headers,
    });
  };

  /** Starts a stand-alone HTTP server. */
  async listen(port: number, host: string): Promise<{ port: number; host: string }> {
    if (this.server) throw new Error('the emulator is already started');
    const server = createServer({ keepAlive: true }, this.nodeHandler);
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    server.requestTimeout = 0;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    return { port: address.port, host };
  }

  /** Closes the server and all its connections. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      // let answers that are being written (e.g. released long polls) go out, then cut the rest
      setImmediate(() => server.closeAllConnections());
    });
  }
}

function writeResult(res: ServerResponse, result: RouteResult): void {
  if (res.destroyed) return;
  const body = result.body;
  res.writeHead(result.status, {
    ...result.headers,
    'content-length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.length),
  });
  res.end(body);
}
