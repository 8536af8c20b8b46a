import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreMatrix, type MatrixItem } from '../../src/server/ach.js';

const hyps = [{ id: 'h1', text: 'The bridge was abandoned' }, { id: 'h2', text: 'The bridge was defended' }];
const items: MatrixItem[] = [
  { id: 'quote:1:q1', kind: 'quote', text: 'No fighting at the bridge', origins: ['Ana Brekke'], reliability: 'A', credibility: 1 },
  { id: 'quote:1:q2', kind: 'quote', text: 'The checkpoint was empty', origins: ['Ana Brekke'], reliability: 'A', credibility: 1 },
  { id: 'quote:2:q1', kind: 'quote', text: 'Shots were heard', origins: ['Tomas Veld'], reliability: null, credibility: null },
];
const r = (evidenceId: string, hypothesisId: string, rating: 'CC' | 'C' | 'N' | 'I' | 'II') => ({ evidenceId, hypothesisId, rating, weight: 1, proposed: false });

test('ach matrix: one origin counts once, an alike-rated item is not diagnostic, ungraded weighs F x 6', () => {
  const m = scoreMatrix('Was it defended?', hyps, items, [
    r('quote:1:q1', 'h1', 'C'), r('quote:1:q1', 'h2', 'II'),
    r('quote:1:q2', 'h1', 'C'), r('quote:1:q2', 'h2', 'I'),
    r('quote:2:q1', 'h1', 'I'), r('quote:2:q1', 'h2', 'I'),
  ]);
  // h2: Brekke's two items form one cluster, so only the stronger II (2 × weight 1) counts, not 2 + 1.
  assert.deepEqual(m.scores, [
    { hypothesisId: 'h1', inconsistency: 0, consistency: 1, rank: 1, rated: true },
    { hypothesisId: 'h2', inconsistency: 2, consistency: 0, rank: 2, rated: true },
  ]);
  assert.deepEqual(m.evidence.map((e) => [e.id, e.weight, e.diagnostic]), [['quote:1:q1', 1, true], ['quote:1:q2', 1, true], ['quote:2:q1', 0.25, false]]);
});

test('ach matrix: sensitivity names the item that, reversed, changes the leader', () => {
  const m = scoreMatrix(null, hyps, items, [
    r('quote:1:q1', 'h1', 'C'), r('quote:1:q1', 'h2', 'II'),
    r('quote:1:q2', 'h1', 'C'), r('quote:1:q2', 'h2', 'I'),
  ]);
  assert.deepEqual(m.sensitivity, [
    'If it were wrong (ratings reversed), the item “No fighting at the bridge”, the leading hypothesis changes from “The bridge was abandoned” to “The bridge was defended”.',
  ]);
});

test('ach matrix: ratings of items not in the matrix are ignored', () => {
  const m = scoreMatrix(null, hyps, items.slice(0, 1), [r('quote:9:q9', 'h1', 'II')]);
  assert.deepEqual(m.cells, []);
  assert.deepEqual(m.scores.map((s) => s.inconsistency), [0, 0]);
});
