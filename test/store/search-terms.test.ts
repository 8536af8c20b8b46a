import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { test } from 'node:test';
import { searchQuery, searchVector, searchVectorBinary, STOP_WORDS, vocabularyInUse } from '../../src/store/search-terms.js';
import { arrayLiteral, copyBinary, copyStatement, CopyStream, copyText, COPY_BINARY_HEADER, textArray } from '../../src/store/rows.js';
import { mentionSpans, readSpans } from '../../src/store/spans.js';
import { winkStem } from '../../src/store/stem.js';
import { dialectTest } from './dialects.js';
import { analysis, quote } from './fixtures.js';

test('search terms: a vector holds stems with their word positions, title first, stop words left out', () => {
  assert.equal(searchVector('Convoys', 'The convoy crossed; convoys cross.'), "'convoy':1,3,5 'cross':4,6");
  assert.equal(searchVector(null, 'Brandt’s bridge'), "'brandt':1 'bridg':3");
});

test('search terms: the binary vector holds the same lexemes and positions in tsvectorrecv layout', () => {
  // count (int32), then per lexeme: UTF-8 bytes, NUL, number of positions (uint16), positions (uint16)
  assert.deepEqual([...searchVectorBinary('Convoys', 'The convoy crossed; convoys cross.')], [
    0, 0, 0, 2,
    ...Buffer.from('convoy'), 0, 0, 3, 0, 1, 0, 3, 0, 5,
    ...Buffer.from('cross'), 0, 0, 2, 0, 4, 0, 6,
  ]);
  assert.deepEqual([...searchVectorBinary(null, 'ß')], [0, 0, 0, 1, 0xc3, 0x9f, 0, 0, 1, 0, 1]);
  assert.deepEqual([...searchVectorBinary(null, 'the of')], [0, 0, 0, 0]);
  // lexemes in byte order, as the server keeps them, whatever order the words came in
  assert.deepEqual([...searchVectorBinary(null, 'Zebras ate apples')], [
    0, 0, 0, 3,
    ...Buffer.from('appl'), 0, 0, 1, 0, 3,
    ...Buffer.from('ate'), 0, 0, 1, 0, 2,
    ...Buffer.from('zebra'), 0, 0, 1, 0, 1,
  ]);
});

dialectTest('store: the binary search vector is read by PostgreSQL as its own text form would be', async (store) => {
  const text = 'Convoys crossed the bridge; the bridge held. Écoles fermées à Brask.';
  await store.addDocument({ source: 'v', contentHash: 'v', format: 'text', analysis: analysis('v', text, { title: 'Bridge report' }) });
  if (store.dialect.name !== 'postgres') {
    assert.deepEqual((await store.search('bridges')).map((h) => h.source), ['v']);
    return;
  }
  const r = await sql<{ same: boolean; search: string }>`select search = cast(${searchVector('Bridge report', text)} as tsvector) as same, search::text as search from documents`.execute(store.db);
  assert.deepEqual(r.rows, [{ same: true, search: "'brask':13 'bridg':1,6,8 'convoy':3 'cross':4 'fermé':11 'held':9 'report':2 'à':12 'école':10" }]);
  // numbers as PostgreSQL's own parser keeps them
  const numbers = 'In 1930 the 3rd convoy and 130 trucks';
  const own = await sql<{ v: string }>`select to_tsvector('english', ${numbers})::text as v`.execute(store.db);
  assert.equal(own.rows[0].v, "'130':7 '1930':2 '3rd':4 'convoy':5 'truck':8");
  const ours = await sql<{ v: string }>`select cast(${searchVector(null, numbers)} as tsvector)::text as v`.execute(store.db);
  assert.equal(ours.rows[0].v, own.rows[0].v);
  // rows with a binary value inserted through the dialect's own insertRows (binary COPY) read the same
  await store.db.connection().execute(async (c) => {
    await sql`create temporary table vectors (id integer, v tsvector)`.execute(c); // this connection's own
    await store.dialect.insertRows(c as never, 'vectors', [['id', 'int'], ['v', 'tsvector']], [[1, searchVectorBinary('Bridge report', text)], [2, null]], {});
    const back = await sql<{ id: number; v: string | null }>`select id, v::text as v from vectors order by id`.execute(c);
    assert.deepEqual(back.rows, [{ id: 1, v: r.rows[0].search }, { id: 2, v: null }]);
  });
});

test('search terms: a query is the stems of its words, all required, nothing left of stop words or punctuation', () => {
  assert.equal(searchQuery('Convoys crossing'), "'convoy' & 'cross'");
  assert.equal(searchQuery('"; drop table documents; --'), "'drop' & 'tabl' & 'document'");
  assert.equal(searchQuery('the of and'), '');
  assert.equal(searchQuery("O'Neil"), "'o' & 'neil'");
});

test('search terms: words with a digit are kept as they are, not stemmed', () => {
  assert.equal(searchVector(null, 'In 1930 the 3rd convoys left, 130 trucks in 1930s'), "'1930':2 '3rd':4 'convoy':5 'left':6 '130':7 'truck':8 '1930s':10");
  assert.equal(searchQuery('130 trucks'), "'130' & 'truck'");
});

test('search terms: letters beyond ASCII make words too', () => {
  assert.equal(searchVector(null, 'ß'), "'ß':1");
  assert.equal(searchQuery('naïve café'), "'naïv' & 'café'");
});

/** The binary vector made the plain way, for comparison: every run of letters and digits lower-cased,
 * stemmed unless it holds a digit, stop words counted but not kept, lexemes sorted, at most 255 positions each,
 * and no new lexeme once those kept reach 1,000,000 bytes (counted as three a UTF-16 unit). */
function plainVector(title: string | null, text: string): Buffer {
  const words = `${title ?? ''} ${text}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const positions = new Map<string, number[]>();
  let bytes = 0;
  words.forEach((w, i) => {
    const lexeme = /[0-9]/.test(w) ? w : STOP_WORDS.has(w) ? '' : winkStem(w);
    if (!lexeme) return;
    if (!positions.has(lexeme)) {
      if (bytes >= 1_000_000) return;
      bytes += 3 * lexeme.length;
    }
    const list = positions.get(lexeme) ?? [];
    if (list.length < 255) list.push(Math.min(i + 1, 16383));
    positions.set(lexeme, list);
  });
  const parts: Buffer[] = [Buffer.alloc(4)];
  parts[0].writeInt32BE(positions.size);
  for (const lexeme of [...positions.keys()].sort()) {
    const list = positions.get(lexeme)!;
    const head = Buffer.alloc(3);
    head.writeUInt16BE(list.length, 1);
    parts.push(Buffer.from(lexeme), head, Buffer.from(new Uint16Array(list.map((p) => ((p & 0xff) << 8) | (p >> 8))).buffer));
  }
  return Buffer.concat(parts);
}

/** The text form the plain way: lexemes in order of first occurrence. */
function plainText(title: string | null, text: string): string {
  const binary = plainVector(title, text);
  // read the lexemes and positions back from the binary form, then order them by their first position
  const out: { lexeme: string; positions: number[] }[] = [];
  let o = 4;
  for (let n = binary.readInt32BE(0); n > 0; n--) {
    const nul = binary.indexOf(0, o);
    const lexeme = binary.toString('utf8', o, nul);
    const count = binary.readUInt16BE(nul + 1);
    const positions = Array.from({ length: count }, (_, k) => binary.readUInt16BE(nul + 3 + 2 * k));
    out.push({ lexeme, positions });
    o = nul + 3 + 2 * count;
  }
  return out.sort((a, b) => a.positions[0] - b.positions[0]).map((l) => `'${l.lexeme}':${l.positions.join(',')}`).join(' ');
}

test('search terms: vectors match a plain count of words, over documents that share words, and past the size of the kept vocabulary', () => {
  const texts = [
    'The convoy crossed the bridge at Brask; the bridge held, and 130 trucks crossed it.',
    'Convoys cross bridges. Écoles fermées: naïve café 𝔘𝔫𝔦 words, ß and İstanbul, 3rd of 1930s.',
    'Zebras, zebra, ZEBRA and apples: apple aardvark ab abc abd b a.',
  ];
  // a document of 150,000 different words: more than the vocabulary keeps (100,000), and more lexemes
  // than a vector sorts the quick way (65,536)
  const letters = (n: number) => { let s = ''; do { s = String.fromCharCode(97 + (n % 26)) + s; n = Math.floor(n / 26); } while (n); return s; };
  const many = Array.from({ length: 150_000 }, (_, i) => `q${letters(i)}`).join(' ');
  // a few thousand different words in scripts whose words share their first letters (runs of one sort key)
  const scripts = Array.from({ length: 3000 }, (_, i) => `${['ал', 'ال', 'de', 'σε'][i % 4]}${letters(i)}${['ов', 'ية', 'rn', 'ος'][i % 4]}`).join(' ');
  // 10,600 different words of 100 letters: more characters than the vocabulary keeps (1 Mi), and one past the longest word kept
  // (a z after the letters: padded without it, "b" and "bk" would make one word)
  const long = Array.from({ length: 10_600 }, (_, i) => `w${letters(i)}z`.padEnd(100, 'k')).join(' ') + ` ${'z'.repeat(501)} ${'z'.repeat(501)}`;
  for (const text of [...texts, many, scripts, ...texts, long, ...texts, texts.join(' ') + ' ' + 'convoy '.repeat(300)]) {
    const title = text.length % 2 ? 'Bridge report' : null;
    assert.deepEqual(searchVectorBinary(title, text), plainVector(title, text), text.slice(0, 40));
    if (text !== many && text !== long) assert.equal(searchVector(title, text), plainText(title, text), text.slice(0, 40));
  }
});

test('search terms: the vocabulary keeps at most 1 Mi characters, and is emptied before the next document once full', () => {
  const letters = (n: number) => { let s = ''; do { s = String.fromCharCode(97 + (n % 26)) + s; n = Math.floor(n / 26); } while (n); return s; };
  searchVectorBinary(null, 'a first document');
  const long = Array.from({ length: 10_600 }, (_, i) => `w${letters(i)}z`.padEnd(100, 'k')).join(' ');
  assert.deepEqual(searchVectorBinary(null, long), plainVector(null, long));
  const held = vocabularyInUse();
  assert.ok(held.characters <= 1 << 20 && held.characters > (1 << 20) - 100, `${held.characters} characters`);
  assert.ok(held.words < 10_600, `${held.words} words`);
  searchVectorBinary(null, 'the next document');
  assert.deepEqual(vocabularyInUse(), { words: 3, characters: 'thenextdocument'.length });
});

test('rows: array literals quote every text value and escape quotes and backslashes', () => {
  const rows = [[1, 'plain', null], [2, 'say "no" \\ {x,y}', 'NULL'], [3, '', 'é']];
  assert.equal(arrayLiteral(rows, 0, 'int'), '{1,2,3}');
  assert.equal(arrayLiteral(rows, 1, 'text'), '{"plain","say \\"no\\" \\\\ {x,y}",""}');
  assert.equal(arrayLiteral(rows, 2, 'text'), '{NULL,"NULL","é"}');
  assert.equal(textArray(['plain', 'say "no" \\ {x,y}', '', 'NULL']), '{"plain","say \\"no\\" \\\\ {x,y}","","NULL"}');
  assert.equal(textArray([]), '{}');
});

test('rows: COPY text has a line per row, tabs between values, \\N for NULL, and escapes backslash, tab and line ends', () => {
  const rows = [[1, 'plain', null], [2, 'a\tb\nc\rd \\N', '\\'], [-3, '', 'é']];
  assert.equal(copyText(rows).toString(), '1\tplain\t\\N\n2\ta\\tb\\nc\\rd \\\\N\t\\\\\n-3\t\té\n');
  assert.equal(copyText([]).toString(), '');
  // numbers of every width, and text that needs more bytes than characters
  const wide = [[0, 9, 10, 99, 100, 1234567890, 2 ** 53 - 1, 1.5, Number.NaN], ['✓🛰\tü', 'x'.repeat(300), '']];
  assert.equal(copyText(wide).toString(), `0\t9\t10\t99\t100\t1234567890\t${2 ** 53 - 1}\t1.5\tNaN\n✓🛰\\tü\t${'x'.repeat(300)}\t\n`);
});

test('spans: mentions are kept as JSON arrays and read back the same', () => {
  const mentions = [{ in: 'document', start: 0, end: 5, text: 'Brask' }, { in: 'comment:c1', start: 10, end: 22, text: 'say "no"\\ \n ü' }];
  const json = mentionSpans(mentions);
  assert.equal(json, '[["document",0,5,"Brask"],["comment:c1",10,22,"say \\"no\\"\\\\ \\n ü"]]');
  assert.deepEqual(readSpans(json), mentions);
  assert.equal(mentionSpans([]), '[]');
  // whatever the text holds, the same as JSON.stringify would write
  const odd = ['🎉 ok', 'lone \ud800 half', 'ctrl \u0001 \t', 'plain'].map((text, i) => ({ in: 'document', start: i, end: i + 1, text }));
  assert.equal(mentionSpans(odd), JSON.stringify(odd.map((m) => [m.in, m.start, m.end, m.text])));
});

dialectTest('store: awkward text in many rows comes back unchanged', async (store) => {
  const odd = ['say "no"', 'back\\slash', '{braces, commas}', 'NULL', '\\N', '', 'tab\there', 'line\nbreak', 'cr\r\nlf', '\\t not a tab', 'ünïcödé ✓', 'astral 🛰 end'];
  const text = odd.join(' | ');
  const quotes = odd.map((content, i) => ({ ...quote(`q${i}`, text, content || ' | ', 'Anna Brandt', null), content, cue: i % 2 ? null : content }));
  await store.addDocument({ source: 'odd', contentHash: 'odd', format: 'text', analysis: analysis('odd', text, { quotes }) });
  const rows = await store.db.selectFrom('quotes').select(['local_id', 'content', 'cue']).orderBy('id').execute();
  assert.deepEqual(rows.map((r) => [r.content, r.cue]), odd.map((c, i) => [c, i % 2 ? null : c]));
  // the document's own row (PostgreSQL: binary COPY) keeps its text as it was
  assert.equal((await store.getDocument('odd')).analysis.document.text, text);
});

test('rows: binary COPY gives each row its number of values, then each value as its length and bytes', () => {
  const columns = [['id', 'int'], ['title', 'text'], ['search', 'tsvector']] as const;
  const out = copyBinary(columns, [[7, 'é', Buffer.from([1, 2])], [-1, null, null]]);
  assert.equal(out.toString('hex'), [
    '0003', '00000004', '00000007', '00000002', 'c3a9', '00000002', '0102',
    '0003', '00000004', 'ffffffff', 'ffffffff', 'ffffffff',
  ].join(''));
  assert.equal(COPY_BINARY_HEADER.toString('hex'), '5047434f50590aff0d0a00' + '00000000' + '00000000');
  assert.throws(() => copyBinary(columns, [[Number.NaN, 'x', null]]), /id: NaN is not a 32-bit integer/);
  assert.equal(copyStatement('documents', columns), 'copy "documents" ("id", "title", "search") from stdin with (format binary)');
  assert.equal(copyStatement('quotes', [['id', 'int'], ['content', 'text']]), 'copy "quotes" ("id", "content") from stdin');
});

test('rows: a COPY stream keeps what is handed over until its query goes out, then sends as it comes, and nothing once stopped', () => {
  const sent: string[] = [];
  const connection = {
    query: (text: string) => sent.push(`query ${text}`),
    sendCopyFromChunk: (chunk: Buffer) => sent.push(`data ${chunk.toString()}`),
    endCopyFrom: () => sent.push('done'),
    sendCopyFail: (m: string) => sent.push(`fail ${m}`),
  };
  const copy = new CopyStream(['copy a from stdin', 'copy b from stdin']);
  copy.data(Buffer.from('1\n'));
  copy.end();
  assert.deepEqual(sent, []);
  assert.equal(copy.attached, false);
  copy.attach(connection);
  assert.equal(copy.attached, true);
  copy.data(Buffer.from('2\n'));
  copy.data(Buffer.alloc(0)); // nothing to send
  copy.fail('gave up');
  copy.end(); // after a failure, nothing more
  assert.deepEqual(sent, ['query copy a from stdin; copy b from stdin', 'data 1\n', 'done', 'data 2\n', 'fail gave up']);
  const later = new CopyStream(['copy a from stdin']);
  later.attach(connection);
  later.stop(); // the server failed the query: data still to come is dropped here
  later.data(Buffer.from('3\n'));
  assert.deepEqual(sent.slice(5), ['query copy a from stdin']);
});
