// `dossier analyze [--jsonl] PATH...`: the contract door the scorers use (../shared/CONTRACT.md).
// Each input is analysed on its own; a bad input gets its {source, error} line and the batch goes on.
import type { Command } from 'commander';
import { readDocumentFile } from '../ingest/index.js';
import { analyzeDocument } from '../nlp/pipeline.js';
import { oneLine } from '../errors.js';
import type { Analysis } from '../types.js';

export type AnalysisOrError = Analysis | { source: string; error: string };

export async function analyzePath(path: string): Promise<AnalysisOrError> {
  try {
    const doc = await readDocumentFile(path);
    return analyzeDocument(doc, path);
  } catch (err) {
    return { source: path, error: oneLine(err) };
  }
}

export function register(program: Command): void {
  program
    .command('analyze')
    .description('analyse documents on their own (no database) and print the analysis JSON')
    .argument('<paths...>', 'files: plain text, Markdown or HTML, optionally .gz')
    .option('--jsonl', 'one JSON object per line, in input order')
    .option('--pretty', 'indent the JSON (default for a single input on a terminal)')
    .action(async (paths: string[], opts: { jsonl?: boolean; pretty?: boolean }) => {
      let failed = 0;
      // A reader that stops early (`| head`) closes the pipe: stop quietly instead of crashing.
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw err;
      });
      const write = (s: string) => new Promise<void>((res) => (process.stdout.write(s) ? res() : process.stdout.once('drain', res)));
      const pretty = opts.pretty ?? (!opts.jsonl && paths.length === 1 && process.stdout.isTTY);
      if (!opts.jsonl && paths.length > 1) await write('[\n');
      for (let i = 0; i < paths.length; i++) {
        const result = await analyzePath(paths[i]);
        if ('error' in result) {
          failed++;
          process.stderr.write(`dossier: ${result.error}\n`);
        }
        const json = JSON.stringify(result, null, pretty ? 2 : undefined);
        if (opts.jsonl) await write(json + '\n');
        else if (paths.length > 1) await write(json + (i < paths.length - 1 ? ',\n' : '\n]\n'));
        else await write(json + '\n');
      }
      if (failed) process.exitCode = 1;
    });
}
