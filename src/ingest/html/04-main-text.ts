// Step 4: find the element that holds the article. Paragraph-like blocks are scored by length
// and commas; scores flow to their ancestors, are weighted by class/id hints and cut by link
// density; the best ancestor wins, together with siblings that score well (Readability's recipe).
import { BLOCK_TAGS, descendants, drop, hintOf, isEl, linkDensity, type El } from './dom.js';
import { NEGATIVE, POSITIVE } from './hints.js';

export function classWeight(el: El): number {
  const h = hintOf(el);
  if (!h) return 0;
  let w = 0;
  if (NEGATIVE.test(h)) w -= 25;
  if (POSITIVE.test(h)) w += 25;
  if (el.attrs.itemprop === 'articleBody' || el.attrs.itemprop === 'text') w += 25;
  return w;
}

/** Drop never-text and hidden elements, and (strict) the unlikely containers, before scoring. */
export function dropUnlikely(root: El, strict: boolean): void {
  const all = root.all;
  for (let i = root.index + 1; i < root.end;) {
    const el = all[i];
    if (el.dropped) { i = el.end; continue; }
    if (el.never || (strict && el.unlikely)) { drop(el); i = el.end; continue; }
    i++;
  }
}

export const hasBlockChild = (el: El): boolean => {
  for (const c of el.children) if (isEl(c) && !c.dropped && BLOCK_TAGS.has(c.tag)) return true;
  return false;
};

const PARAGRAPH = new Set(['p', 'pre', 'td', 'blockquote']);
const LEAFY = new Set(['div', 'section', 'article', 'span', 'font', 'center', 'main']);

function tagBase(el: El): number {
  switch (el.tag) {
    case 'div': case 'article': case 'main': case 'section': return 5;
    case 'pre': case 'td': case 'blockquote': return 3;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': return -3;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': return -5;
    default: return 0;
  }
}

// Tuned on the article-extraction benchmark (per-page shingle F1), rounded to plain values.
/** A sibling of the article joins it only when at most this share of its text is links. */
const SIB_LD = 0.2;
/** A candidate scoring this share of the best, outside it, means the article is split in chunks. */
const STRONG = 0.75;
const COMMAS = /[,，、;]/g;
function countCommas(el: El): number {
  let n = 0;
  const walk = (e: El) => {
    for (const c of e.children) {
      if (typeof c === 'string') { const m = c.match(COMMAS); if (m) n += m.length; }
      else if (!c.dropped) walk(c);
    }
  };
  walk(el);
  return n;
}

/** Length of the text an element holds outside its block children (loose inline runs). */
function looseTextLen(el: El): number {
  let n = 0;
  for (const c of el.children) {
    if (typeof c === 'string') n += c.trim().length;
    else if (!c.dropped && !BLOCK_TAGS.has(c.tag)) n += c.textLen;
  }
  return n;
}

export interface Selection {
  /** The chosen container and the siblings that belong with it, in document order. */
  parts: El[];
  top: El;
  scores: Map<El, number>;
}

export function selectMain(root: El): Selection {
  const scores = new Map<El, number>();
  const add = (el: El, s: number) => {
    const prev = scores.get(el);
    scores.set(el, (prev ?? tagBase(el) + classWeight(el)) + s);
  };
  for (const el of descendants(root)) {
    if (el.textLen < 25) continue;
    let holder: El | null = null;
    let len = 0;
    if (PARAGRAPH.has(el.tag) || (LEAFY.has(el.tag) && !hasBlockChild(el))) { holder = el.parent; len = el.textLen; }
    else if (LEAFY.has(el.tag)) { len = looseTextLen(el); if (len >= 25) holder = el; }
    if (!holder || len < 25) continue;
    const s = 1 + countCommas(el) + Math.min(Math.floor(len / 100), 3);
    let level = 0;
    for (let a: El | null = holder; a && level < 5; a = a.parent, level++) {
      if (a.tag === '#root') break;
      add(a, level === 0 ? s : level === 1 ? s / 2 : s / (level * 3));
    }
  }
  for (const [el, s] of scores) scores.set(el, s * (1 - linkDensity(el)));

  let top: El | null = null, best = -Infinity;
  for (const [el, s] of scores) if (s > best) { best = s; top = el; }
  if (!top) {
    const body = [...descendants(root)].find((e) => e.tag === 'body') ?? root;
    return { parts: [body], top: body, scores };
  }
  // An article split into several blocks (chunks, columns) gives several strong candidates that
  // are not nested in one another: the article is their lowest common ancestor.
  const related = (x: El, y: El) => contains(x, y) || contains(y, x);
  const strong = [...scores].filter(([el, s]) => s >= best * STRONG && !related(el, top!)).map(([el]) => el);
  if (strong.length >= 1) {
    for (let a = top.parent; a && a.tag !== 'body' && a.tag !== '#root'; a = a.parent) {
      if (strong.some((c) => contains(a!, c))) { top = a; break; }
    }
  }
  // Chunked articles repeat the container's class for each chunk: take the chunks' common ancestor.
  const cls = top.attrs.class;
  if (cls) {
    const twins = root.all.filter((e) => e !== top && e.tag === top!.tag && e.attrs.class === cls && !e.dropped && !related(e, top!) && e.textLen >= 200 && linkDensity(e) < 0.2);
    if (twins.length) {
      let a: El | null = top.parent;
      for (; a && a.tag !== 'body' && a.tag !== '#root'; a = a.parent) if (twins.every((t) => contains(a!, t))) break;
      if (a && a.tag !== 'body' && a.tag !== '#root' && !a.dropped && linkDensity(a) < 0.25) top = a;
    }
  }
  // Climb while the parent scores at least as well, or while top is an only child.
  let last = scores.get(top) ?? 0;
  for (let p = top.parent; p && p.tag !== 'body' && p.tag !== '#root'; p = p.parent) {
    const ps = scores.get(p);
    if (ps === undefined) break;
    if (ps < best / 3) break;
    if (ps > last) { top = p; last = ps; }
    else break;
  }
  while (top.parent && top.parent.tag !== 'body' && top.parent.tag !== '#root' &&
    top.parent.children.filter((c) => isEl(c) ? !c.dropped : c.trim() !== '').length === 1) top = top.parent;

  const topScore = scores.get(top) ?? best;
  const parent = top.parent;
  if (!parent) return { parts: [top], top, scores };
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.attrs.class ?? '';
  const parts: El[] = [];
  for (const sib of parent.children) {
    if (!isEl(sib) || sib.dropped) continue;
    if (sib === top) { parts.push(sib); continue; }
    let bonus = 0;
    if (topClass && sib.attrs.class === topClass) bonus += topScore * 0.2;
    let s = scores.get(sib);
    // A sibling wrapping its paragraphs deeper than scores flow up counts by its best descendant.
    if (s === undefined && bonus > 0) s = bestInside(sib, scores);
    if (s !== undefined && s + bonus >= threshold && linkDensity(sib) < SIB_LD) { parts.push(sib); continue; }
    if (sib.tag === 'p' || (LEAFY.has(sib.tag) && !hasBlockChild(sib))) {
      const ld = linkDensity(sib);
      if (sib.textLen > 80 && ld < 0.25) parts.push(sib);
      else if (sib.textLen > 0 && sib.textLen <= 80 && ld === 0 && /\.( |$)/.test(sibText(sib))) parts.push(sib);
    }
  }
  return { parts, top, scores };
}

function bestInside(el: El, scores: Map<El, number>): number | undefined {
  let best: number | undefined;
  for (const d of descendants(el)) { const s = scores.get(d); if (s !== undefined && (best === undefined || s > best)) best = s; }
  return best;
}

function contains(outer: El, inner: El): boolean {
  return inner.index >= outer.index && inner.index < outer.end;
}

function sibText(el: El): string {
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : !c.dropped ? sibText(c) : '';
  return s;
}
