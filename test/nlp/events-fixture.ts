// Builds the context the events stage reads (tokens, entity mentions, times, quotes) for a small
// text written for a test, standing in for the entities, dates and quotes stages.
import { tokenize } from '../../src/nlp/stages/01-tokens.js';
import { sectionEvents } from '../../src/nlp/stages/events/index.js';
import type { Entity, EntityType, Event, Quote, TimeExpression } from '../../src/types.js';

export interface FixtureEntity { id: string; type: EntityType; forms: string[] }

/** Every whole-word occurrence of `form` in `text`, as [start, end). */
function occurrences(text: string, form: string): [number, number][] {
  const out: [number, number][] = [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + form.length]);
  return out;
}

export function entitiesIn(text: string, specs: FixtureEntity[]): Entity[] {
  const taken: [number, number][] = [];
  const entities: Entity[] = specs.map((s) => ({ id: s.id, key: s.id, name: s.forms[0], type: s.type, aliases: s.forms, mentions: [] }));
  // Longest forms first, so "Assad regime" is not also read as "Assad".
  const forms = specs.flatMap((s, k) => s.forms.map((f) => ({ f, k }))).sort((a, b) => b.f.length - a.f.length);
  for (const { f, k } of forms) {
    for (const [a, b] of occurrences(text, f)) {
      if (taken.some(([x, y]) => a < y && x < b)) continue;
      taken.push([a, b]);
      entities[k].mentions.push({ in: 'document', start: a, end: b, text: text.slice(a, b) });
    }
  }
  for (const e of entities) e.mentions.sort((x, y) => x.start - y.start);
  return entities;
}

export function timesIn(text: string, specs: [string, string][]): TimeExpression[] {
  return specs.map(([form, value]) => {
    const [a, b] = occurrences(text, form)[0];
    return { in: 'document', start: a, end: b, text: form, value };
  });
}

export function quoteOver(text: string, id: string, content: string): Quote {
  const start = text.indexOf(content);
  return { id, in: 'document', start, end: start + content.length, content, direct: true, cue: 'said', speaker: { text: 'someone', entityId: null }, via: [] };
}

export function eventsOf(text: string, entities: FixtureEntity[] = [], times: [string, string][] = [], quotes: Quote[] = []): Omit<Event, 'id'>[] {
  return sectionEvents(tokenize('document', text), entitiesIn(text, entities), timesIn(text, times), quotes);
}
