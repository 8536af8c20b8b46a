// What differs between SQLite and PostgreSQL, and nothing else: how an id column is declared,
// how full-text search is built and queried. Every other query is shared Kysely code.
import type { Kysely, Transaction } from 'kysely';
import type { DossierSchema } from './schema.js';
import type { Column, InsertOptions, TableRows, Value } from './rows.js';

export type Db = Kysely<DossierSchema>;
export type Trx = Transaction<DossierSchema>;

export interface SearchRow {
  document_id: number;
  snippet: string;
  rank: number;
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
  /** Whether statements wait in a queue in this process while the database runs the one ahead of them
   * (PostgreSQL: the batch writer gives the event loop turns while it builds rows, so that the next goes
   * out as soon as the database is free). SQLite runs each statement in-process when it is called. */
  readonly queuesStatements: boolean;
  /** Called first in every write transaction. The batch writer inserts a document's parts before the
   * document's row (write.ts), so SQLite defers its foreign-key checks to the commit. */
  startWrite(trx: Trx): Promise<void>;
  /** An insert of rows into several tables (no ids returned, no conflicts ignored), made ready now and
   * run later: PostgreSQL gets them all as one query, built here, so that the caller can build other
   * rows while the database stores these. */
  prepareInsert(tables: readonly TableRows[]): (trx: Trx) => Promise<void>;
  /** Make sure the cross-document entities `ids` stay until this transaction ends, and return those
   * that are gone already (merged away by another writer since they were looked up). PostgreSQL locks
   * them against deletion (FOR KEY SHARE), which is what a foreign key on entities.global_id would do
   * per row at several times the cost (0010_entity_global_unchecked); SQLite keeps that key and lets
   * one writer in at a time. */
  holdGlobalEntities(trx: Trx, ids: number[]): Promise<number[]>;
  /** Take n ids of `table`'s id sequence for rows inserted with explicit ids in this transaction. */
  reserveIds(trx: Trx, table: 'global_entities' | 'documents', n: number): Promise<number[]>;
  search(db: Db, query: string, limit: number): Promise<SearchRow[]>;
  /** Turn a driver error into one clear line naming the store. */
  describeError(err: unknown): string;
}
