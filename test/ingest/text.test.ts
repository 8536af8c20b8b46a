import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readPlainText, cleanTitle, bylineName, bylineLine, datelineLine, parseHeader } from '../../src/ingest/text/index.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/text/${name}`, import.meta.url), 'utf8');

test('text reader: document text is one verbatim slice of the file, ending before the comments', () => {
  const file = fixture('thread.txt');
  const doc = readPlainText(file, 'text');
  const shift = file.indexOf(doc.text);
  assert.equal(shift, 0);
  assert.ok(doc.text.endsWith('Marta Lindqvist'));
  assert.equal(file.slice(0, doc.text.length), doc.text);
});

test('text reader: drops scraper junk glued to the title and its trailing colon', () => {
  assert.equal(readPlainText(fixture('thread.txt'), 'text').title, 'The Harbour Bridge Dispute');
});

test('text reader: a lone name closing the body is the byline', () => {
  assert.equal(readPlainText(fixture('thread.txt'), 'text').author, 'Marta Lindqvist');
});

test('text reader: reads numbered comments, bullet replies and headerless comments', () => {
  const doc = readPlainText(fixture('thread.txt'), 'text');
  assert.deepEqual(doc.comments, [
    { id: 'c1', parentId: null, author: 'quayside_reader', postedAt: '2020-06-03T09:05',
      text: 'The closure has doubled my commute.\n\n    Second paragraph of the first comment.' },
    { id: 'c2', parentId: 'c1', author: 'harbourwatch', postedAt: '2020-06-03T21:41', text: 'Same here on the east side.' },
    { id: 'c3', parentId: null, author: null, postedAt: null, text: 'No header on this one, it just starts.' },
    { id: 'c4', parentId: null, author: 'Marta Lindqvist', postedAt: '2020-06-04T12:00', text: 'Thanks for reading.' },
  ]);
});

test('text reader: a numbered list inside an article is not a comment section', () => {
  const file = fixture('plain-article.txt');
  const doc = readPlainText(file, 'text');
  assert.equal(doc.text, file.trim());
  assert.deepEqual(doc.comments, []);
  assert.equal(doc.title, 'Council Approves New Ferry Timetable');
  assert.equal(doc.author, null);
});

test('text reader: an "N comments" marker starts a section of "X says:" comments', () => {
  const doc = readPlainText(fixture('wordpress.txt'), 'text');
  assert.equal(doc.text, 'Notes From the Lighthouse\n\nThe keeper logged three storms this winter.');
  assert.deepEqual(doc.comments, [
    { id: 'c1', parentId: null, author: 'Ada Brightwater', postedAt: '2021-03-04T20:15', text: 'Lovely write-up.' },
    { id: 'c2', parentId: null, author: 'Tomas Reed', postedAt: null, text: 'Were the storms named?' },
  ]);
});

test('text reader: Markdown title comes from the first "# " heading and the text stays verbatim', () => {
  const file = fixture('notes.md');
  const doc = readPlainText(file, 'markdown');
  assert.equal(doc.title, 'Harbour Notes');
  assert.equal(doc.text, file.trim());
  assert.equal(doc.format, 'markdown');
});

test('text reader: a Markdown heading below a preamble still gives the title', () => {
  assert.equal(readPlainText('Draft, do not share\n\n# The Real Title #\n\nBody.', 'markdown').title, 'The Real Title');
});

test('text reader: a first line that runs on into a paragraph is not a title', () => {
  const long = 'The council met on Tuesday and agreed after a long debate that the ferry timetable would change from next month onwards';
  assert.equal(readPlainText(`${long}\nand residents were told by letter.\n`, 'text').title, null);
});

test('cleanTitle: keeps question marks, abbreviations and ordinary capitalised starts', () => {
  assert.equal(cleanTitle('Is the Bridge Safe?'), 'Is the Bridge Safe?');
  assert.equal(cleanTitle('Ferries Return to the U.S.'), 'Ferries Return to the U.S.');
  assert.equal(cleanTitle('NASA Plans a Launch'), 'NASA Plans a Launch');
  assert.equal(cleanTitle('3AThe Quay Report –'), 'The Quay Report');
  assert.equal(cleanTitle('G20 Summit Opens'), 'G20 Summit Opens');
});

test('bylineName: accepts a bare name and refuses page furniture and sentences', () => {
  assert.equal(bylineName('By Marta Lindqvist'), 'Marta Lindqvist');
  assert.equal(bylineName('Omar bin Said'), 'Omar bin Said');
  assert.equal(bylineName('Read More'), null);
  assert.equal(bylineName('The keeper left.'), null);
  assert.equal(bylineName('Portvale'), null);
});

test('bylineLine: a "By …" line gives the name, and the outlet and the date written beside it', () => {
  assert.deepEqual(bylineLine('By Petra Sund | Coastal Ledger | 12 March 2025'), { name: 'Petra Sund', outlet: 'Coastal Ledger', date: '2025-03-12' });
  assert.deepEqual(bylineLine('By Ana Vell, Reuters'), { name: 'Ana Vell', outlet: 'Reuters', date: null });
  assert.deepEqual(bylineLine('By Ana Vell, March 4, 2021'), { name: 'Ana Vell', outlet: null, date: '2021-03-04' });
  assert.deepEqual(bylineLine('By Ana Vell — The Harbour Gazette — 4 May 2020'), { name: 'Ana Vell', outlet: 'The Harbour Gazette', date: '2020-05-04' });
  assert.deepEqual(bylineLine('By Ana Vell | Staff Writer'), { name: 'Ana Vell', outlet: null, date: null });
  assert.deepEqual(bylineLine('By Ana Vell · Updated 3 May 2020'), { name: 'Ana Vell', outlet: null, date: null });
  assert.deepEqual(bylineLine('By Ana Vell | Published: 3 May 2020'), { name: 'Ana Vell', outlet: null, date: '2020-05-03' });
  assert.equal(bylineLine('By the way, this is a sentence'), null);
  assert.equal(bylineLine('Petra Sund | Coastal Ledger'), null);
});

test('text reader: the byline line under the title fills author, publisher and date; a stated date line comes first', () => {
  const doc = readPlainText('Ferry Strike Ends\n\nBy Petra Sund | Coastal Ledger | 12 March 2025\n\nThe ferries sailed again on Tuesday.\n', 'text');
  assert.deepEqual([doc.title, doc.author, doc.publisher, doc.publishedAt, doc.publishedAtSource], ['Ferry Strike Ends', 'Petra Sund', 'Coastal Ledger', '2025-03-12', 'byline']);
  const dated = readPlainText('Ferry Strike Ends\n\nPublished: 11 March 2025\n\nBy Petra Sund | 12 March 2025\n\nThe ferries sailed again.\n', 'text');
  assert.deepEqual([dated.author, dated.publisher, dated.publishedAt, dated.publishedAtSource], ['Petra Sund', null, '2025-03-11', 'metadata']);
});

test('datelineLine: a name and a full date near the top give the outlet (an organisation word last) or the writer', () => {
  assert.deepEqual(datelineLine('Valley Dispatch \u2014 3 June 2024'), { name: null, outlet: 'Valley Dispatch', date: '2024-06-03' });
  assert.deepEqual(datelineLine('3 June 2024 | The Harbour Gazette'), { name: null, outlet: 'The Harbour Gazette', date: '2024-06-03' });
  assert.deepEqual(datelineLine('Ana Vell | 4 March 2021'), { name: 'Ana Vell', outlet: null, date: '2021-03-04' });
  assert.equal(datelineLine('Lindholm \u2014 3 June 2024'), null);
  assert.equal(datelineLine('Prices rose | 3 June 2024'), null);
  assert.equal(datelineLine('By Ana Vell | 4 March 2021'), null);
  const doc = readPlainText('Border Town Shops Close\n\nValley Dispatch \u2014 3 June 2024\n\nShopkeepers in Brask closed early.\n', 'text');
  assert.deepEqual([doc.author, doc.publisher, doc.publishedAt], [null, 'Valley Dispatch', '2024-06-03']);
});

test('parseHeader: needs a full date stamp or a widget word, and refuses prose with a pipe', () => {
  assert.deepEqual(parseHeader('jo | 1st April 2016 at 1:03 pm | Reply'), { author: 'jo', postedAt: '2016-04-01T13:03' });
  assert.deepEqual(parseHeader('jo | Reply'), { author: 'jo', postedAt: null });
  assert.deepEqual(parseHeader('jo | 3 days ago'), { author: 'jo', postedAt: null });
  assert.deepEqual(parseHeader('April 2, 2016 | Reply'), { author: null, postedAt: '2016-04-02' });
  assert.equal(parseHeader('Earlier first sailing | from 6 a.m.'), null);
  assert.equal(parseHeader('Revenue | 2016 | up 4%'), null);
});

test('text reader: after a clear marker, numbered items are comments even without headers', () => {
  const doc = readPlainText(fixture('marker-numbered.txt'), 'text');
  assert.equal(doc.text, 'Quay Lights Switched Off\n\nThe harbour lights went dark at midnight.');
  assert.deepEqual(doc.comments, [
    { id: 'c1', parentId: null, author: null, postedAt: null, text: 'Great news for stargazers.' },
    { id: 'c2', parentId: null, author: 'Ada Brightwater', postedAt: '2021-03-05T07:02', text: 'Not so great for the ferries.' },
    { id: 'c3', parentId: null, author: null, postedAt: null, text: 'Who pays for this?' },
  ]);
});

test('text reader: Markdown front matter gives title, author and date, and is not main text', () => {
  const file = fixture('front-matter.md');
  const doc = readPlainText(file, 'markdown');
  assert.equal(doc.title, 'Tide Tables Revised');
  assert.equal(doc.author, 'Ada Brightwater');
  assert.equal(doc.publishedAt, '2021-03-04');
  assert.equal(doc.publishedAtSource, 'metadata');
  assert.equal(doc.text, '# Tide tables\n\nThe Portvale harbour office revised its tide tables.');
  assert.equal(file.indexOf(doc.text) + doc.text.length, file.trimEnd().length);
});

test('text reader: a line that is only a date near the top is the stated publication date', () => {
  const doc = readPlainText(fixture('dateline.txt'), 'text');
  assert.equal(doc.publishedAt, '2016-03-31');
  assert.equal(doc.title, 'Ferry Fares Frozen');
});

test('text reader: a date inside an opening sentence is not a publication date', () => {
  const doc = readPlainText('Quay News\n\nOn March 31, 2016 the quay closed.\n', 'text');
  assert.equal(doc.publishedAt, null);
  assert.equal(readPlainText('Published: 4 March 2021\n\nThe quay closed.\n', 'text').publishedAt, '2021-03-04');
});

test('text reader: an opening date line is not the title', () => {
  const doc = readPlainText('Published: 4 March 2021\n\nQuay Closed for Winter\n\nThe quay closed.\n', 'text');
  assert.equal(doc.title, 'Quay Closed for Winter');
  assert.equal(doc.publishedAt, '2021-03-04');
});
