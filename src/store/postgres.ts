// PostgreSQL through pg: a small pool, optional schema (`?schema=NAME` in the URL) so tests and
// teams can keep several dossiers in one database; search with a tsvector column (made by the writer) + GIN.
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type { DossierSchema } from './schema.js';
import type { Db, InsertStream, SearchRow, StoreDialect, Trx } from './dialect.js';
import { check, copiedBinary, copyBinary, copyStatement, CopyStream, copyText, COPY_BINARY_HEADER, COPY_BINARY_TRAILER, insertUnnest, runCopy, textArray, type Column, type CopyConnection } from './rows.js';
import { searchQuery, searchVectorBinary } from './search-terms.js';

export interface PostgresTarget {
  connectionString: string;
  schema: string | null;
  /** The URL with any password removed, for messages. */
  safeUrl: string;
}

export function parsePostgresUrl(url: string): PostgresTarget {
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  if (schema && !/^[a-z_][a-z0-9_]*$/i.test(schema)) throw new Error(`schema "${schema}" is not a plain SQL identifier`);
  const safe = new URL(u.toString());
  if (safe.password) safe.password = '***';
  return { connectionString: u.toString(), schema, safeUrl: safe.toString() };
}

/** Rows into several tables as one COPY query whose data follows as it is handed over (see CopyStream):
 * text format for plain tables, binary for a table holding a binary value (documents and their vector). */
function openInserts(trx: Trx, tables: readonly { table: string; columns: readonly Column[] }[]): InsertStream {
  const copy = new CopyStream(tables.map((t) => copyStatement(t.table, t.columns)));
  const binary = tables.map((t) => copiedBinary(t.columns));
  const done = trx.executeQuery(CompiledQuery.raw(copy.text, [copy as never])).then(() => null, (err: unknown) => err ?? new Error('COPY failed'));
  let at = 0; // the table whose data goes out now
  let begun = false; // whether its data has started (a binary table's with the header)
  const moveTo = (index: number) => {
    if (index < at) throw new Error(`${tables[index].table}: rows handed over after those of ${tables[at].table}`);
    for (; at < index; at++, begun = false) {
      if (binary[at]) copy.data(begun ? COPY_BINARY_TRAILER : Buffer.concat([COPY_BINARY_HEADER, COPY_BINARY_TRAILER]));
      copy.end();
    }
    if (at < tables.length && !begun) {
      if (binary[at]) copy.data(COPY_BINARY_HEADER);
      begun = true;
    }
  };
  return {
    async put(index, rows) {
      const { table, columns } = tables[index];
      moveTo(index);
      check(table, columns, rows);
      copy.data(binary[index] ? copyBinary(columns, rows) : copyText(rows));
      // the query goes out on a turn of the event loop, once the transaction's statement before it is
      // done: until then, give it turns, so that the server starts on what it has been handed
      if (!copy.attached) await new Promise((resolve) => setImmediate(resolve));
    },
    async finish() {
      moveTo(tables.length);
      const err = await done;
      if (err) throw err;
    },
    async abort(reason) {
      copy.fail(reason);
      await done;
    },
  };
}

/** Documents committed by this process between merges of the search index's pending list. */
const CLEAN_EVERY = 256;

/** Documents written by this process before the first refresh of the planner's statistics (then at each doubling). */
const ANALYZE_FIRST_AT = 128;

export function postgresDialect(target: PostgresTarget): StoreDialect {
  const where = target.safeUrl;
  // A batch's opening look-ups find stored documents and aliases by value (openingLookups). Until the
  // tables have statistics, the planner takes `= any(64 values)` to match a large share of them and
  // scans documents whole, a cost that grows with the dossier; autovacuum analyses a table only on its
  // next round (a minute by default), so a bulk add into a fresh dossier scanned all the while. And
  // knowing nothing of the aliases, it joined a batch's forms to them by sorting the whole table (6 of
  // a 12 ms look-up at 7,000 aliases). The writer has them analysed on another connection as its own
  // count passes 128, 256, 512 … (a few milliseconds each while the tables are small).
  let written = 0;
  let analyzeAt = ANALYZE_FIRST_AT;
  let analyzing: Promise<void> | null = null;
  // The search index (GIN) takes new documents' words into a pending list, merged into the index when
  // the list outgrows 4 MB (about 500 news articles), by whichever insert finds it so: a fifth of the
  // server's work in storing, all of it in one batch's wait. The writer has it merged on another
  // connection after every CLEAN_EVERY documents committed, while this process goes on (analysing the
  // next documents), so the list stays short and a batch rarely merges it.
  let cleanAt = CLEAN_EVERY;
  let cleaning: Promise<void> | null = null;
  // (the work under way when asked; neither one fails, see committed)
  const settle = async () => {
    await Promise.all([analyzing, cleaning]);
  };
  return {
    name: 'postgres',
    location: where,
    idType: 'serial',
    async createSearchIndex(db) {
      await sql`alter table documents add column search tsvector generated always as (to_tsvector('english', coalesce(title, '') || ' ' || text)) stored`.execute(db);
      await sql`create index documents_search on documents using gin (search)`.execute(db);
    },
    // the vector is made in this process and inserted with the row (0005_search_vector_from_writer)
    searchValue: searchVectorBinary,
    async indexDocuments() {},
    // Rows by COPY; rows whose ids come back or whose conflicts are ignored by unnest() (see rows.ts).
    // The batch writer sends its documents and their parts through openInserts instead.
    insertRows: async (trx, table, columns, rows, opts) => {
      if (opts.returning?.length || opts.ignoreConflicts) return insertUnnest(trx, table, columns, rows, opts);
      await runCopy(trx, [{ table, columns, rows }]);
      return [];
    },
    async startWrite() {}, // the parts' tables have no keys on their document (0004_document_parts_unchecked)
    openInserts,
    async openingLookups(trx, q) {
      // `held` locks the cross-document entities the aliases name; one merged away by a writer that
      // committed meanwhile is not there to lock, and comes back in `gone`.
      // The batch's forms (a couple of thousand for 64 news articles) are joined as a set, not matched
      // by `norm = any(array)`: the planner estimated that element by element (~5 ms a batch), and on a
      // large dossier (300,000 aliases) chose a parallel scan of the whole table (~30 ms) over probing the index.
      const r = await sql<{ ids: string[]; stored: [number, string, number, string][]; aliases: [number, string, string][]; gone: number[] }>`
        with found as (select a.global_id, a.type, a.norm from unnest(${textArray(q.norms)}::text[]) as q(norm) join global_aliases a on a.norm = q.norm),
          held as (select id from global_entities where id in (select global_id from found) for key share)
        select
          array(select nextval((select pg_get_serial_sequence('documents', 'id'))::regclass) from generate_series(1, ${q.count}::integer)) as ids,
          (select coalesce(json_agg(json_build_array(id, source, version, content_hash)), '[]') from documents
            where content_hash = any(${textArray(q.hashes)}::text[]) or source = any(${textArray(q.sources)}::text[])) as stored,
          (select coalesce(json_agg(json_build_array(global_id, type, norm)), '[]') from found) as aliases,
          array(select distinct global_id from found where global_id not in (select id from held)) as gone`.execute(trx);
      const row = r.rows[0];
      return {
        ids: row.ids.map(Number).sort((a, b) => a - b),
        stored: row.stored.map(([id, source, version, content_hash]) => ({ id, source, version, content_hash })),
        aliases: row.aliases.map(([global_id, type, norm]) => ({ global_id, type, norm })),
        gone: row.gone.map(Number),
      };
    },
    async reserveIds(trx, table, n) {
      if (!n) return [];
      // (the sequence found once, by an uncorrelated subquery: pg_get_serial_sequence in every row cost
      // the server ~4 µs a row, five times the nextval, and a batch of news takes ~800 entity ids)
      const r = await sql<{ id: string }>`select nextval((select pg_get_serial_sequence(${table}, 'id'))::regclass) as id from generate_series(1, ${n})`.execute(trx);
      return r.rows.map((row) => Number(row.id)).sort((a, b) => a - b);
    },
    async search(db: Db, query: string, limit: number): Promise<SearchRow[]> {
      const terms = searchQuery(query);
      if (!terms) return [];
      const r = await sql<SearchRow>`select d.id as document_id,
          ts_headline('english', d.text, q, 'StartSel=[,StopSel=],MaxWords=24,MinWords=8,MaxFragments=1') as snippet,
          ts_rank(d.search, q) as rank
        from documents d, cast(${terms} as tsquery) q
        where d.search @@ q order by rank desc, d.id limit ${limit}`.execute(db);
      return r.rows.map((row) => ({ ...row, rank: Number(row.rank) }));
    },
    committed(db, documents) {
      written += documents;
      if (written >= cleanAt && !cleaning) {
        cleanAt = written + CLEAN_EVERY;
        // (only the index's owner may; otherwise inserts clean it as before)
        cleaning = sql`select gin_clean_pending_list('documents_search'::regclass)`.execute(db).then(() => {}, () => {}).finally(() => (cleaning = null));
      }
      if (written < analyzeAt) return;
      analyzeAt = 2 * written; // (one under way now stands for this one)
      if (analyzing) return;
      // statistics only: a failure (a role that does not own the tables) changes nothing else
      // (only the columns the look-ups read: the text and search vector of documents would make it a long read)
      analyzing = sql`analyze documents (id, source, content_hash), global_aliases (norm, type, global_id), global_entities (id)`.execute(db).then(() => {}, () => {}).finally(() => (analyzing = null));
    },
    settle,
    close: settle,
    describeError(err: unknown) {
      const e = err as { code?: string; message?: string; errors?: { message: string }[] };
      const code = e?.code ?? '';
      if (code === 'ECONNREFUSED' || (e?.errors && e.errors.length)) return `${where}: PostgreSQL is not reachable (connection refused); is the server running?`;
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${where}: PostgreSQL host not found`;
      if (code === 'ETIMEDOUT' || /timeout/i.test(e?.message ?? '')) return `${where}: PostgreSQL did not answer in time`;
      if (code === '28P01' || code === '28000') return `${where}: PostgreSQL refused the credentials`;
      if (code === '3D000') return `${where}: the PostgreSQL database does not exist`;
      if (code === '57P01' || code === '57P03') return `${where}: PostgreSQL is shutting down or starting up`;
      return `${where}: ${e?.message ?? String(err)}`;
    },
  };
}

export function openPostgres(target: PostgresTarget): { db: Kysely<DossierSchema>; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: 4,
    connectionTimeoutMillis: 5000,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return { db: new Kysely<DossierSchema>({ dialect: new PostgresDialect({ pool: copyingPool(pool) }) }), pool };
}

/** `pool` as Kysely sees it, with one addition: a query whose one parameter is a CopyStream (rows.ts) is
 * run as its `COPY … FROM STDIN` statements, on the connection (and so in the transaction) it was sent on. */
function copyingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) {
        w = {
          query: ((text: string, params: readonly unknown[]) => params?.length === 1 && params[0] instanceof CopyStream
            ? new Promise((resolve, reject) => client.query(new CopyIn(params[0] as CopyStream, resolve, reject) as never))
            : client.query(text, params as unknown[])) as unknown as PostgresPoolClient['query'],
          release: () => client.release(),
        };
        wrapped.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}

/**
 * A CopyStream as one query for pg's client (its "submittable" interface). The query text goes out when
 * pg's turn for it comes, and with it the data handed over so far; the rest follows as it is handed
 * over, before the server has asked for it: the server reads each statement's data in order as that
 * COPY starts. On an error the server skips the rest of the query and drops the data still to come, as
 * the protocol specifies for COPY, and the stream sends no more; pg then takes the next query as usual.
 */
class CopyIn {
  private rows = 0;
  constructor(private readonly copy: CopyStream, private readonly resolve: (r: { command: string; rowCount: number; rows: [] }) => void,
    private readonly reject: (err: unknown) => void) {}

  /** pg sets this for its timeouts; nothing to do. */
  callback(): void {}

  submit(connection: CopyConnection): void {
    this.copy.attach(connection);
  }

  handleCopyInResponse(): void {} // the data is on its way already
  handleCommandComplete(msg: { text?: string }): void {
    const m = /^COPY (\d+)/.exec(msg?.text ?? '');
    if (m) this.rows += Number(m[1]);
  }
  handleReadyForQuery(): void {
    this.copy.stop(); // done: anything handed over now (a late abort) has nowhere to go
    this.resolve({ command: 'COPY', rowCount: this.rows, rows: [] });
  }
  /** An error from the server (pg takes the next query once the server is ready again) or from the connection. */
  handleError(err: unknown): void {
    this.copy.stop();
    this.reject(err);
  }
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}
