import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHtml } from '../../src/ingest/html/index.js';

const PARA = 'The water board said the reservoir was at its lowest level in twenty years, and asked households to save water.';

test('html hostile: survives 50,000 nested elements and keeps the text inside them', () => {
  const html = `<html><body>${'<div>'.repeat(50000)}<p>${PARA}</p>${'</div>'.repeat(50000)}</body></html>`;
  assert.equal(readHtml(html).text, PARA);
});

test('html hostile: survives unclosed nesting to the end of the file', () => {
  const html = `<html><body><article><p>${PARA}</p>${'<span><b><i>'.repeat(20000)}tail`;
  assert.equal(readHtml(html).text.startsWith(PARA), true);
});

test('html hostile: a megabyte-long attribute does not end up in the text', () => {
  const html = `<html><body><article><p data-x="${'A'.repeat(1 << 20)}" class="${'b '.repeat(50000)}">${PARA}</p></article></body></html>`;
  assert.equal(readHtml(html).text, PARA);
});

test('html hostile: script, style and event handlers never reach the plain text', () => {
  const html = `<html><body><article><p onclick="steal()">${PARA}<script>document.write("<p>injected</p>")</script></p>
    <style>p { color: red }</style><p><img src=x onerror="alert(1)">Second paragraph, still about the reservoir and the water board, and nothing else.</p>
    <noscript><p>Enable JavaScript</p></noscript><iframe srcdoc="<p>framed</p>"></iframe></article></body></html>`;
  const text = readHtml(html).text;
  assert.equal(text, `${PARA}\n\nSecond paragraph, still about the reservoir and the water board, and nothing else.`);
});

test('html hostile: markup-looking text stays as literal characters, not tags', () => {
  const html = `<html><body><article><p>${PARA} The notice read &lt;script&gt;alert(1)&lt;/script&gt; in the subject line.</p></article></body></html>`;
  assert.equal(readHtml(html).text, `${PARA} The notice read <script>alert(1)</script> in the subject line.`);
});

test('html hostile: an empty or text-free page gives empty text instead of throwing', () => {
  assert.equal(readHtml('').text, '');
  assert.equal(readHtml('<html><body><div><img src="a.png"></div></body></html>').text, '');
});

test('html hostile: 100,000 unclosed comment boxes neither leak into the text nor stall the parser', () => {
  const html = `<html><body><article><p>${PARA}</p></article>${'<div class="comment"><span class="author">anon</span><p>first!</p>'.repeat(100000)}</body></html>`;
  const doc = readHtml(html);
  assert.equal(doc.text, PARA);
  assert.deepEqual(doc.comments.slice(0, 2), [
    { id: 'c1', parentId: null, author: 'anon', postedAt: null, text: 'first!' },
    { id: 'c2', parentId: 'c1', author: 'anon', postedAt: null, text: 'first!' },
  ]);
});
