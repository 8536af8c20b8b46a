import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHtml } from '../../src/ingest/html/index.js';
import { fixture } from './html-fixtures.js';

const FERRY_TEXT = [
  'The island ferry between Kvalvik and Stormoy will sail only twice a day from November, the operator Fjordlink announced on Thursday, down from five crossings in the summer months.',
  'Islanders who commute to the mainland said the change would leave them without a way home after evening shifts & school events.',
  "Fjordlink's operations manager, Arne Quist, said fuel costs had doubled and that the company would review the timetable in March.",
  'The municipal council will discuss a subsidy for an evening crossing at its meeting next week.',
].join('\n\n');

test('html main text: keeps the article paragraphs and drops menus, share bar, caption, ad, related links, tags and footer', () => {
  assert.equal(readHtml(fixture('article-boilerplate.html')).text, FERRY_TEXT);
});

test('html main text: drops a WordPress share block and entry footer inside the post', () => {
  const text = readHtml(fixture('wordpress-comments.html')).text;
  assert.equal(text.split('\n\n').length, 3);
  assert.ok(text.startsWith('A convoy of twelve grain lorries'));
  assert.ok(text.endsWith('posted at both ends of the bridge.'));
});

test('html main text: picks the article among link-heavy blocks and joins its paragraphs with a blank line', () => {
  const para = (n: number) => `<p>Paragraph ${n} tells the reader, at some length and with commas, what the harbour board decided, why it did so, and who objected.</p>`;
  const html = `<html><body><div class="nav">${'<a href="/x">Section link</a> '.repeat(30)}</div>
    <div class="content">${para(1)}${para(2)}${para(3)}</div>
    <div class="more">${'<p><a href="/y">Another story headline for the reader</a></p>'.repeat(8)}</div></body></html>`;
  assert.equal(readHtml(html).text, [1, 2, 3].map((n) => `Paragraph ${n} tells the reader, at some length and with commas, what the harbour board decided, why it did so, and who objected.`).join('\n\n'));
});

test('html main text: does not repeat the headline at the top of the text', () => {
  const html = `<html><head><meta property="og:title" content="Mill reopens after flood"></head><body><article>
    <h2>Mill reopens after flood</h2><p>The flour mill at Brekka reopened on Monday, six weeks after the river flooded its ground floor, its owner said in a short statement.</p>
    <p>Repairs cost more than the insurer had first estimated, and two of the four grinding lines remain closed.</p></article></body></html>`;
  assert.equal(readHtml(html).text.split('\n\n')[0].slice(0, 20), 'The flour mill at Br');
});

test('html main text: keeps line breaks from <br> inside a paragraph and decodes entities', () => {
  const html = `<html><body><article><p>Roads closed: Elm&nbsp;Street &amp; Mill Lane<br>Detour via the ring road for all traffic until the repairs are finished next week.</p>
    <p>The council apologised for the inconvenience, saying the water main had burst overnight without warning.</p></article></body></html>`;
  assert.equal(readHtml(html).text, 'Roads closed: Elm Street & Mill Lane\nDetour via the ring road for all traffic until the repairs are finished next week.\n\nThe council apologised for the inconvenience, saying the water main had burst overnight without warning.');
});

test('html main text: leaves hidden elements out', () => {
  const html = `<html><body><article><p>The depot will close at six on weekdays, the transport office said, after a review of staffing levels.</p>
    <p style="display:none">Hidden tracking text that nobody sees.</p><div hidden>Also hidden from the reader.</div>
    <p>Weekend opening hours stay the same, and the ticket office keeps its current timetable for now.</p></article></body></html>`;
  assert.equal(readHtml(html).text, 'The depot will close at six on weekdays, the transport office said, after a review of staffing levels.\n\nWeekend opening hours stay the same, and the ticket office keeps its current timetable for now.');
});

test('html main text: a double <br> separates paragraphs, and <pre> keeps its lines', () => {
  const html = `<html><body><div class="story">The lock keeper said the canal would reopen on Friday, after divers cleared the sunken barge from the gate.<br><br>Boats queued at both ends of the lock through the weekend, some of them for two full days.</div>
    <pre>Lock 4   closed
Lock 5   open</pre></body></html>`;
  assert.deepEqual(readHtml(html).text.split('\n\n'), [
    'The lock keeper said the canal would reopen on Friday, after divers cleared the sunken barge from the gate.',
    'Boats queued at both ends of the lock through the weekend, some of them for two full days.',
    'Lock 4 closed\nLock 5 open',
  ]);
});

test('html main text: leaves out teaser cards nested inside the article', () => {
  const teaser = '<article class="post teaser"><h3><a href="/other">Another story</a></h3><p>A different report, about a different town, that a reader may also like to read next week.</p></article>';
  const html = `<html><body><article class="post"><p>The school board approved the new term dates on Monday, moving the autumn break a week later than last year.</p>
    <p>Parents' groups had asked for the change, saying the old dates clashed with the harvest festival in most of the district.</p>${teaser}</article></body></html>`;
  assert.equal(readHtml(html).text, 'The school board approved the new term dates on Monday, moving the autumn break a week later than last year.\n\nParents\' groups had asked for the change, saying the old dates clashed with the harvest festival in most of the district.');
});

test('html main text: keeps <h1> section headings that are not the headline', () => {
  const html = `<html><head><title>Rye harvest report</title></head><body><div class="main"><h1>Rye harvest report</h1>
    <p>The rye harvest in the northern district came in a tenth above last year's, the farmers' union said in its autumn report.</p>
    <h1>Prices</h1><p>Prices at the grain exchange fell slightly over the month, and storage costs rose for most of the cooperatives.</p></div></body></html>`;
  assert.deepEqual(readHtml(html).text.split('\n\n'), [
    "The rye harvest in the northern district came in a tenth above last year's, the farmers' union said in its autumn report.",
    'Prices',
    'Prices at the grain exchange fell slightly over the month, and storage costs rose for most of the cooperatives.',
  ]);
});

test('html main text: falls back to JSON-LD articleBody when the page body is an empty script shell', () => {
  const body = 'The tram line to the airport opened on Sunday, two years late.\n\nThe first trams ran every ten minutes and were full by noon, the operator said, and the council called the opening a relief for commuters who had waited since the plan was approved.';
  const html = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Airport tram opens', articleBody: body })}</script></head>
    <body><div id="app"></div><script>render()</script></body></html>`;
  assert.equal(readHtml(html).text, body);
});

test('html main text: drops short boilerplate lines but keeps a long paragraph that mentions them', () => {
  const long = 'Readers who want to subscribe to the council newsletter, the clerk said, can do so at the library, where the paper edition is also kept for anyone without a computer at home or at work, and where staff will help them fill in the form.';
  const html = `<html><body><article><p>Updated at 1:23 p.m.</p><p>The library board voted on Tuesday to keep the reading room open until nine in the evening on weekdays.</p>
    <p>Advertisement</p><p>${long}</p><p>Sign up for our free morning newsletter.</p><p>Photo: Gazette archive</p></article></body></html>`;
  assert.deepEqual(readHtml(html).text.split('\n\n'), ['The library board voted on Tuesday to keep the reading room open until nine in the evening on weekdays.', long]);
});

test('html main text: keeps an embedded post but not an embedded picture caption or credit', () => {
  const html = `<html><body><article class="article-body"><p>The mayor announced the new cycle lanes on Thursday, after a year of consultation with residents and shop owners.</p>
    <div class="image-embed"><div class="image-embed-caption">The mayor at the town hall on Thursday.</div><div class="image-embed-credit">Kari Holm | Gazette</div></div>
    <div class="social-embed"><blockquote class="twitter-tweet"><p>Finally safe to ride to school.</p></blockquote></div>
    <p>Work on the first lane, along the river road, starts in the spring and should take about three months, the council said.</p></article></body></html>`;
  assert.deepEqual(readHtml(html).text.split('\n\n'), [
    'The mayor announced the new cycle lanes on Thursday, after a year of consultation with residents and shop owners.',
    'Finally safe to ride to school.',
    'Work on the first lane, along the river road, starts in the spring and should take about three months, the council said.',
  ]);
});
