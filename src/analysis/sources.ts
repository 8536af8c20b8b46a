// Sources: every speaker, relaying outlet and document publisher. Names become keys so a grade given
// once applies wherever the source reappears; interested parties are flagged for the analyst.
import conflictData from './lexicons/conflict-parties.json' with { type: 'json' };
import type { DocumentRecord, DossierSnapshot, Reliability, SourceGrade, SourceKind } from './model.js';
import type { Quote } from '../types.js';
import { containerText } from './anchoring.js';
import { escapeRegExp, nameKey } from './text.js';

export interface SourceSummary {
  key: string;
  name: string;
  kinds: SourceKind[];
  named: boolean;
  documents: string[];
  quotes: number;
  reliability: Reliability;
  /** null when the reliability is the default F (nobody graded it). */
  reason: string | null;
}

const UNNAMED = /^(a|an|one|some|several|two|three|many|other|another|unnamed|anonymous|sources?|officials?|media|reports?|observers?|experts?|insiders?)\b/i;

const PRONOUN = /^(he|she|they|it|we|i|you|him|her|them|us|me|one)$/i;

/** The entity a quote's speaker is, when the words used name it (not merely mention it, as in "a government adviser"). */
function speakerEntity(doc: DocumentRecord, q: Quote) {
  const ent = q.speaker.entityId ? doc.entities.find((e) => e.id === q.speaker.entityId) : undefined;
  if (!ent || ent.type === 'PLACE') return undefined;
  const said = nameKey(q.speaker.text);
  if (ent.type === 'PERSON' || PRONOUN.test(q.speaker.text.trim())) return ent;
  // an organisation speaks when the words are its name, give or take one title word
  const forms = [ent.name, ...ent.aliases].map(nameKey);
  return forms.some((f) => said === f || (said.endsWith(' ' + f) && said.split(' ').length - f.split(' ').length <= 1)) ? ent : undefined;
}

/** The display name of a quote's speaker: its entity's canonical name when the words name it, else the words used. */
export function speakerName(doc: DocumentRecord, q: Quote): string {
  return speakerEntity(doc, q)?.name ?? commentAuthor(doc, q) ?? q.speaker.text.trim();
}

/** "I" or "we" in a reader comment is the comment's author. */
function commentAuthor(doc: DocumentRecord, q: Quote): string | null {
  if (q.in === 'document' || !/^(i|we)$/i.test(q.speaker.text.trim())) return null;
  return doc.comments.find((c) => c.id === q.in)?.author ?? null;
}

/** Is the speaker a named source (an entity, or a proper name), or only a description? */
export function speakerIsNamed(doc: DocumentRecord, q: Quote): boolean {
  if (speakerEntity(doc, q) || commentAuthor(doc, q)) return true;
  const t = q.speaker.text.trim();
  return t.length > 0 && /^\p{Lu}/u.test(t) && !UNNAMED.test(t) && !PRONOUN.test(t);
}

/** A speaker or outlet that is only an unresolved pronoun names nobody and is left out of sources. */
export function isUnresolvedPronoun(text: string, entityId: string | null): boolean {
  return !entityId && PRONOUN.test(text.trim());
}

export function outletName(doc: DocumentRecord, via: { text: string; entityId: string | null }): string {
  const ent = via.entityId ? doc.entities.find((e) => e.id === via.entityId) : undefined;
  return ent ? ent.name : displayName(doc, via.text);
}

/** A name as written, resolved to the document's entity of the same name when there is one ("the FT" → "Financial Times"). */
export function displayName(doc: DocumentRecord, text: string): string {
  const key = nameKey(text);
  const ent = doc.entities.find((e) => e.type !== 'PLACE' && (nameKey(e.name) === key || e.aliases.some((a) => nameKey(a) === key)));
  if (ent) return ent.name;
  return text.trim().replace(/^the\s+(?=\p{Lu})/u, '');
}

/** Who published a document: the publisher, else the byline, else the document itself. */
export function publisherName(doc: DocumentRecord): string {
  return doc.publisher || doc.author || doc.title || doc.id;
}

export const sourceKey = nameKey;

/** Every source in the dossier with its grade (F when ungraded), in first-seen order. */
export function listSources(snap: DossierSnapshot): SourceSummary[] {
  const byKey = new Map<string, SourceSummary>();
  const grades = new Map(snap.grades.map((g) => [g.key, g]));
  const add = (name: string, kind: SourceKind, named: boolean, docId: string, quote: boolean) => {
    const key = sourceKey(name);
    if (!key) return;
    let s = byKey.get(key);
    if (!s) {
      const g = grades.get(key);
      s = { key, name, kinds: [], named, documents: [], quotes: 0, reliability: g?.reliability ?? 'F', reason: g?.reason ?? null };
      byKey.set(key, s);
    }
    if (!s.kinds.includes(kind)) s.kinds.push(kind);
    if (!s.documents.includes(docId)) s.documents.push(docId);
    s.named ||= named;
    if (quote) s.quotes++;
  };
  for (const doc of snap.documents) {
    add(publisherName(doc), 'publisher', true, doc.id, false);
    for (const q of doc.quotes) {
      if (q.speaker.text.trim() && (!isUnresolvedPronoun(q.speaker.text, q.speaker.entityId) || commentAuthor(doc, q))) add(speakerName(doc, q), 'speaker', speakerIsNamed(doc, q), doc.id, true);
      for (const v of q.via) if (!isUnresolvedPronoun(v.text, v.entityId)) add(outletName(doc, v), 'outlet', true, doc.id, false);
    }
  }
  return [...byKey.values()];
}

export function reliabilityOf(grades: readonly SourceGrade[], name: string): Reliability {
  const key = sourceKey(name);
  return grades.find((g) => g.key === key)?.reliability ?? 'F';
}

// ── interested parties ────────────────────────────────────────────────────────────────────────────

export interface ConflictParty {
  id: string;
  name: string;
  aliases: string[];
  adversaries: string[];
}

export interface InterestedPartyFlag {
  sourceKey: string;
  sourceName: string;
  kind: 'speaker' | 'outlet';
  party: { id: string; name: string };
  /** The adversaries the source's own statements talk about. */
  about: { id: string; name: string }[];
  /** The words that tie the source to the party (its title, appositive or "of the …" phrase). */
  affiliation: string;
  documentId: string;
  quoteIds: string[];
  /** The analyst's decision: null until confirmed or rejected. */
  confirmed: boolean | null;
}

// All aliases in two scanning patterns (acronyms such as IS, SAA and FSA case-sensitively, so "is"
// and "saa" in running text do not match). Longer aliases come first, so at any position the longest
// name wins and the scan moves past it: "Syrian Army" inside "Free Syrian Army" is never seen.
interface PartyMatcher {
  patterns: { re: RegExp; caseSensitive: boolean }[];
  byAlias: Map<string, ConflictParty>;
}

export const CONFLICT_PARTIES: ConflictParty[] = conflictData.conflicts.flatMap((c) => c.parties);

const aliasKey = (s: string) => s.toLowerCase().replace(/[\s-]+/g, ' ');

function matchers(parties: readonly ConflictParty[]): PartyMatcher {
  const byAlias = new Map<string, ConflictParty>();
  const acronyms: string[] = [];
  const others: string[] = [];
  for (const party of parties) {
    for (const a of party.aliases) {
      byAlias.set(/^[A-Z.]{2,6}$/.test(a) ? a : aliasKey(a), party);
      (/^[A-Z.]{2,6}$/.test(a) ? acronyms : others).push(a);
    }
  }
  const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).map((a) => escapeRegExp(a).replace(/\\?[ -]/g, '[\\s-]+')).join('|');
  const patterns: PartyMatcher['patterns'] = [];
  if (others.length) patterns.push({ re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt(others)})(?![\\p{L}\\p{N}])`, 'giu'), caseSensitive: false });
  if (acronyms.length) patterns.push({ re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt(acronyms)})(?![\\p{L}\\p{N}])`, 'gu'), caseSensitive: true });
  return { patterns, byAlias };
}

const DEFAULT_MATCHERS = matchers(CONFLICT_PARTIES);

/** The conflict parties a piece of text names; a name inside a longer one ("Syrian Army" in "Free Syrian Army") does not count. */
export function partiesNamedIn(text: string, ms: PartyMatcher = DEFAULT_MATCHERS): ConflictParty[] {
  const hits: { party: ConflictParty; start: number; end: number }[] = [];
  for (const { re, caseSensitive } of ms.patterns) {
    re.lastIndex = 0;
    for (let x = re.exec(text); x; x = re.exec(text)) {
      const party = ms.byAlias.get(caseSensitive ? x[0] : aliasKey(x[0]));
      if (party) hits.push({ party, start: x.index, end: x.index + x[0].length });
    }
  }
  const kept = hits.length < 2 ? hits : hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
  const out: ConflictParty[] = [];
  for (const h of kept) if (!out.includes(h.party)) out.push(h.party);
  return out;
}

// An affiliation is read only from words that describe the source: an appositive or "of the …"
// phrase, or a copula ("X is a member of …"), never from what the source goes on to say.
// An appositive after a comma must look like one (", a member of …", ", Chief of …"), so a name used
// in address ("Nehad, if ISIL are …") is not read as a description.
const DESCRIBES = /^\s*(?:,\s*(?:a|an|the|who|one|former|senior|chief|head|commander|spokes\w*|leader|member|general|colonel|officer|official|minister|adviser|advisor|director|deputy)\b|\(|–|—|-\s|of\b|from\b|with\b|for\b|is\b|was\b|who\s+(?:is|was)\b|a\s+member\b)/i;

function sentenceEnd(text: string, from: number): number {
  const re = /[.!?](?=\s|$)|\n/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

function descriptionAround(text: string, start: number, end: number, stops: readonly number[]): string {
  // before: the words directly in front of the name, back to the last punctuation (a title like "FSA commander")
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 48);
  let before = text.slice(lineStart, start);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('.'), before.lastIndexOf('“'), before.lastIndexOf('”'), before.lastIndexOf('"'));
  if (cut >= 0) before = before.slice(cut + 1);
  // only the words that modify the name: stop at a verb or preposition ("an adviser told the Times")
  const verbOrPreposition = /\b(?:told|tells|said|says|to|by|according|quoted|quoting|in|on|at|as|that|and|with|for|from|reported|cited|citing|wrote|than|about|against)\b/gi;
  let lastStop = -1;
  for (let x = verbOrPreposition.exec(before); x; x = verbOrPreposition.exec(before)) lastStop = x.index + x[0].length;
  if (lastStop >= 0) before = before.slice(lastStop);
  let stop = sentenceEnd(text, end);
  for (const s of stops) if (s >= end && s < stop) stop = s;
  const after = text.slice(end, stop);
  return (before + text.slice(start, end) + (DESCRIBES.test(after) ? after : '')).replace(/\s+/g, ' ').trim();
}

// Where a description must stop in a container: the start of any quote or cue. Cached per document
// because every quote of a document asks for the same list.
const STOPS = new WeakMap<DocumentRecord, Map<string, number[]>>();
function quoteStops(doc: DocumentRecord, container: string): number[] {
  let byContainer = STOPS.get(doc);
  if (!byContainer) STOPS.set(doc, (byContainer = new Map()));
  let stops = byContainer.get(container);
  if (!stops) {
    stops = [];
    for (const o of doc.quotes) {
      if (o.in !== container) continue;
      stops.push(o.start);
      if (o.cueSpan) stops.push(o.cueSpan.start);
    }
    byContainer.set(container, stops);
  }
  return stops;
}

/** The phrases that describe a quote's speaker: its own words and the appositives around each mention. */
export function speakerDescriptions(doc: DocumentRecord, q: Quote): string[] {
  const out = new Set<string>([q.speaker.text]);
  const text = containerText(doc, q.in);
  const stops = quoteStops(doc, q.in);
  const ent = speakerEntity(doc, q);
  if (ent) {
    for (const m of ent.mentions) {
      // a pronoun, or a mention inside someone's quoted words, is not where a source is described
      if (PRONOUN.test(m.text.trim()) || doc.quotes.some((o) => o.in === m.in && o.start <= m.start && m.end <= o.end)) continue;
      const t = containerText(doc, m.in);
      const st = m.in === q.in ? stops : quoteStops(doc, m.in);
      out.add(descriptionAround(t, m.start, m.end, st));
    }
  }
  if (q.speaker.start !== undefined && q.speaker.end !== undefined && q.speaker.end <= text.length) {
    out.add(descriptionAround(text, q.speaker.start, q.speaker.end, stops));
  }
  return [...out].filter(Boolean);
}

/**
 * Flag sources that are a party to the conflict and speak about one of their adversaries (an
 * opposition officer on the regime, a regime general on ISIS). A flag is a note for the analyst to
 * confirm or reject, not a verdict; decisions already taken are carried on the flag.
 */
export function flagInterestedParties(snap: DossierSnapshot, parties: readonly ConflictParty[] = CONFLICT_PARTIES): InterestedPartyFlag[] {
  const ms = parties === CONFLICT_PARTIES ? DEFAULT_MATCHERS : matchers(parties);
  const byId = new Map(parties.map((p) => [p.id, p]));
  const decisions = new Map((snap.interestedDecisions ?? []).map((d) => [d.sourceKey, d.confirmed]));
  const flags = new Map<string, InterestedPartyFlag>();
  const consider = (doc: DocumentRecord, q: Quote, name: string, kind: 'speaker' | 'outlet', descriptions: string[]) => {
    const said = partiesNamedIn(q.content, ms);
    if (!said.length) return;
    for (const d of descriptions) {
      for (const party of partiesNamedIn(d, ms)) {
        const about = said.filter((s) => party.adversaries.includes(s.id));
        if (!about.length) continue;
        const key = sourceKey(name);
        const id = `${key}|${party.id}`;
        let f = flags.get(id);
        if (!f) {
          f = {
            sourceKey: key, sourceName: name, kind, party: { id: party.id, name: party.name }, about: [], affiliation: d,
            documentId: doc.id, quoteIds: [], confirmed: decisions.get(key) ?? null,
          };
          flags.set(id, f);
        }
        for (const a of about) if (!f.about.some((x) => x.id === a.id)) f.about.push({ id: a.id, name: byId.get(a.id)?.name ?? a.name });
        const qid = `${doc.id}:${q.id}`;
        if (!f.quoteIds.includes(qid)) f.quoteIds.push(qid);
      }
    }
  };
  for (const doc of snap.documents) {
    for (const q of doc.quotes) {
      if (q.speaker.text.trim() && (!isUnresolvedPronoun(q.speaker.text, q.speaker.entityId) || commentAuthor(doc, q))) {
        consider(doc, q, speakerName(doc, q), 'speaker', speakerDescriptions(doc, q));
      }
      const text = containerText(doc, q.in);
      for (const v of q.via) {
        if (isUnresolvedPronoun(v.text, v.entityId)) continue;
        const descs = [v.text];
        const at = text.lastIndexOf(v.text, q.start > 0 ? Math.max(q.start, 0) + 200 : text.length);
        if (at >= 0) descs.push(descriptionAround(text, at, at + v.text.length, [q.start]));
        consider(doc, q, outletName(doc, v), 'outlet', descs);
      }
    }
  }
  return [...flags.values()];
}
