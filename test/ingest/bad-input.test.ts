import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs, { mkdtempSync, writeFileSync, mkdirSync, chmodSync, truncateSync, rmSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync, execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { parseBytes, readDocumentFile, gunzipCapped, fsReason } from '../../src/ingest/index.js';
import { MAX_INPUT_BYTES } from '../../src/ingest/decode.js';
import { InputError } from '../../src/errors.js';

const bin = new URL('../../../bin/dossier', import.meta.url).pathname;
let dir = '';
before(() => { dir = mkdtempSync(join(tmpdir(), 'dossier-bad-')); });
after(() => { rmSync(dir, { recursive: true, force: true }); });

/** Assert that fn rejects with an InputError whose message is exactly `message`. */
async function rejectsWith(fn: () => unknown, message: string): Promise<void> {
  await assert.rejects(async () => fn(), (e: unknown) => {
    assert.ok(e instanceof InputError, `expected InputError, got ${String(e)}`);
    assert.equal(e.message, message);
    return true;
  });
}

test('bad input: a missing file is named with "no such file"', async () => {
  const p = join(dir, 'nope.txt');
  await rejectsWith(() => readDocumentFile(p), `${p}: no such file`);
});

test('bad input: a directory is refused', async () => {
  const p = join(dir, 'adir');
  mkdirSync(p);
  await rejectsWith(() => readDocumentFile(p), `${p}: is a directory, not a file`);
});

test('bad input: a FIFO is refused without blocking on it', async () => {
  const p = join(dir, 'pipe');
  execFileSync('mkfifo', [p]);
  await rejectsWith(() => readDocumentFile(p), `${p}: is not a regular file`);
});

test('bad input: a path that becomes a FIFO after it was looked at is refused without blocking on it', async () => {
  const p = join(dir, 'swapped');
  execFileSync('mkfifo', [p]);
  // the first look sees a regular file, as it would have before the path was replaced
  const writable = fs as { statSync: (...a: unknown[]) => unknown };
  const statSync = writable.statSync;
  const regular = statSync(bin);
  writable.statSync = (path: unknown, ...rest: unknown[]) => (path === p ? regular : statSync(path, ...rest));
  syncBuiltinESMExports();
  try {
    await rejectsWith(() => readDocumentFile(p), `${p}: is not a regular file`);
  } finally {
    writable.statSync = statSync;
    syncBuiltinESMExports();
  }
});

test('bad input: an empty file and a blanks-only file are refused', async () => {
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  await rejectsWith(() => readDocumentFile(empty), `${empty}: is empty`);
  await rejectsWith(() => parseBytes('blank.txt', Buffer.from(' \n\t\n')), 'blank.txt: has no text (only blanks)');
});

test('bad input: binary bytes are refused', async () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  await rejectsWith(() => parseBytes('pic.txt', png), 'pic.txt: looks like a binary file, not text or HTML');
});

test('bad input: a truncated gzip stream is refused', async () => {
  const gz = gzipSync(Buffer.from('A Title\n\nSome body text that is long enough to compress.\n'.repeat(20)));
  await rejectsWith(() => parseBytes('cut.txt.gz', gz.subarray(0, gz.length - 12)),
    'cut.txt.gz: is not a valid gzip stream (truncated or corrupt: unexpected end of file)');
});

test('bad input: decompression stops at the cap instead of inflating a bomb', async () => {
  const bomb = gzipSync(Buffer.alloc(4096, 0x61));
  await rejectsWith(() => gunzipCapped('bomb.gz', bomb, 1000), 'bomb.gz: decompresses to more than 1000 bytes; refusing to analyse it');
});

test('bad input: a gzip bomb over the default limit is refused', async () => {
  const bomb = gzipSync(Buffer.alloc(MAX_INPUT_BYTES + 1024, 0x61), { level: 1 });
  assert.ok(bomb.length < 1048576);
  await rejectsWith(() => parseBytes('bomb.txt.gz', bomb), 'bomb.txt.gz: decompresses to more than 50 MB; refusing to analyse it');
});

test('bad input: a 200 MB file is refused by its size before it is read', async () => {
  const p = join(dir, 'huge.txt');
  writeFileSync(p, '');
  truncateSync(p, 200 * 1048576); // sparse: takes no disk space
  await rejectsWith(() => readDocumentFile(p),
    `${p}: is 200 MB, over the 50 MB limit; refusing to read it (raise DOSSIER_MAX_INPUT_BYTES to allow it)`);
});

test('bad input: DOSSIER_MAX_INPUT_BYTES lowers the limit', async () => {
  const p = join(dir, 'small.txt');
  writeFileSync(p, 'A Title\n\n' + 'word '.repeat(400));
  process.env.DOSSIER_MAX_INPUT_BYTES = '1024';
  try {
    await rejectsWith(() => readDocumentFile(p), `${p}: is 2 KB, over the 1 KB limit; refusing to read it (raise DOSSIER_MAX_INPUT_BYTES to allow it)`);
  } finally {
    delete process.env.DOSSIER_MAX_INPUT_BYTES;
  }
  assert.equal((await readDocumentFile(p)).title, 'A Title');
});

test('bad input: an unreadable file is refused as "permission denied"', async () => {
  assert.equal(fsReason(Object.assign(new Error('x'), { code: 'EACCES' })), 'permission denied (not readable)');
  const p = join(dir, 'locked.txt');
  writeFileSync(p, 'Locked Title\n\nBody.\n');
  chmodSync(p, 0o000);
  // root reads through any mode bits, so only an ordinary user can see the refusal end to end.
  if (process.getuid?.() === 0) assert.equal((await readDocumentFile(p)).title, 'Locked Title');
  else await rejectsWith(() => readDocumentFile(p), `${p}: permission denied (not readable)`);
});

test('analyze CLI: bad inputs get {source, error} lines, the batch goes on, exit status is 1', () => {
  const good = join(dir, 'good.txt');
  writeFileSync(good, 'Good Title\n\nThe ferry left on time.\n');
  const missing = join(dir, 'missing.txt');
  const r = spawnSync(process.execPath, [bin, 'analyze', '--jsonl', missing, good, dir], { encoding: 'utf8' });
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(r.status, 1);
  assert.deepEqual(lines[0], { source: missing, error: `${missing}: no such file` });
  assert.equal(lines[1].document.title, 'Good Title');
  assert.deepEqual(lines[2], { source: dir, error: `${dir}: is a directory, not a file` });
  assert.equal(r.stderr, `dossier: ${missing}: no such file\ndossier: ${dir}: is a directory, not a file\n`);
});

test('analyze CLI: a 200 MB file gets its error line by size', () => {
  const p = join(dir, 'huge-cli.txt');
  writeFileSync(p, '');
  truncateSync(p, 200 * 1048576);
  const r = spawnSync(process.execPath, [bin, 'analyze', '--jsonl', p], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.deepEqual(JSON.parse(r.stdout), { source: p, error: `${p}: is 200 MB, over the 50 MB limit; refusing to read it (raise DOSSIER_MAX_INPUT_BYTES to allow it)` });
});

test('analyze CLI: all inputs good means exit status 0', () => {
  const good = join(dir, 'good2.txt');
  writeFileSync(good, 'Good Title\n\nThe ferry left on time.\n');
  const r = spawnSync(process.execPath, [bin, 'analyze', good], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.equal(JSON.parse(r.stdout).source, good);
});

test('analyze CLI: worker threads give the same lines, in input order, as one thread', () => {
  const texts = ['North Pier\n\nThe harbour master Ilse Brandvik said the ferry had left.\n',
    'Grain Prices\n\nTraders in Velmora said prices rose on Monday.\n',
    'Night Convoy\n\n"We saw forty trucks," said Oren Tasch, a farmer.\n'];
  const paths = texts.map((t, i) => { const p = join(dir, `order-${i}.txt`); writeFileSync(p, t); return p; });
  const empty = join(dir, 'order-empty.txt');
  writeFileSync(empty, '');
  const args = [paths[0], empty, paths[1], join(dir, 'order-missing.txt'), paths[2]];
  const inline = spawnSync(process.execPath, [bin, 'analyze', '--jsonl', '--jobs', '0', ...args], { encoding: 'utf8' });
  const pooled = spawnSync(process.execPath, [bin, 'analyze', '--jsonl', '--jobs', '2', ...args], { encoding: 'utf8' });
  assert.equal(pooled.status, 1);
  assert.equal(pooled.stdout, inline.stdout);
  const lines = pooled.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.document?.title ?? l.error), ['North Pier', `${empty}: is empty`, 'Grain Prices', `${join(dir, 'order-missing.txt')}: no such file`, 'Night Convoy']);
});

test('analyze CLI: --jobs must be a whole number', () => {
  const r = spawnSync(process.execPath, [bin, 'analyze', '--jobs', 'two', 'x.txt'], { encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /--jobs must be a whole number >= 0, not "two"/);
});
