// A dossier made by an older schema opens and upgrades: documents written before a migration are
// still found, read and searched after it, on both dialects.
import assert from 'node:assert/strict';
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { openStore } from '../../src/store/index.js';
import { migrations } from '../../src/store/migrations.js';
import { openPostgres, parsePostgresUrl, postgresDialect } from '../../src/store/postgres.js';
import { openSqlite, sqliteDialect } from '../../src/store/sqlite.js';
import { addDocuments } from '../../src/store/write.js';
import type { StoreDialect } from '../../src/store/dialect.js';
import type { DossierSchema } from '../../src/store/schema.js';
import { dialectTestRaw, type DialectName } from './dialects.js';
import { analysis, entity } from './fixtures.js';

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

dialectTestRaw('store: a dossier of an older schema upgrades, and what it held is read and searched', async (s, dialect) => {
  const old = await openAt(s.target, dialect, '0004_document_parts_unchecked');
  try {
    const a = analysis('old.txt', TEXT, { title: 'Bridge', entities: [entity('e1', 'Varna', 'PLACE', [], TEXT)] });
    const out = await addDocuments(old.db, old.d, [{ source: 'old.txt', contentHash: 'h-old', format: 'text', analysis: a }]);
    assert.equal(out[0].status, 'added');
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
    // mentions and quotes written before the indexes changed are still found
    const varna = await store.entity('Varna');
    assert.deepEqual(varna.perDocument.map((p) => [p.source, p.mentions]), [['old.txt', 1]]);
  } finally {
    await store.close();
  }
});
