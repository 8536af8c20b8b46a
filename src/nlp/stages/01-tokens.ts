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

export function tokenize(container: string, text: string): Section {
  const n = wink();
  const its = n.its;
  const doc = n.readDoc(text);
  const all = doc.tokens();
  // Whole columns in one call each: per-token item access costs several times more.
  const values = all.out() as string[];
  const pos = all.out(its.pos) as string[];
  const kinds = all.out(its.type) as string[];
  const lemmas = all.out(its.lemma as unknown as typeof its.normal) as string[];
  const tokens: Token[] = new Array(values.length);
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
    tokens[i] = { start: at, end, text: tokenText, low: tokenText.toLowerCase(), pos: pos[i], lemma: lemmas[i], kind: kinds[i] };
    cursor = end;
  }
  // Sentence boundaries as token index pairs: one call, no per-sentence token copies.
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentences: Sentence[] = [];
  for (const [a, b] of spans) {
    if (b < a || !tokens[a] || !tokens[b]) continue;
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
