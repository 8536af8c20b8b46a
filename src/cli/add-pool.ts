// Analysis for `dossier add` (and `dossier analyze`) in worker threads, one per core, when there are
// enough inputs to repay starting them (defaultWorkers): the main thread reads, hashes and writes while
// the workers run the pipeline. With size 0 the main thread analyses, a turn of the event loop before
// each document, so that the writer's database replies and timers are heard between documents.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseBytes } from '../ingest/index.js';
import { analyzeDocument } from '../nlp/pipeline.js';
import { oneLine } from '../errors.js';
import type { Analysis, Document } from '../types.js';

export type Analysed = { analysis: Analysis; format: Document['format'] } | { error: string };

/** What analysing a news article costs one thread, and what workers cost before they pay: loading the
 * pipeline and its model in each (about 0.8 s), warming them up, handing documents and analyses across,
 * and cores that here share less than their count suggests. The second is fitted to what was measured on
 * the 2-core machine this is developed on, `dossier add` of generated articles to SQLite, two workers
 * against none: 20 articles 2.7 s against 1.7; 200, 4.4-4.7 against 3.4-3.8; 800, 6.0-7.1 against
 * 5.7-6.4; 1,600, 9.0 against 9.3-9.7; 3,200, 14.3-15.0 against 17.1-18.7. */
const ARTICLE_MS = 3.5;
const WORKERS_COST_MS = 2800;

/** Worker threads for `inputs` documents when the user did not say: one per core once the time they
 * can save (`inputs` articles shared among the cores) exceeds what they cost, else none. That is from
 * 1,600 inputs on 2 cores (where they broke even above), 1,067 on 4 and 915 on 8; machines whose cores
 * run truly in parallel gain sooner, and `--jobs N` sets the count. */
export function defaultWorkers(inputs: number, cores: number = availableParallelism()): number {
  if (cores < 2) return 0;
  return inputs >= Math.ceil(WORKERS_COST_MS / (ARTICLE_MS * (1 - 1 / cores))) ? cores : 0;
}

/** The value of a --jobs option: a whole number of worker threads, 0 or more. */
export function parseJobs(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < 0) throw new Error(`--jobs must be a whole number >= 0, not "${v}"`);
  return n;
}

export function analyzeBytes(name: string, bytes: Uint8Array): Analysed {
  try {
    const doc = parseBytes(name, bytes);
    return { analysis: analyzeDocument(doc, name), format: doc.format };
  } catch (err) {
    return { error: oneLine(err) };
  }
}

export class AnalysisPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private alive: Worker[] = [];
  private readonly waiting: { name: string; bytes: Uint8Array; resolve: (r: Analysed) => void }[] = [];
  private readonly pending = new Map<number, (r: Analysed) => void>();
  private readonly jobOf = new Map<Worker, number>();
  private nextId = 0;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL('./add-worker.js', import.meta.url));
      w.on('message', (msg: { id: number } & Analysed) => {
        const { id, ...result } = msg;
        const resolve = this.pending.get(id);
        this.pending.delete(id);
        this.jobOf.delete(w);
        resolve?.(result as Analysed);
        this.release(w);
      });
      w.on('error', (err) => {
        // a crashed worker fails its own job and leaves the pool; waiting jobs run inline if none is left
        const id = this.jobOf.get(w);
        this.jobOf.delete(w);
        this.alive = this.alive.filter((x) => x !== w);
        if (id !== undefined) {
          this.pending.get(id)?.({ error: `analysis worker failed: ${oneLine(err)}` });
          this.pending.delete(id);
        }
        if (!this.alive.length) for (const job of this.waiting.splice(0)) job.resolve(analyzeBytes(job.name, job.bytes));
      });
      this.all.push(w);
      this.alive.push(w);
      this.idle.push(w);
    }
  }

  private release(w: Worker): void {
    const next = this.waiting.shift();
    if (next) this.send(w, next.name, next.bytes, next.resolve);
    else this.idle.push(w);
  }

  private send(w: Worker, name: string, bytes: Uint8Array, resolve: (r: Analysed) => void): void {
    const id = this.nextId++;
    this.pending.set(id, resolve);
    this.jobOf.set(w, id);
    w.postMessage({ id, name, bytes });
  }

  analyze(name: string, bytes: Uint8Array): Promise<Analysed> {
    if (this.size === 0 || !this.alive.length) return new Promise((resolve) => setImmediate(() => resolve(analyzeBytes(name, bytes))));
    return new Promise((resolve) => {
      const w = this.idle.pop();
      if (w) this.send(w, name, bytes, resolve);
      else this.waiting.push({ name, bytes, resolve });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
