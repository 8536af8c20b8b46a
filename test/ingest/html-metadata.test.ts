import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHtml } from '../../src/ingest/html/index.js';
import { cleanByline, isoDate } from '../../src/ingest/html/02-metadata.js';
import { fixture } from './html-fixtures.js';

test('html metadata: reads headline, every author, publisher and date from JSON-LD', () => {
  const d = readHtml(fixture('disqus-comments.html'));
  assert.equal(d.title, 'Harbour fees rise again');
  assert.equal(d.author, 'Lene Apfel, Tomas Rieck');
  assert.equal(d.publisher, 'Coastline Courier');
  assert.equal(d.publishedAt, '2022-07-02');
  assert.equal(d.publishedAtSource, 'metadata');
});

test('html metadata: reads Open Graph title, site name, published time and canonical URL', () => {
  const d = readHtml(fixture('wordpress-comments.html'));
  assert.equal(d.title, 'Grain convoy stalls at the river crossing');
  assert.equal(d.publisher, 'The Valley Ledger');
  assert.equal(d.publishedAt, '2021-03-14T08:30:00+00:00');
  assert.equal(d.url, 'https://valley-ledger.example/2021/03/grain-convoy/');
  assert.equal(d.language, 'en');
});

test('html metadata: takes the visible byline when no metadata names an author', () => {
  assert.equal(readHtml(fixture('wordpress-comments.html')).author, 'Mara Tollen');
  assert.equal(readHtml(fixture('article-boilerplate.html')).author, 'Sigrun Hald');
});

test('html metadata: falls back to <time datetime> for the date and to the <title> suffix for the site', () => {
  const d = readHtml(fixture('article-boilerplate.html'));
  assert.equal(d.publishedAt, '2023-10-05T06:15:00Z');
  assert.equal(d.publishedAtSource, 'byline');
  assert.equal(d.title, 'Ferry operator cuts winter timetable');
  assert.equal(d.publisher, 'Northfjord Gazette');
});

test('html metadata: prefers the meta author tag and never takes a commenter for the byline', () => {
  const d = readHtml(fixture('generic-comments.html'));
  assert.equal(d.author, 'Ola Brenner');
  assert.equal(d.publishedAt, null);
});

test('html metadata: ignores malformed JSON-LD and author URLs', () => {
  const html = `<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
    <meta property="article:author" content="https://social.example/pages/desk">
    <meta name="author" content="Kari Lund"><title>Quarry plan withdrawn</title></head>
    <body><article><p>The quarry company withdrew its planning application on Wednesday after objections from three villages near the site.</p></article></body></html>`;
  const d = readHtml(html);
  assert.equal(d.title, 'Quarry plan withdrawn');
  assert.equal(d.author, 'Kari Lund');
});

test('html metadata: normalises dates as precisely as they are written', () => {
  assert.equal(isoDate('2019-11-19T12:00:00.000Z'), '2019-11-19T12:00:00Z');
  assert.equal(isoDate('2019-11-19 12:00'), '2019-11-19T12:00:00');
  assert.equal(isoDate('2019-11-19T12:00:00+0530'), '2019-11-19T12:00:00+05:30');
  assert.equal(isoDate('14 March 2021 at 10:02 am'), '2021-03-14T10:02');
  assert.equal(isoDate('Nov. 19, 2019'), '2019-11-19');
  assert.equal(isoDate('2 years ago'), null);
});

test('html metadata: cleans a byline as written', () => {
  assert.equal(cleanByline('By Ada Vell | Updated 3 May 2020'), 'Ada Vell');
  assert.equal(cleanByline('by Ada Vell and Tor Neset'), 'Ada Vell and Tor Neset');
  assert.equal(cleanByline('Associated Press November 19, 2019, 9:02 AM'), 'Associated Press');
  assert.equal(cleanByline('admin - 2018-09-16'), 'admin');
  assert.equal(cleanByline('https://example.org/ada'), null);
});

test('html metadata: skips a placeholder year-0001 date for the next source, and decodes doubly escaped titles', () => {
  const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Dam repairs &#8211; phase two","datePublished":"0001-01-01T00:00:00Z"}</script>
    <meta property="article:published_time" content="2020-05-06T07:08:09Z"></head>
    <body><article><p>Phase two of the dam repairs began on Wednesday, the regional water authority said in a short statement.</p></article></body></html>`;
  const d = readHtml(html);
  assert.equal(d.title, 'Dam repairs – phase two');
  assert.equal(d.publishedAt, '2020-05-06T07:08:09Z');
});

test('html metadata: never takes a comment form label for the byline', () => {
  const html = `<html><body><article><p>The orchard cooperative sold its entire apple harvest to a juice maker in the valley, its chair said on Monday.</p></article>
    <form id="commentform"><p class="comment-form-author"><label for="author">Name (required)</label><input id="author"></p></form></body></html>`;
  assert.equal(readHtml(html).author, null);
});

test('html metadata: the <title> of an inline SVG icon is not the page title', () => {
  const html = `<html><body><svg><title>menu icon</title><path d="M0 0"/></svg><article>
    <p>The regional government scrapped the toll on the fjord bridge on Tuesday, three years before the loan was due to be repaid.</p></article></body></html>`;
  assert.equal(readHtml(html).title, null);
});
