// The workbench data port held in memory, built from analyses. Used by tests and whenever a
// dossier is opened without the store (e.g. `serve --from analyses.jsonl`); it derives entities,
// sources, claim groups, the timeline and the network with the same rules the store view uses.
import { NotFoundError, UsageError } from '../errors.js';
import type { Analysis, Entity, EntityType, Quote } from '../types.js';
import { scoreMatrix, type MatrixItem } from './ach.js';

const cellKey = (evidenceId: string, hypothesisId: string): string => `${evidenceId}\u0000${hypothesisId}`;
import { basicReport } from './report.js';
import type {
  AchMatrix, ClaimGroupView, DocumentDetail, DocumentSummary, EntityDetail, EntityMention,
  EntitySummary, HypothesisView, Network, NetworkEdge, Overview, Page, QuoteRef, Rating, Reliability,
  SearchHit, SourceView, TimelineEvent, WorkbenchData,
} from './model.js';

interface StoredDoc {
  id: string;
  analysis: Analysis;
  words: number;
  /** document entity id → global entity id */
  globalOf: Map<string, string>;
}

interface GlobalEntity {
  id: string;
  key: string;
  name: string;
  type: EntityType;
  aliases: Set<string>;
  docs: Set<string>;
  mentions: number;
}


export function entityKey(e: Pick<Entity, 'key' | 'name' | 'type'>): string {
  return e.key || `${e.type}:${e.name.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

const STOP = new Set('the a an of to in on and or but that this is was were be been by for with as at from it its he she they said says'.split(' '));
const contentWords = (s: string): Set<string> =>
  new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && !STOP.has(w)));

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / (a.size + b.size - n);
}

export function page<T>(all: T[], offset: number, limit: number): Page<T> {
  return { items: all.slice(offset, offset + limit), total: all.length, offset, limit };
}

export function snippetAround(text: string, at: number, len: number, radius = 80): string {
  const s = Math.max(0, at - radius);
  const e = Math.min(text.length, at + len + radius);
  return (s > 0 ? '…' : '') + text.slice(s, e).replace(/\s+/g, ' ') + (e < text.length ? '…' : '');
}

export class MemoryWorkbench implements WorkbenchData {
  private docs: StoredDoc[] = [];
  private byId = new Map<string, StoredDoc>();
  private entities = new Map<string, GlobalEntity>();
  private entityByKey = new Map<string, GlobalEntity>();
  private question: string | null = null;
  private hypotheses: HypothesisView[] = [];
  private ratings = new Map<string, Rating>();
  private grades = new Map<string, { reliability: Reliability; reason: string | null }>();
  private claimsCache: ClaimGroupView[] | null = null;

  constructor(analyses: Analysis[] = []) {
    for (const a of analyses) this.addAnalysis(a);
  }

  addAnalysis(a: Analysis, id = `d${this.docs.length + 1}`): string {
    const globalOf = new Map<string, string>();
    for (const e of a.entities) {
      const key = entityKey(e);
      let g = this.entityByKey.get(key);
      if (!g) {
        g = { id: `g${this.entities.size + 1}`, key, name: e.name, type: e.type, aliases: new Set(), docs: new Set(), mentions: 0 };
        this.entities.set(g.id, g);
        this.entityByKey.set(key, g);
      }
      for (const al of e.aliases) g.aliases.add(al);
      g.docs.add(id);
      g.mentions += e.mentions.length;
      globalOf.set(e.id, g.id);
    }
    const words = a.document.text.split(/\s+/).filter(Boolean).length;
    const d: StoredDoc = { id, analysis: a, words, globalOf };
    this.docs.push(d);
    this.byId.set(id, d);
    this.claimsCache = null;
    return id;
  }

  setQuestion(q: string | null): void {
    this.question = q;
  }

  private doc(id: string): StoredDoc {
    const d = this.byId.get(id);
    if (!d) throw new NotFoundError(`document ${id}`);
    return d;
  }

  private summary(d: StoredDoc): DocumentSummary {
    const m = d.analysis.document;
    return {
      id: d.id, title: m.title, author: m.author, publisher: m.publisher, publishedAt: m.publishedAt,
      source: d.analysis.source, words: d.words, commentCount: d.analysis.comments.length,
      quoteCount: d.analysis.quotes.length, eventCount: d.analysis.events.length,
    };
  }

  async overview(): Promise<Overview> {
    let quotes = 0;
    let events = 0;
    for (const d of this.docs) {
      quotes += d.analysis.quotes.length;
      events += d.analysis.events.length;
    }
    return {
      question: this.question, documents: this.docs.length, entities: this.entities.size, quotes, events,
      claims: this.claims().length, hypotheses: this.hypotheses.length,
    };
  }

  async listDocuments(offset: number, limit: number): Promise<Page<DocumentSummary>> {
    return { items: this.docs.slice(offset, offset + limit).map((d) => this.summary(d)), total: this.docs.length, offset, limit };
  }

  async getDocument(id: string): Promise<DocumentDetail> {
    const d = this.doc(id);
    const a = d.analysis;
    return {
      ...this.summary(d),
      url: a.document.url ?? null,
      text: a.document.text,
      commentThread: a.comments,
      entities: a.entities.map((e) => ({ id: e.id, globalId: d.globalOf.get(e.id) ?? e.id, name: e.name, type: e.type, mentions: e.mentions })),
      quotes: a.quotes,
      events: a.events,
    };
  }

  private entitySummary(g: GlobalEntity): EntitySummary {
    return { id: g.id, name: g.name, type: g.type, aliases: [...g.aliases], documents: g.docs.size, mentions: g.mentions };
  }

  async listEntities(offset: number, limit: number, filter?: string): Promise<Page<EntitySummary>> {
    const f = filter?.toLowerCase();
    const all = [...this.entities.values()]
      .filter((g) => !f || g.name.toLowerCase().includes(f) || [...g.aliases].some((a) => a.toLowerCase().includes(f)))
      .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
    return page(all.map((g) => this.entitySummary(g)), offset, limit);
  }

  private textOf(a: Analysis, container: string): string {
    if (container === 'document') return a.document.text;
    return a.comments.find((c) => c.id === container)?.text ?? '';
  }

  private quoteRef(d: StoredDoc, q: Quote): QuoteRef {
    return { documentId: d.id, title: d.analysis.document.title, quoteId: q.id, speaker: q.speaker.text, cue: q.cue, content: q.content };
  }

  async getEntity(id: string): Promise<EntityDetail> {
    const g = this.entities.get(id);
    if (!g) throw new NotFoundError(`entity ${id}`);
    const mentionList: EntityMention[] = [];
    const quotesBy: QuoteRef[] = [];
    const quotesAbout: QuoteRef[] = [];
    const neighbours = new Map<string, number>();
    for (const docId of g.docs) {
      const d = this.doc(docId);
      const local = d.analysis.entities.filter((e) => d.globalOf.get(e.id) === id);
      const localIds = new Set(local.map((e) => e.id));
      for (const e of local)
        for (const m of e.mentions) {
          const text = this.textOf(d.analysis, m.in);
          mentionList.push({
            documentId: d.id, title: d.analysis.document.title, in: m.in, start: m.start, end: m.end, text: m.text,
            before: text.slice(Math.max(0, m.start - 60), m.start), after: text.slice(m.end, m.end + 60),
          });
        }
      for (const q of d.analysis.quotes) {
        if (q.speaker.entityId && localIds.has(q.speaker.entityId)) quotesBy.push(this.quoteRef(d, q));
        else if (local.some((e) => e.mentions.some((m) => m.in === q.in && m.start >= q.start && m.end <= q.end))) quotesAbout.push(this.quoteRef(d, q));
      }
      for (const [a, b, w] of this.cooccurrences(d)) {
        if (a === id) neighbours.set(b, (neighbours.get(b) ?? 0) + w);
        else if (b === id) neighbours.set(a, (neighbours.get(a) ?? 0) + w);
      }
    }
    return {
      ...this.entitySummary(g),
      mentionList: mentionList.slice(0, 500),
      neighbours: [...neighbours]
        .map(([nid, weight]) => { const n = this.entities.get(nid)!; return { id: nid, name: n.name, type: n.type, weight }; })
        .sort((a, b) => b.weight - a.weight)
        .slice(0, 50),
      quotesBy: quotesBy.slice(0, 200),
      quotesAbout: quotesAbout.slice(0, 200),
    };
  }

  /** Global entity pairs whose mentions fall within one window of text (a sentence or two). */
  private cooccurrences(d: StoredDoc, window = 250): [string, string, number][] {
    const pts: { in: string; at: number; g: string }[] = [];
    for (const e of d.analysis.entities) {
      const g = d.globalOf.get(e.id);
      if (g) for (const m of e.mentions) pts.push({ in: m.in, at: m.start, g });
    }
    pts.sort((x, y) => (x.in < y.in ? -1 : x.in > y.in ? 1 : x.at - y.at));
    const pairs = new Map<string, number>();
    for (let i = 0; i < pts.length; i++)
      for (let j = i + 1; j < pts.length && pts[j].in === pts[i].in && pts[j].at - pts[i].at <= window; j++) {
        const [a, b] = [pts[i].g, pts[j].g].sort();
        if (a !== b) pairs.set(`${a} ${b}`, 1);
      }
    return [...pairs.keys()].map((k) => { const [a, b] = k.split(' '); return [a, b, 1]; });
  }

  private claims(): ClaimGroupView[] {
    if (this.claimsCache) return this.claimsCache;
    const groups: { words: Set<string>; view: ClaimGroupView }[] = [];
    for (const d of this.docs)
      for (const q of d.analysis.quotes) {
        const words = contentWords(q.content);
        const source = q.speaker.text;
        const via = q.via.map((v) => v.text);
        const member = { document: d.id, documentTitle: d.analysis.document.title, quoteId: q.id, sentence: null, source };
        const chain = { steps: [source, ...via, d.analysis.document.publisher ?? d.analysis.document.title ?? d.id] };
        const g = groups.find((x) => jaccard(x.words, words) >= 0.5);
        if (g) {
          g.view.members.push(member);
          g.view.chains.push(chain);
          if (!g.view.origins.includes(source)) g.view.origins.push(source);
        } else {
          groups.push({ words, view: { id: `k${groups.length + 1}`, text: q.content, members: [member], origins: [source], chains: [chain], credibility: null } });
        }
      }
    this.claimsCache = groups.map((g) => g.view);
    return this.claimsCache;
  }

  async listClaims(offset: number, limit: number): Promise<Page<ClaimGroupView>> {
    return page(this.claims(), offset, limit);
  }

  private sources(): SourceView[] {
    const all = new Map<string, SourceView>();
    const add = (name: string | null, kind: SourceView['kind']) => {
      if (!name) return;
      const id = `${kind}:${name.toLowerCase()}`;
      const s = all.get(id);
      if (s) s.items++;
      else {
        const grade = this.grades.get(id);
        all.set(id, { id, name, kind, reliability: grade?.reliability ?? null, reason: grade?.reason ?? null, items: 1 });
      }
    };
    for (const d of this.docs) {
      add(d.analysis.document.publisher, 'publisher');
      for (const q of d.analysis.quotes) {
        const speaker = q.speaker.entityId ? d.analysis.entities.find((e) => e.id === q.speaker.entityId)?.name ?? q.speaker.text : q.speaker.text;
        add(speaker, 'speaker');
        for (const v of q.via) add(v.text, 'outlet');
      }
    }
    return [...all.values()].sort((a, b) => b.items - a.items || a.name.localeCompare(b.name));
  }

  async listSources(offset: number, limit: number): Promise<Page<SourceView>> {
    return page(this.sources(), offset, limit);
  }

  async gradeSource(id: string, reliability: Reliability, reason: string | null): Promise<SourceView> {
    const s = this.sources().find((x) => x.id === id);
    if (!s) throw new NotFoundError(`source ${id}`);
    this.grades.set(id, { reliability, reason });
    return { ...s, reliability, reason };
  }

  async listHypotheses(): Promise<HypothesisView[]> {
    return [...this.hypotheses];
  }

  async addHypothesis(text: string): Promise<HypothesisView> {
    const h = { id: `h${this.hypotheses.length + 1}`, text };
    this.hypotheses.push(h);
    return h;
  }

  private evidenceItems(): MatrixItem[] {
    const grade = new Map(this.sources().filter((s) => s.reliability).map((s) => [s.name, s.reliability!]));
    return this.claims().map((c) => ({
      id: `claim:${c.id}`, kind: 'claim' as const, text: c.text, origins: c.origins,
      reliability: c.origins.map((o) => grade.get(o)).filter((r): r is Reliability => !!r).sort()[0] ?? null, credibility: null,
    }));
  }

  async ach(): Promise<AchMatrix> {
    const cells = [...this.ratings].map(([k, rating]) => {
      const [evidenceId, hypothesisId] = k.split('\u0000');
      return { evidenceId, hypothesisId, rating, weight: 1, proposed: false };
    });
    return scoreMatrix(this.question, [...this.hypotheses], this.evidenceItems(), cells);
  }

  async rate(evidenceId: string, hypothesisId: string, rating: Rating | null): Promise<void> {
    if (!this.hypotheses.some((h) => h.id === hypothesisId)) throw new NotFoundError(`hypothesis ${hypothesisId}`);
    if (!this.evidenceItems().some((e) => e.id === evidenceId)) throw new NotFoundError(`evidence ${evidenceId}`);
    if (rating) this.ratings.set(cellKey(evidenceId, hypothesisId), rating);
    else this.ratings.delete(cellKey(evidenceId, hypothesisId));
  }

  async timeline(from: string | null, to: string | null, limit: number): Promise<{ items: TimelineEvent[]; total: number }> {
    const all: TimelineEvent[] = [];
    for (const d of this.docs)
      for (const e of d.analysis.events) {
        if (!e.date || (from && e.date < from) || (to && e.date > to)) continue;
        const names = e.actors.map((a) => d.analysis.entities.find((x) => x.id === a)?.name ?? a);
        all.push({ id: `${d.id}:${e.id}`, documentId: d.id, title: d.analysis.document.title, date: e.date, cameo: e.cameo, text: e.text, actors: names });
      }
    all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return { items: all.slice(0, limit), total: all.length };
  }

  async network(limit: number): Promise<Network> {
    const top = [...this.entities.values()].sort((a, b) => b.mentions - a.mentions).slice(0, limit);
    const keep = new Set(top.map((g) => g.id));
    const edges = new Map<string, NetworkEdge>();
    const bump = (a: string, b: string, kind: NetworkEdge['kind']) => {
      if (a === b || !keep.has(a) || !keep.has(b)) return;
      const [s, t] = kind === 'cooccurrence' ? [a, b].sort() : [a, b];
      const k = `${kind} ${s} ${t}`;
      const e = edges.get(k);
      if (e) e.weight++;
      else edges.set(k, { source: s, target: t, kind, weight: 1 });
    };
    for (const d of this.docs) {
      for (const [a, b] of this.cooccurrences(d)) bump(a, b, 'cooccurrence');
      for (const q of d.analysis.quotes) {
        const sp = q.speaker.entityId ? d.globalOf.get(q.speaker.entityId) : undefined;
        if (!sp) continue;
        for (const e of d.analysis.entities)
          if (e.mentions.some((m) => m.in === q.in && m.start >= q.start && m.end <= q.end)) bump(sp, d.globalOf.get(e.id)!, 'quote');
      }
      for (const ev of d.analysis.events) {
        const actors = ev.actors.map((a) => d.globalOf.get(a)).filter((x): x is string => !!x);
        for (let i = 0; i + 1 < actors.length; i++) bump(actors[i], actors[i + 1], 'event');
      }
    }
    return { nodes: top.map((g) => ({ id: g.id, name: g.name, type: g.type, weight: g.mentions })), edges: [...edges.values()] };
  }

  async search(q: string, offset: number, limit: number): Promise<Page<SearchHit>> {
    const needle = q.toLowerCase();
    const hits: SearchHit[] = [];
    for (const d of this.docs) {
      const text = d.analysis.document.text;
      const at = text.toLowerCase().indexOf(needle);
      const inTitle = (d.analysis.document.title ?? '').toLowerCase().includes(needle);
      if (at >= 0 || inTitle) hits.push({ documentId: d.id, title: d.analysis.document.title, snippet: at >= 0 ? snippetAround(text, at, needle.length) : text.slice(0, 160) });
    }
    return page(hits, offset, limit);
  }

  async report(format: 'md' | 'html'): Promise<string> {
    if (format !== 'md' && format !== 'html') throw new UsageError(`report format "${format}" is not md or html`);
    return basicReport(await this.ach(), format);
  }

  async close(): Promise<void> {}
}
