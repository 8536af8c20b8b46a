import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judge } from '../../src/analysis/judgement.js';
import { actorGraph } from '../../src/export/graph.js';
import { toGexf } from '../../src/export/gexf.js';
import { toGraphml } from '../../src/export/graphml.js';
import { toStix, stixTime } from '../../src/export/stix.js';
import { toClaimReview } from '../../src/export/claimreview.js';
import { csvTable, toCsv } from '../../src/export/csv.js';
import { toJsonExport } from '../../src/export/json.js';
import { uuidv5 } from '../../src/export/uuid.js';
import { fixtureSnapshot } from '../analysis/fixtures.js';
import { find, parseXml } from './wellformed.js';

const NOW = '2024-05-01T12:00:00.000Z';

test('export: builds the actor network with co-occurrence, quote and weighted edges', () => {
  const g = actorGraph(fixtureSnapshot());
  const name = (id: string) => g.nodes.find((n) => n.id === id)!.label;
  const edges = g.edges.map((e) => `${e.kind} ${name(e.source)}${e.directed ? ' → ' : ' — '}${name(e.target)} ×${e.weight}`);
  assert.deepEqual(edges.sort(), [
    'cooccurrence Mira Dask — Southern Front ×1',
    'cooccurrence Northland Army — Coast Courier ×2',
    'cooccurrence Southern Front — Northland Army ×1',
    'cooccurrence Mira Dask — Northland Army ×1',
    'quote Mira Dask → Northland Army ×1',
  ].sort());
  assert.deepEqual(g.nodes.find((n) => n.label === 'Northland Army'), { id: 'n2', label: 'Northland Army', type: 'ORG', mentions: 3, documents: 2 });
});

test('export: GEXF 1.3 is well-formed with nodes, typed weighted edges and declared attributes', () => {
  const snap = fixtureSnapshot();
  snap.documents[0].entities[0].name = 'Mira "Red" Dask & <co>';
  const root = parseXml(toGexf(actorGraph(snap), { title: 'Orsk', date: NOW }));
  assert.equal(root.name, 'gexf');
  assert.equal(root.attrs.version, '1.3');
  assert.equal(root.attrs.xmlns, 'http://gexf.net/1.3');
  const nodes = find(root, 'node');
  assert.equal(nodes.length, 5);
  assert.equal(nodes[0].attrs.label, 'Mira &quot;Red&quot; Dask &amp; &lt;co&gt;');
  const edges = find(root, 'edge');
  assert.equal(edges.length, 5);
  assert.ok(edges.every((e) => ['directed', 'undirected'].includes(e.attrs.type) && Number(e.attrs.weight) >= 1));
  const ids = new Set(nodes.map((n) => n.attrs.id));
  assert.ok(edges.every((e) => ids.has(e.attrs.source) && ids.has(e.attrs.target)));
});

test('export: GraphML is well-formed, declares its keys and marks undirected edges', () => {
  const root = parseXml(toGraphml(actorGraph(fixtureSnapshot())));
  assert.equal(root.name, 'graphml');
  assert.deepEqual(find(root, 'key').map((k) => k.attrs.id), ['label', 'type', 'mentions', 'documents', 'kind', 'weight']);
  const edges = find(root, 'edge');
  assert.equal(edges.filter((e) => e.attrs.directed === 'false').length, 4);
  assert.equal(find(root, 'graph')[0].attrs.edgedefault, 'directed');
});

test('export: UUIDv5 matches the RFC 9562 example and is stable', () => {
  // RFC 9562 appendix A.4: DNS namespace, "www.example.com"
  assert.equal(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
  assert.equal(uuidv5('identity|coast courier'), uuidv5('identity|coast courier'));
});

test('export: the STIX 2.1 bundle has valid ids, the required properties and resolvable references', () => {
  const snap = fixtureSnapshot();
  const b = toStix(snap, judge(snap, { proposals: false }), NOW);
  assert.equal(b.type, 'bundle');
  assert.match(b.id, /^bundle--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const ids = new Set(b.objects.map((o) => o.id));
  assert.equal(ids.size, b.objects.length);
  const required: Record<string, string[]> = {
    identity: ['name'], report: ['name', 'published', 'object_refs'], relationship: ['relationship_type', 'source_ref', 'target_ref'],
    note: ['content', 'object_refs'], opinion: ['opinion', 'object_refs'],
  };
  for (const o of b.objects) {
    assert.match(o.id, new RegExp(`^${o.type}--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`));
    assert.equal(o.spec_version, '2.1');
    assert.equal(o.created, NOW);
    assert.equal(o.modified, NOW);
    for (const p of required[o.type] ?? []) assert.ok(o[p] !== undefined, `${o.type} lacks ${p}`);
    for (const p of ['object_refs', 'source_ref', 'target_ref', 'created_by_ref']) {
      const refs = ([] as unknown[]).concat(o[p] ?? []);
      for (const r of refs) assert.ok(ids.has(r as string), `${o.id} ${p} → ${r} is not in the bundle`);
    }
    // property names: a-z, 0-9 and _, 3-250 characters (the core property id is the one exception)
    for (const k of Object.keys(o)) if (k !== 'id') assert.match(k, /^[a-z0-9_]{3,250}$/);
  }
  const count = (t: string) => b.objects.filter((o) => o.type === t).length;
  assert.deepEqual([count('report'), count('opinion'), count('relationship')], [2, 4, 1]);
  const opinions = b.objects.filter((o) => o.type === 'opinion').map((o) => o.opinion);
  assert.deepEqual(opinions, ['strongly-agree', 'strongly-disagree', 'disagree', 'agree']);
  const grade = b.objects.find((o) => o.type === 'note' && o.abstract === 'Reliability B')!;
  assert.equal(grade.x_dossier_reliability, 'B');
  assert.equal(b.objects.find((o) => o.type === 'report')!.published, '2024-03-01T00:00:00.000Z');
});

test('export: STIX timestamps widen partial dates to midnight UTC', () => {
  assert.deepEqual([stixTime('2015', NOW), stixTime('2015-05', NOW), stixTime(null, NOW), stixTime('garbage', NOW)], [
    '2015-01-01T00:00:00.000Z', '2015-05-01T00:00:00.000Z', NOW, NOW,
  ]);
});

test('export: ClaimReview JSON-LD maps credibility 2 to rating 4 of 5 with the claim and its appearances', () => {
  const snap = fixtureSnapshot();
  const out = toClaimReview(snap, judge(snap, { proposals: false }), NOW) as { '@context': string; '@graph': Record<string, any>[] };
  assert.equal(out['@context'], 'https://schema.org');
  assert.equal(out['@graph'].length, 1);
  const r = out['@graph'][0];
  assert.equal(r['@type'], 'ClaimReview');
  assert.equal(r.claimReviewed, 'the Northland Army left Orsk in 2019');
  assert.deepEqual(r.reviewRating, {
    '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1, alternateName: 'Probably true (Admiralty 2)', ratingExplanation: 'single origin Coast Courier graded B',
  });
  assert.equal(r.itemReviewed['@type'], 'Claim');
  assert.deepEqual(r.itemReviewed.appearance.map((a: any) => a.url), ['https://example.org/1', 'https://example.org/2']);
});

test('export: CSV quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
  assert.equal(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', null, 3, true]]), 'a,"b,c","say ""hi""","two\nlines",,3,true\r\n');
});

test('export: the claims CSV lists each claim with its origins and credibility', () => {
  const snap = fixtureSnapshot();
  assert.equal(
    csvTable('claims', snap, judge(snap, { proposals: false })),
    'claim_id,text,statements,origins,origin_count,reliability,credibility,credibility_set_by,interested_origins\r\n' +
      'k1,the Northland Army left Orsk in 2019,3,Coast Courier,1,B,2,proposal,\r\n',
  );
});

test('export: the JSON export carries documents, decisions and the scored matrix', () => {
  const snap = fixtureSnapshot();
  const j = toJsonExport(snap, judge(snap, { proposals: false }), NOW) as Record<string, any>;
  assert.equal(j.schema, 'dossier.export/1');
  assert.equal(j.documents.length, 2);
  assert.deepEqual(j.judgement.ach.hypotheses.map((h: any) => h.id), ['1', '2']);
  assert.doesNotThrow(() => JSON.parse(JSON.stringify(j)));
});
