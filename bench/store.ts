// Store throughput and memory. Adding = analysis + storage, measured against analysis alone on the
// same generated documents in the same process (so storage's share of the cost is the ratio's
// shortfall from 1). A store's step ends once the work its writes set going beside the writer is done
// too (Store.settle: SQLite's checkpoint, PostgreSQL's statistics and search-index merges): left to run
// into the next step, it would be charged to whatever ran next, analysis alone among them.
// Memory: peak RSS of a process storing 10,000 generated analyses in batches as `dossier add` writes
// them, on each database.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseBytes, readInputFile } from '../src/ingest/index.js';
import { analyzeDocument } from '../src/nlp/pipeline.js';
import { openStore, type NewDocument, type Store } from '../src/store/index.js';
import { addInputs, WRITE_BATCH } from '../src/cli/add.js';
import { analyzeBytes } from '../src/cli/add-pool.js';
import type { Analysis } from '../src/types.js';
import type { BenchRow } from './lib.js';

const TOWNS = ['Lindholm', 'Brask', 'Ostrel', 'Varna Kessel', 'Sava'];
const PEOPLE = ['Lena Voss', 'Ivo Marr', 'Marshal Ketter', 'Anna Brandt', 'Karl Ode'];
const GROUPS = ['Red Brigade', 'Northern Front', 'Harbour Guild', 'Coast Watch'];

/** A fictional news item of about 5 KB (the size of a news article; the seed articles are 5 and 7 KB):
 * paragraphs with names, quotations, relayed claims and dates, varied by n. */
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
    `Satellite pictures published by the ${g(2)} newsletter on Thursday showed a convoy near ${t(1)}, but their date could not be confirmed.\n\n` +
    `The dispute began in ${1998 + (n % 20)}, when the ${g(3)} first claimed the quarry above ${t(2)}. ${p(1)}, then a young officer, ` +
    `negotiated a truce that held for ${n % 9 + 2} years. "That agreement was the only thing anyone kept," ${p(1)} told reporters in ${t(0)} last week.\n\n` +
    `The ${g(1)} newsletter quoted an unnamed official as saying that the ${g(0)} had received weapons from abroad. ` +
    `${p(2)} rejected the report on Friday and said the ${g(1)} was spreading rumours to frighten traders away from ${t(3)}. ` +
    `A spokesman for the ${g(2)} declined to comment.\n\n` +
    `Aid workers said about ${n % 400 + 200} families had left ${t(4)} since the spring. "The school is empty and the clinic has no doctor," ` +
    `said ${p(3)}, who has lived in the town for ${n % 40 + 10} years. The ${g(3)} said it would send a medical team by ${1 + (n % 28)} April.\n\n` +
    `On Saturday, ${p(0)} met ${p(4)} in ${t(1)} for talks mediated by the ${g(2)}. Neither side released a statement afterwards, ` +
    `but ${p(4)} said later that the talks had been "useful but short". Observers in ${t(2)} said the convoy had not returned.\n\n` +
    `Officials in ${t(3)} said the coast road would stay closed until the bridge near ${t(0)} was inspected. Engineers from the ${g(0)} ` +
    `reported cracks in two of its pillars in ${2015 + (n % 5)}, and repairs were never finished, according to ${p(1)}. ` +
    `"We asked for money three times," ${p(1)} said. "Nobody answered."\n\n` +
    `Prices at the market in ${t(4)} rose again this week. Bread cost ${n % 5 + 2} crowns, up from one crown in January, traders said, ` +
    `and fuel was sold only in the mornings. The ${g(1)} blamed the ${g(0)} for the shortages; the ${g(0)} blamed the closed road.\n\n` +
    `Fishermen in ${t(2)} have kept their boats in the harbour since ${1 + (n % 12)} February, when patrol boats of the ${g(3)} began stopping ` +
    `vessels at the mouth of the bay. The patrols searched ${n % 50 + 20} boats in the first week and found nothing, the harbour office said. ` +
    `${p(2)} called the searches "a show for the cameras", while the ${g(3)} said they had stopped smuggling along the coast.\n\n` +
    `The regional assembly in ${t(0)} voted on Monday to send observers to ${t(3)} and ${t(4)}. Members of the ${g(1)} walked out before the vote, ` +
    `saying the observers would only repeat what the ${g(2)} told them. The motion passed by ${n % 20 + 30} votes to ${n % 10 + 12}.\n\n` +
    `Teachers in ${t(1)} said classes had resumed in two of the town's four schools. Parents had kept children at home after shells fell near ` +
    `the railway station in ${2017 + (n % 3)}, and many families still sleep in cellars, according to ${p(3)}. ` +
    `"Every night we listen for the trucks," one mother said.\n\n` +
    `Analysts in ${t(0)} doubt that the truce will hold. ${p(0)} has said several times that the ${g(0)} will defend ${t(2)} "street by street", ` +
    `and ${p(4)} has promised the ${g(1)} that no ground will be given up. The ${g(2)} newsletter wrote on Sunday that both sides were ` +
    `rearming, citing diplomats in ${t(1)} who spoke on condition of anonymity.\n\n` +
    `The harbour master of ${t(3)} said grain ships had not called since the start of the year. He said ${n % 6 + 3} ships were waiting ` +
    `off the coast for permission to unload and that the ${g(3)} had asked for a fee that no captain would pay. ` +
    `The ${g(3)} denied asking for money and said the ships were waiting for inspections.\n\n` +
    `In a statement read on local radio, ${p(1)} asked both sides to reopen the road for the harvest. "If the trucks cannot reach the fields ` +
    `by June, there will be no bread in ${t(4)} this winter," the statement said. Farmers' groups in ${t(2)} and ${t(3)} signed it as well.\n\n` +
    `Neither the ${g(0)} nor the ${g(1)} answered written questions about the convoy. This report was updated on ${1 + (n % 28)} May ${2019 + (n % 3)} ` +
    `with the assembly vote and comments from ${p(3)}.\n`);
}

const analyzeOne = (n: number): { analysis: Analysis; hash: string; format: string } => {
  const bytes = article(n);
  const doc = parseBytes(`bench-${n}.txt`, bytes);
  return { analysis: analyzeDocument(doc, `bench-${n}.txt`), hash: createHash('sha256').update(bytes).digest('hex'), format: doc.format };
};

/** The ratio to analysis alone round by round (each round times the same documents both ways, close in
 * time): its median and range. On a shared machine whose speed drifts within a run, the median of these
 * pairs says more than the ratio of the totals, which a few slow rounds can move. */
function roundRatios(analyze: number[], add: number[]): string {
  const r = add.map((t, i) => analyze[i] / t).sort((a, b) => a - b);
  const mid = r.length % 2 ? r[r.length >> 1] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
  return `per round: median ${mid.toFixed(2)}x (${r[0].toFixed(2)}-${r[r.length - 1].toFixed(2)})`;
}

/** Round `r`: each way timed once, in an order rotated by the round (a machine busy with other work
 * slows them alike), into its total and its list by round. */
async function rotate<K extends string>(r: number, steps: [K, () => Promise<number> | number][], total: Record<K, number>, byRound: Record<K, number[]>): Promise<void> {
  for (let k = 0; k < steps.length; k++) {
    const [kind, step] = steps[(r + k) % steps.length];
    const t = await step();
    total[kind] += t;
    byRound[kind].push(t);
  }
}

/** Seconds to analyse documents from..from+count-1 on their own. */
function analyzeTime(from: number, count: number): number {
  const t0 = performance.now();
  for (let n = from; n < from + count; n++) analyzeOne(n);
  return (performance.now() - t0) / 1000;
}

/** Store `batch` as `dossier add` writes one, and wait for the work that sets going beside the writer
 * (Store.settle): every timed store step ends here. */
async function storeBatch(store: Store, batch: NewDocument[]): Promise<void> {
  const out = await store.addDocuments(batch);
  await store.settle();
  const failed = out.find((o) => o.status === 'failed');
  if (failed) throw new Error(`bench: ${'error' in failed ? failed.error : ''}`);
}

/** Seconds to add the same documents as `dossier add` does: analyse each, store them as one batch. */
async function addTime(store: Store, from: number, count: number): Promise<number> {
  const t0 = performance.now();
  const batch = [];
  for (let n = from; n < from + count; n++) {
    const a = analyzeOne(n);
    batch.push({ source: `bench-${n}.txt`, contentHash: a.hash, format: a.format, analysis: a.analysis });
  }
  await storeBatch(store, batch);
  return (performance.now() - t0) / 1000;
}

/** Seconds for `addInputs` (the code of `dossier add`, analysing in this thread: --jobs 0) to add `files`. */
async function commandTime(store: Store, files: string[]): Promise<number> {
  const t0 = performance.now();
  const results = await addInputs(store, files, { jobs: 0 });
  await store.settle();
  const failed = results.find((r) => r.status !== 'added');
  if (failed) throw new Error(`bench: ${failed.input} was ${failed.status}`);
  return (performance.now() - t0) / 1000;
}

/** Seconds to read and analyse `files` as `dossier analyze` does (readInputFile, as `dossier add` reads them too), storing nothing. */
async function analyzeFilesTime(files: string[]): Promise<number> {
  const t0 = performance.now();
  for (const f of files) {
    const r = analyzeBytes(f, await readInputFile(f));
    if ('error' in r) throw new Error(`bench: ${r.error}`);
  }
  return (performance.now() - t0) / 1000;
}

/** Store 10,000 generated documents in batches as `dossier add` writes them; peak RSS after every 2,500 (the
 * collection forced at each mark, to read the live heap, comes at even spacing so it shapes no mark more than another). Analyses come
 * from a pool of 50 real ones with the text varied, so the loop measures the store, not the pipeline.
 * Runs in a child process of its own (see the end of this file), so the peak is this loop's alone; the
 * rate is read once the store has closed, which waits for its background work. */
async function memoryRun(target: string): Promise<MemoryRun> {
  const pool = Array.from({ length: 50 }, (_, i) => analyzeOne(3_000_000 + i).analysis);
  const store = await openStore(target, { create: true });
  const peakMb: number[] = [];
  const liveMb: number[] = [];
  const t0 = performance.now();
  try {
    for (let n = 1; n <= 10_000; n += WRITE_BATCH) {
      const batch = [];
      for (let k = n; k < n + WRITE_BATCH && k <= 10_000; k++) {
        const a = pool[k % pool.length];
        const text = `${a.document.text}\nItem ${k}.`;
        batch.push({
          source: `gen-${k}.txt`, contentHash: createHash('sha256').update(text).digest('hex'), format: 'text',
          analysis: { ...a, source: `gen-${k}.txt`, document: { ...a.document, text } },
        });
      }
      await store.addDocuments(batch);
      for (const mark of [2500, 5000, 7500, 10_000]) {
        if (n > mark || mark >= n + WRITE_BATCH) continue;
        peakMb.push(process.resourceUsage().maxRSS / 1024);
        // what is still alive once collected: the peak alone also moves with when V8 chose to collect
        (globalThis as { gc?: () => void }).gc?.();
        liveMb.push(process.memoryUsage().heapUsed / 1048576);
      }
    }
  } finally {
    await store.close();
  }
  return { rate: (10_000 * 1000) / (performance.now() - t0), peakMb, liveMb };
}

type MemoryRun = { rate: number; peakMb: number[]; liveMb: number[] };

function memoryRunInChild(target: string): MemoryRun {
  const out = execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), MEMORY_RUN, target], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** A PostgreSQL dossier in a schema of its own, dropped when done. */
async function postgresScratch(url: string, name: string): Promise<{ target: string; drop: () => Promise<void> }> {
  const u = new URL(url);
  const schema = `bench_${name}_${process.pid}`;
  u.searchParams.set('schema', schema);
  return {
    target: u.toString(),
    drop: async () => {
      const store = await openStore(u.toString());
      try {
        await store.db.schema.dropSchema(schema).ifExists().cascade().execute();
      } finally {
        await store.close();
      }
    },
  };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
  const BATCH = WRITE_BATCH; // as `dossier add` writes them
  const ROUNDS = 24;
  const CMD_BATCH = 6 * WRITE_BATCH; // six write batches a round: only the last is written after analysis has ended, as in a long add
  const CMD_ROUNDS = 6;
  const pgUrl = process.env.DATABASE_URL;
  const pgAdd = pgUrl ? await postgresScratch(pgUrl, 'add') : null;
  try {
    for (let i = 0; i < 20; i++) analyzeOne(1_000_000 + i); // warm the model and the JIT
    const sqlite = await openStore(join(dir, 'bench.db'), { create: true });
    const pg = pgAdd ? await openStore(pgAdd.target) : null;
    // Each round times one batch three ways on the same documents (analyse alone, add to SQLite, add
    // to PostgreSQL), in a rotating order, so a machine busy with other work slows all three alike.
    const secs = { analyze: 0, sqlite: 0, pg: 0 };
    const perRound = { analyze: [] as number[], sqlite: [] as number[], pg: [] as number[] };
    try {
      // Steady state is what is compared: the first few batches on a fresh store cost two to three
      // times the later ones (statement and plan caches, the writer's JIT), on both databases.
      for (let w = 0; w < 2; w++) {
        analyzeTime(2_000_000 + w * BATCH, BATCH);
        await addTime(sqlite, 2_000_000 + w * BATCH, BATCH);
        if (pg) await addTime(pg, 2_000_000 + w * BATCH, BATCH);
      }
      for (let r = 0; r < ROUNDS; r++) {
        const from = r * BATCH;
        const steps: [keyof typeof secs, () => Promise<number> | number][] = [
          ['analyze', () => analyzeTime(from, BATCH)],
          ['sqlite', () => addTime(sqlite, from, BATCH)],
          ...(pg ? [['pg', () => addTime(pg, from, BATCH)] as [keyof typeof secs, () => Promise<number>]] : []),
        ];
        await rotate(r, steps, secs, perRound);
      }
    } finally {
      await sqlite.close();
      await pg?.close();
    }
    const docs = ROUNDS * BATCH;
    const reference = { name: 'analyze alone', value: docs / secs.analyze };
    rows.push({ capability: 'store: analyze alone (same documents)', unit: 'docs/s', value: reference.value, note: `${docs} news-sized documents, ${ROUNDS} interleaved rounds` });
    rows.push({ capability: 'store: analyse, then store, SQLite', unit: 'docs/s', value: docs / secs.sqlite, reference, note: `no overlap: the whole cost of storing; ${roundRatios(perRound.analyze, perRound.sqlite)}` });
    if (pg) rows.push({ capability: 'store: analyse, then store, PostgreSQL', unit: 'docs/s', value: docs / secs.pg, reference, note: `no overlap: the whole cost of storing; ${roundRatios(perRound.analyze, perRound.pg)}` });
    else rows.push({ capability: 'store: add to PostgreSQL', unit: 'docs/s', value: 0, note: 'skipped: DATABASE_URL is not set (eval "$(scripts/pg-start.sh)")' });

    // The add command's own code on files, one thread (--jobs 0) against reading and analysing the same
    // files: the writer stores a batch while the next documents are analysed, so a database server
    // working on another core costs less than it does above.
    const files: string[] = [];
    mkdirSync(join(dir, 'files'));
    for (let n = 0; n < CMD_ROUNDS * CMD_BATCH; n++) {
      const f = join(dir, 'files', `article-${String(n).padStart(4, '0')}.txt`);
      writeFileSync(f, article(500_000 + n));
      files.push(f);
    }
    const cmdSqlite = await openStore(join(dir, 'command.db'), { create: true });
    const cmdPg = pgAdd ? await openStore(pgAdd.target) : null;
    const cmd = { analyze: 0, sqlite: 0, pg: 0 };
    const cmdRound = { analyze: [] as number[], sqlite: [] as number[], pg: [] as number[] };
    try {
      // warm-up on files of their own, as above
      const warm: string[] = [];
      for (let n = 0; n < 2 * WRITE_BATCH; n++) {
        const f = join(dir, 'files', `warm-${String(n).padStart(4, '0')}.txt`);
        writeFileSync(f, article(600_000 + n));
        warm.push(f);
      }
      await analyzeFilesTime(warm);
      await commandTime(cmdSqlite, warm);
      if (cmdPg) await commandTime(cmdPg, warm);
      for (let r = 0; r < CMD_ROUNDS; r++) {
        const round = files.slice(r * CMD_BATCH, (r + 1) * CMD_BATCH);
        const steps: [keyof typeof cmd, () => Promise<number>][] = [
          ['analyze', () => analyzeFilesTime(round)],
          ['sqlite', () => commandTime(cmdSqlite, round)],
          ...(cmdPg ? [['pg', () => commandTime(cmdPg, round)] as [keyof typeof cmd, () => Promise<number>]] : []),
        ];
        await rotate(r, steps, cmd, cmdRound);
      }
    } finally {
      await cmdSqlite.close();
      await cmdPg?.close();
    }
    const cmdDocs = CMD_ROUNDS * CMD_BATCH;
    const cmdReference = { name: 'analyze alone', value: cmdDocs / cmd.analyze };
    rows.push({ capability: 'store: analyze files alone (one thread)', unit: 'docs/s', value: cmdReference.value, note: `${cmdDocs} files, ${CMD_ROUNDS} interleaved rounds` });
    rows.push({ capability: 'store: dossier add to SQLite (--jobs 0)', unit: 'docs/s', value: cmdDocs / cmd.sqlite, reference: cmdReference, note: roundRatios(cmdRound.analyze, cmdRound.sqlite) });
    if (cmdPg) rows.push({ capability: 'store: dossier add to PostgreSQL (--jobs 0)', unit: 'docs/s', value: cmdDocs / cmd.pg, reference: cmdReference, note: roundRatios(cmdRound.analyze, cmdRound.pg) });

    rows.push(...(await realNews(dir, pgUrl)));

    const mb = (xs: number[]) => `${xs.map((x) => x.toFixed(0)).join(' / ')} MB`;
    const memory = (name: string, m: MemoryRun) => {
      rows.push({ capability: `store: store only, 10k docs to ${name}`, unit: 'docs/s', value: m.rate });
      rows.push({ capability: `store: peak RSS adding 10k docs (${name})`, unit: 'MB', value: m.peakMb[3], note: `peak at 2.5k/5k/7.5k/10k: ${mb(m.peakMb)}; live heap after GC: ${mb(m.liveMb)}` });
    };
    memory('SQLite', memoryRunInChild(join(dir, 'memory.db')));
    if (pgUrl) {
      const pgMem = await postgresScratch(pgUrl, 'memory');
      try {
        memory('PostgreSQL', memoryRunInChild(pgMem.target));
      } finally {
        await pgMem.drop();
      }
    }
  } finally {
    await pgAdd?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** Real news: the PolNeAR articles (US political news, 4.6 KB on average), read from the shared benchmark
 * data at bench time, never copied here. The generated article repeats a handful of names, so its
 * entities are all known after the first batch; a real dossier meets about a dozen new ones an article,
 * and storing them (cross-document entities and their lookup forms) is a large part of the cost. */
const POLNEAR = process.env.DOSSIER_POLNEAR_DATA ?? '/work/shared/data/polnear';

/** Analyse alone vs analyse then store, on SQLite and PostgreSQL, in rounds of one write batch of real
 * articles each (every article once), the three in rotating order as above. */
async function realNews(dir: string, pgUrl: string | undefined): Promise<BenchRow[]> {
  const texts = ['train', 'dev'].flatMap((s) => (existsSync(join(POLNEAR, s, 'text')) ? readdirSync(join(POLNEAR, s, 'text')).sort().map((f) => join(POLNEAR, s, 'text', f)) : []));
  if (texts.length < WRITE_BATCH) return [{ capability: 'store: real news (PolNeAR)', unit: 'docs/s', value: 0, note: `skipped: fewer than ${WRITE_BATCH} articles under ${POLNEAR} (set DOSSIER_POLNEAR_DATA)` }];
  const bytes = texts.map((f) => readFileSync(f));
  const one = (i: number) => {
    const doc = parseBytes(texts[i], bytes[i]);
    return { source: texts[i], contentHash: createHash('sha256').update(bytes[i]).digest('hex'), format: doc.format, analysis: analyzeDocument(doc, texts[i]) };
  };
  const secs = { analyze: 0, sqlite: 0, pg: 0 };
  const pg = pgUrl ? await postgresScratch(pgUrl, 'news') : null;
  const stores: [keyof typeof secs, Store][] = [];
  const perRound = { analyze: [] as number[], sqlite: [] as number[], pg: [] as number[] };
  const BATCH = WRITE_BATCH;
  const rounds = Math.floor(texts.length / BATCH);
  try {
    stores.push(['sqlite', await openStore(join(dir, 'news.db'), { create: true })]);
    if (pg) stores.push(['pg', await openStore(pg.target)]);
    for (let i = 0; i < 20; i++) one(i); // warm (fewer than a batch is refused above)
    for (let r = 0; r < rounds; r++) {
      const from = r * BATCH;
      const steps: [keyof typeof secs, () => Promise<number>][] = [
        ['analyze', async () => {
          const t0 = performance.now();
          for (let i = from; i < from + BATCH; i++) one(i);
          return (performance.now() - t0) / 1000;
        }],
        ...stores.map(([kind, store]): [keyof typeof secs, () => Promise<number>] => [kind, async () => {
          const t0 = performance.now();
          const batch = [];
          for (let i = from; i < from + BATCH; i++) batch.push(one(i));
          await storeBatch(store, batch);
          return (performance.now() - t0) / 1000;
        }]),
      ];
      await rotate(r, steps, secs, perRound);
    }
  } finally {
    for (const [, s] of stores) await s.close();
    await pg?.drop();
  }
  const docs = rounds * BATCH;
  const reference = { name: 'analyze alone', value: docs / secs.analyze };
  const out: BenchRow[] = [{ capability: 'store: real news, analyze alone', unit: 'docs/s', value: reference.value, note: `${docs} PolNeAR articles, ${rounds} rounds` }];
  out.push({ capability: 'store: real news, analyse then store, SQLite', unit: 'docs/s', value: docs / secs.sqlite, reference, note: `a fresh dossier growing to ${docs}; ${roundRatios(perRound.analyze, perRound.sqlite)}` });
  if (pg) out.push({ capability: 'store: real news, analyse then store, PostgreSQL', unit: 'docs/s', value: docs / secs.pg, reference, note: roundRatios(perRound.analyze, perRound.pg) });
  return out;
}

const MEMORY_RUN = '--memory-run';
if (process.argv[2] === MEMORY_RUN) console.log(JSON.stringify(await memoryRun(process.argv[3])));
