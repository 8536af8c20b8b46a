// An entity's mentions in one document, kept in its entities row (entities.spans) rather than a row
// each: they are only ever read by entity (see migration 0007_mentions_in_entities).
import type { Mention } from '../types.js';

/** Mentions as stored: [[container, start, end, text], …]. */
export function mentionSpans(mentions: readonly Mention[]): string {
  // what JSON.stringify of the arrays gives, without making them
  let s = '[';
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    s += `${i ? ',' : ''}[${jsonString(m.in)},${jsonNumber(m.start)},${jsonNumber(m.end)},${jsonString(m.text)}]`;
  }
  return s + ']';
}

/** A string as JSON: quoted as it is when nothing in it needs escaping (the common case), else by JSON.stringify. */
function jsonString(t: string | undefined): string {
  if (typeof t !== 'string') return 'null';
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(t);
  }
  return `"${t}"`;
}

const jsonNumber = (n: number) => (Number.isFinite(n) ? String(n) : 'null');

/** The mentions in an entities.spans value. */
export function readSpans(spans: string): Mention[] {
  return (JSON.parse(spans) as [string, number, number, string][]).map(([container, start, end, text]) => ({ in: container, start, end, text }));
}
