/**
 * The Bot API emulator in its own process for the benchmarks (bench/broadcast.ts, bench/pipeline.ts), so
 * that it does not share the measured process's event loop (or its CPU core). Driven over the IPC
 * channel by {@link EmulatorProcess} (bench/emulator-rpc.ts): `{ id, cmd, args }` → `{ id, result }`.
 * The pipeline's traffic is generated here too (bench/traffic.ts), next to the emulator it measures from.
 */
import { TelegramEmulator } from '../src/sandbox/emulator/index.js';
import { type BotKind, Traffic, type UpdateKind } from './traffic.js';

export type Command =
  | { cmd: 'users'; args: { firstId: number; count: number } }
  | { cmd: 'limits'; args: { globalRatePerSecond: number | null; paidRatePerSecond: number | null } }
  | { cmd: 'stats'; args?: undefined }
  | { cmd: 'armReady'; args?: undefined }
  | { cmd: 'ready'; args?: undefined }
  | { cmd: 'bot'; args: { kind: BotKind } }
  | { cmd: 'batch'; args: { kind: UpdateKind; count: number; settle?: boolean; oneByOne?: boolean } }
  | { cmd: 'calibrate'; args: { count: number } }
  | { cmd: 'closedLoop'; args: { seconds: number; concurrency: number; seed: number } }
  | { cmd: 'openLoop'; args: { seconds: number; rate: number; seed: number } }
  | { cmd: 'stop'; args?: undefined };

const token = process.argv[2];
if (!token || !process.send) throw new Error('run by bench/emulator-rpc.ts with a token and an IPC channel');
const emu = new TelegramEmulator({ token, maxCallLog: 1000 });
const { apiRoot } = await emu.start({ host: '127.0.0.1' });
let traffic: Traffic | undefined;
/** The wall-clock time (ms, sub-millisecond) of the first getUpdates after `armReady`. */
let polled: Promise<number> | undefined;

const now = () => performance.timeOrigin + performance.now();
const requireTraffic = (): Traffic => {
  if (!traffic) throw new Error('create the users first');
  return traffic;
};

async function handle(command: Command): Promise<unknown> {
  switch (command.cmd) {
    case 'users': {
      const { firstId, count } = command.args;
      const ids: number[] = [];
      for (let i = 0; i < count; i++) {
        emu.createUser({ id: firstId + i, first_name: `U${i}`, language_code: i % 3 ? 'ru' : 'en' });
        // Marks the user as having pressed Start; no bot polls, the updates are dropped.
        emu.sendText(firstId + i, '/start');
        ids.push(firstId + i);
      }
      await emu.invoke('deleteWebhook', { drop_pending_updates: true });
      traffic = new Traffic(emu, ids);
      return count;
    }
    case 'limits':
      emu.setRateLimits(command.args);
      return true;
    case 'stats': {
      const s = emu.stats();
      return {
        messagesDelivered: s.messagesDelivered,
        paidMessagesDelivered: s.paidMessagesDelivered,
        tooManyRequests: s.tooManyRequests,
        cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
      };
    }
    case 'armReady':
      polled = new Promise((resolve) => {
        const onRequest = ({ method }: { method: string }) => {
          if (method.toLowerCase() !== 'getupdates') return;
          emu.events.off('request', onRequest);
          resolve(now());
        };
        emu.events.on('request', onRequest);
      });
      return now();
    case 'ready':
      if (!polled) throw new Error('armReady first');
      return await polled;
    case 'bot':
      requireTraffic().setBot(command.args.kind);
      return true;
    case 'batch':
      return requireTraffic().batch(
        command.args.kind,
        command.args.count,
        command.args.settle,
        command.args.oneByOne,
      );
    case 'calibrate':
      return requireTraffic().calibrate(command.args.count);
    case 'closedLoop': {
      const { seconds, concurrency, seed } = command.args;
      return requireTraffic().closedLoop(seconds, concurrency, seed);
    }
    case 'openLoop': {
      const { seconds, rate, seed } = command.args;
      return requireTraffic().openLoop(seconds, rate, seed);
    }
    case 'stop':
      await emu.stop();
      setImmediate(() => process.exit(0));
      return true;
  }
}

process.on('message', (message: { id: number } & Command) => {
  handle(message).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
  );
});
process.send({ ready: apiRoot });
