// Queries over a dossier. Listings consider the latest version of each source; older versions stay
// reachable by document id.
import { sql } from 'kysely';
import { NotFoundError, UsageError } from '../errors.js';
import type { Analysis, Entity, Quote } from '../types.js';
import { chooseName, normAlias } from '../analysis/entity-merge.js';
import type { Db, StoreDialect } from './dialect.js';
import { readSpans } from './spans.js';

export interface DocumentSummary {
  id: number;
  source: string;
  version: number;
  latest: boolean;
  title: string | null;
  author: string | null;
  publisher: string | null;
  publishedAt: string | null;
  format: string;
  addedAt: string;
  contentHash: string;
}

export interface StoredDocument extends DocumentSummary {
  analysis: Analysis;
}

export interface SearchHit {
  id: number;
  source: string;
  title: string | null;
  snippet: string;
  rank: number;
}

export interface DossierEntity {
  id: number;
  name: string;
  type: string;
  aliases: string[];
  /** Sources (path/URL) of the documents it is mentioned in. */
  documents: string[];
  mentions: number;
}

export interface EntityRef {
  id: number;
  name: string;
  type: string;
}

export interface StoredQuote {
  documentId: number;
  source: string;
  quoteId: string;
  content: string;
  speaker: string;
  speakerEntity: EntityRef | null;
  cue: string | null;
  direct: boolean;
  via: string[];
}

export interface EntityDetail extends DossierEntity {
  perDocument: { documentId: number; source: string; title: string | null; mentions: number }[];
  cooccurring: (EntityRef & { documents: number })[];
  quotesBy: StoredQuote[];
  quotesAbout: StoredQuote[];
}

export interface TimelineEvent {
  /** The event's own date, else the document's publication date (dateFrom says which). */
  date: string | null;
  dateFrom: 'event' | 'document' | null;
  cameo: string;
  text: string;
  documentId: number;
  source: string;
  title: string | null;
  actors: EntityRef[];
  place: EntityRef | null;
}

const summaryColumns = ['id', 'source', 'version', 'latest', 'title', 'author', 'publisher', 'published_at', 'format', 'added_at', 'content_hash'] as const;

function toSummary(r: any): DocumentSummary {
  return {
    id: r.id, source: r.source, version: r.version, latest: !!r.latest, title: r.title, author: r.author,
    publisher: r.publisher, publishedAt: r.published_at, format: r.format, addedAt: r.added_at, contentHash: r.content_hash,
  };
}

export async function listDocuments(db: Db, opts: { allVersions?: boolean } = {}): Promise<DocumentSummary[]> {
  let q = db.selectFrom('documents').select([...summaryColumns]).orderBy('id');
  if (!opts.allVersions) q = q.where('latest', '=', 1);
  return (await q.execute()).map(toSummary);
}

/** A document by id, or by source (its latest version). */
export async function getDocument(db: Db, ref: number | string): Promise<StoredDocument> {
  let q = db.selectFrom('documents').select([...summaryColumns, 'text', 'analysis']);
  q = typeof ref === 'number' || /^\d+$/.test(ref) ? q.where('id', '=', Number(ref)) : q.where('source', '=', ref).where('latest', '=', 1);
  const row = await q.executeTakeFirst();
  if (!row) throw new NotFoundError(`document ${ref}`);
  return (await withParts(db, [row]))[0];
}

/** Documents by id, in the order asked (ids not stored are left out): parts read for many at once. */
export async function getDocuments(db: Db, ids: readonly number[]): Promise<StoredDocument[]> {
  const out: StoredDocument[] = [];
  for (let i = 0; i < ids.length; i += PARTS_CHUNK) {
    const chunk = ids.slice(i, i + PARTS_CHUNK);
    const rows = await db.selectFrom('documents').select([...summaryColumns, 'text', 'analysis']).where('id', 'in', chunk).execute();
    const byId = new Map((await withParts(db, rows)).map((d) => [d.id, d]));
    for (const id of chunk) {
      const d = byId.get(id);
      if (d) out.push(d);
    }
  }
  return out;
}

/** Documents per read of their parts (an `in` list of ids, well under the databases' parameter limits). */
const PARTS_CHUNK = 200;

type DocumentRow = { id: number; text: string; analysis: string; [column: string]: unknown };

/** Stored documents from their rows: the analysis JSON, the text, and the parts from their own rows. */
async function withParts(db: Db, rows: DocumentRow[]): Promise<StoredDocument[]> {
  const parsed = rows.map((row) => ({ row, stored: JSON.parse(row.analysis) as Partial<Analysis> }));
  // written before 0008_parts_from_rows: the JSON holds every part
  const fromRows = parsed.filter((p) => !p.stored.entities).map((p) => p.row.id);
  const parts = fromRows.length ? await documentParts(db, fromRows) : new Map<number, Parts>();
  return parsed.map(({ row, stored }) => {
    const document = { ...stored.document!, text: row.text };
    if (stored.entities) return { ...toSummary(row), analysis: { ...(stored as Analysis), document } };
    const { schema, source, document: _meta, ...rest } = stored as Analysis;
    return { ...toSummary(row), analysis: { schema, source, document, ...parts.get(row.id)!, ...rest } };
  });
}

type Parts = Pick<Analysis, 'comments' | 'entities' | 'quotes' | 'events'>;

/** Documents' comments, entities, quotes and events from their rows, as their analyses had them (in order). */
async function documentParts(db: Db, ids: number[]): Promise<Map<number, Parts>> {
  const [comments, entities, quotes, events] = await Promise.all([
    db.selectFrom('comments').select(['document_id', 'comment_id', 'parent_id', 'author', 'posted_at', 'text']).where('document_id', 'in', ids).orderBy('document_id').orderBy('id').execute(),
    db.selectFrom('entities').select(['document_id', 'local_id', 'key', 'name', 'type', 'aliases', 'spans', 'refs']).where('document_id', 'in', ids).orderBy('document_id').orderBy('id').execute(),
    db.selectFrom('quotes').selectAll().where('document_id', 'in', ids).orderBy('document_id').orderBy('id').execute(),
    db.selectFrom('events').selectAll().where('document_id', 'in', ids).orderBy('document_id').orderBy('id').execute(),
  ]);
  const out = new Map<number, Parts>(ids.map((id) => [id, { comments: [], entities: [], quotes: [], events: [] }]));
  for (const c of comments) out.get(c.document_id)!.comments.push({ id: c.comment_id, parentId: c.parent_id, author: c.author, postedAt: c.posted_at, text: c.text });
  for (const e of entities) {
    out.get(e.document_id)!.entities.push({
      id: e.local_id, key: e.key, name: e.name, type: e.type as Entity['type'], aliases: JSON.parse(e.aliases) as string[], mentions: readSpans(e.spans),
      ...(e.refs !== null ? { references: readSpans(e.refs) } : {}),
    });
  }
  for (const q of quotes) {
    out.get(q.document_id)!.quotes.push({
      id: q.local_id, in: q.container, start: q.start, end: q.end, content: q.content, direct: Boolean(q.direct), cue: q.cue,
      cueSpan: q.cue_start !== null && q.cue_end !== null ? { start: q.cue_start, end: q.cue_end } : null,
      speaker: { text: q.speaker_text, entityId: q.speaker_entity, ...(q.speaker_start !== null && q.speaker_end !== null ? { start: q.speaker_start, end: q.speaker_end } : {}) },
      via: JSON.parse(q.via) as Quote['via'],
    });
  }
  for (const v of events) {
    out.get(v.document_id)!.events.push({
      id: v.local_id, in: v.container, start: v.start, end: v.end, text: v.text, cameo: v.cameo, ...(v.trigger !== null ? { trigger: v.trigger } : {}),
      date: v.date, actors: JSON.parse(v.actors) as string[], place: v.place_local_id, quoteId: v.quote_local_id,
    });
  }
  return out;
}

export async function searchDocuments(db: Db, dialect: StoreDialect, text: string, limit = 20): Promise<SearchHit[]> {
  const rows = await dialect.search(db, text, limit);
  if (!rows.length) return [];
  const docs = await db.selectFrom('documents').select(['id', 'source', 'title']).where('id', 'in', rows.map((r) => r.document_id)).execute();
  const byId = new Map(docs.map((d) => [d.id, d]));
  return rows.map((r) => ({ id: r.document_id, source: byId.get(r.document_id)?.source ?? '', title: byId.get(r.document_id)?.title ?? null, snippet: r.snippet, rank: r.rank }));
}

/** Entity rows of latest documents, with their global id, grouped by global entity. */
async function entityRows(db: Db, globalIds?: number[]) {
  let q = db.selectFrom('entities as e')
    .innerJoin('documents as d', 'd.id', 'e.document_id')
    .innerJoin('global_entities as g', 'g.id', 'e.global_id')
    .select(['e.id as rowId', 'e.global_id', 'e.local_id', 'e.name', 'e.aliases', 'g.type', 'd.id as documentId', 'd.source', 'd.title'])
    .select('e.mention_count as mentions')
    .where('d.latest', '=', 1)
    .orderBy('e.global_id').orderBy('d.id');
  if (globalIds) q = q.where('e.global_id', 'in', globalIds);
  return q.execute();
}

function summarise(rows: Awaited<ReturnType<typeof entityRows>>): DossierEntity[] {
  const byGlobal = new Map<number, typeof rows>();
  for (const r of rows) {
    const list = byGlobal.get(r.global_id) ?? [];
    list.push(r);
    byGlobal.set(r.global_id, list);
  }
  const out: DossierEntity[] = [];
  for (const [id, list] of byGlobal) {
    const aliases = new Set<string>();
    for (const r of list) {
      aliases.add(r.name);
      for (const a of aliasList(r.aliases)) aliases.add(a);
    }
    out.push({
      id,
      name: chooseName(list.map((r) => r.name)),
      type: list[0].type,
      aliases: [...aliases].sort(),
      documents: [...new Set(list.map((r) => r.source))],
      mentions: list.reduce((n, r) => n + Number(r.mentions ?? 0), 0),
    });
  }
  return out.sort((a, b) => b.documents.length - a.documents.length || b.mentions - a.mentions || a.name.localeCompare(b.name));
}

export async function listEntities(db: Db): Promise<DossierEntity[]> {
  return summarise(await entityRows(db));
}

/** An entity row's aliases (a JSON list the writer made): its strings, nothing else. */
export function aliasList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Resolve a name (a lookup form, else an alias that one entity alone has; any case) or a numeric id to
 * one global entity id. A word several entities have is refused with their names and numbers. */
export async function findEntityId(db: Db, name: string): Promise<number> {
  if (/^\d+$/.test(name)) {
    const row = await db.selectFrom('global_entities').select('id').where('id', '=', Number(name)).executeTakeFirst();
    if (row) return row.id;
  }
  const norm = normAlias(name);
  const hit = await db.selectFrom('global_aliases').select('global_id').where('norm', '=', norm).orderBy('global_id').executeTakeFirst();
  if (hit) return hit.global_id;
  // A word that names several entities ("Clinton") is no lookup form (entity-merge.ts): look among the
  // aliases each document gave its entities, and answer when they all belong to one.
  // (its longest word picks the rows to look at: "Mrs. Clinton" is "mrs clinton" once normalised; a word
  // beyond ASCII picks none, since normalising drops accents the stored aliases keep and SQLite's lower()
  // folds ASCII only); of the latest documents, as entity pages show
  const word = norm.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
  if (word.length < 2) throw new NotFoundError(`entity "${name}"`);
  let q = db.selectFrom('entities as e').innerJoin('global_entities as g', 'g.id', 'e.global_id').innerJoin('documents as d', 'd.id', 'e.document_id')
    .select(['e.global_id', 'e.aliases', 'g.name']).where('d.latest', '=', 1);
  if (/^[\x00-\x7f]+$/.test(word)) q = q.where(sql<string>`lower(e.aliases)`, 'like', `%${word.replace(/[%_\\]/g, '')}%`);
  const found = new Map<number, string>();
  for (const r of await q.execute()) if (aliasList(r.aliases).some((a) => normAlias(a) === norm)) found.set(r.global_id, r.name);
  if (found.size === 1) return [...found.keys()][0];
  if (!found.size) throw new NotFoundError(`entity "${name}"`);
  const which = [...found].sort((a, b) => a[0] - b[0]).slice(0, 8).map(([id, n]) => `${n} (${id})`).join(', ');
  throw new UsageError(`entity "${name}" names ${found.size} entities: ${which}${found.size > 8 ? ', …' : ''}; give the full name or the number`);
}

async function globalIdsOf(db: Db, documentIds: number[]): Promise<Map<string, EntityRef>> {
  // "<documentId>:<localId>" → global entity, for resolving speakers, actors and places
  const map = new Map<string, EntityRef>();
  if (!documentIds.length) return map;
  const rows = await db.selectFrom('entities as e').innerJoin('global_entities as g', 'g.id', 'e.global_id')
    .select(['e.document_id', 'e.local_id', 'e.global_id', 'e.name', 'g.type']).where('e.document_id', 'in', documentIds).execute();
  for (const r of rows) map.set(`${r.document_id}:${r.local_id}`, { id: r.global_id, name: r.name, type: r.type });
  return map;
}

function toStoredQuote(q: any, source: string, refs: Map<string, EntityRef>): StoredQuote {
  return {
    documentId: q.document_id, source, quoteId: q.local_id, content: q.content, speaker: q.speaker_text,
    speakerEntity: q.speaker_entity ? refs.get(`${q.document_id}:${q.speaker_entity}`) ?? null : null,
    cue: q.cue, direct: !!q.direct, via: (JSON.parse(q.via) as Quote['via']).map((v) => v.text),
  };
}

export async function entityDetail(db: Db, name: string): Promise<EntityDetail> {
  const gid = await findEntityId(db, name);
  const rows = await entityRows(db, [gid]);
  const [summary] = summarise(rows);
  if (!summary) throw new NotFoundError(`entity "${name}" in the latest documents`);
  const docIds = [...new Set(rows.map((r) => r.documentId))];
  const perDocument = docIds.map((id) => {
    const own = rows.filter((r) => r.documentId === id);
    return { documentId: id, source: own[0].source, title: own[0].title, mentions: own.reduce((n, r) => n + Number(r.mentions ?? 0), 0) };
  });
  const co = await db.selectFrom('entities as e').innerJoin('global_entities as g', 'g.id', 'e.global_id')
    .select(['e.global_id', 'e.name', 'g.type', 'e.document_id']).where('e.document_id', 'in', docIds).where('e.global_id', '!=', gid).execute();
  const coMap = new Map<number, { names: string[]; type: string; docs: Set<number> }>();
  for (const r of co) {
    const c = coMap.get(r.global_id) ?? { names: [], type: r.type, docs: new Set<number>() };
    c.names.push(r.name);
    c.docs.add(r.document_id);
    coMap.set(r.global_id, c);
  }
  const cooccurring = [...coMap].map(([id, c]) => ({ id, name: chooseName(c.names), type: c.type, documents: c.docs.size }))
    .sort((a, b) => b.documents - a.documents || a.name.localeCompare(b.name));

  const refs = await globalIdsOf(db, docIds);
  const sources = new Map(perDocument.map((d) => [d.documentId, d.source]));
  const quotes = await db.selectFrom('quotes').selectAll().where('document_id', 'in', docIds).orderBy('document_id').orderBy('start').execute();
  const mentions = (await db.selectFrom('entities').select(['document_id', 'spans']).where('global_id', '=', gid).where('document_id', 'in', docIds).execute())
    .flatMap((e) => readSpans(e.spans).map((m) => ({ document_id: e.document_id, container: m.in, start: m.start, end: m.end })));
  const localIds = new Set(rows.map((r) => `${r.documentId}:${r.local_id}`));
  const quotesBy: StoredQuote[] = [];
  const quotesAbout: StoredQuote[] = [];
  for (const q of quotes) {
    const sq = toStoredQuote(q, sources.get(q.document_id) ?? '', refs);
    if (q.speaker_entity && localIds.has(`${q.document_id}:${q.speaker_entity}`)) quotesBy.push(sq);
    else if (mentions.some((m) => m.document_id === q.document_id && m.container === q.container && m.start >= q.start && m.end <= q.end)) quotesAbout.push(sq);
  }
  return { ...summary, perDocument, cooccurring, quotesBy, quotesAbout };
}

export async function timeline(db: Db): Promise<TimelineEvent[]> {
  const rows = await db.selectFrom('events as v').innerJoin('documents as d', 'd.id', 'v.document_id')
    .select(['v.document_id', 'v.text', 'v.cameo', 'v.date', 'v.actors', 'v.place_local_id', 'v.start', 'd.source', 'd.title', 'd.published_at'])
    .where('d.latest', '=', 1).execute();
  const refs = await globalIdsOf(db, [...new Set(rows.map((r) => r.document_id))]);
  const out: TimelineEvent[] = rows.map((r) => {
    const date = r.date ?? r.published_at?.slice(0, 10) ?? null;
    return {
      date, dateFrom: r.date ? 'event' : date ? 'document' : null, cameo: r.cameo, text: r.text,
      documentId: r.document_id, source: r.source, title: r.title,
      actors: (JSON.parse(r.actors) as string[]).map((a) => refs.get(`${r.document_id}:${a}`)).filter((x): x is EntityRef => !!x),
      place: r.place_local_id ? refs.get(`${r.document_id}:${r.place_local_id}`) ?? null : null,
      _start: r.start,
    } as TimelineEvent & { _start: number };
  });
  // Undated events go last; same-day events keep document and text order.
  out.sort((a: any, b: any) => (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) || (a.date ?? '').localeCompare(b.date ?? '') || a.documentId - b.documentId || a._start - b._start);
  for (const e of out as any[]) delete e._start;
  return out;
}
