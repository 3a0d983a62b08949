/**
 * The Bot API emulator in its own process for `bench/broadcast.ts`, so that it does not share the
 * sender's event loop (or its CPU core). Driven over the IPC channel: `{ id, cmd, args }` → `{ id, result }`.
 */
import { TelegramEmulator } from '../src/sandbox/emulator/index.js';

type Command =
  | { cmd: 'users'; args: { firstId: number; count: number } }
  | { cmd: 'limits'; args: { globalRatePerSecond: number | null; paidRatePerSecond: number | null } }
  | { cmd: 'stats'; args?: undefined }
  | { cmd: 'stop'; args?: undefined };

const token = process.argv[2];
if (!token || !process.send) throw new Error('run by bench/broadcast.ts with a token and an IPC channel');
const emu = new TelegramEmulator({ token, maxCallLog: 1000 });
const { apiRoot } = await emu.start({ host: '127.0.0.1' });

async function handle(command: Command): Promise<unknown> {
  switch (command.cmd) {
    case 'users': {
      const { firstId, count } = command.args;
      for (let i = 0; i < count; i++) {
        emu.createUser({ id: firstId + i, first_name: `U${i}`, language_code: i % 3 ? 'ru' : 'en' });
        // Marks the user as having pressed Start; no bot polls, the updates are dropped.
        emu.sendText(firstId + i, '/start');
      }
      await emu.invoke('deleteWebhook', { drop_pending_updates: true });
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
