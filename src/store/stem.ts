// The English stemmer of the search vector (search-terms.ts): the Porter2 variant that
// wink-eng-lite-web-model ships (dist/porter-stemmer.js), re-implemented by character codes. That one
// is a chain of regular expressions (its R1 and R2 found again by a regular expression at each step)
// and took ~5 µs a word; a dossier's first documents meet a new word in every few, and a fresh process
// paid ~0.1 ms a news article for them. This gives the same stem for every lower-case ASCII word (its
// tests compare the two on words made to reach every rule), in a fraction of the time; any other word
// goes to wink's own. Its own ways are kept where they differ from the Snowball description: only the
// first y after a vowel is a consonant, and "gener", "commun" and "arsen" end R1 only where the word
// has an R1 at all.
import { createRequire } from 'node:module';

/** wink's stemmer itself, for words beyond lower-case ASCII. */
export const winkStem = createRequire(import.meta.url)('wink-eng-lite-web-model/dist/porter-stemmer.js') as (word: string) => string;

/** Lower-case words it returns as they are (or as given) before any step. */
const EXCEPTIONS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl', ugly: 'ugli', early: 'earli',
  only: 'onli', singly: 'singl', sky: 'sky', news: 'news', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes',
});
/** Words left as they are after step 1a. */
const INVARIANT = new Set(['inning', 'outing', 'canning', 'herring', 'proceed', 'exceed', 'succeed', 'earring']);

const Y_MARK = 51; // '3': a y that is a consonant, until the end
const A = 97, E = 101, I = 105, O = 111, U = 117, Y = 121;

/** a, e, i, o, u, y (a marked y is not one). */
const vowel = (c: number) => c === A || c === E || c === I || c === O || c === U || c === Y;

/** Where R1 begins in `s` (its length when empty): after the first non-vowel that follows a vowel,
 * measured from `from` (R2 is R1's R1). */
function regionFrom(s: string, from: number): number {
  for (let j = from; j + 1 < s.length; j++) if (vowel(s.charCodeAt(j)) && !vowel(s.charCodeAt(j + 1))) return j + 2;
  return s.length;
}

/** R1 and R2 of `s`, as the starts of their suffixes. */
function regions(s: string): [r1: number, r2: number] {
  let r1 = regionFrom(s, 0);
  if (r1 < s.length && (s.startsWith('gener') || s.startsWith('arsen'))) r1 = 5;
  else if (r1 < s.length && s.startsWith('commun')) r1 = 6;
  return [r1, regionFrom(s, r1)];
}

/** A short syllable ends `s`: a non-vowel, a vowel, a non-vowel other than w, x or a marked y; or `s` is a
 * vowel and at most one non-vowel. */
function endsShort(s: string): boolean {
  const n = s.length;
  if (n >= 3) {
    const c = s.charCodeAt(n - 1);
    if (!vowel(s.charCodeAt(n - 3)) && vowel(s.charCodeAt(n - 2)) && !vowel(c) && c !== 119 && c !== 120 && c !== Y_MARK) return true;
  }
  return (n === 1 && vowel(s.charCodeAt(0))) || (n === 2 && vowel(s.charCodeAt(0)) && !vowel(s.charCodeAt(1)));
}

/** A vowel in s[from, to). */
function hasVowel(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (vowel(s.charCodeAt(i))) return true;
  return false;
}

/** Suffixes by their last letter, longest first. */
type ByLast = readonly (readonly string[] | undefined)[];
function byLast(suffixes: readonly string[]): ByLast {
  const out: string[][] = [];
  for (const x of [...suffixes].sort((a, b) => b.length - a.length)) (out[x.charCodeAt(x.length - 1)] ??= []).push(x);
  return out;
}

/** The longest of the suffixes that `s` ends with, or ''. */
function longest(s: string, suffixes: ByLast): string {
  const list = suffixes[s.charCodeAt(s.length - 1)];
  if (list) for (const x of list) if (s.endsWith(x)) return x;
  return '';
}

/** y at the start, and the first y after a vowel, marked as consonants. */
function prelude(s: string): string {
  if (s.charCodeAt(0) === Y) s = '3' + s.slice(1);
  for (let i = 1; i < s.length; i++) {
    if (s.charCodeAt(i) === Y && vowel(s.charCodeAt(i - 1)) && s.charCodeAt(i - 1) !== Y) return s.slice(0, i) + '3' + s.slice(i + 1);
  }
  return s;
}

function step1a(s: string): string {
  const n = s.length;
  if (n >= 5 && s.endsWith('sses')) return s.slice(0, -2);
  if (s.endsWith('ied') || s.endsWith('ies')) {
    if (n >= 5) return s.slice(0, -3) + 'i';
    if (n === 4) return s.slice(0, -3) + 'ie';
  }
  if (n >= 3 && (s.endsWith('us') || s.endsWith('ss'))) return s;
  // a final s goes when a vowel comes before the letter before it
  if (n >= 2 && s.charCodeAt(n - 1) === 115 && hasVowel(s, 0, n - 2)) return s.slice(0, -1);
  return s;
}

const DOUBLES = new Set(['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);

function step1b(s: string): string {
  const n = s.length;
  const eed = s.endsWith('eedly') ? 5 : s.endsWith('eed') ? 3 : 0;
  if (eed) return n - regions(s)[0] >= eed ? s.slice(0, n - eed) + 'ee' : s;
  const cut = s.endsWith('ingly') ? 5 : s.endsWith('edly') ? 4 : s.endsWith('ing') ? 3 : s.endsWith('ed') ? 2 : 0;
  if (!cut || !hasVowel(s, 0, n - cut)) return s;
  const sd = s.slice(0, n - cut);
  if (sd.endsWith('at') || sd.endsWith('bl') || sd.endsWith('iz')) return sd + 'e';
  if (DOUBLES.has(sd.slice(-2))) return sd.slice(0, -1);
  if (endsShort(sd) && regions(sd)[0] === sd.length) return sd + 'e';
  return sd;
}

function step1c(s: string): string {
  const n = s.length;
  const c = s.charCodeAt(n - 1);
  return n >= 3 && (c === Y || c === Y_MARK) && !vowel(s.charCodeAt(n - 2)) ? s.slice(0, -1) + 'i' : s;
}

const STEP2 = byLast(['ization', 'ational', 'fulness', 'ousness', 'iveness', 'tional', 'biliti', 'lessli', 'entli', 'ation', 'alism', 'aliti',
  'ousli', 'iviti', 'fulli', 'enci', 'anci', 'abli', 'izer', 'ator', 'alli', 'bli', 'ogi', 'li']);
const STEP2_TO: Record<string, string> = {
  ization: 'ize', ational: 'ate', fulness: 'ful', ousness: 'ous', iveness: 'ive', tional: 'tion', biliti: 'ble', lessli: 'less', entli: 'ent',
  ation: 'ate', alism: 'al', aliti: 'al', ousli: 'ous', iviti: 'ive', fulli: 'ful', enci: 'ence', anci: 'ance', abli: 'able', izer: 'ize', ator: 'ate',
  alli: 'al', bli: 'ble',
};
/** Letters before which a final "li" goes. */
const LI_ENDING = new Set('cdeghkmnrt');

function step2(s: string): string {
  const x = longest(s, STEP2);
  if (!x || s.length - regions(s)[0] < x.length) return s;
  const n = s.length;
  if (x === 'ogi') return s.charCodeAt(n - 4) === 108 ? s.slice(0, -1) : s;
  if (x === 'li') return n >= 3 && LI_ENDING.has(s[n - 3]) ? s.slice(0, -2) : s;
  return s.slice(0, n - x.length) + STEP2_TO[x];
}

const STEP3 = byLast(['ational', 'tional', 'alize', 'icate', 'iciti', 'ative', 'ical', 'ness', 'ful']);
const STEP3_TO: Record<string, string> = { ational: 'ate', tional: 'tion', alize: 'al', icate: 'ic', iciti: 'ic', ical: 'ic', ness: '', ful: '' };

function step3(s: string): string {
  const x = longest(s, STEP3);
  if (!x) return s;
  const [r1, r2] = regions(s);
  if (s.length - r1 < x.length) return s;
  if (x !== 'ative') return s.slice(0, s.length - x.length) + STEP3_TO[x];
  return s.length - r2 >= 5 ? s.slice(0, -5) : s;
}

const STEP4 = byLast(['ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion', 'al', 'er', 'ic']);

function step4(s: string): string {
  const x = longest(s, STEP4);
  if (!x || s.length - regions(s)[1] < x.length) return s;
  if (x !== 'ion') return s.slice(0, s.length - x.length);
  const c = s.charCodeAt(s.length - 4); // s or t before it (NaN where there is no letter)
  return c === 115 || c === 116 ? s.slice(0, -3) : s;
}

function step5(s: string): string {
  const n = s.length;
  const last = s.charCodeAt(n - 1);
  if (last === E) {
    const [r1, r2] = regions(s);
    const preceding = s.slice(0, -1);
    return r2 < n || (r1 < n && !endsShort(preceding)) ? preceding : s;
  }
  if (last === 108 && regions(s)[1] < n && s.endsWith('ll')) return s.slice(0, -1);
  return s;
}

/** Whether every character of `w` is a lower-case ASCII letter. */
function lowerAscii(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < A || c > 122) return false;
  }
  return true;
}

/** The stem of `word`, as wink's stemmer gives it. */
export function stem(word: string): string {
  if (!lowerAscii(word)) return winkStem(word);
  if (word.length < 3) return word;
  const exception = EXCEPTIONS[word];
  if (exception) return exception;
  let s = step1a(prelude(word));
  if (!INVARIANT.has(s)) s = step5(step4(step3(step2(step1c(step1b(s))))));
  return s.includes('3') ? s.replaceAll('3', 'y') : s;
}
