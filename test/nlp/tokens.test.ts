import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, wink } from '../../src/nlp/stages/01-tokens.js';

const words = (text: string) => tokenize('document', text).tokens.map((t) => t.text);

test('tokens: a possessive before punctuation is split from the name, as elsewhere', () => {
  const section = tokenize('document', "The plan was Varga's. Then Varga's aide left.");
  assert.deepEqual(section.tokens.map((t) => t.text), ['The', 'plan', 'was', 'Varga', "'s", '.', 'Then', 'Varga', "'s", 'aide', 'left', '.']);
  assert.deepEqual(section.tokens.slice(3, 5).map((t) => [t.start, t.end, t.pos, t.lemma]), [[13, 18, 'PROPN', 'varga'], [18, 20, 'PART', "'s"]]);
  // sentences keep whole tokens, the split ones included
  assert.deepEqual(section.sentences.map((s) => [s.tokenStart, s.tokenEnd, s.start, s.end]), [[0, 6, 0, 21], [6, 12, 22, 45]]);
});

test('tokens: `` and \'\' (double quote marks in plain-text archives) are one token each; a lone apostrophe stays', () => {
  const section = tokenize('document', "``We left,'' she said. ''Rain came.'' The players' union agreed.");
  assert.deepEqual(section.tokens.map((t) => t.text), ['``', 'We', 'left', ',', "''", 'she', 'said', '.', "''", 'Rain', 'came', '.', "''", 'The', 'players', "'", 'union', 'agreed', '.']);
  assert.deepEqual(section.tokens.filter((t) => t.text.length === 2 && !/\w/.test(t.text)).map((t) => [t.start, t.end]), [[0, 2], [10, 12], [23, 25], [35, 37]]);
  // every token is in exactly one sentence (where a closing mark after a full stop goes is wink's choice:
  // here the next sentence, which the quotes stage allows for)
  assert.deepEqual(section.sentences.map((s) => [s.tokenStart, s.tokenEnd]), [[0, 8], [8, 12], [12, 19]]);
  const edge = tokenize('document', "He left.'' Then she came.");
  assert.deepEqual([edge.tokens.map((t) => t.text), edge.sentences.map((s) => [s.tokenStart, s.tokenEnd])], [['He', 'left', '.', "''", 'Then', 'she', 'came', '.'], [[0, 3], [3, 8]]]);
});

test('tokens: what was read before does not change how a text is split', () => {
  const probe = "Since Osterby's decision, nothing moved.";
  const before = words(probe);
  wink().readDoc("They blamed Osterby's, and Osterby's: nobody else's."); // wink now knows the glued form
  assert.deepEqual(words(probe), before);
  assert.deepEqual(before, ['Since', 'Osterby', "'s", 'decision', ',', 'nothing', 'moved', '.']);
});

test('tokens: a curly possessive is split too; contractions stay as wink splits them', () => {
  assert.deepEqual(words('It was Hallam’s, and it’s late.'), ['It', 'was', 'Hallam', '’s', ',', 'and', 'it', '’s', 'late', '.']);
});

test('tokens: a lemma follows the part of speech, in either order, and a contraction keeps its own', () => {
  const lemmas = (text: string) => tokenize('document', text).tokens.map((t) => `${t.text}/${t.pos}/${t.lemma}`);
  // remembered per (POS, form): the noun read first does not decide the verb, nor the other way
  assert.deepEqual(lemmas('The saw was sharp; we saw it.'), ['The/DET/the', 'saw/NOUN/saw', 'was/AUX/be', 'sharp/ADJ/sharp', ';/PUNCT/;', 'we/PRON/we', 'saw/VERB/see', 'it/PRON/it', './PUNCT/.']);
  assert.deepEqual(lemmas('He saw the saw.'), ['He/PRON/he', 'saw/VERB/see', 'the/DET/the', 'saw/NOUN/saw', './PUNCT/.']);
  assert.deepEqual(lemmas("They can't stop."), ['They/PRON/they', 'ca/AUX/can', "n't/PART/not", 'stop/VERB/stop', './PUNCT/.']);
});

test('tokens: a form met in a contraction and as a plain word keeps the lemma of each use, in either order', () => {
  // the form "'s" is the contracted "us" after "Let" and the possessive after a name; its type is the same
  const read = (text: string) => tokenize('document', text).tokens.map((t) => `${t.text}/${t.pos}/${t.lemma}/${t.kind}`);
  assert.deepEqual(read("Let's ask Varga's team."), ['Let/VERB/let/word', "'s/PRON/us/word", 'ask/VERB/ask/word', 'Varga/PROPN/varga/word', "'s/PART/'s/word", 'team/NOUN/team/word', './PUNCT/./punctuation']);
  assert.deepEqual(read("Varga's team said let's go."), ['Varga/PROPN/varga/word', "'s/PART/'s/word", 'team/NOUN/team/word', 'said/VERB/say/word', 'let/VERB/let/word', "'s/PRON/us/word", 'go/VERB/go/word', './PUNCT/./punctuation']);
});
