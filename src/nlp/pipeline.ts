// Document → Analysis. The stages run in this order; each reads what the earlier ones left.
import type { Analysis, Document } from '../types.js';
import type { Context, Stage } from './context.js';
import { tokensStage } from './stages/01-tokens.js';
import { datesStage } from './stages/02-dates.js';
import { entitiesStage } from './stages/entities/index.js';
import { quotesStage } from './stages/04-quotes.js';
import { eventsStage } from './stages/events/index.js';

export const STAGES: readonly Stage[] = [tokensStage, datesStage, entitiesStage, quotesStage, eventsStage];

function checkStages(stages: readonly Stage[]): void {
  const seen = new Set<string>();
  for (const s of stages) {
    if (seen.has(s.name)) throw new Error(`dossier pipeline: stage "${s.name}" is listed twice`);
    seen.add(s.name);
  }
}
checkStages(STAGES);

export function newContext(doc: Document): Context {
  return { doc, referenceDate: doc.publishedAt, sections: [], entities: [], quotes: [], events: [], times: [] };
}

export function runPipeline(doc: Document, stages: readonly Stage[] = STAGES): Context {
  const ctx = newContext(doc);
  for (const stage of stages) stage.run(ctx);
  return ctx;
}

/** Analyse one document read from `source`, producing the contract's JSON shape. */
export function analyzeDocument(doc: Document, source: string): Analysis {
  const ctx = runPipeline(doc);
  return {
    schema: 'dossier.analysis/1',
    source,
    document: {
      title: doc.title,
      author: doc.author,
      publisher: doc.publisher,
      publishedAt: doc.publishedAt,
      publishedAtSource: doc.publishedAtSource ?? null,
      language: doc.language,
      url: doc.url ?? null,
      text: doc.text,
      referenceDate: ctx.referenceDate,
      referenceDateSource: ctx.referenceDateSource ?? null,
    },
    comments: doc.comments,
    entities: ctx.entities,
    quotes: ctx.quotes,
    events: ctx.events,
    times: ctx.times,
  };
}
