import assert from 'node:assert/strict';
import { test } from 'node:test';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import { analysis } from './fixtures.js';

// A text of about 250 KB: far fewer pages than the writer's own automatic checkpoint waits for
// (10,000), so only the checkpointer's thread copies it into the database file.
const TEXT = Array.from({ length: 4000 }, (_, i) => `Line ${i} of the long report from the harbour office at Brask.`).join('\n');

test('store: a committed batch is copied from the SQLite log into the database file by the checkpointer thread', { timeout: 30_000 }, async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'dossier-ckpt-')), 'd.db');
  const store = await openStore(file, { create: true });
  try {
    const before = statSync(file).size;
    const [out] = await store.addDocuments([{ source: 'long.txt', contentHash: 'long', format: 'text', analysis: analysis('long.txt', TEXT) }]);
    assert.equal(out.status, 'added');
    // the log holds the batch at once; the file has it once the thread has run, which settle waits for
    assert.ok(statSync(`${file}-wal`).size > TEXT.length, 'the commit went to the log');
    await store.settle();
    const size = statSync(file).size;
    assert.ok(size >= before + TEXT.length, `database file ${size} bytes, was ${before}: the log was not checkpointed`);
    assert.equal((await store.getDocument('long.txt')).analysis.document.text, TEXT);
  } finally {
    await store.close();
  }
  // closing stops the thread and SQLite's last connection folds the log in and removes it
  assert.equal(existsSync(`${file}-wal`), false);
  const again = await openStore(file);
  try {
    assert.equal((await again.getDocument('long.txt')).analysis.document.text, TEXT);
  } finally {
    await again.close();
  }
});
