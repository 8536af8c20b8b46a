// Every store test runs on both dialects. SQLite gets a fresh file; PostgreSQL a fresh schema in
// DATABASE_URL's database (dropped afterwards), so runs never collide. Without DATABASE_URL the
// PostgreSQL variants fail under CI=true and are skipped (with the reason) elsewhere.
import { test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/index.js';

export const DIALECTS = ['sqlite', 'postgres'] as const;
export type DialectName = (typeof DIALECTS)[number];

export interface Scratch {
  /** --db value for this test's store */
  target: string;
  cleanup(): Promise<void>;
}

export async function scratchTarget(dialect: DialectName): Promise<Scratch> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-test-'));
    return { target: join(dir, 'test.db'), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const url = process.env.DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return {
    target: u.toString(),
    cleanup: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

function pgUnavailable(): string | null {
  if (process.env.DATABASE_URL) return null;
  return 'DATABASE_URL is not set: start PostgreSQL with eval "$(scripts/pg-start.sh)"';
}

/** Register `name` once per dialect; fn gets a scratch target (not yet opened). */
export function dialectTestRaw(name: string, fn: (s: Scratch, dialect: DialectName) => Promise<void>): void {
  for (const dialect of DIALECTS) {
    const missing = dialect === 'postgres' ? pgUnavailable() : null;
    if (missing && process.env.CI !== 'true') {
      test(`${name} [${dialect}]`, { skip: missing }, () => {});
      continue;
    }
    test(`${name} [${dialect}]`, async () => {
      if (missing) throw new Error(`PostgreSQL tests need a server under CI: ${missing}`);
      const s = await scratchTarget(dialect);
      try {
        await fn(s, dialect);
      } finally {
        await s.cleanup();
      }
    });
  }
}

/** Register `name` once per dialect with an opened store, closed afterwards. */
export function dialectTest(name: string, fn: (store: Store, dialect: DialectName, s: Scratch) => Promise<void>): void {
  dialectTestRaw(name, async (s, dialect) => {
    const store = await openStore(s.target, { create: true });
    try {
      await fn(store, dialect, s);
    } finally {
      await store.close();
    }
  });
}
