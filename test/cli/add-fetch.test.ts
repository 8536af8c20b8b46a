import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feedLinks, fetchUrl, isPrivateAddress } from '../../src/ingest/fetch.js';
import { InputError } from '../../src/errors.js';
import { addInputs } from '../../src/cli/add.js';
import { openStore } from '../../src/store/index.js';

const PAGE = '<html><head><title>Pier news</title></head><body><article><h1>Pier news</h1><p>The harbour of Brask opened a second pier on Monday, the harbour master said.</p><p>Ferries from Lindholm will use it from next week.</p></article></body></html>';
let server: http.Server;
let base = '';
/** Requests for /slow-item/N being answered at this moment, and the most there were at once. */
let slowNow = 0;
let slowMost = 0;

before(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/page') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    if (url === '/page2') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE.replace(/second pier/g, 'third pier'));
    if (url === '/moved') return res.writeHead(301, { location: '/page' }).end();
    if (url.startsWith('/loop')) return res.writeHead(302, { location: `/loop${url.length}` }).end();
    if (url === '/image') return res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(64));
    if (url === '/big') return res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(5000));
    if (url === '/slow') return; // never answers
    if (url.startsWith('/slow-item/')) {
      slowMost = Math.max(slowMost, ++slowNow);
      setTimeout(() => {
        slowNow--;
        res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE.replace('Pier news', `Pier news ${url.slice(11)}`).replace('second pier', `pier number ${url.slice(11)}`));
      }, 150);
      return;
    }
    if (url === '/slow-feed')
      return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>${[1, 2, 3, 4, 5, 6].map((n) => `<item><link>/slow-item/${n}</link></item>`).join('')}</channel></rss>`);
    if (url === '/feed')
      return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title><item><title>One</title><link>${base}/page</link></item><item><title>Two</title><link>/page2</link></item></channel></rss>`);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('nothing here');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const allow = { allowPrivate: true };
const fails = (url: string, reason: string, opts = {}) =>
  assert.rejects(fetchUrl(url, { ...allow, ...opts }), (e: unknown) => e instanceof InputError && e.message === `${url}: ${reason}`);

test('fetch: follows a redirect and returns the final URL and bytes', async () => {
  const got = await fetchUrl(`${base}/moved`, allow);
  assert.equal(got.finalUrl, `${base}/page`);
  assert.equal(got.bytes.toString(), PAGE);
});

test('fetch: a 404 is one line naming the URL', () => fails(`${base}/gone`, 'HTTP 404 Not Found'));
test('fetch: a redirect loop stops at the limit', () => fails(`${base}/loop`, 'more than 3 redirects', { maxRedirects: 3 }));
test('fetch: a binary response is refused before it is read', () => fails(`${base}/image`, 'is binary (image/png), not a page or text'));
test('fetch: a response over the size cap is refused', () => fails(`${base}/big`, 'is over the 1000 bytes limit', { maxBytes: 1000 }));
test('fetch: a server that never answers times out', () => fails(`${base}/slow`, 'timed out after 0.2 s', { timeoutMs: 200 }));

test('fetch: loopback addresses are refused unless allowed', async () => {
  await assert.rejects(fetchUrl(`${base}/page`), (e: unknown) => e instanceof InputError && e.message === `${base}/page: is a private address (127.0.0.1); refused (use --allow-private to fetch it)`);
  const port = (server.address() as AddressInfo).port;
  await assert.rejects(fetchUrl(`http://localhost:${port}/page`), (e: unknown) => e instanceof InputError && /resolves to the private address (127\.0\.0\.1|::1); refused/.test(e.message));
});

test('fetch: private, link-local and mapped addresses are recognised; public ones are not', () => {
  assert.deepEqual(['10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '127.0.0.1', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1', '0.0.0.0'].map(isPrivateAddress), Array(10).fill(true));
  assert.deepEqual(['93.184.216.34', '2606:4700::1111', '8.8.8.8'].map(isPrivateAddress), [false, false, false]);
});

test('fetch: an RSS feed yields its item links; a page is not a feed', () => {
  const rss = Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><item><link>https://a.test/1</link></item><item><link>https://a.test/2</link></item></channel></rss>');
  assert.deepEqual(feedLinks('application/rss+xml', rss), ['https://a.test/1', 'https://a.test/2']);
  assert.equal(feedLinks('text/html', Buffer.from(PAGE)), null);
});

test('add: the items of one feed are fetched four at a time when analysis runs in the main thread', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-feed-'));
  const store = await openStore(join(dir, 'd.db'), { create: true });
  try {
    slowMost = 0;
    const results = await addInputs(store, [`${base}/slow-feed`], { allowPrivate: true });
    assert.deepEqual(results.map((r) => r.status), Array(6).fill('added'));
    assert.equal(slowMost, 4);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('add: a feed URL adds each of its items, relative links resolved', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-feed-'));
  const store = await openStore(join(dir, 'd.db'), { create: true });
  try {
    const results = await addInputs(store, [`${base}/feed`, `${base}/gone`], { jobs: 0, allowPrivate: true });
    assert.deepEqual(results.map((r) => [r.input, r.status]).sort(), [[`${base}/gone`, 'failed'], [`${base}/page`, 'added'], [`${base}/page2`, 'added']]);
    assert.deepEqual((await store.listDocuments()).map((d) => d.title), ['Pier news', 'Pier news']);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
