// Step 3: reader comments. A comment is an element whose class holds a comment-item token
// (WordPress `li.comment`, Disqus `li.post` inside #disqus_thread, generic `.comment`); replies
// are comments nested inside another, or flat ones pointing at their parent by attribute or
// depth class. Each gets author, time and text from its own part of the subtree; the whole
// thread is then dropped from the page so none of it leaks into the main text.
import type { Comment } from '../../types.js';
import { descendants, drop, firstWhere, hintOf, isEl, textOf, type El } from './dom.js';
import { isoDate } from './02-metadata.js';
import { renderBlocks } from './05-render.js';

/** Class tokens that mark one comment (matched against whole tokens, lower-cased). */
const ITEM_TOKENS = new Set(['comment', 'comment-item', 'comments-item', 'comment-wrapper', 'comment-container', 'single-comment',
  'commentlist-item', 'c-comment', 'js-comment', 'comment-thread-item', 'comment-entry', 'user-comment', 'reader-comment']);
/** Inside a comment section these tokens mark a comment too (Disqus renders `li.post`). */
const SECTION_ITEM_TOKENS = new Set(['post', 'reply', 'comment-reply', 'response']);
const SECTION = /comment|disqus|discussion|responses|replies|reader-?response/;
const ID_ITEM = /^(li-)?comment[-_]?\d+$|^post-\d+$|^c\d+$/;
const AUTHOR = /\b(fn|author|comment-author|commenter|user-?name|username|user|name|nick|byline|post-byline)\b|author/;
const TIME = /\b(date|time|timestamp|posted|published|comment-meta|comment-metadata|metadata|meta|when)\b/;
const BODY = /comment-content|comment-text|comment-body-text|comment_text|commenttext|post-message|message|comment-message|\btext\b|\bcontent\b|\bbody\b/;
/** Controls that sit inside a comment but are not what the reader wrote. */
const CONTROL = /\b(reply|comment-reply|reply-link|actions|comment-actions|toolbar|vote|votes|like|likes|share|report|flag|edit|avatar|permalink)\b|says/;

function tokens(el: El): string[] {
  const c = el.attrs.class;
  return c ? c.toLowerCase().split(/\s+/) : [];
}

/** Page-wide wrappers whose classes describe the page ("comments-open"), not a comment section. */
const PAGE_TAGS = new Set(['#root', 'html', 'body', 'main']);

function inSection(el: El): boolean {
  for (let a = el.parent; a; a = a.parent) if (!PAGE_TAGS.has(a.tag) && SECTION.test(hintOf(a))) return true;
  return false;
}

/** Cheap pre-check: an element without any of these in its class/id cannot be a comment. */
const MAYBE_ITEM = /comment|post|reply|response|(^|\s)c\d/;

function isItem(el: El): boolean {
  if (!MAYBE_ITEM.test(el.hint)) return false;
  const ts = tokens(el);
  if (ts.some((t) => ITEM_TOKENS.has(t))) return true;
  const id = (el.attrs.id ?? '').toLowerCase();
  if (ID_ITEM.test(id) && id !== 'comment' && el.tag !== 'a') return inSection(el) || ts.some((t) => t.startsWith('comment'));
  if (ts.some((t) => SECTION_ITEM_TOKENS.has(t))) return inSection(el) && !looksLikeArticle(el);
  return false;
}

/** The article itself carries "post" too: it has the headline or the article body in it. */
function looksLikeArticle(el: El): boolean {
  return firstWhere(el, (d) => d.tag === 'h1' || d.attrs.itemprop === 'articleBody' || /\b(entry-content|article-body|post-content|story-body)\b/.test(d.hint)) !== null;
}

/** A container that is plainly a comment list: "comments", "comment-list", "commentlist", "comment-thread". */
const LIST_SECTION = /(^|[\s_-])(comments|comment-?list|comments-?list|comment-?thread|comments-?area)($|[\s_-])/;

/** Site-wide widgets ("recent comments" in a sidebar) list other pages' comments, not this page's thread. */
const WIDGET = /recent|latest|popular|widget|sidebar|most-/;
function inWidget(el: El): boolean {
  // Only the nearest wrappers: layout classes far up ("content-sidebar-wrap") say nothing about the list.
  let n = 0;
  for (let a: El | null = el; a && !PAGE_TAGS.has(a.tag) && n < 4; a = a.parent, n++) if (a.tag === 'aside' || WIDGET.test(a.hint)) return true;
  return false;
}

/** Without marked items, the list items of a comment section (and of its nested reply lists) are the comments. */
function unmarkedListItems(root: El): El[] {
  const out: El[] = [];
  for (const sec of descendants(root)) {
    if (PAGE_TAGS.has(sec.tag) || !LIST_SECTION.test(sec.hint) || inWidget(sec)) continue;
    for (const li of descendants(sec)) if (li.tag === 'li' && li.textLen > 0 && li.parent && (li.parent.tag === 'ul' || li.parent.tag === 'ol')) out.push(li);
    if (out.length) break;
  }
  return out;
}

/** The parts of an item's subtree that belong to it and not to a nested reply. */
function ownElements(item: El, items: Set<El>): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    for (const c of e.children) {
      if (!isEl(c) || items.has(c)) continue;
      out.push(c);
      walk(c);
    }
  };
  walk(item);
  return out;
}

function cleanAuthor(s: string): string | null {
  const t = s.replace(/\s+/g, ' ').replace(/\s*(says|said|wrote)\s*:?\s*$/i, '').replace(/^(by|posted by)\s+/i, '').trim();
  return t && t.length <= 80 ? t : null;
}

/** "Jane on May 1, 2019 at 4:47 pm": the name and the time written in one line. */
function splitAuthorTime(name: string): { name: string; iso: string } | null {
  const m = /^(.+?)(?:\s+(?:on|at|-|–|—|\|)\s+|,\s+)(.*\d{4}.*)$/.exec(name);
  if (!m) return null;
  const iso = isoDate(m[2].replace(/\s*(says|said|wrote)\s*:?\s*$/i, ''));
  return iso ? { name: m[1].trim(), iso } : null;
}

function findAuthor(own: El[]): { el: El; name: string } | null {
  for (const e of own) {
    if (e.attrs.itemprop === 'author' || e.attrs.rel === 'author' || (AUTHOR.test(hintOf(e)) && !/avatar|author-?img|photo/.test(hintOf(e)))) {
      if (e.textLen === 0) continue;
      const fn = firstWhere(e, (d) => /\bfn\b|\bname\b/.test(hintOf(d)) || d.attrs.itemprop === 'name');
      const name = cleanAuthor(textOf(fn ?? e));
      if (name) return { el: e, name };
    }
  }
  return null;
}

function findTime(own: El[]): { el: El; iso: string } | null {
  for (const e of own) {
    const raw = e.attrs.datetime ?? (e.tag === 'time' ? undefined : undefined);
    if (e.tag === 'time' || raw) {
      const iso = isoDate(raw ?? textOf(e)) ?? isoDate(e.attrs.title);
      if (iso) return { el: e, iso };
    }
  }
  for (const e of own) {
    const h = hintOf(e);
    if (!TIME.test(h) && !(e.attrs.title && /\d{4}/.test(e.attrs.title))) continue;
    const iso = isoDate(e.attrs.title) ?? isoDate(e.attrs['data-timestamp']) ?? (e.textLen < 80 ? isoDate(textOf(e).replace(/^(posted|published)( on)?:?\s*/i, '')) : null);
    if (iso) return { el: e, iso };
  }
  return null;
}

const CONTROL_LINE = /^(reply|report|flag|like|share|edit|delete|permalink|\d+ (likes?|replies|points?)|↑|↓|[·•|]|upvote|downvote)$/i;

function commentText(item: El, own: El[], items: Set<El>, skip: Set<El>): string {
  const body = own.find((e) => BODY.test(hintOf(e)) && !AUTHOR.test(hintOf(e)) && !TIME.test(hintOf(e)) && e.textLen > 0 && ![...skip].some((s) => contains(e, s)));
  // Render the body (or the whole item) without nested replies, author, time and controls.
  const exclude = new Set<El>(skip);
  for (const e of own) if (CONTROL.test(hintOf(e)) || e.tag === 'form' || e.tag === 'img') exclude.add(e);
  for (const e of items) if (e !== item) exclude.add(e);
  const blocks = renderBlocks([body ?? item], true, exclude);
  return blocks.filter((b) => !CONTROL_LINE.test(b)).join('\n\n');
}

function contains(outer: El, inner: El): boolean {
  for (let e: El | null = inner; e; e = e.parent) if (e === outer) return true;
  return false;
}

/** Lift the reader comments out of the tree (marking them dropped) and return them in page order. */
export function extractComments(root: El): Comment[] {
  const found: El[] = [];
  for (const el of descendants(root)) if (isItem(el)) found.push(el);
  if (!found.length) found.push(...unmarkedListItems(root));
  if (!found.length) return [];
  // An item whose only item-ancestor wraps nothing else (a wrapper and its inner box) is the same comment.
  // Not comments: teaser cards reusing the word (mostly link text) and the reply form's wrapper.
  const plausible = (el: El) => el.textLen > 0 && el.linkLen / el.textLen < 0.6 && !firstWhere(el, (d) => d.tag === 'form' || d.tag === 'label');
  const candidates = found.filter(plausible);
  const itemSet = new Set(candidates);
  const items = candidates.filter((el) => {
    const anc = closestItem(el, itemSet);
    if (!anc) return true;
    const ownText = anc.textLen - el.textLen;
    return !(ownText <= 2);
  });
  if (!items.length) return [];
  const set = new Set(items);
  const ids = new Map<El, string>();
  items.forEach((el, i) => ids.set(el, `c${i + 1}`));
  const byAttrId = new Map<string, El>();
  for (const el of items) for (const k of ['id', 'data-id', 'data-comment-id']) if (el.attrs[k]) byAttrId.set(el.attrs[k].replace(/^(li-)?comment-|^post-/, ''), el);

  const comments: Comment[] = [];
  // Flat threads state the nesting level in a class (WordPress depth-2), data-depth or aria-level.
  const depthOf = (el: El): number | null => {
    const m = /\bdepth-(\d+)\b|\blevel-(\d+)\b/.exec(el.attrs.class ?? '');
    if (m) return Number(m[1] ?? m[2]);
    const a = el.attrs['data-depth'] ?? el.attrs['data-level'] ?? el.attrs['aria-level'];
    return a !== undefined && /^\d{1,3}$/.test(a) ? Number(a) : null;
  };
  for (let i = 0; i < items.length; i++) {
    const el = items[i];
    let parent = closestItem(el, set);
    const pref = el.attrs['data-parent-id'] ?? el.attrs['data-parent'] ?? el.attrs['data-reply-to'] ?? el.attrs['data-in-reply-to'];
    if (!parent && pref) parent = byAttrId.get(pref.replace(/^#?(li-)?comment-|^#?post-|^#/, '')) ?? null;
    const d = depthOf(el);
    if (!parent && d !== null && d > 1) {
      for (let j = i - 1; j >= 0; j--) { const dj = depthOf(items[j]); if (dj !== null && dj === d - 1) { parent = items[j]; break; } }
    }
    const own = ownElements(el, set);
    const author = findAuthor(own);
    let time = findTime(own);
    const joined = author ? splitAuthorTime(author.name) : null;
    if (author && joined) { author.name = joined.name; time ??= { el: author.el, iso: joined.iso }; }
    const skip = new Set<El>();
    if (author) skip.add(author.el);
    if (time) { skip.add(time.el); for (let a = time.el.parent; a && a !== el && TIME.test(hintOf(a)); a = a.parent) skip.add(a); }
    const text = commentText(el, own, set, skip);
    if (!text) continue;
    comments.push({ id: ids.get(el)!, parentId: parent ? ids.get(parent) ?? null : null, author: author?.name ?? null, postedAt: time?.iso ?? null, text });
  }
  // Renumber densely: items without text were skipped, and their replies attach to the nearest kept ancestor.
  const renum = new Map<string, string>();
  comments.forEach((c, i) => renum.set(c.id, `c${i + 1}`));
  for (const c of comments) {
    c.id = renum.get(c.id)!;
    c.parentId = c.parentId ? renum.get(c.parentId) ?? null : null;
  }
  // Drop the thread (its section, when one wraps it) from the page.
  for (const el of items) drop(el);
  let section: El | null = null;
  for (let a = items[0].parent; a && a.tag !== 'body' && a.tag !== '#root'; a = a.parent) if (SECTION.test(hintOf(a)) && items.every((it) => contains(a!, it))) section = a;
  if (section) drop(section);
  for (const el of items) el.attrs['data-dossier-comment'] = '1';
  if (section) section.attrs['data-dossier-comment'] = '1';
  return comments;
}

function closestItem(el: El, set: Set<El>): El | null {
  for (let a = el.parent; a; a = a.parent) if (set.has(a)) return a;
  return null;
}
