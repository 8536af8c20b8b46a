// Events, step 2: a section's tokens as lower-cased words, with the entity mentions and the
// resolved pronouns laid over them as refs, so later steps look things up by token index.
import type { Section, Token } from '../../context.js';
import type { Entity, EntityType } from '../../../types.js';

/** An entity mention or a resolved pronoun, as a token range with the entities it stands for. */
export interface Ref {
  tokenStart: number;
  tokenEnd: number;
  ids: string[];
  type: EntityType;
  pronoun: boolean;
}

/** A section's tokens with their lower-cased text and lemma, computed once per section. */
export interface Words {
  tokens: Token[];
  low: string[];
  lem: string[];
  /** Per token: index of the actor / place ref covering it, or -1. */
  actorAt: number[];
  placeAt: number[];
  actorRefs: Ref[];
  placeRefs: Ref[];
}

const ACTOR_TYPES = new Set<EntityType>(['PERSON', 'ORG']);
const PLURAL_PRONOUNS = new Set(['they', 'them']);
const SINGULAR_PERSON = new Set(['he', 'him', 'she']);
const RELATIVE = new Set(['who']);
const SIDES = new Set(['side', 'party', 'camp']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their']);
const FORCES = new Set(['force', 'troop', 'army', 'fighter', 'soldier', 'militia', 'men', 'man', 'unit', 'jet', 'aircraft', 'artillery']);
const PARTNER = new Set(['with', 'against', 'between']);
/** Every word that can open a pronoun or description below: other tokens are skipped with one lookup. */
const REFERRING = new Set([...PLURAL_PRONOUNS, ...SINGULAR_PERSON, ...RELATIVE, ...POSSESSIVE_PRONOUNS, 'both', 'two', 'the']);

function coverage(n: number, refs: Ref[]): number[] {
  // a plain array: typed arrays are allocated off the heap, which costs more than they save here
  const at: number[] = [];
  for (let i = 0; i < n; i++) at.push(-1);
  for (let k = 0; k < refs.length; k++) {
    const r = refs[k];
    for (let i = r.tokenStart; i < r.tokenEnd; i++) if (at[i] < 0) at[i] = k;
  }
  return at;
}

/** Index of the first token ending after `offset` (tokens are in text order). */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0, hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Entity mentions of one section as token ranges, in text order. */
function mentionRefs(section: Section, entities: Entity[]): Ref[] {
  const refs: Ref[] = [];
  const tokens = section.tokens;
  for (const e of entities) {
    let ids: string[] | null = null; // one list per entity, shared by its refs (read, never changed)
    for (const m of e.mentions) {
      if (m.in !== section.in) continue;
      const a = tokenAt(tokens, m.start);
      let b = a;
      while (b < tokens.length && tokens[b].start < m.end) b++;
      if (b > a) refs.push({ tokenStart: a, tokenEnd: b, ids: ids ??= [e.id], type: e.type, pronoun: false });
    }
  }
  return sortRefs(refs);
}

/**
 * Refs by tokenStart, the longer first on a tie, stably, as Array.prototype.sort would: a
 * section's few dozen mentions come in nearly sorted (each entity's in text order), where an
 * insertion sort with the comparison inlined beats the builtin calling a comparator; long lists
 * use the builtin.
 */
function sortRefs(refs: Ref[]): Ref[] {
  if (refs.length > 64) return refs.sort((x, y) => x.tokenStart - y.tokenStart || y.tokenEnd - x.tokenEnd);
  for (let i = 1; i < refs.length; i++) {
    const x = refs[i];
    let j = i - 1;
    while (j >= 0 && (refs[j].tokenStart > x.tokenStart || (refs[j].tokenStart === x.tokenStart && refs[j].tokenEnd < x.tokenEnd))) { refs[j + 1] = refs[j]; j--; }
    refs[j + 1] = x;
  }
  return refs;
}

/** Are two refs coordinated ("the Front and the Brigade", "Assad, ISIS")? */
export function joined(w: Pick<Words, 'tokens' | 'low'>, a: Ref, b: Ref): boolean {
  let link = false; // "in the Daily Telegraph he praised": adjacency alone is no coordination
  for (let k = a.tokenEnd; k < b.tokenStart; k++) {
    if (w.low[k] === 'and' || w.low[k] === '&' || w.low[k] === ',') link = true;
    else if (w.tokens[k].pos !== 'DET') return false;
  }
  return link;
}

/**
 * Pronouns and definite descriptions resolved by recency: "they"/"both sides" → the latest two
 * actors when they were coordinated (else the latest organisation), "he" → the latest person,
 * "who" → the latest actor, "the regime" → the latest organisation whose name ends in "regime".
 */
function resolvePronouns(w: Pick<Words, 'tokens' | 'low' | 'lem'>, mentions: Ref[]): Ref[] {
  const { tokens, low, lem } = w;
  const out: Ref[] = [];
  const history: Ref[] = []; // actor mentions seen so far
  const lastOfType = new Map<EntityType, string>();
  const byHead = new Map<string, string>(); // last word of an ORG mention → entity id
  let next = 0;
  const recent = (n: number): string[] => {
    const ids: string[] = [];
    for (let k = history.length - 1; k >= 0 && ids.length < n; k--) if (!ids.includes(history[k].ids[0])) ids.push(history[k].ids[0]);
    return ids.reverse();
  };
  const coordinated = (): boolean => {
    if (history.length < 2) return false;
    const a = history[history.length - 2], b = history[history.length - 1];
    return a.ids[0] !== b.ids[0] && joined(w, a, b);
  };
  for (let i = 0; i < tokens.length; i++) {
    while (next < mentions.length && mentions[next].tokenStart <= i) {
      const m = mentions[next++];
      if (!ACTOR_TYPES.has(m.type)) continue;
      history.push(m);
      // A possessor ("Assad's deception") is seldom what a later "he" refers to.
      const after = m.tokenEnd < tokens.length ? tokens[m.tokenEnd].text : '';
      const possessive = after === "'" || after === '’' || after === "'s" || after === '’s'; // /^['’]s?$/
      if (!possessive || m.type !== 'PERSON') lastOfType.set(m.type, m.ids[0]);
      if (m.type === 'ORG') byHead.set(low[m.tokenEnd - 1], m.ids[0]);
    }
    const word = low[i];
    if (!REFERRING.has(word)) continue;
    const pos = tokens[i].pos;
    let ids: string[] = [];
    let end = i + 1;
    if (pos === 'PRON' && PLURAL_PRONOUNS.has(word)) {
      const org = lastOfType.get('ORG');
      ids = coordinated() ? recent(2) : org ? [org] : recent(1);
    } else if (POSSESSIVE_PRONOUNS.has(word) && i + 1 < tokens.length && FORCES.has(lem[i + 1])) {
      // "his forces", "their fighters", "its troops": the owner of the force acts through it.
      const owner = word === 'his' || word === 'her' ? lastOfType.get('PERSON') : word === 'its' ? lastOfType.get('ORG') : undefined;
      const org = lastOfType.get('ORG');
      ids = owner ? [owner] : word === 'their' ? (coordinated() ? recent(2) : org ? [org] : []) : [];
      end = i + 2;
    } else if ((word === 'both' || word === 'two') && i + 1 < tokens.length && SIDES.has(lem[i + 1])) {
      ids = recent(2);
      end = i + 2;
    } else if (pos === 'PRON' && SINGULAR_PERSON.has(word)) {
      const person = lastOfType.get('PERSON');
      if (person) ids = [person];
    } else if (pos === 'PRON' && RELATIVE.has(word)) {
      ids = recent(1);
    } else if (word === 'the' && i + 1 < tokens.length && (tokens[i + 1].pos === 'NOUN' || tokens[i + 1].pos === 'PROPN')) {
      const id = byHead.get(low[i + 1]);
      // Only when the noun is not itself the start of a named mention ("the Syrian army").
      if (id && !(next < mentions.length && mentions[next].tokenStart === i + 1)) {
        ids = [id];
        end = i + 2;
      }
    }
    if (ids.length) out.push({ tokenStart: i, tokenEnd: end, ids, type: 'ORG', pronoun: true });
  }
  return out;
}

/** The preposition a place hangs from, looking through a list ("to Sukhna, Raqqa and Deir Ezzor"). */
export function governingPrep(w: Pick<Words, 'tokens' | 'low' | 'placeAt' | 'placeRefs'>, i: number): string {
  let j = i - 1;
  while (j >= 0) {
    const inPlace = w.placeAt[j];
    if (inPlace >= 0) { j = w.placeRefs[inPlace].tokenStart - 1; continue; }
    const t = w.tokens[j];
    if (t.pos === 'DET' || t.text === ',' || t.pos === 'CCONJ') { j--; continue; }
    return w.low[j];
  }
  return '';
}

/** Section tokens with lower-cased words and the actor/place refs laid over them. */
export function wordsOf(section: Section, entities: Entity[]): Words {
  const tokens = section.tokens;
  const n = tokens.length;
  const low = new Array<string>(n), lem = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    low[i] = t.low;
    lem[i] = t.lemma ? t.lemma.toLowerCase() : t.low;
  }
  const mentions = mentionRefs(section, entities);
  const places = mentions.filter((m) => m.type === 'PLACE');
  const placeAt = coverage(n, places);
  const base = { tokens, low, lem, placeRefs: places, placeAt };
  // A place one acts with or against stands for its government ("collaborated with Damascus").
  const placeActors = new Set<Ref>();
  for (const m of places) if (PARTNER.has(governingPrep(base, m.tokenStart))) placeActors.add(m);
  const named = mentions.filter((m) => ACTOR_TYPES.has(m.type) || placeActors.has(m));
  const actorRefs = mergeByStart(named, resolvePronouns(base, mentions));
  const placeRefs = placeActors.size ? places.filter((m) => !placeActors.has(m)) : places;
  return { tokens, low, lem, actorRefs, placeRefs, actorAt: coverage(n, actorRefs), placeAt: placeActors.size ? coverage(n, placeRefs) : placeAt };
}

/**
 * Two lists each in order of tokenStart, merged into one; on a tie the first list's ref comes
 * first (what a stable sort of the two lists joined gives).
 */
function mergeByStart(a: Ref[], b: Ref[]): Ref[] {
  if (!b.length) return a;
  const out: Ref[] = [];
  let i = 0, j = 0;
  while (i < a.length && j < b.length) out.push(b[j].tokenStart < a[i].tokenStart ? b[j++] : a[i++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
