// Plain text and Markdown → Document.
//
// document.text is ONE verbatim slice of the input (leading and trailing blanks and a trailing
// comment section cut off), so every offset maps back to the file by a fixed shift. The title and
// byline lines stay inside that slice: cutting the title would break the fixed shift's promise for
// annotators who mark spans in the headline, and a headline carries entities and claims too.
import type { Document } from '../../types.js';
import { findCommentSection } from './comments.js';
import { stampToIso } from './stamp.js';
import entityRules from '../../nlp/lexicons/entity-rules.json' with { type: 'json' };

export { findCommentSection, parseHeader } from './comments.js';

const HEADING_MAX = 200;

// Junk a scraper glued to the first word: a short token of capitals and digits with at least one
// digit ("NI2The …", "3AThe …"), directly followed by a capitalised word.
const GLUED_PREFIX = /^(?=[\p{Lu}\d]*\d)[\p{Lu}\d]{1,5}(?=\p{Lu}\p{Ll})/u;

/** Tidy a heading line into a title: drop glued scraper junk and trailing separators. */
export function cleanTitle(line: string): string | null {
  let t = line.trim().replace(GLUED_PREFIX, '');
  // A trailing colon, dash or comma introduces what follows; a final full stop is sentence
  // punctuation — unless the last word is an abbreviation ("U.S.") or an ellipsis.
  t = t.replace(/\s*[:;,|–—-]+$/u, '');
  if (/[^.\s]\.$/u.test(t) && !/(?:^|\s)(?:\p{L}\.){2,}$/u.test(t) && !/(?:^|\s)\p{Lu}\.$/u.test(t)) t = t.slice(0, -1);
  t = t.trim();
  return t ? t : null;
}

/** The first heading-like line: short, and standing alone (followed by a blank line or the end). */
function firstHeadingLine(main: string): string | null {
  const m = /^[^\n]*/.exec(main)!;
  const line = m[0].replace(/\r$/, '');
  if (!line.trim() || line.length > HEADING_MAX) return null;
  const rest = main.slice(m[0].length);
  const alone = rest === '' || /^\r?\n[ \t]*(?:\r?\n|$)/.test(rest);
  // A long line that runs straight into more text is the first paragraph, not a heading.
  if (!alone && line.length > 100) return null;
  if (/[,;]$/.test(line.trim())) return null;
  return line;
}

function markdownTitle(main: string): string | null {
  const atx = /^[ \t]{0,3}#[ \t]+(.+?)[ \t#]*$/m.exec(main);
  if (atx) return atx[1];
  const setext = /^([^\n]{1,200})\r?\n[ \t]*=+[ \t]*$/m.exec(main);
  return setext ? setext[1] : null;
}

// Words that capitalised page furniture is made of; a "name" made of them is not a byline.
const NOT_NAME = new Set(
  'read more share comments comment advertisement related follow continue reading subscribe click here home news top next previous back contact us privacy policy terms the and of for in on to with by all rights reserved copyright photo image video sources source notes note references update updated editor editing reporting'.split(' '),
);
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}'’]+)?|\p{Lu}\.|al|el|bin|ibn|de|del|der|van|von|da|di|du|la|le)$/u;

/** A line that is nothing but a person's name (2–4 words), optionally after "By". */
export function bylineName(line: string): string | null {
  const t = line.trim().replace(/^by\s+/i, '');
  if (t.length < 4 || t.length > 40) return null;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 4) return null;
  if (!/^\p{Lu}/u.test(words[0]) || !/^\p{Lu}/u.test(words[words.length - 1])) return null;
  if (!words.every((w) => NAME_WORD.test(w) && !NOT_NAME.has(w.toLowerCase()))) return null;
  return t;
}

/** What a "By …" line says: the name, and any outlet and date written beside it. */
export interface BylineLine {
  name: string;
  outlet: string | null;
  date: string | null;
}

/** A byline's or dateline's parts: set apart by "|", "·", "•", or a dash with spaces round it. */
const lineParts = (line: string) => line.split(/\s+[|·•\u2014\u2013-]\s+|\s*[|·•]\s*/).map((p) => p.trim()).filter(Boolean);

/** Words of a writer's role written beside the name ("Staff Writer"), which are no outlet. */
const ROLE = /\b(?:writer|correspondent|reporter|editor|staff|contributor|columnist|bureau|chief|producer|photographer|intern|special to)\b/i;
const OUTLET = /^(?:the\s+)?(?:[\p{Lu}\d][\p{L}\d'’&.-]*\s*){1,5}$/u;

/**
 * A "By …" line near the top: the name, then parts set apart by "|", "·", "•", a dash or a comma ("By
 * Ana Vell | The Coastal Ledger | 12 March 2025", "By Ana Vell, Reuters"): a part that is a full date
 * (alone or "Published …", not "Updated …") is the date, the first other capitalised part of up to five
 * words that names no role ("Staff Writer") is the outlet.
 */
export function bylineLine(line: string): BylineLine | null {
  if (!/^by\s/i.test(line)) return null;
  const parts = lineParts(line.replace(/^by\s+/i, ''));
  if (!parts.length) return null;
  // a comma after the name sets apart what follows it ("Ana Vell, Reuters", "Ana Vell, 4 March 2021")
  const comma = parts[0].indexOf(',');
  if (comma > 0) parts.splice(0, 1, parts[0].slice(0, comma).trim(), parts[0].slice(comma + 1).trim());
  const name = bylineName(parts[0]);
  if (!name) return null;
  let outlet: string | null = null, date: string | null = null;
  for (const part of parts.slice(1)) {
    // "Published 4 May 2020" is the date; "Updated 5 May 2020" is not, and neither is an outlet
    const label = /^(updated|published|posted|first published)\b[\s:]*(?:on\s+)?/i.exec(part);
    const iso = stampToIso(label ? part.slice(label[0].length) : part, true);
    if (label) { if (iso && !/^updated/i.test(label[1])) date ??= iso; }
    else if (iso) date ??= iso;
    else if (!outlet && OUTLET.test(part) && !ROLE.test(part)) outlet = part;
  }
  return { name, outlet, date };
}

/** Last words of news outlets' names (the entity lexicon's newspaper words and the media ones among its
 * organisation words): a dateline's name of two words or more ending in one is the outlet, not the writer. */
const OUTLET_LAST_WORDS: ReadonlySet<string> = new Set([...entityRules.newspaperHeads,
  ...['News', 'Times', 'Post', 'Journal', 'Telegraph', 'Herald', 'Tribune', 'Gazette', 'Chronicle', 'Observer', 'Guardian', 'Monitor', 'Review', 'Magazine', 'Agency', 'Press', 'Media', 'Radio', 'TV', 'Television', 'Channel', 'Network']
    .filter((w) => entityRules.orgHeads.includes(w))]);

/**
 * A dateline without "By" near the top: a name and a full date set apart by "|", "·", "•" or a dash
 * ("Valley Dispatch — 3 June 2024", "Ana Vell | 4 March 2021"). The name is the outlet when its last
 * word is that of an organisation, else the writer when it reads as a person's name.
 */
export function datelineLine(line: string): { name: string | null; outlet: string | null; date: string | null } | null {
  if (/^by\s/i.test(line) || line.length > 90) return null;
  const parts = lineParts(line);
  if (parts.length !== 2) return null;
  const stamps = parts.map((p) => stampToIso(p, true));
  const at = stamps[1] ? 1 : stamps[0] ? 0 : -1;
  if (at < 0) return null;
  const other = parts[1 - at];
  const words = other.split(/\s+/);
  const outlet = words.length >= 2 && words.length <= 5 && OUTLET.test(other) && !/^(?:latest|breaking|top|more|world|local)\b/i.test(other) && OUTLET_LAST_WORDS.has(words[words.length - 1]) ? other : null;
  const name = outlet ? null : bylineName(other);
  if (!outlet && !name) return null;
  return { name, outlet, date: stamps[at] };
}

/** The byline: a "By …" line near the top (with what it says beside the name), or a lone name on the
 * last line of the body. */
function findByline(main: string, titleLine: string | null): BylineLine | null {
  const lines = main.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length < 2) return null;
  const last = lines[lines.length - 1];
  if (last !== titleLine?.trim()) {
    const name = bylineName(last);
    if (name) return { name, outlet: null, date: null };
  }
  for (const l of lines.slice(0, 4)) {
    const found = bylineLine(l);
    if (found) return found;
  }
  return null;
}

/** The text after any opening lines that only state a date ("Published: 4 March 2021"). */
function afterDatelines(main: string): string {
  let rest = main;
  for (let i = 0; i < 3; i++) {
    const m = /^[^\n]*(?:\n[ \t\r]*)*/.exec(rest)!;
    const line = m[0].split('\n')[0].trim();
    if (!line || line.length > 70) break;
    const labelled = DATE_LABEL.exec(line);
    if (!stampToIso(labelled ? labelled[1] : line, true)) break;
    rest = rest.slice(m[0].length);
  }
  return rest;
}

/** Front matter of a Markdown file: `---` YAML-ish `key: value` lines `---` at the very top. */
function frontMatter(text: string): { end: number; fields: Map<string, string> } | null {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]{0,4000}?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return null;
  const fields = new Map<string, string>();
  for (const line of m[1].split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (kv && kv[2]) fields.set(kv[1].toLowerCase(), kv[2].replace(/^(["'])(.*)\1$/, '$2'));
  }
  return { end: m[0].length, fields };
}

// "Published: 31 March 2016", "Date: 2016-03-31", or a line that is nothing but a full date.
const DATE_LABEL = /^(?:published(?:\s+on)?|posted(?:\s+on)?|date(?:d)?|first published)\s*:?\s*(.{6,60})$/i;

/** The publication date the page states on one of its first lines, as ISO; null when none. */
function statedDate(main: string): string | null {
  const lines = main.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(0, 6);
  for (const line of lines) {
    if (line.length > 70) continue;
    const labelled = DATE_LABEL.exec(line);
    // A line that is nothing but a date ("Thursday, March 31, 2016") is a dateline too.
    const iso = stampToIso(labelled ? labelled[1] : line, true);
    if (iso) return iso;
  }
  return null;
}

export function readPlainText(text: string, format: 'text' | 'markdown'): Document {
  const fm = format === 'markdown' ? frontMatter(text) : null;
  const section = findCommentSection(text);
  const bodyEnd = section ? section.start : text.length;
  // Front matter is metadata, not main text: the verbatim slice starts after it.
  const from = fm ? fm.end : 0;
  const lead = from + (text.slice(from).length - text.slice(from).trimStart().length);
  const main = text.slice(lead, Math.max(lead, bodyEnd)).trimEnd();
  const headingLine = firstHeadingLine(afterDatelines(main));
  const rawTitle = fm?.fields.get('title') ?? (format === 'markdown' ? markdownTitle(main) ?? headingLine : headingLine);
  const fmDate = fm?.fields.get('date') ?? fm?.fields.get('published') ?? null;
  const stated = (fmDate ? stampToIso(fmDate) ?? (/^\d{4}-\d{2}-\d{2}$/.test(fmDate) ? fmDate : null) : null) ?? statedDate(main);
  const byline = findByline(main, headingLine);
  const dateline = main.split(/\r?\n/, 12).map((l) => l.trim()).filter(Boolean).slice(0, 4).map(datelineLine).find((d) => d) ?? null;
  const publishedAt = stated ?? byline?.date ?? dateline?.date ?? null;
  return {
    title: rawTitle ? cleanTitle(rawTitle.replace(/^[ \t]*#+[ \t]+/, '')) : null,
    author: fm?.fields.get('author') ?? byline?.name ?? dateline?.name ?? null,
    publisher: fm?.fields.get('publisher') ?? byline?.outlet ?? dateline?.outlet ?? null,
    publishedAt,
    ...(stated ? { publishedAtSource: 'metadata' } : publishedAt ? { publishedAtSource: 'byline' } : {}),
    language: 'en',
    text: main,
    comments: section ? section.comments : [],
    format,
  };
}
