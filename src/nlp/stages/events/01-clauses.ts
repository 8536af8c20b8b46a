// Events, step 1: sentences cut into clauses, so that an event gets the actors, place and date
// of its own clause ("Sky News obtained documents last year proving that Assad withdrew … in
// 2015": the withdrawal is dated by "in 2015", not by "last year"). Cheap and shallow:
// punctuation that separates clauses, and the words that open a subordinate or relative clause.
import type { Section, Sentence, Token } from '../../context.js';

/** A clause as a token range [tokenStart, tokenEnd) within one sentence. */
export interface Clause {
  tokenStart: number;
  tokenEnd: number;
  /** Index of the sentence in section.sentences. */
  sentence: number;
}

const SEPARATORS = new Set([';', ':', '–', '—', '--', '“', '”', '"', '«', '»', '„']);
const OPENERS = new Set(['that', 'who', 'which', 'whom', 'whose', 'because', 'while', 'whereas', 'although', 'though', 'when', 'whenever', 'if', 'unless', 'but', 'since']);
/** Subordinators whose clause ends at the next comma ("when Palmyra fell to ISIS, Assad had been warned"). */
const ADVERBIAL = new Set(['because', 'while', 'whereas', 'although', 'though', 'when', 'whenever', 'if', 'unless', 'since']);

function isSeparator(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t.text.length <= 2 && SEPARATORS.has(t.text)) return true; // every separator is that short
  if (t.pos === 'SPACE') return t.text.includes('\n'); // a line break always ends a clause
  // A spaced hyphen is a dash ("Palmyra - who …"); an unspaced one joins a compound ("air-strikes").
  if (t.text === '-') {
    const prev = tokens[i - 1], next = tokens[i + 1];
    return !!prev && !!next && prev.end < t.start && next.start > t.end;
  }
  return false;
}

function opensClause(t: Token, w: string): boolean {
  if (!OPENERS.has(w)) return false;
  // "that" as a determiner ("that city") opens nothing.
  if (w === 'that') return t.pos === 'SCONJ' || t.pos === 'PRON';
  return true;
}

/** "but" opens a clause after a comma, not inside a phrase ("not once but twice"). */
function butOpens(tokens: Token[], i: number, w: string): boolean {
  return w !== 'but' || (i > 0 && tokens[i - 1].text === ',');
}

/** The clauses of one sentence; `low` holds the section's tokens lower-cased. */
export function clausesOf(section: Section, sentenceIndex: number, low: string[]): Clause[] {
  const s: Sentence = section.sentences[sentenceIndex];
  const tokens = section.tokens;
  const out: Clause[] = [];
  let start = s.tokenStart;
  let adverbial = false;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i];
    if (isSeparator(tokens, i) || (adverbial && t.text === ',')) {
      close(tokens, out, start, i, sentenceIndex);
      start = i + 1;
      adverbial = false;
    } else if (opensClause(t, low[i]) && butOpens(tokens, i, low[i])) {
      if (i > start) close(tokens, out, start, i, sentenceIndex);
      start = i;
      adverbial = ADVERBIAL.has(low[i]);
    }
  }
  close(tokens, out, start, s.tokenEnd, sentenceIndex);
  return out;
}

/** Add the clause [start, end) to `out`, without the punctuation and spaces at its edges. */
function close(tokens: Token[], out: Clause[], start: number, end: number, sentence: number): void {
  let a = start, b = end;
  while (a < b && (tokens[a].pos === 'PUNCT' || tokens[a].pos === 'SPACE')) a++;
  while (b > a && (tokens[b - 1].pos === 'PUNCT' || tokens[b - 1].pos === 'SPACE')) b--;
  if (b > a) out.push({ tokenStart: a, tokenEnd: b, sentence });
}
