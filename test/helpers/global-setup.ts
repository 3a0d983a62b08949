import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectPostgres } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Name of the migrated template database this run clones per test file; '' on PGlite. */
    pgTemplate: string;
    pgRunPrefix: string;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * With DATABASE_URL: one template database per run, migrated once; each test file gets a fresh
 * clone of it (CREATE DATABASE … TEMPLATE), and everything is dropped at the end.
 * Without it the tests run on embedded PGlite.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    project.provide('pgTemplate', '');
    project.provide('pgRunPrefix', '');
    console.log('[tests] DATABASE_URL is not set: using embedded PGlite; real-concurrency tests are skipped');
    return;
  }
  const prefix = `phx_t${Date.now().toString(36)}${process.pid}`;
  const template = `${prefix}_tpl`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const handle = await connectPostgres(withDatabase(url, template), { max: 1 });
  await runMigrations(handle);
  await handle.close();
  project.provide('pgTemplate', template);
  project.provide('pgRunPrefix', prefix);
  console.log(`[tests] PostgreSQL: migrated template ${template}; one clone per test file`);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await admin.query(`drop database if exists ${datname} with (force)`);
    }
    await admin.end();
  };
}
