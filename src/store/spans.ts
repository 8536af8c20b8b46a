// An entity's mentions in one document, kept in its entities row (entities.spans) rather than a row
// each: they are only ever read by entity (see migration 0007_mentions_in_entities).
import type { Mention } from '../types.js';

/** Mentions as stored: [[container, start, end, text], …]. (JSON.stringify of small arrays: building the
 * text by hand from template strings allocated half again as much, in string pieces.) */
export function mentionSpans(mentions: readonly Mention[]): string {
  return JSON.stringify(mentions.map((m) => [m.in, m.start, m.end, m.text]));
}

/** The mentions in an entities.spans value. */
export function readSpans(spans: string): Mention[] {
  return (JSON.parse(spans) as [string, number, number, string][]).map(([container, start, end, text]) => ({ in: container, start, end, text }));
}
