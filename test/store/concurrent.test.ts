// PostgreSQL with more than one writer: a batch whose cross-document entity is merged away by another
// transaction while the batch is being written must not leave entities pointing at nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/index.js';
import { parsePostgresUrl } from '../../src/store/postgres.js';
import { scratchTarget } from './dialects.js';
import { analysis, entity, quote } from './fixtures.js';

const missing = process.env.DATABASE_URL ? null : 'DATABASE_URL is not set: start PostgreSQL with eval "$(scripts/pg-start.sh)"';
const A = 'Officials in Varna said the bridge was closed.';
const B = 'Traders in Varna said prices rose again.';

/** A test on a scratch PostgreSQL schema, with `other`, a second connection to it (the other writer);
 * `open` opens the store there (each one opened is closed at the end, if the test has not). */
function pgTest(name: string, body: (t: { schema: string; other: pg.Client; open: (create?: boolean) => Promise<Store> }) => Promise<void>): void {
  test(`${name} [postgres]`, { skip: missing && process.env.CI !== 'true' ? missing : false }, async () => {
    if (missing) throw new Error(`PostgreSQL tests need a server under CI: ${missing}`);
    const s = await scratchTarget('postgres');
    const { connectionString, schema } = parsePostgresUrl(s.target);
    const other = new pg.Client({ connectionString, options: `-c search_path=${schema}` });
    await other.connect();
    const opened: Store[] = [];
    try {
      await body({ schema: schema!, other, open: async (create = false) => {
        const store = await openStore(s.target, { create });
        opened.push(store);
        return store;
      } });
    } finally {
      await other.end();
      for (const store of opened) await store.close().catch(() => {});
      await s.cleanup();
    }
  });
}

/** `n` documents from number `from` on, each a sentence of a hundred words of its own. */
const wordy = (from: number, n: number) => Array.from({ length: n }, (_, i) => {
  const text = `Officials listed ${Array.from({ length: 100 }, (_, k) => `item${from + i}x${k}`).join(' ')}.`;
  return { source: `d${from + i}`, contentHash: `h${from + i}`, format: 'text', analysis: analysis(`d${from + i}`, text) };
});

/** `n` one-sentence documents from number `from` on. */
const convoys = (from: number, n: number) => Array.from({ length: n }, (_, i) => {
  const text = `Officials in Varna said convoy ${from + i} had crossed the bridge.`;
  return { source: `d${from + i}`, contentHash: `h${from + i}`, format: 'text', analysis: analysis(`d${from + i}`, text) };
});

pgTest('store: a cross-document entity deleted by another transaction meanwhile is not pointed at; the document is added again', async ({ other, open }) => {
  const store = await open(true);
  await store.addDocument({ source: 'a', contentHash: 'a', format: 'text', analysis: analysis('a', A, { entities: [entity('e1', 'Varna', 'PLACE', [], A)] }) });
  const [{ id: varna }] = (await other.query('select id from global_entities')).rows as { id: number }[];
  // another writer deletes Varna (as a merge does) and has not committed yet
  await other.query('begin');
  await other.query('delete from global_entities where id = $1', [varna]);
  const adding = store.addDocuments([{ source: 'b', contentHash: 'b', format: 'text', analysis: analysis('b', B, { entities: [entity('e1', 'Varna', 'PLACE', [], B)] }) }]);
  // the batch has found Varna's alias and waits for the lock on its row
  assert.equal(await blocks(other, '%for key share%'), true);
  await other.query('commit');
  const out = await adding;
  assert.deepEqual(out.map((o) => o.status), ['added']);
  // b's Varna is a new cross-document entity, and no entity row points at a missing one
  const rows = (await other.query('select e.document_id, e.global_id, g.id as found from entities e left join global_entities g on g.id = e.global_id order by e.document_id')).rows;
  assert.equal(rows.length, 2);
  assert.equal(rows[1].found, rows[1].global_id);
  assert.notEqual(rows[1].global_id, varna);
  assert.deepEqual((await store.listEntities()).map((e) => e.name), ['Varna']);
});

/** Does `client` come to block another backend whose statement is like `pattern` (polled for up to 2 s)? */
async function blocks(client: pg.Client, pattern: string): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    await client.query('select pg_stat_clear_snapshot()'); // else the view stays as this transaction first saw it
    if ((await client.query('select 1 from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid)) and query like $1', [pattern])).rowCount) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

const Q = 'Ana Brekke said the bridge was closed on Monday.';
const quoted = () => analysis('page', Q, { quotes: [quote('q1', Q, 'the bridge was closed on Monday', 'Ana Brekke', null)] });

pgTest('store: a rating given while an add supersedes its version waits for the add, then is refused; one given first is carried', async ({ other, open }) => {
  const store = await open(true);
  const v1 = await store.addDocument({ source: 'page', contentHash: 'v1', format: 'text', analysis: quoted() });
  const h = await store.addHypothesis('The bridge was closed');
  // an add of version 2 has marked version 1 as no longer latest (as write.ts does first) and not yet committed
  await other.query('begin');
  await other.query('update documents set latest = 0 where id = $1', [v1.id]);
  const rating = store.rate({ evidenceKind: 'quote', evidenceId: `${v1.id}:q1`, hypothesisId: h.id, rating: 'C' }).then(() => 'rated', (e: { code?: string; message: string }) => `${e.code}: ${e.message}`);
  assert.equal(await blocks(other, '%for share%'), true, 'the rating waits for the add');
  await other.query('commit');
  assert.equal(await rating, `NOT_FOUND: quote ${v1.id}:q1 (of a latest version) not found`);
  assert.deepEqual(await store.listRatings(), []);
  // the other order: a rating holds the version's row when the add comes; the add waits for it, then
  // carries it to version 2. The rating is given by the other connection with store.rate's statements
  // written out (store.rate's transaction cannot be held open from here), so this half tests the add's
  // order (latest cleared before ratings are carried), the first half store.rate's lock.
  await other.query('update documents set latest = 1 where id = $1', [v1.id]);
  await other.query('begin');
  assert.equal((await other.query(`select q.id from quotes q join documents d on d.id = q.document_id where q.document_id = $1 and q.local_id = 'q1' and d.latest = 1 for share of d`, [v1.id])).rowCount, 1);
  await other.query(`insert into ratings (evidence_kind, evidence_id, hypothesis_id, rating, weight, proposed) values ('quote', $1, $2, 'C', 1, 0)`, [`${v1.id}:q1`, h.id]);
  const adding = store.addDocument({ source: 'page', contentHash: 'v2', format: 'text', analysis: quoted() });
  assert.equal(await blocks(other, 'update%latest%'), true, 'the add waits for the rating');
  await other.query('commit');
  const v2 = await adding;
  assert.deepEqual(v2.status === 'new-version' && v2.ratings, { moved: 1, left: 0 });
  assert.deepEqual((await store.listRatings()).map((r) => [r.evidenceId, r.rating]), [[`${v2.id}:q1`, 'C']]);
});

pgTest('store: a bulk add into a fresh dossier has the look-up tables analysed as it passes 128 documents, so the planner knows a hash names one document', async ({ schema, other, open }) => {
  const analysed = async () => (await other.query(`select relname from pg_stat_user_tables where schemaname = $1 and last_analyze is not null order by relname`, [schema])).rows.map((r: { relname: string }) => r.relname);
  let store = await open(true);
  for (let n = 0; n < 120; n += 40) await store.addDocuments(convoys(n, 40));
  await store.close();
  assert.deepEqual(await analysed(), []);
  // counted per process: a new one starts again from nothing
  store = await open();
  for (let n = 120; n < 400; n += 40) await store.addDocuments(convoys(n, 40));
  await store.close(); // waits for the analysis under way
  assert.deepEqual(await analysed(), ['documents', 'global_aliases', 'global_entities']);
  // the planner now knows a hash or a source names a document or two, not a large share of them
  // (without statistics it took 64 + 64 values to match about two thirds of the table: a whole scan)
  const plan = (await other.query(`explain select id from documents where content_hash = any($1::text[]) or source = any($2::text[])`,
    [Array.from({ length: 64 }, (_, i) => `x${i}`), Array.from({ length: 64 }, (_, i) => `y${i}`)])).rows[0]['QUERY PLAN'] as string;
  assert.ok(Number(/rows=(\d+)/.exec(plan)![1]) <= 128, plan);
});

pgTest('store: an alias another writer adds meanwhile to a known entity makes the batch begin again, not fail or write it twice', async ({ other, open }) => {
  const store = await open(true);
  const T1 = 'The Northern Front Army held the pass.';
  const T2 = 'The Northern Front Army (NFA) left the pass, the NFA said.';
  await store.addDocument({ source: 'a', contentHash: 'a', format: 'text', analysis: analysis('a', T1, { entities: [entity('e1', 'Northern Front Army', 'ORG', [], T1)] }) });
  const [{ id: army }] = (await other.query('select id from global_entities')).rows as { id: number }[];
  // another writer's document has given the army its acronym, not yet committed
  await other.query('begin');
  await other.query(`insert into global_aliases (global_id, type, norm, alias) values ($1, 'ORG', 'nfa', 'NFA')`, [army]);
  const adding = store.addDocuments([{ source: 'b', contentHash: 'b', format: 'text', analysis: analysis('b', T2, { entities: [entity('e1', 'Northern Front Army', 'ORG', ['NFA'], T2)] }) }]);
  // the batch, not having seen it, adds the same alias and waits on the key
  assert.equal(await blocks(other, 'copy%'), true);
  await other.query('commit');
  assert.deepEqual((await adding).map((o) => o.status), ['added']);
  assert.deepEqual((await other.query('select global_id, norm from global_aliases order by norm')).rows.map((r: { global_id: number; norm: string }) => [r.global_id, r.norm]),
    [[army, 'nfa'], [army, 'northern front army']]);
  assert.deepEqual((await other.query('select distinct global_id from entities')).rows, [{ global_id: army }]);
});

pgTest('store: the search index\'s pending list is merged on another connection as the writer passes 256 documents', async ({ schema, other, open }) => {
  // pages the pending list held, emptied by asking
  const pending = async () => Number((await other.query(`select gin_clean_pending_list('documents_search'::regclass) as n`)).rows[0].n);
  let store = await open(true);
  // pages it holds, read without merging it (pgstattuple: the test server's role may create it; in this
  // dossier's schema unless the database has it already)
  let where = (await other.query(`select extnamespace::regnamespace::text as ns from pg_extension where extname = 'pgstattuple'`)).rows[0]?.ns;
  if (!where) {
    await other.query(`create extension pgstattuple schema "${schema}"`);
    where = `"${schema}"`;
  }
  const held = async () => Number((await other.query(`select pending_pages from ${where}.pgstatginindex('documents_search'::regclass)`)).rows[0].pending_pages);
  // a merge running on another connection
  const merging = async () => (await other.query(`select 1 from pg_stat_activity where pid <> pg_backend_pid() and state = 'active' and query like '%gin_clean_pending_list%'`)).rowCount! > 0;
  // (autovacuum would merge the list too, at any moment)
  await other.query('alter table documents set (autovacuum_enabled = false)');
  await store.addDocuments(convoys(0, 200));
  await store.close();
  assert.ok(await pending() > 0, 'under 256 documents, the list is left to grow');
  store = await open();
  // documents of a hundred words each no other has: a merge of their words takes long enough to be seen
  // under way (or still to come, the list not yet merged) by a check made as soon as settle returns
  await store.addDocuments(wordy(200, 200));
  await store.addDocuments(wordy(400, 100));
  await store.settle(); // waits for the merge under way, the store still open
  assert.equal(await merging(), false);
  assert.equal(await held(), 0);
  await store.close();
});

pgTest('store: an alias another writer is adding to an entity a batch merges away is moved with the others, not lost', async ({ other, open }) => {
  const store = await open(true);
  const T1 = 'The Northern Front held the pass.';
  const T2 = 'The Coast Army held the bay.';
  await store.addDocument({ source: 'a', contentHash: 'a', format: 'text', analysis: analysis('a', T1, { entities: [entity('e1', 'Northern Front', 'ORG', [], T1)] }) });
  await store.addDocument({ source: 'b', contentHash: 'b', format: 'text', analysis: analysis('b', T2, { entities: [entity('e1', 'Coast Army', 'ORG', [], T2)] }) });
  const ids = new Map((await other.query('select id, name from global_entities')).rows.map((r: { id: number; name: string }) => [r.name, r.id]));
  // another writer's document gives the Coast Army a new name, not yet committed
  await other.query('begin');
  await other.query(`insert into global_aliases (global_id, type, norm, alias) values ($1, 'ORG', 'coast guard army', 'Coast Guard Army')`, [ids.get('Coast Army')]);
  // a document bridging the two makes them one (the older survives)
  const T3 = 'The Northern Front, also called the Coast Army, left the pass.';
  const adding = store.addDocuments([{ source: 'c', contentHash: 'c', format: 'text', analysis: analysis('c', T3, { entities: [entity('e1', 'Northern Front', 'ORG', ['Coast Army'], T3)] }) }]);
  assert.equal(await blocks(other, '%for update%'), true, 'the merge waits for the other writer');
  await other.query('commit');
  assert.deepEqual((await adding).map((o) => o.status), ['added']);
  assert.deepEqual((await other.query('select global_id, norm from global_aliases order by norm')).rows.map((r: { global_id: number; norm: string }) => [r.global_id, r.norm]),
    [[ids.get('Northern Front'), 'coast army'], [ids.get('Northern Front'), 'coast guard army'], [ids.get('Northern Front'), 'northern front']]);
});
