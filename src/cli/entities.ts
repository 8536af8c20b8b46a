// `dossier entities`: one entry per real-world thing across all documents (CONTRACT.md:
// `entities --json` → [{id, name, type, aliases[], documents}]).
import type { Command } from 'commander';
import { dbOption, printJson, withStore, write } from './db.js';

export function register(program: Command): void {
  dbOption(program.command('entities'))
    .description('entities across all documents, aliases merged')
    .option('--type <type>', 'only PERSON, ORG, PLACE or OTHER')
    .option('--json', 'print JSON')
    .action(async (o: { db?: string; type?: string; json?: boolean }) => {
      await withStore(o.db, async (store) => {
        let ents = await store.listEntities();
        if (o.type) ents = ents.filter((e) => e.type === o.type!.toUpperCase());
        if (o.json) return printJson(ents);
        for (const e of ents)
          await write(`${String(e.id).padStart(5)}  ${e.type.padEnd(6)} ${e.name}${e.aliases.length > 1 ? ` (${e.aliases.filter((a) => a !== e.name).join(', ')})` : ''}  docs:${e.documents.length} mentions:${e.mentions}\n`);
        if (!ents.length) await write('(no entities)\n');
      });
    });
}
