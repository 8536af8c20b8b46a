import { get } from '../api.js';
import { h, pager, route } from '../dom.js';
import type { RouteContext } from '../main.js';
import type { ClaimGroupView, Page } from '../../../src/server/model.js';

const PAGE = 25;
const CREDIBILITY = ['', 'confirmed', 'probably true', 'possibly true', 'doubtful', 'improbable', 'cannot be judged'];

export async function claimsView(ctx: RouteContext): Promise<void> {
  const offset = Math.max(0, Number(ctx.params.get('offset') ?? 0) || 0);
  const res = await get<Page<ClaimGroupView>>(`claims?offset=${offset}&limit=${PAGE}`);
  ctx.main.append(
    h('h1', null, 'Claims'),
    h('p', { class: 'hint' }, 'Statements grouped across documents. Origins are counted once per chain, so repetition is not mistaken for corroboration.'),
    h('div', { class: 'claims' }, res.items.map((c) =>
      h('article', { class: 'card claim', 'data-claim': c.id },
        h('h3', null, h('q', null, c.text)),
        h('p', { class: 'meta' },
          `${c.members.length} statement${c.members.length === 1 ? '' : 's'} · ${c.origins.length} distinct origin${c.origins.length === 1 ? '' : 's'}`,
          c.credibility ? ` · credibility ${c.credibility} (${CREDIBILITY[c.credibility] ?? ''})` : ''),
        h('div', { class: 'origins' }, h('strong', null, 'Origins: '), c.origins.map((o) => h('span', { class: 'chip' }, o))),
        h('ol', { class: 'chains' }, c.chains.map((ch) => h('li', null, ch.steps.join(' → ')))),
        h('ul', { class: 'members' }, c.members.map((m) =>
          h('li', null, h('a', { href: route(`doc/${m.document}`, m.quoteId ? { quote: m.quoteId } : {}) }, m.documentTitle ?? m.document),
            ` — ${m.source}`, m.sentence ? h('span', { class: 'ctx' }, `: ${m.sentence}`) : null)))))),
    pager(res.total, offset, PAGE, (o) => route('claims', { offset: o })));
}
