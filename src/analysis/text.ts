// Small text helpers shared by the judgement modules: name keys, content words, a light stemmer.
// Kept dependency-free so scoring stays a pure, fast function of its inputs.

const LEADING_ARTICLE = /^(the|a|an)\s+/i;

/** A name reduced to a comparison key: lower case, no leading article, no possessive, single spaces. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[’‘]/g, "'")
    .trim()
    .replace(LEADING_ARTICLE, '')
    .replace(/'s$/i, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being has have had do does did ' +
    'this that these those it its they them their he she his her him we our you your i me my not no nor so than then there ' +
    'here who whom which what when where why how all any both each few more most other some such only own same too very can ' +
    'will just should could would may might must shall into over under again further once about against between through ' +
    'during before after above below up down out off also even still yet while because until'
  ).split(' '),
);

/** Words that turn a statement into its denial. */
export const NEGATORS = new Set(['not', 'no', 'never', 'nor', "n't", 'without', 'deny', 'denies', 'denied', 'neither', 'none', 'nothing']);

/** A deliberately light suffix stripper: enough to meet "withdrew/withdraw", "trades/trading" halfway. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  for (const [suffix, repl] of [
    ['ational', 'ate'], ['ization', 'ize'], ['ations', 'ate'], ['ation', 'ate'], ['ments', ''], ['ment', ''],
    ['ingly', ''], ['edly', ''], ['ing', ''], ['ies', 'y'], ['ied', 'y'], ['ed', ''], ['es', ''], ['ly', ''], ['s', ''],
  ] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, w.length - suffix.length) + repl;
      break;
    }
  }
  // collapse a doubled final consonant left by -ing/-ed (trading → trad, stopped → stop)
  if (/([^aeiou])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Lower-cased word tokens, with "n't" split off so negation is visible. */
export function words(text: string): string[] {
  return (text.normalize('NFKC').replace(/[’‘]/g, "'").toLowerCase().match(/n't|[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []).map((w) =>
    w.endsWith("'s") ? w.slice(0, -2) : w,
  );
}

/** Stems of the content words of a text (stopwords and negators dropped). */
export function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w) && !NEGATORS.has(w) && w.length > 1)
    .map(stem);
}

/** Does the text deny rather than assert (an odd number of negators)? */
export function isNegated(text: string): boolean {
  let n = 0;
  for (const w of words(text)) if (NEGATORS.has(w)) n++;
  return n % 2 === 1;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
