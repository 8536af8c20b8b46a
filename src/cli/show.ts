// `dossier show DOC`: one document (by id, or by path/URL for its latest version) with what was found in it.
import type { Command } from 'commander';
import { dbOption, printJson, withStore, write } from './db.js';

export function register(program: Command): void {
  dbOption(program.command('show'))
    .description('show one document: metadata, entities, quotes, events, comments')
    .argument('<doc>', 'document id, or the path/URL it was added from')
    .option('--json', 'print the stored analysis as JSON')
    .action(async (ref: string, o: { db?: string; json?: boolean }) => {
      await withStore(o.db, async (store) => {
        const d = await store.getDocument(ref);
        if (o.json) return printJson({ ...d.analysis, id: d.id, source: d.source, version: d.version, latest: d.latest, addedAt: d.addedAt, contentHash: d.contentHash });
        const a = d.analysis;
        const lines = [
          `#${d.id} ${a.document.title ?? '(untitled)'}`,
          `source: ${d.source} (version ${d.version}${d.latest ? '' : ', superseded'})`,
          `by: ${a.document.author ?? '-'}   publisher: ${a.document.publisher ?? '-'}   published: ${a.document.publishedAt ?? '-'}`,
          `entities (${a.entities.length}): ${a.entities.map((e) => `${e.name} [${e.type}]`).join(', ')}`,
          `quotes (${a.quotes.length}):`,
          ...a.quotes.map((q) => `  ${q.speaker.text}${q.cue ? ` ${q.cue}` : ''}: ${q.direct ? '"' : ''}${q.content}${q.direct ? '"' : ''}${q.via.length ? ` (via ${q.via.map((v) => v.text).join(', ')})` : ''}`),
          `events (${a.events.length}):`,
          ...a.events.map((v) => `  ${v.date ?? '????'}  ${v.cameo.padEnd(4)} ${v.text}`),
          `comments: ${a.comments.length}`,
        ];
        await write(lines.join('\n') + '\n');
      });
    });
}
