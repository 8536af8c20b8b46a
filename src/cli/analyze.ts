// `dossier analyze [--jsonl] PATH...`: the contract door the scorers use (../shared/CONTRACT.md).
// Each input is analysed on its own; a bad input gets its {source, error} line and the batch goes on.
// Many inputs are analysed in worker threads (one per core, the same pool `dossier add` uses) while
// this thread reads files and writes JSON in input order.
import type { Command } from 'commander';
import { readDocumentFile, readInputFile } from '../ingest/index.js';
import { analyzeDocument } from '../nlp/pipeline.js';
import { oneLine } from '../errors.js';
import type { Analysis } from '../types.js';
import { AnalysisPool, defaultWorkers, parseJobs } from './add-pool.js';

export type AnalysisOrError = Analysis | { source: string; error: string };

export async function analyzePath(path: string): Promise<AnalysisOrError> {
  try {
    const doc = await readDocumentFile(path);
    return analyzeDocument(doc, path);
  } catch (err) {
    return { source: path, error: oneLine(err) };
  }
}

async function analyzeInPool(pool: AnalysisPool, path: string): Promise<AnalysisOrError> {
  let bytes: Buffer;
  try {
    bytes = await readInputFile(path);
  } catch (err) {
    return { source: path, error: oneLine(err) };
  }
  const r = await pool.analyze(path, bytes);
  return 'error' in r ? { source: path, error: r.error } : r.analysis;
}

/** Analyse every path, in parallel when worth it, handing results to `emit` in input order. */
export async function analyzePaths(paths: string[], jobs: number | undefined, emit: (r: AnalysisOrError, i: number) => Promise<void>): Promise<void> {
  const size = Math.min(jobs ?? defaultWorkers(paths.length), paths.length);
  if (size <= 1) {
    for (let i = 0; i < paths.length; i++) await emit(await analyzePath(paths[i]), i);
    return;
  }
  const pool = new AnalysisPool(size);
  try {
    // a bounded window of inputs in flight: the workers stay busy, memory stays flat on long batches
    const window = size * 4;
    const inflight = new Map<number, Promise<AnalysisOrError>>();
    let next = 0;
    for (let i = 0; i < paths.length; i++) {
      for (; next < paths.length && next < i + window; next++) inflight.set(next, analyzeInPool(pool, paths[next]));
      const result = await inflight.get(i)!;
      inflight.delete(i);
      await emit(result, i);
    }
  } finally {
    await pool.close();
  }
}

export function register(program: Command): void {
  program
    .command('analyze')
    .description('analyse documents on their own (no database) and print the analysis JSON')
    .argument('<paths...>', 'files: plain text, Markdown or HTML, optionally .gz')
    .option('--jsonl', 'one JSON object per line, in input order')
    .option('--pretty', 'indent the JSON (default for a single input on a terminal)')
    .option('-j, --jobs <n>', 'worker threads (default: one per core when there are enough inputs to repay them, about a thousand; 0 or 1 = no workers)', parseJobs)
    .action(async (paths: string[], opts: { jsonl?: boolean; pretty?: boolean; jobs?: number }) => {
      let failed = 0;
      // A reader that stops early (`| head`) closes the pipe: stop quietly instead of crashing.
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw err;
      });
      const write = (s: string) => new Promise<void>((res) => (process.stdout.write(s) ? res() : process.stdout.once('drain', res)));
      const pretty = opts.pretty ?? (!opts.jsonl && paths.length === 1 && process.stdout.isTTY);
      if (!opts.jsonl && paths.length > 1) await write('[\n');
      await analyzePaths(paths, opts.jobs, async (result, i) => {
        if ('error' in result) {
          failed++;
          process.stderr.write(`dossier: ${result.error}\n`);
        }
        const json = JSON.stringify(result, null, pretty ? 2 : undefined);
        if (opts.jsonl) await write(json + '\n');
        else if (paths.length > 1) await write(json + (i < paths.length - 1 ? ',\n' : '\n]\n'));
        else await write(json + '\n');
      });
      if (failed) process.exitCode = 1;
    });
}
