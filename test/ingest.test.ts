import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { parseBytes } from '../src/ingest/index.js';
import { InputError } from '../src/errors.js';

test('ingest: reads plain text verbatim and takes the first line as title', () => {
  const doc = parseBytes('a.txt', Buffer.from('A Title\n\nBody text here.\n'));
  assert.equal(doc.title, 'A Title');
  assert.equal(doc.format, 'text');
});

test('ingest: gunzips .gz input', () => {
  const doc = parseBytes('a.txt.gz', gzipSync(Buffer.from('Gz Title\n\nBody.\n')));
  assert.equal(doc.title, 'Gz Title');
});

test('ingest: an empty input is refused with a message naming it', () => {
  assert.throws(() => parseBytes('empty.txt', Buffer.alloc(0)), (e: unknown) => e instanceof InputError && e.message === 'empty.txt: is empty');
});
