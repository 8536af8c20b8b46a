// The entities stage reuses its per-token scratch arrays from one section to the next: what long,
// line-broken sections leave in them must never reach the next, shorter one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline } from '../../src/nlp/pipeline.js';
import type { Comment, Document, Entity } from '../../src/types.js';

function analyse(text: string, comments: Comment[] = []): Entity[] {
  const doc: Document = { text, comments, title: null, author: null, publisher: null, publishedAt: null, language: 'en', format: 'text' };
  return runPipeline(doc).entities;
}
const named = (es: Entity[]) => es.map((e) => `${e.type}:${e.name}`);

// One running sentence, no line breaks: every capitalised word but the first is inside a sentence.
// "talks with Jordan": a side of a relation, so Jordan's government (the party convention).
const SHORT = 'Reporters said that Colonel Darek Mivon and the Harbour Gazette editor Lena Ostrova met in Damascus on Monday, and Mivon said the talks with Jordan went well.';
// One word a line: every other token follows a line break (the line break is a token of its own).
// The comment repeats it one token later, so between them every position has been a line start.
const LONG = Array.from({ length: 60 }, (_, k) => ['Summary', 'Notes', 'Weekly', 'Outline'][k % 4]).join('\n');

test('entities: a section reads the same after longer ones broken into one-word lines (scratch arrays reused)', () => {
  const fresh = analyse(SHORT);
  assert.deepEqual(named(fresh), ['PERSON:Colonel Darek Mivon', 'ORG:Harbour Gazette', 'PERSON:Lena Ostrova', 'PLACE:Damascus', 'ORG:Jordanian government']);
  analyse(LONG, [{ id: 'c1', parentId: null, author: 'Pavel Drun', postedAt: null, text: `Draft ${LONG}` }]);
  assert.deepEqual(analyse(SHORT), fresh);
});
