import { get } from '../api.js';
import { fmtDate, h, pager, route } from '../dom.js';
import { renderHighlighted, type Annotation, type Layer } from '../highlight.js';
import { cameoColour, cameoLabel, cameoRoot } from '../cameo.js';
import type { RouteContext } from '../main.js';
import type { DocumentDetail, DocumentSummary, Page } from '../../../src/server/model.js';
import type { Comment, Event as DossierEvent, Quote } from '../../../src/types.js';

const PAGE = 50;

export async function documentsView(ctx: RouteContext): Promise<void> {
  const offset = Math.max(0, Number(ctx.params.get('offset') ?? 0) || 0);
  const res = await get<Page<DocumentSummary>>(`documents?offset=${offset}&limit=${PAGE}`);
  const go = (o: number) => route('docs', { offset: o });
  ctx.main.append(
    h('h1', null, 'Documents'),
    h('table', { class: 'list docs' },
      h('thead', null, h('tr', null, h('th', null, 'Title'), h('th', null, 'Publisher'), h('th', null, 'Published'), h('th', { class: 'num' }, 'Words'), h('th', { class: 'num' }, 'Quotes'), h('th', { class: 'num' }, 'Events'), h('th', { class: 'num' }, 'Comments'))),
      h('tbody', null, res.items.map((d) =>
        h('tr', null,
          h('td', null, h('a', { href: route(`doc/${d.id}`) }, d.title ?? d.source)),
          h('td', null, d.publisher ?? '—'), h('td', null, fmtDate(d.publishedAt)),
          h('td', { class: 'num' }, d.words), h('td', { class: 'num' }, d.quoteCount), h('td', { class: 'num' }, d.eventCount), h('td', { class: 'num' }, d.commentCount))))),
    pager(res.total, offset, PAGE, go));
}

/** Annotations for one container (the main text or a comment). */
function annotationsFor(doc: DocumentDetail, container: string, layers: Set<Layer>): Annotation[] {
  const out: Annotation[] = [];
  if (layers.has('entity'))
    for (const e of doc.entities)
      for (const m of e.mentions) if (m.in === container) out.push({ layer: 'entity', start: m.start, end: m.end, id: e.globalId, cls: `type-${e.type.toLowerCase()}` });
  if (layers.has('quote'))
    for (const q of doc.quotes) {
      if (q.in !== container) continue;
      out.push({ layer: 'quote', start: q.start, end: q.end, id: q.id, cls: q.direct ? 'direct' : 'indirect' });
      if (q.speaker.start !== undefined && q.speaker.end !== undefined) out.push({ layer: 'speaker', start: q.speaker.start, end: q.speaker.end, id: q.id });
      if (q.cueSpan) out.push({ layer: 'cue', start: q.cueSpan.start, end: q.cueSpan.end, id: q.id });
    }
  if (layers.has('event'))
    for (const v of doc.events) if (v.in === container) out.push({ layer: 'event', start: v.start, end: v.end, id: v.id, cls: `cameo-${cameoRoot(v.cameo)}` });
  return out;
}

function depthOf(comments: Comment[]): Map<string, number> {
  const parent = new Map(comments.map((c) => [c.id, c.parentId]));
  const depth = new Map<string, number>();
  for (const c of comments) {
    let d = 0;
    let p = c.parentId;
    while (p && d < 6) {
      d++;
      p = parent.get(p) ?? null;
    }
    depth.set(c.id, d);
  }
  return depth;
}

export async function readerView(ctx: RouteContext, id: string | undefined): Promise<void> {
  if (!id) throw new Error('no document named in the address');
  const doc = await get<DocumentDetail>(`documents/${encodeURIComponent(id)}`);
  const layers = new Set<Layer>(['entity', 'quote', 'speaker', 'cue', 'event']);
  const quotes = new Map(doc.quotes.map((q) => [q.id, q]));
  const events = new Map(doc.events.map((v) => [v.id, v]));
  const entities = new Map(doc.entities.map((e) => [e.globalId, e]));
  const localEntities = new Map(doc.entities.map((e) => [e.id, e]));
  const entityName = (localId: string | null) => (localId ? localEntities.get(localId)?.name ?? null : null);

  const article = h('article', { class: 'reader-text', id: 'reader-text' });
  const thread = h('section', { class: 'thread' });
  const panel = h('aside', { class: 'panel', id: 'panel' }, h('p', { class: 'hint' }, 'Click a highlighted entity, quote or event to see it here.'));

  const paint = () => {
    article.replaceChildren(renderHighlighted(doc.text, annotationsFor(doc, 'document', layers)));
    const depth = depthOf(doc.commentThread);
    thread.replaceChildren(
      h('h2', null, `Comments (${doc.commentThread.length})`),
      ...doc.commentThread.map((c) => {
        const body = h('div', { class: 'comment-text' });
        body.append(renderHighlighted(c.text, annotationsFor(doc, c.id, layers)));
        return h('div', { class: `comment depth-${depth.get(c.id) ?? 0}`, id: `comment-${c.id}`, 'data-comment': c.id },
          h('div', { class: 'comment-meta' }, h('strong', null, c.author ?? 'anonymous'), ' ', h('span', null, fmtDate(c.postedAt))), body);
      }));
  };

  const toggles = h('div', { class: 'layers' }, 'Show: ',
    (['entity', 'quote', 'event'] as Layer[]).map((l) =>
      h('label', { class: `toggle toggle-${l}` },
        h('input', { type: 'checkbox', checked: true, 'data-layer': l, onchange: (ev: Event) => {
          const on = (ev.target as HTMLInputElement).checked;
          const group: Layer[] = l === 'quote' ? ['quote', 'speaker', 'cue'] : [l];
          for (const g of group) on ? layers.add(g) : layers.delete(g);
          paint();
        } }), ` ${l === 'entity' ? 'entities' : l + 's'}`)));

  const flash = (selector: string) => {
    const el = ctx.main.querySelector<HTMLElement>(selector);
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    for (const old of ctx.main.querySelectorAll('.flash')) old.classList.remove('flash');
    el.classList.add('flash');
  };

  const quoteCard = (q: Quote) => {
    const speakerEntity = q.speaker.entityId ? localEntities.get(q.speaker.entityId) : undefined;
    return h('div', { class: 'card quote-card', 'data-quote': q.id },
      h('h3', null, q.direct ? 'Direct quote' : 'Reported speech'),
      h('blockquote', null, q.content),
      h('dl', null,
        h('dt', null, 'Speaker'),
        h('dd', null, speakerEntity
          ? h('a', { class: 'speaker-link', href: route(`entity/${speakerEntity.globalId}`) }, q.speaker.text)
          : q.speaker.start !== undefined
            ? h('a', { class: 'speaker-link', href: '#', onclick: (ev: Event) => { ev.preventDefault(); flash(`[data-speaker="${CSS.escape(q.id)}"]`); } }, q.speaker.text)
            : h('span', { class: 'speaker-link' }, q.speaker.text || 'unknown')),
        h('dt', null, 'Cue'), h('dd', null, q.cue ?? '—'),
        q.via.length ? [h('dt', null, 'Via'), h('dd', null, q.via.map((v) => v.text).join(' → '))] : null,
        h('dt', null, 'Where'), h('dd', null, q.in === 'document' ? 'main text' : `comment ${q.in}`)));
  };
  const eventCard = (v: DossierEvent) =>
    h('div', { class: 'card event-card', 'data-event': v.id },
      h('h3', null, h('span', { class: 'swatch', 'data-colour': cameoColour(v.cameo) }), cameoLabel(v.cameo)),
      h('p', null, v.text),
      h('dl', null,
        h('dt', null, 'Date'), h('dd', null, v.date ?? 'unknown'),
        h('dt', null, 'Actors'), h('dd', null, v.actors.map((a) => entityName(a) ?? a).join(', ') || '—'),
        h('dt', null, 'Place'), h('dd', null, entityName(v.place) ?? '—')));
  const entityCard = (gid: string) => {
    const e = entities.get(gid);
    if (!e) return null;
    return h('div', { class: 'card entity-card' },
      h('h3', null, h('a', { href: route(`entity/${gid}`), class: 'entity-link' }, e.name), ' ', h('span', { class: `badge type-${e.type.toLowerCase()}` }, e.type)),
      h('p', null, `${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'} in this document`));
  };

  const onClick = (ev: MouseEvent) => {
    const span = (ev.target as HTMLElement).closest<HTMLElement>('span.hl');
    if (!span) return;
    const cards: (HTMLElement | null)[] = [];
    const qid = span.dataset.speaker ?? span.dataset.cue ?? span.dataset.quote;
    if (span.dataset.entity) cards.push(entityCard(span.dataset.entity));
    if (qid && quotes.has(qid)) cards.push(quoteCard(quotes.get(qid)!));
    if (span.dataset.event && events.has(span.dataset.event)) cards.push(eventCard(events.get(span.dataset.event)!));
    panel.replaceChildren(...cards.filter((c): c is HTMLElement => !!c));
    paintSwatches(panel);
  };
  article.addEventListener('click', onClick);
  thread.addEventListener('click', onClick);

  const meta = [doc.author, doc.publisher, fmtDate(doc.publishedAt)].filter((x) => x && x !== '—').join(' · ');
  ctx.main.append(
    h('div', { class: 'reader' },
      h('header', { class: 'reader-head' },
        h('h1', null, doc.title ?? doc.source),
        h('p', { class: 'meta' }, meta, doc.url ? [' · ', h('a', { href: doc.url, rel: 'noreferrer noopener', target: '_blank' }, 'original')] : null),
        h('p', { class: 'meta' }, `${doc.words} words · ${doc.entities.length} entities · ${doc.quotes.length} quotes · ${doc.events.length} events`),
        toggles),
      h('div', { class: 'reader-body' }, article, h('div', { class: 'reader-side' }, panel, thread))));
  paint();

  // Deep links: ?quote=q3, ?event=v2, ?at=120 (main text offset), ?find=text
  const q = ctx.params.get('quote');
  const v = ctx.params.get('event');
  const at = ctx.params.get('at');
  const find = ctx.params.get('find');
  let target: HTMLElement | null = null;
  if (q) target = ctx.main.querySelector(`[data-quote="${CSS.escape(q)}"]`);
  else if (v) target = ctx.main.querySelector(`[data-event="${CSS.escape(v)}"]`);
  else if (at || find) target = markRange(article, at ? Number(at) : doc.text.toLowerCase().indexOf(find!.toLowerCase()), find?.length ?? 1);
  if (target) {
    target.scrollIntoView({ block: 'center' });
    target.classList.add('flash');
    if (q || v) target.click();
  }
}

/** Finds the text node holding a main-text offset (walking text nodes in order) and flashes it. */
function markRange(article: HTMLElement, offset: number, _length: number): HTMLElement | null {
  if (!(offset >= 0)) return null;
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  let pos = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = (n.nodeValue ?? '').length;
    if (offset < pos + len) {
      if (n.parentElement && n.parentElement !== article) return n.parentElement;
      const split = (n as Text).splitText(offset - pos);
      const mark = document.createElement('mark');
      split.parentNode!.insertBefore(mark, split);
      mark.appendChild(split.length > _length ? (split.splitText(_length), split) : split);
      return mark;
    }
    pos += len;
  }
  return null;
}

/** Colours come from data attributes through the CSSOM (allowed by the CSP, unlike style="…"). */
export function paintSwatches(root: HTMLElement): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-colour]')) el.style.backgroundColor = el.dataset.colour!;
}
