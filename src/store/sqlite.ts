// SQLite through better-sqlite3: one file, WAL journal (readers never block the writer), FTS5
// for search with an external-content table over documents so text is stored once.
import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteAdapter, SqliteDialect, sql, type DatabaseConnection, type DialectAdapter, type Driver, type SqliteDatabase } from 'kysely';
import type { DossierSchema } from './schema.js';
import type { AliasRow, Db, SearchRow, StoreDialect, StoredRow, Trx } from './dialect.js';
import { insertRows, insertValues, type Value } from './rows.js';
import { Checkpointer } from './checkpointer.js';

/** FTS5 query from free text: every word quoted (so operators and punctuation are literal), all required. */
export function ftsQuery(text: string): string {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  return words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');
}

/** Values per look-up (`in (…)` lists), well under SQLite's limit on bound parameters. */
const LOOKUP = 500;

/** Known aliases of `norms`. */
async function lookUpAliases(trx: Trx, norms: string[]): Promise<AliasRow[]> {
  const out: AliasRow[] = [];
  for (let i = 0; i < norms.length; i += LOOKUP) {
    for (const r of await trx.selectFrom('global_aliases').select(['global_id', 'type', 'norm']).where('norm', 'in', norms.slice(i, i + LOOKUP)).execute()) out.push(r);
  }
  return out;
}

/** Stored documents with any of `hashes` or `sources`. */
async function lookUpStored(trx: Trx, hashes: string[], sources: string[]): Promise<StoredRow[]> {
  const seen: StoredRow[] = [];
  for (let i = 0; i < Math.max(hashes.length, sources.length); i += LOOKUP) {
    const h = hashes.slice(i, i + LOOKUP), s = sources.slice(i, i + LOOKUP);
    for (const r of await trx.selectFrom('documents').select(['id', 'source', 'version', 'content_hash'])
      .where((eb) => eb.or([...(h.length ? [eb('content_hash', 'in', h)] : []), ...(s.length ? [eb('source', 'in', s)] : [])])).execute()) seen.push(r);
  }
  return seen;
}

export function sqliteDialect(file: string): StoreDialect {
  const checkpoints = file === ':memory:' || file === '' ? null : new Checkpointer(file);
  const dialect: StoreDialect = {
    name: 'sqlite',
    location: file,
    idType: 'integer',
    async createSearchIndex(db) {
      await sql`create virtual table documents_fts using fts5(title, text, content='documents', content_rowid='id', tokenize='porter unicode61')`.execute(db);
    },
    searchValue: null,
    async indexDocuments(trx: Trx, docs) {
      await insertRows(trx, dialect, 'documents_fts', [['rowid', 'int'], ['title', 'text'], ['text', 'text']], docs.map((d) => [d.id, d.title ?? '', d.text]));
    },
    // SQLite's own limit on bound parameters is 32766 since 3.32; stay well under it. Statements of a
    // power of two of rows recur, and their prepared form is kept (openSqlite): preparing a new statement
    // of hundreds of rows for every batch was a seventh of the cost of storing.
    insertRows: (trx, table, columns, rows, opts) => insertValues(trx, table, columns, rows, opts, { maxParams: 30000, repeatable: { maxRows: 64 } }),
    async startWrite(trx) {
      await sql`pragma defer_foreign_keys = on`.execute(trx); // off again at commit or rollback
    },
    openInserts(trx, tables) {
      // Each table is inserted once the next one begins: its rows are let go before the next table's are
      // built, rather than all kept to the end (fewer of them live through a garbage collection).
      let at = 0;
      let rows: (readonly Value[])[] = [];
      const flush = async () => {
        const some = rows;
        rows = [];
        await insertRows(trx, dialect, tables[at].table, tables[at].columns, some);
      };
      return {
        async put(index, more) {
          if (index < at) throw new Error(`${tables[index].table}: rows handed over after those of ${tables[at].table}`);
          while (at < index) {
            await flush();
            at++;
          }
          for (const r of more) rows.push(r);
        },
        async finish() {
          for (; at < tables.length; at++) await flush();
        },
        async abort() {},
      };
    },
    async openingLookups(trx, q) {
      // one writer at a time (BEGIN IMMEDIATE) and the foreign key on entities.global_id: nothing to hold
      return { ids: await dialect.reserveIds(trx, 'documents', q.count), stored: await lookUpStored(trx, q.hashes, q.sources), aliases: await lookUpAliases(trx, q.norms), gone: [] };
    },
    async reserveIds(trx: Trx, table, n) {
      // AUTOINCREMENT keeps the highest id ever used here (so an id of a merged-away entity is never
      // reused); inserting explicit ids above it moves it on. The batch holds the write lock from its
      // BEGIN IMMEDIATE (see below), so no other writer takes the same ids.
      const r = await sql<{ seq: number }>`select seq from sqlite_sequence where name = ${table}`.execute(trx);
      const from = Number(r.rows[0]?.seq ?? 0) + 1;
      return Array.from({ length: n }, (_, i) => from + i);
    },
    async search(db: Db, query: string, limit: number): Promise<SearchRow[]> {
      const q = ftsQuery(query);
      if (!q) return [];
      const r = await sql<SearchRow>`select rowid as document_id, snippet(documents_fts, 1, '[', ']', '…', 16) as snippet, bm25(documents_fts) as rank
        from documents_fts where documents_fts match ${q} order by rank limit ${limit}`.execute(db);
      return r.rows.map((row) => ({ ...row, rank: -row.rank }));
    },
    describeError(err: unknown) {
      const e = err as { code?: string; message?: string };
      const code = e?.code ?? '';
      if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return `${file}: the database is locked by another process; try again when it has finished`;
      if (code === 'SQLITE_NOTADB') return `${file}: not a dossier database (the file is corrupt or of another kind)`;
      if (code.startsWith('SQLITE_CORRUPT')) return `${file}: the database file is corrupt (${e.message})`;
      if (code === 'SQLITE_CANTOPEN') return `${file}: cannot open the database file (missing folder or no permission)`;
      if (code === 'SQLITE_READONLY') return `${file}: the database is read-only`;
      if (code === 'SQLITE_FULL') return `${file}: the disk is full`;
      return `${file}: ${e?.message ?? String(err)}`;
    },
    committed: () => checkpoints?.committed(),
    settle: async () => checkpoints?.settle(),
    close: async () => checkpoints?.close(),
  };
  return dialect;
}

/**
 * Transactions that take the write lock when they begin (BEGIN IMMEDIATE). A deferred BEGIN takes it
 * at the first write, and when two processes both read first (two `dossier add`s, or two creating
 * the same new dossier and running its migrations) the second is refused at once with SQLITE_BUSY
 * instead of waiting its busy_timeout: SQLite cannot let it wait without risking a deadlock.
 * Migrations run in such a transaction too (SQLite's DDL is transactional, though Kysely's adapter
 * does not claim it), so two processes opening a new dossier at once apply them once, in turn.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/** How long a write waits for another process holding the dossier before giving up (ms). */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export function openSqlite(file: string, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS): Kysely<DossierSchema> {
  const database = new Database(file);
  database.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  // NORMAL syncs the disk only when the WAL is copied back into the database (a checkpoint), every 1000
  // pages by default: every 80 or so news articles added, and that sync was half the time of adding
  // them. Every 10,000 pages (a WAL of up to 40 MB) syncs a tenth as often; a commit stays as durable.
  // Checkpoints run in a thread of their own after each batch (checkpointer.ts); this one is the bound
  // for when that thread falls behind.
  database.pragma('wal_autocheckpoint = 10000');
  database.pragma('foreign_keys = ON');
  return new Kysely<DossierSchema>({ dialect: new ImmediateSqliteDialect({ database: cachingInserts(database) }) });
}

/** `database` as Kysely sees it, keeping the prepared form of INSERT statements: the batch writer's
 * recur from batch to batch (see insertValues). Only inserts, which never stream rows, so a statement
 * is never in use twice at once. Emptied when full. */
function cachingInserts(database: Database.Database): SqliteDatabase {
  const prepared = new Map<string, Database.Statement>();
  return {
    prepare(text: string) {
      if (!text.startsWith('insert into ')) return database.prepare(text);
      let st = prepared.get(text);
      if (!st) {
        if (prepared.size >= 200) prepared.clear();
        prepared.set(text, (st = database.prepare(text)));
      }
      return st;
    },
    close: () => database.close(),
  };
}
