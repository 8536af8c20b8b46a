// `dossier report --format md|html [--out FILE]`: the sourced report of the dossier.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { judge } from '../analysis/judgement.js';
import { buildReport } from '../report/model.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderHtml } from '../report/html.js';
import { dbOption, withStore, write } from './db.js';
import { loadSnapshot } from './snapshot.js';

export function register(program: Command): void {
  dbOption(program.command('report'))
    .description('the sourced report: hypotheses ranked, key evidence with grades, chains, sensitivity, a footnote per cited span')
    .option('--format <format>', 'md or html', 'md')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--no-proposals', 'leave out ratings the tool proposes')
    .action(async (o: { db?: string; format: string; out?: string; proposals: boolean }) => {
      if (!['md', 'html'].includes(o.format)) throw new UsageError(`--format "${o.format}" must be md or html`);
      await withStore(o.db, async (store) => {
        const model = buildReport(judge(await loadSnapshot(store), { proposals: o.proposals }));
        const out = o.format === 'html' ? renderHtml(model) : renderMarkdown(model);
        if (o.out) await writeFile(o.out, out);
        else await write(out);
      });
    });
}
