/** The benchmarks' side of bench/emulator-process.ts: starts it and calls its commands over IPC. */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Command } from './emulator-process.js';

type Args<C extends Command['cmd']> = Extract<Command, { cmd: C }>['args'];

export class EmulatorProcess {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(
    private readonly child: ChildProcess,
    readonly apiRoot: string,
  ) {
    child.on('message', (m: { id?: number; result?: unknown; error?: string }) => {
      const w = m.id === undefined ? undefined : this.waiting.get(m.id);
      if (!w || m.id === undefined) return;
      this.waiting.delete(m.id);
      if (m.error) w.reject(new Error(m.error));
      else w.resolve(m.result);
    });
  }

  static start(token: string): Promise<EmulatorProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/emulator-process.ts', token], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the emulator process exited (${code})`)));
      child.once('message', (m: { ready?: string }) => {
        if (m.ready) resolve(new EmulatorProcess(child, m.ready));
      });
    });
  }

  /** The emulator process's id (for its CPU time). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  call<T, C extends Command['cmd'] = Command['cmd']>(cmd: C, args?: Args<C>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, cmd, args });
    });
  }

  stats() {
    return this.call<{
      messagesDelivered: number;
      paidMessagesDelivered: number;
      tooManyRequests: number;
      cpuMs: number;
    }>('stats');
  }
}
