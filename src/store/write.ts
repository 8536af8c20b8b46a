// Adding analysed documents. A batch of documents is written in one transaction, its rows a table at a
// time (a commit and a round trip per row were most of the cost), so a crash leaves whole documents or
// none of a batch, never part of one. Entities are tied to cross-document entities here.
import type { Analysis, Entity } from '../types.js';
import { entityForms, storedForm, typesCompatible } from '../analysis/entity-merge.js';
import type { Db, OpeningLookups, StoreDialect, StoredRow, Trx } from './dialect.js';
import { insertRows, type Value } from './rows.js';
import { mentionSpans } from './spans.js';
import { containerText, describeSpan, reanchor } from '../analysis/anchoring.js';

export interface NewDocument {
  /** The path or URL as given. */
  source: string;
  /** sha256 (hex) of the raw bytes. */
  contentHash: string;
  format: string;
  analysis: Analysis;
}

/** What became of the analyst's ratings of earlier versions' quotes: `moved` follow their quote into the
 * new version; `left` stay with an earlier version, no quote of the new one taking their place. */
export interface CarriedRatings {
  moved: number;
  left: number;
}

export type AddOutcome =
  | { status: 'added'; id: number; version: number }
  /** The source was known with other content: kept as a new version, the old one stays. */
  | { status: 'new-version'; id: number; version: number; previousId: number; ratings?: CarriedRatings }
  /** These exact bytes are already in the dossier (at this source or another). */
  | { status: 'skipped'; id: number; version: number; source: string };


export async function findByHash(db: Db | Trx, hash: string) {
  return db.selectFrom('documents').select(['id', 'source', 'version']).where('content_hash', '=', hash).orderBy('id').executeTakeFirst();
}

/** A known alias of a form: `stored` when it is in the database (looked up, or moved there by a merge),
 * not when this batch is to add it. */
type AliasHit = { global_id: number; type: string; stored: boolean };

/** The cross-document entities of a batch's entities, and the rows still to be written for them. */
interface Resolved {
  /** The cross-document entity of each entity, in order. */
  gids: number[];
  /** New cross-document entities (GLOBAL_ENTITIES). */
  created: Value[][];
  /** Their new lookup forms (GLOBAL_ALIASES), none of which is in the database yet. */
  aliases: Value[][];
}

/** The cross-document entity of each of `entities` (one or several documents', in order, with their
 * `forms`), created or merged as their forms require, given the known aliases of those forms (`byNorm`,
 * every stored one of each form). A later entity sees the earlier ones, as if they had been added one by
 * one. Merges of stored entities are written here; the new entities and aliases are returned, to go with
 * the batch's other rows: an alias is returned only when the database does not hold it, so they need no
 * conflict check (another writer adding the same one meanwhile fails the batch, which is then begun
 * anew: see writeWithRetry). */
async function resolveEntities(trx: Trx, dialect: StoreDialect, entities: Pick<Entity, 'key' | 'name' | 'type' | 'aliases'>[], forms: Map<string, string>[],
  byNorm: Map<string, AliasHit[]>): Promise<Resolved> {
  // Entities first seen in this batch get provisional ids -1, -2, … until their ids are reserved at the end.
  // They are counted apart from `created`, which loses those merged into another: numbered by its
  // length, a later entity took the id of one still in it, and the two were inserted under one id.
  const created: { tmp: number; key: string; name: string; type: string }[] = [];
  let provisional = 0;
  const gids: number[] = [];
  const newAliases: { global_id: number; type: string; norm: string; alias: string }[] = [];
  /** Aliases a merge moved in the database, as `type\0norm\0id`. */
  const moved = new Set<string>();
  const remap = (gone: Set<number>, into: number) => {
    for (const list of byNorm.values()) for (const h of list) if (gone.has(h.global_id)) h.global_id = into;
    for (let j = 0; j < gids.length; j++) if (gone.has(gids[j])) gids[j] = into;
    for (const a of newAliases) if (gone.has(a.global_id)) a.global_id = into;
  };
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    // the cross-document entities its forms name: the first (0 for none; ids are positive, or negative
    // for those new in this batch), and all of them once there are several (a few thousand entities a
    // batch: no set or array is made for the one or none nearly all of them meet)
    let first = 0;
    let ids: number[] | null = null;
    for (const norm of forms[i].keys()) {
      const hits = byNorm.get(norm);
      if (hits) for (const h of hits) {
        if (!typesCompatible(h.type, e.type) || h.global_id === first || ids?.includes(h.global_id)) continue;
        if (first === 0) first = h.global_id;
        else (ids ??= [first]).push(h.global_id);
      }
    }
    let gid: number;
    if (first === 0) {
      gid = --provisional;
      created.push({ tmp: gid, key: e.key, name: e.name, type: e.type });
    } else if (!ids) {
      gid = first;
    } else {
      // the survivor of a merge is the oldest stored entity, else the first one created in this batch
      const stored = ids.filter((id) => id > 0).sort((a, b) => a - b);
      const fresh = ids.filter((id) => id < 0).sort((a, b) => b - a);
      gid = stored.length ? stored[0] : fresh[0];
      // This entity bridges several known ones (the Free Syrian Army, seen as "FSA" in one document and
      // by its name in another): they are one.
      const otherStored = stored.filter((id) => id !== gid);
      const otherFresh = fresh.filter((id) => id !== gid);
      if (otherStored.length) for (const a of await mergeGlobalEntities(trx, dialect, gid, otherStored)) moved.add(`${a.type}\0${a.norm}\0${gid}`);
      if (otherStored.length || otherFresh.length) remap(new Set([...otherStored, ...otherFresh]), gid);
      if (otherFresh.length) {
        const gone = new Set(otherFresh);
        for (let j = created.length - 1; j >= 0; j--) if (gone.has(created[j].tmp)) created.splice(j, 1);
      }
    }
    gids.push(gid);
    forms[i].forEach((alias, norm, all) => {
      if (!storedForm(norm, all)) return;
      const list = byNorm.get(norm);
      if (!list) byNorm.set(norm, [{ global_id: gid, type: e.type, stored: false }]);
      else if (list.some((h) => h.global_id === gid && h.type === e.type)) return;
      else list.push({ global_id: gid, type: e.type, stored: false });
      newAliases.push({ global_id: gid, type: e.type, norm, alias });
    });
  }
  let createdRows: Value[][] = [];
  if (created.length) {
    const ids = await dialect.reserveIds(trx, 'global_entities', created.length);
    const real = new Map(created.map((c, i) => [c.tmp, ids[i]]));
    createdRows = created.map((c) => [real.get(c.tmp)!, c.key, c.name, c.type]);
    for (let j = 0; j < gids.length; j++) if (gids[j] < 0) gids[j] = real.get(gids[j])!;
    for (const a of newAliases) if (a.global_id < 0) a.global_id = real.get(a.global_id)!;
  }
  // one row per (type, norm, entity): forms repeated across the batch, or made one by a merge, collapse
  // here; and none the database holds (a merge may have made a new one the same as a stored one)
  const inDatabase = (a: { global_id: number; type: string; norm: string }, key: string) =>
    moved.has(key) || byNorm.get(a.norm)!.some((h) => h.stored && h.global_id === a.global_id && h.type === a.type);
  const aliasRows = new Map<string, [number, string, string, string]>();
  for (const a of newAliases) {
    const key = `${a.type}\0${a.norm}\0${a.global_id}`;
    if (!inDatabase(a, key)) aliasRows.set(key, [a.global_id, a.type, a.norm, a.alias]);
  }
  // in the order of the key they go into, so two writers adding aliases of the same entities take
  // their places in one order and do not deadlock
  const aliases: Value[][] = [...aliasRows.values()].sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] - b[0]));
  return { gids, created: createdRows, aliases };
}

/** Merge `others` into `into`; returns the aliases moved to it. The merged-away rows are locked and
 * deleted first: on PostgreSQL that waits for any other writer holding them (see
 * StoreDialect.openingLookups), and what follows, statements of their own, then sees that writer's
 * aliases and entity rows too. */
async function mergeGlobalEntities(trx: Trx, dialect: StoreDialect, into: number, others: number[]): Promise<{ type: string; norm: string }[]> {
  // (Locked before their aliases are read: a writer adding an alias to one of them holds it, its alias's
  // key checking it, until it commits; its alias is then read and moved, not deleted unseen with the
  // entity. SQLite has one writer at a time.)
  if (dialect.name === 'postgres') await trx.selectFrom('global_entities').select('id').where('id', 'in', others).forUpdate().execute();
  const moved = await trx.selectFrom('global_aliases').selectAll().where('global_id', 'in', others).execute();
  await trx.deleteFrom('global_entities').where('id', 'in', others).execute(); // and their aliases
  await insertRows(trx, dialect, GLOBAL_ALIASES.table, GLOBAL_ALIASES.columns, moved.map((a) => [into, a.type, a.norm, a.alias]), { ignoreConflicts: true });
  await trx.updateTable('entities').set({ global_id: into }).where('global_id', 'in', others).execute();
  return moved;
}

/** Store one analysed document. Skips bytes already stored; a changed source becomes a new version. */
export async function addDocument(db: Db, dialect: StoreDialect, input: NewDocument): Promise<AddOutcome> {
  return (await writeWithRetry(db, dialect, [input]))[0];
}

export type BatchOutcome = AddOutcome | { status: 'failed'; error: string };

/** Store several documents in one transaction (one commit and one statement per table for them all).
 * Each document stays all-or-nothing: when one cannot be written, the batch is rolled back and its
 * documents are written one transaction each, so only the bad one fails. */
export async function addDocuments(db: Db, dialect: StoreDialect, inputs: NewDocument[]): Promise<BatchOutcome[]> {
  if (!inputs.length) return [];
  try {
    return await writeWithRetry(db, dialect, inputs);
  } catch (err) {
    // a lost connection, a lock or a full disk is the store's problem, not a document's: stop
    if (!isDocumentError(err)) throw err;
    if (inputs.length === 1) return [{ status: 'failed', error: `${inputs[0].source}: ${err instanceof Error ? err.message : String(err)}` }];
    const out: BatchOutcome[] = [];
    for (const input of inputs) out.push(...(await addDocuments(db, dialect, [input])));
    return out;
  }
}

/** Another writer merged away a cross-document entity this batch looked up (StoreDialect.openingLookups). */
class EntitiesMergedMeanwhile extends Error {}

/** writeBatch in a transaction, begun anew (a few times) when another writer got in its way (a merge, an
 * alias added meanwhile, a deadlock): a new transaction sees what that writer did. */
async function writeWithRetry(db: Db, dialect: StoreDialect, inputs: NewDocument[]): Promise<AddOutcome[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((trx) => writeBatch(trx, dialect, inputs));
    } catch (err) {
      if (!(err instanceof EntitiesMergedMeanwhile || anotherWriterMeanwhile(err)) || attempt >= 3) throw err;
    }
  }
}

/** Another writer added one of the batch's new aliases after the batch looked its form up, or the two
 * deadlocked (PostgreSQL, where writers run side by side): begun anew, the batch finds what it added. */
function anotherWriterMeanwhile(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown };
  return (e?.code === '23505' && e.constraint === 'global_aliases_pk') || e?.code === '40P01';
}

/** Errors that belong to one document's content (bad values, constraints), as opposed to the store's state. */
function isDocumentError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return true; // thrown by our own code over a malformed analysis
  if (code.startsWith('SQLITE_')) return /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)/.test(code);
  return /^(22|23)/.test(code); // PostgreSQL data exceptions and integrity violations
}

/** An input to be written: `at` is its place among the batch's inputs. */
type Planned = { input: NewDocument; at: number; version: number; previousId: number | null; latest: boolean; id?: number };

/** A batch's opening look-ups (StoreDialect.openingLookups), with the known aliases by norm; throws
 * EntitiesMergedMeanwhile when a cross-document entity they name was merged away meanwhile. */
async function openingLookups(trx: Trx, dialect: StoreDialect, q: OpeningLookups): Promise<{ ids: number[]; stored: StoredRow[]; byNorm: Map<string, AliasHit[]> }> {
  const r = await dialect.openingLookups(trx, q);
  if (r.gone.length) throw new EntitiesMergedMeanwhile(`cross-document entities ${r.gone.join(', ')} were merged away by another writer while this batch looked them up`);
  return { ids: r.ids, stored: r.stored.sort((a, b) => a.id - b.id), byNorm: byNormOf(r.aliases) };
}

/** Known aliases by the form they are looked up by. */
function byNormOf(aliases: readonly { global_id: number; type: string; norm: string }[]): Map<string, AliasHit[]> {
  const byNorm = new Map<string, AliasHit[]>();
  for (const a of aliases) {
    const list = byNorm.get(a.norm) ?? [];
    list.push({ global_id: Number(a.global_id), type: a.type, stored: true });
    byNorm.set(a.norm, list);
  }
  return byNorm;
}

/** Resolve `entities` (stored ones, in the order their documents were added) to cross-document
 * entities again, as a batch of the writer would (migration 0012): their forms looked up among the
 * aliases written so far. The cross-document entity of each, in order. */
export async function resolveAgain(trx: Trx, dialect: StoreDialect, entities: Pick<Entity, 'key' | 'name' | 'type' | 'aliases'>[]): Promise<number[]> {
  const forms = entities.map(entityForms);
  const norms = [...distinctForms([forms])];
  const known = [];
  for (let i = 0; i < norms.length; i += 500) known.push(...(await trx.selectFrom('global_aliases').select(['global_id', 'type', 'norm']).where('norm', 'in', norms.slice(i, i + 500)).execute()));
  const r = await resolveEntities(trx, dialect, entities, forms, byNormOf(known));
  await insertRows(trx, dialect, GLOBAL_ENTITIES.table, GLOBAL_ENTITIES.columns, r.created);
  await insertRows(trx, dialect, GLOBAL_ALIASES.table, GLOBAL_ALIASES.columns, r.aliases);
  return r.gids;
}

/** Every lookup form of the batch's entities, once. */
function distinctForms(forms: Map<string, string>[][]): Set<string> {
  const norms = new Set<string>();
  for (const fs of forms) for (const f of fs) for (const norm of f.keys()) norms.add(norm);
  return norms;
}

/** Write `inputs` inside `trx`, in order: the outcome of each, as if they had been added one by one. */
async function writeBatch(trx: Trx, dialect: StoreDialect, inputs: NewDocument[]): Promise<AddOutcome[]> {
  await dialect.startWrite(trx);
  // The batch's opening questions go out together: ids for every input, the stored documents with its
  // bytes or sources, and the known aliases of its entities' forms. The rows of every input's parts are
  // built while they are answered (on PostgreSQL a wait of 5-20 ms a batch of news articles), under the
  // input's place until the ids are known and an entity's place until its cross-document entity is;
  // those of an input found stored are then dropped. (`dossier add` leaves out inputs whose bytes are
  // stored before analysing them, so little of this is thrown away.)
  const forms = inputs.map((i) => i.analysis.entities.map(entityForms));
  const looking = openingLookups(trx, dialect, {
    count: inputs.length,
    hashes: [...new Set(inputs.map((i) => i.contentHash))],
    sources: [...new Set(inputs.map((i) => i.source))],
    norms: [...distinctForms(forms)],
  });
  looking.catch(() => {}); // reported when awaited below
  await nextTurn(); // the look-ups go out before the work below
  const all: Planned[] = inputs.map((input, at) => ({ input, at, id: at, version: 0, previousId: null, latest: true }));
  let early = [eventRows(all), commentRows(all), quoteRows(all), entityRows(all)];
  const { ids, stored: seen, byNorm } = await looking;
  const storedByHash = new Map<string, { id: number; version: number; source: string }>();
  for (const d of seen) if (!storedByHash.has(d.content_hash)) storedByHash.set(d.content_hash, d);
  const newest = new Map<string, { version: number; id: number | null; planned?: Planned }>();
  const inBatch = new Set(inputs.map((i) => i.source));
  for (const d of seen) if (inBatch.has(d.source) && (newest.get(d.source)?.version ?? 0) < d.version) newest.set(d.source, { version: d.version, id: d.id });

  // what happens to each input, in order; a later input may repeat an earlier one's bytes or source
  const plan: (Planned | { skipped: { id: number; version: number; source: string } | Planned })[] = [];
  const batchByHash = new Map<string, Planned>();
  const superseded = new Set<string>();
  for (const [at, input] of inputs.entries()) {
    const known = storedByHash.get(input.contentHash) ?? batchByHash.get(input.contentHash);
    if (known) {
      plan.push({ skipped: known });
      continue;
    }
    const prev = newest.get(input.source);
    if (prev?.planned) prev.planned.latest = false;
    else if (prev) superseded.add(input.source);
    const p: Planned = { input, at, version: (prev?.version ?? 0) + 1, previousId: prev?.id ?? null, latest: true };
    if (prev?.planned) p.previousId = -1; // filled in once the earlier one has its id
    newest.set(input.source, { version: p.version, id: null, planned: p });
    batchByHash.set(input.contentHash, p);
    plan.push(p);
  }
  const writes = plan.filter((p): p is Planned => 'input' in p);
  const carried = new Map<Planned, CarriedRatings | null>();
  if (superseded.size) await trx.updateTable('documents').set({ latest: 0 }).where('source', 'in', [...superseded]).execute();

  if (writes.length) {
    writes.forEach((p, i) => (p.id = ids[i]));
    // the rows built early: the written inputs' only (all of them, as a rule), given the ids they have now
    const idOf = new Map(writes.map((p) => [p.at, p.id!]));
    if (writes.length < inputs.length) early = early.map((rows) => rows.filter((r) => idOf.has(r[0] as number)));
    for (const rows of early) for (const r of rows) r[0] = idOf.get(r[0] as number)!;
    // each written entity's place among the written ones, by its place among all (ENTITY_PLACE)
    const place: number[] = [];
    let written = 0;
    for (const [at, input] of inputs.entries()) for (let i = 0; i < input.analysis.entities.length; i++) place.push(idOf.has(at) ? written++ : -1);
    const bySourceVersion = new Map(writes.map((p) => [`${p.version}\0${p.input.source}`, p]));
    for (const p of writes) if (p.previousId === -1) p.previousId = bySourceVersion.get(`${p.version - 1}\0${p.input.source}`)!.id!;
    // The rows go as one stream, a table after another (see StoreDialect.openInserts): on PostgreSQL
    // the database stores each part as soon as it is handed over, while the next is built, and never
    // waits for this process to send a statement. The stream starts once the cross-document entities
    // are resolved (a merge takes statements of its own), with the new ones and their aliases (sent
    // here rather than as statements of their own, each a round trip the batch waited for), and the
    // rows of the parts built above while the look-ups were answered; then the documents one by one,
    // whose search vectors are the costliest thing built here (the database meanwhile storing the parts).
    const resolved = await resolveEntities(trx, dialect, writes.flatMap((p) => p.input.analysis.entities), writes.flatMap((p) => forms[p.at]), byNorm);
    for (const r of early[3]) r[ENTITY_PLACE] = resolved.gids[place[r[ENTITY_PLACE] as number]];
    const search = dialect.searchValue;
    const stream = dialect.openInserts(trx, [GLOBAL_ENTITIES, GLOBAL_ALIASES, EVENTS, COMMENTS, QUOTES, ENTITIES, search ? DOCUMENTS_SEARCHED : DOCUMENTS]);
    try {
      await stream.put(0, resolved.created);
      await stream.put(1, resolved.aliases);
      await stream.put(2, early[0]);
      await stream.put(3, early[1]);
      await stream.put(4, early[2]);
      await stream.put(5, early[3]);
      const now = new Date().toISOString();
      for (const p of writes) await stream.put(6, documentRows([p], search, now));
      await stream.finish();
      await dialect.indexDocuments(trx, writes.map((p) => ({ id: p.id!, title: p.input.analysis.document.title, text: p.input.analysis.document.text })));
    } catch (err) {
      // Kysely runs a transaction's statements one after another and sends its ROLLBACK past any still
      // waiting, which would then run after it, outside the transaction, and be kept: so the batch ends
      // only once the database has done with everything it was sent.
      await stream.abort(err instanceof Error ? err.message : String(err));
      throw err;
    }
    // a new version of a source takes the ratings of its predecessor's quotes along (in order, so a
    // second new version in the same batch takes them on from the first)
    for (const p of writes) if (p.previousId !== null) carried.set(p, await carryRatings(trx, p.input.source, p.version, p.id!, p.input.analysis));
  }

  return plan.map((p): AddOutcome => {
    if ('skipped' in p) {
      const k = p.skipped;
      return 'input' in k ? { status: 'skipped', id: k.id!, version: k.version, source: k.input.source } : { status: 'skipped', id: k.id, version: k.version, source: k.source };
    }
    if (p.previousId === null) return { status: 'added', id: p.id!, version: p.version };
    const ratings = carried.get(p);
    return { status: 'new-version', id: p.id!, version: p.version, previousId: p.previousId, ...(ratings ? { ratings } : {}) };
  });
}

/** Ratings of quotes of earlier versions of a source move to the same quotes in `to`, its new version
 * (`analysis`, version `version`): each rated quote is found again in the new text by its words and
 * their context (anchoring.ts: the position, else the exact words, else a close match), and the new
 * quote covering at least half of what they cover together takes the rating. A quote in a reader
 * comment is looked for in the comment with the same text, else the one with its id (comment ids are
 * places, and a reply put in front shifts them), else by its exact words in any comment. Every earlier
 * version is looked at, so a rating left on one (its quote gone)
 * follows when its quote is back. Where two ratings land on one new quote for one hypothesis, the one
 * from the newer version moves (then the closer match, then the older rating) and the other stays.
 * Null when no earlier version has rated quotes. */
async function carryRatings(trx: Trx, source: string, version: number, to: number, analysis: Analysis): Promise<CarriedRatings | null> {
  const earlier = (await trx.selectFrom('documents').select('id').where('source', '=', source).where('version', '<', version).execute()).map((d) => d.id);
  if (!earlier.length) return null;
  const ratings = await trx.selectFrom('ratings').select(['id', 'evidence_id', 'hypothesis_id']).where('evidence_kind', '=', 'quote')
    .where((eb) => eb.or(earlier.map((id) => eb('evidence_id', 'like', `${id}:%`)))).orderBy('id').execute();
  if (!ratings.length) return null;
  const docOf = (evidence: string) => Number(evidence.slice(0, evidence.indexOf(':')));
  const docs = [...new Set(ratings.map((r) => docOf(r.evidence_id)))];
  const rated = new Set(ratings.map((r) => r.evidence_id));
  const quotes = (await trx.selectFrom('quotes').select(['document_id', 'local_id', 'container', 'start', 'end']).where('document_id', 'in', docs).execute())
    .filter((q) => rated.has(`${q.document_id}:${q.local_id}`));
  const texts = await trx.selectFrom('documents').select(['id', 'text']).where('id', 'in', docs).execute();
  const comments = quotes.some((q) => q.container !== 'document')
    ? await trx.selectFrom('comments').select(['document_id', 'comment_id', 'text']).where('document_id', 'in', docs).execute() : [];
  const previous = new Map(texts.map((d) => [d.id, { text: d.text, comments: comments.filter((c) => c.document_id === d.id).map((c) => ({ id: c.comment_id, text: c.text })) }]));
  const now = { text: analysis.document.text, comments: analysis.comments };
  // where each rated old quote went: the new quote, and how closely it covers the old words
  const target = new Map<string, { id: string; share: number }>();
  const covering = (place: string, found: { start: number; end: number; score: number }) => {
    let best: { id: string; share: number } | null = null;
    for (const n of analysis.quotes) {
      if (n.in !== place) continue;
      const share = found.score * Math.max(0, Math.min(n.end, found.end) - Math.max(n.start, found.start)) / (Math.max(n.end, found.end) - Math.min(n.start, found.start));
      if (share >= 0.5 && (!best || share > best.share)) best = { id: n.id, share };
    }
    return best;
  };
  for (const q of quotes) {
    const oldText = containerText(previous.get(q.document_id)!, q.container);
    const anchor = describeSpan(oldText, q.start, q.end);
    let best: { id: string; share: number } | null = null;
    if (q.container === 'document') {
      const found = reanchor(now.text, anchor);
      if (found) best = covering('document', found);
    } else {
      const same = analysis.comments.find((c) => c.text === oldText) ?? analysis.comments.find((c) => c.id === q.container);
      const found = same ? reanchor(same.text, anchor) : null;
      if (same && found) best = covering(same.id, found);
      // else, when no comment is unchanged, the exact words in another comment (no close-match search over every comment)
      if (!best && same?.text !== oldText) {
        for (const c of analysis.comments) {
          const at = c === same ? -1 : c.text.indexOf(anchor.quote.exact);
          if (at >= 0 && (best = covering(c.id, { start: at, end: at + anchor.quote.exact.length, score: 1 }))) break;
        }
      }
    }
    if (best) target.set(`${q.document_id}:${q.local_id}`, best);
  }
  // newer versions' ratings first (ids of one source's versions rise with them), then the closest
  // matches, then the oldest ratings; a new quote takes one rating per hypothesis
  const order = ratings.map((r) => ({ r, doc: docOf(r.evidence_id), to: target.get(r.evidence_id) }))
    .sort((a, b) => b.doc - a.doc || (b.to?.share ?? 0) - (a.to?.share ?? 0) || a.r.id - b.r.id);
  let moved = 0;
  const taken = new Set<string>();
  for (const { r, to: t } of order) {
    const key = `${to}:${t?.id}\0${r.hypothesis_id}`;
    if (!t || taken.has(key)) continue;
    taken.add(key);
    const u = await trx.updateTable('ratings').set({ evidence_id: `${to}:${t.id}` }).where('id', '=', r.id).executeTakeFirst();
    if (Number(u.numUpdatedRows)) moved++;
  }
  return { moved, left: ratings.length - moved };
}

/** A turn of the event loop: a query just started reaches the database before the caller's work begins. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** The analysis JSON kept in documents.analysis: all but the text (a column of its own) and the parts
 * that have rows of their own (comments, entities, quotes, events; see read.ts, which puts them back). */
function storedJson(a: Analysis, meta: Omit<Analysis['document'], 'text'>): string {
  const { document: _document, comments: _comments, entities: _entities, quotes: _quotes, events: _events, ...rest } = a;
  return JSON.stringify({ ...rest, document: meta });
}

const GLOBAL_ENTITIES = { table: 'global_entities', columns: [['id', 'int'], ['key', 'text'], ['name', 'text'], ['type', 'text']] } as const;
const GLOBAL_ALIASES = { table: 'global_aliases', columns: [['global_id', 'int'], ['type', 'text'], ['norm', 'text'], ['alias', 'text']] } as const;
const EVENTS = { table: 'events', columns: [['document_id', 'int'], ['local_id', 'text'], ['container', 'text'], ['start', 'int'], ['end', 'int'], ['text', 'text'], ['cameo', 'text'], ['date', 'text'], ['actors', 'text'], ['place_local_id', 'text'], ['quote_local_id', 'text'], ['trigger', 'text']] } as const;
const COMMENTS = { table: 'comments', columns: [['document_id', 'int'], ['comment_id', 'text'], ['parent_id', 'text'], ['author', 'text'], ['posted_at', 'text'], ['text', 'text']] } as const;
const QUOTES = { table: 'quotes', columns: [['document_id', 'int'], ['local_id', 'text'], ['container', 'text'], ['start', 'int'], ['end', 'int'], ['content', 'text'], ['direct', 'int'], ['cue', 'text'], ['speaker_text', 'text'], ['speaker_entity', 'text'], ['via', 'text'],
  ['cue_start', 'int'], ['cue_end', 'int'], ['speaker_start', 'int'], ['speaker_end', 'int']] } as const;
const ENTITIES = { table: 'entities', columns: [['document_id', 'int'], ['local_id', 'text'], ['key', 'text'], ['name', 'text'], ['type', 'text'], ['aliases', 'text'], ['global_id', 'int'], ['spans', 'text'], ['mention_count', 'int'], ['refs', 'text']] } as const;
const DOCUMENTS = { table: 'documents', columns: [['id', 'int'], ['source', 'text'], ['content_hash', 'text'], ['version', 'int'], ['latest', 'int'], ['title', 'text'], ['author', 'text'], ['publisher', 'text'],
  ['published_at', 'text'], ['language', 'text'], ['format', 'text'], ['text', 'text'], ['added_at', 'text'], ['analysis', 'text']] } as const;
/** Where the dialect keeps a search vector in the document's row (StoreDialect.searchValue). */
const DOCUMENTS_SEARCHED = { table: 'documents', columns: [...DOCUMENTS.columns, ['search', 'tsvector']] } as const;

/** Rows of one kind of part, for every written document, in order. */
function partRows<T>(writes: Planned[], pick: (a: Analysis) => T[], row: (x: T, docId: number) => Value[]): Value[][] {
  const out: Value[][] = [];
  for (const p of writes) for (const x of pick(p.input.analysis)) out.push(row(x, p.id!));
  return out;
}

/** Where an entity's row holds its cross-document entity. */
const ENTITY_PLACE = 6;

/** The written documents' entities (ENTITIES) with their mentions; in place of its cross-document entity
 * (ENTITY_PLACE), until that is known, each one's place among them all. */
function entityRows(writes: Planned[]): Value[][] {
  let k = 0;
  return partRows(writes, (a) => a.entities, (e, id) =>
    [id, e.id, e.key, e.name, e.type, JSON.stringify(e.aliases), k++, mentionSpans(e.mentions), e.mentions.length, e.references ? mentionSpans(e.references) : null]);
}

/** The written documents' comments (COMMENTS). */
function commentRows(writes: Planned[]): Value[][] {
  return partRows(writes, (a) => a.comments, (c, id) => [id, c.id, c.parentId, c.author, c.postedAt, c.text]);
}

/** The written documents' quotes (QUOTES). */
function quoteRows(writes: Planned[]): Value[][] {
  return partRows(writes, (a) => a.quotes, (q, id) => [id, q.id, q.in, q.start, q.end, q.content, q.direct ? 1 : 0, q.cue, q.speaker.text, q.speaker.entityId, JSON.stringify(q.via),
    q.cueSpan?.start ?? null, q.cueSpan?.end ?? null, q.speaker.start ?? null, q.speaker.end ?? null]);
}

/** The written documents' events (EVENTS). */
function eventRows(writes: Planned[]): Value[][] {
  return partRows(writes, (a) => a.events, (v, id) => [id, v.id, v.in, v.start, v.end, v.text, v.cameo, v.date, JSON.stringify(v.actors), v.place, v.quoteId ?? null, v.trigger ?? null]);
}

/** The written documents' own rows (DOCUMENTS), with their search vectors where the dialect keeps them (DOCUMENTS_SEARCHED). */
function documentRows(writes: Planned[], search: StoreDialect['searchValue'], now: string): Value[][] {
  return writes.map((p) => {
    const { text, ...meta } = p.input.analysis.document;
    const row: Value[] = [p.id!, p.input.source, p.input.contentHash, p.version, p.latest ? 1 : 0, meta.title, meta.author, meta.publisher, meta.publishedAt,
      meta.language, p.input.format, text, now, storedJson(p.input.analysis, meta)];
    if (search) row.push(search(meta.title, text));
    return row;
  });
}
