import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judge } from '../../src/analysis/judgement.js';
import { fixtureSnapshot } from './fixtures.js';

test('judgement: a claim relayed three times through one outlet has one origin and a credibility from its grade', () => {
  const j = judge(fixtureSnapshot(), { proposals: false });
  const k1 = j.evidence.find((e) => e.id === 'k1')!;
  assert.deepEqual(k1.origins, [{ key: 'coast courier', name: 'Coast Courier' }]);
  assert.equal(k1.reliability, 'B');
  assert.deepEqual(k1.credibility, { credibility: 2, proposed: true, reason: 'single origin Coast Courier graded B' });
  assert.equal(k1.spans.length, 3);
});

test('judgement: ranks the withdrawal hypothesis first on the analyst ratings', () => {
  // k1: B (0.8) × credibility 2 (0.8) = 0.64, II on h2 → 1.28; the quote 1:q1 (ungraded F 0.5 × 6 0.5 = 0.25), I on h1 → 0.25
  const j = judge(fixtureSnapshot(), { proposals: false });
  assert.deepEqual(j.ach.hypotheses.map((h) => [h.id, h.inconsistency, h.consistency]), [['1', 0.25, 1.28], ['2', 1.28, 0.25]]);
  assert.deepEqual(j.sensitivity.findings.map((f) => `${f.kind} ${f.id} ${f.change}`), ['evidence k1 removed', 'evidence k1 reversed', 'source coast courier removed']);
});

test('judgement: a quote inside a claim group is evidence of its own once the analyst rates it, sharing the group origin', () => {
  const snap = fixtureSnapshot();
  snap.ratings.push({ evidenceKind: 'quote', evidenceId: '2:q1', hypothesisId: '1', rating: 'C', weight: 1, proposed: false });
  const j = judge(snap, { proposals: false });
  assert.deepEqual(j.evidence.find((e) => e.id === '2:q1')?.origins, [{ key: 'coast courier', name: 'Coast Courier' }]);
  const cluster = (id: string) => j.ach.evidence.find((e) => e.id === id)?.cluster;
  // one cluster, named after its smallest evidence id
  assert.equal(cluster('2:q1'), '2:q1');
  assert.equal(cluster('k1'), '2:q1');
});
