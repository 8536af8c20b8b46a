// Quotation-mark spans (curly and straight double quotes, and `` '' as plain-text archives write them).
// A quotation runs from an opening mark to its closing mark; by newspaper
// convention a quotation that is still open at a paragraph's end continues when the next paragraph
// opens with a quote mark, and otherwise ends (unclosed) with its paragraph.

/** A quotation, marks included: [start, end). `closed` is false when the closing mark was missing. */
export interface Quotation {
  start: number;
  end: number;
  closed: boolean;
}

const OPENERS_BEFORE_STRAIGHT = /[\s([{\u2014\u2013\-:/]/;

function isParagraphBreak(text: string, i: number): boolean {
  return text.charCodeAt(i) === 10; // '\n': paragraphs in our inputs are newline-separated
}

/** Skip spaces and newlines from i; return the index of the next visible character. */
function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** End of the visible text before i (trailing spaces trimmed). */
function trimBack(text: string, i: number): number {
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i;
}

/** Does a quote mark open at i: a curly or straight double one, or the two characters that stand for
 * one in plain-text dumps of newspaper archives (`` and '', or '' for both)? Its length, else 0. */
function openingMark(text: string, i: number): number {
  const c = text[i];
  if (c === '\u201c' || c === '"') return 1;
  if ((c === '`' || c === "'") && text[i + 1] === c) return 2;
  return 0;
}

export function findQuotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  let open = -1;
  // visit only the characters that matter: quote marks and line breaks
  const marks = /[\u201c\u201d"\n]|``|''/g;
  for (let hit = marks.exec(text); hit; hit = marks.exec(text)) {
    let i = hit.index;
    const c = hit[0];
    if (open >= 0 && isParagraphBreak(text, i)) {
      const next = skipSpace(text, i);
      const reopen = next < text.length ? openingMark(text, next) : 0;
      if (reopen) {
        i = next; // the quotation carries on into the next paragraph; its reopening mark is skipped
        marks.lastIndex = i + reopen;
        continue;
      }
      out.push({ start: open, end: trimBack(text, i), closed: false });
      open = -1;
      continue;
    }
    if (c === '\u201c' || c === '``') {
      if (open < 0) open = i; // a second opener inside an open quotation is a nested or stray mark
    } else if (c === '\u201d') {
      if (open >= 0) {
        out.push({ start: open, end: i + 1, closed: true });
        open = -1;
      }
    } else if (c === '"' || c === "''") {
      if (open < 0) {
        if (i === 0 || OPENERS_BEFORE_STRAIGHT.test(text[i - 1])) open = i;
      } else {
        out.push({ start: open, end: i + c.length, closed: true });
        open = -1;
      }
    }
  }
  if (open >= 0) out.push({ start: open, end: trimBack(text, text.length), closed: false });
  // a quotation needs words: not an empty pair of marks ("" or ``'')
  return out.filter((q) => q.end - q.start > 2 && /[^\s"\u201c\u201d'`]/.test(text.slice(q.start, q.end)));
}
