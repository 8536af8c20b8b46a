// Finding and reading a reader-comment section at the end of a plain-text dump.
//
// Ordinary articles contain numbered lists, dates and pipes, so the section is recognised only on
// strong evidence: either a run of consecutively numbered items (1., 2., 3., …) of which at least
// two start with a comment header ("author | 31st March 2016 at 11:30 am | Reply"), or a line that
// can only be a comment-section marker ("12 comments", "Leave a Reply", "3 thoughts on …").
// Everything from there to the end of the file is the comment section.
import type { Comment } from '../../types.js';
import { stampToIso } from './stamp.js';

/** One line of the input: [start, end) excludes the line break; indent counts leading blanks. */
interface Line {
  start: number;
  end: number;
  text: string;
  indent: number;
}

export interface CommentHeader {
  author: string | null;
  postedAt: string | null;
}

export interface CommentSection {
  /** Offset in the input where the comment section begins. */
  start: number;
  comments: Comment[];
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let at = 0;
  while (at <= text.length) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    const end = nl > at && text[nl - 1] === '\r' ? nl - 1 : nl;
    const body = text.slice(at, end);
    lines.push({ start: at, end, text: body, indent: body.length - body.trimStart().length });
    at = nl + 1;
  }
  return lines;
}

// Words that comment widgets print beside the author and stamp ("Reply", "Report", "5 likes").
const ACTION = /^(?:reply|report|report abuse|permalink|link|flag|share|quote|edit|delete|like|likes?\s*\(\d+\)|\d+\s+likes?|\d+\s+repl(?:y|ies))$/i;
const AGO = /^(?:an?|\d+)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago$/i;
// An author shown in a header: short, no sentence punctuation, not a sentence.
const AUTHOR = /^[^.!?:;|"“”]{1,60}$/;

/**
 * A comment header on one line: `author | stamp | Reply` and variants. At least one part must be a
 * full date stamp or a widget action, and the first part must look like an author (or a stamp).
 */
export function parseHeader(line: string): CommentHeader | null {
  if (!line.includes('|')) return null;
  const parts = line.split('|').map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2 || parts.length > 6) return null;
  let author: string | null = null;
  let postedAt: string | null = null;
  let evidence = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (ACTION.test(p)) { evidence++; continue; }
    // "3 days ago": a widget's relative stamp; no honest time without the crawl date, but a header.
    if (AGO.test(p)) { evidence++; continue; }
    const iso: string | null = postedAt === null && p.length <= 60 ? stampToIso(p, true) : null;
    if (iso) { postedAt = iso; evidence++; continue; }
    if (i === 0 && AUTHOR.test(p) && p.split(/\s+/).length <= 6) { author = p; continue; }
    return null; // a part that is neither author, stamp nor action: ordinary text with a pipe
  }
  return evidence > 0 ? { author, postedAt } : null;
}

// "Jane Roe says:" (WordPress) — a header whose stamp, if any, is on the next line.
const SAYS = /^\s*([^.!?:;|"“”]{1,60}?)\s+(?:says|said|wrote):\s*$/i;

// "Jane Roe on March 4, 2021 at 8:15 pm said:" — author and stamp on one line.
const ON_STAMP = /^\s*([^.!?:;|"“”]{1,60}?)\s+on\s+(.{6,60}?)(?:\s+(?:said|says|wrote))?:?\s*$/i;

const NUMBERED = /^(\s*)(\d{1,4})[.)]\s+(?=\S)/;
const BULLET = /^(\s*)[•◦▪‣●○*–-]\s+(?=\S)/;
const MARKER = /^\s*(?:\d[\d,]*\s+(?:comments?|responses?|replies|thoughts\s+on\b.*)|(?:leave|post|add|write)\s+a\s+(?:reply|comment|response)\b.{0,40}|(?:reader\s+)?comments?\s*(?:\(\d+\))?\s*:?)\s*$/i;
// A bare "Comments" line is weaker than "12 comments": it needs a header after it.
const WEAK_MARKER = /^\s*(?:reader\s+)?comments?\s*(?:\(\d+\))?\s*:?\s*$/i;

/** Where a numbered comment run starts (index into lines), and which lines are its items. */
function findNumberedRun(lines: Line[], from = 0, needHeaders = true): { first: number; items: Set<number> } | null {
  for (let i = from; i < lines.length; i++) {
    const m = NUMBERED.exec(lines[i].text);
    if (!m || m[2] !== '1') continue;
    const indent = m[1].length;
    const items = new Set<number>([i]);
    let next = 2;
    let headers = headerAfterNumber(lines[i].text, m[0].length) ? 1 : 0;
    for (let j = i + 1; j < lines.length; j++) {
      const n = NUMBERED.exec(lines[j].text);
      if (!n || n[1].length !== indent) continue;
      if (Number(n[2]) !== next) break;
      items.add(j);
      next++;
      if (headerAfterNumber(lines[j].text, n[0].length)) headers++;
    }
    // Several items, at least two (and a third of them) with comment headers.
    if (items.size >= 2 && (!needHeaders || (headers >= 2 && headers * 3 >= items.size))) return { first: i, items };
  }
  return null;
}

function headerAfterNumber(line: string, skip: number): boolean {
  return parseHeader(line.slice(skip)) !== null;
}

function findMarker(lines: Line[], from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const t = lines[i].text;
    if (t.length > 80 || !MARKER.test(t)) continue;
    if (!WEAK_MARKER.test(t)) return i;
    for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) {
      const body = lines[j].text.replace(NUMBERED, '').replace(BULLET, '');
      if (parseHeader(body) || SAYS.test(body) || ON_STAMP.test(body)) return i;
    }
  }
  return -1;
}

/** One comment as found in the section: where its text begins, its header and nesting depth. */
interface Item {
  line: number;
  indent: number;
  header: CommentHeader | null;
  /** Offset where the comment's own text may begin (after number, bullet and header). */
  bodyFrom: number;
}

/** Recognise the items of a comment section starting at line `first`. */
function readItems(lines: Line[], first: number, numbered: Set<number> | null): Item[] {
  const items: Item[] = [];
  for (let i = first; i < lines.length; i++) {
    const line = lines[i];
    let skip = 0;
    let isItem = false;
    if (numbered?.has(i)) {
      skip = NUMBERED.exec(line.text)![0].length;
      isItem = true;
    } else {
      const b = BULLET.exec(line.text);
      if (b) skip = b[0].length;
    }
    const rest = line.text.slice(skip);
    let header = parseHeader(rest);
    let headerLines = header ? 1 : 0;
    if (!header) {
      const on = ON_STAMP.exec(rest);
      const iso = on ? stampToIso(on[2], true) : null;
      // Without "said:" or a colon, only a stamp with a clock time makes it a header, not prose.
      if (iso && (/:\s*$/.test(rest) || iso.includes('T'))) { header = { author: on![1].trim(), postedAt: iso }; headerLines = 1; }
    }
    if (!header) {
      const says = SAYS.exec(rest);
      if (says) {
        // The stamp, when shown, is on the next non-blank line.
        let k = i + 1;
        while (k < lines.length && !lines[k].text.trim()) k++;
        const iso = k < lines.length ? stampToIso(lines[k].text.trim(), true) : null;
        header = { author: says[1].trim(), postedAt: iso };
        headerLines = iso ? k - i + 1 : 1;
      }
    }
    if (!isItem && !header) continue;
    const after = headerLines ? lines[Math.min(lines.length - 1, i + headerLines - 1)].end : line.start + skip;
    items.push({ line: i, indent: line.indent, header, bodyFrom: after });
    if (headerLines > 1) i += headerLines - 1;
  }
  return items;
}

function trimmedSlice(text: string, from: number, to: number): string {
  return text.slice(from, to).trim();
}

/** Find the trailing comment section of a plain-text input, or null when there is none. */
export function findCommentSection(text: string): CommentSection | null {
  const lines = splitLines(text);
  let run = findNumberedRun(lines);
  const marker = findMarker(lines, 0, run ? run.first : lines.length);
  if (!run && marker < 0) return null;
  // After a clear marker, numbered items are comments even without headers.
  if (!run) run = findNumberedRun(lines, marker + 1, false);
  const first = marker >= 0 ? marker : run!.first;
  const items = readItems(lines, marker >= 0 ? marker + 1 : first, run?.items ?? null);
  const comments: Comment[] = [];
  // Parent of a comment: the nearest earlier comment shown less indented (replies are nested).
  const stack: { indent: number; id: string }[] = [];
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    const end = k + 1 < items.length ? lines[items[k + 1].line].start : text.length;
    const id = `c${comments.length + 1}`;
    while (stack.length && stack[stack.length - 1].indent >= it.indent) stack.pop();
    const parentId = run?.items.has(it.line) ? null : stack.length ? stack[stack.length - 1].id : null;
    if (run?.items.has(it.line)) stack.length = 0;
    comments.push({
      id,
      parentId,
      author: it.header?.author ?? null,
      postedAt: it.header?.postedAt ?? null,
      text: trimmedSlice(text, it.bodyFrom, end),
    });
    stack.push({ indent: it.indent, id });
  }
  return { start: lines[first].start, comments };
}
