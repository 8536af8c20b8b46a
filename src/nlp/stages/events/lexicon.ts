// The verb-to-CAMEO lexicon (../../lexicons/cameo-verbs.json), read once into lookup tables and
// checked at load so a typo in the data fails loudly instead of silently coding nothing.
import raw from '../../lexicons/cameo-verbs.json' with { type: 'json' };
import { InputError } from '../../../errors.js';

/** What a coded word requires after it: a particle/preposition, or an object of some kind. */
export interface Conditional {
  code: string;
  /** '@ACTOR' or '@PLACE': the word after the particle must be such an entity mention. */
  object?: string;
  /** The particle must follow the verb at once. */
  adjacent?: boolean;
}

export interface VerbEntry {
  /** Code of the bare verb; null when it is an event only with a particle or object below. */
  code: string | null;
  after: Map<string, Conditional>;
  /** Object lemma, '@PLACE' or '@ACTOR' → code. */
  objects: Map<string, string>;
  /** A light verb ('strike', 'hit') defers to an event noun it governs ('hit with sanctions'). */
  light: boolean;
  /** The subject is the territory the event happens to ("Palmyra fell to ISIS"), not an actor. */
  placeSubject: boolean;
  /** Particles after which the verb is figurative and no event ("seized on a remark"). */
  idioms: Set<string>;
}

export interface GovernorEntry {
  code: string | null;
  byRoot: Map<string, string>;
  negating: boolean;
}

export interface CameoLexicon {
  roots: Map<string, string>;
  codes: Map<string, string>;
  verbs: Map<string, VerbEntry>;
  /** Noun phrases keyed by their first word; each list longest first. */
  nouns: Map<string, { words: string[]; code: string }[]>;
  governors: Map<string, GovernorEntry>;
  negators: Set<string>;
}

const FILE = 'cameo-verbs.json';

function checkCode(code: unknown, where: string, roots: Map<string, string>): string {
  if (typeof code !== 'string' || !/^\d{2,4}$/.test(code) || !roots.has(code.slice(0, 2))) {
    throw new InputError(FILE, `${where}: "${String(code)}" is not a CAMEO code with a known root`);
  }
  return code;
}

type RawVerb = string | { code: string | null; after?: Record<string, string | Conditional>; objects?: Record<string, string>; light?: boolean; placeSubject?: boolean; idioms?: string[] };
type RawGovernor = { code: string | null; byRoot?: Record<string, string>; negating?: boolean };
interface RawLexicon {
  roots: Record<string, string>;
  codes: Record<string, string>;
  verbs: Record<string, RawVerb>;
  nouns: Record<string, string>;
  governors: Record<string, RawGovernor>;
  negators: string[];
}

export function buildLexicon(data: RawLexicon): CameoLexicon {
  const roots = new Map(Object.entries(data.roots));
  if (roots.size !== 20) throw new InputError(FILE, `expected the 20 CAMEO roots, found ${roots.size}`);
  const codes = new Map(Object.entries(data.codes));
  const verbs = new Map<string, VerbEntry>();
  for (const [lemma, v] of Object.entries(data.verbs)) {
    const where = `verb "${lemma}"`;
    if (typeof v === 'string') {
      verbs.set(lemma, { code: checkCode(v, where, roots), after: new Map(), objects: new Map(), light: false, placeSubject: false, idioms: new Set() });
      continue;
    }
    const after = new Map<string, Conditional>();
    for (const [p, c] of Object.entries(v.after ?? {})) {
      after.set(p, typeof c === 'string' ? { code: checkCode(c, where, roots) } : { code: checkCode(c.code, where, roots), object: c.object, adjacent: c.adjacent || !!c.object });
    }
    const objects = new Map<string, string>();
    for (const [o, c] of Object.entries(v.objects ?? {})) objects.set(o, checkCode(c, where, roots));
    const code = v.code === null ? null : checkCode(v.code, where, roots);
    if (code === null && !after.size && !objects.size) throw new InputError(FILE, `${where}: no code, particle or object`);
    verbs.set(lemma, { code, after, objects, light: !!v.light, placeSubject: !!v.placeSubject, idioms: new Set(v.idioms ?? []) });
  }
  const nouns = new Map<string, { words: string[]; code: string }[]>();
  for (const [phrase, c] of Object.entries(data.nouns)) {
    const words = phrase.split(' ');
    const list = nouns.get(words[0]) ?? [];
    list.push({ words, code: checkCode(c, `noun "${phrase}"`, roots) });
    list.sort((a, b) => b.words.length - a.words.length);
    nouns.set(words[0], list);
  }
  const governors = new Map<string, GovernorEntry>();
  for (const [lemma, g] of Object.entries(data.governors)) {
    const where = `governor "${lemma}"`;
    const byRoot = new Map<string, string>();
    for (const [r, c] of Object.entries(g.byRoot ?? {})) {
      if (!roots.has(r)) throw new InputError(FILE, `${where}: unknown root "${r}"`);
      byRoot.set(r, checkCode(c, where, roots));
    }
    governors.set(lemma, { code: g.code === null ? null : checkCode(g.code, where, roots), byRoot, negating: !!g.negating });
  }
  return { roots, codes, verbs, nouns, governors, negators: new Set(data.negators) };
}

let cached: CameoLexicon | null = null;
/** The shipped lexicon, built on first use. */
export function cameoLexicon(): CameoLexicon {
  cached ??= buildLexicon(raw as unknown as RawLexicon);
  return cached;
}
