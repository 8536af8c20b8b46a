// The workbench's view of the store, run on SQLite and PostgreSQL with the same assertions.
import assert from 'node:assert/strict';
import { dialectTest } from '../store/dialects.js';
import { StoreWorkbench } from '../../src/server/store.js';
import type { Store } from '../../src/store/index.js';
import { fixtureAnalyses } from './fixtures.js';

async function fill(store: Store): Promise<StoreWorkbench> {
  for (const [i, a] of fixtureAnalyses().entries()) await store.addDocument({ source: a.source, contentHash: `fixture-${i}`, format: 'text', analysis: a });
  return new StoreWorkbench(store);
}

dialectTest('store view: pages documents with their counts', async (store) => {
  const view = await fill(store);
  const page = await view.listDocuments(0, 1);
  assert.equal(page.total, 2);
  assert.deepEqual(page.items.map((d) => [d.title, d.quoteCount, d.eventCount, d.commentCount, d.words]), [['Bridge at Varno', 1, 1, 2, 38]]);
  assert.deepEqual((await view.listDocuments(1, 5)).items.map((d) => d.title), ['Guard denies bridge account']);
});

dialectTest('store view: the reader gets one global id for an entity seen in two documents', async (store) => {
  const view = await fill(store);
  const [a, b] = (await view.listDocuments(0, 2)).items;
  const guardIn = async (id: string) => (await view.getDocument(id)).entities.find((e) => e.name === 'Northern Guard')!.globalId;
  assert.equal(await guardIn(a.id), await guardIn(b.id));
  await assert.rejects(view.getDocument('999'), { code: 'NOT_FOUND' });
});

dialectTest('store view: entities ranked by documents, with mentions, quotes and neighbours', async (store) => {
  const view = await fill(store);
  const entities = await view.listEntities(0, 10);
  const guard = entities.items[0];
  assert.deepEqual([guard.name, guard.documents, guard.mentions], ['Northern Guard', 2, 4]);
  const veld = entities.items.find((e) => e.name === 'Tomas Veld')!;
  const detail = await view.getEntity(veld.id);
  assert.deepEqual(detail.quotesBy.map((q) => q.content), ['"The bridge was defended by the Northern Guard,"']);
  assert.deepEqual(detail.mentionList.map((m) => [m.before.slice(-6), m.text, m.after.slice(0, 4)]), [[' said ', 'Tomas Veld', ', a ']]);
  assert.ok(detail.neighbours.some((n) => n.name === 'Northern Guard'));
  assert.deepEqual((await view.listEntities(0, 10, 'brekk')).items.map((e) => e.name), ['Ana Brekke']);
});

dialectTest('store view: entities are those of the latest versions, as the CLI lists them', async (store) => {
  const view = await fill(store);
  const [a] = fixtureAnalyses();
  const brekkeId = (await view.listEntities(0, 10, 'brekk')).items[0].id;
  // the page is fetched again and no longer names the colonel: version 2 keeps the rest
  const v2 = await store.addDocument({ source: a.source, contentHash: 'fixture-0-v2', format: 'text',
    analysis: { ...a, entities: a.entities.filter((e) => e.name !== 'Ana Brekke'), quotes: [] } });
  assert.equal(v2.status, 'new-version');
  const entities = await view.listEntities(0, 10);
  assert.deepEqual(entities.items.map((e) => [e.name, e.documents, e.mentions]),
    [['Northern Guard', 2, 4], ['Harbour Courier', 2, 2], ['Varno', 1, 2], ['Tomas Veld', 1, 1]]);
  assert.equal(entities.total, 4);
  assert.deepEqual((await view.listEntities(0, 10, 'brekk')).items, []);
  const gone = await view.getEntity(brekkeId);
  assert.deepEqual([gone.name, gone.documents, gone.mentions, gone.mentionList.length], ['Ana Brekke', 0, 0, 0]);
  // the sources and the network count the latest versions too: the colonel's quote, relayed by the
  // Courier, is gone; the Guard and the Courier share two documents, not three; the shelling is one event
  assert.deepEqual((await view.listSources(0, 50)).items.filter((x) => x.kind !== 'publisher').map((x) => [x.kind, x.name, x.items]), [['speaker', 'Tomas Veld', 1]]);
  const net = await view.network(10);
  const name = new Map(net.nodes.map((n) => [n.id, n.name]));
  const edges = net.edges.map((e) => `${e.kind} ${name.get(e.source)} > ${name.get(e.target)} ${e.weight}`).sort();
  assert.deepEqual(edges, ['cooccurrence Harbour Courier > Tomas Veld 1', 'cooccurrence Northern Guard > Harbour Courier 2', 'cooccurrence Northern Guard > Tomas Veld 1',
    'cooccurrence Northern Guard > Varno 1', 'cooccurrence Varno > Harbour Courier 1', 'event Northern Guard > Varno 1', 'quote Tomas Veld > Northern Guard 1']);
  assert.deepEqual(net.nodes.map((n) => [n.name, n.weight]), [['Northern Guard', 2], ['Harbour Courier', 2], ['Varno', 1], ['Tomas Veld', 1]]);
  // version 3 names her again, as "Brekke" only: the names of older versions are not hers any more
  const brekke = a.entities.find((e) => e.name === 'Ana Brekke')!;
  await store.addDocument({ source: a.source, contentHash: 'fixture-0-v3', format: 'text',
    analysis: { ...a, entities: a.entities.map((e) => (e === brekke ? { ...e, aliases: ['Brekke'] } : e)), quotes: [] } });
  assert.deepEqual((await view.listEntities(0, 10, 'brekk')).items.map((e) => [e.id, e.aliases]), [[brekkeId, ['Brekke']]]);
  assert.deepEqual((await view.listEntities(0, 10, 'colonel')).items, []);
});

dialectTest('store view: grades a source and rates a quote against a hypothesis', async (store) => {
  const view = await fill(store);
  const sources = await view.listSources(0, 50);
  const brekke = sources.items.find((s) => s.kind === 'speaker' && s.name === 'Ana Brekke')!;
  assert.equal(brekke.items, 1);
  await view.gradeSource(brekke.id, 'A', 'Eyewitness');
  assert.equal((await view.listSources(0, 50)).items.find((s) => s.id === brekke.id)!.reliability, 'A');
  const h1 = await view.addHypothesis('The bridge was abandoned');
  const h2 = await view.addHypothesis('The bridge was defended');
  const m0 = await view.ach();
  const quote = m0.evidence.find((e) => e.source === 'Brekke')!;
  await view.rate(quote.id, h1.id, 'C');
  await view.rate(quote.id, h2.id, 'II');
  const m = await view.ach();
  assert.deepEqual(m.scores.map((s) => [s.inconsistency, s.rank]), [[0, 1], [0.5, 2]]);
  await view.rate(quote.id, h2.id, null);
  assert.deepEqual((await view.ach()).cells.length, 1);
  await assert.rejects(view.rate('quote:1:q99', h1.id, 'C'), { code: 'NOT_FOUND' });
});

dialectTest('store view: a source is one row however its name is capitalised or led by "the", and a grade given to any spelling of it is its grade', async (store) => {
  const view = await fill(store);
  const outlets = async () => (await view.listSources(0, 50)).items.filter((x) => x.kind === 'outlet').map((x) => [x.name, x.items, x.reliability]);
  assert.deepEqual(await outlets(), [['the Harbour Courier', 1, null]]);
  // graded from the command line under another spelling
  await store.gradeSource({ name: 'Harbour Courier', kind: 'outlet', reliability: 'B', reason: null });
  assert.deepEqual(await outlets(), [['the Harbour Courier', 1, 'B']]);
  // graded again in the workbench: the same grade changes, no second one is made
  await view.gradeSource('outlet:the Harbour Courier', 'C', null);
  assert.deepEqual(await outlets(), [['the Harbour Courier', 1, 'C']]);
  assert.deepEqual((await store.listSources()).filter((g) => g.kind === 'outlet').map((g) => [g.name, g.reliability]), [['Harbour Courier', 'C']]);
});

dialectTest('store view: the matrix proposes ratings for the cells the analyst left empty, as the report does; a rating given replaces the proposal', async (store) => {
  const view = await fill(store);
  const h = await view.addHypothesis('There was fighting at the bridge');
  const quote = (await view.ach()).evidence.find((e) => e.source === 'Brekke')!;
  const cellOf = async () => (await view.ach()).cells.filter((c) => c.evidenceId === quote.id).map((c) => [c.rating, c.proposed]);
  // "We saw no fighting at the bridge" denies what the hypothesis asserts
  assert.deepEqual(await cellOf(), [['I', true]]);
  // (one hypothesis: nothing is diagnostic, but it has been weighed)
  assert.deepEqual((await view.ach()).scores.map((x) => [x.inconsistency, x.rated]), [[0, true]]);
  await view.rate(quote.id, h.id, 'C');
  assert.deepEqual(await cellOf(), [['C', false]]);
});

dialectTest('store view: a quote of an older version cannot be rated, only cleared; its new version carries the rating', async (store) => {
  const view = await fill(store);
  const [a] = fixtureAnalyses();
  const h = await view.addHypothesis('The bridge was abandoned');
  const quote = (await view.ach()).evidence.find((e) => e.source === 'Brekke')!;
  await view.rate(quote.id, h.id, 'C');
  // the page is fetched again, changed: version 2, and the rating goes along
  const v2 = await store.addDocument({ source: a.source, contentHash: 'fixture-0-v2', format: 'text', analysis: { ...a, document: { ...a.document, title: 'Bridge at Varno (updated)' } } });
  assert.deepEqual(v2.status === 'new-version' && v2.ratings, { moved: 1, left: 0 });
  const [, doc, local] = quote.id.split(':');
  assert.equal(v2.status === 'new-version' && v2.previousId, Number(doc));
  await assert.rejects(view.rate(quote.id, h.id, 'II'), { code: 'NOT_FOUND', message: /of a latest version/ });
  const now = (await view.ach()).cells.map((c) => [c.evidenceId, c.rating]);
  assert.deepEqual(now, [[`quote:${v2.id}:${local}`, 'C']]);
  // the store refuses it too; a rating left on the old version (one no quote of the new version took) can still be cleared
  await assert.rejects(store.rate({ evidenceKind: 'quote', evidenceId: `${doc}:${local}`, hypothesisId: Number(h.id), rating: 'I' }), { code: 'NOT_FOUND', message: /of a latest version/ });
  await store.db.insertInto('ratings').values({ evidence_kind: 'quote', evidence_id: `${doc}:${local}`, hypothesis_id: Number(h.id), rating: 'I', weight: 1, proposed: 0, note: null }).execute();
  await view.rate(quote.id, h.id, null);
  assert.deepEqual((await store.listRatings()).map((r) => r.evidenceId), [`${v2.id}:${local}`]);
  await view.rate(`quote:${v2.id}:${local}`, h.id, null);
  assert.deepEqual((await view.ach()).cells, []);
});

dialectTest('store view: timeline names the actors, network links them, search finds text', async (store) => {
  const view = await fill(store);
  const t = await view.timeline(null, null, 10);
  assert.deepEqual(t.items.map((e) => [e.date, e.cameo, e.actors]), [['2024-03-03', '195', ['Northern Guard', 'Varno']]]);
  assert.equal((await view.timeline('2024-04', null, 10)).total, 0);
  const net = await view.network(10);
  const name = new Map(net.nodes.map((n) => [n.id, n.name]));
  assert.ok(net.edges.some((e) => e.kind === 'event' && name.get(e.source) === 'Northern Guard' && name.get(e.target) === 'Varno'));
  assert.ok(net.edges.some((e) => e.kind === 'quote' && name.get(e.source) === 'Tomas Veld' && name.get(e.target) === 'Northern Guard'));
  const hits = await view.search('defended', 0, 10);
  assert.deepEqual(hits.items.map((h) => h.title), ['Guard denies bridge account']);
});
