// Events: who did what to whom, where and when, coded in CAMEO. Per clause, event verbs and
// nominalisations are looked up in the curated lexicon; actors are the entities (and resolved
// pronouns) of the clause, the place a PLACE mention in it, the date a time expression of the
// clause or else of the sentence. Linear in tokens: every lookup is a Map hit or a short window.
import type { Context, Section, Stage } from '../../context.js';
import type { Entity, Event, Quote, TimeExpression } from '../../../types.js';
import { clausesOf } from './01-clauses.js';
import { tokenAt, wordsOf, type Ref } from './02-words.js';
import { findCandidates, isQuestion, root } from './03-triggers.js';
import { chooseActors, choosePlace, nearestTime, neighbours, placesAsActors } from './04-roles.js';
import { cameoLexicon, type CameoLexicon } from './lexicon.js';

/** An event before ids are given, with what the cross-clause pass needs. */
interface Draft {
  event: Omit<Event, 'id'>;
  sentence: number;
  /** A destination ("withdrew to Raqqa") kept for when no better place is found. */
  fallbackPlace: string | null;
}

/** All events of one section, in text order, before ids are given. */
export function sectionEvents(
  section: Section,
  entities: Entity[],
  times: TimeExpression[],
  quotes: Quote[],
  lex: CameoLexicon = cameoLexicon(),
): Omit<Event, 'id'>[] {
  return sectionDrafts(section, entities, times, quotes, lex).map((d) => d.event);
}

/** The drafts of one section: sectionEvents' work, with the sentence each event is in. */
function sectionDrafts(section: Section, entities: Entity[], times: TimeExpression[], quotes: Quote[], lex: CameoLexicon): Draft[] {
  const tokens = section.tokens;
  if (!tokens.length) return [];
  const w = wordsOf(section, entities);
  const sectionTimes: { tokenStart: number; value: string }[] = [];
  for (const x of times) if (x.in === section.in) sectionTimes.push({ tokenStart: tokenAt(tokens, x.start), value: x.value });
  // The innermost quote around a token: the shortest of those starting at or before it and
  // ending after its start (on equal lengths the later in the list, as when longer quotes are laid
  // down first and shorter over them). Asked only for the few tokens that code an event.
  const sectionQuotes = longestFirst(quotes.filter((q) => q.in === section.in));
  const quoteAt = (i: number): Quote | null => {
    const t = tokens[i];
    for (let k = sectionQuotes.length - 1; k >= 0; k--) {
      const q = sectionQuotes[k];
      // t.end > q.start is "i >= tokenAt(tokens, q.start)": token ends never decrease
      if (t.start >= q.start && t.start < q.end && t.end > q.start) return q;
    }
    return null;
  };
  const drafts: Draft[] = [];
  let ai = 0, pi = 0; // cursors into the refs, which are in text order
  for (let s = 0; s < section.sentences.length; s++) {
    const sentence = section.sentences[s];
    while (ai < w.actorRefs.length && w.actorRefs[ai].tokenStart < sentence.tokenStart) ai++;
    while (pi < w.placeRefs.length && w.placeRefs[pi].tokenStart < sentence.tokenStart) pi++;
    // A question reports nothing ("Is Assad colluding with ISIS?").
    if (isQuestion(w, sentence.tokenStart, sentence.tokenEnd)) continue;
    // Only the refs of this sentence are scanned per candidate, which keeps the work linear.
    let sActors: Ref[] | null = null, sPlaces: Ref[] | null = null;
    for (const clause of clausesOf(section, s, w.low)) {
      const candidates = findCandidates(w, clause, lex);
      if (!candidates.length) continue;
      if (!sActors || !sPlaces) {
        let ae = ai, pe = pi;
        while (ae < w.actorRefs.length && w.actorRefs[ae].tokenStart < sentence.tokenEnd) ae++;
        while (pe < w.placeRefs.length && w.placeRefs[pe].tokenStart < sentence.tokenEnd) pe++;
        sActors = w.actorRefs.slice(ai, ae);
        sPlaces = w.placeRefs.slice(pi, pe);
      }
      const start = tokens[clause.tokenStart].start, end = tokens[clause.tokenEnd - 1].end;
      const text = section.text.slice(start, end);
      for (const c of candidates) {
        const at = tokens[c.t].start;
        const quote = sectionQuotes.length ? quoteAt(c.t) : null;
        const { subject, object } = placesAsActors(w, clause, sPlaces, c, lex);
        const places = subject || object ? sPlaces.filter((r) => r !== subject && r !== object) : sPlaces;
        const bounds = neighbours(clause, c, candidates);
        const { place, destination } = choosePlace(w, clause, places, c, bounds);
        const actors: string[] = [];
        if (subject) for (const id of subject.ids) if (!actors.includes(id)) actors.push(id);
        for (const id of chooseActors(w, clause, sActors, c, bounds)) if (!actors.includes(id)) actors.push(id);
        if (object) for (const id of object.ids) if (!actors.includes(id)) actors.push(id);
        drafts.push({
          event: {
            in: section.in, start, end,
            text,
            cameo: c.code,
            trigger: section.text.slice(at, tokens[c.tEnd - 1].end),
            date: sectionTimes.length ? nearestTime(sectionTimes, clause.tokenStart, clause.tokenEnd, c.t)
              ?? nearestTime(sectionTimes, sentence.tokenStart, sentence.tokenEnd, c.t) : null,
            actors,
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
  return drafts;
}

/**
 * Quotes by length, longest first, stably, as Array.prototype.sort would: a section holds a few
 * dozen, where an insertion sort with the comparison inlined beats the builtin calling a
 * comparator; long lists use the builtin.
 */
function longestFirst(list: Quote[]): Quote[] {
  if (list.length > 64) return list.sort((a, b) => b.end - b.start - (a.end - a.start));
  for (let i = 1; i < list.length; i++) {
    const x = list[i], len = x.end - x.start;
    let j = i - 1;
    while (j >= 0 && list[j].end - list[j].start < len) { list[j + 1] = list[j]; j--; }
    list[j + 1] = x;
  }
  return list;
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

/** The event with its id first, built field by field: the object `{ id, ...e }` gives, without the cost of a spread copy. */
function withId(id: string, e: Omit<Event, 'id'>): Event {
  const event = { id, in: e.in, start: e.start, end: e.end, text: e.text, cameo: e.cameo, trigger: e.trigger, date: e.date, actors: e.actors, place: e.place, quoteId: e.quoteId };
  // Does not compile once Event has a field the list above leaves out, so none is dropped silently.
  const complete: Exclude<keyof Event, keyof typeof event> extends never ? true : never = true;
  return complete && event;
}

export const eventsStage: Stage = {
  name: 'events',
  run(ctx: Context) {
    const events: Event[] = [];
    const lex = cameoLexicon();
    for (const section of ctx.sections) {
      for (const { event } of sectionDrafts(section, ctx.entities, ctx.times, ctx.quotes, lex)) events.push(withId(`v${events.length + 1}`, event));
    }
    ctx.events = events;
  },
};
