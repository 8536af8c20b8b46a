// Events, step 4: who (actors), where (place) and when (date) for each coded word of a clause.
import type { Clause } from './01-clauses.js';
import type { CameoLexicon } from './lexicon.js';
import { governingPrep, joined, type Ref, type Words } from './02-words.js';
import { isPassive, root, type Candidate } from './03-triggers.js';

const DESTINATION = new Set(['to', 'towards', 'toward', 'into']);
const ATTRIBUTIVE = new Set(['in', 'of']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const SUBJECT_GAP = new Set(['AUX', 'ADV', 'PART']);
/** CAMEO roots of verbal cooperation (01-05) and verbal conflict (09-13). */
const VERBAL_ROOTS = new Set(['01', '02', '03', '04', '05', '09', '10', '11', '12', '13']);

/**
 * Actors of a candidate: an agent in a "by" phrase right after it first, then the entities
 * before it, then those after it up to the next event of the clause. A verb with no entity of
 * its own before it shares the subject of the clause ("the regime is making air-strikes …,
 * aiding extremists").
 */
export function chooseActors(w: Words, clause: Clause, refs: Ref[], c: Candidate, { prev, next }: Neighbours): string[] {
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
  const actors = agents;
  for (let j = Math.max(k, 0); j < left.length; j++) actors.push(...left[j].ids);
  for (let j = 0; j < k; j++) actors.push(...left[j].ids);
  actors.push(...after);
  return actors; // the caller drops repeats
}

/** Where the events of a clause before and after a candidate leave off: the end of the last one
 * starting before it (else the clause start) and the start of the first after it (else the clause end). */
export interface Neighbours {
  prev: number;
  next: number;
}

export function neighbours(clause: Clause, c: Candidate, all: Candidate[]): Neighbours {
  let prev = clause.tokenStart, next = clause.tokenEnd;
  for (const o of all) {
    if (o.t < c.t) prev = Math.max(prev, o.tEnd);
    else if (o.t > c.t) next = Math.min(next, o.t);
  }
  return { prev, next };
}

/**
 * The place of a candidate: a PLACE of its clause, preferring the stretch between the events
 * before and after it ("withdrew from Tessin and then attacked Drenport"); with none there, the
 * nearest in the clause, as GDELT locates an event by the place mentioned closest to it.
 */
export function choosePlace(w: Words, clause: Clause, places: Ref[], c: Candidate, { prev, next }: Neighbours): { place: string | null; destination: string | null } {
  if (!places.length) return { place: null, destination: null };
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
export function placesAsActors(w: Words, clause: Clause, places: Ref[], c: Candidate, lex: CameoLexicon): { subject: Ref | null; object: Ref | null } {
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
  const verb = lex.verbs.get(w.lem[c.t]);
  const subjectCanAct = !verb?.placeSubject;
  // "visited Damascus": a verb that takes a place as object is located there, not addressed to it.
  const placeObject = !!verb?.objects.has('@PLACE');
  for (const r of places) {
    if (r.tokenEnd <= c.t && r.tokenStart >= clause.tokenStart) {
      if (!subjectCanAct) continue;
      let j = r.tokenEnd;
      while (j < c.t && SUBJECT_GAP.has(w.tokens[j].pos)) j++;
      const p = r.tokenStart - 1;
      if (j === c.t && (p < 0 || (w.tokens[p].pos !== 'ADP' && !(w.tokens[p].pos === 'DET' && p > 0 && w.tokens[p - 1].pos === 'ADP')))) subject = r;
    } else if (VERBAL_ROOTS.has(root(c.code)) && !placeObject && (r.tokenStart === c.tEnd || (r.tokenStart === c.tEnd + 1 && w.tokens[c.tEnd].pos === 'DET'))) {
      object = r;
    }
  }
  return { subject, object };
}

/** The time expression nearest the trigger within [a, b), if any. */
export function nearestTime(times: { tokenStart: number; value: string }[], a: number, b: number, t: number): string | null {
  let best: string | null = null, dist = Infinity;
  for (const x of times) {
    if (x.tokenStart < a || x.tokenStart >= b) continue;
    const d = Math.abs(x.tokenStart - t);
    if (d < dist) { dist = d; best = x.value; }
  }
  return best;
}
