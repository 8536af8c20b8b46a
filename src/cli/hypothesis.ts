// `dossier hypothesis add "…" | list | remove ID`: the competing hypotheses of the ACH matrix.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { dbOption, printJson, withStore, write } from './db.js';

export function parseHypothesisId(ref: string): number {
  const m = /^H?(\d+)$/i.exec(ref.trim());
  if (!m) throw new UsageError(`hypothesis "${ref}" must be an id such as 2 or H2`);
  return Number(m[1]);
}

export function register(program: Command): void {
  const cmd = program.command('hypothesis').description('add, list or remove the competing hypotheses');
  dbOption(cmd.command('add'))
    .description('add a hypothesis')
    .argument('<text>', 'the hypothesis, stated as a proposition')
    .action(async (text: string, o: { db?: string }) => {
      await withStore(o.db, async (store) => {
        const h = await store.addHypothesis(text);
        await write(`H${h.id}: ${h.text}\n`);
      }, { create: true });
    });
  dbOption(cmd.command('list'))
    .description('list hypotheses')
    .option('--json', 'print JSON')
    .action(async (o: { db?: string; json?: boolean }) => {
      await withStore(o.db, async (store) => {
        const hs = await store.listHypotheses();
        if (o.json) return printJson(hs);
        for (const h of hs) await write(`H${h.id}: ${h.text}\n`);
        if (!hs.length) await write('(no hypotheses: dossier hypothesis add "…")\n');
      });
    });
  dbOption(cmd.command('remove'))
    .description('remove a hypothesis and its ratings')
    .argument('<id>', 'hypothesis id, e.g. 2 or H2')
    .action(async (ref: string, o: { db?: string }) => {
      const id = parseHypothesisId(ref);
      await withStore(o.db, async (store) => {
        await store.removeHypothesis(id);
        await write(`removed H${id}\n`);
      });
    });
}
