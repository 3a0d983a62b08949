/**
 * The traffic of `npm run bench:pipeline`, generated next to the Bot API emulator (in its process, see
 * bench/emulator-process.ts) the way Telegram makes it: updates queued for the bot's getUpdates.
 * An update is complete when the bot's replies to it have arrived at the emulator — send*, edit*,
 * deleteMessage into the user's chat and answerCallbackQuery of the user's query — as many as
 * {@link Traffic.calibrate} counted for that update type (one, for the echo floor).
 * Each user has at most one update in flight, so a reply always belongs to the user's last update.
 */
import type { StoredMessage, TelegramEmulator } from '../src/sandbox/emulator/index.js';

export const UPDATE_KINDS = ['start', 'catalog', 'page', 'help', 'text'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

/** Returning users' mix: mostly browsing the catalog, some commands and free text. */
export const MIX: Readonly<Record<UpdateKind, number>> = {
  start: 0.1,
  catalog: 0.2,
  page: 0.4,
  help: 0.1,
  text: 0.2,
};

const TEXTS: Record<Exclude<UpdateKind, 'page'>, string> = {
  start: '/start',
  catalog: '/catalog',
  help: '/help',
  text: 'Здравствуйте! Сколько стоит лендинг под ключ?',
};

const REPLY_METHODS = new Set([
  'sendmessage',
  'sendphoto',
  'editmessagetext',
  'editmessagecaption',
  'editmessagemedia',
  'editmessagereplymarkup',
  'deletemessage',
  'answercallbackquery',
]);

/** Which bot answers: the echo floor presses any callback, the real bot the ▶ of its own card. */
export type BotKind = 'echo' | 'phoenix';

interface InFlight {
  kind: UpdateKind;
  sentAt: number;
  /** The user's reply count at which this update is complete. */
  doneAt: number;
}

interface UserState {
  id: number;
  replies: number;
  inFlight: InFlight | undefined;
  /** The bot's last message in the chat, and its last one with catalog paging buttons. */
  lastBotMessage: number;
  card: number;
}

/** A small seeded generator (mulberry32): both bots get the same sequence of update types. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickKind(random: () => number): UpdateKind {
  let r = random();
  for (const kind of UPDATE_KINDS) {
    r -= MIX[kind];
    if (r < 0) return kind;
  }
  return 'text';
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function summarize(latencies: number[]): LatencySummary {
  const sorted = latencies.slice().sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Traffic {
  private readonly users: UserState[] = [];
  private readonly byId = new Map<number, UserState>();
  private readonly queryOwner = new Map<string, UserState>();
  private bot: BotKind = 'echo';
  /** Reply calls per update, by type, for the current bot. */
  private replies: Record<UpdateKind, number> = { start: 1, catalog: 1, page: 1, help: 1, text: 1 };
  private onComplete: ((user: UserState, latencyMs: number) => void) | undefined;
  private lastReplyAt = 0;

  constructor(
    private readonly emu: TelegramEmulator,
    userIds: readonly number[],
  ) {
    for (const id of userIds) {
      const user: UserState = { id, replies: 0, inFlight: undefined, lastBotMessage: 0, card: 0 };
      this.users.push(user);
      this.byId.set(id, user);
    }
    emu.events.on('update', (update) => {
      const query = update.callback_query;
      const user = query && this.byId.get(query.from.id);
      if (query && user) this.queryOwner.set(query.id, user);
    });
    const track = (m: StoredMessage) => {
      if (m.sender !== 'bot') return;
      const user = this.byId.get(m.chat_id);
      if (!user) return;
      user.lastBotMessage = m.message_id;
      if (this.pagingButton(m)) user.card = m.message_id;
    };
    emu.events.on('message', track);
    emu.events.on('edit', track);
    emu.events.on('call', (call) => {
      const method = call.method.toLowerCase();
      if (!REPLY_METHODS.has(method)) return;
      let user: UserState | undefined;
      if (method === 'answercallbackquery') {
        const id = String(call.params.callback_query_id);
        user = this.queryOwner.get(id);
        this.queryOwner.delete(id);
      } else {
        user = this.byId.get(Number(call.params.chat_id));
      }
      if (!user) return;
      this.lastReplyAt = performance.now();
      user.replies++;
      const flight = user.inFlight;
      if (!flight || user.replies < flight.doneAt) return;
      user.inFlight = undefined;
      const latency = this.lastReplyAt - flight.sentAt;
      const done = this.onComplete;
      if (done) queueMicrotask(() => done(user, latency));
    });
  }

  /** The next rounds are answered by `bot` (its reply counts are calibrated anew). */
  setBot(bot: BotKind): void {
    this.bot = bot;
    this.replies = { start: 1, catalog: 1, page: 1, help: 1, text: 1 };
  }

  private pagingButton(m: StoredMessage | undefined): string | undefined {
    const markup = m?.reply_markup;
    if (!markup || !('inline_keyboard' in markup)) return undefined;
    const buttons = markup.inline_keyboard.flat();
    const button = buttons.find((b) => b.text === '▶') ?? buttons.find((b) => b.text === '◀');
    return button?.callback_data;
  }

  /** Queues one update of `kind` from `user` (marks it in flight). */
  private send(user: UserState, kind: UpdateKind, expected = this.replies[kind]): void {
    user.inFlight = { kind, sentAt: performance.now(), doneAt: user.replies + expected };
    if (kind !== 'page') {
      this.emu.sendText(user.id, TEXTS[kind]);
      return;
    }
    if (this.bot === 'echo') {
      void this.emu.sendCallback(user.id, user.lastBotMessage || 1, 'bench');
      return;
    }
    const data = this.pagingButton(this.emu.message(user.id, user.card));
    // No card to page (its buttons were taken off): the user opens the catalog again instead.
    if (!data) this.send(user, 'catalog');
    else void this.emu.pressButton(user.id, user.card, data);
  }

  /** Resolves when every user in `users` is done, or after `timeoutMs`; returns how many were not. */
  private async drain(users: readonly UserState[], timeoutMs = 20_000): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const left = users.filter((u) => u.inFlight).length;
      if (left === 0 || performance.now() > deadline) {
        for (const u of users) u.inFlight = undefined;
        return left;
      }
      await sleep(5);
    }
  }

  /** Waits until no reply has arrived for `quietMs` (capped at `timeoutMs`). */
  private async quiet(quietMs: number, timeoutMs = 20_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() - this.lastReplyAt < quietMs && performance.now() < deadline) await sleep(20);
  }

  /**
   * One update of `kind` from each of the first `count` users at once; resolves when each got its
   * replies. With `settle`, each is done at its first reply and the batch at a quiet moment after it
   * (the warm-up: a first /start may answer with more than a returning one).
   */
  async batch(
    kind: UpdateKind,
    count: number,
    settle = false,
    oneByOne = false,
  ): Promise<{ seconds: number; timeouts: number }> {
    const users = this.users.slice(0, count);
    const started = performance.now();
    let timeouts = 0;
    if (oneByOne) {
      // Each update alone: the next is sent once the last one is answered (nothing to share a statement with).
      for (const user of users) {
        this.send(user, kind, settle ? 1 : this.replies[kind]);
        timeouts += await this.drain([user]);
      }
    } else {
      for (const user of users) this.send(user, kind, settle ? 1 : this.replies[kind]);
      timeouts = await this.drain(users);
    }
    const seconds = (performance.now() - started) / 1000;
    if (settle) await this.quiet(300);
    return { seconds, timeouts };
  }

  /**
   * Counts the replies to one update of each type from `count` returning users (each type alone, then
   * a quiet moment), and uses the most common count as that type's completion from now on.
   */
  async calibrate(count: number): Promise<Record<UpdateKind, number>> {
    const users = this.users.slice(0, count);
    for (const kind of UPDATE_KINDS) {
      const before = users.map((u) => u.replies);
      for (const user of users) this.send(user, kind, 1);
      await this.drain(users);
      await this.quiet(300);
      const counts = new Map<number, number>();
      users.forEach((u, i) => {
        const n = u.replies - (before[i] ?? 0);
        counts.set(n, (counts.get(n) ?? 0) + 1);
      });
      this.replies[kind] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1;
    }
    return { ...this.replies };
  }

  /**
   * Closed loop, the bot's maximum: `concurrency` users keep one update each in flight for `seconds`;
   * the rate counts completions after a short ramp.
   */
  async closedLoop(
    seconds: number,
    concurrency: number,
    seed: number,
  ): Promise<{ rate: number; completed: number; timeouts: number }> {
    const random = seeded(seed);
    const users = this.users.slice(0, Math.min(concurrency, this.users.length));
    const rampMs = 500;
    const started = performance.now();
    const end = started + rampMs + seconds * 1000;
    let completed = 0;
    let completedAll = 0;
    let running = true;
    this.onComplete = (user) => {
      completedAll++;
      const now = performance.now();
      if (now >= started + rampMs && now <= end) completed++;
      if (running) this.send(user, pickKind(random));
    };
    for (const user of users) this.send(user, pickKind(random));
    await sleep(end - performance.now());
    running = false;
    const timeouts = await this.drain(users);
    this.onComplete = undefined;
    return { rate: completed / seconds, completed: completedAll, timeouts };
  }

  /**
   * Open loop at a fixed `rate` for `seconds`: an update every 1/rate s from the next free user,
   * whatever the bot does; returns the reply latencies. `overflow`: sends skipped because every user
   * still waited (the bot fell behind).
   */
  async openLoop(
    seconds: number,
    rate: number,
    seed: number,
  ): Promise<LatencySummary & { overflow: number; timeouts: number }> {
    const random = seeded(seed);
    const latencies: number[] = [];
    this.onComplete = (_user, latency) => latencies.push(latency);
    const started = performance.now();
    let sent = 0;
    let overflow = 0;
    let next = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const elapsed = performance.now() - started;
        const due = Math.min(Math.floor((elapsed / 1000) * rate), Math.floor(seconds * rate));
        while (sent + overflow < due) {
          let user: UserState | undefined;
          for (let tries = 0; tries < this.users.length && !user; tries++) {
            const candidate = this.users[next] as UserState;
            next = (next + 1) % this.users.length;
            if (!candidate.inFlight) user = candidate;
          }
          if (!user) {
            overflow++;
            continue;
          }
          this.send(user, pickKind(random));
          sent++;
        }
        if (elapsed >= seconds * 1000) {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
    const timeouts = await this.drain(this.users);
    this.onComplete = undefined;
    return { ...summarize(latencies), overflow, timeouts };
  }
}
