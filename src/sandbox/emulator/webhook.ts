/**
 * Webhook delivery: POSTs each queued update as JSON to the bot's URL, one at a time and in order, with the
 * `X-Telegram-Bot-Api-Secret-Token` header, retrying with exponential backoff until it gets a 2xx. A JSON
 * answer with a `method` field is executed as a Bot API call (Telegram's "webhook reply").
 */
import type { EmulatorState } from './state.js';
import type { ApiUpdate } from './types.js';

export interface WebhookConfig {
  url: string;
  secretToken: string | undefined;
  maxConnections: number;
  ipAddress: string | undefined;
}

export interface WebhookTiming {
  /** First retry delay in ms (doubles on each failure). */
  retryBaseMs: number;
  /** Maximum retry delay in ms. */
  retryMaxMs: number;
  /** Request timeout in ms. */
  timeoutMs: number;
}

export class WebhookDeliverer {
  config: WebhookConfig | undefined;
  lastErrorDate: number | undefined;
  lastErrorMessage: string | undefined;
  /** Number of delivery attempts (for tests and stats). */
  attempts = 0;

  private running = false;
  private generation = 0;
  private abort: AbortController | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly state: EmulatorState,
    private readonly timing: WebhookTiming,
    private readonly executeReply: (method: string, params: Record<string, unknown>) => Promise<void>,
  ) {}

  /** Sets (or replaces) the webhook and starts delivering pending updates. */
  set(config: WebhookConfig): void {
    this.config = config;
    this.lastErrorDate = undefined;
    this.lastErrorMessage = undefined;
    this.interrupt();
    this.kick();
  }

  /** Removes the webhook; an in-flight delivery is aborted (the update stays queued). */
  clear(): void {
    this.config = undefined;
    this.interrupt();
  }

  /** Starts the delivery loop if there is something to deliver. */
  kick(): void {
    if (!this.running && this.config && this.state.pendingUpdates().length > 0) {
      void this.loop();
    }
  }

  private interrupt(): void {
    this.generation++;
    this.abort?.abort();
    this.wake?.();
  }

  private async loop(): Promise<void> {
    this.running = true;
    const generation = this.generation;
    let failures = 0;
    try {
      while (generation === this.generation) {
        const config = this.config;
        const update = this.state.pendingUpdates()[0];
        if (!config || !update) break;
        const ok = await this.deliver(update, config);
        if (generation !== this.generation) break;
        if (ok) {
          failures = 0;
          if (this.state.pendingUpdates()[0] === update) this.state.shiftUpdate();
        } else {
          failures++;
          const delay = Math.min(this.timing.retryBaseMs * 2 ** (failures - 1), this.timing.retryMaxMs);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, delay);
            this.wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          this.wake = undefined;
        }
      }
    } finally {
      this.running = false;
      // the configuration changed while we were busy: start over with the new one
      if (generation !== this.generation) this.kick();
    }
  }

  private async deliver(update: ApiUpdate, config: WebhookConfig): Promise<boolean> {
    this.attempts++;
    const controller = new AbortController();
    this.abort = controller;
    const timer = setTimeout(() => controller.abort(), this.timing.timeoutMs);
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (config.secretToken !== undefined) headers['X-Telegram-Bot-Api-Secret-Token'] = config.secretToken;
      const res = await fetch(config.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(update),
        signal: controller.signal,
      });
      const body = await res.text();
      if (res.status < 200 || res.status > 299) {
        this.fail(`Wrong response from the webhook: ${res.status} ${res.statusText}`);
        return false;
      }
      await this.webhookReply(res.headers.get('content-type'), body);
      return true;
    } catch (error) {
      if (controller.signal.aborted && this.config !== config) return false;
      const cause = (error as { cause?: { code?: string } }).cause;
      this.fail(
        controller.signal.aborted
          ? 'Read timeout expired'
          : cause?.code === 'ECONNREFUSED'
            ? 'Connection refused'
            : `Connection failed: ${(error as Error).message}`,
      );
      return false;
    } finally {
      clearTimeout(timer);
      if (this.abort === controller) this.abort = undefined;
    }
  }

  private fail(message: string): void {
    this.lastErrorDate = Math.floor(Date.now() / 1000);
    this.lastErrorMessage = message;
  }

  private async webhookReply(contentType: string | null, body: string): Promise<void> {
    if (!contentType?.includes('application/json') || body.length === 0) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null) return;
    const { method, ...params } = parsed as Record<string, unknown>;
    if (typeof method !== 'string' || method.length === 0) return;
    // errors of webhook replies are not reported to the bot (like Telegram)
    await this.executeReply(method, params).catch(() => undefined);
  }
}
