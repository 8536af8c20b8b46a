// `dossier timeline`: events across the dossier in date order (undated ones last).
import type { Command } from 'commander';
import { dbOption, printJson, withStore, write } from './db.js';

export function register(program: Command): void {
  dbOption(program.command('timeline'))
    .description('events across all documents, by date')
    .option('--json', 'print JSON')
    .action(async (o: { db?: string; json?: boolean }) => {
      await withStore(o.db, async (store) => {
        const events = await store.timeline();
        if (o.json) return printJson(events);
        for (const e of events) {
          const who = e.actors.map((a) => a.name).join(', ');
          await write(`${(e.date ?? '????').padEnd(10)}${e.dateFrom === 'document' ? '*' : ' '} ${e.cameo.padEnd(4)} ${e.text.replace(/\s+/g, ' ')}${who ? `  [${who}]` : ''}${e.place ? ` @${e.place.name}` : ''}  (#${e.documentId})\n`);
        }
        if (!events.length) await write('(no events)\n');
      });
    });
}
