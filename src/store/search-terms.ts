// PostgreSQL's search vector, built here rather than by to_tsvector(): the server's text parser cost
// ~1 ms a news-sized document, as much as everything else storing it; a vector made here is ~0.3 ms
// and the server only reads it in. Words are runs of letters and digits, lower-cased, English stop
// words left out, the rest reduced by the Porter2 (Snowball English) stemmer that wink's model ships.
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

const WORD = /[\p{L}\p{N}]+/gu;
/** PostgreSQL's limits: a lexeme under 2 KB, positions up to 16,383, 255 positions per lexeme kept,
 * 1 MB of lexemes in a vector. Longer words are dropped (as to_tsvector does); past the last limit, new
 * words are not indexed. */
const MAX_WORD = 500;
const MAX_POSITION = 16383;
const MAX_POSITIONS = 255;
const MAX_LEXEMES_BYTES = 1_000_000;

/** Stems by word: a dossier's vocabulary repeats from document to document, and stemming a word costs
 * ~4 µs. Emptied when full, so memory stays bounded. */
const stems = new Map<string, string | null>();
const MAX_STEMS = 100_000;

/** The searchable stem of a lower-case word, or null for a stop word. */
function term(word: string): string | null {
  let s = stems.get(word);
  if (s === undefined) {
    s = STOP_WORDS.has(word) ? null : stem(word);
    if (stems.size >= MAX_STEMS) stems.clear();
    stems.set(word, s);
  }
  return s;
}

/** A lexeme in tsvector / tsquery syntax. */
function lexeme(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The tsvector (as text, cast by the column) of a document's title and text, with word positions as
 * to_tsvector gives them (ts_rank counts them). */
export function searchVector(title: string | null, text: string): string {
  const positions = new Map<string, number[]>();
  let at = 0;
  let bytes = 0;
  for (const part of title ? [title, text] : [text]) {
    for (const m of part.toLowerCase().matchAll(WORD)) {
      at++;
      const word = m[0];
      if (word.length > MAX_WORD) continue;
      const s = term(word);
      if (s === null) continue;
      const list = positions.get(s);
      if (list) {
        if (list.length < MAX_POSITIONS) list.push(Math.min(at, MAX_POSITION));
      } else if (bytes < MAX_LEXEMES_BYTES) {
        bytes += Buffer.byteLength(s);
        positions.set(s, [Math.min(at, MAX_POSITION)]);
      }
    }
  }
  const out: string[] = [];
  for (const [s, list] of positions) out.push(`${lexeme(s)}:${list.join(',')}`);
  return out.join(' ');
}

/** A tsquery (as text) matching documents that hold every searchable word of `query`; '' when it has none. */
export function searchQuery(query: string): string {
  const terms = new Set<string>();
  for (const m of query.toLowerCase().matchAll(WORD)) {
    if (m[0].length > MAX_WORD) continue;
    const s = term(m[0]);
    if (s !== null) terms.add(s);
  }
  return [...terms].map(lexeme).join(' & ');
}
