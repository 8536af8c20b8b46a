import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flagInterestedParties, listSources, speakerDescriptions } from '../../src/analysis/sources.js';
import { claimOrigins, formatChain } from '../../src/analysis/independence.js';
import type { DossierSnapshot } from '../../src/analysis/model.js';
import { DOC_A, DOC_B, FICTIONAL_PARTIES, doc, entity, quote, span } from './fixtures.js';

const snap = (extra: Partial<DossierSnapshot> = {}): DossierSnapshot => ({
  question: null, documents: [DOC_A, DOC_B], claims: [], grades: [], hypotheses: [], ratings: [], overrides: [], ...extra,
});

test('sources: lists speakers, outlets and publishers once each, ungraded as F', () => {
  const s = listSources(snap({ grades: [{ key: 'coast courier', name: 'Coast Courier', kind: 'outlet', reliability: 'B', reason: 'good record' }] }));
  assert.deepEqual(s.map((x) => [x.key, x.kinds.join('+'), x.named, x.reliability]), [
    ['harbour herald', 'publisher', true, 'F'],
    ['mira dask', 'speaker', true, 'F'],
    ['ilse varga', 'speaker', true, 'F'],
    ['valley post', 'publisher', true, 'F'],
    ['northland official', 'speaker', false, 'F'],
    ['coast courier', 'outlet', true, 'B'],
  ]);
});

test('sources: reads a speaker description from the "of the …" phrase, not from what they said', () => {
  assert.deepEqual(speakerDescriptions(DOC_A, DOC_A.quotes[0]), ['Colonel Mira Dask', 'Colonel Mira Dask of the Southern Front said that']);
});

test('sources: flags a party speaking about its adversary, and only that', () => {
  const flags = flagInterestedParties(snap(), FICTIONAL_PARTIES);
  assert.deepEqual(flags.map((f) => [f.sourceName, f.party.id, f.about.map((a) => a.id).join(','), f.quoteIds.join(','), f.confirmed]), [
    ['Mira Dask', 'southern-front', 'northland', '1:q1', null],
  ]);
});

test('sources: carries the analyst decision on a flag', () => {
  const flags = flagInterestedParties(snap({ interestedDecisions: [{ sourceKey: 'mira dask', confirmed: false }] }), FICTIONAL_PARTIES);
  assert.equal(flags[0].confirmed, false);
});

test('independence: three chains through the Coast Courier are one origin', () => {
  const a = span(DOC_A.text, 'the Northland Army left Orsk in 2019');
  const b = span(DOC_B.text, 'the Northland Army left Orsk in 2019');
  const q = DOC_B.quotes[0];
  const claim = {
    id: 'k1', text: 'the Northland Army left Orsk',
    members: [
      { documentId: '1', quoteId: null, in: 'document', ...a, text: 'the Northland Army left Orsk in 2019' },
      { documentId: '2', quoteId: null, in: 'document', ...b, text: 'the Northland Army left Orsk in 2019' },
      { documentId: '2', quoteId: 'q1', in: 'document', start: q.start, end: q.end, text: q.content },
    ],
  };
  const r = claimOrigins(snap({ claims: [claim] }), claim);
  assert.deepEqual(r.chains.map(formatChain), [
    'Coast Courier → Orsk bridge dispute',
    'Coast Courier → Orsk, five years on',
    'A Northland official → Coast Courier → Orsk, five years on',
  ]);
  assert.deepEqual(r.origins.map((o) => o.key), ['coast courier']);
});

test('independence: an unsourced assertion is the publisher\'s own', () => {
  const s = span(DOC_A.text, 'the bridge was intact');
  const claim = { id: 'k2', text: 'x', members: [{ documentId: '1', quoteId: null, in: 'document', ...s, text: 'the bridge was intact' }] };
  // the sentence credits Mayor Ilse Varga with a "said" right before the span
  assert.deepEqual(claimOrigins(snap(), claim).origins, [{ key: 'ilse varga', name: 'Ilse Varga' }]);
});

test('sources: a name used in address or a pronoun inside a quote is not a description', () => {
  const text = 'Mira, if the Northland Army left, why blow up the bridge? “I saw the Southern Front blow it up,” she said.';
  const d = doc('9', 'Forum', 'Comments', text, [entity(text, 'e1', 'Mira', 'PERSON', ['Mira', 'I', 'she'])], [
    quote(text, 'q1', 'I saw the Southern Front blow it up,', 'she', 'e1', 'said'),
  ]);
  assert.deepEqual(speakerDescriptions(d, d.quotes[0]), ['she', 'Mira']);
  assert.deepEqual(flagInterestedParties(snap({ documents: [d] }), FICTIONAL_PARTIES), []);
});
