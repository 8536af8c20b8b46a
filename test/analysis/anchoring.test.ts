import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeSpan, fuzzySearch, reanchor } from '../../src/analysis/anchoring.js';

const original = 'The ferry to Lindholm was cancelled on Monday. Harbour master Ilse Varga said the pier had cracked.';
const start = original.indexOf('the pier had cracked');
const anchor = describeSpan(original, start, start + 'the pier had cracked'.length, 10);

test('anchoring: describes a span with its position and a text quote with prefix and suffix', () => {
  assert.deepEqual(anchor, { position: { start: 78, end: 98 }, quote: { exact: 'the pier had cracked', prefix: 'arga said ', suffix: '.' } });
});

test('anchoring: keeps the stored position when the text is unchanged', () => {
  assert.deepEqual(reanchor(original, anchor), { start: 78, end: 98, score: 1, method: 'position' });
});

test('anchoring: finds the exact quote again after text was inserted before it', () => {
  const edited = 'UPDATED. ' + original;
  assert.deepEqual(reanchor(edited, anchor), { start: 87, end: 107, score: 1, method: 'exact' });
});

test('anchoring: picks the occurrence whose prefix matches when the quote appears twice', () => {
  const text = 'Ilse Varga said the pier had cracked. Varga said the pier had cracked.';
  const a = { position: { start: 0, end: 0 }, quote: { exact: 'the pier had cracked', prefix: '. Varga said ', suffix: '.' } };
  assert.equal(reanchor(text, a)?.start, 49);
});

test('anchoring: re-anchors fuzzily after a small edit inside the quote', () => {
  const edited = original.replace('the pier had cracked', 'the pier has cracked');
  assert.deepEqual(reanchor(edited, anchor), { start: 78, end: 98, score: 0.95, method: 'fuzzy' });
});

test('anchoring: returns null when the quote is gone', () => {
  const edited = original.replace('the pier had cracked', 'all was well at the quay');
  assert.equal(reanchor(edited, anchor), null);
});

test('anchoring: fuzzy search reports the edits of the closest span', () => {
  assert.deepEqual(fuzzySearch('xx abcdef yy', 'abXdef', 1), { start: 3, end: 9, errors: 1 });
});
