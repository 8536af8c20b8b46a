// `dossier list`: the documents in the dossier (latest versions; --all for every version).
import type { Command } from 'commander';
import { dbOption, printJson, withStore, write } from './db.js';

export function register(program: Command): void {
  dbOption(program.command('list'))
    .description('list the documents in the dossier')
    .option('--all', 'include superseded versions')
    .option('--json', 'print JSON')
    .action(async (o: { db?: string; all?: boolean; json?: boolean }) => {
      await withStore(o.db, async (store) => {
        const docs = await store.listDocuments({ allVersions: o.all });
        if (o.json) return printJson(docs);
        for (const d of docs)
          await write(`${String(d.id).padStart(5)}  ${(d.publishedAt ?? '').slice(0, 10).padEnd(10)}  ${d.title ?? '(untitled)'}${d.version > 1 ? ` [v${d.version}]` : ''}  ${d.source}\n`);
        if (!docs.length) await write('(no documents)\n');
      });
    });
}
