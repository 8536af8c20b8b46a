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

/** The cross-document entity for `e`, created or merged as its forms require. */
export async function resolveGlobalEntity(trx: Trx, e: Pick<Entity, 'key' | 'name' | 'type' | 'aliases'>): Promise<number> {
  const forms = entityForms(e);
  const hits = forms.size
    ? await trx.selectFrom('global_aliases').select(['global_id', 'type']).where('norm', 'in', [...forms.keys()]).execute()
    : [];
  const ids = [...new Set(hits.filter((h) => typesCompatible(h.type, e.type)).map((h) => h.global_id))].sort((a, b) => a - b);
  let gid: number;
  if (!ids.length) {
    const row = await trx.insertInto('global_entities').values({ key: e.key, name: e.name, type: e.type }).returning('id').executeTakeFirstOrThrow();
    gid = row.id;
  } else {
    gid = ids[0];
    // This entity bridges several known ones (ISIS seen as "ISIL" and "Daesh" elsewhere): they are one.
    const others = ids.slice(1);
    if (others.length) {
      const moved = await trx.selectFrom('global_aliases').selectAll().where('global_id', 'in', others).execute();
      for (const a of moved)
        await trx.insertInto('global_aliases').values({ ...a, global_id: gid }).onConflict((oc) => oc.doNothing()).execute();
      await trx.deleteFrom('global_aliases').where('global_id', 'in', others).execute();
      await trx.updateTable('entities').set({ global_id: gid }).where('global_id', 'in', others).execute();
      await trx.deleteFrom('global_entities').where('id', 'in', others).execute();
    }
  }
  for (const [norm, alias] of forms)
    await trx.insertInto('global_aliases').values({ global_id: gid, type: e.type, norm, alias }).onConflict((oc) => oc.doNothing()).execute();
  return gid;
}

/** Store one analysed document. Skips bytes already stored; a changed source becomes a new version. */
export async function addDocument(db: Db, dialect: StoreDialect, input: NewDocument): Promise<AddOutcome> {
  return db.transaction().execute(async (trx) => {
    const known = await findByHash(trx, input.contentHash);
    if (known) return { status: 'skipped', id: known.id, version: known.version, source: known.source };
    const prev = await trx.selectFrom('documents').select(['id', 'version']).where('source', '=', input.source).orderBy('version', 'desc').executeTakeFirst();
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

    const mentions: any[] = [];
    for (const e of a.entities) {
      const gid = await resolveGlobalEntity(trx, e);
      const row = await trx.insertInto('entities').values({
        document_id: id, local_id: e.id, key: e.key, name: e.name, type: e.type, aliases: JSON.stringify(e.aliases), global_id: gid,
      }).returning('id').executeTakeFirstOrThrow();
      for (const m of e.mentions)
        mentions.push({ entity_id: row.id, document_id: id, container: m.in, start: m.start, end: m.end, text: m.text });
    }
    await insertMany(trx, 'mentions', mentions);

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
  });
}
