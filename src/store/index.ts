// The dossier store: the one facade other layers use. Open it with openStore(target) where target is
// a SQLite file path or a postgres:// URL (resolveTarget picks --db, DOSSIER_DB, DATABASE_URL, ./dossier.db).
// Every method turns driver errors into one-line StoreErrors naming the store; `db` is exposed for
// queries this facade does not offer (typed by DossierSchema in ./schema.ts).
//
//   const store = await openStore(resolveTarget(opts.db));
//   await store.addDocument({ source, contentHash, format, analysis });
//   const docs = await store.listDocuments();
//   await store.close();
import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { Migrator, type Migration } from 'kysely';
import { DossierError, StoreError } from '../errors.js';
import type { Db, StoreDialect } from './dialect.js';
import { migrations } from './migrations.js';
import { openPostgres, parsePostgresUrl, postgresDialect } from './postgres.js';
import { openSqlite, sqliteDialect } from './sqlite.js';
import { addDocument, addDocuments, findByHash, type AddOutcome, type BatchOutcome, type NewDocument } from './write.js';
import * as read from './read.js';
import * as judging from './judging.js';
import * as claims from './claims.js';

export type { AddOutcome, BatchOutcome, NewDocument } from './write.js';
export type { DocumentSummary, StoredDocument, SearchHit, DossierEntity, EntityDetail, EntityRef, StoredQuote, TimelineEvent } from './read.js';
export type { SourceGrade, SourceKind, Reliability, Hypothesis, Rating, RatingValue, CredibilityOverride } from './judging.js';
export { parseQuoteId } from './judging.js';
export type { ClaimDocument, ClaimGroup, ClaimMember, ClaimOrigin, ClaimQuote, FollowedJudgements } from './claims.js';
export type { DossierSchema } from './schema.js';

export const DEFAULT_DB = './dossier.db';

/** Which store a command uses: --db, else DOSSIER_DB, else DATABASE_URL, else ./dossier.db. */
export function resolveTarget(flag?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.DOSSIER_DB || env.DATABASE_URL || DEFAULT_DB;
}

export function isPostgresTarget(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

export interface OpenOptions {
  /** Create the SQLite file when missing (add does; read-only commands refuse a missing dossier). */
  create?: boolean;
  /** SQLite: how long to wait for a dossier another process is writing (default $DOSSIER_BUSY_TIMEOUT or 5000 ms). */
  busyTimeoutMs?: number;
}

/** Closing a store: the dialect's own work first (what settle waits for; SQLite's checkpointer thread
 * stops), then the connection. */
const closer = (dialect: StoreDialect, db: Db) => async (): Promise<void> => {
  await dialect.close?.();
  await db.destroy();
};

export class Store {
  private constructor(readonly db: Db, readonly dialect: StoreDialect, private readonly shutdown: () => Promise<void>) {}

  /** @internal use openStore */
  static async open(target: string, opts: OpenOptions = {}): Promise<Store> {
    let dialect: StoreDialect;
    let db: Db;
    let shutdown: () => Promise<void>;
    if (isPostgresTarget(target)) {
      let pgTarget;
      try {
        pgTarget = parsePostgresUrl(target);
      } catch (err) {
        throw new StoreError(`${target.replace(/:[^:@/]*@/, ':***@')}: not a usable PostgreSQL URL (${(err as Error).message})`);
      }
      dialect = postgresDialect(pgTarget);
      const opened = openPostgres(pgTarget);
      db = opened.db;
      shutdown = closer(dialect, db);
      if (pgTarget.schema) {
        try {
          await sql`create schema if not exists ${sql.id(pgTarget.schema)}`.execute(db);
        } catch (err) {
          await shutdown().catch(() => {});
          throw new StoreError(dialect.describeError(err));
        }
      }
    } else {
      dialect = sqliteDialect(target);
      if (!opts.create && !existsSync(target)) throw new StoreError(`${target}: no dossier here yet; add documents first (dossier add PATH --db ${target})`);
      try {
        db = openSqlite(target, opts.busyTimeoutMs ?? (Number(process.env.DOSSIER_BUSY_TIMEOUT) || undefined));
      } catch (err) {
        throw new StoreError(dialect.describeError(err));
      }
      shutdown = closer(dialect, db);
    }
    const store = new Store(db, dialect, shutdown);
    try {
      await store.migrate();
    } catch (err) {
      await shutdown().catch(() => {});
      throw err instanceof DossierError ? err : new StoreError(dialect.describeError(err));
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const all = migrations(this.dialect);
    // Kysely looks for its bookkeeping tables in every schema; name ours, or another dossier's
    // tables in the same PostgreSQL database would be taken for this one's.
    const schema = this.dialect.name === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(this.db)).rows[0]?.s
      : undefined;
    const migrator = new Migrator({
      db: this.db,
      ...(schema ? { migrationTableSchema: schema } : {}),
      provider: { getMigrations: async (): Promise<Record<string, Migration>> => all },
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      // a dossier a newer version has upgraded: its migrations are not all known here
      const newer = /previously executed migration (\S+) is missing/.exec(error instanceof Error ? error.message : String(error));
      if (newer) throw new StoreError(`${this.dialect.location}: made or upgraded by a newer version of dossier (migration ${newer[1]}); update dossier to open it`);
      const failed = results?.find((r) => r.status === 'Error');
      throw new StoreError(`${this.dialect.describeError(error)}${failed ? ` (migration ${failed.migrationName})` : ''}`);
    }
  }

  /** Run fn, turning any driver error into a StoreError naming this store. */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof DossierError) throw err;
      throw new StoreError(this.dialect.describeError(err));
    }
  }

  close(): Promise<void> {
    return this.shutdown();
  }

  // documents
  addDocument(doc: NewDocument): Promise<AddOutcome> { return this.write(1, () => addDocument(this.db, this.dialect, doc)); }
  /** Several documents in one transaction, each all-or-nothing; a document that cannot be written fails alone. */
  addDocuments(docs: NewDocument[]): Promise<BatchOutcome[]> { return this.write(docs.length, () => addDocuments(this.db, this.dialect, docs)); }
  /** A write of `documents`, then word to the dialect that it is committed (StoreDialect.committed). */
  private async write<T>(documents: number, f: () => Promise<T>): Promise<T> {
    const out = await this.guard(f);
    this.dialect.committed?.(this.db, documents);
    return out;
  }
  /** Resolves once the work the writes finished so far set going beside the writer is done: SQLite's
   * checkpoint of its log, PostgreSQL's statistics and search-index merges (a write still under way is
   * not waited for). A write does not wait for it (the next documents are analysed meanwhile); a
   * measurement of what storing costs does. */
  settle(): Promise<void> { return this.dialect.settle?.() ?? Promise.resolve(); }
  findByHash(hash: string) { return this.guard(() => findByHash(this.db, hash)); }
  /** The content hashes already stored, for skipping known inputs before analysing them. */
  knownHashes(): Promise<Set<string>> {
    return this.guard(async () => new Set((await this.db.selectFrom('documents').select('content_hash').execute()).map((r) => r.content_hash)));
  }
  listDocuments(opts?: { allVersions?: boolean }) { return this.guard(() => read.listDocuments(this.db, opts)); }
  getDocument(ref: number | string) { return this.guard(() => read.getDocument(this.db, ref)); }
  /** Documents by id, in the order asked, read many at once (ids not stored are left out). */
  getDocuments(ids: readonly number[]) { return this.guard(() => read.getDocuments(this.db, ids)); }
  search(text: string, limit?: number) { return this.guard(() => read.searchDocuments(this.db, this.dialect, text, limit)); }
  timeline() { return this.guard(() => read.timeline(this.db)); }

  // entities across documents
  listEntities() { return this.guard(() => read.listEntities(this.db)); }
  entity(nameOrId: string) { return this.guard(() => read.entityDetail(this.db, nameOrId)); }

  // claims (grouped by src/analysis/claims.ts)
  claimDocuments() { return this.guard(() => claims.claimDocuments(this.db)); }
  saveClaimGroups(groups: claims.ClaimGroup[]) { return this.guard(() => claims.saveClaimGroups(this.db, groups)); }
  listClaimGroups() { return this.guard(() => claims.listClaimGroups(this.db)); }

  // the analyst's judgements
  listSources() { return this.guard(() => judging.listSources(this.db)); }
  gradeSource(s: Parameters<typeof judging.gradeSource>[1]) { return this.guard(() => judging.gradeSource(this.db, s)); }
  listHypotheses() { return this.guard(() => judging.listHypotheses(this.db)); }
  addHypothesis(text: string) { return this.guard(() => judging.addHypothesis(this.db, text)); }
  removeHypothesis(id: number) { return this.guard(() => judging.removeHypothesis(this.db, id)); }
  listRatings(hypothesisId?: number) { return this.guard(() => judging.listRatings(this.db, hypothesisId)); }
  /** A quote is rated only in a latest version (see judging.rate). */
  rate(r: Parameters<typeof judging.rate>[1]) { return this.guard(() => judging.rate(this.db, r, this.dialect.name === 'postgres')); }
  unrate(kind: judging.Rating['evidenceKind'], evidenceId: string, hypothesisId: number) { return this.guard(() => judging.unrate(this.db, kind, evidenceId, hypothesisId)); }
  listCredibility() { return this.guard(() => judging.listCredibility(this.db)); }
  setCredibility(o: judging.CredibilityOverride) { return this.guard(() => judging.setCredibility(this.db, o)); }
  clearCredibility(claimGroupId: string) { return this.guard(() => judging.clearCredibility(this.db, claimGroupId)); }
  getSetting(key: string) { return this.guard(() => judging.getSetting(this.db, key)); }
  setSetting(key: string, value: string) { return this.guard(() => judging.setSetting(this.db, key, value)); }
  listSettings(prefix?: string) { return this.guard(() => judging.listSettings(this.db, prefix)); }
  /** The question the dossier is about (settings key "question"). */
  getQuestion() { return this.getSetting('question'); }
  setQuestion(q: string) { return this.setSetting('question', q); }
}

/** Open (and migrate) the store at `target`: a SQLite file path or a postgres:// URL (optionally ?schema=NAME). */
export function openStore(target: string, opts?: OpenOptions): Promise<Store> {
  return Store.open(target, opts);
}
