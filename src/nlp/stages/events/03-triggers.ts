// Events, step 3: the words of a clause that report an event (verbs with their particles and
// objects, nominalisations, governors like "refused to"), coded in CAMEO and checked for negation.
import type { Clause } from './01-clauses.js';
import type { CameoLexicon, GovernorEntry } from './lexicon.js';
import type { Words } from './02-words.js';

/** A coded word (or phrase) of a clause, before actors, place and date are chosen. */
export interface Candidate {
  /** Token range of the words coded (a governor extends it to the left). */
  t: number;
  tEnd: number;
  code: string;
  /** Coded as a nominalisation ("withdrawal", "air strikes"). */
  noun: boolean;
  /** A light verb that yields to an event noun after it. */
  light: boolean;
  governor: GovernorEntry | null;
  /** Absorbed into another candidate, or denied; dropped before returning. */
  consumed: boolean;
  /** Token of an event noun this verb's code already covers ("lifted sanctions"), or -1. */
  absorbs?: number;
}

const PASSIVE_AUX = new Set(['be', 'get']);
const PARTICLE_STOP = new Set(['PUNCT', 'VERB', 'AUX', 'SCONJ', 'CCONJ']);
const MODIFIED = new Set(['DET', 'ADJ', 'NOUN', 'PROPN']);
/** After a noun a past participle is a verb ("Varga handed"); after these it modifies what follows. */
const PARTICIPLE_MODIFIED = new Set(['DET', 'ADJ', 'ADP', 'VERB']);
/** Prepositions after which a bare verb form is a noun ("for comment", "in protest"); not "to". */
const PREPOSITIONS = new Set(['for', 'in', 'of', 'without', 'with', 'after', 'before', 'on', 'at', 'by', 'under', 'over', 'against', 'about', 'into', 'during']);

/** Roots whose object is a wish or a claim rather than a happening (appeal, intent, demand, reject, threaten). */
const CONTENT_ROOTS = new Set(['02', '03', '10', '12', '13']);

export const root = (code: string) => code.slice(0, 2);

function verbBetween(w: Words, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (w.tokens[k].pos === 'VERB') return true;
  return false;
}

/**
 * The tagger sometimes reads a past tense after its subject as an adjective ("ISIS beheaded/ADJ
 * a hostage"); such a word is a verb when a lexicon verb explains it. Returns its lemma or null.
 */
function misTaggedVerb(w: Words, i: number, lex: CameoLexicon): string | null {
  const t = w.low[i];
  if (w.tokens[i].pos !== 'ADJ' || !t.endsWith('ed') || i === 0) return null;
  const prev = w.tokens[i - 1].pos, next = w.tokens[i + 1]?.pos;
  if (!['PROPN', 'NOUN', 'PRON'].includes(prev) || !next || !['DET', 'NOUN', 'PROPN', 'NUM'].includes(next)) return null;
  for (const cut of [1, 2, 3]) {
    const guess = t.slice(0, -cut);
    if (lex.verbs.has(guess) || lex.governors.has(guess)) return guess;
  }
  return null;
}

/** Does the token range [a, b) end in a question mark (closing quotes and spaces aside)? */
export function isQuestion(w: Words, a: number, b: number): boolean {
  for (let k = b - 1; k >= a; k--) {
    const t = w.tokens[k].text;
    if (w.tokens[k].pos === 'SPACE' || t === '"' || t === '”' || t === "'" || t === "''" || t === '’') continue;
    return t === '?';
  }
  return false;
}

/**
 * A participle used as a modifier is no event: "the negotiating team", "the besieged Damascus
 * suburb", "from bombed buildings", "bombed-out houses".
 */
function isAttributive(w: Words, i: number): boolean {
  let b = i - 1;
  while (b > 0 && w.tokens[b].pos === 'ADV') b--; // "to discuss recently released polls"
  const prev = w.tokens[b];
  let n = i + 1;
  if (w.tokens[n]?.text === '-' && w.tokens[n + 2]) n += 2; // "bombed-out"
  const next = w.tokens[n];
  if (!prev || !next) return false;
  if (w.low[i].endsWith('ing')) return next.pos === 'NOUN' && MODIFIED.has(prev.pos);
  return (next.pos === 'NOUN' || next.pos === 'PROPN') && PARTICIPLE_MODIFIED.has(prev.pos) && (w.low[i].endsWith('ed') || w.low[i].endsWith('en'));
}

/** A participle after a form of "be"/"get" ("was attacked", "had been handed over"). */
export function isPassive(w: Words, i: number, clauseStart: number): boolean {
  if (w.tokens[i].pos !== 'VERB' || w.low[i].endsWith('ing')) return false;
  for (let j = i - 1; j >= Math.max(clauseStart, i - 4); j--) {
    const pos = w.tokens[j].pos;
    if (pos === 'ADV' || pos === 'PART') continue;
    return PASSIVE_AUX.has(w.lem[j]);
  }
  return false;
}

function isNegated(w: Words, i: number, clauseStart: number, lex: CameoLexicon): boolean {
  for (let j = i - 1; j >= Math.max(clauseStart, i - 3); j--) {
    if (lex.negators.has(w.low[j])) return true;
    if (w.tokens[j].pos === 'VERB') return false; // "never saw the bombardment": the seeing is denied
  }
  return false;
}

/** Match a noun phrase of the lexicon starting at token i; returns [code, end] or null. */
function matchNoun(w: Words, i: number, end: number, lex: CameoLexicon, anyTag = false): [string, number] | null {
  const list = lex.nouns.get(w.lem[i]) ?? (w.lem[i] === w.low[i] ? undefined : lex.nouns.get(w.low[i]));
  if (!list) return null;
  for (const { words, code } of list) {
    let j = i, k = 0, last = i;
    while (k < words.length && j < end) {
      if (k > 0 && w.tokens[j].text === '-') { j++; continue; }
      if (w.lem[j] !== words[k] && w.low[j] !== words[k]) break;
      last = j; k++; j++;
    }
    if (k < words.length) continue;
    // A one-word noun must be tagged a noun ("attack" the verb is coded as a verb), and be the
    // head of its compound: in "trade agreement" or "attack helicopter" it only modifies.
    if (words.length === 1 && !anyTag && w.tokens[last].pos !== 'NOUN') continue;
    if (words.length === 1 && last + 1 < end && w.tokens[last + 1].pos === 'NOUN') continue;
    return [code, last + 1];
  }
  return null;
}

/**
 * Code a verb at token i from its object, its particle, or the bare lemma: [code, end of the
 * coded words, index of the object word that decided the code or -1].
 */
function codeVerb(w: Words, clause: Clause, i: number, lex: CameoLexicon, lemma: string): [string, number, number] | null {
  const v = lex.verbs.get(lemma);
  if (!v) return null;
  const { tokens } = w;
  const end = clause.tokenEnd;
  if (v.idioms.size && i + 1 < end && v.idioms.has(w.low[i + 1])) return null;
  let particleEnd = i + 1;
  for (let j = i + 1; j < Math.min(end, i + 3); j++) {
    const pos = tokens[j].pos;
    if (pos !== 'ADP' && pos !== 'PART' && pos !== 'ADV') break;
    if (v.after.has(w.low[j])) particleEnd = j + 1;
  }
  if (v.objects.size) {
    // The object follows an active verb; a passive one has it as its subject, before.
    const window: number[] = [];
    for (let j = i + 1; j < Math.min(end, i + 6); j++) {
      // The object ends at a preposition, save "of" ("the city of Palmyra", not "place in Aleppo").
      if (PARTICLE_STOP.has(tokens[j].pos) || (tokens[j].pos === 'ADP' && w.low[j] !== 'of' && !v.after.has(w.low[j]))) break;
      window.push(j);
    }
    if (isPassive(w, i, clause.tokenStart)) for (let j = i - 1; j >= clause.tokenStart && j >= i - 6; j--) window.push(j);
    for (const j of window) {
      if (w.placeAt[j] >= 0 && v.objects.has('@PLACE')) return [v.objects.get('@PLACE')!, particleEnd, -1];
      const a = w.actorAt[j];
      if (a >= 0 && !w.actorRefs[a].pronoun && v.objects.has('@ACTOR')) return [v.objects.get('@ACTOR')!, particleEnd, -1];
      const c = v.objects.get(w.lem[j]);
      if (c) return [c, particleEnd, j];
    }
  }
  if (v.after.size) {
    for (let j = i + 1; j < Math.min(end, i + 5); j++) {
      const cond = v.after.get(w.low[j]);
      if (cond) {
        // "fell to ISIS" but not "fallen victim to Assad's deception"
        if (cond.adjacent && j !== i + 1) break;
        if (!cond.object) return [cond.code, j + 1, -1];
        let k = j + 1;
        if (k < end && tokens[k].pos === 'DET') k++;
        const ok = k < end && (cond.object === '@PLACE' ? w.placeAt[k] >= 0 : w.actorAt[k] >= 0);
        if (ok) return [cond.code, j + 1, -1];
      }
      if (PARTICLE_STOP.has(tokens[j].pos)) break;
    }
  }
  return v.code ? [v.code, i + 1, -1] : null;
}

export function findCandidates(w: Words, clause: Clause, lex: CameoLexicon): Candidate[] {
  const { tokens } = w;
  const out: Candidate[] = [];
  for (let i = clause.tokenStart; i < clause.tokenEnd; i++) {
    if (w.actorAt[i] >= 0 || w.placeAt[i] >= 0) continue;
    const pos = tokens[i].pos;
    // "requests for comment", "in protest": a bare verb form after a preposition is a noun.
    const nounUse = pos === 'VERB' && i > 0 && PREPOSITIONS.has(w.low[i - 1]) && !w.low[i].endsWith('ing');
    const lemma = pos === 'VERB' ? w.lem[i] : misTaggedVerb(w, i, lex);
    if (lemma && !nounUse) {
      if (isAttributive(w, i)) continue;
      const gov = lex.governors.get(lemma) ?? null;
      const coded = codeVerb(w, clause, i, lex, lemma);
      if (gov) {
        out.push({ t: i, tEnd: coded?.[1] ?? i + 1, code: gov.code ?? coded?.[0] ?? '', noun: false, light: false, governor: gov, consumed: false });
      } else if (coded) {
        const light = lex.verbs.get(lemma)!.light && coded[1] === i + 1;
        out.push({ t: i, tEnd: coded[1], code: coded[0], noun: false, light, governor: null, consumed: false, absorbs: coded[2] });
      }
      continue;
    }
    if (pos === 'PUNCT' || pos === 'DET' || pos === 'ADP' || pos === 'SPACE') continue;
    // "plans/vows/threatens to attack" is often tagged a plural noun; before "to" + verb it governs.
    const gov = pos === 'NOUN' && w.low[i].endsWith('s') ? lex.governors.get(w.lem[i]) : undefined;
    if (gov && w.low[i + 1] === 'to' && tokens[i + 2]?.pos === 'VERB') {
      out.push({ t: i, tEnd: i + 1, code: gov.code ?? '', noun: false, light: false, governor: gov, consumed: false });
      continue;
    }
    const noun = matchNoun(w, i, clause.tokenEnd, lex, nounUse);
    if (noun) {
      out.push({ t: i, tEnd: noun[1], code: noun[0], noun: true, light: false, governor: null, consumed: false });
      i = noun[1] - 1;
    }
  }
  if (!out.length) return out;
  // Governors take the event they introduce ("refused to withdraw" is one 124 event);
  // a light verb yields to the event noun it carries ("hit with sanctions" is 163).
  for (const c of out) {
    if (c.governor || c.noun || c.t === 0) continue;
    const link = c.t - 1;
    // "refused to withdraw", "refrained from attacking", "denied attacking"
    const direct = tokens[link].pos === 'VERB' && w.low[c.t].endsWith('ing');
    if (!direct && w.low[link] !== 'to' && w.low[link] !== 'from') continue;
    for (let j = direct ? link : link - 1; j >= Math.max(clause.tokenStart, c.t - 6); j--) {
      const g = out.find((x) => x.t === j && x.governor);
      if (!g && tokens[j].pos !== 'VERB') continue;
      if (g) {
        g.consumed = true;
        if (g.governor!.negating) {
          c.consumed = true;
          g.consumed = !g.governor!.code; // "denied attacking" stays a denial
        } else {
          c.code = g.governor!.byRoot.get(root(c.code)) ?? g.governor!.code ?? c.code;
          c.t = g.t;
        }
      }
      break;
    }
  }
  for (const c of out) {
    if (c.noun || c.consumed) continue;
    if (c.light) {
      if (out.some((n) => n.noun && n.t > c.t && n.t <= c.t + 5)) c.consumed = true;
      continue;
    }
    for (const n of out) if (n.noun && n.t === c.absorbs) n.consumed = true;
    // What is called for, demanded, promised, threatened, refused or denied has not happened:
    // "called for a ceasefire" is one appeal to yield (025), not also a ceasefire.
    if (!CONTENT_ROOTS.has(root(c.code)) && c.code !== '016') continue;
    const n = out.find((x) => x.noun && !x.consumed && x.t >= c.tEnd && x.t <= c.tEnd + 4 && !verbBetween(w, c.tEnd, x.t));
    if (!n) continue;
    n.consumed = true;
    if (c.governor && !c.governor.negating) c.code = c.governor.byRoot.get(root(n.code)) ?? c.code;
  }
  return out.filter((c) => !c.consumed && c.code !== '' && !isNegated(w, c.t, clause.tokenStart, lex));
}
