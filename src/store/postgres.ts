// PostgreSQL through pg: a small pool, optional schema (`?schema=NAME` in the URL) so tests and
// teams can keep several dossiers in one database; search with a tsvector column (made by the writer) + GIN.
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type { DossierSchema } from './schema.js';
import type { Db, SearchRow, StoreDialect } from './dialect.js';
import { CopyData, insertCopy, insertUnnest, insertValues } from './rows.js';
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

export function postgresDialect(target: PostgresTarget): StoreDialect {
  const where = target.safeUrl;
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
    // Plain rows by COPY; rows whose ids come back or whose conflicts are ignored by unnest(); rows
    // holding binary values (documents and their search vector) as plain parameters (see rows.ts).
    insertRows: async (trx, table, columns, rows, opts) => {
      if (rows.some((row) => row.some((v) => Buffer.isBuffer(v)))) return insertValues(trx, table, columns, rows, opts, { maxParams: 65000, numbered: true });
      if (opts.returning?.length || opts.ignoreConflicts) return insertUnnest(trx, table, columns, rows, opts);
      await insertCopy(trx, table, columns, rows);
      return [];
    },
    async reserveIds(trx, table, n) {
      if (!n) return [];
      const r = await sql<{ id: string }>`select nextval(pg_get_serial_sequence(${table}, 'id')) as id from generate_series(1, ${n})`.execute(trx);
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

/** `pool` as Kysely sees it, with one addition: a query whose one parameter is CopyData (rows.ts) is
 * run as `COPY … FROM STDIN` with that data, on the connection (and so in the transaction) it was sent on. */
function copyingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) {
        const c = client;
        w = {
          query: (async (text: string, params: readonly unknown[]) => {
            const data = params?.length === 1 && params[0] instanceof CopyData ? params[0] : null;
            if (!data) return c.query(text, params as unknown[]);
            const stream = c.query(copyFrom(text));
            await new Promise<void>((resolve, reject) => {
              stream.on('finish', resolve);
              stream.on('error', reject);
              stream.end(data.text);
            });
            return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
          }) as unknown as PostgresPoolClient['query'],
          release: () => c.release(),
        };
        wrapped.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}
