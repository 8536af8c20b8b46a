import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreAch, originClusters, type AchCell, type AchEvidence, type AchInput } from '../../src/analysis/ach.js';
import { sensitivity } from '../../src/analysis/sensitivity.js';

const H = [
  { id: 'h1', text: 'first' },
  { id: 'h2', text: 'second' },
];
const ev = (id: string, origins: string[], reliability: AchEvidence['reliability'] = 'A', credibility: AchEvidence['credibility'] = 1): AchEvidence => ({
  id, label: id, origins, reliability, credibility,
});
const cell = (evidenceId: string, hypothesisId: string, rating: AchCell['rating'], weight = 1): AchCell => ({ evidenceId, hypothesisId, rating, weight, proposed: false });

test('ach: counts two items from the same origin once, which changes the leader', () => {
  // Worked by hand: e1 and e2 share origin o1 and both say I to h1; counted naively h1 = 2 > h2 = 1.5,
  // counted once h1 = 1 < h2 = 1.5, so h1 leads.
  const input: AchInput = {
    hypotheses: H,
    evidence: [ev('e1', ['o1']), ev('e2', ['o1']), ev('e3', ['o2'])],
    cells: [cell('e1', 'h1', 'I'), cell('e1', 'h2', 'C'), cell('e2', 'h1', 'I'), cell('e2', 'h2', 'C'), cell('e3', 'h1', 'N'), cell('e3', 'h2', 'I', 1.5)],
  };
  const r = scoreAch(input);
  assert.deepEqual(r.hypotheses.map((h) => [h.id, h.inconsistency, h.consistency, h.rank]), [
    ['h1', 1, 0, 1],
    ['h2', 1.5, 1, 2],
  ]);
  assert.deepEqual(r.evidence.map((e) => e.cluster), ['e1', 'e1', 'e3']);
});

test('ach: a hypothesis with nothing rated against it ranks last and is marked unrated, however low its inconsistency', () => {
  // h3 was added and never rated: its 0 is no merit, so h1 (inconsistency 1) still leads
  const input: AchInput = {
    hypotheses: [...H, { id: 'h3', text: 'third, never weighed' }],
    evidence: [ev('e1', ['o1']), ev('e2', ['o2'])],
    cells: [cell('e1', 'h1', 'I'), cell('e1', 'h2', 'II'), cell('e2', 'h1', 'C'), cell('e2', 'h2', 'I')],
  };
  assert.deepEqual(scoreAch(input).hypotheses.map((h) => [h.id, h.inconsistency, h.rank, h.rated]), [
    ['h1', 1, 1, true],
    ['h2', 3, 2, true],
    ['h3', 0, 3, false],
  ]);
  // and no sensitivity finding makes it the leader
  assert.ok(!sensitivity(input).findings.some((f) => f.after[0] === 'h3'));
});

test('ach: an item rated alike on every hypothesis is non-diagnostic and moves nothing', () => {
  const base: AchInput = { hypotheses: H, evidence: [ev('e1', ['o1'])], cells: [cell('e1', 'h1', 'C'), cell('e1', 'h2', 'I')] };
  const withFlat: AchInput = {
    hypotheses: H,
    evidence: [...base.evidence, ev('e2', ['o2'])],
    cells: [...base.cells, cell('e2', 'h1', 'II'), cell('e2', 'h2', 'II')],
  };
  const a = scoreAch(base);
  const b = scoreAch(withFlat);
  assert.deepEqual(b.hypotheses, a.hypotheses);
  assert.deepEqual(b.evidence.map((e) => [e.id, e.diagnostic, e.diagnosticity]), [
    ['e1', true, 2],
    ['e2', false, 0],
  ]);
});

test('ach: weighs a rating by source reliability, claim credibility and relevance', () => {
  // C (0.6) × credibility 3 (0.6) × relevance 2 × II (2) = 1.44
  const r = scoreAch({ hypotheses: H, evidence: [ev('e1', ['o1'], 'C', 3)], cells: [cell('e1', 'h1', 'II', 2), cell('e1', 'h2', 'CC', 2)] });
  assert.deepEqual(r.hypotheses.map((h) => [h.id, h.inconsistency, h.consistency]), [
    ['h2', 0, 1.44],
    ['h1', 1.44, 0],
  ]);
  assert.equal(r.evidence[0].weight, 0.36);
});

test('ach: clusters items that share any origin, transitively', () => {
  const c = originClusters([ev('a', ['x']), ev('b', ['x', 'y']), ev('c', ['y']), ev('d', ['z'])]);
  assert.deepEqual([...c.entries()], [['a', 'a'], ['b', 'a'], ['c', 'a'], ['d', 'd']]);
});

test('sensitivity: reports the items and sources whose removal or reversal flips the ranking', () => {
  // Worked by hand: h1 = 1 (e2 says I), h2 = 1 (e1) + 0.64 (e3: B 0.8 × credibility 2 0.8) = 1.64; h1 leads.
  const input: AchInput = {
    hypotheses: H,
    evidence: [ev('e1', ['o1']), ev('e2', ['o2']), ev('e3', ['o3'], 'B', 2)],
    cells: [cell('e1', 'h1', 'C'), cell('e1', 'h2', 'I'), cell('e2', 'h1', 'I'), cell('e2', 'h2', 'C'), cell('e3', 'h1', 'N'), cell('e3', 'h2', 'I')],
  };
  assert.deepEqual(scoreAch(input).hypotheses.map((h) => [h.id, h.inconsistency]), [['h1', 1], ['h2', 1.64]]);
  const s = sensitivity(input);
  assert.deepEqual(s.ranking, ['h1', 'h2']);
  assert.deepEqual(s.findings.map((f) => [f.kind, f.id, f.change, f.after.join(','), f.leaderChanges]), [
    ['evidence', 'e1', 'removed', 'h2,h1', true],
    ['evidence', 'e1', 'reversed', 'h2,h1', true],
    ['evidence', 'e3', 'reversed', 'h2,h1', true],
    ['source', 'o1', 'removed', 'h2,h1', true],
  ]);
  assert.deepEqual(s.stable, [
    { kind: 'evidence', id: 'e2' },
    { kind: 'source', id: 'o2' },
    { kind: 'source', id: 'o3' },
  ]);
});

test('ach: a non-diagnostic item does not tie two other items into one origin cluster', () => {
  // e2 (o1+o2) is rated alike everywhere; e1 (o1) and e3 (o2) stay separate, so both inconsistencies add up
  const input: AchInput = {
    hypotheses: H,
    evidence: [ev('e1', ['o1']), ev('e2', ['o1', 'o2']), ev('e3', ['o2'])],
    cells: [cell('e1', 'h1', 'I'), cell('e1', 'h2', 'C'), cell('e2', 'h1', 'N'), cell('e2', 'h2', 'N'), cell('e3', 'h1', 'I'), cell('e3', 'h2', 'C')],
  };
  assert.deepEqual(scoreAch(input).hypotheses.map((h) => [h.id, h.inconsistency, h.consistency]), [['h2', 0, 2], ['h1', 2, 0]]);
});

test('sensitivity: removing a source keeps the items other origins also support', () => {
  // e1 rests on o1 and o2; removing o1 leaves e1 standing (via o2), so only e2 (o1 alone) goes
  const input: AchInput = {
    hypotheses: H,
    evidence: [ev('e1', ['o1', 'o2']), ev('e2', ['o1'])],
    cells: [cell('e1', 'h1', 'C'), cell('e1', 'h2', 'I'), cell('e2', 'h1', 'II'), cell('e2', 'h2', 'C')],
  };
  // o1 clusters e1 and e2: h1 = 2 (e2), h2 = 1 (e1) → h2 leads; without o1: h1 = 0, h2 = 1 → h1 leads
  const s = sensitivity(input);
  assert.deepEqual(s.ranking, ['h2', 'h1']);
  assert.deepEqual(s.findings.filter((f) => f.kind === 'source').map((f) => [f.id, f.after.join(',')]), [['o1', 'h1,h2']]);
});
