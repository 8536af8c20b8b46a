import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import { StoreError, NotFoundError, UsageError } from '../../src/errors.js';
import { dialectTest, scratchTarget } from './dialects.js';
import { analysis, entity, quote } from './fixtures.js';
import type { Quote } from '../../src/types.js';

const T1 = 'The Northern Front said ISIS fighters entered Varna. Officials in Varna called the group ISIL.';
const T2 = 'Daesh, also called ISIL, withdrew from Varna on Monday, the Kessel Herald reported.';
const T3 = 'Daesh fighters were seen near Ostrava.';

/** A page with reader comments (ids and texts as given) and these quotes. */
function withComments(source: string, comments: { id: string; text: string }[], quotes: Quote[]) {
  return { ...analysis(source, 'Harbour notes.', { quotes }), comments: comments.map((c) => ({ ...c, parentId: null, author: 'Reader', postedAt: null })) };
}

const CONVOY = 'Anna Brandt said the convoy turned back at dawn.';

/** Version 1 of `source` with two overlapping quotes, q9 (shorter) and q10 (whole), rated C and CC against
 * one hypothesis, in that order. */
async function twoRatedConvoyQuotes(store: Store, source: string) {
  const v1 = await store.addDocument({ source, contentHash: `${source}1`, format: 'text', analysis: analysis(source, CONVOY, { quotes: [
    quote('q9', CONVOY, 'the convoy turned back', 'Anna Brandt', null),
    quote('q10', CONVOY, 'the convoy turned back at dawn', 'Anna Brandt', null),
  ] }) });
  const h = await store.addHypothesis('The convoy never crossed');
  await store.rate({ evidenceKind: 'quote', evidenceId: `${v1.id}:q9`, hypothesisId: h.id, rating: 'C' });
  await store.rate({ evidenceKind: 'quote', evidenceId: `${v1.id}:q10`, hypothesisId: h.id, rating: 'CC' });
  return v1;
}

/** A claim group for saveClaimGroups, its members given as [document id, source, words]. */
function group(id: string, statements: [number, string, string][]) {
  const members = statements.map(([documentId, source, text]) =>
    ({ documentId, source, quoteId: null, sentence: text, start: 0, end: text.length, origin: source, originKind: 'document' as const, text }));
  return { id, text: statements[0][2], members, origins: [{ name: statements[0][1], kind: 'document' as const, members: members.length }] };
}

dialectTest('store: adds a document and reads it back whole', async (store) => {
  const a = analysis('a.txt', T1, { title: 'Front news', publisher: 'Kessel Herald', publishedAt: '2021-03-04' });
  a.comments = [{ id: 'c1', parentId: null, author: 'reader9', postedAt: null, text: 'First!' }];
  const out = await store.addDocument({ source: 'a.txt', contentHash: 'h1', format: 'text', analysis: a });
  assert.deepEqual(out, { status: 'added', id: out.id, version: 1 });
  const docs = await store.listDocuments();
  assert.deepEqual(docs.map((d) => [d.source, d.title, d.publisher, d.publishedAt, d.version, d.latest]), [['a.txt', 'Front news', 'Kessel Herald', '2021-03-04', 1, true]]);
  const got = await store.getDocument('a.txt');
  assert.equal(got.analysis.document.text, T1);
  assert.deepEqual(got.analysis.comments, a.comments);
  assert.equal((await store.getDocument(out.id)).source, 'a.txt');
});

dialectTest('store: a document\'s parts are read back from their rows as the analysis had them, optional fields included', async (store) => {
  const a = analysis('parts.txt', T1, { title: 'Front news', entities: [entity('e1', 'Northern Front', 'ORG', [], T1), entity('e2', 'Varna', 'PLACE', [], T1)] });
  a.entities[0].references = [{ in: 'document', start: 80, end: 89, text: 'the group' }];
  a.comments = [
    { id: 'c1', parentId: null, author: 'reader9', postedAt: '2021-03-04T10:00:00Z', text: 'Is that so?' },
    { id: 'c2', parentId: 'c1', author: null, postedAt: null, text: 'It is.' },
  ];
  const said = quote('q1', T1, 'ISIS fighters entered Varna', 'The Northern Front', 'e1');
  a.quotes = [
    { ...said, direct: false, cueSpan: { start: 19, end: 23 }, speaker: { ...said.speaker, start: 0, end: 18 }, via: [{ text: 'Kessel Herald', entityId: null }] },
    { ...quote('q2', T1, 'called the group ISIL', 'Officials', null), cue: null, cueSpan: null },
  ];
  a.events = [
    { id: 'v1', in: 'document', start: 24, end: 51, text: 'ISIS fighters entered Varna', cameo: '190', trigger: 'entered', date: '2021-03-01', actors: ['e1'], place: 'e2', quoteId: 'q1' },
    { id: 'v2', in: 'document', start: 52, end: 93, text: 'Officials in Varna called the group ISIL', cameo: '010', date: null, actors: [], place: null, quoteId: null },
  ];
  a.times = [{ in: 'document', start: 0, end: 3, text: 'The', value: '2021-03-01' }];
  await store.addDocument({ source: 'parts.txt', contentHash: 'parts', format: 'text', analysis: a });
  assert.deepStrictEqual((await store.getDocument('parts.txt')).analysis, a);
  // the JSON column keeps only what has no rows
  const row = await store.db.selectFrom('documents').select('analysis').executeTakeFirstOrThrow();
  assert.deepEqual(Object.keys(JSON.parse(row.analysis)).sort(), ['document', 'schema', 'source', 'times']);
});

dialectTest('store: documents read many at once come in the order asked, each with its own parts, unknown ids left out', async (store) => {
  const a = analysis('a.txt', T1, { entities: [entity('e1', 'Varna', 'PLACE', [], T1)], quotes: [{ ...quote('q1', T1, 'ISIS fighters entered Varna', 'The Northern Front', null), cueSpan: null }] });
  const b = analysis('b.txt', T2, { entities: [entity('e1', 'Daesh', 'ORG', ['ISIL'], T2)] });
  const [ra, rb] = await store.addDocuments([
    { source: 'a.txt', contentHash: 'ha', format: 'text', analysis: a },
    { source: 'b.txt', contentHash: 'hb', format: 'text', analysis: b },
  ]);
  assert.ok(ra.status === 'added' && rb.status === 'added');
  const got = await store.getDocuments([rb.id, 999_999, ra.id]);
  assert.deepEqual(got.map((d) => d.source), ['b.txt', 'a.txt']);
  assert.deepStrictEqual(got.map((d) => d.analysis), [b, a]);
});

dialectTest('store: the same bytes added twice are skipped', async (store) => {
  const first = await store.addDocument({ source: 'a.txt', contentHash: 'same', format: 'text', analysis: analysis('a.txt', T1) });
  const again = await store.addDocument({ source: 'copy/a.txt', contentHash: 'same', format: 'text', analysis: analysis('copy/a.txt', T1) });
  assert.deepEqual(again, { status: 'skipped', id: first.id, version: 1, source: 'a.txt' });
  assert.equal((await store.listDocuments()).length, 1);
});

dialectTest('store: a source named with quotes, a backslash, braces and a comma is found again as itself', async (store) => {
  const source = 'dir\\say "no", {x}.txt';
  const [first] = await store.addDocuments([{ source, contentHash: 'h1', format: 'text', analysis: analysis(source, T1) }]);
  const id = (first as { id: number }).id;
  // found by its bytes, then (other bytes) by its source alone
  assert.deepEqual(await store.addDocuments([{ source, contentHash: 'h1', format: 'text', analysis: analysis(source, T1) }]), [{ status: 'skipped', id, version: 1, source }]);
  const [next] = await store.addDocuments([{ source, contentHash: 'h2', format: 'text', analysis: analysis(source, T2) }]);
  assert.deepEqual(next, { status: 'new-version', id: (next as { id: number }).id, version: 2, previousId: id });
  assert.deepEqual((await store.listDocuments()).map((d) => [d.source, d.version]), [[source, 2]]);
});

dialectTest('store: a batch keeps its good documents when one of them cannot be written', async (store) => {
  const broken = analysis('bad', T2);
  broken.quotes = [{ id: 'q1', in: 'document', start: 0, end: 5, content: 'Daesh' } as never];
  const out = await store.addDocuments([
    { source: 'good1', contentHash: 'g1', format: 'text', analysis: analysis('good1', T1, { entities: [entity('e1', 'ISIS', 'ORG', [], T1)] }) },
    { source: 'bad', contentHash: 'b', format: 'text', analysis: { ...broken, entities: [entity('e1', 'Daesh', 'ORG', [], T2)] } },
    { source: 'good2', contentHash: 'g2', format: 'text', analysis: analysis('good2', T3) },
  ]);
  assert.deepEqual(out.map((o) => o.status), ['added', 'failed', 'added']);
  assert.match((out[1] as { error: string }).error, /^bad: /);
  assert.deepEqual((await store.listDocuments()).map((d) => d.source), ['good1', 'good2']);
  // nothing of the failed document is left behind, not even its entity
  assert.deepEqual((await store.listEntities()).map((e) => e.name), ['ISIS']);
  assert.equal((await store.db.selectFrom('global_entities').select('id').execute()).length, 1);
});

dialectTest('store: a value the database refuses fails its document alone, and the store goes on', async (store) => {
  const bad = analysis('bad', T2, { quotes: [quote('q1', T2, T2.slice(0, 5), 'Anna Brandt', null)] });
  bad.quotes[0].start = Number.NaN; // no integer: refused by the database itself, not by our code
  const out = await store.addDocuments([
    { source: 'good1', contentHash: 'g1', format: 'text', analysis: analysis('good1', T1) },
    { source: 'bad', contentHash: 'b', format: 'text', analysis: bad },
  ]);
  assert.deepEqual(out.map((o) => o.status), ['added', 'failed']);
  assert.match((out[1] as { error: string }).error, /^bad: /);
  const later = await store.addDocument({ source: 'good2', contentHash: 'g2', format: 'text', analysis: analysis('good2', T3) });
  assert.equal(later.status, 'added');
  assert.deepEqual((await store.listDocuments()).map((d) => d.source), ['good1', 'good2']);
  assert.equal((await store.db.selectFrom('quotes').select('id').execute()).length, 0);
});

dialectTest('store: a batch whose first statement is refused keeps none of its rows, and its good document is added on its own', async (store) => {
  // the events go first; the quotes, entities and documents of the batch are sent behind them before any answer
  const bad = analysis('bad', T2, { quotes: [quote('q1', T2, T2.slice(0, 5), 'Anna Brandt', null)] });
  bad.events = [{ id: 'v1', in: 'document', start: Number.NaN, end: 5, text: T2.slice(0, 5), cameo: '010', date: null, actors: [], place: null }];
  const out = await store.addDocuments([
    { source: 'good1', contentHash: 'g1', format: 'text', analysis: analysis('good1', T1, { quotes: [quote('q1', T1, T1.slice(0, 5), 'Anna Brandt', null)] }) },
    { source: 'bad', contentHash: 'b', format: 'text', analysis: bad },
  ]);
  assert.deepEqual(out.map((o) => o.status), ['added', 'failed']);
  assert.deepEqual((await store.listDocuments()).map((d) => d.source), ['good1']);
  // good1's quote, written again on its own; none from the batch that was rolled back
  assert.deepEqual((await store.db.selectFrom('quotes').select('document_id').execute()).map((q) => q.document_id), [out[0].status === 'added' ? out[0].id : -1]);
  assert.equal((await store.db.selectFrom('events').select('id').execute()).length, 0);
});

dialectTest('store: in a batch with inputs already stored, each written document keeps its own events and entities', async (store) => {
  const ev = (what: string) => ({ id: 'v1', in: 'document', start: 0, end: what.length, text: what, cameo: '010', date: null, actors: [], place: null });
  // each input's entities, named apart (the rows of an input found stored are dropped, and each
  // written entity row must still meet its own cross-document entity)
  const ents = (...names: string[]) => names.map((n, i) => entity(`e${i + 1}`, n, 'ORG', [], n));
  await store.addDocument({ source: 'old', contentHash: 'o', format: 'text', analysis: analysis('old', T1, { events: [ev('old event')], entities: ents('Harbour Guild') }) });
  const out = await store.addDocuments([
    { source: 'old-again', contentHash: 'o', format: 'text', analysis: analysis('old-again', T1, { events: [ev('dropped event')], entities: ents('Dropped Guild', 'Dropped Union') }) },
    { source: 'a', contentHash: 'a', format: 'text', analysis: analysis('a', T2, { events: [ev('event of a')], entities: ents('Northern Front') }) },
    { source: 'a-copy', contentHash: 'a', format: 'text', analysis: analysis('a-copy', T2, { events: [ev('dropped too')], entities: ents('Dropped Front') }) },
    { source: 'b', contentHash: 'b', format: 'text', analysis: analysis('b', T3, { events: [ev('event of b')], entities: ents('Coast Watch', 'Harbour Guild') }) },
  ]);
  assert.deepEqual(out.map((o) => o.status), ['skipped', 'added', 'skipped', 'added']);
  for (const [source, text] of [['old', 'old event'], ['a', 'event of a'], ['b', 'event of b']]) {
    assert.deepEqual((await store.getDocument(source)).analysis.events.map((e) => e.text), [text]);
  }
  assert.equal((await store.db.selectFrom('events').select('id').execute()).length, 3);
  const tied = await store.db.selectFrom('entities as e').innerJoin('global_entities as g', 'g.id', 'e.global_id').innerJoin('documents as d', 'd.id', 'e.document_id')
    .select(['d.source', 'e.name as local', 'g.name as global']).orderBy('d.source').orderBy('e.local_id').execute();
  assert.deepEqual(tied.map((r) => `${r.source}: ${r.local} = ${r.global}`),
    ['a: Northern Front = Northern Front', 'b: Coast Watch = Coast Watch', 'b: Harbour Guild = Harbour Guild', 'old: Harbour Guild = Harbour Guild']);
});

dialectTest('store: a batch with more quotes than one statement holds, in counts not a power of two, keeps every one in order', async (store) => {
  // SQLite takes a table's rows in statements of 64, 32, … rows; PostgreSQL in one COPY
  const quotes = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ ...quote(`q${i + 1}`, T1, 'ISIS', 'Officials', null), content: `${tag} ${i + 1}` }));
  const counts = { a: 70, b: 1, c: 130 };
  const out = await store.addDocuments(Object.entries(counts).map(([source, n]) => ({ source, contentHash: source, format: 'text', analysis: analysis(source, T1, { quotes: quotes(n, source) }) })));
  assert.deepEqual(out.map((o) => o.status), ['added', 'added', 'added']);
  for (const [source, n] of Object.entries(counts)) {
    const got = (await store.getDocument(source)).analysis.quotes;
    assert.deepEqual(got.map((q) => `${q.id} ${q.content}`), Array.from({ length: n }, (_, i) => `q${i + 1} ${source} ${i + 1}`));
  }
  assert.equal((await store.db.selectFrom('quotes').select('id').execute()).length, 201);
});

dialectTest('store: a batch repeating bytes and sources inside itself gives the outcomes of adding one by one', async (store) => {
  await store.addDocument({ source: 'p', contentHash: 'p1', format: 'text', analysis: analysis('p', T3) });
  const out = await store.addDocuments([
    { source: 'a', contentHash: 'x', format: 'text', analysis: analysis('a', T1) },
    { source: 'copy-of-a', contentHash: 'x', format: 'text', analysis: analysis('copy-of-a', T1) },
    { source: 'p', contentHash: 'p2', format: 'text', analysis: analysis('p', T2) },
    { source: 'p', contentHash: 'p3', format: 'text', analysis: analysis('p', T1) },
    { source: 'b', contentHash: 'p1', format: 'text', analysis: analysis('b', T3) },
  ]);
  const [p1] = await store.listDocuments({ allVersions: true });
  const ids = (await store.listDocuments({ allVersions: true })).map((d) => d.id);
  assert.deepEqual(out, [
    { status: 'added', id: ids[1], version: 1 },
    { status: 'skipped', id: ids[1], version: 1, source: 'a' },
    { status: 'new-version', id: ids[2], version: 2, previousId: p1.id },
    { status: 'new-version', id: ids[3], version: 3, previousId: ids[2] },
    { status: 'skipped', id: p1.id, version: 1, source: 'p' },
  ]);
  assert.deepEqual((await store.listDocuments({ allVersions: true })).map((d) => [d.source, d.version, d.latest]),
    [['p', 1, false], ['a', 1, true], ['p', 2, false], ['p', 3, true]]);
  assert.equal((await store.getDocument('p')).analysis.document.text, T1);
});

dialectTest('store: entities with one key and no name in common are one, found by the name in the key; key forms are looked up, not stored', async (store) => {
  // a gazetteer gave both the key of Islamic State; neither document names it so
  const keyed = (e: ReturnType<typeof entity>) => ({ ...e, key: 'ORG:islamic state' });
  await store.addDocument({ source: 'one', contentHash: '1', format: 'text', analysis: analysis('one', T1, { entities: [keyed(entity('e1', 'ISIS', 'ORG', [], T1))] }) });
  await store.addDocument({ source: 'three', contentHash: '3', format: 'text', analysis: analysis('three', T3, { entities: [keyed(entity('e1', 'Daesh', 'ORG', [], T3))] }) });
  assert.deepEqual((await store.listEntities()).map((e) => [e.aliases, [...e.documents].sort()]), [[['Daesh', 'ISIS'], ['one', 'three']]]);
  assert.deepEqual((await store.db.selectFrom('global_aliases').select('norm').orderBy('norm').execute()).map((r) => r.norm), ['daesh', 'isis', 'islamic state']);
  // a key form an older version stored is still found
  const [{ id }] = await store.db.selectFrom('global_entities').select('id').execute();
  await store.db.insertInto('global_aliases').values({ global_id: id, type: 'ORG', norm: 'key:ORG:da ish', alias: 'ORG:da ish' }).execute();
  await store.addDocument({ source: 'four', contentHash: '4', format: 'text', analysis: analysis('four', 'X left.', { entities: [{ ...entity('e1', 'X', 'ORG', [], 'X left.'), key: 'ORG:da ish' }] }) });
  assert.deepEqual((await store.listEntities()).map((e) => e.documents.length), [3]);
});

dialectTest('store: a batch merges ISIS, ISIL and Daesh across its own documents as one-by-one adds would', async (store) => {
  await store.addDocuments([
    { source: 'one', contentHash: '1', format: 'text', analysis: analysis('one', T1, { entities: [entity('e1', 'ISIS', 'ORG', ['ISIL', 'Islamic State'], T1), entity('e2', 'Varna', 'PLACE', [], T1)] }) },
    { source: 'three', contentHash: '3', format: 'text', analysis: analysis('three', T3, { entities: [entity('e1', 'Daesh', 'ORG', [], T3)] }) },
    { source: 'two', contentHash: '2', format: 'text', analysis: analysis('two', T2, { entities: [entity('e1', 'Daesh', 'ORG', ['ISIL', 'Islamic State'], T2), entity('e2', 'Varna', 'PLACE', [], T2)] }) },
  ]);
  const ents = await store.listEntities();
  assert.deepEqual(ents.map((e) => [e.name, e.aliases, [...e.documents].sort()]).sort(), [
    ['Daesh', ['Daesh', 'ISIL', 'ISIS', 'Islamic State'], ['one', 'three', 'two']],
    ['Varna', ['Varna'], ['one', 'two']],
  ]);
  // the entity first seen as Daesh was folded in before it was ever written: no orphan is left
  assert.equal((await store.db.selectFrom('global_entities').select('id').execute()).length, 2);
  // a later document finds the merged entity under any of its names
  await store.addDocument({ source: 'four', contentHash: '4', format: 'text', analysis: analysis('four', 'Daesh left.', { entities: [entity('e1', 'Daesh', 'ORG', [], 'Daesh left.')] }) });
  assert.deepEqual((await store.listEntities()).map((e) => e.documents.length).sort(), [2, 4]);
});

dialectTest('store: entities created after two new ones merged each keep an id of their own', async (store) => {
  // Daesh (second new entity) is folded into ISIS by the fourth; Brask, new after that, must not take
  // the provisional id still held by Ostrel, the third
  const text = 'ISIS, or ISIL, held Varna. Daesh left Ostrel. Daesh, also called ISIL, reached Brask.';
  const out = await store.addDocuments([{ source: 'one', contentHash: '1', format: 'text', analysis: analysis('one', text, { entities: [
    entity('e1', 'ISIS', 'ORG', ['ISIL', 'Islamic State'], text), entity('e2', 'Daesh', 'ORG', [], text), entity('e3', 'Ostrel', 'PLACE', [], text),
    entity('e4', 'Daesh', 'ORG', ['ISIL', 'Islamic State'], text), entity('e5', 'Brask', 'PLACE', [], text),
  ] }) }]);
  assert.deepEqual(out.map((o) => o.status), ['added']);
  assert.deepEqual((await store.listEntities()).map((e) => [e.name, e.aliases]).sort(), [
    ['Brask', ['Brask']], ['Daesh', ['Daesh', 'ISIL', 'ISIS', 'Islamic State']], ['Ostrel', ['Ostrel']],
  ]);
  const rows = await store.db.selectFrom('entities').select(['local_id', 'global_id']).orderBy('local_id').execute();
  const gid = Object.fromEntries(rows.map((r) => [r.local_id, r.global_id]));
  assert.equal(gid.e1, gid.e2);
  assert.equal(gid.e1, gid.e4);
  assert.equal(new Set([gid.e1, gid.e3, gid.e5]).size, 3);
});

dialectTest('store: a changed page at the same source becomes version 2 and keeps version 1', async (store) => {
  const v1 = await store.addDocument({ source: 'https://example.test/p', contentHash: 'old', format: 'html', analysis: analysis('p', T1) });
  const v2 = await store.addDocument({ source: 'https://example.test/p', contentHash: 'new', format: 'html', analysis: analysis('p', T2) });
  assert.deepEqual(v2, { status: 'new-version', id: v2.id, version: 2, previousId: v1.id });
  assert.deepEqual((await store.listDocuments()).map((d) => d.version), [2]);
  assert.deepEqual((await store.listDocuments({ allVersions: true })).map((d) => [d.version, d.latest]), [[1, false], [2, true]]);
  assert.equal((await store.getDocument('https://example.test/p')).analysis.document.text, T2);
  assert.equal((await store.getDocument(v1.id)).analysis.document.text, T1);
});

dialectTest('store: a new version takes the ratings of the quotes it still holds; the ratings of a quote gone stay with their version', async (store) => {
  const SOURCE = 'https://example.test/report';
  const before = 'Officials said the bridge was closed. Anna Brandt said the convoy turned back at dawn. Karl Ode said nothing had moved.';
  // an edit: a sentence put in front moves every offset, the convoy quote is reworded slightly, Karl Ode's is gone
  const after = 'Updated at noon. Officials said the bridge was closed. Anna Brandt said the convoy had turned back at dawn. Traders said prices rose.';
  const v1 = await store.addDocument({ source: SOURCE, contentHash: 'r1', format: 'html', analysis: analysis('r', before, { quotes: [
    quote('q1', before, 'the bridge was closed', 'Officials', null),
    quote('q2', before, 'the convoy turned back at dawn', 'Anna Brandt', null),
    quote('q3', before, 'nothing had moved', 'Karl Ode', null),
  ] }) });
  const h1 = await store.addHypothesis('The convoy never crossed');
  const h2 = await store.addHypothesis('The convoy crossed at night');
  for (const [q, h, r] of [['q1', h1, 'C'], ['q2', h1, 'CC'], ['q2', h2, 'II'], ['q3', h2, 'I']] as const) {
    await store.rate({ evidenceKind: 'quote', evidenceId: `${v1.id}:${q}`, hypothesisId: h.id, rating: r, note: `on ${q}` });
  }
  await store.rate({ evidenceKind: 'claim', evidenceId: 'cg-kept', hypothesisId: h1.id, rating: 'N' });
  const v2 = await store.addDocument({ source: SOURCE, contentHash: 'r2', format: 'html', analysis: analysis('r', after, { quotes: [
    quote('q1', after, 'Updated at noon', 'Officials', null),
    quote('q2', after, 'the bridge was closed', 'Officials', null),
    quote('q3', after, 'the convoy had turned back at dawn', 'Anna Brandt', null),
    quote('q4', after, 'prices rose', 'Traders', null),
  ] }) });
  assert.deepEqual(v2, { status: 'new-version', id: v2.id, version: 2, previousId: v1.id, ratings: { moved: 3, left: 1 } });
  const ratings = (await store.listRatings()).map((r) => [r.evidenceKind, r.evidenceId, r.hypothesisId, r.rating, r.note]);
  assert.deepEqual(ratings, [
    ['quote', `${v2.id}:q2`, h1.id, 'C', 'on q1'],
    ['quote', `${v2.id}:q3`, h1.id, 'CC', 'on q2'],
    ['quote', `${v2.id}:q3`, h2.id, 'II', 'on q2'],
    ['quote', `${v1.id}:q3`, h2.id, 'I', 'on q3'],
    ['claim', 'cg-kept', h1.id, 'N', null],
  ]);
  // a third version, unchanged where it matters, takes them on again; nothing rated: nothing reported
  const v3 = await store.addDocument({ source: SOURCE, contentHash: 'r3', format: 'html', analysis: analysis('r', after + ' More soon.', { quotes: [
    quote('q1', after, 'the bridge was closed', 'Officials', null),
    quote('q2', after, 'the convoy had turned back at dawn', 'Anna Brandt', null),
  ] }) });
  // Karl Ode's quote is still gone: its rating, on version 1, is looked at again and stays
  assert.deepEqual(v3.status === 'new-version' && v3.ratings, { moved: 3, left: 1 });
  assert.deepEqual((await store.listRatings()).filter((r) => r.evidenceKind === 'quote').map((r) => r.evidenceId), [`${v3.id}:q1`, `${v3.id}:q2`, `${v3.id}:q2`, `${v1.id}:q3`]);
  const other = await store.addDocument({ source: 'https://example.test/other', contentHash: 'o1', format: 'html', analysis: analysis('o', before) });
  const otherV2 = await store.addDocument({ source: 'https://example.test/other', contentHash: 'o2', format: 'html', analysis: analysis('o', after) });
  assert.deepEqual(otherV2, { status: 'new-version', id: otherV2.id, version: 2, previousId: other.id });
});

dialectTest('store: two rated quotes that became one in a new version: the closer match moves, the other stays behind', async (store) => {
  // local ids whose text order is not their number order, the closer one rated last
  const v1 = await twoRatedConvoyQuotes(store, 'p');
  const v2 = await store.addDocument({ source: 'p', contentHash: 'p2', format: 'text', analysis: analysis('p', CONVOY + ' ', { quotes: [quote('q1', CONVOY, 'the convoy turned back at dawn', 'Anna Brandt', null)] }) });
  assert.deepEqual(v2.status === 'new-version' && v2.ratings, { moved: 1, left: 1 });
  assert.deepEqual((await store.listRatings()).map((r) => [r.evidenceId, r.rating]), [[`${v1.id}:q9`, 'C'], [`${v2.id}:q1`, 'CC']]);
});

dialectTest('store: a rated quote in a reader comment follows it when a new comment comes before it', async (store) => {
  const page = (comments: { id: string; text: string }[], quotes: Quote[]) => withComments('c', comments, quotes);
  const said = 'the harbour master said the pier is unsafe';
  const inComment = (id: string, within: string): Quote => ({ ...quote('q', within, said, 'the harbour master', null), id: 'q1', in: id });
  const c = 'I was there: the harbour master said the pier is unsafe.';
  const v1 = await store.addDocument({ source: 'c', contentHash: 'c1', format: 'html', analysis: page([{ id: 'c1', text: 'First!' }, { id: 'c2', text: c }], [inComment('c2', c)]) });
  const h = await store.addHypothesis('The pier is safe');
  await store.rate({ evidenceKind: 'quote', evidenceId: `${v1.id}:q1`, hypothesisId: h.id, rating: 'I' });
  // a reply put in front: the same words are now in comment c3
  const v2 = await store.addDocument({ source: 'c', contentHash: 'c2', format: 'html', analysis: page([{ id: 'c1', text: 'First!' }, { id: 'c2', text: 'Who says so?' }, { id: 'c3', text: c }], [inComment('c3', c)]) });
  assert.deepEqual(v2.status === 'new-version' && v2.ratings, { moved: 1, left: 0 });
  assert.deepEqual((await store.listRatings()).map((r) => r.evidenceId), [`${v2.id}:q1`]);
});

dialectTest('store: a newer version\'s rating is not displaced by a stale one that matches better', async (store) => {
  const v1 = await twoRatedConvoyQuotes(store, 's');
  // version 2 keeps the shorter quote: q9's rating moves, q10's stays on version 1
  const v2 = await store.addDocument({ source: 's', contentHash: 's2', format: 'text', analysis: analysis('s', CONVOY + ' ', { quotes: [quote('q1', CONVOY, 'the convoy turned back', 'Anna Brandt', null)] }) });
  assert.deepEqual(v2.status === 'new-version' && v2.ratings, { moved: 1, left: 1 });
  // version 3 has the longer one, which q10 matches better: the rating carried to version 2 still goes first
  const v3 = await store.addDocument({ source: 's', contentHash: 's3', format: 'text', analysis: analysis('s', CONVOY + '  ', { quotes: [quote('q1', CONVOY, 'the convoy turned back at dawn', 'Anna Brandt', null)] }) });
  assert.deepEqual(v3.status === 'new-version' && v3.ratings, { moved: 1, left: 1 });
  assert.deepEqual((await store.listRatings()).map((r) => [r.evidenceId, r.rating]), [[`${v3.id}:q1`, 'C'], [`${v1.id}:q10`, 'CC']]);
});

dialectTest('store: a rated comment quote follows the comment with the same text, not a reply repeating its words', async (store) => {
  const page = (comments: { id: string; text: string }[], quotes: Quote[]) => withComments('k', comments, quotes);
  const said = 'the harbour master said the pier is unsafe';
  const own = 'I was there: the harbour master said the pier is unsafe.';
  const reply = `Someone wrote that ${said}. Nonsense.`;
  const at = (id: string, local: string, within: string): Quote => ({ ...quote(local, within, said, 'the harbour master', null), in: id });
  const v1 = await store.addDocument({ source: 'k', contentHash: 'k1', format: 'html', analysis: page([{ id: 'c1', text: 'First!' }, { id: 'c2', text: own }], [at('c2', 'q1', own)]) });
  const h = await store.addHypothesis('The pier is safe');
  await store.rate({ evidenceKind: 'quote', evidenceId: `${v1.id}:q1`, hypothesisId: h.id, rating: 'I' });
  const v2 = await store.addDocument({ source: 'k', contentHash: 'k2', format: 'html', analysis: page(
    [{ id: 'c1', text: 'First!' }, { id: 'c2', text: reply }, { id: 'c3', text: own }], [at('c2', 'q1', reply), at('c3', 'q2', own)]) });
  assert.deepEqual(v2.status === 'new-version' && v2.ratings, { moved: 1, left: 0 });
  assert.deepEqual((await store.listRatings()).map((r) => r.evidenceId), [`${v2.id}:q2`]);
});

dialectTest('store: a rating left on an earlier version follows its quote when a later version has it again', async (store) => {
  const a = 'Ivo Marr said the ferry would run twice a day.';
  const b = 'Nothing was said about the ferry.';
  const v1 = await store.addDocument({ source: 'f', contentHash: 'f1', format: 'text', analysis: analysis('f', a, { quotes: [quote('q1', a, 'the ferry would run twice a day', 'Ivo Marr', null)] }) });
  const h = await store.addHypothesis('The ferry runs');
  await store.rate({ evidenceKind: 'quote', evidenceId: `${v1.id}:q1`, hypothesisId: h.id, rating: 'C' });
  const v2 = await store.addDocument({ source: 'f', contentHash: 'f2', format: 'text', analysis: analysis('f', b) });
  assert.deepEqual(v2.status === 'new-version' && v2.ratings, { moved: 0, left: 1 });
  const v3 = await store.addDocument({ source: 'f', contentHash: 'f3', format: 'text', analysis: analysis('f', `${b} ${a}`, { quotes: [quote('q1', `${b} ${a}`, 'the ferry would run twice a day', 'Ivo Marr', null)] }) });
  assert.deepEqual(v3.status === 'new-version' && v3.ratings, { moved: 1, left: 0 });
  assert.deepEqual((await store.listRatings()).map((r) => r.evidenceId), [`${v3.id}:q1`]);
});

dialectTest('store: a regrouping moves ratings and credibility to a renamed group, by the same or most of the same words, and counts what it cannot place', async (store) => {
  const a = await store.addDocument({ source: 'a', contentHash: 'a', format: 'text', analysis: analysis('a', T1) });
  const b = await store.addDocument({ source: 'b', contentHash: 'b', format: 'text', analysis: analysis('b', T2) });
  const said = 'Islamic State fighters withdrew from Varna on Monday';
  const other = group('cg-other', [[a.id, 'a', 'Officials in Varna called the group ISIL']]);
  assert.deepEqual(await store.saveClaimGroups([group('cg-old', [[a.id, 'a', said], [b.id, 'b', 'Daesh withdrew from Varna on Monday']])]), { moved: 0, kept: 0, orphaned: 0 });
  const h = await store.addHypothesis('Varna was given up');
  await store.rate({ evidenceKind: 'claim', evidenceId: 'cg-old', hypothesisId: h.id, rating: 'C' });
  await store.setCredibility({ claimGroupId: 'cg-old', credibility: 2, reason: 'two reports' });
  // renamed, and the statement from b reworded: a's words are the same
  assert.deepEqual(await store.saveClaimGroups([group('cg-new', [[b.id, 'b', 'Daesh pulled out of Varna on Monday'], [a.id, 'a', said]]), other]), { moved: 2, kept: 0, orphaned: 0 });
  // renamed again, both statements reworded a little: most of the same words still say which group it is
  const reworded = group('cg-third', [[a.id, 'a', 'Islamic State fighters withdrew from Varna late on Monday'], [b.id, 'b', 'Daesh pulled out of Varna on Monday night']]);
  assert.deepEqual(await store.saveClaimGroups([other, reworded]), { moved: 2, kept: 0, orphaned: 0 });
  assert.deepEqual((await store.listRatings()).map((r) => [r.evidenceId, r.rating]), [['cg-third', 'C']]);
  assert.deepEqual(await store.listCredibility(), [{ claimGroupId: 'cg-third', credibility: 2, reason: 'two reports' }]);
  // judgements of a group that never existed are nobody's to move, and are not counted
  await store.rate({ evidenceKind: 'claim', evidenceId: 'cg-other', hypothesisId: h.id, rating: 'II' });
  await store.rate({ evidenceKind: 'claim', evidenceId: 'cg-never', hypothesisId: h.id, rating: 'I' });
  // the statements are gone: nothing to move to; counted once, when their group goes
  assert.deepEqual(await store.saveClaimGroups([other]), { moved: 0, kept: 0, orphaned: 2 });
  assert.deepEqual(await store.saveClaimGroups([]), { moved: 0, kept: 0, orphaned: 1 });
  assert.deepEqual(await store.saveClaimGroups([]), { moved: 0, kept: 0, orphaned: 0 });
  assert.deepEqual((await store.listRatings()).map((r) => [r.evidenceId, r.rating]), [['cg-third', 'C'], ['cg-other', 'II'], ['cg-never', 'I']]);
});

dialectTest('store: a statement whose numbers changed is another statement: its group\'s judgements do not move to it', async (store) => {
  const a = await store.addDocument({ source: 'a', contentHash: 'a', format: 'text', analysis: analysis('a', T1) });
  await store.saveClaimGroups([group('cg-12', [[a.id, 'a', '12 fighters were killed in Varna on Monday']])]);
  const h = await store.addHypothesis('Varna was shelled');
  await store.rate({ evidenceKind: 'claim', evidenceId: 'cg-12', hypothesisId: h.id, rating: 'C' });
  // 7 of 9 words shared, well past the likeness needed, but not the number
  assert.deepEqual(await store.saveClaimGroups([group('cg-120', [[a.id, 'a', '120 fighters were killed in Varna on Monday']])]), { moved: 0, kept: 0, orphaned: 1 });
  assert.deepEqual((await store.listRatings()).map((r) => r.evidenceId), ['cg-12']);
  // the same rewording with its number kept would have taken it
  await store.saveClaimGroups([group('cg-12', [[a.id, 'a', '12 fighters were killed in Varna on Monday']])]);
  assert.deepEqual(await store.saveClaimGroups([group('cg-12b', [[a.id, 'a', '12 fighters were killed in Varna late on Monday']])]), { moved: 1, kept: 0, orphaned: 0 });
  assert.deepEqual((await store.listRatings()).map((r) => r.evidenceId), ['cg-12b']);
});

dialectTest('store: two rated claim groups merged into one that keeps the first one\'s id: the other\'s judgements join it, or are kept where it has its own', async (store) => {
  const a = await store.addDocument({ source: 'a', contentHash: 'a', format: 'text', analysis: analysis('a', T1) });
  const b = await store.addDocument({ source: 'b', contentHash: 'b', format: 'text', analysis: analysis('b', T2) });
  const one = 'ISIS fighters entered Varna', two = 'Daesh withdrew from Varna on Monday';
  await store.saveClaimGroups([group('cg-x', [[a.id, 'a', one]]), group('cg-y', [[b.id, 'b', two]])]);
  const h1 = await store.addHypothesis('Varna was given up');
  const h2 = await store.addHypothesis('Varna was defended');
  await store.rate({ evidenceKind: 'claim', evidenceId: 'cg-x', hypothesisId: h1.id, rating: 'C' });
  await store.rate({ evidenceKind: 'claim', evidenceId: 'cg-y', hypothesisId: h1.id, rating: 'I' });
  await store.rate({ evidenceKind: 'claim', evidenceId: 'cg-y', hypothesisId: h2.id, rating: 'II' });
  await store.setCredibility({ claimGroupId: 'cg-y', credibility: 3, reason: null });
  // the merged group keeps cg-x's id (its first statement): cg-y's rating for h2 and its credibility join it;
  // its rating for h1 stays where it was, cg-x having its own
  assert.deepEqual(await store.saveClaimGroups([group('cg-x', [[a.id, 'a', one], [b.id, 'b', two]])]), { moved: 2, kept: 1, orphaned: 0 });
  assert.deepEqual((await store.listRatings()).map((r) => [r.evidenceId, r.hypothesisId, r.rating]), [['cg-x', h1.id, 'C'], ['cg-y', h1.id, 'I'], ['cg-x', h2.id, 'II']]);
  assert.deepEqual(await store.listCredibility(), [{ claimGroupId: 'cg-x', credibility: 3, reason: null }]);
});

dialectTest('store: merges ISIS, ISIL and Daesh across documents through a shared name (in use the gazetteer gives them one key)', async (store) => {
  await store.addDocument({ source: 'one', contentHash: '1', format: 'text', analysis: analysis('one', T1, {
    entities: [entity('e1', 'ISIS', 'ORG', ['ISIL', 'Islamic State'], T1), entity('e2', 'Varna', 'PLACE', [], T1)] }) });
  await store.addDocument({ source: 'three', contentHash: '3', format: 'text', analysis: analysis('three', T3, {
    entities: [entity('e1', 'Daesh', 'ORG', [], T3)] }) });
  // Until now Daesh is its own entity; the second document says Daesh is the Islamic State and bridges them.
  assert.equal((await store.listEntities()).filter((e) => e.type === 'ORG').length, 2);
  await store.addDocument({ source: 'two', contentHash: '2', format: 'text', analysis: analysis('two', T2, {
    entities: [entity('e1', 'Daesh', 'ORG', ['ISIL', 'Islamic State'], T2), entity('e2', 'Varna', 'PLACE', [], T2)] }) });
  const ents = await store.listEntities();
  const isis = ents.filter((e) => e.aliases.includes('ISIS'));
  assert.equal(isis.length, 1);
  assert.deepEqual(isis[0].aliases, ['Daesh', 'ISIL', 'ISIS', 'Islamic State']);
  assert.deepEqual([...isis[0].documents].sort(), ['one', 'three', 'two']);
  assert.deepEqual(ents.find((e) => e.name === 'Varna')?.documents, ['one', 'two']);
  assert.equal(ents.length, 2);
});

dialectTest('store: keeps Jordan the country and Jordan the person apart', async (store) => {
  const t = 'Jordan closed the border. Michael Jordan said so.';
  await store.addDocument({ source: 'j1', contentHash: 'j1', format: 'text', analysis: analysis('j1', t, {
    entities: [entity('e1', 'Jordan', 'PLACE', [], t)] }) });
  await store.addDocument({ source: 'j2', contentHash: 'j2', format: 'text', analysis: analysis('j2', t, {
    entities: [entity('e1', 'Michael Jordan', 'PERSON', ['Jordan'], t)] }) });
  const ents = await store.listEntities();
  assert.deepEqual(ents.map((e) => [e.name, e.type]).sort(), [['Jordan', 'PLACE'], ['Michael Jordan', 'PERSON']]);
});

dialectTest('store: keeps Bill and Hillary Clinton apart across documents, though each is "Clinton" in its own', async (store) => {
  const add = (source: string, t: string, ...ents: ReturnType<typeof entity>[]) =>
    store.addDocument({ source, contentHash: source, format: 'text', analysis: analysis(source, t, { entities: ents }) });
  const t1 = 'Hillary Clinton spoke in Varna. Mrs. Clinton said little. Clinton left.';
  await add('h', t1, entity('e1', 'Hillary Clinton', 'PERSON', ['Mrs. Clinton', 'Clinton'], t1));
  const t2 = 'Bill Clinton spoke in Varna. Mr. Clinton, or Bill, said little. Clinton left.';
  await add('b', t2, entity('e1', 'Bill Clinton', 'PERSON', ['Mr. Clinton', 'Bill', 'Clinton'], t2));
  const t3 = 'Bill Cosby was there. Bill left early.';
  await add('c', t3, entity('e1', 'Bill Cosby', 'PERSON', ['Bill'], t3));
  // documents that name her in full meet; ones that say only "Clinton" meet each other, and no one else
  const t4 = 'Senator Hillary Clinton arrived. Clinton smiled.';
  await add('h2', t4, entity('e1', 'Senator Hillary Clinton', 'PERSON', ['Clinton'], t4));
  const t5 = 'Clinton was seen in Brask.';
  await add('x1', t5, entity('e1', 'Clinton', 'PERSON', [], t5));
  await add('x2', t5, entity('e1', 'Clinton', 'PERSON', [], t5));
  assert.deepEqual((await store.listEntities()).map((e) => [e.name, [...e.documents].sort()]).sort(), [
    ['Bill Clinton', ['b']], ['Bill Cosby', ['c']], ['Clinton', ['x1', 'x2']], ['Senator Hillary Clinton', ['h', 'h2']],
  ]);
  // looking one up: a name of its own, an alias only one entity has, or a word several share
  assert.equal((await store.entity('Clinton')).name, 'Clinton');
  assert.equal((await store.entity('mrs clinton')).name, 'Senator Hillary Clinton');
  await assert.rejects(store.entity('Bill'), (e: unknown) => e instanceof UsageError && /^entity "Bill" names 2 entities: Bill Clinton \(\d+\), Bill Cosby \(\d+\); give the full name or the number$/.test(e.message));
});

dialectTest('store: an acronym of a full name meets it across documents; a stray acronym or another middle initial does not', async (store) => {
  const add = (source: string, t: string, ...ents: ReturnType<typeof entity>[]) =>
    store.addDocument({ source, contentHash: source, format: 'text', analysis: analysis(source, t, { entities: ents }) });
  const t1 = 'Anna K. Brandt of the Free Syrian Army (FSA) spoke in Varna. General Motors (GM) left. WASHINGTON (AP) reported it.';
  await add('one', t1, entity('e1', 'Anna K. Brandt', 'PERSON', ['Brandt'], t1), entity('e2', 'Free Syrian Army', 'ORG', ['FSA'], t1),
    entity('e3', 'General Motors', 'ORG', ['GM'], t1), entity('e4', 'Washington', 'PLACE', ['WASHINGTON', 'AP'], t1));
  const t2 = 'Anna L. Brandt said the FSA held Brask, and GM had gone. VARNA (AP) reported it.';
  await add('two', t2, entity('e1', 'Anna L. Brandt', 'PERSON', [], t2), entity('e2', 'FSA', 'ORG', [], t2), entity('e3', 'GM', 'ORG', [], t2),
    entity('e4', 'Varna', 'PLACE', ['VARNA', 'AP'], t2));
  assert.deepEqual((await store.listEntities()).map((e) => [e.name, [...e.documents].sort()]).sort(), [
    ['Anna K. Brandt', ['one']], ['Anna L. Brandt', ['two']], ['Free Syrian Army', ['one', 'two']], ['General Motors', ['one', 'two']], ['Varna', ['two']], ['Washington', ['one']],
  ]);
});

dialectTest('store: entity shows mentions per document, co-occurring entities and quotes by and about it', async (store) => {
  const t = 'Anna Brandt said "the Northern Front has left Varna" on Tuesday. Karl Ode said Brandt was wrong.';
  const brandt = entity('e1', 'Anna Brandt', 'PERSON', ['Brandt'], t);
  const ode = entity('e2', 'Karl Ode', 'PERSON', [], t);
  const varna = entity('e3', 'Varna', 'PLACE', [], t);
  await store.addDocument({ source: 'q', contentHash: 'q', format: 'text', analysis: analysis('q', t, {
    entities: [brandt, ode, varna],
    quotes: [quote('q1', t, 'the Northern Front has left Varna', 'Anna Brandt', 'e1'), quote('q2', t, 'Brandt was wrong', 'Karl Ode', 'e2')],
  }) });
  const d = await store.entity('brandt');
  assert.equal(d.name, 'Anna Brandt');
  assert.deepEqual(d.perDocument.map((p) => [p.source, p.mentions]), [['q', 2]]);
  assert.deepEqual(d.cooccurring.map((c) => c.name), ['Karl Ode', 'Varna']);
  assert.deepEqual(d.quotesBy.map((q) => q.content), ['the Northern Front has left Varna']);
  assert.deepEqual(d.quotesAbout.map((q) => [q.content, q.speaker, q.speakerEntity?.name]), [['Brandt was wrong', 'Karl Ode', 'Karl Ode']]);
  await assert.rejects(store.entity('Nobody Here'), (e: unknown) => e instanceof NotFoundError && e.message === 'entity "Nobody Here" not found');
});

dialectTest('store: full-text search finds stemmed words and returns a snippet', async (store) => {
  await store.addDocument({ source: 'a', contentHash: 'a', format: 'text', analysis: analysis('a', 'The convoy crossed the river at dawn.', { title: 'Convoy' }) });
  await store.addDocument({ source: 'b', contentHash: 'b', format: 'text', analysis: analysis('b', 'Nothing happened in the valley.', { title: 'Quiet' }) });
  const hits = await store.search('convoys crossing');
  assert.deepEqual(hits.map((h) => h.source), ['a']);
  assert.match(hits[0].snippet, /\[convoy\]/i);
  assert.deepEqual(await store.search('"; drop table documents; --'), []);
  assert.equal((await store.listDocuments()).length, 2);
});

dialectTest('store: timeline orders events by date, undated last, with actors resolved', async (store) => {
  const t = 'Varna fell in May. Ostrava was shelled in March. Talks happened.';
  const varna = entity('e1', 'Varna', 'PLACE', [], t);
  const a = analysis('tl', t, { entities: [varna], events: [
    { id: 'v1', in: 'document', start: 0, end: 18, text: 'Varna fell in May.', cameo: '19', date: '2015-05', actors: [], place: 'e1' },
    { id: 'v2', in: 'document', start: 19, end: 48, text: 'Ostrava was shelled in March.', cameo: '19', date: '2015-03', actors: ['e1'], place: null },
    { id: 'v3', in: 'document', start: 49, end: 64, text: 'Talks happened.', cameo: '04', date: null, actors: [], place: null },
  ] });
  await store.addDocument({ source: 'tl', contentHash: 'tl', format: 'text', analysis: a });
  const tl = await store.timeline();
  assert.deepEqual(tl.map((e) => [e.date, e.dateFrom, e.cameo]), [['2015-03', 'event', '19'], ['2015-05', 'event', '19'], [null, null, '04']]);
  assert.deepEqual(tl[0].actors.map((x) => x.name), ['Varna']);
  assert.equal(tl[1].place?.name, 'Varna');
});

dialectTest('store: keeps source grades, hypotheses, ratings, credibility and the question', async (store) => {
  await store.setQuestion('Did the Northern Front leave Varna?');
  await store.setSetting('interested:kessel herald', 'confirmed');
  await store.setSetting('interested:ode', 'rejected');
  assert.deepEqual(await store.listSettings('interested:'), [{ key: 'interested:kessel herald', value: 'confirmed' }, { key: 'interested:ode', value: 'rejected' }]);
  assert.equal(await store.getQuestion(), 'Did the Northern Front leave Varna?');
  await store.gradeSource({ name: 'Kessel Herald', kind: 'outlet', reliability: 'C', reason: 'mixed record' });
  await store.gradeSource({ name: 'Kessel Herald', kind: 'outlet', reliability: 'B', reason: 'corrections published' });
  assert.deepEqual((await store.listSources()).map((s) => [s.name, s.kind, s.reliability, s.reason]), [['Kessel Herald', 'outlet', 'B', 'corrections published']]);
  const h = await store.addHypothesis('They left');
  await store.rate({ evidenceKind: 'claim', evidenceId: 'cg-1', hypothesisId: h.id, rating: 'C' });
  await store.rate({ evidenceKind: 'claim', evidenceId: 'cg-1', hypothesisId: h.id, rating: 'II', weight: 2, proposed: true, note: 'contradicted' });
  assert.deepEqual((await store.listRatings(h.id)).map((r) => [r.evidenceId, r.rating, r.weight, r.proposed, r.note]), [['cg-1', 'II', 2, true, 'contradicted']]);
  await assert.rejects(store.rate({ evidenceKind: 'claim', evidenceId: 'x', hypothesisId: h.id, rating: 'X' as 'C' }), /rating "X" must be one of/);
  await store.setCredibility({ claimGroupId: 'cg-1', credibility: 2, reason: 'confirmed twice' });
  assert.deepEqual(await store.listCredibility(), [{ claimGroupId: 'cg-1', credibility: 2, reason: 'confirmed twice' }]);
  await store.removeHypothesis(h.id);
  assert.deepEqual(await store.listRatings(), []);
});

dialectTest('store: reopening a dossier keeps what was stored', async (store, _d, s) => {
  await store.addDocument({ source: 'a', contentHash: 'a', format: 'text', analysis: analysis('a', T1) });
  const again = await openStore(s.target);
  try {
    assert.deepEqual((await again.listDocuments()).map((d) => d.source), ['a']);
  } finally {
    await again.close();
  }
});

dialectTest('store: two dossiers side by side keep their documents apart', async (store, dialect, s) => {
  await store.addDocument({ source: 'first', contentHash: 'f', format: 'text', analysis: analysis('first', T1) });
  // a second dossier next to the first: another file, or another schema of the same PostgreSQL database
  const other = dialect === 'sqlite' ? await scratchTarget('sqlite') : await scratchTarget('postgres');
  try {
    const second = await openStore(other.target, { create: true });
    try {
      assert.deepEqual(await second.listDocuments(), []);
      await second.addDocument({ source: 'second', contentHash: 'f', format: 'text', analysis: analysis('second', T2) });
      assert.deepEqual((await second.listDocuments()).map((d) => d.source), ['second']);
    } finally {
      await second.close();
    }
    assert.deepEqual((await store.listDocuments()).map((d) => d.source), ['first']);
  } finally {
    await other.cleanup();
  }
});

test('store: a corrupt SQLite file is refused with one line naming it', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'dossier-bad-')), 'bad.db');
  writeFileSync(file, 'this is not a database, just text that is long enough to fill a header page '.repeat(20));
  await assert.rejects(openStore(file), (e: unknown) => e instanceof StoreError && e.message === `${file}: not a dossier database (the file is corrupt or of another kind)`);
});

test('store: a missing SQLite dossier is not created by a read', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'dossier-none-')), 'none.db');
  await assert.rejects(openStore(file), (e: unknown) => e instanceof StoreError && e.message.startsWith(`${file}: no dossier here yet`));
});

test('store: a PostgreSQL that is down is reported in one line', async () => {
  // port 9 (discard) on loopback: nothing listens there
  await assert.rejects(openStore('postgres://nobody:secret@127.0.0.1:9/none'), (e: unknown) =>
    e instanceof StoreError && e.message === 'postgres://nobody:***@127.0.0.1:9/none: PostgreSQL is not reachable (connection refused); is the server running?');
});
