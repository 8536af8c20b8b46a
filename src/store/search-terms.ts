// PostgreSQL's search vector, built here rather than by to_tsvector(): the server's text parser cost
// ~1 ms a news-sized document, as much as everything else storing it; a vector made here is ~0.3 ms
// and the server only reads it in. Words are runs of letters and digits, lower-cased, English stop
// words left out, the rest reduced by the Porter2 (Snowball English) stemmer that wink's model ships (stem.ts).
// Words with a digit are kept as they are, as PostgreSQL's `english` configuration keeps numbers and
// words like "3rd" (the stemmer would turn "130" into "1y0").
// Queries are reduced by the same functions, so a document and a query always agree on a word's stem.
// SQLite does not use this: FTS5 tokenizes in-process (porter tokenizer, see sqlite.ts).
import { stem } from './stem.js';

/** The Snowball project's English stop word list (as PostgreSQL's `english` configuration has it):
 * words too common to search for. */
export const STOP_WORDS = new Set(('i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers ' +
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

/** The vocabulary met so far: each lower-case word without a digit, the number of its lexeme (-1 for a
 * stop word), in a table open-addressed by a hash the scan computes as it reads the word's characters, so
 * a word met before is found without making a string of it (a dossier's vocabulary repeats from document
 * to document, and stemming a word costs ~0.7 µs). Emptied before a document when full, so memory stays
 * bounded. Laid out for a cold cache (the writer's turn comes after the analysis of a whole batch has
 * been through it): a slot holds the word's hash beside its entry, an entry its lexeme beside where its
 * characters are, the characters lie one word after another in one array, and a lexeme's state for the
 * document in one place. (With a string, a hash and a lexeme in three arrays of their own, looking a
 * word up cost twice as many misses.) */
const MAX_WORDS = 100_000;
/** Characters the vocabulary keeps at most (2 MB; English words average under ten letters); a word that
 * does not fit is looked up the slow way. */
const MAX_CHARS = 1 << 20;
const SLOTS = 1 << 18; // more than twice MAX_WORDS: probes stay short
/** Per slot: the word's hash, its entry + 1 (0 for an empty slot). */
const table = new Int32Array(2 * SLOTS);
/** Per entry: its lexeme number (-1 for none), where its characters begin in `chars`, its length. */
const entries = new Int32Array(3 * MAX_WORDS);
let wordCount = 0;
let chars = new Uint16Array(1 << 18);
let charsUsed = 0;

/** Lexemes by number: text, UTF-8 length, sort key (see sortKey); and, for the document being indexed
 * (`state`, three numbers a lexeme), the stamp saying a lexeme is in it, its number of positions kept,
 * and where its positions are written. */
let lexemeTexts: string[] = [];
let lexemeBytes: number[] = [];
let lexemeKeys: number[] = [];
const lexemeNumber = new Map<string, number>();
const state = new Int32Array(3 * MAX_WORDS);
const STAMP = 0, COUNT = 1, WRITE_AT = 2;
let documentStamp = 0;

/** Whether a word of `length` characters has room in the vocabulary. */
const room = (length: number) => wordCount < MAX_WORDS && charsUsed + length <= MAX_CHARS;

/** Whether the vocabulary is to be emptied before the next document. */
const full = () => wordCount >= MAX_WORDS || charsUsed >= MAX_CHARS - MAX_WORD;

/** How much the vocabulary holds now (its words and their characters), for tests. */
export const vocabularyInUse = () => ({ words: wordCount, characters: charsUsed });

function clearVocabulary(): void {
  table.fill(0);
  wordCount = 0;
  charsUsed = 0;
  lexemeTexts = [];
  lexemeBytes = [];
  lexemeKeys = [];
  lexemeNumber.clear();
  state.fill(0);
}

/**
 * A 15-bit number in the order of a lexeme's first two UTF-16 units (a shorter lexeme first): both
 * ASCII, exactly; otherwise the same for some neighbours. A vector's lexemes are sorted by it (with
 * their place, in a Uint32Array, which is sorted natively and fast), and only those with the same key
 * are then compared as strings.
 */
function sortKey(t: string): number {
  const u0 = t.length > 0 ? t.charCodeAt(0) : 0;
  const u1 = t.length > 1 ? t.charCodeAt(1) : 0;
  if (u0 >= 128) return 16384 + ((u0 - 128) >> 2);
  return u0 * 128 + (u1 < 128 ? u1 : 127);
}

const byText = (ta: string, tb: string) => (ta < tb ? -1 : ta > tb ? 1 : 0);

/** `order` (lexemes as Collected lists them) sorted by their texts, given each one's sortKey (keyOf). */
function sortLexemes(order: number[], keyOf: (l: number) => number, textOf: (l: number) => string): number[] {
  const n = order.length;
  if (n > 0xffff) return order.sort((a, b) => keyOf(a) - keyOf(b) || byText(textOf(a), textOf(b)));
  const keyed = new Uint32Array(n);
  for (let i = 0; i < n; i++) keyed[i] = (keyOf(order[i]) << 16) | i;
  keyed.sort();
  const sorted = new Array<number>(n);
  for (let i = 0; i < n; i++) sorted[i] = order[keyed[i] & 0xffff];
  // runs of the same key: by text (insertion sort where they are short, as in English; lexemes of a
  // script beyond ASCII share a key more often, and a long run goes to the comparison sort)
  for (let i = 0; i < n;) {
    const key = keyed[i] >>> 16;
    let j = i + 1;
    while (j < n && keyed[j] >>> 16 === key) j++;
    if (j - i > 16) {
      const run = sorted.slice(i, j).sort((a, b) => byText(textOf(a), textOf(b)));
      for (let k = i; k < j; k++) sorted[k] = run[k - i];
      i = j;
      continue;
    }
    for (let k = i + 1; k < j; k++) {
      const l = sorted[k], t = textOf(l);
      let m = k - 1;
      while (m >= i && textOf(sorted[m]) > t) {
        sorted[m + 1] = sorted[m];
        m--;
      }
      sorted[m + 1] = l;
    }
    i = j;
  }
  return sorted;
}

/** The lexeme of a lower-case word without a digit, or null for a stop word or an overlong word. */
const wordLexeme = (word: string): string | null => (STOP_WORDS.has(word) || word.length > MAX_WORD ? null : stem(word) || null);

/** The number of a lexeme, made on first sight. */
function lexemeId(s: string): number {
  let l = lexemeNumber.get(s);
  if (l === undefined) {
    l = lexemeTexts.length;
    lexemeTexts.push(s);
    lexemeBytes.push(Buffer.byteLength(s));
    lexemeKeys.push(sortKey(s));
    lexemeNumber.set(s, l);
  }
  return l;
}

/** Puts a lower-case word without a digit into the vocabulary (which must have room for it): its lexeme
 * number, -1 for none. */
function newWord(word: string, hash: number): number {
  const s = wordLexeme(word);
  const l = s === null ? -1 : lexemeId(s);
  if (charsUsed + word.length > chars.length) {
    const bigger = new Uint16Array(Math.min(MAX_CHARS, Math.max(2 * chars.length, charsUsed + word.length)));
    bigger.set(chars.subarray(0, charsUsed));
    chars = bigger;
  }
  const e = wordCount++;
  entries[3 * e] = l;
  entries[3 * e + 1] = charsUsed;
  entries[3 * e + 2] = word.length;
  for (let i = 0; i < word.length; i++) chars[charsUsed++] = word.charCodeAt(i);
  let slot = hash & (SLOTS - 1);
  while (table[2 * slot + 1] !== 0) slot = (slot + 1) & (SLOTS - 1);
  table[2 * slot] = hash;
  table[2 * slot + 1] = e + 1;
  return l;
}

/** Whether a word holds a digit: such words are not stemmed, and not kept in the vocabulary (numbers are
 * the part of a vocabulary that never stops growing). */
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
  if (hasDigit(word)) return numberLexeme(word);
  const l = newWordOrKnown(word);
  return l < 0 ? null : lexemeTexts[l];
}

/** FNV-1a over UTF-16 units, as the scan computes it. */
const FNV_START = 0x811c9dc5 | 0;
const fnv = (h: number, unit: number) => Math.imul(h ^ unit, 16777619);

function newWordOrKnown(word: string): number {
  if (word.length > MAX_WORD) return -1;
  if (full()) clearVocabulary(); // between documents
  let h = FNV_START;
  for (let i = 0; i < word.length; i++) h = fnv(h, word.charCodeAt(i));
  return known(word, 0, word.length, h) ?? newWord(word, h); // (emptied above unless it has room)
}

/** The lexeme number of the word at text[start, end) if the vocabulary has it. */
function known(text: string, start: number, end: number, hash: number): number | undefined {
  const length = end - start;
  for (let slot = hash & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
    const e = table[2 * slot + 1] - 1;
    if (e < 0) return undefined;
    if (table[2 * slot] !== hash || entries[3 * e + 2] !== length) continue;
    const at = entries[3 * e + 1];
    let i = 0;
    while (i < length && chars[at + i] === text.charCodeAt(start + i)) i++;
    if (i === length) return entries[3 * e];
  }
}

/** A lexeme in tsvector and tsquery text syntax (quotes and backslashes escaped). */
const quote = (lex: string) => `'${lex.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

const LETTER = /[\p{L}\p{N}]/u;

/** Calls `each` with every word of `text` (lower-cased): each run of letters and digits. */
function eachWord(text: string, each: (word: string) => void): void {
  scanWords(text.toLowerCase(), (lower, start, end) => each(lower.slice(start, end)));
}

/**
 * Calls `word(lower, start, end, hash, digit)` for every word of `lower` (already lower-cased): each
 * run of letters and digits, with the FNV-1a hash of its UTF-16 units and whether it holds an ASCII digit.
 * A scan by character code, ASCII first: a Unicode regular expression over the whole text cost as much
 * as the rest of building the vector.
 */
function scanWords(lower: string, word: (lower: string, start: number, end: number, hash: number, digit: boolean) => void): void {
  let start = -1;
  let h = FNV_START;
  let digit = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    let isWord: boolean;
    let width = 1;
    if (c < 128) isWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    else {
      const cp = lower.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      isWord = LETTER.test(String.fromCodePoint(cp));
    }
    if (isWord) {
      if (start < 0) {
        start = i;
        h = FNV_START;
        digit = false;
      }
      h = fnv(h, c);
      if (width === 2) h = fnv(h, lower.charCodeAt(i + 1));
      else if (c >= 48 && c <= 57) digit = true;
    } else if (start >= 0) {
      word(lower, start, i, h, digit);
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) word(lower, start, lower.length, h, digit);
}

/** A document's lexemes with their word positions (1-based, as to_tsvector counts them: stop words take a
 * position too): `order` lists them by first occurrence, a number ≥ 0 for a lexeme of the vocabulary
 * (its positions in `occurrences`, its count in `state`, both valid until the next document), -1 - i
 * for `extras[i]`, a lexeme outside the vocabulary with its own positions: a word with a digit, or a
 * new word met once the vocabulary is full (in a document of more than MAX_WORDS different words, or
 * of more than MAX_CHARS characters of them). */
interface Collected {
  order: number[];
  extras: { text: string; bytes: number; key: number; positions: number[] }[];
  /** (lexeme, position) pairs of vocabulary lexemes in word order, `size` numbers of them. */
  occurrences: Int32Array;
  size: number;
}

let occurrences = new Int32Array(8192);

function collect(title: string | null, text: string): Collected {
  if (full()) clearVocabulary();
  if (documentStamp === 0x7fffffff) {
    documentStamp = 0;
    state.fill(0);
  }
  const stamp = ++documentStamp;
  const order: number[] = [];
  const extras: Collected['extras'] = [];
  const extraAt = new Map<string, number>();
  let at = 0;
  let bytes = 0;
  let size = 0;
  let occ = occurrences;
  const onWord = (lower: string, start: number, end: number, hash: number, digit: boolean) => {
    at++;
    const p = at < MAX_POSITION ? at : MAX_POSITION;
    let l = digit ? undefined : known(lower, start, end, hash);
    if (l === undefined && !digit && end - start <= MAX_WORD && room(end - start)) l = newWord(lower.slice(start, end), hash);
    if (l === undefined) {
      const word = lower.slice(start, end);
      const t = digit ? numberLexeme(word) : wordLexeme(word);
      if (t === null) return;
      l = digit ? undefined : lexemeNumber.get(t);
      if (l === undefined) {
        const i = extraAt.get(t);
        if (i !== undefined) {
          const list = extras[i].positions;
          if (list.length < MAX_POSITIONS) list.push(p);
        } else if (bytes < MAX_LEXEMES_BYTES) {
          bytes += t.length * 3;
          extraAt.set(t, extras.length);
          order.push(-1 - extras.length);
          extras.push({ text: t, bytes: Buffer.byteLength(t), key: sortKey(t), positions: [p] });
        }
        return;
      }
    }
    if (l < 0) return;
    const at3 = 3 * l;
    if (state[at3 + STAMP] === stamp) {
      if (state[at3 + COUNT] >= MAX_POSITIONS) return;
      state[at3 + COUNT]++;
    } else if (bytes < MAX_LEXEMES_BYTES) {
      bytes += lexemeTexts[l].length * 3; // at most three bytes a UTF-16 unit
      state[at3 + STAMP] = stamp;
      state[at3 + COUNT] = 1;
      order.push(l);
    } else return;
    if (size + 2 > occ.length) {
      const bigger = new Int32Array(occ.length * 2);
      bigger.set(occ);
      occ = bigger;
    }
    occ[size++] = l;
    occ[size++] = p;
  };
  if (title) scanWords(title.toLowerCase(), onWord);
  scanWords(text.toLowerCase(), onWord);
  if (occ.length <= 1 << 16) occurrences = occ; // kept for the next document unless a huge one grew it
  return { order, extras, occurrences: occ, size };
}

/** The tsvector (as text) of a document's title and text, with word positions as to_tsvector gives them
 * (ts_rank counts them), lexemes in order of first occurrence. */
export function searchVector(title: string | null, text: string): string {
  const c = collect(title, text);
  const positions = new Map<number, number[]>();
  for (let i = 0; i < c.size; i += 2) {
    const list = positions.get(c.occurrences[i]) ?? [];
    list.push(c.occurrences[i + 1]);
    positions.set(c.occurrences[i], list);
  }
  return c.order.map((l) => l >= 0
    ? `${quote(lexemeTexts[l])}:${positions.get(l)!.join(',')}`
    : `${quote(c.extras[-1 - l].text)}:${c.extras[-1 - l].positions.join(',')}`).join(' ');
}

/**
 * The same vector in PostgreSQL's binary form (what tsvectorrecv reads): the number of lexemes (int32),
 * then each lexeme as a NUL-terminated UTF-8 string, its number of positions (uint16) and the positions
 * (uint16 each, weight D). The writer sends it as a binary parameter: reading the text form in cost the
 * server ~0.35 ms a news-sized document, this a fraction of that. Lexemes go in the server's order
 * (by their bytes), which spares it a sort; where UTF-16 order differs (beyond the BMP), it sorts them.
 */
export function searchVectorBinary(title: string | null, text: string): Buffer {
  const c = collect(title, text);
  const { extras } = c;
  // a lexeme of the vocabulary (l >= 0) or one of the document's extras (l < 0), see Collected
  const keyOf = (l: number) => (l >= 0 ? lexemeKeys[l] : extras[-1 - l].key);
  const textOf = (l: number) => (l >= 0 ? lexemeTexts[l] : extras[-1 - l].text);
  const bytesOf = (l: number) => (l >= 0 ? lexemeBytes[l] : extras[-1 - l].bytes);
  const countOf = (l: number) => (l >= 0 ? state[3 * l + COUNT] : extras[-1 - l].positions.length);
  const order = sortLexemes(c.order, keyOf, textOf);
  let size = 4;
  for (const l of order) size += bytesOf(l) + 3 + 2 * countOf(l);
  const buf = Buffer.allocUnsafe(size);
  let o = buf.writeInt32BE(order.length, 0);
  for (const l of order) {
    const t = textOf(l);
    if (bytesOf(l) === t.length) for (let i = 0; i < t.length; i++) buf[o++] = t.charCodeAt(i); // ASCII
    else o += buf.write(t, o);
    buf[o++] = 0;
    const n = countOf(l);
    buf[o++] = n >> 8;
    buf[o++] = n & 0xff;
    if (l >= 0) {
      state[3 * l + WRITE_AT] = o; // filled from the occurrences below
      o += 2 * n;
    } else {
      for (const p of extras[-1 - l].positions) {
        buf[o++] = p >> 8;
        buf[o++] = p & 0xff;
      }
    }
  }
  const occ = c.occurrences;
  for (let i = 0; i < c.size; i += 2) {
    const l = occ[i], p = occ[i + 1], w = state[3 * l + WRITE_AT];
    buf[w] = p >> 8;
    buf[w + 1] = p & 0xff;
    state[3 * l + WRITE_AT] = w + 2;
  }
  return buf;
}

/** A tsquery (as text) matching documents that hold every searchable word of `query`; '' when it has none. */
export function searchQuery(query: string): string {
  const terms = new Set<string>();
  eachWord(query, (word) => {
    const s = lexeme(word);
    if (s !== null) terms.add(quote(s));
  });
  return [...terms].join(' & ');
}
