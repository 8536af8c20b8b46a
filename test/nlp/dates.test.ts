import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Comment, Document } from '../../src/types.js';
import { analyzeDocument, runPipeline } from '../../src/nlp/pipeline.js';
import { tokensStage } from '../../src/nlp/stages/01-tokens.js';
import { datesStage, timeAt, timesIn } from '../../src/nlp/stages/02-dates.js';

function doc(text: string, publishedAt: string | null = null, comments: Comment[] = []): Document {
  return { title: null, author: null, publisher: null, publishedAt, language: 'en', text, comments, format: 'text' };
}
const run = (d: Document) => runPipeline(d, [tokensStage, datesStage]);
/** [text, value] of every time expression in the main text. */
const times = (text: string, publishedAt: string | null = '2016-03-31') =>
  run(doc(text, publishedAt)).times.filter((t) => t.in === 'document').map((t) => [t.text, t.value]);

test('dates: "in 2015" has year precision', () => {
  assert.deepEqual(times('The ferry service stopped in 2015 after the storm.'), [['2015', '2015']]);
});

test('dates: "in May 2015" has month precision', () => {
  assert.deepEqual(times('The harbour reopened in May 2015 with new cranes.'), [['May 2015', '2015-05']]);
});

test('dates: "February last year" takes the month and the previous year', () => {
  assert.deepEqual(times('In February last year the Portvale council raised the tolls.'), [['February last year', '2015-02']]);
});

test('dates: "last Sunday" on a Thursday is four days earlier', () => {
  assert.deepEqual(times('The mayor of Portvale spoke last Sunday about the bridge.'), [['last Sunday', '2016-03-27']]);
});

test('dates: "last year" has year precision', () => {
  assert.deepEqual(times('Tolls rose by a third last year, the council said.'), [['last year', '2015']]);
});

test('dates: "this morning at 5:00 a.m." is the document date', () => {
  assert.deepEqual(times('This morning at 5:00 a.m. the harbour master closed the gates.'), [['This morning at 5:00 a.m.', '2016-03-31']]);
});

test('dates: "last month" counts months, not 30 days, from the 31st', () => {
  assert.deepEqual(times('The council voted last month to keep the ferry.'), [['last month', '2016-02']]);
});

test('dates: a month without a year is the past one unless the sentence looks ahead', () => {
  assert.deepEqual(times('In November the quay flooded twice.'), [['November', '2015-11']]);
  assert.deepEqual(times('The quay will reopen in November.'), [['November', '2016-11']]);
});

test('dates: only a look-ahead word before the date makes it future', () => {
  assert.deepEqual(times('In November, the harbour board said it will sell the quay.'), [['November', '2015-11']]);
});

test('dates: a bare weekday is the past one unless the sentence looks ahead', () => {
  // 24 May 2015 was a Sunday: "on Wednesday" is the 20th, not the coming 27th
  assert.deepEqual(times('The rebels entered the town on Wednesday. The talks will resume on Wednesday. It rained on Sunday.', '2015-05-24'),
    [['on Wednesday', '2015-05-20'], ['on Wednesday', '2015-05-27'], ['on Sunday', '2015-05-24']]);
});

test('dates: a span counted from another event ("two days after …", "a week later", "within a week") gets no date; "two days ago" does', () => {
  assert.deepEqual(times('Shells hit the depot last Friday, two days after a truce was announced. The truce agreed last month collapsed within a week. ' +
    'Two days ago the road reopened, and a week later than planned the ferry sailed last Sunday.'),
  [['last Friday', '2016-03-25'], ['last month', '2016-02'], ['Two days ago', '2016-03-29'], ['last Sunday', '2016-03-27']]);
});

test('dates: reads "in the year 2000" as a year and not "four years ago" inside "Seventy-four years ago"', () => {
  assert.deepEqual(times('The council pledged that in the year 2000 it would rebuild the quay.'), [['2000', '2000']]);
  assert.deepEqual(times('Seventy-four years ago, a storm flooded the quay.'), []);
});

test('dates: ignores "may" the verb, names with a month or weekday, newspapers and clock times alone', () => {
  assert.deepEqual(times('The council may close the quay, Councillor Adam May said.'), []);
  assert.deepEqual(times('The Portvale Sunday Courier reported it first.'), []);
  assert.deepEqual(times('A USA Today reporter asked at 11 a.m. about the vote of 5-4.'), []);
  assert.deepEqual(times('They march on the quay in the morning meetings.'), []);
});

test('dates: a relative date with no reference date is dropped, an absolute one kept', () => {
  assert.deepEqual(times('Last year the ferry ran late; in 2014 it ran on time.', null), [['2014', '2014']]);
});

test('dates: an undated text whose dates are all relative and carry no year gives none and no reference', () => {
  const ctx = run(doc('Last Sunday the ferry ran late, and on Monday morning it stopped at Portvale.'));
  assert.deepEqual(ctx.times, []);
  assert.equal(ctx.referenceDate, null);
});

test('dates: the stated date is the reference and is marked "metadata"', () => {
  const ctx = run(doc('Tolls rose last year.', '2020-06-15'));
  assert.equal(ctx.referenceDate, '2020-06-15');
  assert.equal(ctx.referenceDateSource, 'metadata');
  assert.deepEqual(ctx.times.map((t) => t.value), ['2019']);
});

test('dates: without a stated date the earliest comment time is the reference', () => {
  const comments: Comment[] = [
    { id: 'c1', parentId: null, author: 'b', postedAt: '2016-04-02T19:40', text: 'Later.' },
    { id: 'c2', parentId: null, author: 'a', postedAt: '2016-03-31T11:30', text: 'First.' },
  ];
  const ctx = run(doc('The mayor spoke last Sunday.', null, comments));
  assert.equal(ctx.referenceDate, '2016-03-31');
  assert.equal(ctx.referenceDateSource, 'inferred:comments');
  assert.deepEqual(ctx.times.map((t) => [t.text, t.value]), [['last Sunday', '2016-03-27']]);
});

test('dates: a comment\'s "today" is the day it was posted', () => {
  const comments: Comment[] = [
    { id: 'c1', parentId: null, author: 'a', postedAt: '2016-03-31T11:30', text: 'Hello.' },
    { id: 'c2', parentId: null, author: 'b', postedAt: '2016-04-02T08:00', text: 'I rode the ferry today.' },
  ];
  const ctx = run(doc('The ferry runs.', null, comments));
  assert.deepEqual(ctx.times.map((t) => [t.in, t.text, t.value]), [['c2', 'today', '2016-04-02']]);
});

test('dates: without a stated date or comments the latest full date in the text is the reference', () => {
  const ctx = run(doc('On March 3, 2019 the quay opened. On June 9, 2019 the council met. The mayor left last week.'));
  assert.equal(ctx.referenceDate, '2019-06-09');
  assert.equal(ctx.referenceDateSource, 'inferred:text');
  assert.deepEqual(ctx.times.map((t) => [t.text, t.value]), [
    ['March 3, 2019', '2019-03-03'], ['June 9, 2019', '2019-06-09'], ['last week', '2019-06'],
  ]);
});

test('dates: with no date anywhere the reference stays null', () => {
  const ctx = run(doc('The ferry runs every hour.'));
  assert.equal(ctx.referenceDate, null);
  assert.equal(ctx.referenceDateSource, null);
});

test('dates: every time expression\'s text is the slice it points at', () => {
  const text = 'In March 2015 the FT of Portvale reported it, and in 2014 the mayor denied it last Sunday.';
  const ctx = run(doc(text, '2016-03-31'));
  assert.equal(ctx.times.length, 3);
  for (const t of ctx.times) assert.equal(text.slice(t.start, t.end), t.text);
});

test('timeAt: finds the expression inside a clause, else the nearest in its sentence, else null', () => {
  const text = 'In 2014 the council raised tolls. The mayor resigned and in May 2015 the quay closed. Nobody knows why.';
  const ctx = run(doc(text, '2016-03-31'));
  const clause = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as const;
  assert.equal(timeAt(ctx, 'document', ...clause('in May 2015 the quay closed'))?.value, '2015-05');
  assert.equal(timeAt(ctx, 'document', ...clause('The mayor resigned'))?.value, '2015-05');
  assert.equal(timeAt(ctx, 'document', ...clause('the council raised tolls'))?.value, '2014');
  assert.equal(timeAt(ctx, 'document', ...clause('Nobody knows why')), null);
  assert.deepEqual(timesIn(ctx, 'document', 0, text.length).map((t) => t.value), ['2014', '2015-05']);
});

test('analysis JSON: document carries referenceDate and its source, publishedAt stays null when inferred', () => {
  const comments: Comment[] = [{ id: 'c1', parentId: null, author: 'a', postedAt: '2016-03-31T11:30', text: 'First.' }];
  const a = analyzeDocument(doc('The mayor spoke last Sunday.', null, comments), 'x.txt');
  assert.equal(a.document.publishedAt, null);
  assert.equal(a.document.referenceDate, '2016-03-31');
  assert.equal(a.document.referenceDateSource, 'inferred:comments');
  assert.deepEqual(a.times?.map((t) => t.value), ['2016-03-27']);
});

test('dates: a relative date before the text\'s own full date resolves against it once that is known', () => {
  // The first read looks for absolute dates only; "last Sunday" is read again with the stand-in.
  const ctx = run(doc('Last Sunday the ferry stopped at Portvale. It sailed again on 12 March 2015.'));
  assert.equal(ctx.referenceDate, '2015-03-12');
  assert.equal(ctx.referenceDateSource, 'inferred:text');
  assert.deepEqual(ctx.times.map((t) => [t.text, t.value]), [['Last Sunday', '2015-03-08'], ['on 12 March 2015', '2015-03-12']]);
});
