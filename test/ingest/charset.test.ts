import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, repairMojibake } from '../../src/ingest/decode.js';
import { parseBytes } from '../../src/ingest/index.js';

const SECOND = '<p>The second paragraph is here so that the page has enough article text to keep.</p>';
const ascii = (s: string) => Buffer.from(s, 'latin1');

test('charset: strips a UTF-8 byte-order mark and decodes as UTF-8', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café “Nord”', 'utf8')]);
  assert.deepEqual(decodeText('bom.txt', bytes), { text: 'Café “Nord”', charset: 'utf-8' });
});

test('charset: honours a windows-1252 meta declaration, curly quotes included', () => {
  const bytes = Buffer.concat([ascii('<html><head><meta charset="windows-1252"></head><body><article>'),
    ascii('<p>The mayor said '), Buffer.from([0x93]), ascii('no'), Buffer.from([0x94]), ascii(' to the caf'), Buffer.from([0xe9]), ascii(`.</p>${SECOND}</article></body></html>`)]);
  const { text, charset } = decodeText('page.html', bytes);
  assert.equal(charset, 'windows-1252');
  assert.ok(text.includes('“no” to the café.'));
});

test('charset: reads undeclared latin-1 bytes as windows-1252', () => {
  const bytes = Buffer.from([0x4e, 0x61, 0xef, 0x76, 0x65, 0x20, 0x64, 0xe9, 0x6a, 0xe0, 0x20, 0x76, 0x75]);
  assert.deepEqual(decodeText('old.txt', bytes), { text: 'Naïve déjà vu', charset: 'windows-1252' });
});

test('charset: valid UTF-8 wins over a wrong latin-1 declaration', () => {
  const bytes = Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>Zürich – 5 °C</body></html>', 'utf8');
  const { text, charset } = decodeText('wrong.html', bytes);
  assert.equal(charset, 'utf-8');
  assert.ok(text.includes('Zürich – 5 °C'));
});

test('charset: decodes stray latin-1 bytes inside otherwise UTF-8 text', () => {
  const bytes = Buffer.concat([Buffer.from('Ærø – ', 'utf8'), Buffer.from([0xe9, 0x74, 0xe9])]);
  assert.deepEqual(decodeText('mixed.txt', bytes), { text: 'Ærø – été', charset: 'utf-8+windows-1252' });
});

test('charset: repairs text that was double-encoded (UTF-8 read as windows-1252)', () => {
  assert.equal(repairMojibake('It\u00e2\u20ac\u2122s the caf\u00c3\u00a9 \u00e2\u20ac\u0153Nord\u00e2\u20ac\u009d'), 'It’s the café “Nord”');
  assert.equal(repairMojibake('Ã© alone is left as written'), 'Ã© alone is left as written');
});

test('charset: an HTML page declared windows-1252 reaches the main text without mojibake', () => {
  const bytes = Buffer.concat([ascii('<html><head><meta charset="windows-1252"><title>Fj'), Buffer.from([0xf8]), ascii('rd</title></head><body><article>'),
    ascii('<p>The harbour master said it was '), Buffer.from([0x93]), ascii('calm'), Buffer.from([0x94]), ascii(` at dawn.</p>${SECOND}</article></body></html>`)]);
  const doc = parseBytes('page.html', bytes);
  assert.equal(doc.title, 'Fjørd');
  assert.equal(doc.text.split('\n\n')[0], 'The harbour master said it was “calm” at dawn.');
});

test('charset: latin-1 text with one accidental UTF-8-looking pair stays windows-1252', () => {
  // "Ã©" written in latin-1 (C3 A9) is also valid UTF-8 for "é"; the other bytes show the file is latin-1.
  const bytes = Buffer.from([0x64, 0xe9, 0x6a, 0xe0, 0x20, 0xc3, 0xa9, 0x20, 0xe8, 0x72, 0x65]);
  assert.deepEqual(decodeText('old.txt', bytes), { text: 'déjà Ã© ère', charset: 'windows-1252' });
});
