// Events: who did what to whom, where and when, coded in CAMEO. Per clause, event verbs and
// nominalisations are looked up in the curated lexicon; actors are the entities (and resolved
// pronouns) of the clause, the place a PLACE mention in it, the date a time expression of the
// clause or else of the sentence. Linear in tokens: every lookup is a Map hit or a short window.
import type { Context, Section, Stage } from '../../context.js';
import type { Entity, Event, Quote, TimeExpression } from '../../../types.js';
import { clausesOf } from './01-clauses.js';
import { tokenAt, wordsOf } from './02-words.js';
import { findCandidates, isQuestion, root } from './03-triggers.js';
import { chooseActors, choosePlace, nearestTime, placesAsActors } from './04-roles.js';
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
  const tokens = section.tokens;
  if (!tokens.length) return [];
  const w = wordsOf(section, entities);
  const sectionTimes = times.filter((x) => x.in === section.in).map((x) => ({ tokenStart: tokenAt(tokens, x.start), value: x.value }));
  // Per token, the innermost quote around it: longer quotes are laid down first, shorter over them.
  const sectionQuotes = quotes.filter((q) => q.in === section.in).sort((a, b) => b.end - b.start - (a.end - a.start));
  const quoteAt = new Array<number>(tokens.length).fill(-1);
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
    for (const clause of clausesOf(section, s, w.low)) {
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
