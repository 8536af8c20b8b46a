// A small element tree built from htmlparser2's event stream. It keeps only what the reader
// needs (tag, attributes, children) so building it stays cheap on 300 kB news pages.

export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  parent: El | null;
  /** Class and id, lower-cased: what class/id hints are matched against. */
  hint: string;
  /** Collapsed text length and the part of it inside links, not counting dropped descendants. */
  textLen: number;
  linkLen: number;
  /** Set when a step removes the element from consideration (boilerplate, comments, hidden). */
  dropped: boolean;
  /** Flags decided once when the element is parsed (see 01-parse): never text / unlikely container. */
  never: boolean;
  unlikely: boolean;
  /** Position in the document-order list of all elements; `end` is one past the last descendant. */
  index: number;
  end: number;
  all: El[];
}
export type Node = El | string;

export const isEl = (n: Node): n is El => typeof n !== 'string';

export function newEl(tag: string, attrs: Record<string, string>, parent: El | null, all: El[]): El {
  const c = attrs.class, i = attrs.id;
  const hint = c === undefined ? (i === undefined ? '' : i.toLowerCase()) : i === undefined ? c.toLowerCase() : (c + ' ' + i).toLowerCase();
  const el: El = { tag, attrs, children: [], parent, hint, textLen: 0, linkLen: 0, dropped: false, never: false, unlikely: false, index: all.length, end: all.length + 1, all };
  all.push(el);
  return el;
}

export const hintOf = (el: El): string => el.hint;

/** Remove an element from consideration, taking its text out of its ancestors' measures. */
export function drop(el: El): void {
  if (el.dropped) return;
  el.dropped = true;
  for (let a = el.parent; a; a = a.parent) {
    a.textLen -= el.textLen;
    a.linkLen -= el.linkLen;
    if (a.dropped) break; // above a dropped ancestor this subtree is already uncounted
  }
}

const WS = /\s+/g;
/** Length a text node contributes once whitespace runs collapse to one space. */
export function collapsedLen(t: string): number {
  let n = 0, space = true;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) {
      if (!space) { n++; space = true; }
    } else { n++; space = false; }
  }
  return n;
}

/** Fill textLen/linkLen for el and every descendant (not dropped ones; they count as empty). */
export function measure(el: El, inLink = false): void {
  let t = 0, l = 0;
  const link = inLink || el.tag === 'a';
  for (const c of el.children) {
    if (typeof c === 'string') {
      const n = collapsedLen(c);
      t += n;
      if (link) l += n;
    } else {
      measure(c, link);
      if (c.dropped) continue;
      t += c.textLen;
      l += c.linkLen;
    }
  }
  el.textLen = t;
  el.linkLen = l;
}

export const linkDensity = (el: El): number => (el.textLen > 0 ? el.linkLen / el.textLen : 0);

/** Every element below root in document order, skipping dropped subtrees. */
export function descendants(root: El): El[] {
  const out: El[] = [];
  const all = root.all;
  for (let i = root.index + 1; i < root.end;) {
    const el = all[i];
    if (el.dropped) { i = el.end; continue; }
    out.push(el);
    i++;
  }
  return out;
}

/** The first element below root (document order, live ones only) that satisfies pred. */
export function firstWhere(root: El, pred: (e: El) => boolean): El | null {
  const all = root.all;
  for (let i = root.index + 1; i < root.end;) {
    const el = all[i];
    if (el.dropped) { i = el.end; continue; }
    if (pred(el)) return el;
    i++;
  }
  return null;
}

/** The collapsed plain text of an element, inline (no block structure). */
export function textOf(el: El): string {
  let out = '';
  const walk = (e: El) => {
    for (const c of e.children) {
      if (typeof c === 'string') out += c;
      else if (!c.dropped) { if (c.tag === 'br' || BLOCK_TAGS.has(c.tag)) out += ' '; walk(c); }
    }
  };
  walk(el);
  return out.replace(WS, ' ').trim();
}

export function closest(el: El | null, pred: (e: El) => boolean): El | null {
  for (let e = el; e; e = e.parent) if (pred(e)) return e;
  return null;
}

/** Elements that start a new block of text when rendered. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul', 'html', 'caption',
]);
