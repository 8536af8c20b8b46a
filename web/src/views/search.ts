import { get } from '../api.js';
import { h, pager, route } from '../dom.js';
import type { RouteContext } from '../main.js';
import type { Overview, Page, SearchHit } from '../../../src/server/model.js';

export async function homeView(ctx: RouteContext): Promise<void> {
  const o = await get<Overview>('overview');
  const stat = (n: number, label: string, href: string) => h('a', { class: 'stat', href }, h('strong', null, n), h('span', null, label));
  ctx.main.append(
    h('section', { class: 'home' },
      h('h1', null, o.question ?? 'Dossier'),
      h('div', { class: 'stats' },
        stat(o.documents, 'documents', '#/docs'), stat(o.entities, 'entities', '#/entities'), stat(o.quotes, 'quotes', '#/claims'),
        stat(o.claims, 'claim groups', '#/claims'), stat(o.events, 'events', '#/timeline'), stat(o.hypotheses, 'hypotheses', '#/ach')),
      h('p', { class: 'hint' }, 'Read documents with their entities, quotes and events highlighted; weigh the evidence in the ACH matrix; follow actors in the network and the timeline.')));
}

/** A search snippet with its matched words (which the store sets in square brackets: "[ISIS]") marked;
 * the rest stays text. */
function marked(snippet: string): (string | HTMLElement)[] {
  const out: (string | HTMLElement)[] = [];
  let at = 0;
  for (const m of snippet.matchAll(/\[([^\[\]\s]{1,40})\]/gu)) {
    out.push(snippet.slice(at, m.index), h('mark', null, m[1]));
    at = m.index! + m[0].length;
  }
  out.push(snippet.slice(at));
  return out;
}

export async function searchView(ctx: RouteContext): Promise<void> {
  const q = ctx.params.get('q') ?? '';
  const asked = Number(ctx.params.get('offset') ?? 0);
  const offset = Number.isFinite(asked) ? Math.max(0, Math.floor(asked)) : 0;
  const limit = 20;
  const res = await get<Page<SearchHit>>(`search?q=${encodeURIComponent(q)}&offset=${offset}&limit=${limit}`);
  ctx.main.append(
    h('h1', null, 'Search: ', h('q', null, q)),
    h('ol', { class: 'hits', start: offset + 1 },
      res.items.map((hit) => h('li', null, h('a', { href: route(`doc/${hit.documentId}`, { find: q }) }, hit.title ?? hit.documentId), h('p', { class: 'snippet' }, marked(hit.snippet))))),
    pager(res.total, offset, limit, (o) => route('search', { q, offset: o })));
}
