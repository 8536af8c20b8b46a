import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { openStore, type Store } from '../../src/store/index.js';
import { AnalysisPool, analyzeBytes, defaultWorkers } from '../../src/cli/add-pool.js';
import { addInputs, WRITE_BATCH } from '../../src/cli/add.js';
import { dialectTestRaw } from '../store/dialects.js';
import { escapeRegExp } from '../../src/analysis/text.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = join(ROOT, 'bin', 'dossier');

function dossier(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env, DOSSIER_DB: '', DATABASE_URL: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'dossier-add-'));
}

/** A plain-text article written for these tests (fictional places and people). */
function article(n: number, extra = ''): string {
  return `Harbour report number ${n}\n\nThe ferry from Lindholm to Brask carried ${n} passengers on its morning run. ` +
    `The harbour master of Brask counted ${n * 3} crates of barley on the quay. ${extra}\n`;
}

/** Every stored document is whole: its rows are those of its source file's analysis, and it is read back as that analysis. */
async function assertWhole(store: Store): Promise<number> {
  const docs = await store.db.selectFrom('documents').select(['id', 'source', 'content_hash']).execute();
  for (const d of docs) {
    const bytes = readFileSync(d.source);
    const want = analyzeBytes(d.source, bytes);
    if ('error' in want) throw new Error(want.error);
    const a = want.analysis;
    const count = async (table: 'entities' | 'quotes' | 'events' | 'comments') =>
      Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('document_id', '=', d.id).executeTakeFirstOrThrow()).n);
    assert.deepEqual(
      [await count('entities'), await count('quotes'), await count('events'), await count('comments')],
      [a.entities.length, a.quotes.length, a.events.length, a.comments.length],
      `document ${d.id} is half-written`,
    );
    assert.deepEqual(JSON.parse(JSON.stringify((await store.getDocument(d.id)).analysis)), JSON.parse(JSON.stringify(a)), `document ${d.id} reads back otherwise`);
  }
  if (store.dialect.name === 'sqlite') {
    const fts = await sql<{ n: number }>`select count(*) as n from documents_fts`.execute(store.db);
    assert.equal(Number(fts.rows[0].n), docs.length);
  }
  return docs.length;
}

dialectTestRaw('add: adds a directory recursively, skips what is stored, keeps old versions of changed files', async (s) => {
  const dir = tmp();
  try {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.txt'), article(1));
    writeFileSync(join(dir, 'sub', 'b.md'), article(2));
    writeFileSync(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0, 5, 6, 0, 0, 0]));
    const first = dossier(['add', dir, join(dir, 'missing.txt'), '--db', s.target, '--jobs', '0']);
    assert.equal(first.status, 1);
    const errors = first.stderr.split('\n').filter((l) => l.startsWith('dossier: ') && !l.startsWith('dossier: added'));
    assert.equal(errors.length, 2);
    assert.ok(errors.some((l) => l.startsWith(`dossier: ${join(dir, 'missing.txt')}: no such file`)), first.stderr);
    assert.ok(errors.some((l) => l.startsWith(`dossier: ${join(dir, 'broken.txt')}: `)), first.stderr);
    assert.match(first.stderr, /added 2, new versions 0, skipped 0 already stored, failed 2/);

    const again = dossier(['add', dir, '--db', s.target, '--jobs', '0']);
    assert.match(again.stderr, /added 0, new versions 0, skipped 2 already stored, failed 1/);

    writeFileSync(join(dir, 'a.txt'), article(1, 'A second ferry was added in the afternoon.'));
    const changed = dossier(['add', join(dir, 'a.txt'), '--db', s.target, '--jobs', '1', '--json']);
    assert.equal(changed.status, 0, changed.stderr);
    assert.deepEqual(JSON.parse(changed.stdout).map((r: { status: string; version: number }) => [r.status, r.version]), [['new-version', 2]]);

    const list = JSON.parse(dossier(['list', '--all', '--json', '--db', s.target]).stdout);
    assert.deepEqual(list.map((d: { source: string; version: number; latest: boolean }) => [d.source, d.version, d.latest]), [
      [join(dir, 'a.txt'), 1, false],
      [join(dir, 'sub', 'b.md'), 1, true],
      [join(dir, 'a.txt'), 2, true],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

dialectTestRaw('add: a SIGKILL mid-batch keeps every finished document whole and a re-run completes the rest', async (s) => {
  const dir = tmp();
  const total = 3 * WRITE_BATCH; // three batches: the kill lands with some written and some not
  try {
    for (let i = 0; i < total; i++) writeFileSync(join(dir, `doc${String(i).padStart(3, '0')}.txt`), article(i, 'The crates were loaded onto carts. '.repeat(40)));
    const child = spawn(process.execPath, [BIN, 'add', dir, '--db', s.target, '--jobs', '1'], { stdio: 'ignore', env: { ...process.env, DOSSIER_DB: '', DATABASE_URL: '' } });
    const exited = new Promise((res) => child.on('exit', res));
    // wait until some documents are in, then kill without warning
    let stored = 0;
    for (let tries = 0; tries < 600 && stored < 3; tries++) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        const store = await openStore(s.target);
        try {
          stored = (await store.listDocuments()).length;
        } finally {
          await store.close();
        }
      } catch {
        // the dossier is not created yet
      }
    }
    child.kill('SIGKILL');
    await exited;
    assert.ok(stored >= 3, 'the add never stored a document');

    let store = await openStore(s.target);
    try {
      const afterKill = await assertWhole(store);
      assert.ok(afterKill >= 3 && afterKill < total, `expected a partial batch, found ${afterKill} of ${total}`);
    } finally {
      await store.close();
    }
    const rerun = dossier(['add', dir, '--db', s.target, '--jobs', '1']);
    assert.equal(rerun.status, 0, rerun.stderr);
    store = await openStore(s.target);
    try {
      assert.equal(await assertWhole(store), total);
      const sources = (await store.listDocuments({ allVersions: true })).map((d) => d.source);
      assert.equal(new Set(sources).size, total);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('add: analysing in the main thread, the writer is heard between documents (its database replies do not wait for the batch after)', async () => {
  const dir = tmp();
  const files: string[] = [];
  for (let i = 0; i < 3 * WRITE_BATCH; i++) {
    const f = join(dir, `doc${String(i).padStart(3, '0')}.txt`);
    writeFileSync(f, article(i));
    files.push(f);
  }
  let analysed = 0;
  const analyze = AnalysisPool.prototype.analyze;
  AnalysisPool.prototype.analyze = function (this: AnalysisPool, name: string, bytes: Uint8Array) {
    analysed++;
    return analyze.call(this, name, bytes);
  };
  const seenAtWrite: number[] = [];
  let id = 0;
  // a store whose write waits for a reply, as a database server's does
  const store = {
    knownHashes: async () => new Set<string>(),
    findByHash: async () => undefined,
    addDocuments: async (docs: unknown[]) => {
      await new Promise((r) => setTimeout(r, 0));
      seenAtWrite.push(analysed);
      return docs.map(() => ({ status: 'added' as const, id: ++id, version: 1 }));
    },
  } as unknown as Store;
  try {
    const results = await addInputs(store, files, { jobs: 0 });
    assert.equal(results.length, 3 * WRITE_BATCH);
    // the first batch's reply came while the second batch was being analysed, not once two batches were waiting
    assert.equal(seenAtWrite.length, 3);
    assert.ok(seenAtWrite[0] < WRITE_BATCH + 8, `the first write finished after ${seenAtWrite[0]} documents were analysed`);
  } finally {
    AnalysisPool.prototype.analyze = analyze;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('add and analyze: workers by default only for enough inputs to repay starting them', () => {
  assert.deepEqual([1, 20, 1599, 1600, 5000].map((n) => defaultWorkers(n, 2)), [0, 0, 0, 2, 2]);
  assert.deepEqual([1066, 1067].map((n) => defaultWorkers(n, 4)), [0, 4]);
  assert.deepEqual([914, 915].map((n) => defaultWorkers(n, 8)), [0, 8]);
  assert.equal(defaultWorkers(100_000, 1), 0);
});

test('add: documents are written in full batches as they are analysed, the rest in one last batch, in input order', async () => {
  const dir = tmp();
  const store = await openStore(join(dir, 'd.db'), { create: true });
  try {
    const files: string[] = [];
    for (let i = 0; i < WRITE_BATCH + 5; i++) {
      const f = join(dir, `doc${String(i).padStart(3, '0')}.txt`);
      writeFileSync(f, article(i));
      files.push(f);
    }
    const batches: string[][] = [];
    const add = store.addDocuments.bind(store);
    store.addDocuments = async (docs) => {
      batches.push(docs.map((d) => d.source));
      return add(docs);
    };
    const results = await addInputs(store, files, { jobs: 0 });
    assert.deepEqual(batches.map((b) => b.length), [WRITE_BATCH, 5]);
    assert.deepEqual(batches.flat(), files);
    assert.equal(results.filter((r) => r.status === 'added').length, WRITE_BATCH + 5);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

dialectTestRaw('add: claims --json groups one statement made by two documents', async (s) => {
  const dir = tmp();
  try {
    writeFileSync(join(dir, 'one.txt'), 'Ferry news\n\nThe harbour of Brask opened a second pier in 2020. Children painted the old lighthouse.\n');
    writeFileSync(join(dir, 'two.txt'), 'Coast diary\n\nA new school opened near the market. In 2020 Brask harbour opened its second pier.\n');
    assert.equal(dossier(['add', dir, '--db', s.target, '--jobs', '0']).status, 0);
    const r = dossier(['claims', '--json', '--db', s.target]);
    assert.equal(r.status, 0, r.stderr);
    const claims = JSON.parse(r.stdout);
    assert.equal(claims.length, 1);
    assert.deepEqual(claims[0].members.map((m: { sentence: string; document: string }) => [m.sentence, m.document]), [
      ['The harbour of Brask opened a second pier in 2020.', join(dir, 'one.txt')],
      ['In 2020 Brask harbour opened its second pier.', join(dir, 'two.txt')],
    ]);
    assert.deepEqual(claims[0].origins.map((o: { kind: string }) => o.kind), ['document', 'document']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

dialectTestRaw('add: a claim group renamed by a new version of its first document keeps its rating and credibility', async (s) => {
  const dir = tmp();
  try {
    const one = join(dir, 'one.txt');
    writeFileSync(one, 'Ferry news\n\nThe harbour of Brask opened a second pier in 2020. Children painted the old lighthouse.\n');
    writeFileSync(join(dir, 'two.txt'), 'Coast diary\n\nA new school opened near the market. In 2020 Brask harbour opened its second pier.\n');
    assert.equal(dossier(['add', dir, '--db', s.target, '--jobs', '0']).status, 0);
    const groupIds = () => JSON.parse(dossier(['claims', '--json', '--db', s.target]).stdout).map((g: { id: string }) => g.id);
    const [before] = groupIds();
    assert.equal(dossier(['hypothesis', 'add', 'Brask harbour grew', '--db', s.target]).status, 0);
    assert.equal(dossier(['rate', before, 'H1', 'CC', '--db', s.target]).status, 0);
    assert.equal(dossier(['credibility', before, '2', '--reason', 'two harbour logs', '--db', s.target]).status, 0);
    // the first document changes: its new version comes after the second, whose statement now opens the group
    writeFileSync(one, 'Ferry news\n\nUpdated with the ferry times. The harbour of Brask opened a second pier in 2020. Children painted the old lighthouse.\n');
    assert.equal(dossier(['add', one, '--db', s.target, '--jobs', '0']).status, 0);
    const regrouped = dossier(['claims', '--json', '--db', s.target]);
    assert.equal(regrouped.stderr, 'dossier: 2 ratings or credibility moved to claim groups renamed by new versions\n');
    const after = groupIds();
    assert.equal(after.length, 1);
    assert.notEqual(after[0], before);
    const store = await openStore(s.target);
    try {
      assert.deepEqual((await store.listRatings()).map((r) => [r.evidenceKind, r.evidenceId, r.rating]), [['claim', after[0], 'CC']]);
      assert.deepEqual(await store.listCredibility(), [{ claimGroupId: after[0], credibility: 2, reason: 'two harbour logs' }]);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('add: a changed page takes the ratings of its quotes into its new version, and says so', () => {
  const dir = tmp();
  try {
    const db = join(dir, 'd.db');
    const file = join(dir, 'harbour.txt');
    const body = '"The bridge will stay closed until the inspection," said Lena Voss, the harbour master of Brask. ' +
      'Ivo Marr said the ferry would run twice a day.\n';
    writeFileSync(file, `Harbour notes\n\n${body}`);
    assert.equal(dossier(['add', file, '--db', db, '--jobs', '0']).status, 0);
    assert.equal(dossier(['hypothesis', 'add', 'The bridge reopens this week', '--db', db]).status, 0);
    const quoteIds = () => {
      const d = new Database(db, { readonly: true });
      try {
        return d.prepare("select q.document_id || ':' || q.local_id as id, q.content from quotes q join documents d on d.id = q.document_id where d.latest = 1 order by q.start").all() as { id: string; content: string }[];
      } finally {
        d.close();
      }
    };
    const bridge = quoteIds().find((q) => q.content.includes('bridge'))!;
    assert.equal(dossier(['rate', bridge.id, 'H1', 'II', '--db', db]).status, 0);
    // the page changes: a line in front moves every offset
    writeFileSync(file, `Harbour notes\n\nUpdated on Tuesday with the ferry times.\n\n${body}`);
    const r = dossier(['add', file, '--db', db, '--jobs', '0']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`dossier: ${escapeRegExp(file)} is now version 2: 1 rating moved to its quotes\n`));
    const now = quoteIds().find((q) => q.content.includes('bridge'))!;
    assert.notEqual(now.id, bridge.id);
    const ach = JSON.parse(dossier(['ach', '--json', '--no-proposals', '--db', db]).stdout);
    assert.deepEqual(ach.cells.map((c: { evidenceId: string; rating: string }) => [c.evidenceId, c.rating]), [[now.id, 'II']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a rating no new version took, and a credibility override, are listed as not counted and cleared from the CLI', () => {
  const dir = tmp();
  try {
    const db = join(dir, 'd.db');
    const file = join(dir, 'ferry.txt');
    writeFileSync(file, 'Ferry notes\n\n"The ferry will not sail before the storm has passed," said Ivo Marr, the pilot of Brask.\n');
    // the same statement elsewhere, so the two make a claim group
    writeFileSync(join(dir, 'radio.txt'), 'Harbour radio\n\nThe ferry will not sail before the storm has passed, the pilot Ivo Marr told the Brask Herald.\n');
    assert.equal(dossier(['add', file, join(dir, 'radio.txt'), '--db', db, '--jobs', '0']).status, 0);
    assert.equal(dossier(['hypothesis', 'add', 'The ferry sails this week', '--db', db]).status, 0);
    const ach0 = JSON.parse(dossier(['ach', '--json', '--db', db]).stdout);
    assert.deepEqual(ach0.notCounted, { ratings: [], overrides: [] });
    const claims = JSON.parse(dossier(['claims', '--json', '--db', db]).stdout) as { id: string }[];
    assert.equal(claims.length, 1);
    const claim = claims[0].id;
    const d = new Database(db, { readonly: true });
    const quote = (d.prepare("select q.document_id || ':' || q.local_id as id from quotes q join documents d on d.id = q.document_id where d.source = ?").get(file) as { id: string }).id;
    d.close();
    assert.equal(dossier(['rate', quote, 'H1', 'I', '--db', db]).stdout, `${quote} × H1: I\n`);
    assert.equal(dossier(['credibility', claim, '2', '--db', db]).status, 0);
    // the page changes and the pilot's words are gone: the rating stays with version 1, the group has no successor
    writeFileSync(file, 'Ferry notes\n\nThe harbour office said the ferry timetable would be published on Monday.\n');
    const r = dossier(['add', file, '--db', db, '--jobs', '0']);
    assert.match(r.stderr, /is now version 2: 0 ratings moved to its quotes; 1 rating stays with earlier versions/);
    const achRun = dossier(['ach', '--no-proposals', '--db', db]);
    assert.equal(achRun.stderr, 'dossier: 1 rating or credibility now names a claim group no longer found (its statements changed or are gone); dossier ach lists them, with how to clear them\n');
    const text = achRun.stdout;
    assert.match(text, new RegExp(`\nNot counted: 1 rating and 1 credibility override of evidence no longer in the dossier .*:\n` +
      `  ${escapeRegExp(quote)} × H1: I  \\(clear: dossier rate ${escapeRegExp(quote)} H1 --clear --db ${escapeRegExp(db)}\\)\n` +
      `  ${claim} credibility 2  \\(clear: dossier credibility ${claim} --clear --db ${escapeRegExp(db)}\\)\n$`));
    assert.equal(dossier(['rate', quote, 'H1', '--clear', '--db', db]).stdout, `${quote} × H1: cleared\n`);
    assert.equal(dossier(['credibility', claim, '--clear', '--db', db]).stdout, `${claim}: credibility override cleared\n`);
    assert.deepEqual(JSON.parse(dossier(['ach', '--json', '--db', db]).stdout).notCounted, { ratings: [], overrides: [] });
    assert.doesNotMatch(dossier(['ach', '--db', db]).stdout, /Not counted/);
    // nothing left to clear, or a rating and --clear together, or neither: one line each
    const again = dossier(['rate', quote, 'H1', '--clear', '--db', db]);
    assert.deepEqual([again.status, again.stderr], [1, `dossier: rating of "${quote}" against H1 (see dossier ach) not found\n`]);
    const both = dossier(['rate', quote, 'H1', 'C', '--clear', '--db', db]);
    assert.deepEqual([both.status, both.stderr], [1, 'dossier: give a rating or --clear, not both\n']);
    const weighted = dossier(['rate', quote, 'H1', '--clear', '--weight', '2', '--db', db]);
    assert.deepEqual([weighted.status, weighted.stderr], [1, 'dossier: --clear takes no --weight or --note\n']);
    const neither = dossier(['credibility', claim, '--db', db]);
    assert.deepEqual([neither.status, neither.stderr], [1, 'dossier: a credibility is needed (1–6), or --clear\n']);
    const noOverride = dossier(['credibility', claim, '--clear', '--db', db]);
    assert.deepEqual([noOverride.status, noOverride.stderr], [1, `dossier: credibility override of claim group "${claim}" not found\n`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('add and analyze: a --jobs that is not a whole number >= 0 is refused in one line before anything is read or stored', () => {
  const dir = tmp();
  try {
    const db = join(dir, 'd.db');
    writeFileSync(join(dir, 'a.txt'), article(1));
    for (const bad of ['abc', '-1', '1.5', '']) {
      const r = dossier(['add', join(dir, 'a.txt'), '--db', db, '--jobs', bad]);
      assert.equal(r.status, 1);
      assert.equal(r.stderr.trim(), `dossier: --jobs must be a whole number >= 0, not "${bad}"`);
      const a = dossier(['analyze', join(dir, 'a.txt'), '-j', bad]);
      assert.equal(a.status, 1);
      assert.equal(a.stdout, '');
    }
    assert.throws(() => readFileSync(db), /ENOENT/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('add: a dossier locked by another writer is reported in one line and nothing is lost', async () => {
  const dir = tmp();
  try {
    const db = join(dir, 'd.db');
    writeFileSync(join(dir, 'a.txt'), article(1));
    writeFileSync(join(dir, 'b.txt'), article(2));
    assert.equal(dossier(['add', join(dir, 'a.txt'), '--db', db, '--jobs', '0']).status, 0);
    const holder = new Database(db);
    holder.exec('begin exclusive');
    const r = dossier(['add', join(dir, 'b.txt'), '--db', db, '--jobs', '0'], { DOSSIER_BUSY_TIMEOUT: '100' });
    holder.exec('rollback');
    holder.close();
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim(), `dossier: ${db}: the database is locked by another process; try again when it has finished`);
    const list = JSON.parse(dossier(['list', '--json', '--db', db]).stdout);
    assert.deepEqual(list.map((d: { source: string }) => d.source), [join(dir, 'a.txt')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Like dossier(), without blocking this process (a test's own HTTP server must keep answering). */
function dossierAsync(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((res) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DOSSIER_DB: '', DATABASE_URL: '' } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => res({ status, stdout, stderr }));
  });
}

const problemLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('dossier: ') && !l.startsWith('dossier: added'));

dialectTestRaw('add: adding the same bytes again names each skipped input in one line and stores nothing twice', async (s) => {
  const dir = tmp();
  try {
    const a = join(dir, 'a.txt'), copy = join(dir, 'copy.txt');
    writeFileSync(a, article(7));
    writeFileSync(copy, article(7));
    assert.equal(dossier(['add', a, '--db', s.target, '--jobs', '0']).status, 0);
    const again = dossier(['add', a, copy, '--db', s.target, '--jobs', '0']);
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(problemLines(again.stderr), [
      `dossier: ${a}: already stored (document 1, version 1); skipped`,
      `dossier: ${copy}: already stored as ${a} (document 1, version 1); skipped`,
    ]);
    assert.match(again.stderr, /added 0, new versions 0, skipped 2 already stored, failed 0/);
    const list = JSON.parse(dossier(['list', '--all', '--json', '--db', s.target]).stdout);
    assert.deepEqual(list.map((d: { source: string; version: number }) => [d.source, d.version]), [[a, 1]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

dialectTestRaw('add: a URL that is missing, binary or too slow gets one line naming it; the rest is stored and nothing stored is lost', async (s) => {
  const dir = tmp();
  const server = http.createServer((req, res) => {
    if (req.url === '/pier') return res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(article(11));
    if (req.url === '/photo') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(256));
    if (req.url === '/slow') return; // never answers
    res.writeHead(404, { 'content-type': 'text/plain' }).end('no such page');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const before = join(dir, 'before.txt');
    writeFileSync(before, article(10));
    assert.equal(dossier(['add', before, '--db', s.target, '--jobs', '0']).status, 0);
    const r = await dossierAsync(['add', `${base}/gone`, `${base}/photo`, `${base}/slow`, `${base}/pier`, '--db', s.target, '--jobs', '0', '--allow-private', '--timeout', '0.5']);
    assert.equal(r.status, 1);
    assert.deepEqual(problemLines(r.stderr).sort(), [
      `dossier: ${base}/gone: HTTP 404 Not Found`,
      `dossier: ${base}/photo: is binary (image/jpeg), not a page or text`,
      `dossier: ${base}/slow: timed out after 0.5 s`,
    ]);
    assert.match(r.stderr, /added 1, new versions 0, skipped 0 already stored, failed 3/);
    const list = JSON.parse(dossier(['list', '--json', '--db', s.target]).stdout);
    assert.deepEqual(list.map((d: { source: string }) => d.source), [before, `${base}/pier`]);
  } finally {
    server.closeAllConnections();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('add: a corrupt dossier file is reported in one line and left as it was', () => {
  const dir = tmp();
  try {
    const db = join(dir, 'd.db');
    const junk = Buffer.from('not a dossier, only words written to look like a file that was damaged. '.repeat(60));
    writeFileSync(db, junk);
    writeFileSync(join(dir, 'a.txt'), article(1));
    const r = dossier(['add', join(dir, 'a.txt'), '--db', db, '--jobs', '0']);
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim(), `dossier: ${db}: not a dossier database (the file is corrupt or of another kind)`);
    assert.deepEqual(readFileSync(db), junk);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('add: a PostgreSQL that is down is reported in one line', () => {
  const dir = tmp();
  try {
    writeFileSync(join(dir, 'a.txt'), article(1));
    // port 9 (discard) on loopback: nothing listens there
    const r = dossier(['add', join(dir, 'a.txt'), '--db', 'postgres://analyst:secret@127.0.0.1:9/dossier', '--jobs', '0']);
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim(), 'dossier: postgres://analyst:***@127.0.0.1:9/dossier: PostgreSQL is not reachable (connection refused); is the server running?');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

dialectTestRaw('add: documents are stored in the order given, whichever worker finishes first', async (s) => {
  const dir = tmp();
  try {
    // the first file is much longer, so the second worker finishes the others before it
    writeFileSync(join(dir, 'a-long.txt'), article(1, 'The crates were counted again at noon. '.repeat(300)));
    for (const name of ['b', 'c', 'd', 'e']) writeFileSync(join(dir, `${name}.txt`), article(name.charCodeAt(0)));
    const r = dossier(['add', dir, '--db', s.target, '--jobs', '2']);
    assert.equal(r.status, 0, r.stderr);
    const list = JSON.parse(dossier(['list', '--json', '--db', s.target]).stdout);
    assert.deepEqual(list.map((d: { id: number; source: string }) => [d.id, d.source]),
      ['a-long', 'b', 'c', 'd', 'e'].map((n, i) => [i + 1, join(dir, `${n}.txt`)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('add: three processes adding to one new SQLite dossier at once all succeed, each document stored once', async () => {
  // Deferred transactions made the second writer fail at once with "locked", and migrations of a new
  // file raced ("table documents already exists"); transactions now take the write lock as they begin.
  const dir = tmp();
  try {
    const db = join(dir, 'shared.db');
    const dirs = [0, 1, 2].map((k) => {
      const d = join(dir, `in${k}`);
      mkdirSync(d);
      for (let i = 0; i < 12; i++) writeFileSync(join(d, `${i}.txt`), article(1000 * (k + 1) + i));
      return d;
    });
    const run = (input: string) => new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [BIN, 'add', input, '--db', db, '--jobs', '0'], { env: { ...process.env, DOSSIER_DB: '', DATABASE_URL: '' } });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => { stderr += b; });
      child.on('close', (code) => done({ code, stderr }));
    });
    const results = await Promise.all(dirs.map(run));
    for (const r of results) {
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /added 12, new versions 0, skipped 0 already stored, failed 0/);
    }
    const store = await openStore(db);
    try {
      assert.equal(await assertWhole(store), 36);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
