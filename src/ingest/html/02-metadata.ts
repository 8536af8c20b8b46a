// Step 2: title, byline, publisher and publication date, from the most deliberate source first:
// JSON-LD, then Open Graph / meta tags, then <time> and visible byline markup in the page.
import { firstWhere, hintOf, textOf, type El } from './dom.js';
import type { Parsed } from './01-parse.js';

export interface Metadata {
  title: string | null;
  author: string | null;
  publisher: string | null;
  publishedAt: string | null;
  publishedAtSource: string | null;
  url: string | null;
  language: string;
  /** JSON-LD articleBody, when the page publishes one (a hint for the main text, not trusted alone). */
  articleBody: string | null;
}

type Json = Record<string, unknown>;
const ARTICLE_TYPES = /article|posting|report|newsarticle|blog|webpage|opinion|review|analysis|backgrounder|liveblog/i;

/** Every object found in the page's JSON-LD blocks (flattening arrays and @graph). */
export function jsonLdObjects(blocks: string[]): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) { for (const x of v) visit(x, depth + 1); return; }
    const o = v as Json;
    out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const b of blocks) {
    const s = b.trim().replace(/^<!--|-->$/g, '').replace(/^\/\/<!\[CDATA\[|\/\/\]\]>$/g, '');
    try { visit(JSON.parse(s), 0); } catch { /* malformed JSON-LD is common; ignore it */ }
  }
  return out;
}

const typeOf = (o: Json): string => {
  const t = o['@type'];
  return Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '';
};

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’',
  ldquo: '“', rdquo: '”', hellip: '…', laquo: '«', raquo: '»', pound: '£', euro: '€', copy: '©', reg: '®',
};
/** Decode entities left in metadata values that were escaped twice at the source ("&amp;#8211;"). */
export function decodeLeftoverEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? decodeLeftoverEntities(v).replace(/\s+/g, ' ').trim() || null : null);

function names(v: unknown): string[] {
  if (!v) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === 'object') { const n = (v as Json).name; return typeof n === 'string' ? [n] : Array.isArray(n) ? names(n) : []; }
  return [];
}

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec';
const isUrl = (s: string) => /^(https?:)?\/\//i.test(s) || /^www\./i.test(s);

/** Clean a byline as written: drop a leading "By", trailing dates and pipes, keep the names. */
export function cleanByline(s: string | null): string | null {
  if (!s) return null;
  let t = s.replace(/\s+/g, ' ').trim();
  t = t.replace(/^(written |posted |reported )?by[:\s]+/i, '');
  t = t.split(/\s+[|•·]\s+|\s+[-–—]\s+(?=\w+ \d|\d)|\bupdated\b|\bpublished\b/i)[0].trim();
  // A date written after the names ("Jane Roe November 19, 2019, 9:02 AM") is not part of the byline.
  t = t.replace(new RegExp(`[,\\s]+(on\\s+)?(${MONTHS})[a-z]*\\.?\\s+\\d{1,2}\\b.*$`, 'i'), '');
  t = t.replace(/[,;:]\s*$/, '').trim();
  if (!t || t.length > 80 || t.split(' ').length > 10 || isUrl(t) || !/\p{L}/u.test(t)) return null;
  return t;
}

/** Normalise a date string to ISO 8601, as precise as it was written; null when unreadable. */
export function isoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, tz] = m;
    if (Number(y) < 1900) return null; // placeholders such as 0001-01-01 mean "unknown"
    if (!h) return `${y}-${mo}-${d}`;
    const zone = tz ? (tz === 'Z' ? 'Z' : tz.length === 5 ? `${tz.slice(0, 3)}:${tz.slice(3)}` : tz) : '';
    return `${y}-${mo}-${d}T${h}:${mi}:${sec ?? '00'}${zone}`;
  }
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) return `${m[1]}-${m[2]}-${m[3]}`;
  if ((m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(s))) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  if (/^\d{10}$/.test(s)) return new Date(Number(s) * 1000).toISOString().replace('.000', '');
  if (/^\d{13}$/.test(s)) return new Date(Number(s)).toISOString().replace('.000', '');
  if (new RegExp(`\\b(${MONTHS})[a-z]*\\.?\\b`, 'i').test(s) && /\b\d{4}\b/.test(s)) {
    const hasTime = /\d{1,2}:\d{2}/.test(s);
    const t = Date.parse(s.replace(/\b(at|on)\b/gi, ' ').replace(/(\d)(st|nd|rd|th)\b/g, '$1').replace(/\s+(EST|EDT|CST|CDT|PST|PDT|ET|PT|IST)\b.*$/i, ''));
    if (!Number.isNaN(t)) {
      // A written date has no zone: keep the wall-clock time as written (Date.parse read it as local).
      const d = new Date(t);
      const p2 = (n: number) => String(n).padStart(2, '0');
      const day = `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
      return hasTime ? `${day}T${p2(d.getHours())}:${p2(d.getMinutes())}` : day;
    }
  }
  return null;
}

const first = (meta: Map<string, string[]>, ...keys: string[]): string | null => {
  for (const k of keys) { const v = meta.get(k); if (v) for (const x of v) { const t = str(x); if (t) return t; } }
  return null;
};

/** Strip a " | Site" or " - Site" suffix from a <title>. */
function stripSiteSuffix(title: string, site: string | null): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+|\s+»\s+/);
  if (parts.length < 2) return title;
  if (site) {
    const s = site.toLowerCase();
    const kept = parts.filter((p) => p.toLowerCase() !== s);
    if (kept.length < parts.length) return kept.join(' - ');
  }
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
  return longest.split(/\s+/).length >= 3 ? longest : title;
}

const inForm = (e: El): boolean => { for (let a = e.parent; a; a = a.parent) if (a.tag === 'form') return true; return false; };
const BYLINE_HINT = /\b(byline|author|by-line|writer|contributor|reporter)\b|byline|author-name|authorname/;

export function readMetadata(p: Parsed): Metadata {
  const ld = jsonLdObjects(p.jsonLd);
  const art = ld.find((o) => ARTICLE_TYPES.test(typeOf(o)) && (o.headline || o.articleBody || o.datePublished)) ?? null;
  const meta = p.meta;

  const site = str(names(art?.publisher)[0]) ?? first(meta, 'og:site_name', 'application-name', 'publisher', 'dc.publisher')
    ?? str(names(ld.find((o) => /organization|newsmediaorganization/i.test(typeOf(o)))?.name)[0]);

  let title = str(art?.headline) ?? first(meta, 'og:title', 'twitter:title', 'dc.title', 'headline', 'sailthru.title');
  if (!title) {
    const h1 = firstWhere(p.root, (e) => e.tag === 'h1');
    title = h1 ? textOf(h1) || null : null;
  }
  if (!title && p.title) title = stripSiteSuffix(p.title, site);
  else if (title && p.title === title) title = stripSiteSuffix(title, site);

  // Without a declared site name, the <title> part that is not the headline names the site.
  let publisher = site;
  if (!publisher && title && p.title && p.title !== title && p.title.startsWith(title)) {
    const rest = p.title.slice(title.length).replace(/^\s*[|–—:»-]\s*/, '').trim();
    if (rest && rest.length <= 60 && rest.split(/\s+/).length <= 6) publisher = rest;
  }

  let author: string | null = null;
  const ldAuthors = names(art?.author).map((n) => n.trim()).filter((n) => n && !isUrl(n));
  if (ldAuthors.length) author = cleanByline(ldAuthors.join(', '));
  author ??= cleanByline(first(meta, 'author', 'article:author', 'byl', 'dc.creator', 'sailthru.author', 'parsely-author', 'twitter:creator:name'));
  if (!author) {
    const el = firstWhere(p.root, (e) => e.tag !== 'form' && e.tag !== 'label' && !/comment|reply|respond/.test(e.hint) &&
      (e.attrs.rel === 'author' || e.attrs.itemprop === 'author' || (e.textLen < 120 && BYLINE_HINT.test(hintOf(e)))) && !inForm(e));
    if (el) {
      const nameEl = firstWhere(el, (e) => e.attrs.itemprop === 'name') ?? el;
      author = cleanByline(textOf(nameEl));
    }
  }

  // Each source in turn, so an unreadable or placeholder date in one does not hide the next.
  let publishedAt = isoDate(str(art?.datePublished)) ?? isoDate(str(art?.dateCreated));
  for (const k of ['article:published_time', 'datepublished', 'og:published_time', 'published_time', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'article.published', 'cxenseparse:recs:publishtime']) {
    if (publishedAt) break;
    publishedAt = isoDate(first(meta, k));
  }
  let publishedAtSource: string | null = publishedAt ? 'metadata' : null;
  if (!publishedAt) {
    const time = firstWhere(p.root, (e) => (e.tag === 'time' || e.attrs.itemprop === 'datePublished') && !!(e.attrs.datetime ?? e.attrs.content));
    publishedAt = isoDate(time?.attrs.datetime ?? time?.attrs.content);
    if (!publishedAt) {
      const vis = firstWhere(p.root, (e) => e.textLen > 0 && e.textLen < 80 && /\b(date|time|timestamp|published|posted|dateline)\b/.test(hintOf(e)));
      publishedAt = vis ? isoDate(textOf(vis).replace(/^(published|posted|updated)( on)?:?\s*/i, '')) : null;
    }
    if (publishedAt) publishedAtSource = 'byline';
  }

  // Kept with its line breaks: they are the only paragraph structure it has.
  const articleBody = typeof art?.articleBody === 'string' ? decodeLeftoverEntities(art.articleBody).trim() || null : null;
  const lang = (p.lang ?? first(meta, 'og:locale', 'language', 'content-language') ?? 'en').toLowerCase().slice(0, 2);
  return {
    title, author, publisher: publisher && !isUrl(publisher) ? publisher : null, publishedAt, publishedAtSource,
    url: p.canonical ?? first(meta, 'og:url') ?? str(art?.url),
    language: /^[a-z]{2}$/.test(lang) ? lang : 'en',
    articleBody,
  };
}

