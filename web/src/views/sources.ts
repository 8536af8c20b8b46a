import { get, put } from '../api.js';
import { h, pager, route } from '../dom.js';
import { clearError, showError, type RouteContext } from '../main.js';
import type { Page, SourceView } from '../../../src/server/model.js';

const PAGE = 50;
// Admiralty reliability scale.
const RELIABILITY: Record<string, string> = {
  A: 'A — completely reliable', B: 'B — usually reliable', C: 'C — fairly reliable',
  D: 'D — not usually reliable', E: 'E — unreliable', F: 'F — cannot be judged',
};

export async function sourcesView(ctx: RouteContext): Promise<void> {
  const offset = Math.max(0, Number(ctx.params.get('offset') ?? 0) || 0);
  const res = await get<Page<SourceView>>(`sources?offset=${offset}&limit=${PAGE}`);
  const row = (s: SourceView) => {
    const select = h('select', { name: 'reliability', 'aria-label': `Reliability of ${s.name}` },
      h('option', { value: '' }, 'ungraded'),
      Object.entries(RELIABILITY).map(([k, label]) => h('option', { value: k, selected: s.reliability === k }, label)));
    const reason = h('input', { type: 'text', name: 'reason', value: s.reason ?? '', placeholder: 'Why this grade?', maxlength: 2000 });
    const status = h('span', { class: 'status' });
    const save = h('button', { type: 'submit' }, 'Save');
    const form = h('form', { class: 'grade', 'data-source': s.id, onsubmit: async (ev: Event) => {
      ev.preventDefault();
      if (!select.value) return showError(new Error(`choose a grade for ${s.name} first`));
      try {
        const saved = await put<SourceView>(`sources/${encodeURIComponent(s.id)}`, { reliability: select.value, reason: reason.value.trim() || null });
        status.textContent = `saved ${saved.reliability}`;
        clearError();
      } catch (err) {
        showError(err);
      }
    } }, select, reason, save, status);
    return h('tr', null, h('td', null, s.name), h('td', null, h('span', { class: `badge kind-${s.kind}` }, s.kind)), h('td', { class: 'num' }, s.items), h('td', null, form));
  };
  ctx.main.append(
    h('h1', null, 'Sources'),
    h('p', { class: 'hint' }, 'Speakers, relaying outlets and publishers, graded on the Admiralty reliability scale.'),
    h('table', { class: 'list sources' },
      h('thead', null, h('tr', null, h('th', null, 'Source'), h('th', null, 'Kind'), h('th', { class: 'num' }, 'Items'), h('th', null, 'Reliability and reason'))),
      h('tbody', null, res.items.map(row))),
    pager(res.total, offset, PAGE, (o) => route('sources', { offset: o })));
}
