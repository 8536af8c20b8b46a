// Quotation-mark spans. A quotation runs from an opening mark to its closing mark; by newspaper
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

export function findQuotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  let open = -1;
  // visit only the characters that matter: quote marks and line breaks
  const marks = /[\u201c\u201d"\n]/g;
  for (let hit = marks.exec(text); hit; hit = marks.exec(text)) {
    let i = hit.index;
    const c = text[i];
    if (open >= 0 && isParagraphBreak(text, i)) {
      const next = skipSpace(text, i);
      if (next < text.length && (text[next] === '\u201c' || text[next] === '"')) {
        i = next; // the quotation carries on into the next paragraph; its reopening mark is skipped
        marks.lastIndex = i + 1;
        continue;
      }
      out.push({ start: open, end: trimBack(text, i), closed: false });
      open = -1;
      continue;
    }
    if (c === '\u201c') {
      if (open < 0) open = i; // a second opener inside an open quotation is a nested or stray mark
    } else if (c === '\u201d') {
      if (open >= 0) {
        out.push({ start: open, end: i + 1, closed: true });
        open = -1;
      }
    } else if (c === '"') {
      if (open < 0) {
        if (i === 0 || OPENERS_BEFORE_STRAIGHT.test(text[i - 1])) open = i;
      } else {
        out.push({ start: open, end: i + 1, closed: true });
        open = -1;
      }
    }
  }
  if (open >= 0) out.push({ start: open, end: trimBack(text, text.length), closed: false });
  return out.filter((q) => q.end - q.start > 2);
}
