// The workbench data port over the dossier store (src/store). Listings page in SQL so a dossier of
// 10,000 documents answers quickly; aggregates that scan the whole dossier (entity ranking,
// sources, network) are memoised per dossier version (document count and newest id), so they are
// recomputed only after documents are added.
import { sql } from 'kysely';
import { NotFoundError, UsageError } from '../errors.js';
import type { Store } from '../store/index.js';
import { readSpans } from '../store/spans.js';
import { aliasList } from '../store/read.js';
import type { Quote } from '../types.js';
import { scoreMatrix, type MatrixItem, type MatrixRating } from './ach.js';
import { sourceKey } from '../analysis/sources.js';
import { proposeFromReadings, readForRating } from '../analysis/ratings-proposal.js';
import type { Credibility } from '../analysis/model.js';
import type {
  AchMatrix, ClaimGroupView, DocumentDetail, DocumentSummary, EntityDetail, EntitySummary,
  HypothesisView, Network, NetworkEdge, Overview, Page, QuoteRef, Rating, Reliability, SearchHit, SourceView,
  TimelineEvent, WorkbenchData,
} from './model.js';
import { basicReport } from './report.js';
import type { EntityType } from '../types.js';

/** Claim origins are stored as {name, kind, members} (older stores: plain names). */
const originNames = (json: string): string[] =>
  (JSON.parse(json) as unknown[]).map((o) => (typeof o === 'string' ? o : String((o as { name?: unknown }).name ?? ''))).filter(Boolean);
const asType = (t: string): EntityType => (t === 'PERSON' || t === 'ORG' || t === 'PLACE' ? t : 'OTHER');
const docId = (id: string): number => {
  if (!/^\d+$/.test(id)) throw new NotFoundError(`document ${id}`);
  return Number(id);
};

/** Optional judging hooks: the ACH scorer and report writer from src/analysis and src/report. */
export interface JudgingHooks {
  report?: (store: Store, format: 'md' | 'html') => Promise<string>;
}

export class StoreWorkbench implements WorkbenchData {
  private memo = new Map<string, { version: string; value: Promise<unknown> }>();

  constructor(readonly store: Store, private readonly hooks: JudgingHooks = {}) {}

  private get db() {
    return this.store.db;
  }

  /** Changes whenever a document is added (or a version superseded). */
  private async version(): Promise<string> {
    // No WHERE, so SQLite counts over the smallest index instead of the wide document rows.
    const r = await this.db.selectFrom('documents').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('max')]).executeTakeFirst();
    return `${r?.n ?? 0}:${r?.max ?? 0}`;
  }

  private async memoised<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const version = await this.version();
    const hit = this.memo.get(key);
    if (hit && hit.version === version) return hit.value as Promise<T>;
    // The promise is kept, so concurrent requests (or the warm-up) share one computation.
    const value = compute();
    this.memo.set(key, { version, value });
    value.catch(() => this.memo.delete(key));
    return value;
  }

  /** Compute the whole-dossier aggregates in the background, so the first visitor does not wait. */
  warm(): void {
    void (async () => {
      await this.ranking();
      await this.sources();
      await this.network(80);
    })().catch(() => {});
  }

  async overview(): Promise<Overview> {
    const counts = await this.memoised('counts', () => this.counts());
    const live = async (table: 'claim_groups' | 'hypotheses') =>
      Number((await this.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    return { question: await this.store.getQuestion(), ...counts, claims: await live('claim_groups'), hypotheses: await live('hypotheses') };
  }

  /** Counts that change only when documents are added. */
  private async counts(): Promise<{ documents: number; entities: number; quotes: number; events: number }> {
    const count = async (table: 'global_entities' | 'quotes' | 'events') =>
      Number((await this.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    const docs = Number((await this.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).where('latest', '=', 1).executeTakeFirst())?.n ?? 0);
    return { documents: docs, entities: await count('global_entities'), quotes: await count('quotes'), events: await count('events') };
  }

  async listDocuments(offset: number, limit: number): Promise<Page<DocumentSummary>> {
    // Latest-version ids, memoised: paging by id list avoids stepping over wide rows for a deep offset.
    const ids = await this.memoised('latestIds', async () =>
      (await this.db.selectFrom('documents').select('id').where('latest', '=', 1).orderBy('id').execute()).map((r) => r.id));
    const total = ids.length;
    const wanted = ids.slice(offset, offset + limit);
    if (!wanted.length) return { items: [], total, offset, limit };
    const rows = await this.db.selectFrom('documents as d')
      .select(['d.id', 'd.source', 'd.title', 'd.author', 'd.publisher', 'd.published_at'])
      // Words counted in SQL (spaces + 1) so a page never loads the texts themselves.
      .select(sql<number>`length(d.text) - length(replace(d.text, ' ', '')) + 1`.as('words'))
      .select((eb) => eb.selectFrom('quotes as q').whereRef('q.document_id', '=', 'd.id').select(eb.fn.countAll<number>().as('n')).as('quotes'))
      .select((eb) => eb.selectFrom('events as v').whereRef('v.document_id', '=', 'd.id').select(eb.fn.countAll<number>().as('n')).as('events'))
      .select((eb) => eb.selectFrom('comments as c').whereRef('c.document_id', '=', 'd.id').select(eb.fn.countAll<number>().as('n')).as('comments'))
      .where('d.id', 'in', wanted).orderBy('d.id').execute();
    return {
      items: rows.map((r) => ({
        id: String(r.id), title: r.title, author: r.author, publisher: r.publisher, publishedAt: r.published_at, source: r.source,
        words: Number(r.words), quoteCount: Number(r.quotes), eventCount: Number(r.events), commentCount: Number(r.comments),
      })),
      total, offset, limit,
    };
  }

  async getDocument(id: string): Promise<DocumentDetail> {
    const d = await this.store.getDocument(docId(id));
    const a = d.analysis;
    const globals = await this.db.selectFrom('entities').select(['local_id', 'global_id']).where('document_id', '=', d.id).execute();
    const globalOf = new Map(globals.map((g) => [g.local_id, String(g.global_id)]));
    return {
      id: String(d.id), title: d.title, author: d.author, publisher: d.publisher, publishedAt: d.publishedAt, source: d.source,
      words: a.document.text.split(/\s+/).filter(Boolean).length, quoteCount: a.quotes.length, eventCount: a.events.length, commentCount: a.comments.length,
      url: a.document.url ?? (/^https?:\/\//.test(d.source) ? d.source : null),
      text: a.document.text, commentThread: a.comments,
      entities: a.entities.map((e) => ({ id: e.id, globalId: globalOf.get(e.id) ?? '', name: e.name, type: e.type, mentions: e.mentions })),
      quotes: a.quotes, events: a.events,
    };
  }

  /** Global entities ranked by the number of documents they appear in, with their mention counts (one pass, memoised per dossier version).
   * Of the latest version of each source, as everywhere in the workbench and the CLI: an older version
   * neither counts twice nor keeps an entity (or a name of one) its source no longer has. */
  private ranking(): Promise<{ id: number; name: string; type: string; documents: number; mentions: number }[]> {
    return this.memoised('ranking', async () => {
      // one pass over entities: documents and mentions (each row holds its mention count) per global entity
      const rows = await this.db.selectFrom('entities as e').innerJoin('global_entities as g', 'g.id', 'e.global_id')
        .innerJoin('documents as d', 'd.id', 'e.document_id').where('d.latest', '=', 1)
        .select(['g.id', 'g.name', 'g.type']).select((eb) => eb.fn.count<number>('e.document_id').distinct().as('documents'))
        .select((eb) => eb.fn.sum<number>('e.mention_count').as('mentions'))
        .groupBy(['g.id', 'g.name', 'g.type']).execute();
      return rows.map((r) => ({ id: r.id, name: r.name, type: r.type, documents: Number(r.documents), mentions: Number(r.mentions) }))
        .sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || a.name.localeCompare(b.name));
    });
  }

  private async rankOf(id: number): Promise<{ documents: number; mentions: number } | undefined> {
    const byId = await this.memoised('rankingById', async () => new Map((await this.ranking()).map((r) => [r.id, r])));
    return byId.get(id);
  }

  private async summaries(ids: number[]): Promise<Map<number, { aliases: string[]; mentions: number }>> {
    const out = new Map<number, { aliases: string[]; mentions: number }>();
    if (!ids.length) return out;
    for (const id of ids) out.set(id, { aliases: [], mentions: 0 });
    // the names its documents gave it: the lookup forms (global_aliases) leave out words that name
    // many ("Clinton"), which a reader of its page still wants to see
    const rows = await this.db.selectFrom('entities as e').innerJoin('documents as d', 'd.id', 'e.document_id')
      .select(['e.global_id', 'e.aliases']).where('e.global_id', 'in', ids).where('d.latest', '=', 1).execute();
    for (const r of rows) {
      const s = out.get(r.global_id)!;
      for (const a of aliasList(r.aliases)) if (!s.aliases.includes(a)) s.aliases.push(a);
    }
    for (const s of out.values()) s.aliases.sort();
    const byId = await this.memoised('rankingById', async () => new Map((await this.ranking()).map((r) => [r.id, r])));
    for (const id of ids) out.get(id)!.mentions = byId.get(id)?.mentions ?? 0;
    return out;
  }

  async listEntities(offset: number, limit: number, filter?: string): Promise<Page<EntitySummary>> {
    let ranked = await this.ranking();
    if (filter) {
      const f = filter.toLowerCase();
      const hits = await this.db.selectFrom('entities as e').innerJoin('documents as d', 'd.id', 'e.document_id').select('e.global_id')
        .where(sql<string>`lower(e.aliases)`, 'like', `%${f.replace(/[%_\\]/g, '')}%`).where('d.latest', '=', 1).execute();
      const ids = new Set(hits.map((h) => h.global_id));
      ranked = ranked.filter((r) => ids.has(r.id) || r.name.toLowerCase().includes(f));
    }
    const pageRows = ranked.slice(offset, offset + limit);
    const extra = await this.summaries(pageRows.map((r) => r.id));
    return {
      items: pageRows.map((r) => ({ id: String(r.id), name: r.name, type: asType(r.type), aliases: extra.get(r.id)!.aliases, documents: r.documents, mentions: r.mentions })),
      total: ranked.length, offset, limit,
    };
  }

  async getEntity(id: string): Promise<EntityDetail> {
    if (!/^\d+$/.test(id)) throw new NotFoundError(`entity ${id}`);
    const gid = Number(id);
    const g = await this.db.selectFrom('global_entities').selectAll().where('id', '=', gid).executeTakeFirst();
    if (!g) throw new NotFoundError(`entity ${id}`);
    const extra = (await this.summaries([gid])).get(gid)!;
    // The page shows the entity in its first 50 documents; counts come from the memoised ranking.
    const locals = await this.db.selectFrom('entities as e').innerJoin('documents as d', 'd.id', 'e.document_id')
      .select(['e.id', 'e.document_id', 'e.local_id', 'd.title']).where('e.global_id', '=', gid).where('d.latest', '=', 1).orderBy('e.document_id').limit(100).execute();
    const shownDocs = [...new Set(locals.map((l) => l.document_id))].slice(0, 50);
    const titleOf = new Map(locals.map((l) => [l.document_id, l.title]));
    // Mentions of the first 50 document entities, in document order, the first 150 shown with context.
    const spanRows = locals.length
      ? await this.db.selectFrom('entities').select(['document_id', 'spans']).where('id', 'in', locals.slice(0, 50).map((l) => l.id)).execute()
      : [];
    const mentions = spanRows.flatMap((r) => readSpans(r.spans).map((m) => ({ document_id: r.document_id, container: m.in, start: m.start, end: m.end, text: m.text })))
      .sort((a, b) => a.document_id - b.document_id || a.start - b.start).slice(0, 150);
    // Context comes from the container's own text (the document's or a comment's); only texts of shown mentions are read.
    const textOf = new Map<string, string>();
    const withMentionsIn = (inDocument: boolean) => [...new Set(mentions.filter((m) => (m.container === 'document') === inDocument).map((m) => m.document_id))];
    const docTexts = withMentionsIn(true), commentTexts = withMentionsIn(false);
    if (docTexts.length) for (const t of await this.db.selectFrom('documents').select(['id', 'text']).where('id', 'in', docTexts).execute()) textOf.set(`${t.id}:document`, t.text);
    if (commentTexts.length) {
      for (const t of await this.db.selectFrom('comments').select(['document_id', 'comment_id', 'text']).where('document_id', 'in', commentTexts).execute())
        textOf.set(`${t.document_id}:${t.comment_id}`, t.text);
    }
    const context = (m: (typeof mentions)[number]) => {
      const t = textOf.get(`${m.document_id}:${m.container}`) ?? '';
      return { before: t.slice(Math.max(0, m.start - 60), m.start), after: t.slice(m.end, m.end + 60) };
    };
    // Neighbours: entities sharing documents with this one (over the first 50 of its documents).
    const co = shownDocs.length
      ? await this.db.selectFrom('entities as e').innerJoin('global_entities as g', 'g.id', 'e.global_id')
          .select(['g.id', 'g.name', 'g.type']).select((eb) => eb.fn.count<number>('e.document_id').distinct().as('n'))
          .where('e.document_id', 'in', shownDocs).where('e.global_id', '!=', gid).groupBy(['g.id', 'g.name', 'g.type']).execute()
      : [];
    const localKeys = new Set(locals.map((l) => `${l.document_id}:${l.local_id}`));
    const quotes = shownDocs.length
      ? await this.db.selectFrom('quotes').select(['document_id', 'local_id', 'container', 'start', 'end', 'content', 'speaker_text', 'speaker_entity', 'cue'])
          .where('document_id', 'in', shownDocs).orderBy('document_id').orderBy('start').execute()
      : [];
    const ref = (q: (typeof quotes)[number]): QuoteRef => ({
      documentId: String(q.document_id), title: titleOf.get(q.document_id) ?? null, quoteId: q.local_id, speaker: q.speaker_text, cue: q.cue, content: q.content,
    });
    const quotesBy: QuoteRef[] = [];
    const quotesAbout: QuoteRef[] = [];
    for (const q of quotes) {
      if (q.speaker_entity && localKeys.has(`${q.document_id}:${q.speaker_entity}`)) quotesBy.push(ref(q));
      else if (mentions.some((m) => m.document_id === q.document_id && m.container === q.container && m.start >= q.start && m.end <= q.end)) quotesAbout.push(ref(q));
    }
    return {
      id: String(gid), name: g.name, type: asType(g.type), aliases: extra.aliases, documents: (await this.rankOf(gid))?.documents ?? shownDocs.length, mentions: extra.mentions,
      mentionList: mentions.map((m) => ({ documentId: String(m.document_id), title: titleOf.get(m.document_id) ?? null, in: m.container, start: m.start, end: m.end, text: m.text, ...context(m) })),
      neighbours: co.map((c) => ({ id: String(c.id), name: c.name, type: asType(c.type), weight: Number(c.n) })).sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name)).slice(0, 50),
      quotesBy: quotesBy.slice(0, 200),
      quotesAbout: quotesAbout.slice(0, 200),
    };
  }

  async listClaims(offset: number, limit: number): Promise<Page<ClaimGroupView>> {
    const total = Number((await this.db.selectFrom('claim_groups').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    const groups = await this.db.selectFrom('claim_groups').selectAll().orderBy('id').limit(limit).offset(offset).execute();
    if (!groups.length) return { items: [], total, offset, limit };
    const members = await this.db.selectFrom('claim_members as m').innerJoin('documents as d', 'd.id', 'm.document_id')
      .select(['m.claim_group_id', 'm.document_id', 'm.quote_local_id', 'm.sentence', 'm.source', 'm.origin', 'd.title', 'd.publisher'])
      .where('m.claim_group_id', 'in', groups.map((g) => g.id)).orderBy('m.id').execute();
    const quoteVia = new Map<string, string[]>();
    const qrows = members.filter((m) => m.quote_local_id);
    if (qrows.length) {
      const qs = await this.db.selectFrom('quotes').select(['document_id', 'local_id', 'via']).where('document_id', 'in', [...new Set(qrows.map((m) => m.document_id))]).execute();
      for (const q of qs) quoteVia.set(`${q.document_id}:${q.local_id}`, (JSON.parse(q.via) as Quote['via']).map((v) => v.text));
    }
    const cred = new Map((await this.store.listCredibility()).map((c) => [c.claimGroupId, c.credibility]));
    return {
      items: groups.map((g) => {
        const own = members.filter((m) => m.claim_group_id === g.id);
        return {
          id: g.id, text: g.text, origins: originNames(g.origins), credibility: cred.get(g.id) ?? null,
          members: own.map((m) => ({ document: String(m.document_id), documentTitle: m.title, quoteId: m.quote_local_id, sentence: m.sentence, source: m.origin || m.source })),
          chains: own.map((m) => ({ steps: [m.origin, ...(m.quote_local_id ? quoteVia.get(`${m.document_id}:${m.quote_local_id}`) ?? [] : []), m.publisher ?? m.title ?? m.source].filter((s, i, a) => s && a.indexOf(s) === i) })),
        };
      }),
      total, offset, limit,
    };
  }

  /** Every speaker, relaying outlet and publisher, with the analyst's grade where there is one. */
  private async sources(): Promise<SourceView[]> {
    const found = await this.memoised('sources', async () => {
      // one row per source as the ACH matrix and the report key it (sourceKey: case and a leading "the"
      // aside), named as most of its items name it
      const all = new Map<string, { name: string; kind: SourceView['kind']; items: number; names: Map<string, number> }>();
      const add = (name: string | null, kind: SourceView['kind'], n = 1) => {
        const clean = name?.trim();
        if (!clean) return;
        const key = sourceRowKey(kind, clean);
        const s = all.get(key) ?? all.set(key, { name: clean, kind, items: 0, names: new Map() }).get(key)!;
        s.items += n;
        s.names.set(clean, (s.names.get(clean) ?? 0) + n);
      };
      const pubs = await this.db.selectFrom('documents').select(['publisher']).select((eb) => eb.fn.countAll<number>().as('n')).where('latest', '=', 1).groupBy('publisher').execute();
      for (const p of pubs) add(p.publisher, 'publisher', Number(p.n));
      const speakers = await this.db.selectFrom('quotes as q').innerJoin('documents as d', 'd.id', 'q.document_id').where('d.latest', '=', 1)
        .leftJoin('entities as e', (j) => j.onRef('e.document_id', '=', 'q.document_id').onRef('e.local_id', '=', 'q.speaker_entity'))
        .leftJoin('global_entities as g', 'g.id', 'e.global_id')
        .select([sql<string>`coalesce(g.name, q.speaker_text)`.as('name')]).select((eb) => eb.fn.countAll<number>().as('n'))
        .groupBy(sql`coalesce(g.name, q.speaker_text)`).execute();
      for (const s of speakers) add(s.name, 'speaker', Number(s.n));
      const vias = await this.db.selectFrom('quotes as q').innerJoin('documents as d', 'd.id', 'q.document_id').select('q.via')
        .where('q.via', '!=', '[]').where('d.latest', '=', 1).execute();
      for (const v of vias) for (const o of JSON.parse(v.via) as Quote['via']) add(o.text, 'outlet');
      return [...all.entries()].map(([key, s]) => {
        const name = [...s.names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
        return { key, id: `${s.kind}:${name}`, name, kind: s.kind, items: s.items };
      });
    });
    const grades = new Map((await this.store.listSources()).map((g) => [sourceRowKey(g.kind, g.name), g]));
    const out: SourceView[] = found.map(({ key, ...s }) => ({ ...s, reliability: grades.get(key)?.reliability ?? null, reason: grades.get(key)?.reason ?? null }));
    for (const [key, g] of grades) if (!found.some((s) => s.key === key)) out.push({ id: `${g.kind}:${g.name}`, name: g.name, kind: g.kind, reliability: g.reliability, reason: g.reason, items: 0 });
    return out.sort((a, b) => b.items - a.items || a.name.localeCompare(b.name));
  }

  async listSources(offset: number, limit: number): Promise<Page<SourceView>> {
    const all = await this.sources();
    return { items: all.slice(offset, offset + limit), total: all.length, offset, limit };
  }

  async gradeSource(id: string, reliability: Reliability, reason: string | null): Promise<SourceView> {
    const m = /^(speaker|outlet|publisher):(.+)$/s.exec(id);
    if (!m) throw new NotFoundError(`source ${id}`);
    const s = (await this.sources()).find((x) => x.id === id);
    if (!s) throw new NotFoundError(`source ${id}`);
    // grades given before under other spellings of the same source ("The Ledger", "the Ledger") are the ones changed
    const key = sourceRowKey(m[1], m[2]);
    const before = (await this.store.listSources()).filter((g) => sourceRowKey(g.kind, g.name) === key);
    for (const name of before.length ? before.map((g) => g.name) : [m[2]]) await this.store.gradeSource({ name, kind: m[1] as SourceView['kind'], reliability, reason });
    return { ...s, reliability, reason };
  }

  async listHypotheses(): Promise<HypothesisView[]> {
    return (await this.store.listHypotheses()).map((h) => ({ id: String(h.id), text: h.text }));
  }

  async addHypothesis(text: string): Promise<HypothesisView> {
    const h = await this.store.addHypothesis(text);
    return { id: String(h.id), text: h.text };
  }

  /** Claim groups, plus single quotes already rated; quotes stand in when nothing is grouped yet. */
  private async evidence(ratedQuotes: Set<string>): Promise<MatrixItem[]> {
    const grades = new Map((await this.store.listSources()).filter((s) => s.reliability).map((s) => [sourceKey(s.name), s.reliability as Reliability]));
    const best = (origins: string[]): Reliability | null =>
      origins.map((o) => grades.get(sourceKey(o))).filter((r): r is Reliability => !!r).sort()[0] ?? null;
    const cred = new Map((await this.store.listCredibility()).map((c) => [c.claimGroupId, c.credibility as Credibility]));
    const claims = await this.db.selectFrom('claim_groups').selectAll().orderBy('id').limit(60).execute();
    const out: MatrixItem[] = claims.map((c) => {
      const origins = originNames(c.origins);
      return { id: `claim:${c.id}`, kind: 'claim', text: c.text, origins, reliability: best(origins), credibility: cred.get(c.id) ?? null };
    });
    // quotes of latest versions only: those are the ones that can be rated (see rate)
    const quoteRows = await this.db.selectFrom('quotes as q').innerJoin('documents as doc', 'doc.id', 'q.document_id').where('doc.latest', '=', 1)
      .select(['q.document_id', 'q.local_id', 'q.content', 'q.speaker_text', 'q.container']).orderBy('q.document_id').orderBy('q.start').limit(claims.length ? 0 : 24).execute();
    const seen = new Set<string>();
    const pushQuote = (q: { document_id: number; local_id: string; content: string; speaker_text: string; container: string }) => {
      const key = `${q.document_id}:${q.local_id}`;
      if (seen.has(key)) return;
      seen.add(key);
      const origins = q.speaker_text ? [q.speaker_text] : [];
      out.push({ id: `quote:${key}`, kind: 'quote', text: q.content, origins, reliability: best(origins), credibility: null, inComment: q.container !== 'document' });
    };
    for (const q of quoteRows) pushQuote(q);
    for (const key of ratedQuotes) {
      if (seen.has(key)) continue;
      const at = key.indexOf(':');
      if (at < 0 || !/^\d+$/.test(key.slice(0, at))) continue;
      // a rating that stayed with an earlier version (no quote of the latest took it) does not count,
      // as in `dossier ach`, which lists such ratings with the command that clears them
      const q = await this.db.selectFrom('quotes as q').innerJoin('documents as doc', 'doc.id', 'q.document_id').where('doc.latest', '=', 1)
        .select(['q.document_id', 'q.local_id', 'q.content', 'q.speaker_text', 'q.container'])
        .where('q.document_id', '=', Number(key.slice(0, at))).where('q.local_id', '=', key.slice(at + 1)).executeTakeFirst();
      if (q) pushQuote(q);
    }
    return out;
  }

  async ach(): Promise<AchMatrix> {
    // (the analyst's ratings, and Dossier's proposals in the cells left empty, as the report and `dossier ach` weigh them)
    const ratings = await this.store.listRatings();
    const items = await this.evidence(new Set(ratings.filter((r) => r.evidenceKind === 'quote').map((r) => r.evidenceId)));
    const cells: MatrixRating[] = ratings.map((r) => ({
      evidenceId: `${r.evidenceKind}:${r.evidenceId}`, hypothesisId: String(r.hypothesisId), rating: r.rating, weight: r.weight, proposed: r.proposed,
    }));
    const hypotheses = await this.listHypotheses();
    return scoreMatrix(await this.store.getQuestion(), hypotheses, items, [...cells, ...proposals(items, hypotheses, cells)]);
  }

  async rate(evidenceId: string, hypothesisId: string, rating: Rating | null): Promise<void> {
    const m = /^(claim|quote):(.+)$/s.exec(evidenceId);
    if (!m) throw new UsageError(`evidence id "${evidenceId}" must be claim:ID or quote:DOC:QUOTE`);
    const kind = m[1] as 'claim' | 'quote';
    if (!/^\d+$/.test(hypothesisId) || !(await this.db.selectFrom('hypotheses').select('id').where('id', '=', Number(hypothesisId)).executeTakeFirst()))
      throw new NotFoundError(`hypothesis ${hypothesisId}`);
    // clearing works on a group no longer found too (as `dossier rate … --clear` does)
    if (kind === 'claim') {
      if (rating && !(await this.db.selectFrom('claim_groups').select('id').where('id', '=', m[2]).executeTakeFirst())) throw new NotFoundError(`claim group ${m[2]}`);
    } else if (!rating) {
      // clearing works on any version (a rating no quote of a new version took stays with its own);
      // a rating is given only to a latest version's quote, which store.rate checks as it writes
      const at = m[2].indexOf(':');
      const d = m[2].slice(0, at);
      const q = this.db.selectFrom('quotes').select('id').where('document_id', '=', Number(d)).where('local_id', '=', m[2].slice(at + 1));
      if (at < 0 || !/^\d+$/.test(d) || !(await q.executeTakeFirst())) throw new NotFoundError(`quote ${m[2]}`);
    }
    if (rating) await this.store.rate({ evidenceKind: kind, evidenceId: m[2], hypothesisId: Number(hypothesisId), rating, proposed: false });
    else await this.store.unrate(kind, m[2], Number(hypothesisId));
  }

  async timeline(from: string | null, to: string | null, limit: number): Promise<{ items: TimelineEvent[]; total: number }> {
    let q = this.db.selectFrom('events as v').innerJoin('documents as d', 'd.id', 'v.document_id').where('d.latest', '=', 1).where('v.date', 'is not', null);
    if (from) q = q.where('v.date', '>=', from);
    if (to) q = q.where('v.date', '<=', `${to}\uffff`);
    const total = await this.memoised(`timeline:${from}:${to}`, async () => Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0));
    // date then id: PostgreSQL reads them in order from events_date; SQLite has no such index (see
    // migration 0011) and keeps the first `limit` of a scan.
    const rows = await q.select(['v.document_id', 'v.local_id', 'v.date', 'v.cameo', 'v.text', 'v.actors', 'd.title']).orderBy('v.date').orderBy('v.id').limit(limit).execute();
    const docIds = [...new Set(rows.map((r) => r.document_id))];
    const names = new Map<string, string>();
    for (let i = 0; i < docIds.length; i += 500) {
      const ents = await this.db.selectFrom('entities').select(['document_id', 'local_id', 'name']).where('document_id', 'in', docIds.slice(i, i + 500)).execute();
      for (const e of ents) names.set(`${e.document_id}:${e.local_id}`, e.name);
    }
    return {
      items: rows.map((r) => ({
        id: `${r.document_id}:${r.local_id}`, documentId: String(r.document_id), title: r.title, date: r.date!, cameo: r.cameo, text: r.text,
        actors: (JSON.parse(r.actors) as string[]).map((a) => names.get(`${r.document_id}:${a}`) ?? a),
      })),
      total,
    };
  }

  async network(limit: number): Promise<Network> {
    return this.memoised(`network:${limit}`, async () => {
      const top = (await this.ranking()).slice(0, limit);
      const keep = new Set(top.map((t) => t.id));
      const ids = [...keep];
      // Millions of pair increments on a large dossier: numeric keys (kind, source, target packed
      // into one safe integer) instead of strings keep this to a fraction of a second.
      const KINDS: NetworkEdge['kind'][] = ['cooccurrence', 'quote', 'event'];
      const weights = new Map<number, number>();
      const bump = (a: number, b: number, kind: NetworkEdge['kind'], n = 1) => {
        if (a === b || !keep.has(a) || !keep.has(b)) return;
        const [s, t] = kind === 'cooccurrence' && a > b ? [b, a] : [a, b];
        const k = (KINDS.indexOf(kind) * 2 ** 24 + s) * 2 ** 24 + t;
        weights.set(k, (weights.get(k) ?? 0) + n);
      };
      if (ids.length) {
        // Pairs are counted in memory from one indexed read: a self-join over 10,000 documents
        // (or a range join of mentions inside quotes) takes SQLite seconds.
        const ents = await this.db.selectFrom('entities as e').innerJoin('documents as d', 'd.id', 'e.document_id')
          .select(['e.id', 'e.document_id', 'e.global_id']).where('e.global_id', 'in', ids).where('d.latest', '=', 1).execute();
        const perDoc = new Map<number, Set<number>>();
        for (const e of ents) {
          let set = perDoc.get(e.document_id);
          if (!set) perDoc.set(e.document_id, (set = new Set()));
          set.add(e.global_id);
        }
        for (const set of perDoc.values()) {
          const list = [...set].sort((x, y) => x - y);
          for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) bump(list[i], list[j], 'cooccurrence');
        }
        const spoken = await this.db.selectFrom('quotes as q')
          .innerJoin('entities as s', (j) => j.onRef('s.document_id', '=', 'q.document_id').onRef('s.local_id', '=', 'q.speaker_entity'))
          .innerJoin('documents as d', 'd.id', 'q.document_id').where('d.latest', '=', 1)
          .select(['q.document_id', 'q.container', 'q.start', 'q.end', 's.global_id']).where('s.global_id', 'in', ids).execute();
        const quoted = new Set(spoken.map((q) => q.document_id));
        const globalOfRow = new Map(ents.map((e) => [e.id, e.global_id]));
        const rowIds = ents.filter((e) => quoted.has(e.document_id)).map((e) => e.id);
        const mentionsByDoc = new Map<number, { container: string; start: number; end: number; g: number }[]>();
        for (let i = 0; i < rowIds.length; i += 5000) {
          const rows = await this.db.selectFrom('entities').select(['id', 'document_id', 'spans']).where('id', 'in', rowIds.slice(i, i + 5000)).execute();
          for (const r of rows) {
            let list = mentionsByDoc.get(r.document_id);
            if (!list) mentionsByDoc.set(r.document_id, (list = []));
            for (const m of readSpans(r.spans)) list.push({ container: m.in, start: m.start, end: m.end, g: globalOfRow.get(r.id)! });
          }
        }
        for (const q of spoken)
          for (const m of mentionsByDoc.get(q.document_id) ?? [])
            if (m.container === q.container && m.start >= q.start && m.end <= q.end) bump(q.global_id, m.g, 'quote');
        const events = await this.db.selectFrom('events as v').innerJoin('documents as d', 'd.id', 'v.document_id')
          .select(['v.document_id', 'v.actors']).where('v.actors', 'like', '%,%').where('d.latest', '=', 1).execute();
        const globals = new Map<string, number>();
        const docs = [...new Set(events.map((e) => e.document_id))];
        for (let i = 0; i < docs.length; i += 500)
          for (const e of await this.db.selectFrom('entities').select(['document_id', 'local_id', 'global_id']).where('document_id', 'in', docs.slice(i, i + 500)).execute())
            globals.set(`${e.document_id}:${e.local_id}`, e.global_id);
        for (const ev of events) {
          const actors = (JSON.parse(ev.actors) as string[]).map((a) => globals.get(`${ev.document_id}:${a}`)).filter((x): x is number => x !== undefined);
          for (let i = 0; i + 1 < actors.length; i++) bump(actors[i], actors[i + 1], 'event');
        }
      }
      const edges: NetworkEdge[] = [...weights].map(([k, weight]) => {
        const t = k % 2 ** 24;
        const rest = (k - t) / 2 ** 24;
        const src = rest % 2 ** 24;
        return { source: String(src), target: String(t), kind: KINDS[(rest - src) / 2 ** 24], weight };
      });
      return { nodes: top.map((t) => ({ id: String(t.id), name: t.name, type: asType(t.type), weight: t.documents })), edges };
    });
  }

  async search(q: string, offset: number, limit: number): Promise<Page<SearchHit>> {
    const hits = await this.store.search(q, offset + limit + 1);
    return {
      items: hits.slice(offset, offset + limit).map((h) => ({ documentId: String(h.id), title: h.title ?? h.source, snippet: h.snippet })),
      total: offset + Math.min(hits.length - offset, limit + 1) > offset + limit ? offset + limit + 1 : hits.length,
      offset, limit,
    };
  }

  async report(format: 'md' | 'html'): Promise<string> {
    if (this.hooks.report) return this.hooks.report(this.store, format);
    return basicReport(await this.ach(), format);
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}

/** Ratings proposed from the texts (ratings-proposal.ts) for the cells the analyst left empty, as the
 * report's judgement proposes them: not for a reader comment's quote, which the analyst rates by hand. */
function proposals(items: MatrixItem[], hypotheses: HypothesisView[], rated: MatrixRating[]): MatrixRating[] {
  const taken = new Set(rated.map((r) => `${r.evidenceId}\u0000${r.hypothesisId}`));
  const readings = new Map(hypotheses.map((h) => [h.id, readForRating(h.text)]));
  const out: MatrixRating[] = [];
  for (const item of items) {
    if (item.inComment) continue;
    const reading = readForRating(item.text);
    for (const h of hypotheses) {
      if (taken.has(`${item.id}\u0000${h.id}`)) continue;
      const p = proposeFromReadings(reading, readings.get(h.id)!);
      if (p && p.rating !== 'NA') out.push({ evidenceId: item.id, hypothesisId: h.id, rating: p.rating, weight: 1, proposed: true });
    }
  }
  return out;
}

/** A source's row in the Sources view: its kind and its name as ACH and the report key it (sourceKey). */
function sourceRowKey(kind: string, name: string): string {
  return `${kind}:${sourceKey(name) || name}`;
}
