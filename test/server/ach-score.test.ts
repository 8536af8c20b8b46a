import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellKey, scoreAch } from '../../src/server/ach-score.js';
import type { Rating } from '../../src/server/model.js';

const ratings = (rows: [string, string, Rating][]) => new Map(rows.map(([e, h, r]) => [cellKey(e, h), r]));

test('ach-score: ranks the least inconsistent hypothesis first, I = 1 and II = 2 times the weight', () => {
  const r = scoreAch({
    hypotheses: ['h1', 'h2'],
    evidence: [{ id: 'e1', weight: 1, label: 'one' }, { id: 'e2', weight: 2, label: 'two' }],
    ratings: ratings([['e1', 'h1', 'II'], ['e1', 'h2', 'C'], ['e2', 'h1', 'C'], ['e2', 'h2', 'I']]),
  });
  assert.deepEqual(r.scores, [
    { hypothesisId: 'h1', inconsistency: 2, consistency: 2, rank: 1 },
    { hypothesisId: 'h2', inconsistency: 2, consistency: 1, rank: 2 },
  ]);
});

test('ach-score: an item rated alike for every hypothesis is not diagnostic and does not count', () => {
  const r = scoreAch({
    hypotheses: ['h1', 'h2'],
    evidence: [{ id: 'same', weight: 1, label: 'same' }, { id: 'split', weight: 1, label: 'split' }],
    ratings: ratings([['same', 'h1', 'II'], ['same', 'h2', 'II'], ['split', 'h1', 'C'], ['split', 'h2', 'I']]),
  });
  assert.deepEqual([...r.diagnostic], ['split']);
  assert.deepEqual(r.scores.map((s) => s.inconsistency), [0, 1]);
});

test('ach-score: sensitivity names the one item whose removal changes the leader', () => {
  const r = scoreAch({
    hypotheses: ['h1', 'h2'],
    evidence: [{ id: 'a', weight: 1, label: 'item a' }, { id: 'b', weight: 1, label: 'item b' }],
    ratings: ratings([['a', 'h1', 'C'], ['a', 'h2', 'II'], ['b', 'h1', 'I'], ['b', 'h2', 'C']]),
  });
  assert.equal(r.scores.find((s) => s.rank === 1)!.hypothesisId, 'h1');
  assert.deepEqual(r.sensitivity, ['Without "item a" the leading hypothesis changes from h1 to h2.']);
});
