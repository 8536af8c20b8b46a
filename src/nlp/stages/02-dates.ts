// Time expressions ("in May 2015", "February last year", "last Sunday") resolved against the
// document's own date, with the precision the words support: YYYY, YYYY-MM or YYYY-MM-DD.
//
// chrono-node does the reading, but it is slowish and eager ("Sunday Times", "march" the verb, a
// bare "3/4"), so it runs only on sentences a cheap regex flags, and its results are filtered.
// When the page states no date, the reference date is inferred (earliest comment, else the latest
// full date in the text) and ctx.referenceDateSource says which.
import * as chrono from 'chrono-node';
import type { ParsedResult } from 'chrono-node';
import type { TimeExpression } from '../../types.js';
import type { Context, ReferenceDateSource, Section, Stage } from '../context.js';

const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
const WEEKDAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const DAYPART = 'today|tonight|yesterday|tomorrow|morning|afternoon|evening|night|noon|midnight';
const UNIT = 'years?|months?|weeks?|weekend|days?|decades?|spring|summer|autumn|fall|winter';

// Words that make a sentence worth handing to chrono. Month and weekday names must be capitalised
// ("may", "march" are verbs), so the regex is case-sensitive and other words get both cases.
const bothCases = (alternatives: string) => alternatives.replace(/(^|[|(])([a-z])/g, (_, p: string, c: string) => `${p}[${c}${c.toUpperCase()}]`);
const DATEISH = new RegExp(
  `\\b(?:(?:${MONTH}|${WEEKDAY})\\b|\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}\\b|(?:${bothCases(DAYPART)})\\b|ago\\b|(?:${bothCases('last|next|this|past|previous|coming|earlier|later')})\\s+(?:${UNIT}|${DAYPART}|${WEEKDAY}|${MONTH})\\b)`,
  'g',
);
const CAP_MONTH_OR_DAY = new RegExp(`^(?:${MONTH}|${WEEKDAY})\\b`);

// A year chrono does not read on its own: "in 2015", "since 2011", "mid-2014".
const YEAR = /\b(?:(?:in|since|by|until|till|during|from|before|after|through|throughout|between|and|to|early|late|of|around|circa|spring|summer|autumn|fall|winter|year)\s+|mid-)((?:1[89]|20)\d\d)\b(?![-–/.]\d|\s*(?:%|percent|per cent))/gi;

// A bare month or weekday counts as a date only after one of these words ("in May", "on Sunday"),
// never after a name ("Theresa May", "Bloody Sunday").
const DATE_PREP = /\b(?:in|on|since|by|until|till|during|from|before|after|through|throughout|between|and|or|to|of|early|late|mid|last|next|this|that|each|every|past|end|beginning|start|around)\s*$/i;
const DAYPART_WORD = new RegExp(`\\b(?:${DAYPART})\\b`, 'i');
const BARE_DAYPART = /^(?:the\s+|at\s+)?(?:morning|afternoon|evening|night|noon|midnight)$/i;
const BARE_NAME = new RegExp(`^(?:${MONTH}|${WEEKDAY})\\.?$`, 'i');
const ENDS_WEEKDAY = new RegExp(`(?:${WEEKDAY})$`);
const STARTS_MONTH = new RegExp(`^\\s+(?:${MONTH})\\b`);
const REL_YEAR = /^(?:last|next|this)\s+year$/i;
const MONTH_RELATIVE = /\b(?:(last|previous|past|next|coming|this)\s+month|(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+months?\s+(ago|earlier|later|from now))\b/i;
const NUMBER_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO date or date-time → a local Date at noon (noon keeps day arithmetic away from DST edges). */
export function isoToDate(iso: string): Date | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return null;
  return new Date(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1, 12);
}

interface Found {
  start: number;
  end: number;
  value: string;
  /** True when the value depends on the reference date. */
  relative: boolean;
}

/** Whether the words leading up to a date at `at` (within its sentence, from `from`) look ahead ("will
 * reopen in November"); only those count, not a later clause. */
function looksAheadBefore(text: string, from: number, at: number): boolean {
  return /\b(?:will|shall|next|coming|upcoming|scheduled|expected|plans?|planned|due)\b|['’]ll\b/i.test(text.slice(Math.max(from, at - 60), at));
}

/** Turn one chrono result (offsets relative to `base` in `text`) into a Found, or null to drop it. */
function fromChrono(r: ParsedResult, text: string, base: number, sentence: Flagged, ref: Date, next: ParsedResult | undefined): { found: Found; usedNext: boolean } | null {
  const s = r.start;
  const surface = r.text.replace(/[\s,;:]+$/, ''); // chrono keeps a trailing comma or space
  if (BARE_DAYPART.test(surface)) return null; // "the morning meetings"
  const at = base + r.index;
  const before = text.slice(Math.max(0, at - 24), at);
  const after = text.slice(at + surface.length, at + surface.length + 24);
  if (/^(?:right\s+)?now$/i.test(surface)) return null; // "now" is mostly "currently" in prose
  // "USA Today", "Britain Tonight": a casual day word after a capitalised word names something.
  if (/^(?:today|tonight|yesterday|tomorrow)$/i.test(surface) && /\p{Lu}[\p{L}.]*\s+$/u.test(before)) return null;
  // "Seventy-four years ago": chrono saw only "four years ago".
  if (/^[-‐–]$/.test(text.slice(at - 1, at)) && /^(?:\d|one|two|three|four|five|six|seven|eight|nine)/i.test(surface)) return null;
  if (/^(?:in\s+)?the\s+(?:year|month|week|day)$/i.test(surface)) return null; // "in the year 2000": the year pattern reads it
  // "two days after a truce was announced", "a week later", "within a week": counted from another event
  // or a span, not from the article's date (chrono counts from that date; "two days ago" is kept)
  if (/^within\b/i.test(surface) || (/\b(?:after|before|later|earlier)$/i.test(surface) && /\b(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)\b/i.test(surface))) return null;
  const bareName = BARE_NAME.test(surface);
  if (bareName) {
    if (!CAP_MONTH_OR_DAY.test(surface)) return null; // "may", "march": verbs
    const followedByRelYear = next && REL_YEAR.test(next.text) && /^\s*(?:of\s+)?$/.test(text.slice(at + surface.length, base + next.index));
    if (!followedByRelYear && !DATE_PREP.test(before)) return null;
  }
  // A weekday or month glued to a following name is part of it ("Sunday Times").
  if (ENDS_WEEKDAY.test(surface) && /^\s+\p{Lu}/u.test(after) && !STARTS_MONTH.test(after)) return null;
  const dayCertain = s.isCertain('day') || s.isCertain('weekday');
  const hasDatePart = dayCertain || s.isCertain('month') || s.isCertain('year');
  if (!hasDatePart && !DAYPART_WORD.test(surface)) return null; // a clock time alone: "at 11 a.m."
  if (/^[\d\s/.:-]+$/.test(surface) && !s.isCertain('year')) return null; // "3/4", "5-4": not dates
  let year = s.get('year')!;
  let month = s.get('month')!;
  let day = s.get('day')!;
  let end = at + surface.length;
  let usedNext = false;
  // Without a written year the value leans on the reference date ("last year", "on 12 March").
  const relative = !/\b\d{4}\b/.test(surface);
  // "February last year": the month from the first result, the year from the second.
  if (next && bareName && REL_YEAR.test(next.text)) {
    year = next.start.get('year')!;
    end = base + next.index + next.text.length;
    usedNext = true;
  }
  const mr = MONTH_RELATIVE.exec(surface);
  if (mr) {
    // chrono overflows month arithmetic ("last month" on 31 March gives 2 March); do it on months.
    const n = mr[1] ? ({ last: -1, previous: -1, past: -1, next: 1, coming: 1, this: 0 } as Record<string, number>)[mr[1].toLowerCase()]
      : (Number(mr[2]) || NUMBER_WORDS[mr[2].toLowerCase()] || 1) * (/ago|earlier/i.test(mr[3]) ? -1 : 1);
    const d = new Date(ref.getFullYear(), ref.getMonth() + n, 1, 12);
    return { found: { start: at, end, value: `${d.getFullYear()}-${pad(d.getMonth() + 1)}`, relative: true }, usedNext };
  }
  // A month (and day) without a year is read as the past one unless the sentence looks ahead:
  // news reports mostly what has happened; chrono picks whichever is nearer.
  if (relative && !usedNext && s.isCertain('month') && !/\b(?:next|last|this)\b/i.test(surface)) {
    const when = new Date(year, month - 1, s.isCertain('day') ? day : 1, 12);
    const ahead = (when.getTime() - ref.getTime()) / 86400000;
    const looksAhead = looksAheadBefore(text, sentence.a, at);
    if (ahead > 31 && !looksAhead) year -= 1;
    else if (ahead < -31 && looksAhead) year += 1;
  }
  // A weekday alone ("on Wednesday") is the past one unless the sentence looks ahead, as a month is:
  // chrono takes the nearest, and on a Sunday that is the coming Wednesday.
  if (relative && s.isCertain('weekday') && !s.isCertain('day') && !/\b(?:next|last|this|coming|past|previous)\b/i.test(surface)) {
    const when = new Date(year, month - 1, day, 12);
    const ahead = (when.getTime() - new Date(ref.getFullYear(), ref.getMonth(), ref.getDate(), 12).getTime()) / 86400000;
    const looksAhead = looksAheadBefore(text, sentence.a, at);
    const shift = ahead > 0 && !looksAhead ? -7 : ahead < 0 && looksAhead ? 7 : 0;
    if (shift) {
      const d = new Date(year, month - 1, day + shift, 12);
      year = d.getFullYear();
      month = d.getMonth() + 1;
      day = d.getDate();
    }
  }
  let value: string;
  const weekish = /\bweeks?\b/i.test(surface) && !s.isCertain('weekday');
  if ((dayCertain || s.isCertain('hour') || DAYPART_WORD.test(surface)) && !weekish) value = `${year}-${pad(month)}-${pad(day)}`;
  else if (s.isCertain('month') || usedNext || weekish) value = `${year}-${pad(month)}`;
  else value = String(year);
  return { found: { start: at, end, value, relative: relative || usedNext }, usedNext };
}

// Four digits in a row: without them a window can only yield relative expressions.
const FOUR_DIGITS = /\d{4}/;

/**
 * All time expressions in one flagged sentence of `text`. With `absoluteOnly`, windows that can
 * only hold relative expressions (no four-digit year in them) are not read: their values would
 * lean on a reference date the caller does not have.
 */
function findIn(text: string, f: Flagged, ref: Date, absoluteOnly = false): Found[] {
  const out: Found[] = [];
  for (const [wa, wb] of f.windows) {
    const window = text.slice(wa, wb);
    if (absoluteOnly && !FOUR_DIGITS.test(window)) continue;
    const results = chrono.parse(window, ref);
    for (let i = 0; i < results.length; i++) {
      const got = fromChrono(results[i], text, wa, f, ref, results[i + 1]);
      if (!got) continue;
      out.push(got.found);
      if (got.usedNext) i++;
    }
  }
  const sentence = text.slice(f.a, f.b);
  YEAR.lastIndex = 0;
  for (let m; (m = YEAR.exec(sentence)); ) {
    const start = f.a + m.index + m[0].length - m[1].length;
    const end = start + 4;
    if (out.some((x) => x.start < end && start < x.end)) continue;
    out.push({ start, end, value: m[1], relative: false });
  }
  return out.sort((x, y) => x.start - y.start);
}

/**
 * A sentence worth reading: [a, b), and the windows around its date-like words that chrono reads
 * (none when a year alone was found, which the year pattern handles).
 */
interface Flagged {
  a: number;
  b: number;
  windows: [number, number][];
}

// chrono's cost grows with the text it scans, so it reads a window around each trigger word wide
// enough for "in February last year" or "this morning at 5:00 a.m.", not the whole sentence.
const WINDOW_BEFORE = 32;
const WINDOW_AFTER = 48;

/** Sentences of `section` with matches of `pattern`, each with the match positions in it. */
function sentencesMatching(section: Section, pattern: RegExp): { a: number; b: number; hits: [number, number][] }[] {
  const text = section.text;
  const sentences = section.sentences.length ? section.sentences : [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: 0 }];
  const out: { a: number; b: number; hits: [number, number][] }[] = [];
  let k = 0;
  pattern.lastIndex = 0;
  for (let m; (m = pattern.exec(text)); ) {
    while (k < sentences.length && sentences[k].end <= m.index) k++;
    if (k >= sentences.length) break;
    const s = sentences[k];
    if (m.index < s.start) continue; // between sentences
    const last = out[out.length - 1];
    if (last && last.a === s.start) last.hits.push([m.index, m.index + m[0].length]);
    else out.push({ a: s.start, b: s.end, hits: [[m.index, m.index + m[0].length]] });
  }
  return out;
}

/** What /\s/ matches, by character code (this runs per character of every window). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Widen [from, to) to whole words, within [a, b). */
function wordWindow(text: string, a: number, b: number, from: number, to: number): [number, number] {
  let s = Math.max(a, from), e = Math.min(b, to);
  while (s > a && !isSpace(text.charCodeAt(s - 1))) s--;
  while (e < b && !isSpace(text.charCodeAt(e))) e++;
  return [s, e];
}

function flaggedSentences(section: Section): Flagged[] {
  const text = section.text;
  const byStart = new Map<number, Flagged>();
  for (const { a, b } of sentencesMatching(section, YEAR)) byStart.set(a, { a, b, windows: [] });
  for (const { a, b, hits } of sentencesMatching(section, DATEISH)) {
    const windows: [number, number][] = [];
    for (const [h0, h1] of hits) {
      const w = wordWindow(text, a, b, h0 - WINDOW_BEFORE, h1 + WINDOW_AFTER);
      const last = windows[windows.length - 1];
      if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
      else windows.push(w);
    }
    byStart.set(a, { a, b, windows });
  }
  return [...byStart.values()].sort((x, y) => x.a - y.a);
}

const FIXED_REF = new Date(2000, 0, 1, 12);

/** The reference date and where it came from, before the text is read. */
function givenReference(ctx: Context): { iso: string | null; source: ReferenceDateSource | null } {
  if (ctx.referenceDate) return { iso: ctx.referenceDate, source: ctx.referenceDateSource ?? 'metadata' };
  const stamps = ctx.doc.comments.map((c) => c.postedAt).filter((p): p is string => !!p && isoToDate(p) !== null).sort();
  if (stamps.length) return { iso: stamps[0].slice(0, 10), source: 'inferred:comments' };
  return { iso: null, source: null };
}

export const datesStage: Stage = {
  name: 'dates',
  run(ctx: Context) {
    let { iso, source } = givenReference(ctx);
    let ref = iso ? isoToDate(iso) : null;
    // Undated, the main text is read for absolute dates only, and each needs a four-digit year:
    // without one in the whole text there is nothing to read, and the sentence scan is skipped.
    const flagged = ctx.sections.map((sec) => ({ sec, ranges: !ref && sec.in === 'document' && !FOUR_DIGITS.test(sec.text) ? [] : flaggedSentences(sec) }));
    // A comment's "today" is the day it was posted, when the page shows that.
    const posted = new Map(ctx.doc.comments.map((c) => [c.id, c.postedAt ? isoToDate(c.postedAt) : null]));
    const refOf = (sec: Section) => (sec.in === 'document' ? null : posted.get(sec.in)) ?? ref;
    const read = (sec: Section, ranges: Flagged[], r: Date | null) =>
      ranges.map((f) => ({ f, list: findIn(sec.text, f, r ?? FIXED_REF), partial: false }));
    // Without any reference yet, the main text is first read for absolute dates only (chrono is the
    // costliest step here): relative ones are dropped unless an absolute date then stands in.
    const found = flagged.map(({ sec, ranges }) =>
      ref ? read(sec, ranges, refOf(sec))
      : sec.in === 'document' ? ranges.map((f) => ({ f, list: findIn(sec.text, f, FIXED_REF, true), partial: true }))
      : null);
    if (!ref) {
      // No stated date: the latest full date the main text mentions stands in for it.
      let latest: string | null = null;
      flagged.forEach(({ sec }, i) => {
        if (sec.in === 'document') for (const g of found[i]!) for (const f of g.list)
          if (!f.relative && /^\d{4}-\d{2}-\d{2}$/.test(f.value) && (!latest || f.value > latest)) latest = f.value;
      });
      if (latest) {
        iso = latest;
        source = 'inferred:text';
        ref = isoToDate(latest)!;
      }
      // Re-read only the sentences whose values depended on the stand-in reference.
      flagged.forEach(({ sec, ranges }, i) => {
        if (!found[i]) found[i] = read(sec, ranges, refOf(sec));
        else if (ref) for (const g of found[i]!) {
          if (g.partial) g.list = findIn(sec.text, g.f, FIXED_REF);
          if (g.list.some((f) => f.relative)) g.list = findIn(sec.text, g.f, refOf(sec) ?? FIXED_REF);
        }
      });
    }
    ctx.referenceDate = iso;
    ctx.referenceDateSource = source;
    const times: TimeExpression[] = [];
    flagged.forEach(({ sec }, i) => {
      const known = refOf(sec) !== null;
      for (const g of found[i]!) for (const f of g.list) {
        if (f.relative && !known) continue; // relative to an unknown date: no honest value
        times.push({ in: sec.in, start: f.start, end: f.end, text: sec.text.slice(f.start, f.end), value: f.value });
      }
    });
    ctx.times = times;
  },
};

/** The time expressions lying inside [start, end) of container `container`, in text order. */
export function timesIn(ctx: Context, container: string, start: number, end: number): TimeExpression[] {
  return ctx.times.filter((t) => t.in === container && t.start >= start && t.end <= end);
}

/**
 * The time expression that dates a clause [start, end) of `container`: the first one inside it;
 * else the nearest one in the same sentence(s); else null. Events call this to fill `date`.
 */
export function timeAt(ctx: Context, container: string, start: number, end: number): TimeExpression | null {
  const inside = timesIn(ctx, container, start, end);
  if (inside.length) return inside[0];
  const section = ctx.sections.find((s) => s.in === container);
  let from = start, to = end;
  for (const s of section?.sentences ?? []) {
    if (s.end > start && s.start < end) { from = Math.min(from, s.start); to = Math.max(to, s.end); }
  }
  let best: TimeExpression | null = null;
  let bestGap = Infinity;
  for (const t of ctx.times) {
    if (t.in !== container || t.start < from || t.end > to) continue;
    const gap = t.end <= start ? start - t.end : t.start - end;
    if (gap < bestGap) { best = t; bestGap = gap; }
  }
  return best;
}
