// Store throughput and memory. Adding = analysis + storage, measured against analysis alone on the
// same generated documents in the same process (so storage's share of the cost is the ratio's
// shortfall from 1). Memory: RSS while 10,000 generated analyses are stored one transaction each.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseBytes } from '../src/ingest/index.js';
import { analyzeDocument } from '../src/nlp/pipeline.js';
import { openStore, type Store } from '../src/store/index.js';
import type { Analysis } from '../src/types.js';
import type { BenchRow } from './lib.js';

const TOWNS = ['Lindholm', 'Brask', 'Ostrel', 'Varna Kessel', 'Sava'];
const PEOPLE = ['Lena Voss', 'Ivo Marr', 'Marshal Ketter', 'Anna Brandt', 'Karl Ode'];
const GROUPS = ['Red Brigade', 'Northern Front', 'Harbour Guild', 'Coast Watch'];

/** A fictional news item: a few paragraphs with names, a quotation and a date, varied by n. */
export function article(n: number): Buffer {
  const t = (i: number) => TOWNS[(n + i) % TOWNS.length], p = (i: number) => PEOPLE[(n + i) % PEOPLE.length], g = (i: number) => GROUPS[(n + i) % GROUPS.length];
  return Buffer.from(`Report ${n} from ${t(0)}\n\n` +
    `The ${g(0)} moved ${n % 90 + 10} trucks from ${t(1)} to ${t(2)} on ${1 + (n % 27)} March 2019, officials said. ` +
    `"We will not leave ${t(2)} again," ${p(0)} told the ${g(1)} newsletter. ${p(1)} said the move had been planned for weeks.\n\n` +
    `According to ${p(2)}, the ${g(2)} sold fuel to the ${g(0)} in exchange for grain. The claim could not be verified. ` +
    `Residents of ${t(3)} reported shelling near the old harbour on Tuesday, and ${n % 7 + 2} houses were damaged.\n\n` +
    `In ${t(4)}, the council met on Wednesday to discuss the ferry timetable and the price of bread. ${p(3)}, who chairs the council, ` +
    `said the ${g(3)} had promised to reopen the coast road by the end of the month. Traders said prices had risen by ${n % 30 + 5} per cent since January.\n\n` +
    `${p(4)} of the ${g(1)} denied that any trucks had crossed the river. "Nobody moved anything across the bridge at night," ${p(4)} said. ` +
    `Satellite pictures published by the ${g(2)} newsletter on Thursday showed a convoy near ${t(1)}, but their date could not be confirmed.\n`);
}

const analyzeOne = (n: number): { analysis: Analysis; hash: string; format: string } => {
  const bytes = article(n);
  const doc = parseBytes(`bench-${n}.txt`, bytes);
  return { analysis: analyzeDocument(doc, `bench-${n}.txt`), hash: createHash('sha256').update(bytes).digest('hex'), format: doc.format };
};

/** Docs per second over `count` documents, starting at `from`. */
async function rate(count: number, from: number, fn: (n: number) => unknown): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < count; i++) await fn(from + i);
  return (count * 1000) / (performance.now() - t0);
}

/** As `dossier add` does it: analyse each document, store them in batches of 16 (one transaction each). */
async function addRate(store: Store, count: number, from: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < count; i += 16) {
    const batch = [];
    for (let n = from + i; n < from + Math.min(count, i + 16); n++) {
      const a = analyzeOne(n);
      batch.push({ source: `bench-${n}.txt`, contentHash: a.hash, format: a.format, analysis: a.analysis });
    }
    await store.addDocuments(batch);
  }
  return (count * 1000) / (performance.now() - t0);
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
  const COUNT = 160;
  try {
    for (let i = 0; i < 20; i++) analyzeOne(1_000_000 + i); // warm the model and the JIT
    const analyze = await rate(COUNT, 0, analyzeOne);
    const reference = { name: 'analyze alone', value: analyze };
    rows.push({ capability: 'store: analyze alone (same documents)', unit: 'docs/s', value: analyze });

    const sqlite = await openStore(join(dir, 'bench.db'), { create: true });
    try {
      await addRate(sqlite, 16, 2_000_000);
      rows.push({ capability: 'store: add to SQLite (analyze + store)', unit: 'docs/s', value: await addRate(sqlite, COUNT, 0), reference });
    } finally {
      await sqlite.close();
    }

    if (process.env.DATABASE_URL) {
      const u = new URL(process.env.DATABASE_URL);
      const schema = `bench_${process.pid}`;
      u.searchParams.set('schema', schema);
      const pg = await openStore(u.toString());
      try {
        await addRate(pg, 16, 2_000_000);
        rows.push({ capability: 'store: add to PostgreSQL (analyze + store)', unit: 'docs/s', value: await addRate(pg, COUNT, 0), reference });
      } finally {
        await pg.db.schema.dropSchema(schema).ifExists().cascade().execute();
        await pg.close();
      }
    } else {
      rows.push({ capability: 'store: add to PostgreSQL', unit: 'docs/s', value: 0, note: 'skipped: DATABASE_URL is not set (eval "$(scripts/pg-start.sh)")' });
    }

    // Memory: 10,000 documents stored one transaction each. Analyses come from a pool of 50 real
    // ones with the text varied, so the loop measures the store, not the pipeline.
    const pool = Array.from({ length: 50 }, (_, i) => analyzeOne(3_000_000 + i).analysis);
    const mem = await openStore(join(dir, 'memory.db'), { create: true });
    const rss: number[] = [];
    const t0 = performance.now();
    try {
      for (let n = 1; n <= 10_000; n += 16) {
        const batch = [];
        for (let k = n; k < n + 16 && k <= 10_000; k++) {
          const a = pool[k % pool.length];
          const text = `${a.document.text}\nItem ${k}.`;
          batch.push({
            source: `gen-${k}.txt`, contentHash: createHash('sha256').update(text).digest('hex'), format: 'text',
            analysis: { ...a, source: `gen-${k}.txt`, document: { ...a.document, text } },
          });
        }
        await mem.addDocuments(batch);
        for (const mark of [1000, 5000, 10_000]) if (n <= mark && mark < n + 16) rss.push(process.memoryUsage().rss / 1048576);
      }
    } finally {
      await mem.close();
    }
    const storeOnly = (10_000 * 1000) / (performance.now() - t0);
    rows.push({ capability: 'store: store only, 10k docs to SQLite', unit: 'docs/s', value: storeOnly });
    rows.push({ capability: 'store: RSS after adding 10k docs (SQLite)', unit: 'MB', value: rss[2], note: `RSS at 1k/5k/10k: ${rss.map((r) => r.toFixed(0)).join(' / ')} MB` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
