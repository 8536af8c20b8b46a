// `dossier entity NAME`: one entity across the dossier: aliases, mentions per document,
// co-occurring entities, quotes by it and about it.
import type { Command } from 'commander';
import { dbOption, printJson, withStore, write } from './db.js';

export function register(program: Command): void {
  dbOption(program.command('entity'))
    .description('one entity: aliases, documents, co-occurring entities, quotes by and about it')
    .argument('<name...>', 'any of its names (case and accents ignored), or its id')
    .option('--json', 'print JSON')
    .action(async (name: string[], o: { db?: string; json?: boolean }) => {
      await withStore(o.db, async (store) => {
        const e = await store.entity(name.join(' '));
        if (o.json) return printJson(e);
        const q = (x: { speaker: string; content: string; source: string }) => `  ${x.speaker}: "${x.content.replace(/\s+/g, ' ')}"  (${x.source})`;
        await write([
          `${e.name} [${e.type}] #${e.id}`,
          `aliases: ${e.aliases.join(', ')}`,
          `documents (${e.perDocument.length}):`,
          ...e.perDocument.map((d) => `  #${d.documentId} ${d.title ?? d.source}: ${d.mentions} mention${d.mentions === 1 ? '' : 's'}`),
          `appears with: ${e.cooccurring.slice(0, 20).map((c) => `${c.name} (${c.documents})`).join(', ') || '-'}`,
          `quotes by ${e.name} (${e.quotesBy.length}):`, ...e.quotesBy.map(q),
          `quotes about ${e.name} (${e.quotesAbout.length}):`, ...e.quotesAbout.map(q),
        ].join('\n') + '\n');
      });
    });
}
