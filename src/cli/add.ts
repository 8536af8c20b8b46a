// `dossier add PATH|DIR|URL|FEED...`: read, analyse (in worker threads when there are enough inputs)
// and store documents in batches, one transaction a batch and each document whole or absent, so a crash
// or kill mid-batch keeps every finished document and no half-written one; a re-run skips what is there
// by content hash. Bad inputs get their error line; the rest goes on.
import type { Command } from 'commander';
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import cliProgress from 'cli-progress';
import { StoreError, oneLine } from '../errors.js';
import { readInputFile } from '../ingest/index.js';
import { feedLinks, fetchUrl, isUrl, type FetchOptions } from '../ingest/fetch.js';
import { AnalysisPool, defaultWorkers, parseJobs } from './add-pool.js';
import { dbOption, printJson, withStore } from './db.js';
import type { AddOutcome, NewDocument, Store } from '../store/index.js';

/** Documents per write transaction, at most. Measured storing generated news-sized analyses alone
 * (one process, the sizes in turn): 16 a batch cost 0.98 ms a document on SQLite and 0.92 on
 * PostgreSQL, 64 cost 0.75 and 0.71, 128 cost 0.71 and 0.66. A commit and each index page touched are
 * paid once a batch; past 64 the gain is small and the analyses held until a batch forms grow. */
export const WRITE_BATCH = 64;
/** URLs fetched at once when the documents are analysed in the main thread. */
const FETCHES_IN_FLIGHT = 4;
/** The longest an analysed document waits for its batch to fill, however steadily others arrive (ms). */
const MAX_WAIT_MS = 5000;
/** How long analysed documents short of a batch wait before they are written anyway (ms). */
const WAIT_MS = 500;

/** File kinds picked up when walking a directory (explicit file arguments are always tried). */
const DOCUMENT_FILE = /\.(txt|text|md|markdown|html?|xhtml)(\.gz)?$/i;

export interface AddOptions {
  jobs?: number;
  allowPrivate?: boolean;
  fetch?: FetchOptions;
  /** Called after each input is done (for progress). */
  onResult?: (r: AddResult) => void;
  /** Called when an input turned out to be a feed with n items. */
  onMore?: (n: number) => void;
}

export type AddResult =
  | ({ input: string } & AddOutcome)
  | { input: string; status: 'failed'; error: string };

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && DOCUMENT_FILE.test(e.name)) out.push(p);
  }
}

/** Expand the arguments: directories recursively into their document files; URLs as they are. */
export async function expandInputs(args: string[]): Promise<{ inputs: string[]; errors: AddResult[] }> {
  const inputs: string[] = [];
  const errors: AddResult[] = [];
  for (const arg of args) {
    if (isUrl(arg)) {
      inputs.push(arg);
      continue;
    }
    try {
      const st = await stat(arg);
      if (st.isDirectory()) await walk(arg, inputs);
      else inputs.push(normalize(arg));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      errors.push({ input: arg, status: 'failed', error: `${arg}: ${code === 'ENOENT' ? 'no such file or directory' : oneLine(err)}` });
    }
  }
  return { inputs, errors };
}

async function readInput(input: string, opts: AddOptions): Promise<{ bytes: Buffer; feed: string[] | null }> {
  if (isUrl(input)) {
    const got = await fetchUrl(input, { allowPrivate: opts.allowPrivate, ...opts.fetch });
    return { bytes: got.bytes, feed: feedLinks(got.contentType, got.bytes, got.finalUrl) };
  }
  // as `dossier analyze` reads a file: only a regular file, under the size limit, named in any error
  return { bytes: await readInputFile(input), feed: null };
}

/** Add every input to the store; returns one result per document input (feeds expand to their items). */
export async function addInputs(store: Store, inputs: string[], opts: AddOptions = {}): Promise<AddResult[]> {
  const jobs = opts.jobs ?? defaultWorkers(inputs.length);
  const pool = new AnalysisPool(Math.min(jobs, Math.max(inputs.length, 1)));
  const known = await store.knownHashes();
  const queue = inputs.map((input) => ({ input, fromFeed: false }));
  const results: AddResult[] = [];
  // Analysed documents wait here for the single writer (SQLite has one writer, and entity merging must
  // see earlier documents); it stores what has gathered as one transaction (a bad document fails alone, see addDocuments).
  const pending: NewDocument[] = [];
  // input order, so a batch is written in the order the inputs were given whichever worker finished first
  const order = new Map<NewDocument, number>();
  let seq = 0;
  let writer: Promise<void> | null = null;
  let fatal: StoreError | null = null;
  const done = (r: AddResult) => {
    results.push(r);
    opts.onResult?.(r);
  };

  const one = async (input: string, fromFeed: boolean): Promise<void> => {
    const position = seq++;
    let read;
    try {
      read = await readInput(input, opts);
    } catch (err) {
      return done({ input, status: 'failed', error: oneLine(err) });
    }
    if (read.feed && !fromFeed) {
      // a feed stands for its items; they are fetched like any other URL
      queue.push(...read.feed.map((l) => ({ input: l, fromFeed: true })));
      startRunners();
      opts.onMore?.(read.feed.length - 1);
      if (!read.feed.length) done({ input, status: 'failed', error: `${input}: the feed has no item links` });
      return;
    }
    const hash = createHash('sha256').update(read.bytes).digest('hex');
    if (known.has(hash)) {
      const prev = await store.findByHash(hash);
      if (prev) return done({ input, status: 'skipped', id: prev.id, version: prev.version, source: prev.source });
    }
    known.add(hash);
    const analysed = await pool.analyze(input, read.bytes);
    if ('error' in analysed) return done({ input, status: 'failed', error: analysed.error });
    const doc = { source: input, contentHash: hash, format: analysed.format, analysis: analysed.analysis };
    order.set(doc, position);
    pending.push(doc);
    schedule();
    // backpressure: analysis may run ahead of writing by two batches, no more (memory stays flat)
    if (pending.length >= WRITE_BATCH * 2 && writer) await writer;
  };

  // The writer takes full batches as they gather; a part batch is written once no document has come
  // for WAIT_MS (slow inputs such as URLs), once its first has waited MAX_WAIT_MS, or at the end.
  // Writing each document as it came cost a transaction each.
  let timer: NodeJS.Timeout | null = null;
  let oldest = 0; // when the first document now waiting arrived
  const schedule = (): void => {
    if (writer || !pending.length) return;
    if (pending.length >= WRITE_BATCH) {
      writer = flush(false);
      return;
    }
    const now = Date.now();
    if (!timer) oldest = now;
    else clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!writer) writer = flush(true);
    }, Math.max(0, Math.min(WAIT_MS, oldest + MAX_WAIT_MS - now)));
  };
  const flush = async (partial: boolean): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    while ((pending.length >= WRITE_BATCH || (partial && pending.length)) && !fatal) {
      pending.sort((a, b) => order.get(a)! - order.get(b)!);
      const batch = pending.splice(0, WRITE_BATCH);
      for (const d of batch) order.delete(d);
      try {
        const outcomes = await store.addDocuments(batch);
        outcomes.forEach((o, i) => done(o.status === 'failed' ? { input: batch[i].source, status: 'failed', error: o.error } : { input: batch[i].source, ...o }));
      } catch (err) {
        fatal = err instanceof StoreError ? err : new StoreError(oneLine(err));
      }
    }
    writer = null;
    if (!fatal) schedule();
  };

  // Two inputs in flight per worker keep every core busy while the main thread reads and writes;
  // without workers, URLs (and feed items) are still fetched a few at a time. A runner ends when the
  // queue is empty; a feed that fills it again starts runners up to the number in flight.
  const inFlight = pool.size ? pool.size * 2 : inputs.some(isUrl) ? FETCHES_IN_FLIGHT : 1;
  const runners = new Set<Promise<void>>();
  const startRunners = (): void => {
    while (runners.size < inFlight && queue.length && !fatal) {
      const r: Promise<void> = (async () => {
        while (queue.length && !fatal) {
          const next = queue.shift()!;
          await one(next.input, next.fromFeed);
        }
      })().finally(() => runners.delete(r));
      runners.add(r);
    }
  };
  try {
    startRunners();
    while (runners.size) await Promise.all(runners);
    while (writer) await writer;
    if (pending.length && !fatal) await flush(true);
  } finally {
    if (timer) clearTimeout(timer);
    await pool.close();
  }
  if (fatal) throw fatal;
  return results;
}

/** Skipped inputs named one per line up to this many (a resumed add of thousands stays readable). */
const SKIP_LINES = 10;

/** The line for a new version whose predecessor's quotes were rated: where the ratings went. */
export function ratingsLine(r: Extract<AddResult, { status: 'new-version' }>): string {
  const { moved, left } = r.ratings!;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return `${r.input} is now version ${r.version}: ${n(moved, 'rating', 'ratings')} moved to its quotes` +
    (left ? `; ${n(left, 'rating stays', 'ratings stay')} with earlier versions (no quote of this one takes ${left === 1 ? 'its' : 'their'} place)` : '');
}

/** The line for an input whose bytes are already in the dossier. */
export function skipLine(r: Extract<AddResult, { status: 'skipped' }>): string {
  const where = r.source === r.input ? '' : ` as ${r.source}`;
  return `${r.input}: already stored${where} (document ${r.id}, version ${r.version}); skipped`;
}

export function register(program: Command): void {
  dbOption(program.command('add'))
    .description('read, analyse and store documents: files, directories (recursively), http(s) URLs and RSS/Atom feeds')
    .argument('<inputs...>', 'paths, directories, URLs or feed URLs')
    .option('-j, --jobs <n>', 'analysis worker threads (default: one per core when there are enough inputs to repay them, about a thousand; 0 analyses in the main thread; 1 analyses in one worker while the main thread stores)', parseJobs)
    .option('--allow-private', 'allow fetching private and loopback addresses')
    .option('--timeout <seconds>', 'per-URL time limit', (v) => Number(v), 20)
    .option('--json', 'print one result per input as JSON')
    .action(async (args: string[], o: { db?: string; jobs?: number; allowPrivate?: boolean; timeout: number; json?: boolean }) => {
      const { inputs, errors } = await expandInputs(args);
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar({
            format: 'adding {bar} {value}/{total} docs | {speed} docs/s | ETA {eta_formatted}',
            stream: process.stderr, hideCursor: true, etaBuffer: 50,
          }, cliProgress.Presets.shades_classic)
        : null;
      const t0 = Date.now();
      const say = (line: string) => {
        if (bar) process.stderr.write('\r\x1b[K');
        process.stderr.write(line + '\n');
      };
      for (const e of errors) say(`dossier: ${(e as { error: string }).error}`);
      let results: AddResult[] = [];
      let skipped = 0;
      await withStore(o.db, async (store) => {
        bar?.start(inputs.length, 0, { speed: '0.0' });
        try {
          results = await addInputs(store, inputs, {
            jobs: o.jobs, allowPrivate: o.allowPrivate, fetch: { timeoutMs: o.timeout * 1000 },
            onResult: (r) => {
              if (r.status === 'failed') say(`dossier: ${r.error}`);
              else if (r.status === 'skipped' && ++skipped <= SKIP_LINES) say(`dossier: ${skipLine(r)}`);
              else if (r.status === 'new-version' && r.ratings) say(`dossier: ${ratingsLine(r)}`);
              const secs = Math.max(0.001, (Date.now() - t0) / 1000);
              bar?.increment(1, { speed: ((results.length + 1) / secs).toFixed(1) });
            },
            onMore: (n) => bar?.setTotal(bar.getTotal() + n),
          });
        } finally {
          bar?.stop();
        }
      }, { create: true });
      const all = [...errors, ...results];
      const count = (s: string) => all.filter((r) => r.status === s).length;
      const secs = (Date.now() - t0) / 1000;
      if (skipped > SKIP_LINES) say(`dossier: ${skipped - SKIP_LINES} more inputs were already stored and skipped`);
      if (o.json) await printJson(all);
      process.stderr.write(`dossier: added ${count('added')}, new versions ${count('new-version')}, skipped ${count('skipped')} already stored, failed ${count('failed')} (${(all.length / Math.max(secs, 0.001)).toFixed(1)} docs/s)\n`);
      if (count('failed')) process.exitCode = 1;
    });
}
