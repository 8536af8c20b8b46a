// Tokens, POS and sentences from wink-nlp, with character offsets recovered from the
// lossless token stream (wink keeps each token's text and its preceding spaces).
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Context, Section, Sentence, Stage, Token } from '../context.js';

let nlp: ReturnType<typeof winkNLP> | null = null;
/** The shared wink-nlp instance (loading the model costs ~100 ms, so it is made once). */
export function wink(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

const SPACE = 32;
const APOSTROPHE = 39, RIGHT_QUOTE = 0x2019, LOWER_S = 115, UPPER_S = 83;

/**
 * wink leaves a possessive glued to an unknown name when punctuation follows ("Varga's." is one
 * token) and then remembers the glued form, so every later "Varga's", in this text or the next,
 * stays one token: results would depend on what was read before. Such a token is split here into
 * the name and its "'s", as wink splits it otherwise. Returns the length of the name part, or 0.
 */
function gluedPossessive(v: string): number {
  const n = v.length;
  if (n < 3) return 0;
  const last = v.charCodeAt(n - 1), apos = v.charCodeAt(n - 2);
  return (last === LOWER_S || last === UPPER_S) && (apos === APOSTROPHE || apos === RIGHT_QUOTE) ? n - 2 : 0;
}

/**
 * Lemmas by POS and surface form. wink's lemma of a token is a function of its surface form and
 * its POS (contractions apart, which carry their own), but computing it for a whole column costs
 * about a fifth of reading the document; most words recur, so each (POS, form) pair is asked of
 * wink once. Bounded: cleared when it grows past LEMMA_CAP forms.
 */
const lemmaMemo = new Map<string, Map<string, string>>();
let lemmaCount = 0;
const LEMMA_CAP = 200_000;

export function tokenize(container: string, text: string): Section {
  const n = wink();
  const its = n.its;
  const doc = n.readDoc(text);
  const all = doc.tokens();
  // Whole columns in one call each: per-token item access costs several times more.
  const values = all.out() as string[];
  const pos = all.out(its.pos) as string[];
  const kinds = all.out(its.type) as string[];
  const contracted = all.out(its.contractionFlag as unknown as typeof its.normal) as unknown as boolean[];
  if (lemmaCount > LEMMA_CAP) { lemmaMemo.clear(); lemmaCount = 0; }
  const lemmaOf = (i: number): string => {
    if (contracted[i]) return all.itemAt(i).out(its.lemma as unknown as typeof its.normal) as string;
    let byForm = lemmaMemo.get(pos[i]);
    if (byForm === undefined) lemmaMemo.set(pos[i], byForm = new Map());
    let lemma = byForm.get(values[i]);
    if (lemma === undefined) {
      lemma = all.itemAt(i).out(its.lemma as unknown as typeof its.normal) as string;
      byForm.set(values[i], lemma);
      lemmaCount++;
    }
    return lemma;
  };
  const tokens: Token[] = [];
  // wink's token index → ours (they differ once a glued possessive has been split)
  const first: number[] = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // Plain spaces before a token cannot be part of it (wink never starts a token with one), so
    // skipping them first finds the same offset as indexOf, usually with one comparison.
    if (v.length > 0 && v.charCodeAt(0) !== SPACE) while (text.charCodeAt(cursor) === SPACE) cursor++;
    let at: number, tokenText: string;
    if (text.startsWith(v, cursor)) {
      at = cursor;
      tokenText = v; // the same characters as the text; wink's shared string
    } else {
      at = text.indexOf(v, cursor);
      if (at < 0) at = cursor; // wink normalised the token; keep the stream moving
      tokenText = text.slice(at, Math.min(text.length, at + v.length));
    }
    const end = Math.min(text.length, at + v.length);
    first[i] = tokens.length;
    const cut = kinds[i] === 'word' ? gluedPossessive(tokenText) : 0;
    if (cut) {
      const name = tokenText.slice(0, cut), poss = tokenText.slice(cut);
      tokens.push({ start: at, end: at + cut, text: name, low: name.toLowerCase(), pos: pos[i], lemma: name.toLowerCase(), kind: 'word' });
      tokens.push({ start: at + cut, end, text: poss, low: poss.toLowerCase(), pos: 'PART', lemma: "'s", kind: 'word' });
    } else {
      tokens.push({ start: at, end, text: tokenText, low: tokenText.toLowerCase(), pos: pos[i], lemma: lemmaOf(i), kind: kinds[i] });
    }
    cursor = end;
  }
  // Sentence boundaries as token index pairs: one call, no per-sentence token copies.
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentences: Sentence[] = [];
  for (const [wa, wb] of spans) {
    if (wb < wa || first[wa] === undefined || first[wb] === undefined) continue;
    const a = first[wa], b = wb + 1 < first.length ? first[wb + 1] - 1 : tokens.length - 1;
    sentences.push({ start: tokens[a].start, end: tokens[b].end, tokenStart: a, tokenEnd: b + 1 });
  }
  return { in: container, text, tokens, sentences };
}

export const tokensStage: Stage = {
  name: 'tokens',
  run(ctx: Context) {
    ctx.sections = [
      tokenize('document', ctx.doc.text),
      ...ctx.doc.comments.map((c) => tokenize(c.id, c.text)),
    ];
  },
};
