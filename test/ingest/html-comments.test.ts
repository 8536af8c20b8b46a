import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHtml } from '../../src/ingest/html/index.js';
import { fixture } from './html-fixtures.js';

test('html comments: reads a WordPress thread with a nested reply, an anonymous comment and <time> stamps', () => {
  const d = readHtml(fixture('wordpress-comments.html'));
  assert.deepEqual(d.comments, [
    { id: 'c1', parentId: null, author: 'Petra Holm', postedAt: '2021-03-14T10:02:11+00:00', text: 'The notices were posted, but only on the far bank where no lorry driver would see them.' },
    { id: 'c2', parentId: 'c1', author: 'Jonas Wirt', postedAt: '2021-03-14T11:45:00+00:00', text: 'Same thing happened in January.\n\nNobody learns.' },
    { id: 'c3', parentId: null, author: null, postedAt: '2021-03-15T07:00:00+00:00', text: 'Who pays for the spoiled feed?' },
  ]);
});

test('html comments: reads a Disqus thread, taking the time from the title of the relative timestamp', () => {
  const d = readHtml(fixture('disqus-comments.html'));
  assert.deepEqual(d.comments, [
    { id: 'c1', parentId: null, author: 'kelpdiver', postedAt: '2022-07-02T09:14', text: "Twenty percent on top of last year's rise is robbery." },
    { id: 'c2', parentId: 'c1', author: "Harbourmaster's Office", postedAt: '2022-07-02T10:30', text: 'The fees fund the new breakwater, which all boats use.' },
  ]);
});

test('html comments: links flat generic comments to their parent through data-parent-id', () => {
  const d = readHtml(fixture('generic-comments.html'));
  assert.deepEqual(d.comments, [
    { id: 'c1', parentId: null, author: 'birchlane', postedAt: '2020-03-03', text: 'Finally. My daughter walks forty minutes to the station.' },
    { id: 'c2', parentId: 'c1', author: null, postedAt: '2020-03-04', text: 'Spring means summer, knowing this council.' },
    { id: 'c3', parentId: null, author: 'R. Voss', postedAt: null, text: 'Good news for the estates.' },
  ]);
});

test('html comments: threads flat comments by their depth class', () => {
  const c = (depth: number, who: string, said: string) =>
    `<div class="comment depth-${depth}"><span class="comment-author">${who}</span><div class="comment-text">${said}</div></div>`;
  const html = `<html><body><article><p>The library will open on Sundays from next month, the culture committee decided after a short debate.</p></article>
    <div id="comments">${c(1, 'Wenche', 'About time.')}${c(2, 'Pål', 'Agreed.')}${c(1, 'Sven', 'Who will staff it?')}</div></body></html>`;
  assert.deepEqual(readHtml(html).comments.map((x) => [x.id, x.parentId, x.author, x.text]), [
    ['c1', null, 'Wenche', 'About time.'], ['c2', 'c1', 'Pål', 'Agreed.'], ['c3', null, 'Sven', 'Who will staff it?'],
  ]);
});

test('html comments: no comment text, author or form leaks into the main text', () => {
  for (const name of ['wordpress-comments.html', 'disqus-comments.html', 'generic-comments.html']) {
    const d = readHtml(fixture(name));
    assert.ok(d.comments.length > 0, name);
    for (const c of d.comments) assert.equal(d.text.includes(c.text.split('\n')[0]), false, `${name}: ${c.id} leaked`);
    assert.equal(/Leave a Reply|says:|Reply\b/.test(d.text), false, name);
  }
});

test('html comments: a page without a thread has no comments', () => {
  assert.deepEqual(readHtml(fixture('article-boilerplate.html')).comments, []);
});

test('html comments: splits a "name on date" author line into author and time', () => {
  const html = `<html><body><article><p>The ferry timetable for the winter months was published on Monday by the island council.</p></article>
    <ol class="commentlist"><li class="comment"><div class="comment-author"><cite>Ida Marsh on March 2, 2021 at 4:47 pm</cite></div>
    <div class="comment-text"><p>Two sailings a day is not enough.</p></div></li></ol></body></html>`;
  assert.deepEqual(readHtml(html).comments, [
    { id: 'c1', parentId: null, author: 'Ida Marsh', postedAt: '2021-03-02T16:47', text: 'Two sailings a day is not enough.' },
  ]);
});

test('html comments: the reply form and a comment counter are not comments', () => {
  const html = `<html><body><article><p>The ferry timetable for the winter months was published on Monday by the island council.</p></article>
    <div class="comment-entry"><span class="comment-count">0</span> <span class="comment-text">replies</span>
    <form class="comment-form"><label class="comment-author">Name *</label></form></div></body></html>`;
  assert.deepEqual(readHtml(html).comments, []);
});

test('html comments: a "post" article on a page whose wrapper mentions comments stays the article', () => {
  const html = `<html><body class="single comments-open"><div id="page" class="has-comments"><article class="post hentry"><h1 class="entry-title">Market hall reopens</h1>
    <div class="entry-content"><p>The market hall reopened on Saturday after a two-year renovation, with forty stalls and a new glass roof over the central aisle.</p></div></article></div></body></html>`;
  const d = readHtml(html);
  assert.deepEqual(d.comments, []);
  assert.equal(d.text, 'The market hall reopened on Saturday after a two-year renovation, with forty stalls and a new glass roof over the central aisle.');
});

test('html comments: threads flat comments by aria-level', () => {
  const c = (level: number, who: string, said: string) =>
    `<article class="comment" aria-level="${level}"><b class="author">${who}</b><p class="comment-body">${said}</p></article>`;
  const html = `<html><body><main><p>The bakery on Quay Street will close for a month while its ovens are replaced, the owner said on Friday.</p></main>
    <section id="comments">${c(1, 'Lotte', 'Where do we buy bread now?')}${c(2, 'Kees', 'The market on Saturdays.')}${c(3, 'Lotte', 'Thanks!')}${c(1, 'Bram', 'Good luck with the ovens.')}</section></body></html>`;
  assert.deepEqual(readHtml(html).comments.map((x) => [x.id, x.parentId, x.author]), [
    ['c1', null, 'Lotte'], ['c2', 'c1', 'Kees'], ['c3', 'c2', 'Lotte'], ['c4', null, 'Bram'],
  ]);
});

test('html comments: reads unmarked list items of a comment section, nested lists as replies', () => {
  const html = `<html><body><article><p>The swimming pool will reopen in May after the roof repairs, the sports department said on Thursday.</p></article>
    <div class="comments"><ul>
      <li><div class="meta"><span class="name">Ruth</span> <span class="date">April 2, 2022</span></div><p>Finally some good news.</p>
        <ul><li><div class="meta"><span class="name">Otto</span></div><p>If it really opens in May.</p></li></ul></li>
      <li><div class="meta"><span class="date">April 3, 2022</span></div><p>What about the sauna?</p></li>
    </ul></div></body></html>`;
  const d = readHtml(html);
  assert.deepEqual(d.comments, [
    { id: 'c1', parentId: null, author: 'Ruth', postedAt: '2022-04-02', text: 'Finally some good news.' },
    { id: 'c2', parentId: 'c1', author: 'Otto', postedAt: null, text: 'If it really opens in May.' },
    { id: 'c3', parentId: null, author: null, postedAt: '2022-04-03', text: 'What about the sauna?' },
  ]);
  assert.equal(d.text, 'The swimming pool will reopen in May after the roof repairs, the sports department said on Thursday.');
});

test('html comments: a sidebar "recent comments" widget is not the page thread', () => {
  const html = `<html><body><article><p>The swimming pool will reopen in May after the roof repairs, the sports department said on Thursday.</p></article>
    <section class="sidebar"><ul class="recent-comments-list"><li>Ruth: Finally some good news about the…</li><li>Otto: Not the first time they…</li></ul></section></body></html>`;
  assert.deepEqual(readHtml(html).comments, []);
});
