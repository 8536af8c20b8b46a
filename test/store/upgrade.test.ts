// A dossier made by an older schema opens and upgrades: documents written before a migration are
// still found, read and searched after it, on both dialects.
import assert from 'node:assert/strict';
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { openStore } from '../../src/store/index.js';
import { migrations } from '../../src/store/migrations.js';
import { openPostgres, parsePostgresUrl, postgresDialect } from '../../src/store/postgres.js';
import { openSqlite, sqliteDialect } from '../../src/store/sqlite.js';
import type { StoreDialect } from '../../src/store/dialect.js';
import type { DossierSchema } from '../../src/store/schema.js';
import { dialectTestRaw, type DialectName } from './dialects.js';
import { analysis, entity } from './fixtures.js';
import type { Analysis } from '../../src/types.js';
import { readSpans } from '../../src/store/spans.js';

const TEXT = 'The convoys crossed the old bridge at Varna before dawn.';

/** Open `target` migrated only up to and including `last`, as a release of that time left it. */
async function openAt(target: string, dialect: DialectName, last: string): Promise<{ db: Kysely<DossierSchema>; d: StoreDialect }> {
  let d: StoreDialect;
  let db: Kysely<DossierSchema>;
  if (dialect === 'postgres') {
    const t = parsePostgresUrl(target);
    // the writer of that time left documents.search to the generated column
    d = { ...postgresDialect(t), searchValue: null };
    db = openPostgres(t).db;
    await sql`create schema if not exists ${sql.id(t.schema!)}`.execute(db);
  } else {
    d = sqliteDialect(target);
    db = openSqlite(target);
  }
  const schema = dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0].s : undefined;
  const all = migrations(d);
  const upTo = Object.fromEntries(Object.entries(all).filter(([name]) => name <= last));
  const migrator = new Migrator({ db, ...(schema ? { migrationTableSchema: schema } : {}), provider: { getMigrations: async (): Promise<Record<string, Migration>> => upTo } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  return { db, d };
}

/** Write `a` as the writer of 0004's time did: a row per mention in the mentions table. */
async function writeOld(db: Kysely<any>, d: StoreDialect, a: Analysis, hash: string): Promise<void> {
  const { text, ...meta } = a.document;
  await db.transaction().execute(async (trx) => {
    const doc = await trx.insertInto('documents').values({
      source: a.source, content_hash: hash, version: 1, latest: 1, title: meta.title, author: meta.author, publisher: meta.publisher,
      published_at: meta.publishedAt, language: meta.language, format: 'text', text, added_at: '2026-01-01T00:00:00.000Z',
      analysis: JSON.stringify({ ...a, document: meta }),
    }).returning('id').executeTakeFirstOrThrow();
    await d.indexDocuments(trx, [{ id: doc.id, title: meta.title, text }]);
    for (const e of a.entities) {
      const g = await trx.insertInto('global_entities').values({ key: e.key, name: e.name, type: e.type }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('global_aliases').values(e.aliases.map((alias) => ({ global_id: g.id, type: e.type, norm: alias.toLowerCase(), alias }))).execute();
      const row = await trx.insertInto('entities').values({
        document_id: doc.id, local_id: e.id, key: e.key, name: e.name, type: e.type, aliases: JSON.stringify(e.aliases), global_id: g.id,
      }).returning('id').executeTakeFirstOrThrow();
      for (const m of e.mentions) await trx.insertInto('mentions').values({ entity_id: row.id, document_id: doc.id, container: m.in, start: m.start, end: m.end, text: m.text }).execute();
    }
  });
}

dialectTestRaw('store: a dossier of an older schema upgrades, and what it held is read and searched', async (s, dialect) => {
  const old = await openAt(s.target, dialect, '0004_document_parts_unchecked');
  try {
    const a = analysis('old.txt', TEXT, { title: 'Bridge', entities: [entity('e1', 'Varna', 'PLACE', [], TEXT), entity('e2', 'convoys', 'ORG', ['dawn'], TEXT)] });
    await writeOld(old.db, old.d, a, 'h-old');
  } finally {
    await old.db.destroy();
  }
  const store = await openStore(s.target);
  try {
    assert.deepEqual((await store.search('crossing convoy')).map((h) => h.source), ['old.txt']);
    await store.addDocuments([{ source: 'new.txt', contentHash: 'h-new', format: 'text', analysis: analysis('new.txt', 'A convoy waited at the bridge.') }]);
    assert.deepEqual((await store.search('bridges')).map((h) => h.source).sort(), ['new.txt', 'old.txt']);
    assert.deepEqual((await store.search('crossed')).map((h) => h.source), ['old.txt']);
    assert.equal((await store.getDocument('old.txt')).analysis.document.text, TEXT);
    // mentions written a row each before 0007 are moved into their entity rows, in order, with their counts
    const varna = await store.entity('Varna');
    assert.deepEqual(varna.perDocument.map((p) => [p.source, p.mentions]), [['old.txt', 1]]);
    const rows = await store.db.selectFrom('entities').select(['local_id', 'spans', 'mention_count']).orderBy('local_id').execute();
    assert.deepEqual(rows.map((r) => [r.local_id, readSpans(r.spans), r.mention_count]), [
      ['e1', [{ in: 'document', start: 38, end: 43, text: 'Varna' }], 1],
      ['e2', [{ in: 'document', start: 4, end: 11, text: 'convoys' }, { in: 'document', start: 51, end: 55, text: 'dawn' }], 2],
    ]);
  } finally {
    await store.close();
  }
});
