// Anchors for evidence spans that survive small edits to a page (after the Hypothesis client's
// anchoring): a span is stored with a position {start, end} and a text quote {exact, prefix, suffix}.
// Re-anchoring tries the position, then the exact quote (prefix/suffix break ties), then a fuzzy
// match, and gives up (null) when the best candidate is too different.

export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  start: number;
  end: number;
}

export interface Anchor {
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

export interface AnchorMatch {
  start: number;
  end: number;
  /** 1 for an exact match; for a fuzzy one, 1 − edits / length of the quote. */
  score: number;
  method: 'position' | 'exact' | 'fuzzy';
}

export const CONTEXT_CHARS = 32;

/** The text a span lives in: the main text ("document") or the comment with that id ('' when there is none). */
export function containerText(doc: { text: string; comments: readonly { id: string; text: string }[] }, container: string): string {
  return container === 'document' ? doc.text : (doc.comments.find((c) => c.id === container)?.text ?? '');
}

/** Describe a span of a text with both selectors. */
export function describeSpan(text: string, start: number, end: number, context = CONTEXT_CHARS): Anchor {
  return {
    position: { start, end },
    quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - context), start), suffix: text.slice(end, end + context) },
  };
}

// Characters that agree at the boundary: how many of the prefix's last (suffix's first) chars match.
function contextAgreement(text: string, start: number, end: number, q: TextQuoteSelector): number {
  let n = 0;
  for (let i = 1; i <= q.prefix.length && start - i >= 0 && text[start - i] === q.prefix[q.prefix.length - i]; i++) n++;
  for (let i = 0; i < q.suffix.length && end + i < text.length && text[end + i] === q.suffix[i]; i++) n++;
  return n;
}

/**
 * Approximate substring search (Sellers' algorithm): the span of `text` with the fewest edits from
 * `pattern`, the start of each alignment carried along the dynamic-programming row.
 */
export function fuzzySearch(text: string, pattern: string, maxErrors: number, hint = 0): { start: number; end: number; errors: number } | null {
  const m = pattern.length;
  if (m === 0) return null;
  let cost = new Int32Array(m + 1);
  let from = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextFrom = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    cost[i] = i;
    from[i] = 0;
  }
  let best: { start: number; end: number; errors: number } | null = null;
  for (let j = 1; j <= text.length; j++) {
    nextCost[0] = 0; // a match may start anywhere
    nextFrom[0] = j;
    const ch = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const sub = cost[i - 1] + (pattern.charCodeAt(i - 1) === ch ? 0 : 1);
      const del = cost[i] + 1; // text char not in pattern
      const ins = nextCost[i - 1] + 1; // pattern char missing from text
      if (sub <= del && sub <= ins) {
        nextCost[i] = sub;
        nextFrom[i] = from[i - 1];
      } else if (ins <= del) {
        nextCost[i] = ins;
        nextFrom[i] = nextFrom[i - 1];
      } else {
        nextCost[i] = del;
        nextFrom[i] = from[i];
      }
    }
    const e = nextCost[m];
    if (e <= maxErrors) {
      const cand = { start: nextFrom[m], end: j, errors: e };
      if (!best || e < best.errors || (e === best.errors && Math.abs(cand.start - hint) < Math.abs(best.start - hint))) best = cand;
    }
    [cost, nextCost] = [nextCost, cost];
    [from, nextFrom] = [nextFrom, from];
  }
  return best;
}

/**
 * Find an anchor's span in a (possibly changed) text: the stored position if it still holds the
 * quote, else the exact quote (best context, then nearest the old position), else the closest fuzzy
 * match scoring at least `threshold`, else null.
 */
export function reanchor(text: string, anchor: Anchor, threshold = 0.8): AnchorMatch | null {
  const { exact } = anchor.quote;
  if (!exact) return null;
  const { start, end } = anchor.position;
  if (text.slice(start, end) === exact) return { start, end, score: 1, method: 'position' };
  let best: { at: number; ctx: number } | null = null;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const ctx = contextAgreement(text, at, at + exact.length, anchor.quote);
    if (!best || ctx > best.ctx || (ctx === best.ctx && Math.abs(at - start) < Math.abs(best.at - start))) best = { at, ctx };
  }
  if (best) return { start: best.at, end: best.at + exact.length, score: 1, method: 'exact' };
  const maxErrors = Math.floor(exact.length * (1 - threshold));
  const found = fuzzySearch(text, exact, maxErrors, start);
  if (!found) return null;
  const score = 1 - found.errors / exact.length;
  return score >= threshold ? { start: found.start, end: found.end, score: Math.round(score * 1000) / 1000, method: 'fuzzy' } : null;
}
