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
 * What is known of a surface form, asked of wink once per form: its token type and lower-cased
 * text (both functions of the form: wink keeps them per entry of its vocabulary, where a form
 * always finds the same entry), and its lemma under the POS it was first seen with, other POS in
 * `others`. A lemma is a function of form and POS (contractions apart, which carry their own);
 * a whole lemma column costs about a fifth of reading the document, a type column about a tenth,
 * and most words recur. Bounded: cleared when it holds more than FORM_CAP (form, POS) pairs.
 */
interface Form {
  kind: string;
  low: string;
  pos: string;
  lemma: string;
  others: Map<string, string> | null;
}
const forms = new Map<string, Form>();
let formCount = 0;
const FORM_CAP = 200_000;

export function tokenize(container: string, text: string): Section {
  const n = wink();
  const its = n.its;
  const doc = n.readDoc(text);
  const all = doc.tokens();
  // Whole columns in one call each: per-token item access costs several times more.
  const values = all.out() as string[];
  const pos = all.out(its.pos) as string[];
  const contracted = all.out(its.contractionFlag as unknown as typeof its.normal) as unknown as boolean[];
  if (formCount > FORM_CAP) { forms.clear(); formCount = 0; }
  const lemmaAt = (i: number) => all.itemAt(i).out(its.lemma as unknown as typeof its.normal) as string;
  /** The form of token i, its lemma under pos[i] known (unless the token is a contraction). */
  const formOf = (i: number): Form => {
    const v = values[i], p = pos[i];
    let f = forms.get(v);
    if (f === undefined) {
      f = { kind: all.itemAt(i).out(its.type) as string, low: v.toLowerCase(), pos: p, lemma: contracted[i] ? '' : lemmaAt(i), others: null };
      if (contracted[i]) f.pos = ''; // no lemma learnt: the next plain use of the form asks
      forms.set(v, f);
      formCount++;
    } else if (f.pos !== p && !contracted[i]) {
      if (f.pos === '') { f.pos = p; f.lemma = lemmaAt(i); }
      else if (f.others === null || !f.others.has(p)) { (f.others ??= new Map()).set(p, lemmaAt(i)); formCount++; }
    }
    return f;
  };
  const lemmaOf = (i: number, f: Form): string => {
    if (contracted[i]) return lemmaAt(i);
    return f.pos === pos[i] ? f.lemma : f.others!.get(pos[i])!;
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
    // `` and '' stand for double quote marks in plain-text dumps of newspaper archives; wink splits
    // them into two tokens, which are made one here so the quote mark reads as one
    const last = tokens[tokens.length - 1];
    if ((v === "'" || v === '`') && last && last.text === v && last.end === at) {
      last.end = end;
      last.text = last.low = last.lemma = v + v;
      first[i] = tokens.length - 1;
      cursor = end;
      continue;
    }
    first[i] = tokens.length;
    const f = formOf(i);
    const kind = f.kind;
    const cut = kind === 'word' ? gluedPossessive(tokenText) : 0;
    if (cut) {
      const name = tokenText.slice(0, cut), poss = tokenText.slice(cut);
      tokens.push({ start: at, end: at + cut, text: name, low: name.toLowerCase(), pos: pos[i], lemma: name.toLowerCase(), kind: 'word' });
      tokens.push({ start: at + cut, end, text: poss, low: poss.toLowerCase(), pos: 'PART', lemma: "'s", kind: 'word' });
    } else {
      tokens.push({ start: at, end, text: tokenText, low: tokenText === v ? f.low : tokenText.toLowerCase(), pos: pos[i], lemma: lemmaOf(i, f), kind });
    }
    cursor = end;
  }
  // Sentence boundaries as token index pairs: one call, no per-sentence token copies.
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentences: Sentence[] = [];
  for (const [wa, wb] of spans) {
    if (wb < wa || first[wa] === undefined || first[wb] === undefined) continue;
    const a = first[wa], b = wb + 1 < first.length ? first[wb + 1] - 1 : tokens.length - 1;
    if (b < a) continue; // a sentence of only the first half of a merged quote mark: the mark is in the next
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
