import { get } from '../api.js';
import { h, pager, route } from '../dom.js';
import type { RouteContext } from '../main.js';
import type { EntityDetail, EntitySummary, Page, QuoteRef } from '../../../src/server/model.js';

const PAGE = 50;

export async function entitiesView(ctx: RouteContext): Promise<void> {
  const offset = Math.max(0, Number(ctx.params.get('offset') ?? 0) || 0);
  const q = ctx.params.get('q') ?? '';
  const res = await get<Page<EntitySummary>>(`entities?offset=${offset}&limit=${PAGE}${q ? `&q=${encodeURIComponent(q)}` : ''}`);
  const filter = h('form', { class: 'filter', onsubmit: (ev: Event) => {
    ev.preventDefault();
    location.hash = route('entities', { q: ((ev.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement).value.trim() });
  } }, h('input', { type: 'search', name: 'q', value: q, placeholder: 'Filter by name or alias', 'aria-label': 'Filter entities' }));
  ctx.main.append(
    h('h1', null, 'Entities'), filter,
    h('table', { class: 'list entities' },
      h('thead', null, h('tr', null, h('th', null, 'Name'), h('th', null, 'Type'), h('th', null, 'Aliases'), h('th', { class: 'num' }, 'Documents'), h('th', { class: 'num' }, 'Mentions'))),
      h('tbody', null, res.items.map((e) =>
        h('tr', null,
          h('td', null, h('a', { href: route(`entity/${e.id}`) }, e.name)),
          h('td', null, h('span', { class: `badge type-${e.type.toLowerCase()}` }, e.type)),
          h('td', { class: 'aliases' }, e.aliases.filter((a) => a !== e.name).join(', ')),
          h('td', { class: 'num' }, e.documents), h('td', { class: 'num' }, e.mentions))))),
    pager(res.total, offset, PAGE, (o) => route('entities', { q, offset: o })));
}

const quoteList = (items: QuoteRef[]) =>
  items.length
    ? h('ul', { class: 'quotes' }, items.map((q) =>
        h('li', null, h('a', { href: route(`doc/${q.documentId}`, { quote: q.quoteId }) }, h('q', null, q.content)),
          h('span', { class: 'meta' }, ` — ${q.speaker}${q.cue ? ` (${q.cue})` : ''}, ${q.title ?? q.documentId}`))))
    : h('p', { class: 'hint' }, 'None.');

/** An entity's other names, once each: not its own name, nor a copy differing only in its spaces or case. */
function alsoCalled(e: EntityDetail): (HTMLElement | string)[] {
  const norm = (s: string) => s.replace(/\s+/gu, ' ').trim().toLowerCase();
  const seen = new Set([norm(e.name)]);
  const chips = e.aliases.filter((a) => !seen.has(norm(a)) && !!seen.add(norm(a))).map((a) => h('span', { class: 'chip' }, a));
  return chips.length ? chips : ['—'];
}

export async function entityView(ctx: RouteContext, id: string | undefined): Promise<void> {
  if (!id) throw new Error('no entity named in the address');
  const e = await get<EntityDetail>(`entities/${encodeURIComponent(id)}`);
  ctx.main.append(
    h('section', { class: 'entity-page' },
      h('h1', null, e.name, ' ', h('span', { class: `badge type-${e.type.toLowerCase()}` }, e.type)),
      h('p', { class: 'meta' }, `${e.mentions} mentions in ${e.documents} document${e.documents === 1 ? '' : 's'}`),
      h('div', { class: 'aliases' }, h('strong', null, 'Also called: '), ...alsoCalled(e)),
      h('div', { class: 'columns' },
        h('div', null,
          h('h2', null, `Quotes by ${e.name} (${e.quotesBy.length})`), quoteList(e.quotesBy),
          h('h2', null, `Quotes mentioning ${e.name} (${e.quotesAbout.length})`), quoteList(e.quotesAbout),
          h('h2', null, `Mentions (${e.mentionList.length})`),
          h('ul', { class: 'kwic' }, e.mentionList.map((m) =>
            h('li', null,
              h('a', { href: route(`doc/${m.documentId}`, m.in === 'document' ? { at: m.start } : {}) }, m.title ?? m.documentId), m.in === 'document' ? ': ' : ` (comment ${m.in}): `,
              h('span', { class: 'ctx' }, m.before), h('mark', null, m.text), h('span', { class: 'ctx' }, m.after))))),
        h('aside', null,
          h('h2', null, 'Network neighbours'),
          e.neighbours.length
            ? h('ul', { class: 'neighbours' }, e.neighbours.map((n) =>
                h('li', null, h('a', { href: route(`entity/${n.id}`) }, n.name), ' ', h('span', { class: `badge type-${n.type.toLowerCase()}` }, n.type), h('span', { class: 'weight' }, ` ×${n.weight}`))))
            : h('p', { class: 'hint' }, 'None.'),
          h('p', null, h('a', { href: route('network', { focus: e.id }) }, 'Show in the network'))))));
}
