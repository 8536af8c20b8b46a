// A small element tree built from htmlparser2's event stream. It keeps only what the reader
// needs (tag, attributes, children) so building it stays cheap on 300 kB news pages.

export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  parent: El | null;
  /** Cached measures, filled by measure(): collapsed text length and the part inside links. */
  textLen: number;
  linkLen: number;
  /** Set when a step removes the element from consideration (boilerplate, comments, hidden). */
  dropped: boolean;
}
export type Node = El | string;

export const isEl = (n: Node): n is El => typeof n !== 'string';

export function newEl(tag: string, attrs: Record<string, string>, parent: El | null): El {
  return { tag, attrs, children: [], parent, textLen: -1, linkLen: -1, dropped: false };
}

/** Class and id joined, lower-cased: what the class/id hints are matched against. */
export function hintOf(el: El): string {
  const c = el.attrs.class, i = el.attrs.id;
  return c === undefined ? (i === undefined ? '' : i.toLowerCase()) : i === undefined ? c.toLowerCase() : (c + ' ' + i).toLowerCase();
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

/** Every element below root (depth-first, document order), skipping dropped subtrees. */
export function* descendants(root: El): Generator<El> {
  const stack: El[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) { const c = root.children[i]; if (isEl(c) && !c.dropped) stack.push(c); }
  while (stack.length) {
    const el = stack.pop()!;
    yield el;
    for (let i = el.children.length - 1; i >= 0; i--) { const c = el.children[i]; if (isEl(c) && !c.dropped) stack.push(c); }
  }
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
