import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_FILES, DEMO_HYPOTHESES, DEMO_QUESTION, buildDemo, samplesDir } from '../../src/cli/demo.js';
import { openStore } from '../../src/store/index.js';

test('demo: every sample file it reads is in samples/, including HTML, plain text, .gz and Markdown', () => {
  const present = new Set(readdirSync(samplesDir()));
  assert.deepEqual(DEMO_FILES.filter((f) => !present.has(f)), []);
  assert.deepEqual([...new Set(DEMO_FILES.map((f) => f.replace(/^.*?\.(?=(html|txt\.gz|txt|md)$)/, '')))].sort(), ['html', 'md', 'txt', 'txt.gz']);
});

test('demo: builds a dossier of the six samples with the question and three hypotheses', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-demo-test-'));
  try {
    const summary = await buildDemo(join(dir, 'demo.db'));
    assert.equal(summary.documents, 6);
    assert.equal(summary.hypotheses, 3);
    const store = await openStore(join(dir, 'demo.db'));
    try {
      assert.equal(await store.getQuestion(), DEMO_QUESTION);
      assert.deepEqual((await store.listHypotheses()).map((h) => h.text), DEMO_HYPOTHESES);
      assert.deepEqual((await store.listDocuments()).map((d) => d.source), DEMO_FILES.map((f) => `samples/${f}`));
      assert.equal((await store.listSources()).find((s) => s.name === 'Coastline Wire Service')?.reliability, 'B');
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('demo: refuses to overwrite an existing file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-demo-test-'));
  try {
    writeFileSync(join(dir, 'taken.db'), 'not a dossier');
    await assert.rejects(buildDemo(join(dir, 'taken.db')), { message: `${join(dir, 'taken.db')} already exists; give demo a new file with --db, or remove it` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('demo --no-serve: the command builds the dossier where --db says and prints its summary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-demo-test-'));
  try {
    const db = join(dir, 'cli.db');
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/dossier', 'demo', '--no-serve', '--db', db]);
    assert.match(stdout, new RegExp(`^Demo dossier: ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(6 documents, \\d+ quotes, 3 hypotheses\\)\\n$`));
    assert.ok(existsSync(db));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
