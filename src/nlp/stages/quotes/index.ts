// The quotes stage: who claims what. Per section: quotation marks (01), attribution frames around
// reporting cues (02), then speakers linked to entities and pronouns resolved (03).
import type { Entity, Quote, Span } from '../../../types.js';
import type { Context, Section, Stage } from '../../context.js';
import { findQuotations } from './01-marks.js';
import { findFrames, looseQuotations, Scan, type Frame } from './02-frames.js';
import { linkEntity, SpeakerResolver, toQuote, type MentionRef } from './03-speakers.js';

export { findQuotations } from './01-marks.js';

// Words that stand where a speaker would but never name one ("that implies …", "let's hope").
const NOT_SPEAKERS = /^(?:that|this|which|what|there|here|['\u2019]s|['\u2019])$/i;

/** Quotes of one section, numbered from `firstId`. */
export function quotesOfSection(section: Section, entities: Entity[], firstId = 1, author: string | null = null): Quote[] {
  const scan = new Scan(section, findQuotations(section.text));
  const frames = findFrames(scan);
  const loose = looseQuotations(scan, frames);
  const mentions: MentionRef[] = [];
  for (let k = 0; k < entities.length; k++) {
    const e = entities[k];
    const ms = e.mentions;
    for (let j = 0; j < ms.length; j++) {
      const m = ms[j];
      if (m.in === section.in) mentions.push({ start: m.start, end: m.end, entityId: e.id, type: e.type, name: e.name });
    }
  }
  sortByStart(mentions);
  const resolver = new SpeakerResolver(scan, mentions, entities, author);

  // frames and loose quotations in text order, so "he" and continued quotations see the speakers before them
  type Item = { frame: Frame; continues: boolean; onlyContinues?: boolean };
  const items: Item[] = frames.map((frame) => ({ frame, continues: false }));
  for (const l of loose) items.push({ frame: { content: { start: l.quotation.start, end: l.quotation.end }, direct: true, cue: null, speaker: null, via: [] }, continues: true, onlyContinues: l.onlyContinues });
  byContentStart(items);

  const quotes: Quote[] = [];
  for (const { frame, continues, onlyContinues } of items) {
    if (continues && !resolver.last()) continue;
    const prev = quotes[quotes.length - 1];
    if (continues && prev && continuesQuote(section.text, prev, frame.content.start)) {
      // "“A,” he said. “B.”": the quotation after the attribution is the same speaker going on
      prev.end = frame.content.end;
      prev.content = section.text.slice(prev.start, prev.end);
      continue;
    }
    if (onlyContinues) continue;
    // every word NOT_SPEAKERS names is at most five letters long
    if (frame.speaker && frame.speaker.end - frame.speaker.start <= 5 && NOT_SPEAKERS.test(section.text.slice(frame.speaker.start, frame.speaker.end))) continue;
    const speaker = resolver.resolve(frame.speaker);
    if (!speaker.text) continue;
    const via = frame.via.map((v) => ({ text: section.text.slice(v.start, v.end), entityId: linkEntity(scan, mentions, v, true)?.entityId ?? null }));
    quotes.push(toQuote(scan, frame, speaker, via, `q${firstId + quotes.length}`));
  }
  return quotes;
}

/** Items by where their content starts, stably (an insertion sort: they come nearly in order). */
function byContentStart(items: { frame: Frame }[]): void {
  if (items.length > 64) { items.sort((a, b) => a.frame.content.start - b.frame.content.start); return; }
  for (let i = 1; i < items.length; i++) {
    const x = items[i], at = x.frame.content.start;
    let j = i - 1;
    while (j >= 0 && items[j].frame.content.start > at) { items[j + 1] = items[j]; j--; }
    items[j + 1] = x;
  }
}

/**
 * Sort mentions by start, stably, as Array.prototype.sort would: a document's few dozen mentions
 * come in nearly sorted (each entity's in text order), where an insertion sort with the comparison
 * inlined is several times quicker than the builtin calling a comparator; long lists use the builtin.
 */
function sortByStart(list: MentionRef[]): void {
  if (list.length > 64) { list.sort((a, b) => a.start - b.start); return; }
  for (let i = 1; i < list.length; i++) {
    const x = list[i];
    let j = i - 1;
    while (j >= 0 && list[j].start > x.start) { list[j + 1] = list[j]; j--; }
    list[j + 1] = x;
  }
}

/** Does a free-standing quotation at `start` carry on the quote before it (same paragraph, only its attribution between)? */
function continuesQuote(text: string, prev: Quote, start: number): boolean {
  if (start < prev.end || start - prev.end > 200) return false;
  const gap = text.slice(prev.end, start);
  return !/[\n\u201c"]|``/.test(gap);
}

export const quotesStage: Stage = {
  name: 'quotes',
  run(ctx: Context) {
    const out: Quote[] = [];
    // who wrote each section: the byline for the main text, the comment's author for a comment
    const authors = ctx.doc.comments.length ? new Map<string, string | null>(ctx.doc.comments.map((c) => [c.id, c.author])) : null;
    for (const section of ctx.sections) {
      const author = section.in === 'document' ? ctx.doc.author : authors?.get(section.in);
      for (const q of quotesOfSection(section, ctx.entities, out.length + 1, author ?? null)) out.push(q);
    }
    ctx.quotes = out;
  },
};

/** The innermost quote whose content contains the span (same container), or null: events inside a
 * quote are the speaker's claim, not the author's. */
export function quoteContaining(quotes: readonly Quote[], span: Span): Quote | null {
  let best: Quote | null = null;
  for (const q of quotes) {
    if (q.in !== span.in || q.start > span.start || q.end < span.end) continue;
    if (!best || q.end - q.start < best.end - best.start) best = q;
  }
  return best;
}
