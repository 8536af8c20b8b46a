// Adding one document's analysis: everything about it is written in one transaction, so a crash
// leaves either the whole document or none of it. Entities are tied to cross-document entities here.
import type { Analysis, Entity } from '../types.js';
import { entityForms, typesCompatible } from '../analysis/entity-merge.js';
import type { Db, StoreDialect, Trx } from './dialect.js';

export interface NewDocument {
  /** The path or URL as given. */
  source: string;
  /** sha256 (hex) of the raw bytes. */
  contentHash: string;
  format: string;
  analysis: Analysis;
}

export type AddOutcome =
  | { status: 'added'; id: number; version: number }
  /** The source was known with other content: kept as a new version, the old one stays. */
  | { status: 'new-version'; id: number; version: number; previousId: number }
  /** These exact bytes are already in the dossier (at this source or another). */
  | { status: 'skipped'; id: number; version: number; source: string };

/** Rows per multi-row INSERT, well under SQLite's bound-parameter limit. */
const CHUNK = 200;

async function insertMany<T extends 'comments' | 'mentions' | 'quotes' | 'events'>(trx: Trx, table: T, rows: any[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto(table).values(rows.slice(i, i + CHUNK) as any).execute();
}

export async function findByHash(db: Db | Trx, hash: string) {
  return db.selectFrom('documents').select(['id', 'source', 'version']).where('content_hash', '=', hash).orderBy('id').executeTakeFirst();
}

type AliasHit = { global_id: number; type: string };

/** The cross-document entity of each of `entities` (one document's), created or merged as their forms
 * require. One lookup for the whole document; new aliases are written in one batch. */
export async function resolveGlobalEntities(trx: Trx, entities: Pick<Entity, 'key' | 'name' | 'type' | 'aliases'>[]): Promise<number[]> {
  const forms = entities.map(entityForms);
  const norms = [...new Set(forms.flatMap((f) => [...f.keys()]))];
  const byNorm = new Map<string, AliasHit[]>();
  for (let i = 0; i < norms.length; i += CHUNK * 2) {
    const rows = await trx.selectFrom('global_aliases').select(['global_id', 'type', 'norm']).where('norm', 'in', norms.slice(i, i + CHUNK * 2)).execute();
    for (const r of rows) {
      const list = byNorm.get(r.norm) ?? [];
      list.push({ global_id: r.global_id, type: r.type });
      byNorm.set(r.norm, list);
    }
  }
  const gids: number[] = [];
  const newAliases: { global_id: number; type: string; norm: string; alias: string }[] = [];
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    const ids = new Set<number>();
    for (const norm of forms[i].keys()) for (const h of byNorm.get(norm) ?? []) if (typesCompatible(h.type, e.type)) ids.add(h.global_id);
    const sorted = [...ids].sort((a, b) => a - b);
    let gid: number;
    if (!sorted.length) {
      gid = (await trx.insertInto('global_entities').values({ key: e.key, name: e.name, type: e.type }).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      gid = sorted[0];
      const others = sorted.slice(1);
      if (others.length) {
        // This entity bridges several known ones (ISIS seen as "ISIL" and "Daesh" elsewhere): they are one.
        await mergeGlobalEntities(trx, gid, others);
        const gone = new Set(others);
        for (const list of byNorm.values()) for (const h of list) if (gone.has(h.global_id)) h.global_id = gid;
        for (let j = 0; j < gids.length; j++) if (gone.has(gids[j])) gids[j] = gid;
        for (const a of newAliases) if (gone.has(a.global_id)) a.global_id = gid;
      }
    }
    gids.push(gid);
    for (const [norm, alias] of forms[i]) {
      const list = byNorm.get(norm) ?? [];
      if (list.some((h) => h.global_id === gid && h.type === e.type)) continue;
      list.push({ global_id: gid, type: e.type });
      byNorm.set(norm, list);
      newAliases.push({ global_id: gid, type: e.type, norm, alias });
    }
  }
  for (let i = 0; i < newAliases.length; i += CHUNK)
    await trx.insertInto('global_aliases').values(newAliases.slice(i, i + CHUNK)).onConflict((oc) => oc.doNothing()).execute();
  return gids;
}

async function mergeGlobalEntities(trx: Trx, into: number, others: number[]): Promise<void> {
  const moved = await trx.selectFrom('global_aliases').selectAll().where('global_id', 'in', others).execute();
  for (let i = 0; i < moved.length; i += CHUNK)
    await trx.insertInto('global_aliases').values(moved.slice(i, i + CHUNK).map((a) => ({ ...a, global_id: into }))).onConflict((oc) => oc.doNothing()).execute();
  await trx.deleteFrom('global_aliases').where('global_id', 'in', others).execute();
  await trx.updateTable('entities').set({ global_id: into }).where('global_id', 'in', others).execute();
  await trx.deleteFrom('global_entities').where('id', 'in', others).execute();
}

/** Store one analysed document. Skips bytes already stored; a changed source becomes a new version. */
export async function addDocument(db: Db, dialect: StoreDialect, input: NewDocument): Promise<AddOutcome> {
  return db.transaction().execute((trx) => writeDocument(trx, dialect, input));
}

export type BatchOutcome = AddOutcome | { status: 'failed'; error: string };

/** Store several documents in one transaction (one commit is most of a small document's cost). Each
 * document stays all-or-nothing: when one cannot be written, the batch is rolled back and its documents
 * are written one transaction each, so only the bad one fails. */
export async function addDocuments(db: Db, dialect: StoreDialect, inputs: NewDocument[]): Promise<BatchOutcome[]> {
  try {
    return await db.transaction().execute(async (trx) => {
      const out: BatchOutcome[] = [];
      for (const input of inputs) out.push(await writeDocument(trx, dialect, input));
      return out;
    });
  } catch (err) {
    // a lost connection, a lock or a full disk is the store's problem, not a document's: stop
    if (!isDocumentError(err)) throw err;
    if (inputs.length === 1) return [{ status: 'failed', error: `${inputs[0].source}: ${err instanceof Error ? err.message : String(err)}` }];
    const out: BatchOutcome[] = [];
    for (const input of inputs) out.push(...(await addDocuments(db, dialect, [input])));
    return out;
  }
}

/** Errors that belong to one document's content (bad values, constraints), as opposed to the store's state. */
function isDocumentError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return true; // thrown by our own code over a malformed analysis
  if (code.startsWith('SQLITE_')) return /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)/.test(code);
  return /^(22|23)/.test(code); // PostgreSQL data exceptions and integrity violations
}

async function writeDocument(trx: Trx, dialect: StoreDialect, input: NewDocument): Promise<AddOutcome> {
  {
    // one look-up for both questions: are these bytes stored, and is this source known
    const seen = await trx.selectFrom('documents').select(['id', 'source', 'version', 'content_hash'])
      .where((eb) => eb.or([eb('content_hash', '=', input.contentHash), eb('source', '=', input.source)])).orderBy('id').execute();
    const known = seen.find((d) => d.content_hash === input.contentHash);
    if (known) return { status: 'skipped', id: known.id, version: known.version, source: known.source };
    const prev = seen.filter((d) => d.source === input.source).sort((a, b) => b.version - a.version)[0];
    const version = prev ? prev.version + 1 : 1;
    if (prev) await trx.updateTable('documents').set({ latest: 0 }).where('source', '=', input.source).execute();

    const a = input.analysis;
    const { text, ...meta } = a.document;
    const stored = JSON.stringify({ ...a, document: meta });
    const { id } = await trx.insertInto('documents').values({
      source: input.source,
      content_hash: input.contentHash,
      version,
      latest: 1,
      title: meta.title,
      author: meta.author,
      publisher: meta.publisher,
      published_at: meta.publishedAt,
      language: meta.language,
      format: input.format,
      text,
      added_at: new Date().toISOString(),
      analysis: stored,
    }).returning('id').executeTakeFirstOrThrow();
    await dialect.indexDocument(trx, id, meta.title, text);

    await insertMany(trx, 'comments', a.comments.map((c) => ({
      document_id: id, comment_id: c.id, parent_id: c.parentId, author: c.author, posted_at: c.postedAt, text: c.text,
    })));

    const gids = await resolveGlobalEntities(trx, a.entities);
    // ids come back with their local id, so nothing depends on the order RETURNING yields rows in
    const rowOf = new Map<string, number>();
    const entityRows = a.entities.map((e, i) => ({
      document_id: id, local_id: e.id, key: e.key, name: e.name, type: e.type, aliases: JSON.stringify(e.aliases), global_id: gids[i],
    }));
    for (let i = 0; i < entityRows.length; i += CHUNK)
      for (const r of await trx.insertInto('entities').values(entityRows.slice(i, i + CHUNK)).returning(['id', 'local_id']).execute()) rowOf.set(r.local_id, r.id);
    await insertMany(trx, 'mentions', a.entities.flatMap((e) =>
      e.mentions.map((m) => ({ entity_id: rowOf.get(e.id)!, document_id: id, container: m.in, start: m.start, end: m.end, text: m.text }))));

    await insertMany(trx, 'quotes', a.quotes.map((q) => ({
      document_id: id, local_id: q.id, container: q.in, start: q.start, end: q.end, content: q.content,
      direct: q.direct ? 1 : 0, cue: q.cue, speaker_text: q.speaker.text, speaker_entity: q.speaker.entityId,
      via: JSON.stringify(q.via),
    })));
    await insertMany(trx, 'events', a.events.map((v) => ({
      document_id: id, local_id: v.id, container: v.in, start: v.start, end: v.end, text: v.text, cameo: v.cameo,
      date: v.date, actors: JSON.stringify(v.actors), place_local_id: v.place, quote_local_id: v.quoteId ?? null,
    })));
    return prev ? { status: 'new-version', id, version, previousId: prev.id } : { status: 'added', id, version };
  }
}
