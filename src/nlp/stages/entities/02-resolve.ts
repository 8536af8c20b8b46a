// Step 2: group the mentions of one document into entities, one per real-world thing.
// Rules, in order: gazetteer identity (ISIS = ISIL = Daesh); an acronym in brackets after its
// expansion; acronym = initials of an organisation named earlier (SAA = Syrian Arab Army);
// for people, the same full name modulo transliteration, a surname or given name alone, or a
// bare title, each going to the most recent person it fits (so "Clinton" after "Hillary Clinton"
// is Hillary, and Bill stays apart); otherwise the same loose key and type.
import type { Entity, EntityType, Mention } from '../../../types.js';
import type { Candidate } from './01-mentions.js';
import { lookup, TITLES_BY_FIRST, type GazetteerEntry } from './lexicon.js';
import { entityKey, foldName, initials, looseKey, memoized, nameWords } from './normalize.js';

interface Cluster {
  type: EntityType;
  key: string;
  name: string;
  /** foldName(name), kept in step with it. */
  folded: string;
  /** How good `name` is: gazetteer names win, then longer person names. */
  nameRank: number;
  entry?: GazetteerEntry;
  /** Folded name words of a person, for surname/given-name references. */
  words: Set<string>;
  /** The longest folded word list seen for a person. */
  fullWords: string[];
  titles: Set<string>;
  mentions: Mention[];
  /** Lower-case pronouns and nominals that refer to this cluster without naming it. */
  references: Mention[];
  aliases: Set<string>;
  last: number;
  /** Sentence and container of the latest named (not pronoun) mention. */
  lastSentence: number;
  lastIn: string;
  /** Loose keys of the mentions attached; with `known` (the gazetteer record's, shared), the keys it answers to. */
  loose: Set<string>;
  known?: ReadonlySet<string>;
  acronym?: string;
}

const aliasOf = (text: string) => (text.charCodeAt(0) === 116 || text.charCodeAt(0) === 84 || /['’]s?$/.test(text)
  ? text.replace(/^(?:the|The)\s+/, '').replace(/['’]s?$/, '') : text);

/** Consonant skeleton of a word, for transliteration variants longer than a few letters. */
const skeletons = new Map<string, string>();
function skeleton(w: string): string {
  let s = skeletons.get(w);
  if (s === undefined) {
    s = w.replace(/[aeiouy]+/g, 'V');
    if (skeletons.size > 50000) skeletons.clear();
    skeletons.set(w, s);
  }
  return s;
}

function personWordMatch(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 4 && b.length >= 4 && a[0] === b[0] && skeleton(a) === skeleton(b);
}

/** Loose keys and acronym of a gazetteer record, worked out once: records recur in every document. */
const formsOf = new Map<GazetteerEntry, { loose: ReadonlySet<string>; acronym?: string }>();
function entryForms(e: GazetteerEntry): { loose: ReadonlySet<string>; acronym?: string } {
  let f = formsOf.get(e);
  if (!f) {
    const all = [e.name, ...e.aliases];
    f = { loose: new Set(all.map(looseKey)), acronym: all.find((a) => /^[A-Z]{2,6}$/.test(a)) };
    formsOf.set(e, f);
  }
  return f;
}

/** Is one of the names (of several words) abbreviated by these initials? */
function hasInitials(names: Set<string>, acronym: string): boolean {
  for (const a of names) if (a.includes(' ') && initialsOf(a) === acronym) return true;
  return false;
}
const initialsOf = memoized(initials);

/** The stable key of a gazetteer record, made once. */
const entryKeys = new Map<GazetteerEntry, string>();
function entryKey(e: GazetteerEntry): string {
  let k = entryKeys.get(e);
  if (k === undefined) entryKeys.set(e, k = entityKey(e.name, e.type));
  return k;
}
/** The gazetteer record of a country's government ("Syrian government"), if there is one; looked up once. */
const governments = new Map<GazetteerEntry, GazetteerEntry | null>();
function governmentEntry(country: GazetteerEntry): GazetteerEntry | undefined {
  let g = governments.get(country);
  if (g === undefined) governments.set(country, g = lookup(`${country.demonyms?.[0] ?? country.name} government`) ?? null);
  return g ?? undefined;
}

/** The words and titles of every cluster that is not a person's: never added to (only people's are). */
const NO_WORDS: Set<string> = new Set();

/** resolve(candidates, authors): authors maps a container ("document", "c1") to who wrote it, for "I". */
export function resolve(candidates: Candidate[], authors: ReadonlyMap<string, string | null> = new Map()): Entity[] {
  const clusters: Cluster[] = [];
  /** The PERSON clusters, in the same order (a cluster's type never changes). */
  const people: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const byCand = new Map<Candidate, Cluster>();
  // Only the names an acronym expands need their cluster remembered.
  const expanded = new Set<Candidate>();
  for (const m of candidates) if (m.expands) expanded.add(m.expands);

  const make = (type: EntityType, name: string, key: string, entry?: GazetteerEntry): Cluster => {
    const existing = byKey.get(key);
    if (existing) return existing;
    // Only a person's words and titles are ever filled or read: the others share one empty set.
    const person = type === 'PERSON';
    const c: Cluster = {
      type, key, name, folded: foldName(name), nameRank: entry ? 100 : 0, entry, words: person ? new Set() : NO_WORDS, fullWords: [], titles: person ? new Set() : NO_WORDS,
      mentions: [], references: [], aliases: new Set(), last: -1, lastSentence: -1, lastIn: '', loose: new Set(), known: undefined,
    };
    if (entry) {
      const known = entryForms(entry);
      // Shared, not copied: a record may have many aliases, and a cluster adds its own keys to `loose`.
      c.known = known.loose;
      if (type === 'PERSON') { c.fullWords = nameWords(entry.name); for (const w of c.fullWords) c.words.add(w); }
      c.acronym = known.acronym;
    }
    // A person known only by a byline still answers to the words of that name.
    if (type === 'PERSON' && !entry) { c.fullWords = nameWords(stripTitle(name)); for (const w of c.fullWords) c.words.add(w); }
    clusters.push(c);
    if (type === 'PERSON') people.push(c);
    byKey.set(key, c);
    return c;
  };

  const fromEntry = (e: GazetteerEntry) => make(e.type, e.name, entryKey(e), e);

  const recentPerson = (pred: (c: Cluster) => boolean): Cluster | undefined => {
    let best: Cluster | undefined;
    for (const c of people) if (pred(c) && (!best || c.last > best.last)) best = c;
    return best;
  };

  const attach = (c: Cluster, m: Candidate) => {
    // "he", "they", "the regime" refer without naming: kept apart from the name mentions. re3d
    // marks pronouns as mentions, and its named-mention scoring counts those that start with a
    // capital ("He said", "I"), so a pronoun opening a sentence stays a mention.
    const reference = (m.pronoun || m.headRef) && /^\p{Ll}/u.test(m.text);
    (reference ? c.references : c.mentions).push({ in: m.in, start: m.start, end: m.end, text: m.text });
    c.last = m.order;
    c.lastSentence = m.sentence;
    c.lastIn = m.in;
    if (expanded.size && expanded.has(m)) byCand.set(m, c);
    if (m.pronoun || m.headRef) return;
    // A bare title ("the Governor") names no one by itself: it is a mention, not an alias.
    if (m.title && !m.core) return;
    c.aliases.add(m.alias ?? aliasOf(m.text));
    // A titled name is also known without its title ("Fateh Hassoun" for "Colonel Fateh Hassoun").
    if (m.title && m.core) c.aliases.add(m.core);
    c.last = m.order;
    c.loose.add(looseKey(m.core || m.text));
    if (c.type === 'PERSON') {
      const ws = nameWords(m.core);
      for (const w of ws) c.words.add(w);
      if (ws.length > c.fullWords.length) c.fullWords = ws;
      if (m.title) c.titles.add(foldName(m.title));
      // The display name: the fullest form seen, with a short title ("Colonel Fateh Hassoun").
      const rank = ws.length * 10 + (m.title && m.title.split(/\s+/).length <= 2 ? 1 : 0);
      if (rank > c.nameRank && ws.length) {
        c.name = m.title && m.title.split(/\s+/).length <= 2 ? `${m.title} ${m.core}` : m.core;
        c.nameRank = rank;
        c.folded = foldName(c.name);
        c.key = entityKey(c.entry ? c.entry.name : m.core, 'PERSON');
      }
    }
  };

  for (const m of candidates) {
    let c: Cluster | undefined;
    const author = m.pronoun === 'person' && m.text === 'I' && !m.quoted ? usableAuthor(authors.get(m.in)) : null;
    if (author) {
      // "I" outside quotation marks is whoever wrote this text: the byline, or the commenter.
      const byName: Candidate = { ...m, pronoun: undefined, text: author, core: author, type: 'PERSON', fallback: 'PERSON' };
      c = resolvePerson(byName);
    } else if (m.pronoun) {
      // The latest person (he, she, I) or group (we, they) named in this text within four sentences (about a paragraph).
      let best: Cluster | undefined;
      for (const x of clusters) {
        if (x.lastIn !== m.in || m.sentence - x.lastSentence > 4) continue;
        if (m.pronoun === 'person' ? x.type !== 'PERSON' : x.type !== 'ORG') continue;
        if (!best || x.last > best.last) best = x;
      }
      c = best;
    } else if (m.expands && byCand.has(m.expands)) c = byCand.get(m.expands);
    else if (m.headRef) {
      const noun = m.headRef;
      const fits = noun === 'regime' || noun === 'government'
        ? (x: Cluster) => x.entry?.kind === 'gov' || x.key.endsWith(' government')
        // "the army": an organisation whose name ends in that noun, or of that kind ("the group": Islamic State).
        : (x: Cluster) => x.type === 'ORG' && !x.key.endsWith(' government') && (x.folded.endsWith(' ' + noun)
          || noun === 'group' && x.entry?.kind === 'group' || (noun === 'army' || noun === 'military') && x.entry?.kind === 'military');
      let best: Cluster | undefined;
      for (const x of clusters) if (fits(x) && (!best || x.last > best.last)) best = x;
      if (!best) continue; // a regime or army never named stays unresolved
      c = best;
    } else if (m.governmentOf) {
      const country = m.governmentOf;
      const demonym = country.demonyms?.[0] ?? country.name;
      const gov = governmentEntry(country);
      c = gov ? fromEntry(gov) : make('ORG', `${demonym} government`, entityKey(`${demonym} government`, 'ORG'));
    } else if (m.group) {
      const name = aliasOf(m.text);
      c = make('ORG', name, entityKey(name, 'ORG'));
    } else if (m.type === 'PERSON' || m.type === null || m.entry?.type === 'PERSON') {
      c = resolvePerson(m);
    } else if (m.entry) {
      c = fromEntry(m.entry);
    } else {
      c = resolveNamed(m, m.type);
    }
    if (c) attach(c, m);
  }

  function resolvePerson(m: Candidate): Cluster | undefined {
    const ws = nameWords(m.core);
    if (ws.length === 0) {
      // A bare title: the latest person who carried it, else the title itself stands for someone.
      const t = foldName(m.title ?? m.text);
      const holder = recentPerson((c) => c.titles.has(t));
      return holder ?? make('PERSON', aliasOf(m.text), entityKey(stripTitle(aliasOf(m.text)), 'PERSON'));
    }
    if (ws.length >= 2) {
      const same = recentPerson((c) => c.fullWords.length >= ws.length && ws.every((w, k) => personWordMatch(w, c.fullWords[c.fullWords.length - ws.length + k]))
        || c.fullWords.length === ws.length && ws.every((w, k) => personWordMatch(w, c.fullWords[k])));
      if (same) return same;
      if (m.entry && m.entry.type === 'PERSON') return fromEntry(m.entry);
      if (m.type === 'PERSON' || m.type === null && m.fallback === 'PERSON') return make('PERSON', m.core, entityKey(m.core, 'PERSON'));
    }
    if (ws.length === 1) {
      // Surname as written first, then a known name (Assad → Bashar al-Assad, not Asaad Al Zoubi),
      // then surname or given name modulo transliteration; each to the most recent person it fits.
      const w = ws[0];
      const raw = foldName(m.core);
      const tail = ' ' + raw;
      const person = recentPerson((c) => c.fullWords.length > 1 && c.folded.endsWith(tail))
        ?? (m.entry?.type === 'PERSON' ? fromEntry(m.entry) : undefined)
        ?? recentPerson((c) => personWordMatch(c.fullWords[c.fullWords.length - 1] ?? '', w))
        ?? recentPerson((c) => { for (const x of c.words) if (personWordMatch(x, w)) return true; return false; });
      if (person) return person;
      if (m.entry) return fromEntry(m.entry);
      if (m.type === 'PERSON') return make('PERSON', m.title ? `${m.title} ${m.core}` : m.core, entityKey(m.core, 'PERSON'));
      // A lone unknown word with nothing marking it as a person ("Skype", "Hamlet") is left out.
      if (m.type === null && m.fallback === 'PERSON' && !m.personEvidence) return undefined;
    }
    if (m.entry) return fromEntry(m.entry);
    return resolveNamed(m, m.type ?? m.fallback);
  }

  function resolveNamed(m: Candidate, type: EntityType): Cluster {
    const lk = looseKey(m.core);
    const core = m.core;
    // An acronym of a name seen earlier: "SAA" after "Syrian Arab Army". A surname in capitals
    // ("PENCE:" in a transcript) is that person.
    if (/^[A-Z]{2,6}$/.test(core)) {
      const w = nameWords(core)[0] ?? '';
      const person = w.length > 2 ? recentPerson((c) => c.fullWords.length > 1 && c.fullWords[c.fullWords.length - 1] === w) : undefined;
      if (person) return person;
      for (let k = clusters.length - 1; k >= 0; k--) {
        const c = clusters[k];
        if (c.type !== 'PERSON' && (c.acronym === core || hasInitials(c.aliases, core))) return c;
      }
    }
    for (let k = clusters.length - 1; k >= 0; k--) {
      const c = clusters[k];
      if (c.type === type && (c.loose.has(lk) || !!c.known?.has(lk))) return c;
    }
    const name = m.alias ?? aliasOf(m.text); // "Idlib province", not "regime-held Idlib province"
    return make(type, stripTitle(name), entityKey(stripTitle(name), type));
  }

  const out: Entity[] = [];
  for (const c of clusters) {
    if (!c.mentions.length && !c.references.length) continue;
    const e: Entity = { id: '', key: c.key, name: c.name, type: c.type, aliases: [...c.aliases], mentions: c.mentions };
    if (c.references.length) e.references = c.references;
    out.push(e);
  }
  out.forEach((e, k) => (e.id = `e${k + 1}`));
  return out;
}

/** An author string that names a person: a few words with letters, no "staff"/"reporter" byline. */
function usableAuthor(a: string | null | undefined): string | null {
  if (!a) return null;
  const t = a.trim().replace(/^by\s+/i, '');
  if (!/\p{L}/u.test(t) || t.split(/\s+/).length > 4 || /\b(?:staff|reporter|correspondent|editor|desk|agency|admin)\b/i.test(t)) return null;
  return t;
}

/** Remove titles and ranks in front of a name: "Colonel Fateh Hassoun" → "Fateh Hassoun". */
export const stripTitle = memoized(stripTitleUncached);

function stripTitleUncached(name: string): string {
  let words = name.replace(/^(?:the|The)\s+/, '').split(/\s+/);
  for (;;) {
    const t = TITLES_BY_FIRST.get(words[0].replace(/-/g, ''))?.find((tt) => tt.length < words.length && tt.every((w, k) => words[k] === w || words[k] === w.replace(/-/g, '')));
    if (!t) break;
    words = words.slice(t.length);
  }
  return words.join(' ');
}

/** The cross-document key of any surface form: gazetteer aliases meet (ISIL, Daesh → "org:islamic state"). */
export function canonicalKey(surface: string, type: EntityType): string {
  const bare = stripTitle(surface.replace(/['’]s?$/, '').trim());
  const e = lookup(bare);
  if (e && e.type === type) return entityKey(e.name, type);
  return entityKey(bare, type);
}
