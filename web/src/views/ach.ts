import { get, post, put } from '../api.js';
import { h } from '../dom.js';
import { showError, type RouteContext } from '../main.js';
import type { AchMatrix, HypothesisView } from '../../../src/server/model.js';

const RATINGS = ['CC', 'C', 'N', 'I', 'II'];
const RATING_LABEL: Record<string, string> = { CC: 'CC — very consistent', C: 'C — consistent', N: 'N — neutral', I: 'I — inconsistent', II: 'II — very inconsistent' };

export async function achView(ctx: RouteContext): Promise<void> {
  const root = h('section', { class: 'ach' });
  ctx.main.append(root);
  render(root, await get<AchMatrix>('ach'));
}

function render(root: HTMLElement, m: AchMatrix): void {
  const cell = new Map(m.cells.map((c) => [`${c.evidenceId}\u0000${c.hypothesisId}`, c]));
  const score = new Map(m.scores.map((s) => [s.hypothesisId, s]));
  const ordered = [...m.hypotheses].sort((a, b) => (score.get(a.id)?.rank ?? 0) - (score.get(b.id)?.rank ?? 0));

  const rate = async (evidenceId: string, hypothesisId: string, rating: string) => {
    try {
      render(root, await put<AchMatrix>('ratings', { evidenceId, hypothesisId, rating: rating || null }));
    } catch (err) {
      showError(err);
    }
  };

  const head = h('tr', null,
    h('th', { class: 'hyp-col' }, 'Hypothesis'),
    m.evidence.map((e, i) =>
      h('th', { class: `evidence ${e.diagnostic ? '' : 'non-diagnostic'}`, title: `${e.text}${e.source ? ` — ${e.source}` : ''}${e.diagnostic ? '' : ' (not diagnostic)'}`, 'data-evidence': e.id },
        h('span', { class: 'ev-num' }, `E${i + 1}`), h('span', { class: 'ev-text' }, e.text.length > 70 ? e.text.slice(0, 67) + '…' : e.text))),
    h('th', { class: 'num score-col' }, 'Inconsistency'), h('th', { class: 'num score-col' }, 'Consistency'), h('th', { class: 'num score-col' }, 'Rank'));

  const rows = ordered.map((hyp: HypothesisView) => {
    const s = score.get(hyp.id);
    return h('tr', { 'data-hypothesis': hyp.id, class: s?.rank === 1 && s.rated ? 'leader' : '' },
      h('th', { class: 'hyp-col', scope: 'row' }, hyp.text),
      m.evidence.map((e) => {
        const c = cell.get(`${e.id}\u0000${hyp.id}`);
        const select = h('select', { 'aria-label': `Rating of E${m.evidence.indexOf(e) + 1} against ${hyp.text}`, class: `rating ${c ? `r-${c.rating}` : ''} ${c?.proposed ? 'proposed' : ''}`,
          onchange: (ev: Event) => void rate(e.id, hyp.id, (ev.target as HTMLSelectElement).value) },
          h('option', { value: '' }, '·'),
          RATINGS.map((r) => h('option', { value: r, selected: c?.rating === r, title: RATING_LABEL[r] }, r)));
        return h('td', { class: `cell ${e.diagnostic ? '' : 'non-diagnostic'}`, title: c?.proposed ? 'proposed by Dossier; choose a rating to confirm' : null }, select);
      }),
      h('td', { class: 'num score', 'data-score': 'inconsistency' }, s ? String(s.inconsistency) : '—'),
      h('td', { class: 'num score', 'data-score': 'consistency' }, s ? String(s.consistency) : '—'),
      h('td', { class: 'num score', 'data-score': 'rank', title: s && !s.rated ? 'no evidence is rated against it yet' : null }, s?.rated ? String(s.rank) : '—'));
  });

  const input = h('input', { type: 'text', name: 'text', placeholder: 'A new hypothesis', maxlength: 1000, 'aria-label': 'New hypothesis' });
  const addForm = h('form', { class: 'add-hypothesis', onsubmit: async (ev: Event) => {
    ev.preventDefault();
    if (!input.value.trim()) return;
    try {
      await post('hypotheses', { text: input.value.trim() });
      render(root, await get<AchMatrix>('ach'));
    } catch (err) {
      showError(err);
    }
  } }, input, h('button', { type: 'submit' }, 'Add hypothesis'));

  root.replaceChildren(
    h('h1', null, 'Analysis of Competing Hypotheses'),
    h('p', { class: 'question-line' }, m.question ?? ''),
    h('p', { class: 'hint' }, 'Hypotheses are ranked by weighted inconsistency (I = 1, II = 2, times the evidence weight): the least inconsistent leads. Dimmed columns are not diagnostic (rated alike for every hypothesis) and do not move the ranking. Italic ratings are proposals.'),
    m.hypotheses.length && m.evidence.length
      ? h('div', { class: 'matrix-wrap' }, h('table', { class: 'matrix' }, h('thead', null, head), h('tbody', null, rows)))
      : h('p', { class: 'hint' }, m.hypotheses.length ? 'No evidence yet: add documents with quotes.' : 'No hypotheses yet: add one below.'),
    addForm,
    h('h2', null, 'Evidence'),
    h('ol', { class: 'evidence-list' }, m.evidence.map((e) =>
      h('li', { class: e.diagnostic ? '' : 'non-diagnostic' }, e.text, h('span', { class: 'meta' }, ` — ${e.source ?? 'unknown source'}, weight ${e.weight}${e.diagnostic ? '' : ', not diagnostic'}`)))),
    h('h2', null, 'Sensitivity'),
    m.sensitivity.length ? h('ul', { class: 'sensitivity' }, m.sensitivity.map((s) => h('li', null, s))) : h('p', { class: 'hint' }, 'Rate evidence to see which items the ranking depends on.'));
}
