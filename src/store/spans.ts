// An entity's mentions in one document, kept in its entities row (entities.spans) rather than a row
// each: they are only ever read by entity (see migration 0007_mentions_in_entities).
import type { Mention } from '../types.js';

/** Mentions as stored: [[container, start, end, text], …]. */
export function mentionSpans(mentions: readonly Mention[]): string {
  // what JSON.stringify of the arrays gives, without making them
  let s = '[';
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    s += `${i ? ',' : ''}[${JSON.stringify(m.in)},${JSON.stringify(m.start)},${JSON.stringify(m.end)},${JSON.stringify(m.text ?? null)}]`;
  }
  return s + ']';
}

/** The mentions in an entities.spans value. */
export function readSpans(spans: string): Mention[] {
  return (JSON.parse(spans) as [string, number, number, string][]).map(([container, start, end, text]) => ({ in: container, start, end, text }));
}
