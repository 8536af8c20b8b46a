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

const root = (code: string) => code.slice(0, 2);
const lower = (t: Token) => t.text.toLowerCase();
const lemmaOf = (t: Token) => (t.lemma || t.text).toLowerCase();

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

/**
 * Pronouns and definite descriptions resolved by recency: "they"/"both sides" → the latest two
 * actors when they were coordinated (else the latest organisation), "he" → the latest person,
 * "who" → the latest actor, "the regime" → the latest organisation whose name ends in "regime".
 */
function resolvePronouns(section: Section, mentions: Ref[]): Ref[] {
  const tokens = section.tokens;
  const out: Ref[] = [];
  const history: Ref[] = []; // actor mentions seen so far
  const byHead = new Map<string, string>(); // last word of an ORG mention → entity id
  let next = 0;
  const recent = (n: number, type?: EntityType): string[] => {
    const ids: string[] = [];
    for (let k = history.length - 1; k >= 0 && ids.length < n; k--) {
      const r = history[k];
      if ((!type || r.type === type) && !ids.includes(r.ids[0])) ids.push(r.ids[0]);
    }
    return ids.reverse();
  };
  const coordinated = (): boolean => {
    if (history.length < 2) return false;
    const a = history[history.length - 2], b = history[history.length - 1];
    if (a.ids[0] === b.ids[0]) return false;
    return joined(tokens, a, b);
  };
  for (let i = 0; i < tokens.length; i++) {
    while (next < mentions.length && mentions[next].tokenStart <= i) {
      const m = mentions[next++];
      if (!ACTOR_TYPES.has(m.type)) continue;
      history.push(m);
      if (m.type === 'ORG') byHead.set(lower(tokens[m.tokenEnd - 1]), m.ids[0]);
    }
    const t = tokens[i];
    const w = lower(t);
    let ids: string[] = [];
    let end = i + 1;
    if (PLURAL_PRONOUNS.has(w) && t.pos === 'PRON') {
      ids = coordinated() ? recent(2) : recent(1, 'ORG');
      if (!ids.length) ids = recent(1);
    } else if ((w === 'both' || w === 'two') && i + 1 < tokens.length && ['side', 'party', 'camp'].includes(lemmaOf(tokens[i + 1]))) {
      ids = recent(2);
      end = i + 2;
    } else if (SINGULAR_PERSON.has(w) && t.pos === 'PRON') {
      ids = recent(1, 'PERSON');
    } else if (RELATIVE.has(w) && t.pos === 'PRON') {
      ids = recent(1);
    } else if (w === 'the' && i + 1 < tokens.length && (tokens[i + 1].pos === 'NOUN' || tokens[i + 1].pos === 'PROPN')) {
      const id = byHead.get(lower(tokens[i + 1]));
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

function isQuestion(tokens: Token[], a: number, b: number): boolean {
  for (let k = b - 1; k >= a; k--) {
    const t = tokens[k];
    if (t.pos === 'SPACE' || t.text === '"' || t.text === '”' || t.text === "'" || t.text === '’') continue;
    return t.text === '?';
  }
  return false;
}

/** A participle used as a modifier ("the negotiating team", "rebel controlled") is no event. */
function isAttributive(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1], next = tokens[i + 1];
  return !!prev && !!next && /ing$/i.test(tokens[i].text) && next.pos === 'NOUN' && ['DET', 'ADJ', 'NOUN', 'PROPN'].includes(prev.pos);
}

/** Are two refs coordinated ("the Front and the Brigade", "Assad, ISIS")? */
function joined(tokens: Token[], a: Ref, b: Ref): boolean {
  for (let k = a.tokenEnd; k < b.tokenStart; k++) {
    const t = tokens[k];
    if (t.pos !== 'DET' && !['and', '&', ','].includes(lower(t))) return false;
  }
  return true;
}

function isPassive(tokens: Token[], i: number, clauseStart: number): boolean {
  const t = tokens[i];
  if (t.pos !== 'VERB' || /ing$/i.test(t.text)) return false;
  for (let j = i - 1; j >= Math.max(clauseStart, i - 4); j--) {
    const p = tokens[j];
    if (p.pos === 'ADV' || p.pos === 'PART') continue;
    return PASSIVE_AUX.has(lemmaOf(p));
  }
  return false;
}

function isNegated(tokens: Token[], i: number, clauseStart: number, lex: CameoLexicon): boolean {
  for (let j = i - 1; j >= Math.max(clauseStart, i - 3); j--) if (lex.negators.has(lower(tokens[j]))) return true;
  return false;
}

/** The ref covering token i, if any. */
function refAt(refs: Ref[], i: number): Ref | undefined {
  for (const r of refs) if (r.tokenStart <= i && i < r.tokenEnd) return r;
  return undefined;
}

/** Match a noun phrase of the lexicon starting at token i; returns [code, end] or null. */
function matchNoun(tokens: Token[], i: number, end: number, lex: CameoLexicon): [string, number] | null {
  const first = tokens[i];
  const list = lex.nouns.get(lemmaOf(first)) ?? lex.nouns.get(lower(first));
  if (!list) return null;
  for (const { words, code } of list) {
    let j = i, k = 0, last = i;
    while (k < words.length && j < end) {
      const tk = tokens[j];
      if (k > 0 && tk.text === '-') { j++; continue; }
      if (lemmaOf(tk) !== words[k] && lower(tk) !== words[k]) break;
      last = j; k++; j++;
    }
    if (k < words.length) continue;
    // A one-word noun must be tagged a noun ("attack" the verb is coded as a verb).
    if (words.length === 1 && tokens[last].pos !== 'NOUN') continue;
    return [code, last + 1];
  }
  return null;
}

interface ClauseView {
  tokens: Token[];
  clause: Clause;
  actorRefs: Ref[];
  placeRefs: Ref[];
}

/** Code a verb at token i from its particle, its object, or the bare lemma. */
function codeVerb(view: ClauseView, i: number, lex: CameoLexicon): [string, number] | null {
  const { tokens, clause } = view;
  const v = lex.verbs.get(lemmaOf(tokens[i]));
  if (!v) return null;
  const end = clause.tokenEnd;
  const passive = isPassive(tokens, i, clause.tokenStart);
  let particleEnd = i + 1;
  for (let j = i + 1; j < Math.min(end, i + 3); j++) {
    if (tokens[j].pos !== 'ADP' && tokens[j].pos !== 'PART' && tokens[j].pos !== 'ADV') break;
    if (v.after.has(lower(tokens[j]))) particleEnd = j + 1;
  }
  if (v.objects.size) {
    // The object follows an active verb; a passive one has it as its subject, before.
    const window: number[] = [];
    for (let j = i + 1; j < Math.min(end, i + 6); j++) {
      if (PARTICLE_STOP.has(tokens[j].pos)) break;
      window.push(j);
    }
    if (passive) for (let j = i - 1; j >= clause.tokenStart && j >= i - 6; j--) window.push(j);
    for (const j of window) {
      const place = refAt(view.placeRefs, j);
      if (place && v.objects.has('@PLACE')) return [v.objects.get('@PLACE')!, particleEnd];
      const actor = refAt(view.actorRefs, j);
      if (actor && !actor.pronoun && v.objects.has('@ACTOR')) return [v.objects.get('@ACTOR')!, particleEnd];
      const c = v.objects.get(lemmaOf(tokens[j]));
      if (c) return [c, particleEnd];
    }
  }
  if (v.after.size) {
    for (let j = i + 1; j < Math.min(end, i + 5); j++) {
      const tj = tokens[j];
      const cond = v.after.get(lower(tj));
      if (cond) {
        if (!cond.object) return [cond.code, j + 1];
        // "fell to ISIS" but not "fallen victim to Assad's deception"
        if (j !== i + 1) break;
        let k = j + 1;
        if (k < end && tokens[k].pos === 'DET') k++;
        const ok = cond.object === '@PLACE' ? !!refAt(view.placeRefs, k) : !!refAt(view.actorRefs, k);
        if (ok) return [cond.code, j + 1];
      }
      if (PARTICLE_STOP.has(tj.pos)) break;
    }
  }
  return v.code ? [v.code, i + 1] : null;
}

function findCandidates(view: ClauseView, lex: CameoLexicon): Candidate[] {
  const { tokens, clause } = view;
  const out: Candidate[] = [];
  for (let i = clause.tokenStart; i < clause.tokenEnd; i++) {
    const t = tokens[i];
    if (refAt(view.actorRefs, i) || refAt(view.placeRefs, i)) continue;
    if (t.pos === 'VERB') {
      if (isAttributive(tokens, i)) continue;
      const gov = lex.governors.get(lemmaOf(t)) ?? null;
      const coded = codeVerb(view, i, lex);
      if (gov) {
        out.push({ t: i, tEnd: i + 1, code: gov.code ?? coded?.[0] ?? '', noun: false, light: false, governor: gov, consumed: false });
      } else if (coded) {
        const light = lex.verbs.get(lemmaOf(t))!.light && coded[1] === i + 1;
        out.push({ t: i, tEnd: coded[1], code: coded[0], noun: false, light, governor: null, consumed: false });
      }
      continue;
    }
    const noun = matchNoun(tokens, i, clause.tokenEnd, lex);
    if (noun) {
      out.push({ t: i, tEnd: noun[1], code: noun[0], noun: true, light: false, governor: null, consumed: false });
      i = noun[1] - 1;
    }
  }
  // Governors take the event they introduce ("refused to withdraw" is one 124 event);
  // a light verb yields to the event noun it carries ("hit with sanctions" is 163).
  for (const c of out) {
    if (c.governor || c.noun) continue;
    const link = tokens[c.t - 1];
    // "refused to withdraw", "refrained from attacking", "denied attacking"
    const direct = !!link && link.pos === 'VERB' && /ing$/i.test(tokens[c.t].text);
    if (!link || (!direct && !['to', 'from'].includes(lower(link)))) continue;
    for (let j = direct ? c.t - 1 : c.t - 2; j >= Math.max(clause.tokenStart, c.t - 6); j--) {
      if (tokens[j].pos !== 'VERB') continue;
      const g = out.find((x) => x.t === j && x.governor);
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
  return out.filter((c) => !c.consumed && c.code !== '' && !isNegated(tokens, c.t, clause.tokenStart, lex));
}

/**
 * Actors of a candidate: an agent in a "by" phrase right after it first, then the entities
 * before it, then those after it up to the next event of the clause. A verb with no entity of
 * its own before it shares the subject of the clause ("the regime is making air-strikes …,
 * aiding extremists").
 */
function chooseActors(view: ClauseView, c: Candidate, all: Candidate[]): string[] {
  const { tokens, clause, actorRefs } = view;
  const prev = all.filter((o) => o.t < c.t).reduce((m, o) => Math.max(m, o.tEnd), clause.tokenStart);
  const next = all.filter((o) => o.t > c.t).reduce((m, o) => Math.min(m, o.t), clause.tokenEnd);
  const agents: string[] = [], after: string[] = [];
  const near: Ref[] = [], before: Ref[] = [];
  for (const r of actorRefs) {
    if (r.tokenStart < clause.tokenStart || r.tokenStart >= clause.tokenEnd) continue;
    if (r.tokenEnd <= c.t) {
      (r.tokenStart >= prev ? near : before).push(r);
      continue;
    }
    if (r.tokenStart >= next) continue;
    const p1 = tokens[r.tokenStart - 1], p2 = tokens[r.tokenStart - 2];
    const byPhrase = lower(p1) === 'by' || (p1.pos === 'DET' && !!p2 && lower(p2) === 'by');
    (byPhrase ? agents : after).push(...r.ids);
  }
  // The subject is the last entity before the verb with those coordinated with it; it leads.
  const left = near.length ? near : before;
  let k = left.length - 1;
  while (k > 0 && joined(tokens, left[k - 1], left[k])) k--;
  const ordered = [...left.slice(k), ...left.slice(0, k)].flatMap((r) => r.ids);
  return [...new Set([...agents, ...ordered, ...after])];
}

/** The preposition a place hangs from, looking through a list ("to Sukhna, Raqqa and Deir Ezzor"). */
function governingPrep(tokens: Token[], i: number, placeRefs: Ref[]): string {
  let j = i - 1;
  while (j >= 0) {
    const t = tokens[j];
    const inPlace = refAt(placeRefs, j);
    if (inPlace) { j = inPlace.tokenStart - 1; continue; }
    if (t.pos === 'DET' || t.text === ',' || t.pos === 'CCONJ') { j--; continue; }
    return lower(t);
  }
  return '';
}

function choosePlace(view: ClauseView, c: Candidate): { place: string | null; destination: string | null } {
  const { tokens, clause, placeRefs, actorRefs } = view;
  const eligible: Ref[] = [];
  let destination: string | null = null;
  for (const r of placeRefs) {
    if (r.tokenStart < clause.tokenStart || r.tokenStart >= clause.tokenEnd) continue;
    const nextTok = tokens[r.tokenEnd];
    if ((nextTok && POSSESSIVE.has(nextTok.text)) || /['’]s$/.test(tokens[r.tokenEnd - 1].text)) continue; // "Syria's largest city"
    let p = r.tokenStart - 1;
    if (p >= 0 && tokens[p].pos === 'DET') p--;
    const prep = p >= 0 ? lower(tokens[p]) : '';
    // "the US Embassy in Syria": the place describes the organisation, not where the event was.
    if (ATTRIBUTIVE.has(prep) && p > 0 && refAt(actorRefs, p - 1) && !refAt(actorRefs, p - 1)!.pronoun) continue;
    if (DESTINATION.has(governingPrep(tokens, r.tokenStart, placeRefs)) && root(c.code) === '08') {
      destination ??= r.ids[0];
      continue;
    }
    eligible.push(r);
  }
  const afterTrigger = eligible.find((r) => r.tokenStart >= c.t);
  const chosen = afterTrigger ?? eligible[eligible.length - 1];
  return { place: chosen ? chosen.ids[0] : null, destination };
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
  const mentions = mentionRefs(section, entities);
  const places = mentions.filter((m) => m.type === 'PLACE');
  // A place one acts with or against is standing for its government ("collaborated with Damascus").
  const placeActors = new Set(places.filter((m) => PARTNER.has(governingPrep(tokens, m.tokenStart, places))));
  const actorRefs = [...mentions.filter((m) => ACTOR_TYPES.has(m.type) || placeActors.has(m)), ...resolvePronouns(section, mentions)]
    .sort((a, b) => a.tokenStart - b.tokenStart);
  const placeRefs = places.filter((m) => !placeActors.has(m));
  const sectionTimes = times.filter((x) => x.in === section.in).map((x) => ({ tokenStart: tokenAt(tokens, x.start), value: x.value }));
  const sectionQuotes = quotes.filter((q) => q.in === section.in);
  const drafts: Draft[] = [];
  for (let s = 0; s < section.sentences.length; s++) {
    const sentence = section.sentences[s];
    // A question reports nothing ("Is Assad colluding with ISIS?").
    if (isQuestion(tokens, sentence.tokenStart, sentence.tokenEnd)) continue;
    // Only the refs of this sentence are scanned per clause, which keeps the work linear.
    const inSentence = (r: Ref) => r.tokenStart >= sentence.tokenStart && r.tokenStart < sentence.tokenEnd;
    const sActors = actorRefs.filter(inSentence), sPlaces = placeRefs.filter(inSentence);
    for (const clause of clausesOf(section, s)) {
      const view: ClauseView = { tokens, clause, actorRefs: sActors, placeRefs: sPlaces };
      const candidates = findCandidates(view, lex);
      for (const c of candidates) {
        const start = tokens[clause.tokenStart].start, end = tokens[clause.tokenEnd - 1].end;
        const at = tokens[c.t].start;
        const quote = sectionQuotes
          .filter((q) => q.start <= at && at < q.end)
          .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
        const { place, destination } = choosePlace(view, c);
        drafts.push({
          event: {
            in: section.in, start, end,
            text: section.text.slice(start, end),
            cameo: c.code,
            trigger: section.text.slice(at, tokens[c.tEnd - 1].end),
            date: nearestTime(sectionTimes, clause.tokenStart, clause.tokenEnd, c.t)
              ?? nearestTime(sectionTimes, sentence.tokenStart, sentence.tokenEnd, c.t),
            actors: chooseActors(view, c, candidates),
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
  for (const d of drafts) {
    const e = d.event;
    if ((e.place && e.date) || !e.actors.length) continue;
    let best: Draft | null = null, dist = Infinity;
    for (const o of drafts) {
      if (o === d || o.event.in !== e.in) continue;
      const gap = Math.abs(o.sentence - d.sentence);
      if (gap === 0 || gap > WINDOW || gap >= dist) continue;
      if (root(o.event.cameo) !== root(e.cameo) || o.event.actors[0] !== e.actors[0]) continue;
      best = o; dist = gap;
    }
    if (!best) continue;
    e.place ??= best.event.place;
    e.date ??= best.event.date;
  }
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
