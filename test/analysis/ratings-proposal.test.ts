import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conceptsOf, proposeRating } from '../../src/analysis/ratings-proposal.js';

test('ratings proposal: a claim of cooperation between the parties is consistent with active coordination', () => {
  assert.deepEqual(proposeRating('Officials say the Syrian regime coordinated the handover with ISIS.', 'The Assad regime actively coordinates with ISIS'), {
    rating: 'C', reason: 'agrees on cooperation; both name syrian-government, isis',
  });
});

test('ratings proposal: the same claim is inconsistent with co-existence without coordination', () => {
  assert.deepEqual(proposeRating('Officials say the Syrian regime coordinated the handover with ISIS.', 'The Assad regime and ISIS co-exist tacitly without coordination'), {
    rating: 'I', reason: 'contradicts on cooperation; both name syrian-government, isis',
  });
});

test('ratings proposal: no proposal when the claim names none of the hypothesis parties', () => {
  assert.equal(proposeRating('The ferry company coordinated timetables with the port.', 'The Assad regime actively coordinates with ISIS'), null);
});

test('ratings proposal: reads negation as denial of the idea that follows it', () => {
  assert.deepEqual([...conceptsOf('They never cooperated, but they traded oil.')], [['cooperation', -1], ['trade', 1]]);
});
