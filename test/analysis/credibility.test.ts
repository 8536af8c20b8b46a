import { test } from 'node:test';
import assert from 'node:assert/strict';
import { credibilityFor, proposeCredibility } from '../../src/analysis/credibility.js';
import type { SourceGrade } from '../../src/analysis/model.js';

const o = (key: string) => ({ key, name: key });
const g = (key: string, reliability: SourceGrade['reliability']): SourceGrade => ({ key, name: key, kind: 'outlet', reliability, reason: 'test' });

test('credibility: two independent reliable origins confirm a claim (1)', () => {
  assert.equal(proposeCredibility([o('north gazette'), o('harbour radio')], [g('north gazette', 'B'), g('harbour radio', 'A')]).credibility, 1);
});

test('credibility: two origins with one reliable make it probably true (2), none possibly true (3)', () => {
  assert.equal(proposeCredibility([o('a'), o('b')], [g('a', 'B'), g('b', 'E')]).credibility, 2);
  assert.equal(proposeCredibility([o('a'), o('b')], []).credibility, 3);
});

test('credibility: a single origin follows its grade, and cannot be judged when ungraded', () => {
  const one = (r: SourceGrade['reliability']) => proposeCredibility([o('a')], [g('a', r)]).credibility;
  assert.deepEqual(['A', 'B', 'C', 'D', 'E', 'F'].map((r) => one(r as SourceGrade['reliability'])), [2, 2, 3, 4, 5, 6]);
  assert.equal(proposeCredibility([o('a')], []).credibility, 6);
});

test('credibility: an interested party is not reliable corroboration', () => {
  const r = proposeCredibility([o('a'), o('b')], [g('a', 'B'), g('b', 'B')], new Set(['b']));
  assert.deepEqual(r, { credibility: 2, proposed: true, reason: '2 independent origins, 1 graded reliable (A–C) and disinterested' });
  assert.equal(proposeCredibility([o('b')], [g('b', 'B')], new Set(['b'])).credibility, 3);
});

test('credibility: the analyst override wins over the proposal', () => {
  const p = proposeCredibility([o('a')], []);
  assert.deepEqual(credibilityFor('c1', p, [{ claimId: 'c1', credibility: 4, reason: 'contradicted by imagery' }]), {
    credibility: 4, proposed: false, reason: 'contradicted by imagery',
  });
  assert.equal(credibilityFor('c2', p, [{ claimId: 'c1', credibility: 4, reason: 'x' }]), p);
});

test('credibility: an unnamed speaker counted per document still takes the grade and flag given to its description', () => {
  // "the harbour office" in document 7 is its own origin (it cannot be matched across documents) but the
  // analyst graded the description once; the grade and the interested flag apply to it.
  const local = { key: '7#the harbour office', name: 'the harbour office (in Pier Report)', source: 'the harbour office' };
  assert.deepEqual(proposeCredibility([local], [g('the harbour office', 'B')]), {
    credibility: 2, proposed: true, reason: 'single origin the harbour office (in Pier Report) graded B',
  });
  assert.equal(proposeCredibility([local], [g('the harbour office', 'B')], new Set(['the harbour office'])).credibility, 3);
  assert.equal(proposeCredibility([local], [g('7#the harbour office', 'B')]).credibility, 6);
});
