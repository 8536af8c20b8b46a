// Events: who did what to whom, where and when, coded in CAMEO. Per clause, event verbs and
// nominalisations are looked up in the curated lexicon; actors are the entities (and resolved
// pronouns) of the clause, the place a PLACE mention in it, the date a time expression of the
// clause or else of the sentence. Linear in tokens: every lookup is a Map hit or a short window.
import type { Context, Section, Stage, Token } from '../../context.js';
import type { Entity, EntityType, Event, Quote, TimeExpression } from '../../../types.js';
import { clausesOf, type Clause } from './clauses.js';
import { cameoLexicon, type CameoLexicon, type GovernorEntry } from './lexicon.js';

/** An entity mention or a resolved pronoun, as a token range with the entities it stands for. */
interface Ref {
  tokenStart: number;
  tokenEnd: number;
  ids: string[];
  type: EntityType;
  pronoun: boolean;
}

interface Candidate {
  /** Token range of the words coded (a governor extends it to the left). */
  t: number;
  tEnd: number;
  code: string;
  noun: boolean;
  light: boolean;
  governor: GovernorEntry | null;
  consumed: boolean;
}

/** An event before ids are given, with what the cross-clause pass needs. */
interface Draft {
  event: Omit<Event, 'id'>;
  sentence: number;
  /** A destination ("withdrew to Raqqa") kept for when no better place is found. */
  fallbackPlace: string | null;
}

const ACTOR_TYPES = new Set<EntityType>(['PERSON', 'ORG']);
const PLURAL_PRONOUNS = new Set(['they', 'them']);
const SINGULAR_PERSON = new Set(['he', 'him', 'she']);
const RELATIVE = new Set(['who']);
const DESTINATION = new Set(['to', 'towards', 'toward', 'into']);
const ATTRIBUTIVE = new Set(['in', 'of']);
const PARTNER = new Set(['with', 'against', 'between']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const PASSIVE_AUX = new Set(['be', 'get']);
const PARTICLE_STOP = new Set(['PUNCT', 'VERB', 'AUX', 'SCONJ', 'CCONJ']);
const SIDES = new Set(['side', 'party', 'camp']);
const MODIFIED = new Set(['DET', 'ADJ', 'NOUN', 'PROPN']);
/** After a noun a past participle is a verb ("Varga handed"); after these it modifies what follows. */
const PARTICIPLE_MODIFIED = new Set(['DET', 'ADJ', 'ADP', 'VERB']);
const SUBJECT_GAP = new Set(['AUX', 'ADV', 'PART']);
/** Prepositions after which a bare verb form is a noun ("for comment", "in protest"); not "to". */
const PREPOSITIONS = new Set(['for', 'in', 'of', 'without', 'with', 'after', 'before', 'on', 'at', 'by', 'under', 'over', 'against', 'about', 'into', 'during']);
/** CAMEO roots of verbal cooperation (01-05) and verbal conflict (09-13). */
const VERBAL_ROOTS = new Set(['01', '02', '03', '04', '05', '09', '10', '11', '12', '13']);

const root = (code: string) => code.slice(0, 2);

/** A section's tokens with their lower-cased text and lemma, computed once per section. */
interface Words {
  tokens: Token[];
  low: string[];
  lem: string[];
  /** Per token: index of the actor / place ref covering it, or -1. */
  actorAt: Int32Array;
  placeAt: Int32Array;
  actorRefs: Ref[];
  placeRefs: Ref[];
}

function coverage(n: number, refs: Ref[]): Int32Array {
  const at = new Int32Array(n).fill(-1);
  refs.forEach((r, k) => { for (let i = r.tokenStart; i < r.tokenEnd; i++) if (at[i] < 0) at[i] = k; });
  return at;
}

/** Index of the first token ending after `offset` (tokens are in text order). */
function tokenAt(tokens: Token[], offset: number): number {
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
  for (const e of entities) {
    for (const m of e.mentions) {
      if (m.in !== section.in) continue;
      const a = tokenAt(section.tokens, m.start);
      let b = a;
      while (b < section.tokens.length && section.tokens[b].start < m.end) b++;
      if (b > a) refs.push({ tokenStart: a, tokenEnd: b, ids: [e.id], type: e.type, pronoun: false });
    }
  }
  return refs.sort((x, y) => x.tokenStart - y.tokenStart || y.tokenEnd - x.tokenEnd);
}

/** Are two refs coordinated ("the Front and the Brigade", "Assad, ISIS")? */
function joined(w: Pick<Words, 'tokens' | 'low'>, a: Ref, b: Ref): boolean {
  for (let k = a.tokenEnd; k < b.tokenStart; k++) {
    if (w.tokens[k].pos !== 'DET' && w.low[k] !== 'and' && w.low[k] !== '&' && w.low[k] !== ',') return false;
  }
  return true;
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
      lastOfType.set(m.type, m.ids[0]);
      if (m.type === 'ORG') byHead.set(low[m.tokenEnd - 1], m.ids[0]);
    }
    const pos = tokens[i].pos;
    const word = low[i];
    let ids: string[] = [];
    let end = i + 1;
    if (pos === 'PRON' && PLURAL_PRONOUNS.has(word)) {
      const org = lastOfType.get('ORG');
      ids = coordinated() ? recent(2) : org ? [org] : recent(1);
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

function isQuestion(w: Words, a: number, b: number): boolean {
  for (let k = b - 1; k >= a; k--) {
    const t = w.tokens[k].text;
    if (w.tokens[k].pos === 'SPACE' || t === '"' || t === '”' || t === "'" || t === '’') continue;
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
  return (next.pos === 'NOUN' || next.pos === 'PROPN') && PARTICIPLE_MODIFIED.has(prev.pos) && /(ed|en)$/.test(w.low[i]);
}

function isPassive(w: Words, i: number, clauseStart: number): boolean {
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
  const list = lex.nouns.get(w.lem[i]) ?? lex.nouns.get(w.low[i]);
  if (!list) return null;
  for (const { words, code } of list) {
    let j = i, k = 0, last = i;
    while (k < words.length && j < end) {
      if (k > 0 && w.tokens[j].text === '-') { j++; continue; }
      if (w.lem[j] !== words[k] && w.low[j] !== words[k]) break;
      last = j; k++; j++;
    }
    if (k < words.length) continue;
    // A one-word noun must be tagged a noun ("attack" the verb is coded as a verb).
    if (words.length === 1 && !anyTag && w.tokens[last].pos !== 'NOUN') continue;
    return [code, last + 1];
  }
  return null;
}

/** Code a verb at token i from its object, its particle, or the bare lemma. */
function codeVerb(w: Words, clause: Clause, i: number, lex: CameoLexicon): [string, number] | null {
  const v = lex.verbs.get(w.lem[i]);
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
      if (w.placeAt[j] >= 0 && v.objects.has('@PLACE')) return [v.objects.get('@PLACE')!, particleEnd];
      const a = w.actorAt[j];
      if (a >= 0 && !w.actorRefs[a].pronoun && v.objects.has('@ACTOR')) return [v.objects.get('@ACTOR')!, particleEnd];
      const c = v.objects.get(w.lem[j]);
      if (c) return [c, particleEnd];
    }
  }
  if (v.after.size) {
    for (let j = i + 1; j < Math.min(end, i + 5); j++) {
      const cond = v.after.get(w.low[j]);
      if (cond) {
        // "fell to ISIS" but not "fallen victim to Assad's deception"
        if (cond.adjacent && j !== i + 1) break;
        if (!cond.object) return [cond.code, j + 1];
        let k = j + 1;
        if (k < end && tokens[k].pos === 'DET') k++;
        const ok = k < end && (cond.object === '@PLACE' ? w.placeAt[k] >= 0 : w.actorAt[k] >= 0);
        if (ok) return [cond.code, j + 1];
      }
      if (PARTICLE_STOP.has(tokens[j].pos)) break;
    }
  }
  return v.code ? [v.code, i + 1] : null;
}

function findCandidates(w: Words, clause: Clause, lex: CameoLexicon): Candidate[] {
  const { tokens } = w;
  const out: Candidate[] = [];
  for (let i = clause.tokenStart; i < clause.tokenEnd; i++) {
    if (w.actorAt[i] >= 0 || w.placeAt[i] >= 0) continue;
    const pos = tokens[i].pos;
    // "requests for comment", "in protest": a bare verb form after a preposition is a noun.
    const nounUse = pos === 'VERB' && i > 0 && PREPOSITIONS.has(w.low[i - 1]) && !w.low[i].endsWith('ing');
    if (pos === 'VERB' && !nounUse) {
      if (isAttributive(w, i)) continue;
      const gov = lex.governors.get(w.lem[i]) ?? null;
      const coded = codeVerb(w, clause, i, lex);
      if (gov) {
        out.push({ t: i, tEnd: i + 1, code: gov.code ?? coded?.[0] ?? '', noun: false, light: false, governor: gov, consumed: false });
      } else if (coded) {
        const light = lex.verbs.get(w.lem[i])!.light && coded[1] === i + 1;
        out.push({ t: i, tEnd: coded[1], code: coded[0], noun: false, light, governor: null, consumed: false });
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
    if (!c.light) continue;
    if (out.some((n) => n.noun && n.t > c.t && n.t <= c.t + 5)) c.consumed = true;
  }
  return out.filter((c) => !c.consumed && c.code !== '' && !isNegated(w, c.t, clause.tokenStart, lex));
}

/**
 * Actors of a candidate: an agent in a "by" phrase right after it first, then the entities
 * before it, then those after it up to the next event of the clause. A verb with no entity of
 * its own before it shares the subject of the clause ("the regime is making air-strikes …,
 * aiding extremists").
 */
function chooseActors(w: Words, clause: Clause, refs: Ref[], c: Candidate, all: Candidate[]): string[] {
  const prev = all.filter((o) => o.t < c.t).reduce((m, o) => Math.max(m, o.tEnd), clause.tokenStart);
  const next = all.filter((o) => o.t > c.t).reduce((m, o) => Math.min(m, o.t), clause.tokenEnd);
  const agents: string[] = [], after: string[] = [];
  const near: Ref[] = [], before: Ref[] = [];
  for (const r of refs) {
    if (r.tokenStart < clause.tokenStart || r.tokenStart >= clause.tokenEnd) continue;
    if (r.tokenEnd <= c.t) {
      (r.tokenStart >= prev ? near : before).push(r);
      continue;
    }
    if (r.tokenStart >= next) continue;
    const p1 = r.tokenStart - 1, p2 = r.tokenStart - 2;
    const byPhrase = p1 >= 0 && (w.low[p1] === 'by' || (w.tokens[p1].pos === 'DET' && p2 >= 0 && w.low[p2] === 'by'));
    (byPhrase ? agents : after).push(...r.ids);
  }
  // The subject is the last entity before the verb with those coordinated with it; it leads.
  const left = near.length ? near : before;
  let k = left.length - 1;
  while (k > 0 && joined(w, left[k - 1], left[k])) k--;
  const ordered = [...left.slice(k), ...left.slice(0, k)].flatMap((r) => r.ids);
  return [...new Set([...agents, ...ordered, ...after])];
}

/** The preposition a place hangs from, looking through a list ("to Sukhna, Raqqa and Deir Ezzor"). */
function governingPrep(w: Pick<Words, 'tokens' | 'low' | 'placeAt' | 'placeRefs'>, i: number): string {
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

/**
 * The place of a candidate: a PLACE of its clause, preferring the stretch between the events
 * before and after it ("withdrew from Tessin and then attacked Drenport"); with none there, the
 * nearest in the clause, as GDELT locates an event by the place mentioned closest to it.
 */
function choosePlace(w: Words, clause: Clause, places: Ref[], c: Candidate, all: Candidate[]): { place: string | null; destination: string | null } {
  const prev = all.filter((o) => o.t < c.t).reduce((m, o) => Math.max(m, o.tEnd), clause.tokenStart);
  const next = all.filter((o) => o.t > c.t).reduce((m, o) => Math.min(m, o.t), clause.tokenEnd);
  const own = placeIn(w, clause, places, c, prev, next);
  if (own.place || own.destination) return own;
  return placeIn(w, clause, places, c, clause.tokenStart, clause.tokenEnd);
}

function placeIn(w: Words, clause: Clause, places: Ref[], c: Candidate, from: number, to: number): { place: string | null; destination: string | null } {
  const { tokens } = w;
  const eligible: Ref[] = [];
  let destination: string | null = null;
  for (const r of places) {
    if (r.tokenStart < from || r.tokenStart >= to) continue;
    const nextTok = tokens[r.tokenEnd];
    if ((nextTok && POSSESSIVE.has(nextTok.text)) || /['’]s$/.test(tokens[r.tokenEnd - 1].text)) continue; // "Syria's largest city"
    let p = r.tokenStart - 1;
    if (p >= 0 && tokens[p].pos === 'DET') p--;
    // "the US Embassy in Syria": the place describes the organisation, not where the event was.
    if (p > 0 && ATTRIBUTIVE.has(w.low[p])) {
      const owner = w.actorAt[p - 1];
      if (owner >= 0 && !w.actorRefs[owner].pronoun) continue;
    }
    if (root(c.code) === '08' && DESTINATION.has(governingPrep(w, r.tokenStart))) {
      destination ??= r.ids[0];
      continue;
    }
    eligible.push(r);
  }
  // A passive verb's place is usually its subject ("Mosul was taken by ISIL"), before it.
  const before = eligible.filter((r) => r.tokenStart < c.t);
  const afterTrigger = eligible.find((r) => r.tokenStart >= c.t);
  let chosen = isPassive(w, c.t, clause.tokenStart) && before.length ? before[before.length - 1] : afterTrigger ?? before[before.length - 1];
  // "Valmora in Osterland", "Azaz, Syria": the first, smaller place is the more precise one.
  const k = chosen ? eligible.indexOf(chosen) : -1;
  if (k > 0) {
    const inner = eligible[k - 1];
    const gap = chosen!.tokenStart - inner.tokenEnd;
    if (gap === 1 && (w.low[inner.tokenEnd] === 'in' || w.low[inner.tokenEnd] === ',')) chosen = inner;
  }
  return { place: chosen ? chosen.ids[0] : null, destination };
}

/**
 * Countries and capitals act through their governments: a place right before an active verb
 * is its subject ("Syria has accused Israel"), and one right after a verb of saying, consulting
 * or disapproving is its addressee rather than where it happened (CAMEO's verbal quad classes).
 */
function placesAsActors(w: Words, clause: Clause, places: Ref[], c: Candidate, lex: CameoLexicon): { subject: Ref | null; object: Ref | null } {
  let subject: Ref | null = null, object: Ref | null = null;
  if (c.noun || w.tokens[c.t].pos !== 'VERB') return { subject, object };
  if (isPassive(w, c.t, clause.tokenStart)) {
    // "Tessin was shelled by Marvia": the country in the agent phrase acts.
    let k = c.tEnd;
    if (w.low[k] !== 'by') return { subject, object };
    k++;
    if (w.tokens[k]?.pos === 'DET') k++;
    return { subject: places.find((r) => r.tokenStart === k) ?? null, object };
  }
  const subjectCanAct = !lex.verbs.get(w.lem[c.t])?.placeSubject;
  for (const r of places) {
    if (r.tokenEnd <= c.t && r.tokenStart >= clause.tokenStart) {
      if (!subjectCanAct) continue;
      let j = r.tokenEnd;
      while (j < c.t && SUBJECT_GAP.has(w.tokens[j].pos)) j++;
      const p = r.tokenStart - 1;
      if (j === c.t && (p < 0 || (w.tokens[p].pos !== 'ADP' && !(w.tokens[p].pos === 'DET' && p > 0 && w.tokens[p - 1].pos === 'ADP')))) subject = r;
    } else if (VERBAL_ROOTS.has(root(c.code)) && (r.tokenStart === c.tEnd || (r.tokenStart === c.tEnd + 1 && w.tokens[c.tEnd].pos === 'DET'))) {
      object = r;
    }
  }
  return { subject, object };
}

/** The time expression nearest the trigger within [a, b), if any. */
function nearestTime(times: { tokenStart: number; value: string }[], a: number, b: number, t: number): string | null {
  let best: string | null = null, dist = Infinity;
  for (const x of times) {
    if (x.tokenStart < a || x.tokenStart >= b) continue;
    const d = Math.abs(x.tokenStart - t);
    if (d < dist) { dist = d; best = x.value; }
  }
  return best;
}

/** Section tokens with lower-cased words and the actor/place refs laid over them. */
function wordsOf(section: Section, entities: Entity[]): Words {
  const tokens = section.tokens;
  const low = tokens.map((t) => t.text.toLowerCase());
  const lem = tokens.map((t, k) => (t.lemma ? t.lemma.toLowerCase() : low[k]));
  const mentions = mentionRefs(section, entities);
  const places = mentions.filter((m) => m.type === 'PLACE');
  const base = { tokens, low, lem, placeRefs: places, placeAt: coverage(tokens.length, places) };
  // A place one acts with or against stands for its government ("collaborated with Damascus").
  const placeActors = new Set(places.filter((m) => PARTNER.has(governingPrep(base, m.tokenStart))));
  const actorRefs = [...mentions.filter((m) => ACTOR_TYPES.has(m.type) || placeActors.has(m)), ...resolvePronouns(base, mentions)]
    .sort((a, b) => a.tokenStart - b.tokenStart);
  const placeRefs = places.filter((m) => !placeActors.has(m));
  return { tokens, low, lem, actorRefs, placeRefs, actorAt: coverage(tokens.length, actorRefs), placeAt: coverage(tokens.length, placeRefs) };
}

/** All events of one section, in text order, before ids are given. */
export function sectionEvents(
  section: Section,
  entities: Entity[],
  times: TimeExpression[],
  quotes: Quote[],
  lex: CameoLexicon = cameoLexicon(),
): Omit<Event, 'id'>[] {
  const tokens = section.tokens;
  if (!tokens.length) return [];
  const w = wordsOf(section, entities);
  const sectionTimes = times.filter((x) => x.in === section.in).map((x) => ({ tokenStart: tokenAt(tokens, x.start), value: x.value }));
  // Per token, the innermost quote around it: longer quotes are laid down first, shorter over them.
  const sectionQuotes = quotes.filter((q) => q.in === section.in).sort((a, b) => b.end - b.start - (a.end - a.start));
  const quoteAt = new Int32Array(tokens.length).fill(-1);
  sectionQuotes.forEach((q, k) => {
    for (let i = tokenAt(tokens, q.start); i < tokens.length && tokens[i].start < q.end; i++) if (tokens[i].start >= q.start) quoteAt[i] = k;
  });
  const drafts: Draft[] = [];
  let ai = 0, pi = 0; // cursors into the refs, which are in text order
  for (let s = 0; s < section.sentences.length; s++) {
    const sentence = section.sentences[s];
    while (ai < w.actorRefs.length && w.actorRefs[ai].tokenStart < sentence.tokenStart) ai++;
    while (pi < w.placeRefs.length && w.placeRefs[pi].tokenStart < sentence.tokenStart) pi++;
    // A question reports nothing ("Is Assad colluding with ISIS?").
    if (isQuestion(w, sentence.tokenStart, sentence.tokenEnd)) continue;
    for (const clause of clausesOf(section, s)) {
      const candidates = findCandidates(w, clause, lex);
      if (!candidates.length) continue;
      // Only the refs of this sentence are scanned per candidate, which keeps the work linear.
      let ae = ai, pe = pi;
      while (ae < w.actorRefs.length && w.actorRefs[ae].tokenStart < sentence.tokenEnd) ae++;
      while (pe < w.placeRefs.length && w.placeRefs[pe].tokenStart < sentence.tokenEnd) pe++;
      const sActors = w.actorRefs.slice(ai, ae), sPlaces = w.placeRefs.slice(pi, pe);
      const start = tokens[clause.tokenStart].start, end = tokens[clause.tokenEnd - 1].end;
      for (const c of candidates) {
        const at = tokens[c.t].start;
        const quote = quoteAt[c.t] >= 0 ? sectionQuotes[quoteAt[c.t]] : null;
        const { subject, object } = placesAsActors(w, clause, sPlaces, c, lex);
        const places = subject || object ? sPlaces.filter((r) => r !== subject && r !== object) : sPlaces;
        const { place, destination } = choosePlace(w, clause, places, c, candidates);
        const actors = chooseActors(w, clause, sActors, c, candidates);
        drafts.push({
          event: {
            in: section.in, start, end,
            text: section.text.slice(start, end),
            cameo: c.code,
            trigger: section.text.slice(at, tokens[c.tEnd - 1].end),
            date: nearestTime(sectionTimes, clause.tokenStart, clause.tokenEnd, c.t)
              ?? nearestTime(sectionTimes, sentence.tokenStart, sentence.tokenEnd, c.t),
            actors: [...new Set([...(subject ? subject.ids : []), ...actors, ...(object ? object.ids : [])])],
            place,
            quoteId: quote ? quote.id : null,
          },
          sentence: s,
          fallbackPlace: destination,
        });
      }
    }
  }
  fillFromCoreferent(drafts);
  for (const d of drafts) d.event.place ??= d.fallbackPlace;
  return drafts.map((d) => d.event);
}

/**
 * The same happening told twice in neighbouring sentences ("ISIS withdrew from Palmyra" … "the
 * ISIS men were given the go-ahead to withdraw to Raqqa") shares its when and where: an event
 * missing a place or date takes it from the nearest one with the same CAMEO root and first actor.
 */
function fillFromCoreferent(drafts: Draft[]): void {
  const WINDOW = 2; // sentences
  // Drafts are in text order within one section, so neighbours are scanned outward only.
  drafts.forEach((d, k) => {
    const e = d.event;
    if ((e.place && e.date) || !e.actors.length) return;
    let best: Draft | null = null, dist = Infinity;
    const consider = (o: Draft) => {
      const gap = Math.abs(o.sentence - d.sentence);
      if (gap === 0 || gap >= dist) return;
      if (root(o.event.cameo) !== root(e.cameo) || o.event.actors[0] !== e.actors[0]) return;
      best = o; dist = gap;
    };
    for (let j = k - 1; j >= 0 && d.sentence - drafts[j].sentence <= WINDOW; j--) consider(drafts[j]);
    for (let j = k + 1; j < drafts.length && drafts[j].sentence - d.sentence <= WINDOW; j++) consider(drafts[j]);
    if (!best) return;
    e.place ??= (best as Draft).event.place;
    e.date ??= (best as Draft).event.date;
  });
}

export const eventsStage: Stage = {
  name: 'events',
  run(ctx: Context) {
    const events: Event[] = [];
    for (const section of ctx.sections) {
      for (const e of sectionEvents(section, ctx.entities, ctx.times, ctx.quotes)) {
        events.push({ id: `v${events.length + 1}`, ...e });
      }
    }
    ctx.events = events;
  },
};
