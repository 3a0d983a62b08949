import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, type DatabaseHandle } from '../../src/db/client.js';
import { onPostgres } from '../helpers/db.js';
import { type Harness, startHarness, type TestUser, textOf } from '../helpers/harness.js';

/**
 * A PostgreSQL server of the test's own (a throwaway cluster), restarted under traffic: the bot rides
 * through the blip on its retries, so nobody is told "Something went wrong" and no update is lost.
 */
const version = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql')[0] : undefined;
const canCreateClusters = onPostgres() && version !== undefined && existsSync('/usr/bin/pg_createcluster');
const cluster = `phxblip${process.pid}`;
const port = 5400 + (process.pid % 90);

const pgctl = (...args: string[]) => execFileSync('pg_ctlcluster', [version as string, cluster, ...args]);

describe.skipIf(!canCreateClusters)('a PostgreSQL restart under traffic (a cluster of the test own)', () => {
  let database: DatabaseHandle;
  let h: Harness;

  beforeAll(async () => {
    execFileSync(
      'pg_createcluster',
      [version as string, cluster, '--port', String(port), '--', '-A', 'trust'],
      {
        stdio: 'ignore',
      },
    );
    pgctl('start');
    execFileSync('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'phoenix_blip']);
    database = await connectPostgres(`postgres://postgres@127.0.0.1:${port}/phoenix_blip`);
    h = await startHarness({ database });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await database?.close();
    try {
      execFileSync('pg_dropcluster', [version as string, cluster, '--stop'], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }, 60_000);

  it('users writing while PostgreSQL restarts all get their answers, none an error', async () => {
    const users: TestUser[] = [];
    for (let i = 0; i < 8; i++) users.push(await h.startedUser({ languageCode: i % 2 ? 'en' : 'ru' }));

    const restart = new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        try {
          pgctl('restart', '-m', 'fast');
          resolve();
        } catch (error) {
          reject(error);
        }
      }, 50);
    });
    // Two rounds of /help from everyone, one before and one during the restart.
    for (const user of users) user.send('/help');
    await new Promise((r) => setTimeout(r, 200));
    for (const user of users) user.send('/help');
    await restart;

    for (const user of users) {
      await user.waitFor((m) => textOf(m).includes('/catalog') && m.message_id > 2, 20_000);
    }
    await new Promise((r) => setTimeout(r, 1000));
    for (const user of users) {
      const texts = user.botMessages().map(textOf);
      expect(
        texts.filter((t) => /Что-то пошло не так|Something went wrong/.test(t)),
        String(user.id),
      ).toEqual([]);
      // The greeting and two /help lists.
      expect(texts.filter((t) => t.includes('/catalog')).length, String(user.id)).toBeGreaterThanOrEqual(3);
    }
    expect(h.deps.metrics.value('phoenix_update_errors_total')).toBe(0);
  }, 90_000);
  it('a longer stop: a user who gets an error gets it once, in their Telegram language', async () => {
    const mike = await h.startedUser({ firstName: 'Mike', languageCode: 'en' });
    const before = mike.botMessages().length;
    // Let the /start update finish (its session write comes after the reply).
    await new Promise((r) => setTimeout(r, 1000));
    pgctl('stop', '-m', 'fast');
    try {
      mike.send('/help');
      // The pool's retries (about 4.5 s) run out while the server is down.
      await new Promise((r) => setTimeout(r, 8000));
    } finally {
      pgctl('start');
    }
    const answer = await mike.waitFor(
      (m) => m.message_id > 0 && /Something went wrong/.test(textOf(m)),
      15_000,
    );
    expect(textOf(answer)).toContain('Something went wrong');
    await new Promise((r) => setTimeout(r, 1000));
    const after = mike.botMessages().slice(before).map(textOf);
    // One answer to the one update: the error, in English, and not also the /help list.
    expect(after).toHaveLength(1);
    mike.send('/help');
    expect(textOf(await mike.reply())).toContain('/catalog');
  }, 90_000);
});
