// `dossier search TEXT`: full-text search over titles and texts (FTS5 or tsvector, same results shape).
import type { Command } from 'commander';
import { dbOption, printJson, withStore, write } from './db.js';

export function register(program: Command): void {
  dbOption(program.command('search'))
    .description('full-text search the documents')
    .argument('<text...>', 'words to find (all must appear; stemmed)')
    .option('--limit <n>', 'at most this many hits', (v) => Number.parseInt(v, 10), 20)
    .option('--json', 'print JSON')
    .action(async (words: string[], o: { db?: string; limit: number; json?: boolean }) => {
      await withStore(o.db, async (store) => {
        const hits = await store.search(words.join(' '), o.limit);
        if (o.json) return printJson(hits);
        for (const h of hits) await write(`${String(h.id).padStart(5)}  ${h.title ?? h.source}\n       ${h.snippet.replace(/\s+/g, ' ')}\n`);
        if (!hits.length) await write('(no matches)\n');
      });
    });
}
