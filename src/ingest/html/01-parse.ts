// Step 1: HTML string → element tree, plus what lives outside the body: <title>, <meta>,
// <link rel=canonical>, <html lang> and JSON-LD blocks. Script, style and other non-text
// subtrees never enter the tree, and nesting is capped so hostile pages cannot blow the stack.
import { Parser } from 'htmlparser2';
import { collapsedLen, newEl, type El } from './dom.js';
import { MAYBE, UNLIKELY } from './hints.js';

/** Subtrees whose content is never reader-visible text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed',
  'select', 'textarea', 'button', 'head', 'audio', 'video', 'map', 'applet', 'frameset', 'input']);
/** Deeper elements are flattened into their ancestor at this depth. */
export const MAX_DEPTH = 200;
/** Open elements (in the parser) beyond which it is restarted; see the feeding loop below. */
const MAX_OPEN = 2000;
const CHUNK = 16 * 1024;

/** Tags that never hold article text (dropped before scoring, after comments are read). */
const NEVER = new Set(['nav', 'aside', 'footer', 'menu', 'dialog']);
/** Containers never treated as unlikely, whatever their class says. */
const KEEP_TAGS = new Set(['html', 'body', 'article', 'main']);

function isHidden(a: Record<string, string>): boolean {
  if (a.hidden !== undefined || a['aria-hidden'] === 'true') return true;
  const s = a.style;
  return s !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(s);
}

export interface Parsed {
  root: El;
  title: string;
  /** meta name/property/itemprop (lower-cased) → every content value, in page order. */
  meta: Map<string, string[]>;
  jsonLd: string[];
  lang: string | null;
  canonical: string | null;
}

export function parseHtml(html: string): Parsed {
  const all: El[] = [];
  const root = newEl('#root', {}, null, all);
  let linkDepth = 0;
  const meta = new Map<string, string[]>();
  const jsonLd: string[] = [];
  let title = '', inTitle = false, titleDone = false;
  let lang: string | null = null, canonical: string | null = null;
  // The parser's open elements, each mapped to the tree node it created (null when skipped/flattened).
  const stack: (El | null)[] = [];
  let cur = root;
  let depth = 0;
  let skip = 0;
  let script: string | null = null;
  let detaching = false;
  // Inside <svg>/<math>, <title> names a drawing, not the page.
  let foreign = 0;
  const handler = {
    onopentag(name: string, attrs: Record<string, string>) {
      if (name === 'meta') {
        const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
        const content = attrs.content;
        if (key && content) { const v = meta.get(key); if (v) v.push(content); else meta.set(key, [content]); }
      } else if (name === 'title' && !titleDone && foreign === 0) inTitle = true;
      else if (name === 'link' && !canonical && /\bcanonical\b/i.test(attrs.rel ?? '') && attrs.href) canonical = attrs.href;
      else if (name === 'html' && attrs.lang) lang ??= attrs.lang;
      if (name === 'script' && /ld\+json/i.test(attrs.type ?? '')) script = '';
      if (name === 'svg' || name === 'math') foreign++;
      if (skip || SKIP.has(name) || (name === 'title')) {
        if (SKIP.has(name) || name === 'title') skip++;
        stack.push(null);
        return;
      }
      if (name === 'a') linkDepth++;
      if (depth >= MAX_DEPTH) { stack.push(null); return; }
      const el = newEl(name, attrs, cur, all);
      if (!KEEP_TAGS.has(name)) {
        el.never = NEVER.has(name) || isHidden(attrs);
        const h = el.hint;
        el.unlikely = h !== '' && UNLIKELY.test(h) && !MAYBE.test(h) && attrs.itemprop !== 'articleBody';
      }
      cur.children.push(el);
      stack.push(el);
      cur = el;
      depth++;
    },
    ontext(t: string) {
      if (inTitle) { title += t; return; }
      if (script !== null) { script += t; return; }
      if (skip) return;
      const n = collapsedLen(t);
      cur.textLen += n;
      if (linkDepth > 0) cur.linkLen += n;
      const ch = cur.children;
      const last = ch.length - 1;
      // Entities arrive as separate text events; join them so later steps see whole runs.
      if (last >= 0 && typeof ch[last] === 'string') ch[last] += t;
      else ch.push(t);
    },
    onclosetag(name: string) {
      if (detaching) return;
      if ((name === 'svg' || name === 'math') && foreign > 0) foreign--;
      if (name === 'title' && inTitle) { inTitle = false; titleDone = true; }
      if (name === 'script' && script !== null) { jsonLd.push(script); script = null; }
      const el = stack.pop();
      if (el === undefined) return;
      if (name === 'a' && !skip && linkDepth > 0) linkDepth--;
      if (el === null) {
        if (SKIP.has(name) || name === 'title') skip = Math.max(0, skip - 1);
        return;
      }
      close(el);
      depth--;
    },
  };
  const options = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true };
  // Finish an element: record where its descendants end and add its text to its parent's.
  function close(el: El) {
    el.end = all.length;
    const p = el.parent ?? root;
    p.textLen += el.textLen;
    p.linkLen += el.linkLen;
    cur = p;
  }
  // htmlparser2 keeps its open elements in an array it unshifts into, so thousands of unclosed
  // elements cost quadratic time. The input is fed in chunks; when too many elements are open,
  // the parser is replaced by a fresh one and the rest of the page hangs under the innermost
  // element (structure flattened, text kept).
  const detached: (El | null)[] = [];
  let parser = new Parser(handler, options);
  for (let i = 0; i < html.length;) {
    let end = Math.min(html.length, i + CHUNK);
    if (end < html.length) { const lt = html.lastIndexOf('<', end); if (lt > i) end = lt; }
    parser.write(html.slice(i, end));
    i = end;
    if (stack.length > MAX_OPEN && i < html.length) {
      detaching = true;
      parser.end();
      detaching = false;
      detached.push(...stack);
      stack.length = 0;
      skip = 0; inTitle = false; script = null; linkDepth = 0; foreign = 0;
      parser = new Parser(handler, options);
    }
  }
  parser.end();
  // Elements left open at the end of the input are closed here, innermost first.
  for (let i = stack.length - 1; i >= 0; i--) { const el = stack[i]; if (el) close(el); }
  for (let i = detached.length - 1; i >= 0; i--) { const el = detached[i]; if (el) close(el); }
  root.end = all.length;
  return { root, title: title.replace(/\s+/g, ' ').trim(), meta, jsonLd, lang, canonical };
}
