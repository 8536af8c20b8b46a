// Step 5: the chosen elements → plain text. Blocks are separated by a blank line, <br> by a
// newline; inside the article, link lists, captions, share bars and other negative-hinted
// parts are left out, and short boilerplate lines ("Advertisement", "Read more…") dropped.
import { BLOCK_TAGS, hintOf, linkDensity, textOf, type El } from './dom.js';
import { BOILERPLATE_LINES, NEGATIVE, POSITIVE } from './hints.js';

const SKIP_INSIDE = new Set(['figure', 'figcaption', 'aside', 'nav', 'footer', 'form', 'header', 'label', 'caption', 'img', 'picture', 'sup']);
// Tuned on the article-extraction benchmark (per-page shingle F1), rounded to plain values.
/** Blocks (LINKY tags) with more than this share of link text are link lists, not prose... */
const LD_MAX = 0.5;
/** ...unless they are paragraphs longer than this. */
const P_MAX = 250;
const LINKY = new Set(['ul', 'ol', 'div', 'section', 'table', 'dl', 'p', 'span']);

// Embedded posts (tweets and the like) quoted in an article are part of what it reports;
// embedded pictures' captions and credits are not.
const EMBED = /tweet|embed/;
const PICTURE_PART = /caption|credit|image|photo|picture/;
/** A negative-hinted block this long and low in links is kept: it is prose in an odd wrapper. */
const NEG_KEEP_LEN = 600;

/** Whether a part of the chosen article is left out of the text. */
function isNoise(el: El, rootLen: number, title: string | null): boolean {
  if (el.dropped) return true;
  // The headline is metadata; an <h1> that is not the headline is a section heading and stays.
  if (el.tag === 'h1') return title === null || sameHeading(textOf(el), title);
  if (SKIP_INSIDE.has(el.tag)) return true;
  // An <article> inside the article is another story's teaser card.
  if (el.tag === 'article' && el.textLen < rootLen * 0.5) return true;
  const h = hintOf(el);
  if (h && NEGATIVE.test(h) && !POSITIVE.test(h) && !(EMBED.test(h) && !PICTURE_PART.test(h)) && el.textLen < rootLen * 0.5 && !(el.textLen > NEG_KEEP_LEN && linkDensity(el) < 0.2)) return true;
  if (LINKY.has(el.tag) && el.textLen > 0) {
    const ld = linkDensity(el);
    // A long paragraph full of links is still prose; a short linked line is a teaser or a menu.
    const limit = el.tag === 'p' || el.tag === 'span' ? P_MAX : 2000;
    if (ld > LD_MAX && el.textLen < limit) return true;
  }
  return false;
}

/** Render parts as text blocks; `plain` keeps every block (no article-noise or boilerplate filtering). */
export function renderBlocks(parts: El[], plain = false, exclude?: Set<El>, title: string | null = null): string[] {
  const blocks: string[] = [];
  let buf = '';
  const flush = () => {
    // <br><br> (or a blank line in <pre>) separates paragraphs just as block elements do.
    for (const part of buf.replace(/[ \t\r\f\v\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').split(/\n{2,}/)) {
      const s = part.trim();
      if (s) blocks.push(s);
    }
    buf = '';
  };
  const rootLen = parts.reduce((n, p) => n + p.textLen, 0);
  const walk = (el: El, pre: boolean) => {
    for (const c of el.children) {
      if (typeof c === 'string') { buf += pre ? c.replace(/\r\n?/g, '\n') : c.replace(/\s+/g, ' '); continue; }
      if (c.tag === 'br') { buf += '\n'; continue; }
      if (plain ? c.dropped || c.tag === 'img' || exclude?.has(c) : isNoise(c, rootLen, title)) continue;
      const block = BLOCK_TAGS.has(c.tag);
      if (block) flush();
      walk(c, pre || c.tag === 'pre');
      if (block) flush();
    }
  };
  for (const p of parts) { flush(); if (!p.dropped) walk(p, p.tag === 'pre'); flush(); }
  if (plain) return blocks;
  return blocks.filter((b) => b.length > 200 || !BOILERPLATE_LINES.some((re) => re.test(b)));
}

const normHeading = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
/** Whether a heading is the document's title (equal, or one contains the other). */
export function sameHeading(heading: string, title: string): boolean {
  const a = normHeading(heading), b = normHeading(title);
  if (!a) return true;
  // Containment counts only between texts of similar length (a site suffix, a kicker), never a paragraph.
  const close = Math.max(a.length, b.length) <= Math.min(a.length, b.length) * 1.6;
  return a === b || (close && a.length >= 10 && b.length >= 10 && (b.includes(a) || a.includes(b)));
}
