// The curated data the entity steps read (src/nlp/lexicons/*.json), indexed once at load.
import gazetteerData from '../../lexicons/gazetteer.json' with { type: 'json' };
import rules from '../../lexicons/entity-rules.json' with { type: 'json' };
import type { EntityType } from '../../../types.js';
import { foldName, looseKey } from './normalize.js';

/** One gazetteer record: a real-world thing, its canonical name and its other names. */
export interface GazetteerEntry {
  name: string;
  type: EntityType;
  kind: string;
  aliases: string[];
  demonyms?: string[];
  /** For a leader: the country whose government "<leader> regime" means. */
  leads?: string;
}

export const ENTRIES: readonly GazetteerEntry[] = (gazetteerData as { entries: GazetteerEntry[] }).entries;

/** Names (canonical and aliases) by loose key. Exact-case forms are kept apart for acronyms. */
const byLoose = new Map<string, GazetteerEntry>();
const byExactCaps = new Map<string, GazetteerEntry>();
/** Demonym (folded) → country entry. */
const demonyms = new Map<string, GazetteerEntry>();
const byName = new Map<string, GazetteerEntry>();

const isCapsForm = (s: string) => /^[A-Z][A-Z.&'’]*$/.test(s.replace(/\s/g, '')) && s.replace(/[^A-Z]/g, '').length <= 6;

for (const e of ENTRIES) {
  byName.set(e.name, e);
  for (const form of [e.name, ...e.aliases]) {
    // Short all-capital forms (IS, UN, FT) only match in capitals: "is" and "un" are words.
    if (isCapsForm(form)) { byExactCaps.set(form.replace(/\s/g, ''), e); continue; }
    const k = looseKey(form);
    if (k && !byLoose.has(k)) byLoose.set(k, e);
  }
  for (const d of e.demonyms ?? []) demonyms.set(foldName(d), e);
}

/** The gazetteer entry a surface form names, if any. */
const lookupCache = new Map<string, GazetteerEntry | null>();
export function lookup(surface: string): GazetteerEntry | undefined {
  let e = lookupCache.get(surface);
  if (e === undefined) {
    const caps = surface.replace(/\s/g, '').replace(/[’']s$/, '');
    const lk = isCapsForm(caps) ? '' : looseKey(surface);
    e = (isCapsForm(caps) ? byExactCaps.get(caps) ?? byExactCaps.get(caps.replace(/\./g, '')) : lk ? byLoose.get(lk) : undefined) ?? null;
    if (lookupCache.size > 50000) lookupCache.clear();
    lookupCache.set(surface, e);
  }
  return e ?? undefined;
}

export function entryByName(name: string): GazetteerEntry | undefined {
  return byName.get(name);
}

/** The country a demonym ("Syrian", "Iraqi") or its plural ("Syrians") belongs to. */
export function demonymCountry(word: string): GazetteerEntry | undefined {
  return demonyms.get(foldName(word));
}

export function pluralDemonymCountry(word: string): GazetteerEntry | undefined {
  const f = foldName(word);
  if (!f.endsWith('s')) return undefined;
  return demonyms.get(f.slice(0, -1)) ?? (f.endsWith('es') ? demonyms.get(f.slice(0, -2)) : undefined);
}

const wordSet = (xs: string[]) => new Set(xs);
/** Titles as word sequences, longest first, for greedy matching at the start of a name. */
export const TITLES: readonly string[][] = [...new Set(rules.personTitles)].map((t) => t.split(/\s+/)).sort((a, b) => b.length - a.length);
/** Titles by their first word (hyphens removed), longest first. */
export const TITLES_BY_FIRST = new Map<string, string[][]>();
for (const t of TITLES) {
  const k = t[0].replace(/-/g, '');
  if (!TITLES_BY_FIRST.has(k)) TITLES_BY_FIRST.set(k, []);
  TITLES_BY_FIRST.get(k)!.push(t);
}
export const TITLE_WORDS = wordSet(rules.personTitles.flatMap((t) => t.split(/[\s\-]+/)));
export const TITLE_TAILS: readonly string[][] = rules.personTitleTails.map((t) => t.split(/\s+/)).sort((a, b) => b.length - a.length);
export const ORG_HEADS = wordSet(rules.orgHeads);
/** Last words of newspaper names ("Coastal Ledger"): an organisation only as the last of two or more words. */
export const NEWSPAPER_HEADS = wordSet(rules.newspaperHeads);
export const PLACE_HEADS = wordSet(rules.placeHeads);
export const PLACE_FIRST = wordSet(rules.placeFirstWords);
export const GROUP_NOUNS: readonly string[][] = rules.groupNouns.map((t) => t.split(/\s+/)).sort((a, b) => b.length - a.length);
export const GROUP_NOT_MERGED = wordSet(rules.groupNounsNotForMerging);
export const GOVERNMENT_NOUNS = wordSet(rules.governmentNouns);
export const MEDIA_NOUNS: readonly string[][] = rules.mediaNouns.map((t) => t.split(/\s+/)).sort((a, b) => b.length - a.length);
export const PERSON_VERBS = wordSet(rules.personVerbs);
export const PLACE_PREPS = wordSet(rules.placePrepositions);
export const NOT_NAMES = wordSet(rules.notNames);
/** Head words of event names ("Gulf War", "UK-France Summit"): not a person, organisation or place. */
export const EVENT_HEADS = wordSet(rules.eventHeads);
export const FIRST_NAMES = wordSet(rules.firstNames);
/** First words of named operations ("Operation Matador"): events, not actors. */
export const EVENT_FIRST = wordSet(rules.eventFirstWords);
/** Lower-case nouns that make a demonym a place: "Syrian territory", "Lebanese airspace". */
export const DEMONYM_PLACE_NOUNS: readonly string[][] = rules.demonymPlaceNouns.map((t) => [t]);
