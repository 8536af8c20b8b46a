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
    // before 0005 the writer left documents.search to the generated column
    d = last < '0005' ? { ...postgresDialect(t), searchValue: null } : postgresDialect(t);
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

dialectTestRaw('store: entities an older writer joined through a shared word are resolved again on upgrade', async (s, dialect) => {
  // as the writer before 0012 left them: Hillary and Bill Clinton one entity, through "Clinton"
  const old = await openAt(s.target, dialect, '0011_sqlite_timeline_unindexed');
  const t1 = 'Hillary Clinton spoke in Varna. Clinton left. The Free Syrian Army watched.';
  const t2 = 'Bill Clinton spoke in Brask. Clinton left. Varna was quiet. The FSA watched.';
  const t3 = 'Senator Hillary Clinton came back to Varna. The Free Syrian Army (FSA) watched.';
  try {
    const g = await old.db.insertInto('global_entities').values({ key: 'person:hillary clinton', name: 'Hillary Clinton', type: 'PERSON' }).returning('id').executeTakeFirstOrThrow();
    const place = await old.db.insertInto('global_entities').values({ key: 'place:varna', name: 'Varna', type: 'PLACE' }).returning('id').executeTakeFirstOrThrow();
    const org = await old.db.insertInto('global_entities').values({ key: 'org:free syrian army', name: 'Free Syrian Army', type: 'ORG' }).returning('id').executeTakeFirstOrThrow();
    await old.db.insertInto('global_aliases').values([
      ...['Hillary Clinton', 'Clinton', 'Bill Clinton', 'Senator Hillary Clinton'].map((alias) => ({ global_id: g.id, type: 'PERSON', norm: alias.toLowerCase(), alias })),
      { global_id: place.id, type: 'PLACE', norm: 'varna', alias: 'Varna' },
      { global_id: org.id, type: 'ORG', norm: 'free syrian army', alias: 'Free Syrian Army' }, { global_id: org.id, type: 'ORG', norm: 'fsa', alias: 'FSA' },
    ]).execute();
    const docs: [string, string, ReturnType<typeof entity>[]][] = [
      ['h.txt', t1, [entity('e1', 'Hillary Clinton', 'PERSON', ['Clinton'], t1), entity('e2', 'Varna', 'PLACE', [], t1), entity('e3', 'Free Syrian Army', 'ORG', [], t1)]],
      ['b.txt', t2, [entity('e1', 'Bill Clinton', 'PERSON', ['Clinton'], t2), entity('e2', 'Varna', 'PLACE', [], t2), entity('e3', 'FSA', 'ORG', [], t2)]],
      // made again, its group first meets two entities, one by each name, and joins them
      ['h2.txt', t3, [entity('e1', 'Senator Hillary Clinton', 'PERSON', [], t3), entity('e2', 'Varna', 'PLACE', [], t3), entity('e3', 'Free Syrian Army', 'ORG', ['FSA'], t3)]],
    ];
    for (const [source, text, ents] of docs) {
      // the upgrade resolves 200 documents at a time: h2.txt, in the next lot, finds both its entities stored
      if (source === 'h2.txt') {
        await old.db.insertInto('documents').values(Array.from({ length: 200 }, (_, i) => ({ source: `filler-${i}`, content_hash: `filler-${i}`, version: 1, latest: 1, title: null,
          author: null, publisher: null, published_at: null, language: 'en', format: 'text', text: 'Nothing.', added_at: '2026-01-01T00:00:00.000Z', analysis: '{}' }))).execute();
      }
      const doc = await old.db.insertInto('documents').values({ source, content_hash: source, version: 1, latest: 1, title: null, author: null, publisher: null,
        published_at: null, language: 'en', format: 'text', text, added_at: '2026-01-01T00:00:00.000Z', analysis: JSON.stringify({ schema: 'dossier.analysis/1', source, document: {} }) })
        .returning('id').executeTakeFirstOrThrow();
      await old.d.indexDocuments(old.db as never, [{ id: doc.id, title: null, text }]);
      await old.db.insertInto('entities').values(ents.map((e) => ({ document_id: doc.id, local_id: e.id, key: e.key, name: e.name, type: e.type, aliases: JSON.stringify(e.aliases),
        global_id: { PLACE: place.id, ORG: org.id }[e.type as string] ?? g.id, spans: '[]', mention_count: 0 }))).execute();
    }
  } finally {
    await old.db.destroy();
  }
  const store = await openStore(s.target);
  try {
    assert.deepEqual((await store.listEntities()).map((e) => [e.name, [...e.documents].sort()]).sort(), [
      ['Bill Clinton', ['b.txt']], ['Free Syrian Army', ['b.txt', 'h.txt', 'h2.txt']], ['Senator Hillary Clinton', ['h.txt', 'h2.txt']], ['Varna', ['b.txt', 'h.txt', 'h2.txt']],
    ]);
    // the old entities are gone, their ids not given again; "Clinton" is no lookup form any more
    const ids = (await store.db.selectFrom('global_entities').select('id').orderBy('id').execute()).map((r) => r.id);
    assert.equal(ids.length, 4);
    assert.ok(ids[0] > 3, `new ids above the old ones: ${ids.join(', ')}`);
    assert.deepEqual((await store.db.selectFrom('global_aliases').select('norm').where('norm', '=', 'clinton').execute()), []);
    // a document added now finds the entities made again
    const t4 = 'Bill Clinton was in Varna.';
    await store.addDocuments([{ source: 'b2.txt', contentHash: 'b2', format: 'text', analysis: analysis('b2.txt', t4, { entities: [entity('e1', 'Bill Clinton', 'PERSON', [], t4), entity('e2', 'Varna', 'PLACE', [], t4)] }) }]);
    assert.deepEqual((await store.entity('Bill Clinton')).perDocument.map((p) => p.source).sort(), ['b.txt', 'b2.txt']);
    assert.equal((await store.listEntities()).length, 4);
  } finally {
    await store.close();
  }
});

dialectTestRaw('store: a dossier a newer version has upgraded is refused with one line saying so', async (s) => {
  const store = await openStore(s.target, { create: true });
  await store.addDocument({ source: 'a', contentHash: 'a', format: 'text', analysis: analysis('a', TEXT) });
  // a later release's migration, run on it
  await sql`insert into kysely_migration (name, timestamp) values ('9999_from_a_later_release', '2030-01-01T00:00:00.000Z')`.execute(store.db);
  await store.close();
  await assert.rejects(openStore(s.target), (e: Error) => e.name === 'StoreError'
    && /: made or upgraded by a newer version of dossier \(migration 9999_from_a_later_release\); update dossier to open it$/.test(e.message) && !e.message.includes('\n'));
});
