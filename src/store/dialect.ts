// What differs between SQLite and PostgreSQL, and nothing else: how an id column is declared,
// how full-text search is built and queried. Every other query is shared Kysely code.
import type { Kysely, Transaction } from 'kysely';
import type { DossierSchema } from './schema.js';
import type { Column, InsertOptions, Value } from './rows.js';

export type Db = Kysely<DossierSchema>;
export type Trx = Transaction<DossierSchema>;

export interface SearchRow {
  document_id: number;
  snippet: string;
  rank: number;
}

/** A stored document as a batch write looks it up. */
export type StoredRow = { id: number; source: string; version: number; content_hash: string };
/** A known alias of a cross-document entity. */
export type AliasRow = { global_id: number; type: string; norm: string };
/** What a batch write asks first (StoreDialect.openingLookups). */
export interface OpeningLookups {
  /** Document ids to reserve. */
  count: number;
  hashes: string[];
  sources: string[];
  /** Normalised entity forms whose known aliases are wanted. */
  norms: string[];
}

/** Rows handed over table by table (StoreDialect.openInserts). */
export interface InsertStream {
  /** Rows for the table at `index` (among those opened): tables in their order, each in one or more parts. */
  put(index: number, rows: readonly (readonly Value[])[]): Promise<void>;
  /** Everything is handed over: resolves once the database has stored it, or rejects with its error. */
  finish(): Promise<void>;
  /** The caller has failed: resolves once the database has dropped what it was given. */
  abort(reason: string): Promise<void>;
}

export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Human-readable location for messages (file path, or the URL without password). */
  readonly location: string;
  /** Column type for an autoincrementing integer primary key. */
  readonly idType: 'integer' | 'serial';
  /** Migration step creating the full-text index over documents (title + text). */
  createSearchIndex(db: Kysely<any>): Promise<void>;
  /** The value of documents.search for a new document, where the dialect keeps its search index in that
   * column (PostgreSQL: a tsvector in binary form, see search-terms.ts); null where it has no such column (SQLite). */
  readonly searchValue: ((title: string | null, text: string) => Buffer) | null;
  /** Called inside the write transaction after documents are inserted (SQLite fills FTS5; PostgreSQL has it in the row already). */
  indexDocuments(trx: Trx, docs: { id: number; title: string | null; text: string }[]): Promise<void>;
  /** Insert many rows at once, the way this database takes them fastest (see rows.ts). */
  insertRows<R>(trx: Trx, table: string, columns: readonly Column[], rows: readonly (readonly Value[])[], opts: InsertOptions): Promise<R[]>;
  /** Called first in every write transaction. The batch writer inserts a document's parts before the
   * document's row (write.ts), so SQLite defers its foreign-key checks to the commit. */
  startWrite(trx: Trx): Promise<void>;
  /** Rows into `tables` (no ids returned, no conflicts ignored), a table after another in the order
   * given, each table's rows handed over, in one part or several, as they are built. PostgreSQL sends
   * them as they come, as one COPY query whose data follows, so that the database stores one table while
   * the next is built; SQLite inserts a table's rows once the next table's begin. */
  openInserts(trx: Trx, tables: readonly { table: string; columns: readonly Column[] }[]): InsertStream;
  /** A batch write's opening look-ups: `count` document ids, the stored documents with any of `hashes`
   * or `sources`, and the known aliases of `norms`. It also makes sure the cross-document entities those
   * aliases name stay until the transaction ends, and returns in `gone` those merged away by another
   * writer meanwhile. PostgreSQL asks it all in one statement and locks the entities against deletion
   * (FOR KEY SHARE), which is what a foreign key on entities.global_id would do per row at several times
   * the cost (0010_entity_global_unchecked). SQLite asks a statement each; it keeps that key, and lets
   * one writer in at a time. */
  openingLookups(trx: Trx, q: OpeningLookups): Promise<{ ids: number[]; stored: StoredRow[]; aliases: AliasRow[]; gone: number[] }>;
  /** Take n ids of `table`'s id sequence for rows inserted with explicit ids in this transaction. */
  reserveIds(trx: Trx, table: 'global_entities' | 'documents', n: number): Promise<number[]>;
  search(db: Db, query: string, limit: number): Promise<SearchRow[]>;
  /** Turn a driver error into one clear line naming the store. */
  describeError(err: unknown): string;
  /** Called after a write is committed, with the number of documents it offered (SQLite: its log is
   * checkpointed in another thread, see checkpointer.ts; PostgreSQL: the lookup tables' statistics are
   * refreshed as a bulk add grows them, and the search index's pending list merged every 256 documents). */
  committed?(db: Db, documents: number): void;
  /** Resolves once the work `committed` set going is done (it runs beside the writer, not in its way). */
  settle?(): Promise<void>;
  /** Called as the store closes, before its connection does. */
  close?(): Promise<void>;
}
