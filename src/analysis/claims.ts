// Claim grouping across documents (pure). Quotes and the author's own sentences are cut into
// clause-sized statements; two statements state the same thing when their content words (stemmed,
// near-synonyms folded) and names overlap enough, their dates and places agree, their polarity is
// the same and who-did-what is not reversed ("Assad let ISIS take Palmyra" ≠ "ISIS left Palmyra for
// Assad"). Each group lists its distinct origins so one source repeated by many outlets counts once.
import { createHash } from 'node:crypto';
import type { ClaimDocument, ClaimGroup, ClaimMember, ClaimOrigin, ClaimQuote } from '../store/claims.js';
import { normAlias } from './entity-merge.js';
import lexicon from './lexicons/claim-words.json' with { type: 'json' };

const STOP = new Set(lexicon.stopwords);
const NEGATION = new Set(lexicon.negations);
const IRREGULAR = new Map(Object.entries(lexicon.irregular as Record<string, string>));
const CONCEPT = new Map<string, string>();
for (const [concept, words] of Object.entries(lexicon.concepts as Record<string, string[]>))
  for (const w of words) CONCEPT.set(stem(w), concept);
/** Concepts that are something done (the predicate whose subject we compare), not a kind of actor. */
const ACTOR_CONCEPTS = new Set(['FORCE', 'GOVERNMENT']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const PRONOUN_SPEAKER = /^(he|she|they|it|we|i|you|him|her|them)$/i;

export interface ClaimOptions {
  /** Minimum weighted overlap (shared weight / the smaller statement's weight). */
  minOverlap: number;
  /** Minimum weighted cosine, so one long statement cannot absorb every short one. */
  minCosine: number;
  /** Groups need members from at least this many documents. */
  minDocuments: number;
}

export const DEFAULT_CLAIM_OPTIONS: ClaimOptions = { minOverlap: 0.45, minCosine: 0.15, minDocuments: 2 };

/** A crude, consistent suffix stripper: equal stems matter here, not linguistic ones. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/[’']s$/, '').replace(/[’']/g, '');
  const irregular = IRREGULAR.get(w);
  if (irregular) return irregular;
  if (w.length > 5 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && /(ss|us|is)$/.test(w)) return w;
  else if (w.length > 3 && w.endsWith('s')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** A statement: one clause of a quote or of the author's own text. */
interface Statement {
  doc: ClaimDocument;
  quote: ClaimQuote | null;
  start: number;
  end: number;
  text: string;
  features: Set<string>;
  subject: string | null;
  /** Names after the first predicate: its objects and complements. */
  objects: Set<string>;
  years: Set<string>;
  places: Set<number>;
  negated: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

const SENTENCE_CUT = /(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[\p{Lu}\p{N}])|\n\s*|\s[–—]\s|;\s/gu;
/** As SENTENCE_CUT, and also "while", "whereas" and ", but", which join two statements that are true or
 * false apart: "aircraft bombed rebel positions while leaving ISIS untouched" says nothing of bombing
 * ISIS. "For a while", "all the while" and "killed while on patrol" (a time, not a second statement) stay whole. */
const CLAUSE_CUT = new RegExp(`${SENTENCE_CUT.source}|(?<!\\b(?:[Aa]|the|little|short|long|good|great|whole)),?\\s+(?:while|whereas)\\s+(?!(?:on|in|at|under|out|off|away|abroad|still|asleep|awake|there|here)\\b)|,\\s+but\\s+`, 'gu');

/** Clause spans of text[start, end): sentence ends, line breaks, dashes and semicolons cut; with
 * `within`, so do the joints of two statements (CLAUSE_CUT). */
export function clauses(text: string, start: number, end: number, within = true): [number, number][] {
  const out: [number, number][] = [];
  const cut = within ? CLAUSE_CUT : SENTENCE_CUT; // (shared: each call reads it from `start` to the end)
  cut.lastIndex = start;
  let from = start;
  const slice = text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = cut.exec(slice)) !== null) {
    if (m.index >= end) break;
    out.push([from, m.index]);
    from = m.index + m[0].length;
  }
  out.push([from, end]);
  return out
    .map(([s, e]) => {
      const to = e;
      while (s < e && /[\s"“”‘’'(]/.test(text[s])) s++;
      while (e > s && /[\s"“”‘’')]/.test(text[e - 1])) e--;
      // a quotation opened inside the clause keeps its closing mark: called the accusations "fabrications"
      let close = e;
      while (close < to && /\s/.test(text[close])) close++;
      if (close < to && (text[close] === '"' || text[close] === '”') && opensQuotation(text.slice(s, e))) e = close + 1;
      return [s, e] as [number, number];
    })
    .filter(([s, e]) => e > s);
}

/** Whether `t` leaves a quotation open: an odd number of straight marks, or more “ than ”. */
function opensQuotation(t: string): boolean {
  let straight = 0, open = 0, closed = 0;
  for (const c of t) {
    if (c === '"') straight++;
    else if (c === '“') open++;
    else if (c === '”') closed++;
  }
  return straight % 2 === 1 || open > closed;
}

function nameAt(doc: ClaimDocument, at: number, end: number): { key: string; place: number | null } | null {
  const m = doc.mentions.find((x) => x.start <= at && end <= x.end);
  if (!m) return null;
  return { key: `g${m.globalId}`, place: m.type === 'PLACE' ? m.globalId : null };
}

/** Text before a word that opens its sentence or clause. */
const OPENING = /^[\s"“‘'(]*$|[.!?:]["”’]?\s+$/u;
/** Words (lower case) that the documents capitalise somewhere other than at a sentence's opening. */
function capitalisedWithin(docs: ClaimDocument[]): Set<string> {
  const set = new Set<string>();
  for (const doc of docs) {
    for (const m of doc.text.matchAll(WORD)) {
      if (!/^\p{Lu}/u.test(m[0])) continue;
      const before = doc.text.slice(Math.max(0, m.index! - 4), m.index!);
      if (m.index! > 0 && !/[.!?:\n]["”’]?\s*$|^\s*$|["“‘(]\s*$/u.test(before)) set.add(m[0].toLowerCase().replace(/[’']s$/, ''));
    }
  }
  return set;
}

function statement(doc: ClaimDocument, quote: ClaimQuote | null, start: number, end: number, context: string, names: Set<string>): Statement | null {
  const text = doc.text.slice(start, end);
  const features = new Set<string>();
  const years = new Set<string>();
  const places = new Set<number>();
  const objects = new Set<string>();
  let subject: string | null = null;
  let lastName: string | null = null;
  let predicateSeen = false;
  let negated = false;
  let words = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const at = start + m.index!;
    const lower = raw.toLowerCase().replace(/[’']s$/, '');
    if (/^(1[89]|20)\d\d$/.test(raw)) {
      years.add(raw);
      features.add(raw);
      continue;
    }
    if (NEGATION.has(lower) || /n[’']t$/.test(lower)) {
      negated = true;
      continue;
    }
    if (STOP.has(lower) || MONTHS.has(lower) || /^\d/.test(raw)) continue;
    // "to-ing and fro-ing": hyphenated fragments carry no claim
    if (/^\p{Ll}+-/u.test(raw) && raw.split('-').some((p) => p.length < 3 || p === 'ing')) continue;
    words++;
    const entity = nameAt(doc, at, at + raw.length);
    const s = stem(raw);
    const concept = CONCEPT.get(s);
    let name: string | null = null;
    if (entity) {
      name = entity.key;
      if (entity.place !== null) places.add(entity.place);
    } else if (/^\p{Lu}/u.test(raw) && !concept && (!OPENING.test(text.slice(0, m.index)) || names.has(lower))) {
      // a capitalised word that is no entity's is a name, unless it only opens sentences ("People know …",
      // "Officials said"): "Voss handed the depot to Ketter" names Voss, whom a document names mid-sentence
      name = `n:${normAlias(raw)}`;
    }
    if (name) {
      features.add(name);
      if (predicateSeen) objects.add(name);
      else lastName = name;
      continue;
    }
    const feature = concept ?? s;
    features.add(feature);
    if (concept && !ACTOR_CONCEPTS.has(concept) && !predicateSeen) {
      predicateSeen = true;
      subject = lastName;
    }
  }
  if (words < 3) return null;
  for (const y of context.match(/\b(1[89]|20)\d\d\b/g) ?? []) years.add(y);
  return { doc, quote, start, end, text, features, subject, objects, years, places, negated };
}

/** The statements of one document: quote clauses, and author sentences not mostly inside a quote. */
function statements(doc: ClaimDocument, names: Set<string>): Statement[] {
  const out: Statement[] = [];
  const sentences = clauses(doc.text, 0, doc.text.length, false);
  const sentenceAround = (at: number) => {
    const s = sentences.find(([a, b]) => a <= at && at < b);
    return s ? doc.text.slice(s[0], s[1]) : '';
  };
  for (const q of doc.quotes) {
    if (q.in !== 'document' || deniedCue(doc.text, q)) continue;
    const denial = deniesContent(doc.text, q);
    for (const [s, e] of clauses(doc.text, q.start, q.end)) {
      const st = statement(doc, q, s, e, sentenceAround(s), names);
      if (st && denial) st.negated = !st.negated;
      if (st) out.push(st);
    }
  }
  for (const [s, e] of sentences) {
    const quoted = doc.quotes.reduce((n, q) => n + Math.max(0, Math.min(e, q.end) - Math.max(s, q.start)), 0);
    if (quoted * 2 > e - s) continue;
    for (const [cs, ce] of clauses(doc.text, s, e)) {
      const st = statement(doc, null, cs, ce, '', names);
      if (st) out.push(st);
    }
  }
  return out;
}

/** "The monitor could not confirm how many were killed", "she has never said that …", "would neither
 * confirm nor deny": a report whose cue is negated asserts nothing of its content, so it is no statement
 * of the speaker's. Between the negation and the cue only adverbs may stand ("could not yet
 * independently confirm"); "residents who could not leave said" is a report. */
const NEGATED_CUE = /(\bnot|n[’']t|\bnever|\bno longer|\bneither|\bcannot|\bunable to|\bfailed to|\brefused to|\bdeclined to|\byet to)\s+((?!only\b)(\p{L}+ly|yet|even|ever)\s+){0,2}$/iu;
function deniedCue(text: string, q: ClaimQuote): boolean {
  return q.cueStart != null && q.cueStart >= 0 && NEGATED_CUE.test(text.slice(Math.max(0, q.cueStart - 40), q.cueStart));
}

/** "The ministry denied that the army withdrew": the speaker states the opposite of the content. */
const DENIAL_CUE = /^(den(y|ies|ied|ying)|reject(s|ed|ing)?|dismiss(es|ed|ing)?|refut(e|es|ed|ing)|rebut(s|ted|ting)?)\b/i;
const deniesContent = (text: string, q: ClaimQuote) => q.cueStart != null && q.cueStart >= 0 && DENIAL_CUE.test(text.slice(q.cueStart, q.cueStart + 12));

function originOf(st: Statement): { key: string; origin: Omit<ClaimOrigin, 'members'> } {
  const q = st.quote;
  if (q) {
    if (q.speakerId !== null) return { key: `g${q.speakerId}`, origin: { name: q.speaker, kind: 'speaker' } };
    if (q.speaker && !PRONOUN_SPEAKER.test(q.speaker.trim())) return { key: `s:${normAlias(q.speaker)}`, origin: { name: q.speaker, kind: 'speaker' } };
    if (q.via.length) return { key: `s:${normAlias(q.via[0])}`, origin: { name: q.via[0], kind: 'outlet' } };
  }
  const outlet = st.doc.publisher ?? st.doc.author;
  if (outlet) return { key: `s:${normAlias(outlet)}`, origin: { name: outlet, kind: 'outlet' } };
  return { key: `d:${st.doc.source}`, origin: { name: st.doc.title ?? st.doc.source, kind: 'document' } };
}

interface Weights {
  idf: Map<string, number>;
}

function weightOf(w: Weights, f: string): number {
  return w.idf.get(f) ?? 1;
}

function total(w: Weights, fs: Set<string>): number {
  let t = 0;
  for (const f of fs) t += weightOf(w, f);
  return t;
}

/** Whether a and b state the same thing, and how strongly (0 when not). */
export function sameClaim(a: Statement, b: Statement, w: Weights, o: ClaimOptions): number {
  if (a.negated !== b.negated) return 0;
  if (a.years.size && b.years.size && ![...a.years].some((y) => b.years.has(y))) return 0;
  if (a.places.size && b.places.size && ![...a.places].some((p) => b.places.has(p))) return 0;
  // who-did-what reversed: one's doer is the other's object
  if (a.subject && b.subject && a.subject !== b.subject && (b.objects.has(a.subject) || a.objects.has(b.subject))) return 0;
  let shared = 0;
  let sharedCount = 0;
  let sharedContent = 0;
  for (const f of a.features) {
    if (!b.features.has(f)) continue;
    shared += weightOf(w, f);
    sharedCount++;
    if (!/^g\d+$/.test(f) && !f.startsWith('n:') && !/^\d/.test(f)) sharedContent++; // not an entity, a name or a number
  }
  // the same claim names the same someone, somewhere or some year, or shares three content words:
  // "the shells were falling all night" and "tanker crossings fell by half after coalition strikes"
  // share only a verb and the idea of an attack
  if (sharedCount < 2 || sharedContent < 1 || (sharedCount - sharedContent < 1 && sharedContent < 3)) return 0;
  const wa = total(w, a.features), wb = total(w, b.features);
  const overlap = shared / Math.min(wa, wb);
  const cosine = shared / Math.sqrt(wa * wb);
  return overlap >= o.minOverlap && cosine >= o.minCosine ? overlap : 0;
}

/** Members a side compared when two groups would join (groupClaims). */
const LINK_SAMPLE = 8;

function groupId(first: Statement): string {
  return 'cg-' + createHash('sha1').update(`${first.doc.source}#${first.start}-${first.end}`).digest('hex').slice(0, 12);
}

/** Group the statements of the documents; groups span at least minDocuments documents.
 *
 * Statements that say exactly the same (a syndicated copy, a repeated line) are one "saying"; sayings are
 * compared in pairs (sameClaim) and merged, the closest pairs first, by average linkage: two groups join
 * only when at least half of the pairs across them (up to LINK_SAMPLE members a side) state the same
 * thing. Joining on any one pair (single linkage) chained a dossier whose documents all name the same
 * actors into one group: "Clinton won the debate" — "the debate on Monday" — "Trump said on Monday" … */
export function groupClaims(docs: ClaimDocument[], options: Partial<ClaimOptions> = {}): ClaimGroup[] {
  const o = { ...DEFAULT_CLAIM_OPTIONS, ...options };
  const names = capitalisedWithin(docs);
  const all = docs.flatMap((d) => statements(d, names));
  const df = new Map<string, number>();
  for (const st of all) for (const f of st.features) df.set(f, (df.get(f) ?? 0) + 1);
  const n = all.length;
  const w: Weights = { idf: new Map([...df].map(([f, d]) => [f, Math.log(1 + n / d)])) };

  // sameClaim reads only what a statement says (features, negation, years, places, subject, objects)
  const sayingOf = new Map<string, number>();
  const first: number[] = []; // a statement of each saying
  const saying = all.map((st, i) => {
    const key = [st.negated ? 1 : 0, [...st.features].sort().join('\u0001'), [...st.years].sort().join(','), [...st.places].sort().join(','),
      st.subject ?? '', [...st.objects].sort().join('\u0001')].join('\u0002');
    let k = sayingOf.get(key);
    if (k === undefined) {
      sayingOf.set(key, (k = first.length));
      first.push(i);
    }
    return k;
  });
  const m = first.length;
  const rep = first.map((i) => all[i]);
  // the one quote a saying is said in, when it is said nowhere else: clauses of one quote are not each other's corroboration
  const onlyIn: (ClaimQuote | null | undefined)[] = new Array(m).fill(undefined);
  all.forEach((st, i) => {
    const k = saying[i];
    const q = st.quote;
    onlyIn[k] = onlyIn[k] === undefined ? q : onlyIn[k] === q ? q : null;
  });
  const sameQuote = (a: number, b: number) => onlyIn[a] != null && onlyIn[a] === onlyIn[b];

  // candidate pairs of sayings share at least one uncommon feature (an inverted index keeps this near-linear)
  // (counted in sayings: forty copies of one line leave its words uncommon)
  const maxPosting = Math.max(30, Math.ceil(m * 0.02));
  const sayingDf = new Map<string, number>();
  for (const st of rep) for (const f of st.features) sayingDf.set(f, (sayingDf.get(f) ?? 0) + 1);
  const postings = new Map<string, number[]>();
  rep.forEach((st, k) => {
    for (const f of st.features) {
      if ((sayingDf.get(f) ?? 0) > maxPosting) continue;
      const list = postings.get(f) ?? [];
      list.push(k);
      postings.set(f, list);
    }
  });
  const postingsOf: number[][][] = rep.map(() => []);
  for (const list of postings.values()) for (const k of list) postingsOf[k].push(list);
  const pairA: number[] = [], pairB: number[] = [], pairScore: number[] = [];
  const seen = new Int32Array(m).fill(-1);
  for (let a = 0; a < m; a++) {
    for (const list of postingsOf[a]) {
      for (const b of list) {
        if (b <= a || seen[b] === a) continue;
        seen[b] = a;
        if (sameQuote(a, b)) continue;
        const sc = sameClaim(rep[a], rep[b], w, o);
        if (sc > 0) {
          pairA.push(a);
          pairB.push(b);
          pairScore.push(sc);
        }
      }
    }
  }
  const score = new Float64Array(m); // each saying's summed agreement, to pick a group's central statement
  const order = pairScore.map((_, p) => p).sort((x, y) => pairScore[y] - pairScore[x] || pairA[x] - pairA[y] || pairB[x] - pairB[y]);
  const parent = rep.map((_, k) => k);
  const members: number[][] = rep.map((_, k) => [k]);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k])));
  const agree = (a: number, b: number) => !sameQuote(a, b) && sameClaim(rep[a], rep[b], w, o) > 0;
  // two groups that would not join are not weighed again until one of them grows
  const refused = new Set<string>();
  for (const p of order) {
    const ra = find(pairA[p]), rb = find(pairB[p]);
    if (ra === rb) {
      score[pairA[p]] += pairScore[p];
      score[pairB[p]] += pairScore[p];
      continue;
    }
    const key = ra < rb ? `${ra}:${members[ra].length}:${rb}:${members[rb].length}` : `${rb}:${members[rb].length}:${ra}:${members[ra].length}`;
    if (refused.has(key)) continue;
    const ma = members[ra].slice(0, LINK_SAMPLE), mb = members[rb].slice(0, LINK_SAMPLE);
    let yes = 0;
    for (const a of ma) for (const b of mb) if (agree(a, b)) yes++;
    if (yes * 2 < ma.length * mb.length) {
      refused.add(key);
      continue;
    }
    score[pairA[p]] += pairScore[p];
    score[pairB[p]] += pairScore[p];
    // the larger group absorbs the smaller, whose members go after its own (the sample is a group's first members)
    const [big, small] = members[ra].length >= members[rb].length ? [ra, rb] : [rb, ra];
    parent[small] = big;
    for (const k of members[small]) members[big].push(k);
    members[small] = [];
  }
  // a saying said several times agrees fully with each of its copies
  const copies = new Int32Array(m);
  for (const k of saying) copies[k]++;
  const scoreOf = (i: number) => score[saying[i]] + (copies[saying[i]] - 1);

  const groups = new Map<number, Statement[]>();
  all.forEach((st, i) => {
    const r = find(saying[i]);
    const list = groups.get(r) ?? [];
    list.push(st);
    groups.set(r, list);
  });
  const index = new Map(all.map((st, i) => [st, i]));
  const out: ClaimGroup[] = [];
  for (const list of groups.values()) {
    if (new Set(list.map((s) => s.doc.documentId)).size < o.minDocuments) continue;
    list.sort((a, b) => a.doc.documentId - b.doc.documentId || a.start - b.start);
    const origins = new Map<string, ClaimOrigin>();
    const members: ClaimMember[] = list.map((st) => {
      const { key, origin } = originOf(st);
      const known = origins.get(key);
      if (known) known.members++;
      else origins.set(key, { ...origin, members: 1 });
      return {
        documentId: st.doc.documentId, source: st.doc.source, quoteId: st.quote?.id ?? null,
        sentence: st.quote ? null : st.text, start: st.start, end: st.end, origin: origin.name, originKind: origin.kind, text: st.text,
      };
    });
    const central = [...list].sort((a, b) => scoreOf(index.get(b)!) - scoreOf(index.get(a)!) || a.text.length - b.text.length)[0];
    out.push({ id: groupId(list[0]), text: central.text, members, origins: [...origins.values()] });
  }
  return out.sort((a, b) => b.origins.length - a.origins.length || b.members.length - a.members.length || a.id.localeCompare(b.id));
}

/** @internal for tuning: the statements matching each pattern, and their pairwise scores. */
export function debugPairs(docs: ClaimDocument[], patterns: RegExp[]) {
  const names = capitalisedWithin(docs);
  const all = docs.flatMap((d) => statements(d, names));
  const df = new Map<string, number>();
  for (const st of all) for (const f of st.features) df.set(f, (df.get(f) ?? 0) + 1);
  const w: Weights = { idf: new Map([...df].map(([f, d]) => [f, Math.log(1 + all.length / d)])) };
  const picked = patterns.map((p) => all.find((s) => p.test(s.text))!).filter(Boolean);
  const out: unknown[] = picked.map((s) => ({ text: s.text, features: [...s.features].map((f) => `${f}:${weightOf(w, f).toFixed(1)}`).join(' '), subject: s.subject, objects: [...s.objects], years: [...s.years], negated: s.negated }));
  for (let i = 0; i < picked.length; i++)
    for (let j = i + 1; j < picked.length; j++) {
      const a = picked[i], b = picked[j];
      let shared = 0;
      for (const f of a.features) if (b.features.has(f)) shared += weightOf(w, f);
      const wa = total(w, a.features), wb = total(w, b.features);
      out.push(`${i}-${j}: overlap ${(shared / Math.min(wa, wb)).toFixed(2)} cosine ${(shared / Math.sqrt(wa * wb)).toFixed(2)} same ${sameClaim(a, b, w, DEFAULT_CLAIM_OPTIONS).toFixed(2)}`);
    }
  return out;
}
