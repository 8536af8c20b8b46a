// Multi-row INSERTs built by hand: the write path stores a batch of documents with one statement per
// table, and building thousands of values through Kysely's query builder would cost more than the
// database spends storing them. Table and column names are our own constants, never input.
// SQLite takes a VALUES list (parsing is in-process and cheap). PostgreSQL takes plain rows through
// COPY FROM STDIN, which stores them about twice as cheaply as an INSERT does (no statement to plan,
// rows stored in batches); where COPY cannot serve (rows to return, conflicts to ignore) it takes one
// array per column through unnest(), a short statement whatever the row count (a VALUES list of
// thousands of parameters costs the server more to parse and plan than to insert).
import { CompiledQuery } from 'kysely';
import type { StoreDialect, Trx } from './dialect.js';

/** A Buffer goes to PostgreSQL as a binary parameter (documents.search, see search-terms.ts). */
export type Value = string | number | Buffer | null;
/** A column and the kind of value it holds: integers and text, and PostgreSQL's search vector. */
export type Column = readonly [name: string, kind: 'int' | 'text' | 'tsvector'];

export interface InsertOptions {
  returning?: readonly string[];
  /** ON CONFLICT DO NOTHING */
  ignoreConflicts?: boolean;
}

const quoted = (names: readonly string[]) => names.map((c) => `"${c}"`).join(', ');

function tail(opts: InsertOptions): string {
  return (opts.ignoreConflicts ? ' on conflict do nothing' : '') + (opts.returning?.length ? ` returning ${quoted(opts.returning)}` : '');
}

export function check(table: string, columns: readonly Column[], rows: readonly (readonly Value[])[]): void {
  for (const row of rows) if (row.length !== columns.length) throw new Error(`${table}: a row has ${row.length} values for ${columns.length} columns`);
}

/** Statement texts by table, columns, options and row count: the batch writer's recur from batch to batch,
 * and building the text of a statement of hundreds of values each time cost more than looking it up. */
const valuesTexts = new Map<string, string>();

function valuesText(table: string, columns: readonly Column[], n: number, opts: InsertOptions): string {
  const key = `${table}\0${columns.map((c) => c[0]).join(',')}\0${n}\0${tail(opts)}`;
  let text = valuesTexts.get(key);
  if (text === undefined) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    text = `insert into "${table}" (${quoted(columns.map((c) => c[0]))}) values ${Array(n).fill(tuple).join(', ')}${tail(opts)}`;
    if (valuesTexts.size >= 500) valuesTexts.clear();
    valuesTexts.set(key, text);
  }
  return text;
}

/** `insert … values (?, ?), (?, ?) …`, as few statements as `maxParams`
 * allows. With `repeatable`, statements hold a power of two of rows (at most `maxRows`), so that the same
 * few statement texts recur from batch to batch and a cache of prepared statements serves them. */
export async function insertValues<R>(trx: Trx, table: string, columns: readonly Column[], rows: readonly (readonly Value[])[], opts: InsertOptions,
  limits: { maxParams: number; repeatable?: { maxRows: number } }): Promise<R[]> {
  check(table, columns, rows);
  const out: R[] = [];
  const width = columns.length;
  const most = Math.max(1, Math.floor(limits.maxParams / width));
  let cap = most;
  if (limits.repeatable) {
    cap = 1;
    while (cap * 2 <= Math.min(most, limits.repeatable.maxRows)) cap *= 2;
  }
  for (let at = 0; at < rows.length;) {
    let n = Math.min(cap, rows.length - at);
    if (limits.repeatable) while (n & (n - 1)) n &= n - 1; // the highest power of two in it
    const params: Value[] = new Array(n * width);
    for (let i = 0, k = 0; i < n; i++) {
      const row = rows[at + i];
      for (let j = 0; j < width; j++) params[k++] = row[j] ?? null;
    }
    at += n;
    const r = await trx.executeQuery<R>(CompiledQuery.raw(valuesText(table, columns, n, opts), params));
    for (const x of r.rows) out.push(x);
  }
  return out;
}

const ARRAY_ESCAPE = /["\\]/;
const ARRAY_ESCAPES = /["\\]/g;

/** Column `j` of `rows` as a PostgreSQL array literal (`{1,NULL}`, `{"a","b \\"c\\""}`). Built here in one
 * pass: pg's generic array serialiser (value by value, through its type checks) cost ~0.3 ms a document. */
export function arrayLiteral(rows: readonly (readonly Value[])[], j: number, kind: Column[1]): string {
  let s = '{';
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i][j];
    if (i) s += ',';
    if (v === null || v === undefined) s += 'NULL';
    else if (kind === 'int') s += typeof v === 'number' && Number.isFinite(v) ? v : arrayElement(String(v));
    else s += arrayElement(typeof v === 'string' ? v : String(v));
  }
  return s + '}';
}

/** A text in an array literal: quoted, its quotes and backslashes escaped. */
const arrayElement = (t: string) => (ARRAY_ESCAPE.test(t) ? `"${t.replace(ARRAY_ESCAPES, '\\$&')}"` : `"${t}"`);

/** `values` as a PostgreSQL text array literal, for a parameter: pg's own serialiser escapes each element
 * with two regular expressions, and a batch's look-up sends a couple of thousand. */
export function textArray(values: readonly string[]): string {
  let s = '{';
  for (let i = 0; i < values.length; i++) s += (i ? ',' : '') + arrayElement(values[i]);
  return s + '}';
}

/** Rows for one table. */
export interface TableRows {
  table: string;
  columns: readonly Column[];
  rows: readonly (readonly Value[])[];
}

/** What a CopyStream needs of pg's connection (its protocol messages for COPY FROM STDIN). */
export interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

/**
 * `COPY … FROM STDIN` into several tables, one after another, as one query whose data follows as it is
 * made. The query's text names every statement at the start; the data of each goes out as soon as it is
 * handed over (`data`), then its end (`end`), and the server takes it as it arrives: it stores one table
 * while the next is being built, and never waits for this process to send the next statement. Sent as
 * the one parameter of a query, it is run by the PostgreSQL connection (postgres.ts, CopyIn).
 */
export class CopyStream {
  private connection: CopyConnection | null = null;
  /** Messages handed over before the query went out (it waits behind the transaction's earlier ones). */
  private waiting: ({ data: Buffer } | { end: true } | { fail: string })[] = [];
  private stopped = false;

  constructor(readonly statements: readonly string[]) {}

  /** Whether the query has gone out (data handed over from now on goes straight to the server). */
  get attached(): boolean {
    return this.connection !== null;
  }

  get text(): string {
    return this.statements.join('; ');
  }

  /** Called by the connection as the query goes out: the text, then whatever was handed over meanwhile. */
  attach(connection: CopyConnection): void {
    connection.query(this.text);
    this.connection = connection;
    for (const m of this.waiting.splice(0)) this.send(m);
  }

  /** The server has failed the query (it drops the data still to come): nothing more is sent. */
  stop(): void {
    this.stopped = true;
    this.waiting = [];
  }

  /** More data for the current statement. */
  data(chunk: Buffer): void {
    if (chunk.length) this.send({ data: chunk });
  }

  /** The current statement's data is complete; the next statement's data follows. */
  end(): void {
    this.send({ end: true });
  }

  /** Give up: the server fails the statement under way, and with it the query. */
  fail(reason: string): void {
    this.send({ fail: reason });
  }

  private send(m: { data: Buffer } | { end: true } | { fail: string }): void {
    if (this.stopped) return;
    const c = this.connection;
    if (!c) this.waiting.push(m);
    else if ('data' in m) c.sendCopyFromChunk(m.data);
    else if ('end' in m) c.endCopyFrom();
    else {
      c.sendCopyFail(m.fail);
      this.stopped = true;
    }
  }
}

/** Whether a table goes by PostgreSQL's binary COPY: it has a column holding a binary value (the search
 * vector, sent as the server's own binary form). Told by its columns, not by scanning the rows. */
export const copiedBinary = (columns: readonly Column[]) => columns.some(([, kind]) => kind === 'tsvector');

/** The `copy … from stdin` statement for a table, in binary format where copiedBinary, else text. */
export function copyStatement(table: string, columns: readonly Column[]): string {
  return `copy "${table}" (${quoted(columns.map((c) => c[0]))}) from stdin${copiedBinary(columns) ? ' with (format binary)' : ''}`;
}

/** PostgreSQL's binary COPY: the header, the end, and rows (see copyBinary). */
export const COPY_BINARY_HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
export const COPY_BINARY_TRAILER = Buffer.from([0xff, 0xff]);

/** `rows` in PostgreSQL's binary COPY format (no header or trailer): per row the number of values, then
 * each as its length and bytes (-1 for NULL): an integer as int4, text as UTF-8, a Buffer as it is (the
 * column's binary form: tsvectorrecv's for the search vector). */
export function copyBinary(columns: readonly Column[], rows: readonly (readonly Value[])[]): Buffer {
  let size = 0;
  const texts: (Buffer | null)[][] = rows.map((row) => row.map((v, j) => {
    const kind = columns[j][1];
    if (v === null || v === undefined) {
      size += 4;
      return null;
    }
    if (kind === 'int') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) throw new Error(`${columns[j][0]}: ${String(v)} is not a 32-bit integer`);
      size += 8;
      return null;
    }
    const b = Buffer.isBuffer(v) ? v : Buffer.from(typeof v === 'string' ? v : String(v));
    size += 4 + b.length;
    return b;
  }));
  size += 2 * rows.length;
  const out = Buffer.allocUnsafe(size);
  let o = 0;
  rows.forEach((row, i) => {
    o = out.writeInt16BE(row.length, o);
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (v === null || v === undefined) o = out.writeInt32BE(-1, o);
      else if (columns[j][1] === 'int') {
        o = out.writeInt32BE(4, o);
        o = out.writeInt32BE(v as number, o);
      } else {
        const b = texts[i][j]!;
        o = out.writeInt32BE(b.length, o);
        o += b.copy(out, o);
      }
    }
  });
  return out;
}

const COPY_ESCAPES = /[\\\t\n\r]/g;
const COPY_ESCAPE = /[\\\t\n\r]/;
const COPY_CODES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** `rows` as COPY text, encoded as UTF-8: one line per row, tab between values, `\N` for NULL, and
 * backslash, tab, newline and carriage return escaped. Integers are written as they are, anything else as
 * text. Written straight into a buffer: building the text as a string first made a string piece per
 * value and a copy of the whole, about a third of what storing a document allocated, and the garbage
 * collector then copied whatever else was young (the batch's analyses) that much more often. A text
 * value is written by Buffer's own encoder: values come as strings of every kind V8 has (slices of a
 * document's text, concatenations, one- and two-byte), and a loop reading their characters here was
 * compiled for a few and ran slowly for the rest (~3 µs an entity's row in the writer, 2-3 times this). */
export function copyText(rows: readonly (readonly Value[])[]): Buffer {
  let size = 0; // at most three bytes a UTF-16 unit (an escape is two bytes for one)
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      size += v === null || v === undefined ? 3 : typeof v === 'number' ? 26 : 3 * (typeof v === 'string' ? v.length : String(v).length) + 1;
    }
    size += 1;
  }
  const buf = Buffer.allocUnsafe(size);
  let o = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let j = 0; j < row.length; j++) {
      if (j) buf[o++] = 9;
      const v = row[j];
      if (v === null || v === undefined) {
        buf[o++] = 92;
        buf[o++] = 78;
      } else if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) {
        o = writeDigits(buf, o, v);
      } else {
        const t = typeof v === 'string' ? v : String(v);
        o += buf.write(COPY_ESCAPE.test(t) ? t.replace(COPY_ESCAPES, (m) => COPY_CODES[m]) : t, o);
      }
    }
    buf[o++] = 10;
  }
  return buf.subarray(0, o);
}

/** The decimal digits of a non-negative safe integer, written at `o`; returns the offset after them. */
function writeDigits(buf: Buffer, o: number, v: number): number {
  if (v < 10) {
    buf[o] = 48 + v;
    return o + 1;
  }
  let n = 0;
  for (let x = v; x >= 1; x = Math.floor(x / 10)) n++;
  for (let i = o + n - 1, x = v; i >= o; i--, x = Math.floor(x / 10)) buf[i] = 48 + (x % 10);
  return o + n;
}

/** Insert rows into `tables` by COPY, as one query. */
export async function runCopy(trx: Trx, tables: readonly TableRows[]): Promise<void> {
  const some = tables.filter((t) => t.rows.length);
  if (!some.length) return;
  const copy = new CopyStream(some.map((t) => copyStatement(t.table, t.columns)));
  for (const { table, columns, rows } of some) {
    check(table, columns, rows);
    copy.data(copiedBinary(columns) ? Buffer.concat([COPY_BINARY_HEADER, copyBinary(columns, rows), COPY_BINARY_TRAILER]) : copyText(rows));
    copy.end();
  }
  await trx.executeQuery(CompiledQuery.raw(copy.text, [copy as unknown as Value]));
}

/** `insert … select * from unnest($1::bigint[], $2::text[], …)`: one array per column, one statement. */
export async function insertUnnest<R>(trx: Trx, table: string, columns: readonly Column[], rows: readonly (readonly Value[])[], opts: InsertOptions): Promise<R[]> {
  check(table, columns, rows);
  const arrays = columns.map(([, kind], j) => arrayLiteral(rows, j, kind));
  const casts = columns.map(([, kind], j) => `$${j + 1}::${kind === 'int' ? 'bigint' : kind}[]`).join(', ');
  const text = `insert into "${table}" (${quoted(columns.map((c) => c[0]))}) select * from unnest(${casts})${tail(opts)}`;
  return (await trx.executeQuery<R>(CompiledQuery.raw(text, arrays))).rows;
}

/** Insert `rows` (values in `columns` order) into `table` the way the dialect does it best; returns the
 * `returning` columns of every inserted row, in no promised order. */
export async function insertRows<R = Record<string, unknown>>(trx: Trx, dialect: StoreDialect, table: string, columns: readonly Column[], rows: readonly (readonly Value[])[], opts: InsertOptions = {}): Promise<R[]> {
  if (!rows.length) return [];
  return dialect.insertRows<R>(trx, table, columns, rows, opts);
}
