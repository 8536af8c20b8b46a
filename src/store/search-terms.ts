// PostgreSQL's search vector, built here rather than by to_tsvector(): the server's text parser cost
// ~1 ms a news-sized document, as much as everything else storing it; a vector made here is ~0.3 ms
// and the server only reads it in. Words are runs of letters and digits, lower-cased, English stop
// words left out, the rest reduced by the Porter2 (Snowball English) stemmer that wink's model ships.
// Words with a digit are kept as they are, as PostgreSQL's `english` configuration keeps numbers and
// words like "3rd" (the stemmer would turn "130" into "1y0").
// Queries are reduced by the same functions, so a document and a query always agree on a word's stem.
// SQLite does not use this: FTS5 tokenizes in-process (porter tokenizer, see sqlite.ts).
import { createRequire } from 'node:module';

const stem = createRequire(import.meta.url)('wink-eng-lite-web-model/dist/porter-stemmer.js') as (word: string) => string;

/** The Snowball project's English stop word list (as PostgreSQL's `english` configuration has it):
 * words too common to search for. */
const STOP_WORDS = new Set(('i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers ' +
  'herself it its itself they them their theirs themselves what which who whom this that these those am is are was were be been being ' +
  'have has had having do does did doing a an the and but if or because as until while of at by for with about against between into ' +
  'through during before after above below to from up down in out on off over under again further then once here there when where why ' +
  'how all any both each few more most other some such no nor not only own same so than too very s t can will just don should now').split(' '));

/** PostgreSQL's limits: a lexeme under 2 KB, positions up to 16,383, 255 positions per lexeme kept,
 * 1 MB of lexemes in a vector. Longer words are dropped (as to_tsvector does); past the last limit, new
 * words are not indexed. */
const MAX_WORD = 500;
const MAX_POSITION = 16383;
const MAX_POSITIONS = 255;
const MAX_LEXEMES_BYTES = 1_000_000;

/** A lexeme, one object per distinct lexeme, with its length in UTF-8 and its positions in the
 * document being indexed (valid while `stamp` is that document's). */
interface Lexeme {
  readonly text: string;
  readonly bytes: number;
  stamp: number;
  positions: number[];
}

/** Lexemes by word (null for a stop word or an overlong word): a dossier's vocabulary repeats from
 * document to document, and stemming a word costs ~4 µs. Emptied between documents when full, so
 * memory stays bounded. */
const byWord = new Map<string, Lexeme | null>();
const byText = new Map<string, Lexeme>();
const MAX_WORDS = 100_000;
let documentStamp = 0;

/** The searchable lexeme of a lower-case word, or null for a stop word or an overlong word. */
function lexemeOf(word: string): Lexeme | null {
  let l = byWord.get(word);
  if (l === undefined) {
    const s = STOP_WORDS.has(word) || word.length > MAX_WORD ? '' : stem(word);
    l = null;
    if (s) {
      l = byText.get(s) ?? null;
      if (!l) byText.set(s, (l = { text: s, bytes: Buffer.byteLength(s), stamp: 0, positions: [] }));
    }
    byWord.set(word, l);
  }
  return l;
}

/** Whether a word holds a digit: such words are not stemmed, and not cached (numbers are the part of
 * a vocabulary that never stops growing). */
function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** The lexeme of a lower-case word with a digit: the word itself, or null when overlong. */
const numberLexeme = (word: string): string | null => (word.length > MAX_WORD ? null : word);

/** The lexeme of a lower-case word as text, or null. */
function lexeme(word: string): string | null {
  return hasDigit(word) ? numberLexeme(word) : lexemeOf(word)?.text ?? null;
}

/** A lexeme in tsvector and tsquery text syntax. */
const quote = (lex: string) => `'${lex.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

const LETTER = /[\p{L}\p{N}]/u;

/** Calls `each` with every word of `text` (lower-cased): each run of letters and digits.
 * A scan by character code, ASCII first: a Unicode regular expression over the whole text cost as much
 * as the rest of building the vector. */
function eachWord(text: string, each: (word: string) => void): void {
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    let word: boolean;
    let width = 1;
    if (c < 128) word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    else {
      const cp = lower.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      word = LETTER.test(String.fromCodePoint(cp));
    }
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      each(lower.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) each(lower.slice(start));
}

/** Each lexeme of a document's title and text, in order of first occurrence, with its word positions
 * (1-based, as to_tsvector counts them: stop words take a position too) in `positions`, which hold
 * until the next call. */
function lexemePositions(title: string | null, text: string): Lexeme[] {
  if (byWord.size >= MAX_WORDS) {
    byWord.clear();
    byText.clear();
  }
  const stamp = ++documentStamp;
  const order: Lexeme[] = [];
  const numbers = new Map<string, Lexeme>(); // this document's words with digits
  const numberOf = (word: string): Lexeme | null => {
    const text = numberLexeme(word);
    if (text === null) return null;
    let l = numbers.get(text);
    if (!l) numbers.set(text, (l = { text, bytes: Buffer.byteLength(text), stamp: 0, positions: [] }));
    return l;
  };
  let at = 0;
  let bytes = 0;
  const add = (word: string) => {
    at++;
    const l = hasDigit(word) ? numberOf(word) : lexemeOf(word);
    if (l === null) return;
    const p = at < MAX_POSITION ? at : MAX_POSITION;
    if (l.stamp === stamp) {
      if (l.positions.length < MAX_POSITIONS) l.positions.push(p);
    } else if (bytes < MAX_LEXEMES_BYTES) {
      bytes += l.text.length * 3; // at most three bytes a UTF-16 unit
      l.stamp = stamp;
      l.positions = [p]; // a new small array: an emptied one would keep its capacity for as long as the cache holds it
      order.push(l);
    }
  };
  if (title) eachWord(title, add);
  eachWord(text, add);
  return order;
}

/** The tsvector (as text) of a document's title and text, with word positions as to_tsvector gives them
 * (ts_rank counts them). */
export function searchVector(title: string | null, text: string): string {
  let out = '';
  for (const l of lexemePositions(title, text)) out += (out ? ' ' : '') + quote(l.text) + ':' + l.positions.join(',');
  return out;
}

/**
 * The same vector in PostgreSQL's binary form (what tsvectorrecv reads): the number of lexemes (int32),
 * then each lexeme as a NUL-terminated UTF-8 string, its number of positions (uint16) and the positions
 * (uint16 each, weight D). The writer sends it as a binary parameter: reading the text form in cost the
 * server ~0.35 ms a news-sized document, this a fraction of that. Lexemes go in the server's order
 * (by their bytes), which spares it a sort; where UTF-16 order differs (beyond the BMP), it sorts them.
 */
export function searchVectorBinary(title: string | null, text: string): Buffer {
  const order = lexemePositions(title, text).sort(inByteOrder);
  let size = 4;
  for (const l of order) size += l.bytes + 3 + 2 * l.positions.length;
  const buf = Buffer.allocUnsafe(size);
  let o = buf.writeInt32BE(order.length, 0);
  for (const l of order) {
    const t = l.text;
    if (l.bytes === t.length) for (let i = 0; i < t.length; i++) buf[o++] = t.charCodeAt(i); // ASCII
    else o += buf.write(t, o);
    buf[o++] = 0;
    const list = l.positions;
    buf[o++] = list.length >> 8;
    buf[o++] = list.length & 0xff;
    for (let i = 0; i < list.length; i++) {
      buf[o++] = list[i] >> 8;
      buf[o++] = list[i] & 0xff;
    }
  }
  return buf;
}

const inByteOrder = (a: Lexeme, b: Lexeme) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);

/** A tsquery (as text) matching documents that hold every searchable word of `query`; '' when it has none. */
export function searchQuery(query: string): string {
  const terms = new Set<string>();
  eachWord(query, (word) => {
    const s = lexeme(word);
    if (s !== null) terms.add(quote(s));
  });
  return [...terms].join(' & ');
}
