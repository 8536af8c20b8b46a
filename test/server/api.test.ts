import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../src/server/app.js';
import { MemoryWorkbench } from '../../src/server/memory.js';
import { CSP } from '../../src/server/middleware.js';
import { fixtureAnalyses } from './fixtures.js';

async function setup(opts: { token?: string; allowedHosts?: string[] } = {}) {
  const data = new MemoryWorkbench(fixtureAnalyses());
  data.setQuestion('Was the bridge at Varno defended?');
  await data.addHypothesis('The bridge was abandoned.');
  await data.addHypothesis('The bridge was defended.');
  const files = new Map([['/index.html', { body: Buffer.from('<!doctype html><title>x</title>'), type: 'text/html; charset=utf-8', immutable: false }]]);
  const app = createApp({ data, files, log: () => {}, ...opts });
  // As a browser would, every request names the host it was sent to.
  const req = (path: string, init: RequestInit = {}) =>
    app.request(`http://127.0.0.1:8080${path}`, { ...init, headers: { host: '127.0.0.1:8080', ...(init.headers as Record<string, string>) } });
  const json = (method: string, body: unknown) => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { data, app, req, json };
}

test('api: lists documents a page at a time with counts', async () => {
  const { req } = await setup();
  const res = await req('/api/documents?offset=1&limit=1');
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), {
    items: [{ id: 'd2', title: 'Guard denies bridge account', author: null, publisher: 'The Harbour Courier', publishedAt: '2024-03-05', source: 'fixtures/b.txt', words: 24, commentCount: 0, quoteCount: 1, eventCount: 0 }],
    total: 2, offset: 1, limit: 1,
  });
});

test('api: a document carries its text, comments and cross-document entity ids', async () => {
  const { req } = await setup();
  const doc = await (await req('/api/documents/d1')).json();
  assert.equal(doc.commentThread.length, 2);
  assert.equal(doc.quotes[0].speaker.text, 'Brekke');
  assert.deepEqual(doc.entities.map((e: { name: string; globalId: string }) => [e.name, e.globalId]), [['Ana Brekke', 'g1'], ['Northern Guard', 'g2'], ['Varno', 'g3'], ['Harbour Courier', 'g4']]);
});

test('api: merges an entity across documents and lists its quotes and neighbours', async () => {
  const { req } = await setup();
  const guard = await (await req('/api/entities/g2')).json();
  assert.equal(guard.name, 'Northern Guard');
  assert.equal(guard.documents, 2);
  assert.equal(guard.mentions, 4);
  assert.deepEqual(guard.quotesBy, []);
  const veld = await (await req('/api/entities/g5')).json();
  assert.deepEqual(veld.quotesBy.map((q: { content: string }) => q.content), ['"The bridge was defended by the Northern Guard,"']);
});

test('api: errors come as one JSON shape with the typed error code', async () => {
  const { req, json } = await setup();
  const missing = await req('/api/documents/d99');
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), { error: { code: 'NOT_FOUND', message: 'document d99 not found' } });
  const bad = await req('/api/documents?limit=0');
  assert.equal(bad.status, 400);
  assert.deepEqual(await bad.json(), { error: { code: 'BAD_REQUEST', message: 'query parameter limit=0 is outside 1..500' } });
  const badRating = await req('/api/ratings', json('PUT', { evidenceId: 'claim:k1', hypothesisId: 'h1', rating: 'X' }));
  assert.deepEqual(await badRating.json(), { error: { code: 'BAD_REQUEST', message: 'rating "X" is not one of CC, C, N, I, II (or null to clear)' } });
  const notJson = await req('/api/ratings', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{oops' });
  assert.equal(notJson.status, 400);
  assert.equal((await notJson.json()).error.code, 'BAD_REQUEST');
  const unknownRoute = await req('/api/nothing');
  assert.deepEqual(await unknownRoute.json(), { error: { code: 'NOT_FOUND', message: 'GET /api/nothing not found' } });
});

test('api: rating a cell changes the scores it returns', async () => {
  const { req, json } = await setup();
  const before = await (await req('/api/ach')).json();
  assert.deepEqual(before.evidence.map((e: { id: string }) => e.id), ['claim:k1', 'claim:k2']);
  await req('/api/ratings', json('PUT', { evidenceId: 'claim:k1', hypothesisId: 'h1', rating: 'C' }));
  const after = await (await req('/api/ratings', json('PUT', { evidenceId: 'claim:k1', hypothesisId: 'h2', rating: 'II' }))).json();
  // An ungraded source weighs F (0.5) x credibility 6 (0.5) = 0.25.
  assert.deepEqual(after.scores, [
    { hypothesisId: 'h1', inconsistency: 0, consistency: 0.25, rank: 1, rated: true },
    { hypothesisId: 'h2', inconsistency: 0.5, consistency: 0, rank: 2, rated: true },
  ]);
  assert.equal(after.evidence[0].diagnostic, true);
  assert.equal(after.evidence[1].diagnostic, false);
  const cleared = await (await req('/api/ratings', json('PUT', { evidenceId: 'claim:k1', hypothesisId: 'h2', rating: null }))).json();
  assert.equal(cleared.scores[1].inconsistency, 0);
});

test('api: grades a source and refuses a grade outside A-F', async () => {
  const { req, json } = await setup();
  const sources = await (await req('/api/sources')).json();
  const courier = sources.items.find((s: { name: string }) => s.name === 'The Harbour Courier');
  assert.equal(courier.kind, 'publisher');
  const ok = await req(`/api/sources/${encodeURIComponent(courier.id)}`, json('PUT', { reliability: 'B', reason: 'Corrects its errors.' }));
  assert.deepEqual(await ok.json(), { ...courier, reliability: 'B', reason: 'Corrects its errors.' });
  const bad = await req(`/api/sources/${encodeURIComponent(courier.id)}`, json('PUT', { reliability: 'G' }));
  assert.equal(bad.status, 400);
});

test('api: every response carries the strict Content-Security-Policy', async () => {
  const { req } = await setup();
  for (const path of ['/', '/api/overview', '/api/documents/d99']) {
    const res = await req(path);
    assert.equal(res.headers.get('content-security-policy'), CSP, path);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  }
  assert.match(CSP, /default-src 'self'/);
  assert.doesNotMatch(CSP, /unsafe-inline/);
});

test('api: with a token, requests without it are refused and ?token= is swapped for a cookie', async () => {
  const { req } = await setup({ token: 's3cret-token' });
  const none = await req('/api/overview');
  assert.equal(none.status, 401);
  assert.equal((await none.json()).error.code, 'UNAUTHORIZED');
  assert.equal((await req('/api/overview', { headers: { authorization: 'Bearer wrong-token!' } })).status, 401);
  assert.equal((await req('/api/overview', { headers: { authorization: 'Bearer s3cret-token' } })).status, 200);
  const first = await req('/?token=s3cret-token');
  assert.equal(first.status, 200);
  const cookie = first.headers.get('set-cookie')!;
  assert.match(cookie, /^dossier_token=s3cret-token; Path=\/; HttpOnly; SameSite=Strict/);
  assert.equal((await req('/api/overview', { headers: { cookie: cookie.split(';')[0] } })).status, 200);
});

test('api: refuses a foreign Host (DNS rebinding) and cross-origin or non-JSON writes', async () => {
  const { req, json } = await setup({ allowedHosts: ['127.0.0.1:8080'] });
  assert.equal((await req('/api/overview', { headers: { host: 'attacker.example' } })).status, 403);
  const cross = await req('/api/hypotheses', { ...json('POST', { text: 'x' }), headers: { 'content-type': 'application/json', origin: 'http://attacker.example' } });
  assert.equal(cross.status, 403);
  const form = await req('/api/hypotheses', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=x' });
  assert.deepEqual(await form.json(), { error: { code: 'FORBIDDEN', message: 'writes must send Content-Type: application/json' } });
  assert.equal((await req('/api/hypotheses', json('POST', { text: 'A third one' }))).status, 201);
});

test('api: the report downloads as an attachment with the document text escaped', async () => {
  const { req } = await setup();
  const md = await req('/api/report?format=md');
  assert.equal(md.headers.get('content-disposition'), 'attachment; filename="dossier-report.md"');
  assert.match(await md.text(), /^# Was the bridge at Varno defended\?/);
  const html = await req('/api/report?format=html');
  assert.match(html.headers.get('content-security-policy')!, /sandbox/);
  assert.equal((await req('/api/report?format=pdf')).status, 400);
});

test('api: unknown app paths fall back to the app page, unknown assets are 404', async () => {
  const { req } = await setup();
  assert.equal((await req('/some/route')).headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal((await req('/assets/missing.js')).status, 404);
});
