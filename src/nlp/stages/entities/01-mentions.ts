// Step 1: find name mentions in one section and guess their type from the name itself and its
// neighbours. Works on wink-nlp tokens: a name is a run of capitalised words (with the joints
// names have: al-, bin, de, hyphens, "of the" after an organisation or title word), then
// trimmed (possessive, determiner) and widened where the benchmark convention counts more
// ("The UN Security Council", "Iraqi security forces", "Reuters news agency").
import type { EntityType } from '../../../types.js';
import type { Section, Token } from '../../context.js';
import {
  DEMONYM_PLACE_NOUNS, EVENT_FIRST, EVENT_HEADS, FIRST_NAMES, GOVERNMENT_NOUNS, GROUP_NOUNS, GROUP_NOT_MERGED, MEDIA_NOUNS, NEWSPAPER_HEADS, NOT_NAMES, ORG_HEADS, PERSON_VERBS,
  PLACE_FIRST, PLACE_HEADS, PLACE_PREPS, TITLES_BY_FIRST, TITLE_TAILS, TITLE_WORDS, demonymCountry, lookup,
  pluralDemonymCountry, type GazetteerEntry,
} from './lexicon.js';

/** A mention before resolution. `core` is the name without title or determiner. */
export interface Candidate {
  in: string;
  start: number;
  end: number;
  text: string;
  /** The name proper: "Fateh Hassoun" in "Colonel Fateh Hassoun". Empty for a bare title. */
  core: string;
  /** Title or rank in front of a person's name ("Colonel", "Foreign Secretary"), else null. */
  title: string | null;
  /** Type read from the name itself; null when only context or resolution can tell. */
  type: EntityType | null;
  /** Type guessed from the neighbours, used when resolution finds nothing. */
  fallback: EntityType;
  entry?: GazetteerEntry;
  /** "Free Syrian Army (FSA)": the acronym candidate points at the name it abbreviates. */
  expands?: Candidate;
  /** "Syrian government", "Assad regime": the country whose government this names. */
  governmentOf?: GazetteerEntry;
  /** "ISIS fighters", "Iraqi security forces": the group noun and the name it follows. */
  group?: { noun: string; base: Candidate };
  /** The name inside a wider mention, as an alias: "ISIL" in "ISIL troops". */
  alias?: string;
  /** "the regime", "the army", "the group": a head noun after "the" that refers back to the
   *  latest organisation of that kind (for regime and government: the latest government). */
  headRef?: string;
  /** Something beside the name says it is a person: a speech verb after it. */
  personEvidence?: boolean;
  /** A personal pronoun, resolved to the latest person ("he", "I") or group ("we", "they") nearby. */
  pronoun?: 'person' | 'group';
  /** True for a pronoun inside quotation marks (someone quoted speaks, not the writer). */
  quoted?: boolean;
  /** Sentence number across the whole document (sections in order), for pronoun distance. */
  sentence: number;
  /** Order of appearance across the whole document (sections in order). */
  order: number;
}

const CONNECTORS = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'de', 'ez', 'ad', 'as', 'ash', 'az', 'ar', 'an', 'ud', 'du', 'da', 'di', 'van', 'von', 'der', 'la', 'le', 'del', 'dos', 'y']);
const JOINTS = new Set(['in', 'of', 'and', 'the', 'for', 'on']);
const ENGLISH_CONNECTORS = new Set(['as', 'an']);
// POS of sentence-initial capitalised words that are not names.
const NOT_NAME_POS = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'ADV', 'AUX', 'PART', 'NUM', 'INTJ', 'VERB', 'PUNCT', 'SYM']);
/** A word or phrase in capitals as running text writes a name ("ALEPPO" as "Aleppo", "FREE SYRIAN ARMY"
 * as "Free Syrian Army"); anything else as it is. */
const asWritten = (s: string) => (isUpper(s) ? s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()) : s);
/** Two characters or more, a letter among them, none of them lower case (ASCII by character code; a
 * word beyond ASCII by case mapping). */
function isUpper(s: string): boolean {
  if (s.length < 2) return false;
  let letter = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 128) return s === s.toUpperCase() && s !== s.toLowerCase();
    if (c >= 65 && c <= 90) letter = true;
  }
  return letter;
}

/** Short words a headline capitalises and running text does not, as title case writes them. In capitals
 * ("IN", "ON", "OR") they count only in a line in capitals: elsewhere they are as likely Indiana, Ontario
 * or Oregon. */
const HEADLINE_WORDS = new Set(['A', 'An', 'And', 'Or', 'But', 'Of', 'In', 'On', 'At', 'To', 'For', 'With', 'From', 'By', 'As', 'Into', 'Over', 'After', 'About',
  'Near', 'Amid', 'Against', 'Under', 'Before', 'Despite', 'Than', 'If', 'How', 'Why', 'What', 'When',
  'Is', 'Are', 'Was', 'Were', 'Be', 'Been', 'Has', 'Have', 'Had', 'Its', 'Up', 'Out', 'Off', 'Not']);
const headlineWord = (w: string, capsLine: boolean) => HEADLINE_WORDS.has(w) || (capsLine && isUpper(w) && HEADLINE_WORDS.has(asWritten(w)));

const FUNCTION_WORDS = new Set(['The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'We', 'They', 'I', 'You', 'His', 'Her', 'Our', 'Their', 'My', 'Your',
  'But', 'And', 'Or', 'So', 'Yet', 'If', 'When', 'While', 'As', 'In', 'On', 'At', 'For', 'With', 'From', 'By', 'To', 'Of', 'After', 'Before', 'Since', 'Although', 'Though',
  'Because', 'There', 'Here', 'What', 'Who', 'Why', 'How', 'Where', 'Which', 'Now', 'Then', 'Also', 'However', 'Meanwhile', 'Some', 'Many', 'Most', 'All', 'Both', 'Each',
  'Every', 'No', 'Not', 'One', 'Two', 'Three', 'Several', 'Other', 'Another', 'Such', 'Only', 'Even', 'Just', 'Still', 'Over', 'Under', 'During', 'Despite', 'Instead', 'Among',
  'Yes', 'Oh', 'Well', 'Please', 'Let', 'Do', 'Does', 'Did', 'Is', 'Are', 'Was', 'Were', 'Be', 'Has', 'Have', 'Had', 'Can', 'Could', 'Will', 'Would', 'Should', 'May', 'Might', 'Must',
  'According', 'Like', 'Unlike', 'Until', 'Unless', 'Whether', 'Perhaps', 'Maybe', 'Indeed', 'Thus', 'Therefore', 'Moreover', 'Furthermore', 'Besides',
  'Today', 'Yesterday', 'Tomorrow', 'Last', 'Next', 'First', 'Second', 'Third', 'Finally', 'Again', 'More', 'Less', 'Few', 'Much', 'Very', 'Too', 'Almost', 'About', 'Around',
  'Against', 'Between', 'Through', 'Within', 'Without', 'Across', 'Along', 'Behind', 'Beyond', 'Into', 'Onto', 'Upon', 'Via', 'Per', 'Said', 'Says', 'Asked', 'Told']);
const TIME_WORDS = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'June', 'July',
  'August', 'September', 'October', 'November', 'December']);
// Religious and ethnic group words: "Sunni Arabs", "Shia Muslim worshippers" are groups (ORG), never persons.
const GROUP_WORDS = new Set(['Sunni', 'Sunnis', 'Shia', 'Shias', 'Shiite', 'Shiites', "Shi'ite", 'Muslim', 'Muslims', 'Arab', 'Arabs', 'Kurdish', 'Kurd', 'Kurds', 'Christian',
  'Christians', 'Alawite', 'Alawites', 'Yazidi', 'Yazidis', 'Druze', 'Turkmen', 'Jewish', 'Jews', 'Assyrian', 'Assyrians', 'Bedouin', 'Salafi', 'Salafist', 'Salafists', 'Jihadi', 'Jihadist', 'Jihadists', 'Islamist', 'Islamists']);
// Lower-case place nouns that make a name a place of its own: "Mosul district", "Anbar province".
const PLACE_NOUNS: string[][] = ['province', 'district', 'governorate', 'region', 'neighbourhood', 'neighborhood', 'countryside', 'subdistrict', 'sub-district', 'valley', 'river', 'mountains', 'desert'].map((w) => [w]);
// "the village of X", "west of X": "of" marks a place only after these.
const OF_PLACE = new Set(['city', 'town', 'village', 'suburb', 'district', 'province', 'region', 'governorate', 'outskirts', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'centre', 'center', 'heart', 'area', 'capital', 'port', 'neighbourhood', 'neighborhood', 'countryside', 'streets', 'siege', 'battle', 'fall', 'liberation', 'recapture', 'people', 'residents', 'mayor', 'governor', 'portion', 'part', 'parts', 'areas', 'suburbs']);
// Verbs and nouns whose object is usually a place: "fled Karabilah", "the assault on Sadah".
const PLACE_VERBS = new Set(['fled', 'entered', 'captured', 'recaptured', 'liberated', 'retook', 'retake', 'retaking', 'seized', 'shelled', 'besieged', 'stormed',
  'evacuated', 'reached', 'striking', 'struck', 'visited', 'visiting', 'visit', 'overran', 'overrun', 'encircled', 'surrounded', 'outskirts', 'toward', 'towards', 'leaving', 'left', 'occupied']);
// Nouns that make a country's possessive a place ("Syria's north", "Iraq's borders"), not its government.
const PLACE_OWNED = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'capital', 'border', 'borders', 'coast', 'territory',
  'airspace', 'soil', 'city', 'cities', 'town', 'towns', 'province', 'provinces', 'region', 'regions', 'countryside', 'desert', 'streets', 'largest', 'second',
  // What happens on the ground and who lives there: "Syria's civil war", "Iraq's communities".
  'war', 'conflict', 'people', 'population', 'communities', 'civilians', 'heritage', 'villages', 'ruins']);
const ATTACK_NOUNS = new Set(['assault', 'attack', 'attacks', 'offensive', 'raid', 'raids', 'strike', 'strikes', 'airstrikes', 'march', 'advance']);
// Geographic coordinates: 33°47′N 44°30′E, 33.783°N 44.500°E, 33.783; 44.500 (after one of the others).
const COORDINATES = /\d{1,3}°(?:\s*\d{1,2}′)?(?:\s*\d{1,2}(?:\.\d+)?″)?\s*[NS]\s+\d{1,3}°(?:\s*\d{1,2}′)?(?:\s*\d{1,2}(?:\.\d+)?″)?\s*[EW]|\d{1,3}\.\d+°\s*[NS]\s+\d{1,3}\.\d+°\s*[EW]|(?<=[NSEW]\s*\/\s*)-?\d{1,3}\.\d+;\s*-?\d{1,3}\.\d+/gu;
const COMPASS = new Set(['North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Upper', 'Lower', 'Greater', 'Northeast', 'Northwest', 'Southeast', 'Southwest', 'North-East', 'North-West', 'South-East', 'South-West']);
// Subject pronouns, the ones that say who speaks or acts ("he said", "we will strike"); "it" and
// object or possessive pronouns are left out: too often they stand for no named thing.
const PRONOUNS = new Map<string, 'person' | 'group'>([
  ['I', 'person'], ['he', 'person'], ['He', 'person'], ['she', 'person'], ['She', 'person'],
  ['we', 'group'], ['We', 'group'], ['they', 'group'], ['They', 'group'],
]);
// "(Arabic: جيش …, Jaysh aṭ-Ṭā’ifa)": a bracket that spells the name before it in another language
// holds transliterations of that name, not further mentions (re3d leaves them unmarked).
const LANGUAGES = new Set(['Arabic', 'Kurdish', 'Persian', 'Farsi', 'Turkish', 'Hebrew', 'Syriac', 'Aramaic', 'Sorani', 'Kurmanji', 'Pashto', 'Urdu', 'Russian', 'French', 'German']);
const PRONOUN_LIKE = new Set(['I', 'He', 'She', 'We', 'They', 'It', 'You']);

/** Starts with a capital letter (ASCII fast path), has no digit, is not a capitalised pronoun. */
function isCap(t: Token): boolean {
  if (t.kind !== 'word') return false;
  const c = t.text.charCodeAt(0);
  const s = t.text;
  if (c < 128 ? !(c >= 65 && c <= 90) : !/^\p{Lu}/u.test(s)) return false;
  for (let k = 1; k < s.length; k++) { const d = s.charCodeAt(k); if (d >= 48 && d <= 57) return false; }
  return !(s.length <= 4 && PRONOUN_LIKE.has(s));
}
/** Are all the words of toks[first, end) written in lower case somewhere in the section? */
function everyLower(v: SectionView, first: number, end: number): boolean {
  for (let k = first; k < end; k++) if (!v.lowerWords.has(v.toks[k].low)) return false;
  return true;
}
const startsLower = (s: string) => { const c = s.charCodeAt(0); return c < 128 ? c >= 97 && c <= 122 : /^\p{Ll}/u.test(s); };
/** "n't" or "n’t", the tail of a contraction the tokenizer split off. */
const isNt = (t: Token | undefined) => !!t && t.text.length === 3 && t.text.charCodeAt(0) === 110 && t.text.charCodeAt(2) === 116 && (t.text[1] === "'" || t.text[1] === '’');
/** "-", "‐" or "‑" (NaN, outside the text, is none). */
const isDash = (c: number) => c === 45 || c === 0x2010 || c === 0x2011;
const isApostrophe = (c: number) => c === 39 || c === 0x2019;
/** A lower-case letter (one UTF-16 unit; NaN is none). */
const isLowerUnit = (c: number) => c >= 97 && c <= 122 || c > 127 && /^\p{Ll}/u.test(String.fromCharCode(c));
/** Without a leading "the "/"The " (and the spaces after it). */
const dropThe = (s: string) => (s.charCodeAt(0) === 116 || s.charCodeAt(0) === 84 ? s.replace(/^(?:the|The)\s+/, '') : s);
const isHyphen = (t: Token | undefined) => !!t && (t.text === '-' || t.text === '‐' || t.text === '‑');
/** Capitals (dots and "&" inside), two letters at least. The first two characters turn most words away before the expressions run. */
const isAllCaps = (s: string) => {
  const c0 = s.charCodeAt(0), c1 = s.charCodeAt(1);
  if (!(c0 >= 65 && c0 <= 90) || !(c1 >= 65 && c1 <= 90 || c1 === 46 || c1 === 38)) return false;
  return /^[A-Z][A-Z.&]*[A-Z.]$/.test(s) && s.replace(/[^A-Z]/g, '').length >= 2;
};
const lc = (t: Token | undefined) => (t ? t.low : '');
/** "'s" or "’s" (as /^['’]s$/ tests it, without a regular expression). */
const isPossessiveS = (s: string) => s.length === 2 && s.charCodeAt(1) === 115 && isApostrophe(s.charCodeAt(0));

interface SectionView {
  sec: Section;
  toks: Token[];
  /** Token index → true when it is the first word of its sentence (after quotes, bullets). */
  initial: Uint8Array;
  /** Lower-case words seen in lower case somewhere in the section: evidence of a common word. */
  /** Is this (lower-case) word written in lower case somewhere in the section? Answers are memoised. */
  lowerWords: { has(word: string): boolean };
  /** Capitalised words seen somewhere other than at a sentence start. */
  capsElsewhere: { has(word: string): boolean };
  /** Token index → 1 when a line break comes between it and the token before. */
  lineBreak: Uint8Array;
  /** Is token k's line title-cased (a heading)? There capitals say nothing. Worked out on first use. */
  titleCase(k: number): boolean;
  /** Is token k's line a headline: title-cased, with a capitalised word such as "On" or "To" after its
   * start, and no byline (a line of names alone is title-cased too, and stays as it is)? */
  headline(k: number): boolean;
  /** Is token k's line in capitals (title-cased, no lower-case letter)? */
  capsLine(k: number): boolean;
  /** Is `word` written elsewhere than on token k's line, in running text away from a sentence's start (a
   * heading's capitals say nothing; the text's own use of the word does)? */
  capsOutsideLine(word: string, k: number): boolean;
  /** lookup() of the text from token a's start to token b's end (b included), remembered per span. */
  span(a: number, b: number): GazetteerEntry | undefined;
  /** runEnd(v, i) of the latest i asked (acceptInitial and findMentions ask for the same one). */
  runFrom: number;
  runTo: number;
}
/** A letter or digit (NaN, outside the text, is not). */
const isWordChar = (c: number) => c < 128 ? ASCII_WORD[c] === 1 : c < 65536 && wideWordChar(c);
/** ASCII letters and digits, by code (a table read beats three range tests in the per-character scans). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 ? 1 : 0;
/** Beyond ASCII, the answer per UTF-16 unit is worked out once: 1 = word character, 2 = not. */
const WIDE = new Uint8Array(65536);
function wideWordChar(c: number): boolean {
  let w = WIDE[c];
  if (w === 0) WIDE[c] = w = /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 2;
  return w === 1;
}
/** A word of word characters only, starting with a lower-case ASCII letter or a character beyond ASCII. */
function lowerRun(s: string): boolean {
  const c = s.charCodeAt(0);
  if (!(c >= 97 && c <= 122 || c > 127)) return false;
  for (let k = 0; k < s.length; k++) if (!isWordChar(s.charCodeAt(k))) return false;
  return true;
}
/** A bit set over hashes (FNV-1a) of words: has() may answer true for a word never added, never false for one added. */
class RunBits {
  private bits: Uint32Array;
  private mask: number;
  constructor(expected: number) {
    let size = 1024;
    while (size < expected * 8) size *= 2;
    this.bits = new Uint32Array(size >>> 5);
    this.mask = size - 1;
  }
  static hash(s: string, from: number, to: number): number {
    let h = 0x811c9dc5;
    for (let k = from; k < to; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619);
    return h >>> 0;
  }
  addHash(h: number): void {
    const x = (h >>> 7) & this.mask;
    this.bits[x >>> 5] |= 1 << (x & 31);
  }
  has(word: string): boolean {
    const x = (RunBits.hash(word, 0, word.length) >>> 7) & this.mask;
    return (this.bits[x >>> 5] & (1 << (x & 31))) !== 0;
  }
}
/** The maximal runs of word characters in a text that lowerRun accepts, as a RunBits. */
function lowerRunBits(text: string): RunBits {
  const n = text.length;
  const out = new RunBits(n >>> 2);
  // One pass: a run that lowerRun accepts is hashed as it is read (the hash of RunBits.hash); others are skipped.
  for (let k = 0; k < n;) {
    const c = text.charCodeAt(k);
    if (!isWordChar(c)) { k++; continue; }
    k++;
    if (c >= 97 && c <= 122 || c > 127) {
      let h = Math.imul(0x811c9dc5 ^ c, 16777619);
      for (let d: number; k < n && isWordChar(d = text.charCodeAt(k)); k++) h = Math.imul(h ^ d, 16777619);
      out.addHash(h >>> 0);
    } else while (k < n && isWordChar(text.charCodeAt(k))) k++;
  }
  return out;
}
// (`` and '' are one token each, the double quote marks of plain-text archives: see where OPENERS is read)
const OPENERS = new Set(['"', '“', '‘', "'", '•', '*', '–', '—']);

/**
 * Per-token scratch arrays, reused from one section to the next (findMentions runs one section at a
 * time, start to end): a fresh typed array per section costs more than the work done with it.
 * scratch(k, n) hands out array k with its first n entries zeroed; entries past n are zero too
 * (every use writes below n only and the next use zeroes what the last one wrote), so reads past the
 * end see 0 where a fresh array of length n gives undefined: the same answer to every test made.
 */
const SCRATCH8: Uint8Array[] = [new Uint8Array(1024), new Uint8Array(1024), new Uint8Array(1024), new Uint8Array(1024)];
const DIRTY8 = [0, 0, 0, 0];
function scratch8(k: number, n: number): Uint8Array {
  let a = SCRATCH8[k];
  if (a.length < n) { let size = a.length; while (size < n) size *= 2; SCRATCH8[k] = a = new Uint8Array(size); }
  else a.fill(0, 0, Math.max(DIRTY8[k], n));
  DIRTY8[k] = n;
  return a;
}
let SENT_OF = new Uint32Array(1024);
let sentDirty = 0;
function scratchSentOf(n: number): Uint32Array {
  if (SENT_OF.length < n) { let size = SENT_OF.length; while (size < n) size *= 2; SENT_OF = new Uint32Array(size); }
  else SENT_OF.fill(0, 0, Math.max(sentDirty, n));
  sentDirty = n;
  return SENT_OF;
}

function view(sec: Section): SectionView {
  const toks = sec.tokens;
  const initial = scratch8(0, toks.length);
  for (const s of sec.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (toks[i].kind === 'word' || toks[i].kind === 'number') { initial[i] = 1; break; }
    }
  }
  // A word after a line break or an opening quote/colon also starts a sentence in dumps and quotes.
  // One pass over the text marks the tokens that follow a line break.
  const lineBreak = scratch8(1, toks.length);
  const text = sec.text;
  // nlAt: the first line break at or after nlFrom (text.length when there is none).
  let nlFrom = 0, nlAt = -1;
  for (let i = 1; i < toks.length; i++) {
    const prev = toks[i - 1];
    if (prev.start < nlFrom || nlAt < prev.start) {
      nlFrom = prev.start;
      nlAt = text.indexOf('\n', nlFrom);
      if (nlAt < 0) nlAt = text.length;
    }
    const nl = nlAt < toks[i].start;
    if (nl) lineBreak[i] = 1;
    const p = prev.text;
    // '' closes as often as it opens: it opens only after a space or at the start
    if (nl || (p.length === 1 && OPENERS.has(p)) || p === '``' || (p === "''" && (prev.start === 0 || /\s/.test(text[prev.start - 1])))) initial[i] = 1;
  }
  // A line whose longer words (four letters or more) all start with a capital, two at least, is a heading.
  let titleLines: Uint8Array | undefined;
  const titleCase = (k: number): boolean => {
    if (!titleLines) {
      titleLines = scratch8(2, toks.length);
      for (let a = 0; a < toks.length;) {
        let b = a + 1;
        while (b < toks.length && !lineBreak[b]) b++;
        let long = 0, lower = 0;
        for (let x = a; x < b && !lower; x++) {
          const w = toks[x].text;
          if (toks[x].kind !== 'word' || w.length < 4) continue;
          long++;
          if (startsLower(w)) lower++;
        }
        if (long >= 2 && !lower) titleLines.fill(1, a, b);
        a = b;
      }
    }
    return titleLines[k] === 1;
  };
  // Answered on demand, by searching the text. A word of letters and digits only is written whole
  // in the text only if its hash is among the hashes of the text's letter-and-digit runs (a bit set,
  // filled once, on the first question): most words are turned away by it without a search (a search
  // for "american" stops at every "a"). A word whose bit is set is checked by searching.
  const memo = new Map<string, boolean>();
  let runs: RunBits | undefined;
  const lowerWords = {
    has(word: string): boolean {
      let r = memo.get(word);
      if (r === undefined && lowerRun(word) && !(runs ??= lowerRunBits(text)).has(word)) {
        r = false;
        memo.set(word, r);
      }
      if (r === undefined) {
        r = false;
        for (let at = text.indexOf(word); at >= 0 && !r; at = text.indexOf(word, at + 1)) {
          r = !isWordChar(text.charCodeAt(at - 1)) && !isWordChar(text.charCodeAt(at + word.length));
        }
        memo.set(word, r);
      }
      return r;
    },
  };
  // Also on demand: a capitalised word's other occurrences, skipping those that open a sentence.
  // Is `word` written as a whole word away from a sentence's start, outside text[from, to) and, with
  // `running`, outside headings?
  const writtenMidSentence = (word: string, from: number, to: number, running: boolean): boolean => {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if ((at >= from && at < to) || isWordChar(text.charCodeAt(at - 1)) || isWordChar(text.charCodeAt(at + word.length))) continue;
      if (running && titleCase(tokenAt(at))) continue;
      let b = at - 1;
      while (b >= 0 && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 9)) b--;
      if (b >= 0 && !/[.!?\n"“‘'•*–—:]/.test(text[b])) return true;
    }
    return false;
  };
  const capsMemo = new Map<string, boolean>();
  const capsElsewhere = {
    has(word: string): boolean {
      let r = capsMemo.get(word);
      if (r === undefined) capsMemo.set(word, r = writtenMidSentence(word, -1, -1, false));
      return r;
    },
  };
  let headlines: Uint8Array | undefined;
  const headline = (k: number): boolean => {
    if (!titleCase(k)) return false;
    if (!headlines) {
      headlines = scratch8(3, toks.length);
      for (let a = 0; a < toks.length;) {
        let b = a + 1;
        while (b < toks.length && !lineBreak[b]) b++;
        if (titleCase(a)) {
          // (2: a line in capitals)
          let caps = 2;
          for (let x = a; x < b && caps; x++) if (toks[x].kind === 'word' && /\p{L}/u.test(toks[x].text) && !isUpper(toks[x].text)) caps = 0;
          // a capitalised "On" or "To" after its start; a byline ("By Anna Brandt In Kyiv") is none
          let head = 0;
          if (toks[a].low !== 'by') for (let x = a + 1; x < b && !head; x++) if (headlineWord(toks[x].text, caps > 0)) head = 1;
          if (head | caps) headlines.fill(head | caps, a, b);
        }
        a = b;
      }
    }
    return (headlines[k] & 1) === 1;
  };
  const capsLine = (k: number): boolean => {
    headline(k);
    return titleCase(k) && (headlines![k] & 2) === 2;
  };
  /** The token starting at or last before character `at`. */
  const tokenAt = (at: number): number => {
    let lo = 0, hi = toks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (toks[mid].start <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const outsideMemo = new Map<string, boolean>();
  const capsOutsideLine = (word: string, k: number): boolean => {
    let a = k, b = k + 1;
    while (a > 0 && !lineBreak[a]) a--;
    while (b < toks.length && !lineBreak[b]) b++;
    const from = toks[a].start, to = toks[b - 1].end;
    const key = `${from}\0${word}`;
    let r = outsideMemo.get(key);
    // (in running text: another heading's capitals say nothing either)
    if (r === undefined) outsideMemo.set(key, r = writtenMidSentence(word, from, to, true));
    return r;
  };
  // Names are looked up span by span, often the same span several times (findMentions' checks, then
  // classify): the answer is kept under the pair of token indices, which spares slicing and hashing the text.
  const spans = new Map<number, GazetteerEntry | null>();
  const nt = toks.length;
  const span = (a: number, b: number): GazetteerEntry | undefined => {
    const key = a * nt + b;
    let e = spans.get(key);
    if (e === undefined) spans.set(key, e = lookup(text.slice(toks[a].start, toks[b].end)) ?? null);
    return e ?? undefined;
  };
  return { sec, toks, initial, lowerWords, capsElsewhere, capsOutsideLine, lineBreak, titleCase, headline, capsLine, span, runFrom: -1, runTo: -1 };
}

/** May a capitalised word that opens a sentence start a name? */
function acceptInitial(v: SectionView, i: number): boolean {
  const t = v.toks[i];
  if (FUNCTION_WORDS.has(t.text)) return false;
  if (lookup(t.text) || FIRST_NAMES.has(t.text) || TITLE_WORDS.has(t.text) || demonymCountry(t.text) || pluralDemonymCountry(t.text) || GROUP_WORDS.has(t.text)) return true;
  if (isAllCaps(t.text)) return true;
  const next = v.toks[i + 1];
  if (next && isCap(next) && !spaceBreak(v, i + 1)) {
    if (v.span(i, runEnd(v, i) - 1)) return true;
    return !NOT_NAME_POS.has(t.pos) && t.pos !== 'NOUN' && !v.lowerWords.has(t.low);
  }
  if (v.lowerWords.has(t.low)) return false;
  return t.pos === 'PROPN';
}

/** True when a line break separates token i from the one before it. */
function spaceBreak(v: SectionView, i: number): boolean {
  return v.lineBreak[i] === 1;
}
const glued = (v: SectionView, i: number) => i > 0 && v.toks[i - 1].end === v.toks[i].start;

/** Does the run so far end in a word that takes an "of"/"for" complement inside a name? */
function takesComplement(words: string[]): boolean {
  const last = words[words.length - 1];
  return ORG_HEADS.has(last) || TITLE_WORDS.has(last) || PLACE_HEADS.has(last) || last === 'Members' || last === 'Head' || last === 'Leader';
}

/** Extend a name run from token i; returns the exclusive end token index. */
function runEnd(v: SectionView, i: number): number {
  if (v.runFrom !== i) { v.runTo = runEndFrom(v, i); v.runFrom = i; }
  return v.runTo;
}
function runEndFrom(v: SectionView, i: number): number {
  const { toks } = v;
  const n = toks.length;
  let j = i + 1;
  while (j < n) {
    if (spaceBreak(v, j)) break;
    const t = toks[j];
    // "Won't" is split by the tokenizer into "Wo" + "n't": a contraction ends the name.
    if (isNt(toks[j + 1])) break;
    if (isCap(t) && !TIME_WORDS.has(t.text)) { j++; continue; }
    // Hyphen glued on both sides inside a name: Abdel-Latif, Brigadier-General, Al-Raqqa, ez-Zor.
    if (isHyphen(t) && glued(v, j) && toks[j + 1] && glued(v, j + 1) && (isCap(toks[j + 1]) || CONNECTORS.has(lc(toks[j + 1])) && toks[j + 3] && isCap(toks[j + 3]))) { j++; continue; }
    // "Ibrahim al- Jaafari": an article's hyphen with a stray space after it.
    if (isHyphen(t) && glued(v, j) && CONNECTORS.has(toks[j - 1].text) && toks[j + 1] && isCap(toks[j + 1]) && !spaceBreak(v, j + 1)) { j++; continue; }
    // English words among them ("as", "an") join only in their hyphenated Arabic form ("Ahrar as-Sham"):
    // "Uzbekistan as Minister" is two things.
    if (CONNECTORS.has(t.text) && toks[j + 1] && (isCap(toks[j + 1]) && !glued(v, j + 1) && !ENGLISH_CONNECTORS.has(t.text) || isHyphen(toks[j + 1]) && toks[j + 2] && isCap(toks[j + 2]))) { j++; continue; }
    if ((t.text === 'of' || t.text === 'for') && toks[j + 1]) {
      const words = toks.slice(i, j).map((x) => x.text);
      const k = toks[j + 1].text === 'the' ? j + 2 : j + 1;
      if (toks[k] && isCap(toks[k]) && takesComplement(words)) { j = k; continue; }
    }
    if (t.text === '&' && toks[j + 1] && isCap(toks[j + 1])) { j++; continue; }
    // A known name with a lower-case joint: "Al Qaeda in Iraq", "Islamic State of Iraq and the Levant".
    if (JOINTS.has(t.text)) {
      let k = j + 1;
      while (k < n && k < j + 5 && !isCap(toks[k])) k++;
      let m = k;
      while (m < n && m < k + 3 && isCap(toks[m])) m++;
      if (m > k && v.span(i, m - 1)) { j = m; continue; }
    }
    break;
  }
  return offJoints(toks, i, j);
}

/** The end of the name toks[i, j) without the joints it ends on ("of", "al-"): a name never ends on one. */
function offJoints(toks: Token[], i: number, j: number): number {
  while (j > i + 1 && (CONNECTORS.has(toks[j - 1].text) || isHyphen(toks[j - 1]) || ['of', 'for', 'the', '&'].includes(toks[j - 1].text))) j--;
  return j;
}

/** Split a person name from the title in front of it. Returns [titleWordCount, ok]. */
function titleLength(words: string[]): number {
  let titled = false;
  for (let k = 0; k < 4 && k < words.length && !titled; k++) titled = TITLE_WORDS.has(words[k]) || TITLES_BY_FIRST.has(words[k]);
  if (!titled) return 0;
  // Up to three qualifier words may precede the title: "Iraqi President", "UK Foreign Secretary", "FCO Minister".
  for (let p = 0; p <= Math.min(3, words.length - 1); p++) {
    const pre = words.slice(0, p);
    if (!pre.every((w) => demonymCountry(w) || isAllCaps(w) || lookup(w) || ['Foreign', 'Office', 'Home', 'Defence', 'Defense', 'Former', 'Deputy', 'Acting', 'Interim', 'Senior', 'Assistant', 'Vice', 'Head', 'Junior', 'Shadow', 'State', 'Chief', 'Terrorism', 'Security', 'Army', 'Military', 'Opposition', 'Staff', 'Regional', 'Provincial', 'Then', 'Trade', 'Health', 'Interior', 'Justice', 'Finance'].includes(w))) break;
    let at = p;
    let matched = false;
    // Titles can stack: "HE Dr Ibrahim", "Brigadier-General".
    for (;;) {
      const tt = TITLES_BY_FIRST.get(words[at]?.replace(/-/g, '') ?? '')?.find((t) => t.every((w, k) => words[at + k] === w || words[at + k] === w.replace(/-/g, '')));
      if (!tt) break;
      at += tt.length;
      matched = true;
    }
    if (!matched) continue;
    // "Minister for the Middle East", "Minister of Foreign Affairs of Iraq": the complement belongs to the title.
    while (words[at] === 'for' || words[at] === 'of') {
      const tail = TITLE_TAILS.find((t) => t.every((w, k) => words[at + k] === w));
      if (tail) { at += tail.length; continue; }
      let k = at + 1;
      while (k < words.length && !FIRST_NAMES.has(words[k])) k++;
      at = k;
    }
    return at;
  }
  return 0;
}

/** Find and type the name mentions of one section. `order` continues across sections. */
export function findMentions(sec: Section, orderStart: number, sentenceStart = 0): Candidate[] {
  const v = view(sec);
  const { toks } = v;
  const out: Candidate[] = [];
  const acronymFor = new Map<number, Candidate>();
  let order = orderStart;
  // Sentence number of each token, for the distance between a pronoun and its antecedent.
  const sentOf = scratchSentOf(toks.length);
  sec.sentences.forEach((st, k) => { for (let x = st.tokenStart; x < st.tokenEnd; x++) sentOf[x] = sentenceStart + k; });
  // Quotation depth: curly quotes open and close, straight double quotes toggle.
  let quoteDepth = 0;
  let skipTo = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.text.length === 1) {
      if (t.text === '“') quoteDepth++;
      else if (t.text === '”') quoteDepth = Math.max(0, quoteDepth - 1);
      else if (t.text === '"') quoteDepth = quoteDepth > 0 ? 0 : 1;
    }
    if (v.lineBreak[i] && quoteDepth > 0 && !/["“]/.test(t.text)) quoteDepth = 0; // quotes do not run across paragraphs unclosed
    // The part of speech first: a test of one string spares most words the lookup.
    const pro = t.pos === 'PRON' ? PRONOUNS.get(t.text) : undefined;
    if (pro) {
      out.push({ in: sec.in, start: t.start, end: t.end, text: t.text, core: '', title: null, type: null, fallback: 'PERSON', pronoun: pro, quoted: quoteDepth > 0, sentence: sentOf[i], order: order++ });
      continue;
    }
    if (!isCap(t)) {
      // "the regime" refers to the government last named, "the army" to the last army.
      // The word before first: only after "the" is a head noun a reference.
      const d = i > 0 ? toks[i - 1].text : '';
      if ((d === 'the' || d === 'The') && HEAD_REFS.has(t.text) && isHeadRef(toks, i)) out.push(headRef(sec, toks, i, sentOf[i], order++));
      continue;
    }
    // "The Coalition", "The Army" (capitalised) work the same way.
    if (isHeadRef(toks, i) && HEAD_REFS_CAP.has(t.text) && !(toks[i + 1] && isCap(toks[i + 1])) && !lookup(t.text)) {
      out.push(headRef(sec, toks, i, sentOf[i], order++));
      continue;
    }
    if (TIME_WORDS.has(t.text) || i < skipTo) continue;
    if (toks[i + 1]?.text === ':' && toks[i - 1]?.text === '(' && LANGUAGES.has(t.text)) {
      // A quoted translation after it ("Army of the Victorious Sect") is English again.
      while (i < toks.length && !/^[)"“]$/.test(toks[i].text)) i++;
      continue;
    }
    if (v.initial[i] && !acceptInitial(v, i)) continue;
    let end = runEnd(v, i);
    // A heading capitalises every word. There a capitalised "In", "And" or "On" joins no name ("By Anna
    // Brandt In Kyiv"); and in a headline a run is a name only as far as its words are capitalised
    // elsewhere in the text too, away from a sentence's start ("Trump Stands Tall On Proposal For Border
    // Wall With Mexico" names Trump, then Mexico; the rest is no name). A known name at the start of a
    // run stands whole ("Free Syrian Army Retakes Town"); a word in capitals counts as written with one.
    if (v.titleCase(i) && !v.span(i, end - 1)) {
      const head = v.headline(i);
      const knownTo = (m: number) => !!v.span(i, m) || (isUpper(t.text) && !!lookup(asWritten(sec.text.slice(t.start, toks[m].end))));
      let known = end - 1;
      while (known >= i && !knownTo(known)) known--;
      const caps = v.capsLine(i);
      const named = (w: string) => {
        if (headlineWord(w, caps)) return false;
        if (!head) return true;
        const u = isUpper(w), ww = u ? asWritten(w) : w;
        return !FUNCTION_WORDS.has(ww) && (v.capsOutsideLine(w, i) || (u && v.capsOutsideLine(ww, i)));
      };
      let k = i;
      while (k < end && (k <= known || !isCap(toks[k]) || named(toks[k].text))) k++;
      k = offJoints(toks, i, k);
      // (nor is a title left on its own: "Chairman" of "Chairman Pledges…")
      if (k === i || (k === i + 1 && titleLength([t.text]) > 0)) continue;
      end = k;
    }
    // "Iraq’s Security Forces", "the UK’s brave Armed Forces": a country's named organisation is one
    // mention (as re3d marks it), the organisation's.
    let ownedOrg = false;
    // "DFAT’s Middle East Branch": an organisation's named unit likewise.
    if (toks[end] && isPossessiveS(toks[end].text) && glued(v, end) && ownerOfUnits(sec.text.slice(t.start, toks[end - 1].end))) {
      let k = end + 1;
      while (toks[k] && toks[k].pos === 'ADJ' && startsLower(toks[k].text)) k++;
      if (toks[k] && isCap(toks[k]) && !spaceBreak(v, k) && !v.initial[k]) {
        const e2 = runEnd(v, k);
        // An acronym's unit needs a name of its own ("DFAT’s Middle East Branch", not "ABC’s TV show").
        if (ORG_HEADS.has(toks[e2 - 1].text) && (e2 - k >= 2 || v.span(i, end - 1)?.kind === 'country')) { end = e2; ownedOrg = true; }
      }
    }
    // "UK-France co-operation": two names joined by a hyphen are two mentions ("Iran-Iraq War" is one event).
    for (let k = i + 1, event = end - i > 2 && EVENT_HEADS.has(toks[end - 1].text); k < end - 1 && !event; k++) {
      if (isHyphen(toks[k]) && isCap(toks[k - 1]) && (lookup(toks[k - 1].text) || v.span(k + 1, end - 1)) && !v.span(i, end - 1)) { end = k; break; }
    }
    // A sentence-initial "The" opens the name it belongs to ("The Daily Beast", "The UN").
    let first = i;
    if (toks[first].text === 'The' && end - first > 1) first++;
    // Leading words that are never names on their own ("Northern" stays: "Northern Iraq").
    while (end - first > 1 && FUNCTION_WORDS.has(toks[first].text) && !TITLE_WORDS.has(toks[first].text)) first++;
    while (end - first > 1 && FUNCTION_WORDS.has(toks[end - 1].text)) end--;
    // "In Turkey Minister Ellwood met…": a place name then a title are two mentions.
    for (let k = i + 1; k < end - 1; k++) {
      if (!TITLES_BY_FIRST.has(toks[k].text)) continue;
      const left = v.span(i, k - 1);
      if (left && left.type === 'PLACE' && !isAllCaps(toks[k - 1].text)) end = k;
      break;
    }
    // "ISIS Collaboration" in a title-cased heading: a known name, then common words in capitals.
    if (end - i > 1 && !v.span(i, end - 1)) {
      for (let k = end - 1; k > i; k--) {
        if (!v.span(i, k - 1)) continue;
        // The common words cut off are no name either.
        if (toks.slice(k, end).every((x) => (v.titleCase(k) || v.lowerWords.has(x.low)) && !ORG_HEADS.has(x.text) && !PLACE_HEADS.has(x.text) && !EVENT_HEADS.has(x.text))) { skipTo = end; end = k; }
        break;
      }
    }
    // "Browns DL Sheldon Richardson": a descriptor in capitals, then a person's given name, are two mentions.
    if (end - i > 2 && !v.span(i, end - 1)) {
      for (let k = i + 1; k < end - 1; k++) {
        if (!FIRST_NAMES.has(toks[k].text) || !isCap(toks[k + 1])) continue;
        const before = toks.slice(i, k).map((x) => x.text);
        // Only a descriptor that reads as one (an acronym, a known name, an organisation word) is split off:
        // "Zahid Mohammed Rawi" stays one person.
        const descriptor = before.some((w) => isAllCaps(w) || ORG_HEADS.has(w) || !!lookup(w));
        if (descriptor && titleLength([...before, toks[k].text]) === 0 && !PLACE_FIRST.has(before[0]) && !before.some((w) => CONNECTORS.has(w) || isHyphen(toks[i]))) end = k;
        break;
      }
    }
    // "Foreign & Commonwealth Office" is one name, "Hezbollah & Houti" two.
    for (let k = i + 1; k < end; k++) if (toks[k].text === '&' && !ORG_HEADS.has(toks[end - 1].text)) { end = k; break; }
    // "al-Hilla": a lower-case article glued to the name belongs to it.
    if (first >= 2 && isHyphen(toks[first - 1]) && glued(v, first) && glued(v, first - 1) && CONNECTORS.has(toks[first - 2].text)) first -= 2;
    const cand = classify(v, first, end, order);
    i = end - 1;
    if (!cand) continue;
    // "the UK’s Armed Forces": the determiner is the country's, not the organisation's.
    if (ownedOrg && cand.start < toks[first].start) { cand.start = toks[first].start; cand.text = sec.text.slice(cand.start, cand.end); }
    cand.sentence = sentOf[first];
    order++;
    const pending = acronymFor.get(first);
    if (pending) cand.expands = pending;
    // "Free Syrian Army (FSA)": remember that the acronym inside the brackets abbreviates this name.
    if (toks[end]?.text === '(' && toks[end + 2]?.text === ')' && isAllCaps(toks[end + 1].text) && !cand.expands) acronymFor.set(end + 1, cand);
    out.push(cand);
  }
  shareTypesInLists(sec.text, out);
  // Coordinates name a place too; each is its own (nameless) place, keyed by what it says.
  if (sec.text.includes('°')) {
    for (const m of sec.text.matchAll(COORDINATES)) {
      const start = m.index ?? 0;
      let k = 0;
      while (k < toks.length && toks[k].end <= start) k++;
      out.push({ in: sec.in, start, end: start + m[0].length, text: m[0], core: m[0], title: null, type: 'PLACE', fallback: 'PLACE', sentence: sentOf[Math.min(k, toks.length - 1)] ?? 0, order: order++ });
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

// Head nouns that, after "the", refer back to an organisation named before.
const HEAD_REFS = new Set(['regime', 'government', 'army', 'military', 'group', 'coalition', 'militia', 'movement', 'alliance']);
const HEAD_REFS_CAP = new Set([...HEAD_REFS].map((w) => w[0].toUpperCase() + w.slice(1)));

/** Is token i a head noun after "the", not itself followed by a name or an "of" complement? */
function isHeadRef(toks: Token[], i: number): boolean {
  // Called for every word: the cheap test on the word before goes first.
  const d = toks[i - 1]?.text;
  if (d !== 'the' && d !== 'The') return false;
  const next = toks[i + 1];
  return HEAD_REFS.has(toks[i].low) && !(next && (/^\p{Lu}/u.test(next.text) || next.text === 'of' || isHyphen(next)));
}

function headRef(sec: Section, toks: Token[], i: number, sentence: number, order: number): Candidate {
  const d = toks[i - 1], noun = toks[i].low;
  return { in: sec.in, start: d.start, end: toks[i].end, text: sec.text.slice(d.start, toks[i].end), core: noun, title: null, type: 'ORG', fallback: 'ORG', headRef: noun, sentence, order };
}

/** "Qamenas, Sarmin and Talamenes": names of unknown type take the type of a typed neighbour in a list. */
function shareTypesInLists(text: string, cs: Candidate[]): void {
  // "X and Y" joins two names; a bare comma only inside a longer list ("X, Y and Z"), not an apposition.
  // "Northern Iraq including Rabiyah": what a name includes is of its kind too.
  // A lower-case "the" before the next name stays outside its span, so the joint may end in it.
  const conj = (a: Candidate, b: Candidate) => /^(?:\s+and\s+|\s+or\s+|\s*,\s*and\s+|\s*\/\s*|,?\s+including\s+|,?\s+such as\s+)(?:the\s+)?$/.test(text.slice(a.end, b.start));
  const comma = (a: Candidate, b: Candidate) => /^\s*,\s*(?:the\s+)?$/.test(text.slice(a.end, b.start));
  // a = cs[ka], b = cs[ka + 1]
  const joined = (ka: number) => {
    const a = cs[ka], b = cs[ka + 1];
    if (conj(a, b)) return true;
    if (!comma(a, b)) return false;
    const after = cs[ka + 2], before = cs[ka - 1];
    return !!after && (conj(b, after) || comma(b, after)) || !!before && (conj(before, a) || comma(before, a));
  };
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 0; k < cs.length; k++) {
      const c = cs[k];
      if (c.type || c.title || c.pronoun) continue;
      const ok = (x: Candidate | undefined) => !!x && (!!x.type || x.fallback === 'PLACE') && !x.governmentOf && !x.group && !x.pronoun;
      const nb = ok(cs[k - 1]) && joined(k - 1) ? cs[k - 1] : ok(cs[k + 1]) && joined(k) ? cs[k + 1] : undefined;
      if (nb) { c.fallback = nb.type ?? nb.fallback; if (nb.type) c.type = nb.type; }
      // Beside a country read as its government ("between Armenia and Nagorno-Karabakh"): a place, not a person.
      else if (cs[k - 1]?.governmentOf && joined(k - 1) || cs[k + 1]?.governmentOf && joined(k)) c.fallback = 'PLACE';
    }
  }
}

/** Phrase lists indexed by first word, longest phrase first. */
const byFirst = new Map<readonly string[][], Map<string, string[][]>>();
function groupAt(toks: Token[], k: number, list: readonly string[][]): string[] | undefined {
  if (!toks[k]) return undefined;
  let idx = byFirst.get(list);
  if (!idx) {
    idx = new Map();
    for (const g of list) { if (!idx.has(g[0])) idx.set(g[0], []); idx.get(g[0])!.push(g); }
    byFirst.set(list, idx);
  }
  const gs = idx.get(toks[k].text);
  if (!gs) return undefined;
  outer: for (const g of gs) {
    for (let x = 0; x < g.length; x++) if (!toks[k + x] || toks[k + x].text !== g[x]) continue outer;
    return g;
  }
  return undefined;
}

function classify(v: SectionView, first: number, end: number, order: number): Candidate | null {
  const { toks, sec } = v;
  const words: string[] = [];
  for (let k = first; k < end; k++) words.push(toks[k].text);
  const surface = sec.text.slice(toks[first].start, toks[end - 1].end);
  const prev = toks[first - 1];
  const prev2 = toks[first - 2];
  const next = toks[end];
  let type: EntityType | null = null;
  let fallback: EntityType = 'PERSON';
  let entry = v.span(first, end - 1);
  // a heading in capitals: "TURKEY" is Turkey (elsewhere a word in capitals stays an acronym's)
  if (!entry && v.titleCase(first) && isUpper(surface)) entry = lookup(asWritten(surface));
  let title: string | null = null;
  let core = surface;
  const last = words[words.length - 1];

  // Weak single-word outlet names ("Time", "Independent") only count with a media word or "the" next to them.
  if (entry && entry.kind === 'outlet' && words.length === 1 && !/^[A-Z]{2,}$/.test(surface)) {
    const media = next && groupAt(toks, end, MEDIA_NOUNS);
    if (!media && lc(prev) !== 'the' && !PERSON_VERBS.has(lc(next)) && !['told', 'by', 'to'].includes(lc(prev))) entry = undefined;
  }
  // "Gulf War", "Iran-Iraq War", "Security Council Resolution 2328": events and documents, not actors.
  if (words.length > 1 && EVENT_HEADS.has(last) && !entry) return null;
  if (words.length > 1 && EVENT_FIRST.has(words[0]) && !entry) return null;
  // A head word alone ("Troops", "Ministers", "Police") is a common noun, capitalised or not.
  if (words.length === 1 && ORG_HEADS.has(surface) && !entry && !isAllCaps(surface)) return null;
  // A span that starts or ends inside a word ("Reş" split at a letter the tokenizer does not join) is no name.
  if (isWordChar(sec.text.charCodeAt(toks[end - 1].end)) || isWordChar(sec.text.charCodeAt(toks[first].start - 1))) return null;
  if (isHyphen(toks[first - 1]) && EVENT_HEADS.has(toks[end]?.text ?? '')) return null;
  if (words.length === 1 && NOT_NAMES.has(surface) && !entry && !(GROUP_WORDS.has(surface) && groupAt(toks, end, GROUP_NOUNS))) return null;
  // "US-led", "Jordan-made", "Prime Minister-designate": a name inside a compound modifier, except
  // that "the US-led coalition" is itself a group.
  if (isDash(sec.text.charCodeAt(toks[end - 1].end)) && isLowerUnit(sec.text.charCodeAt(toks[end - 1].end + 1))) {
    const g = /^(?:led|backed|sponsored|funded|allied)$/.test(toks[end + 1]?.text ?? '') ? groupAt(toks, end + 2, GROUP_NOUNS) : undefined;
    if (!g || !entry) return null;
    const det = prev?.text === 'The' ? prev : undefined;
    const from = det ? det.start : toks[first].start;
    const to = toks[end + 1 + g.length].end;
    const text = sec.text.slice(from, to);
    return { in: sec.in, start: from, end: to, text, core: text.replace(/^(?:the|The)\s+/, ''), title: null, type: 'ORG', fallback: 'ORG', group: { noun: g.join(' '), base: { in: sec.in, start: toks[first].start, end: toks[end - 1].end, text: surface, core: surface, title: null, type: entry.type, fallback: entry.type, entry, sentence: 0, order } }, sentence: 0, order };
  }

  if (entry) type = entry.type;
  else if ((ORG_HEADS.has(last) || (NEWSPAPER_HEADS.has(last) && words.length > 1)) && !(PLACE_HEADS.has(last))) type = 'ORG';
  if (!entry) {
    // Titles are matched on words, hyphens aside ("Brigadier-General"). titleLength finds none unless one of
    // the first four words is a title word: that is asked first, before the word lists are made.
    let titled = false;
    for (let k = first, seen = 0; k < end && seen < 4 && !titled; k++) if (!isHyphen(toks[k])) { seen++; titled = TITLE_WORDS.has(toks[k].text) || TITLES_BY_FIRST.has(toks[k].text); }
    const idx: number[] = [];
    if (titled) for (let k = first; k < end; k++) if (!isHyphen(toks[k])) idx.push(k);
    const tw = idx.map((k) => toks[k].text);
    const tl = titled ? titleLength(tw) : 0;
    if (tl > 0 && !(ORG_HEADS.has(last) && tl >= tw.length && !TITLE_WORDS.has(tw[0]))) {
      type = 'PERSON';
      title = sec.text.slice(toks[first].start, toks[idx[tl - 1]].end);
      core = tl < tw.length ? sec.text.slice(toks[idx[tl]].start, toks[end - 1].end) : '';
      if (tl >= tw.length) {
        core = '';
        // "an Iraqi General", "a Minister": an indefinite bare title names no one.
        if (/^an?$/i.test(prev?.text ?? '')) return null;
      } else {
        const e2 = lookup(core);
        if (e2 && e2.type === 'PERSON') entry = e2;
      }
    }
  }
    if (!type && words.every((w) => GROUP_WORDS.has(w))) {
      // "Sunni Arabs", "Kurdish fighters", "Shia Muslim worshippers": a community or its fighters.
      const g0 = groupAt(toks, end, GROUP_NOUNS);
      if (!g0 && !/s$/.test(last)) return null;
      const to = g0 ? toks[end + g0.length - 1].end : toks[end - 1].end;
      // "The Yazidi community" opening a sentence keeps its determiner, like any organisation.
      const from = toks[first - 1]?.text === 'The' && g0 ? toks[first - 1].start : toks[first].start;
      const text = sec.text.slice(from, to);
      return { in: sec.in, start: from, end: to, text, core: text.replace(/^The\s+/, ''), title: null, type: 'ORG', fallback: 'ORG', group: g0 ? { noun: g0.join(' '), base: { in: sec.in, start: toks[first].start, end: toks[end - 1].end, text: surface, core: surface, title: null, type: 'ORG', fallback: 'ORG', sentence: 0, order } } : undefined, sentence: 0, order };
    }
  if (!type) {
    if (words.some((w) => ORG_HEADS.has(w)) && !PLACE_HEADS.has(last)) type = 'ORG';
    else if (PLACE_FIRST.has(words[0]) && words.length > 1 || PLACE_HEADS.has(last) && words.length > 1) type = 'PLACE';
    else if (words.length > 1 && demonymCountry(words[0]) && !FIRST_NAMES.has(words[1])) type = 'ORG';
    else if (words.length === 1 && pluralDemonymCountry(surface)) type = 'ORG';
    else if (words.length > 1 && (FIRST_NAMES.has(words[0]) || words[0] === 'Abu' || words[0] === 'Umm')) type = 'PERSON';
    else if (words.length === 1 && FIRST_NAMES.has(surface)) type = 'PERSON';
    // An unknown word in capitals: an acronym (ORG) when short; a longer one ("WALLACE:" in a
    // transcript) is a person only if one of that name was met, else it is left out.
    else if (words.length === 1 && isAllCaps(surface)) { if (surface.replace(/[^A-Z]/g, '').length <= 6) type = 'ORG'; else return { ...shouted(v, first, end, order) }; }
    else if (words.length > 1 && COMPASS.has(words[0]) && lookup(words.slice(1).join(' '))?.type === 'PLACE') type = 'PLACE';
    // Title-cased common words ("Secret Library", "Funds", "Laker Girls") are not names when the same
    // words, or the head word, occur in lower case.
    else if (everyLower(v, first, end)) return null;
    else if (words.length > 1 && v.lowerWords.has(toks[end - 1].low) && !FIRST_NAMES.has(words[0])) return null;
    // A lone unknown word opening a sentence ("Whilst", "Membership") needs a capitalised use elsewhere.
    else if (words.length === 1 && v.initial[first] && !v.capsElsewhere.has(surface) && !demonymCountry(surface)) return null;
  }
  // A country that acts is its government (re3d types it Organisation): the subject of an action
  // ("Syria has accused Israel"), a possessor ("Australia's response"). After a place preposition,
  // or as the possessor of a place word ("Syria's north"), it stays a place.
  if (entry?.kind === 'country' && words.length <= 3 && !(prev && PLACE_PREPS.has(prev.text))) {
    const possessor = /^['’]s?\b/u.test(sec.text.slice(toks[end - 1].end, toks[end - 1].end + 3));
    const owned = possessor ? toks[end + 1] && (toks[end + 1].pos === 'ADJ' ? toks[end + 2] : toks[end + 1]) : undefined;
    const ownsPlace = !!owned && PLACE_OWNED.has(lc(owned));
    // An action, not a state: "Syria accused", "the UK has worked", but not "Syria is being torn apart".
    const after = toks[end + 1];
    const acts = !!next && (next.pos === 'VERB' && /(?:s|ed)$/.test(next.text)
      || next.pos === 'AUX' && !!after && after.pos === 'VERB' && !/^(?:be|been|being)$/.test(after.text));
    // A country opening a sentence is what the sentence is about, mostly as an actor: "The UK is at the forefront".
    const opens = (v.initial[first] === 1 || lc(prev) === 'the' && v.initial[first - 1] === 1) && !!next && next.text !== ',' && !(isHyphen(next) && lc(prev) === 'the') && !groupAt(toks, end, GROUP_NOUNS) && !(next.pos === 'AUX' && /^(?:be|been|being)$/.test(toks[end + 1]?.text ?? ''));
    const subject = acts && !(prev && prev.pos === 'ADP') || opens || opensBeforeAside(v, first, end);
    if (subject && !possessor || possessor && !ownsPlace || !possessor && countryAsParty(v, first, end)) return finish(v, first, end, entry, order);
  }
  // "between the UK and France", "UK-France co-operation": the parties to a relation act, even after "between".
  if (entry?.kind === 'country' && words.length <= 3 && prev && PLACE_PREPS.has(prev.text) && countryAsParty(v, first, end)) return finish(v, first, end, entry, order);
  // A demonym on its own ("Syrian engineers") is not a mention, unless a group noun follows.
  const soleDemonym = words.length === 1 && demonymCountry(surface);
  let start = toks[first].start;
  let stop = toks[end - 1].end;
  let governmentOf: GazetteerEntry | undefined;
  let group: Candidate['group'];
  let alias: string | undefined;

  // "Kurdish-speaking Iraq", "rebel-held Azaz": re3d counts the compound adjective as part of the place.
  const prev3 = toks[first - 3];
  if (type === 'PLACE' && prev3 && prev3.kind === 'word' && /^(?:speaking|controlled|held|dominated|majority|populated|occupied)$/.test(prev.text) && isHyphen(prev2) && glued(v, first - 1) && glued(v, first - 2)) {
    start = prev3.start;
    alias = surface; // the place's name, not "ISIS-controlled Raqqa", names it in other documents
  }
  // "Mosul district", "Anbar province": a place of its own, named with its lower-case head.
  // An unknown name works too ("Calais region"), not a person's ("Assad province" is no phrase).
  const placeLike = type === 'PLACE' || !type && !FIRST_NAMES.has(words[0]) && !soleDemonym;
  const pn = placeLike && next && !spaceBreak(v, end) ? groupAt(toks, end, PLACE_NOUNS) : undefined;
  if (pn) {
    stop = toks[end + pn.length - 1].end;
    const text = sec.text.slice(start, stop);
    // its name without a compound adjective ("regime-held Idlib province": "Idlib province")
    const name = alias ? sec.text.slice(toks[first].start, stop) : text;
    return { in: sec.in, start, end: stop, text, core: name, title: null, type: 'PLACE', fallback: 'PLACE', sentence: 0, order, ...(alias ? { alias: name } : {}) };
  }
  // "Assad’s regime", "Assad’s brutal regime": a leader's government.
  if (entry?.leads && /^['’]s?$/.test(next?.text ?? '')) {
    let k = end + 1;
    if (toks[k]?.pos === 'ADJ') k++;
    if (toks[k] && GOVERNMENT_NOUNS.has(toks[k].text)) {
      const country = lookupCountry(entry.leads);
      if (country) {
        stop = toks[k].end;
        const text = sec.text.slice(start, stop);
        return { in: sec.in, start, end: stop, text, core: text, title: null, type: 'ORG', fallback: 'ORG', governmentOf: country, sentence: 0, order };
      }
    }
    // "President Bashar al-Assad’s forces": the leader's fighters, a group of their own.
    const fg = toks[k] && LEADER_FORCES.has(toks[k].text) ? [toks[k].text] : undefined;
    if (fg) {
      stop = toks[k + fg.length - 1].end;
      const text = sec.text.slice(start, stop);
      const base: Candidate = { in: sec.in, start, end: toks[end - 1].end, text: surface, core, title, type: 'PERSON', fallback: 'PERSON', entry, sentence: 0, order };
      return { in: sec.in, start, end: stop, text, core: text, title: null, type: 'ORG', fallback: 'ORG', group: { noun: fg.join(' '), base }, sentence: 0, order };
    }
  }
  // "the Mezzeh military airport", "Tabqa airbase": a named facility is a place, its modifier ("military") no group.
  // Not after a group's name ("an ISIS base") or a country ("Syria border crossing"), nor a kind of facility ("a Marine base").
  if ((type === null || type === 'PLACE') && !/^an?$/i.test(prev?.text ?? '') && (!entry || entry.type === 'PLACE' && entry.kind !== 'country') && !soleDemonym && next && !spaceBreak(v, end)) {
    let k = end;
    if (FACILITY_MODIFIERS.has(toks[k].text)) k++;
    // "base" alone is too often figurative ("the Republican base"): only "military base", "air base".
    if (toks[k] && FACILITY_NOUNS.has(toks[k].text) && (k > end || toks[k].text !== 'base')) {
      stop = toks[k].end;
      const text = sec.text.slice(start, stop);
      return { in: sec.in, start, end: stop, text, core: text, title: null, type: 'PLACE', fallback: 'PLACE', sentence: 0, order };
    }
  }
  // Widen over a group noun: "Iraqi security forces", "ISIS fighters", "Assad regime", "Reuters news agency".
  const g = next && !spaceBreak(v, end) && (groupAt(toks, end, GROUP_NOUNS) ?? groupAt(toks, end, MEDIA_NOUNS));
  const baseEntry = entry ?? (soleDemonym ? demonymCountry(surface) : undefined);
  if (g && (baseEntry || type === 'ORG') && !(type === 'PERSON' && !(entry?.leads))) {
    let noun = g.join(' ');
    let gEnd = end + g.length;
    // "Iraqi military officials", "Syrian regime aircrew": the people of a group are a group of their own.
    if (!GROUP_NOT_MERGED.has(noun) && toks[gEnd] && GROUP_NOT_MERGED.has(toks[gEnd].text) && !spaceBreak(v, gEnd)) noun = toks[gEnd++].text;
    const wider = sec.text.slice(start, toks[gEnd - 1].end);
    const wideEntry = lookup(wider);
    const country = baseEntry?.kind === 'country' ? baseEntry : baseEntry?.leads ? lookupCountry(baseEntry.leads) : undefined;
    const isMedia = !!groupAt(toks, end, MEDIA_NOUNS) && !groupAt(toks, end, GROUP_NOUNS);
    if (wideEntry) { entry = wideEntry; type = wideEntry.type; }
    else if (GOVERNMENT_NOUNS.has(noun) && country) { governmentOf = country; type = 'ORG'; }
    else if (isMedia && (type === 'ORG' || entry?.kind === 'outlet')) { type = 'ORG'; }
    else if (baseEntry?.type === 'PERSON') return null;
    else {
      type = 'ORG';
      const base: Candidate = { in: sec.in, start, end: stop, text: surface, core: surface, title: null, type: baseEntry?.type ?? 'ORG', fallback: 'ORG', entry: baseEntry, sentence: 0, order };
      group = { noun, base };
      if (baseEntry?.type === 'ORG' && !GROUP_NOT_MERGED.has(noun)) { entry = baseEntry; group = undefined; alias = surface; }
      else entry = undefined;
    }
    stop = toks[gEnd - 1].end;
    core = sec.text.slice(start, stop);
  } else if (soleDemonym) {
    // "Syrian territory", "Lebanese airspace": the country's ground, a place.
    const dp = next && !spaceBreak(v, end) ? groupAt(toks, end, DEMONYM_PLACE_NOUNS) : undefined;
    if (!dp) return null;
    stop = toks[end + dp.length - 1].end;
    const text = sec.text.slice(start, stop);
    return { in: sec.in, start, end: stop, text, core: text, title: null, type: 'PLACE', fallback: 'PLACE', sentence: 0, order };
  }

  // Types still open: read the neighbours.
  if (!type) {
    if (words.length === 1 && next && next.pos === 'NOUN' && /^\p{Ll}/u.test(next.text) && !FIRST_NAMES.has(surface)) return null;
    if (prev && PLACE_PREPS.has(prev.text) && (prev.text !== 'of' || OF_PLACE.has(lc(prev2)))) fallback = 'PLACE';
    else if (prev && PLACE_VERBS.has(lc(prev)) || lc(prev) === 'on' && ATTACK_NOUNS.has(lc(prev2))) fallback = 'PLACE';
    // "Assyria to the north": a name placed by a compass direction.
    else if (lc(next) === 'to' && lc(toks[end + 1]) === 'the' && /^(?:north|south|east|west|northeast|northwest|southeast|southwest)$/.test(lc(toks[end + 2]))) fallback = 'PLACE';
    else if (next && PERSON_VERBS.has(lc(next))) fallback = 'PERSON';
    else if (lc(prev) === 'the' || lc(prev2) === 'the' && prev?.pos === 'ADJ') fallback = 'ORG';
    // "Middle East Branch", "South Dakota House": a known place or body, then one more word, names a body, not a person.
    else if (words.length > 1 && !words.some((w) => FIRST_NAMES.has(w)) && lc(prev) !== 'said' && startsWithKnown(words)) fallback = 'ORG';
    else fallback = 'PERSON';
    // Inside brackets after a media word: "a pro-regime website (Syrian Perspective)".
    if (prev?.text === '(' && prev2 && groupAt(toks, first - 2, MEDIA_NOUNS)) type = 'ORG';
  } else fallback = type;

  // The determiner belongs to an organisation's or place's name, and to a bare title ("The Foreign
  // Secretary"), but not to a name used as a modifier ("the UNGA meeting") or a possessor. Only a
  // capitalised "The" (opening a sentence) is taken into the span, as re3d marks it: in running text
  // the mention is the name proper, "UN" in "the UN", as its annotators mark it there.
  const det = toks[first - 1]?.text === 'The' ? toks[first - 1] : undefined;
  const possessive = isApostrophe(sec.text.charCodeAt(stop));
  const modifier = possessive || (stop === toks[end - 1].end && !!next && next.pos === 'NOUN' && /^\p{Ll}/u.test(next.text));
  const hyphenAfter = isDash(sec.text.charCodeAt(stop));
  if (det && !modifier && !hyphenAfter && (type !== 'PERSON' || title) && !(entry?.type === 'PERSON' && !title)) start = det.start;

  return {
    in: sec.in, start, end: stop, text: sec.text.slice(start, stop), core: dropThe(core), title, type,
    fallback, entry, governmentOf, group, alias, order, sentence: 0, personEvidence: !!next && PERSON_VERBS.has(lc(next)) || lc(prev) === 'said' || lc(prev) === 'says',
  };
}

// Nouns after a country that make it the party to a policy or relation: "UK support", "Syria sanctions".
const PARTY_NOUNS = new Set(['support', 'commitment', 'commitments', 'efforts', 'policy', 'policies', 'position', 'sanctions', 'aid', 'assistance', 'response',
  'strategy', 'interests', 'involvement', 'intervention', 'contribution', 'role', 'stance', 'relations', 'relationship', 'co-operation', 'cooperation', 'partnership',
  'diplomacy', 'talks', 'negotiations', 'agreement', 'deal', 'ties', 'dialogue', 'summit', 'pledge', 'decision', 'backing', 'funding']);
// Nouns before "with"/"against"/"to" whose complement is a party: "war with Israel", "a threat to the UK".
const PARTY_BEFORE = new Set(['war', 'wars', 'talks', 'deal', 'agreement', 'relations', 'ties', 'negotiations', 'conflict', 'dialogue', 'co-operation', 'cooperation',
  'alliance', 'partnership', 'ceasefire', 'truce', 'threat', 'threats', 'tensions', 'dispute', 'rift', 'rapprochement', 'pressure']);
// Lower-case nouns that make a name before them a facility, a place: "Tabqa airbase", "Mezzeh military airport".
const FACILITY_NOUNS = new Set(['airport', 'airbase', 'airfield', 'base', 'barracks', 'checkpoint', 'prison', 'dam', 'refinery', 'oilfield', 'crossing', 'compound']);
const FACILITY_MODIFIERS = new Set(['military', 'army', 'air', 'police', 'border', 'naval']);
// Plural nouns for actors: a country named among them acts ("its backers, notably Russia").
const ACTOR_NOUNS = new Set(['backers', 'allies', 'partners', 'community', 'members', 'powers', 'donors', 'sponsors', 'supporters', 'governments', 'parties', 'signatories']);
// Before "between X and Y": a stretch of ground, not a relation ("the border between Syria and Turkey").
const GROUND_BEFORE = new Set(['border', 'borders', 'frontier', 'road', 'highway', 'route', 'routes', 'corridor', 'area', 'areas', 'region', 'zone', 'line', 'lines',
  'flights', 'distance', 'crossing', 'crossings', 'districts', 'villages', 'land', 'lands', 'space', 'waters', 'traffic', 'trade', 'travel', 'pipeline', 'railway', 'river', 'sea', 'strait', 'towns', 'cities', 'territory']);

/**
 * A country named as a party rather than as ground (re3d: a country acting as a political entity is an
 * organisation): the agent of a passive ("announced by Russia"), the subject of an infinitive ("pressed
 * for Russia to use"), a side of a relation ("between the UK and France", "UK-France co-operation",
 * "war with Israel", "a threat to the UK"), or the owner of a policy noun ("UK support").
 */
function countryAsParty(v: SectionView, first: number, end: number, depth = 0): boolean {
  const { toks } = v;
  const det = lc(toks[first - 1]) === 'the' ? 1 : 0;
  const p1 = toks[first - 1 - det], p2 = toks[first - 2 - det];
  const next = toks[end], after = toks[end + 1];
  if (!next) return false;
  // "announced by Russia", "backed by Iran".
  if (lc(p1) === 'by' && p2 && p2.pos === 'VERB' && /(?:ed|en|wn|ght|id)$/.test(p2.text)) return true;
  // "for Russia to use its influence": the country does what follows.
  if (next.text === 'to' && after && after.pos === 'VERB' && /^\p{Ll}+$/u.test(after.text) && !/(?:ing|ed)$/.test(after.text) && lc(p1) === 'for') return true;
  // "its backers, notably Russia", "the international community – including Russia and Iran": named among actors.
  if (p1 && /^(?:including|notably|especially|particularly|namely)$/.test(lc(p1)) || lc(p1) === 'as' && lc(p2) === 'such') {
    for (let k = first - 2 - det; k >= 0 && k > first - 7; k--) if (ACTOR_NOUNS.has(lc(toks[k]))) return true;
  }
  // "war with Israel", "a threat to the UK".
  if (p1 && /^(?:with|against|to)$/.test(lc(p1)) && p2 && PARTY_BEFORE.has(lc(p2))) return true;
  // "between the UK and France" (not "the border between Syria and Turkey").
  // After a verb it is mostly movement or division ("travelled between Syria and Iraq"), not a relation.
  const between = (k: number) => lc(toks[k]) === 'between' && !GROUND_BEFORE.has(lc(toks[k - 1])) && !GROUND_BEFORE.has(lc(toks[k - 2])) && toks[k - 1]?.pos !== 'VERB';
  if (between(first - 1 - det)) return true;
  if (lc(p1) === 'and' && p2) {
    // The second of a pair shares the first one's part: "announced by Russia and Turkey".
    const k0 = first - 2 - det;
    if (!depth && isCap(p2) && lookup(p2.text)?.kind === 'country' && countryAsParty(v, k0, k0 + 1, 1)) return true;
    // The second of the pair: "between the UK and France".
    for (let k = first - 2 - det; k >= 0 && k > first - 8; k--) if (between(k)) return true; else if (toks[k].text === ',' || toks[k].pos === 'VERB') break;
  }
  // "UK-France co-operation": a pair joined by a hyphen, then a relation noun (not "the Syria-Iraq border").
  if (isHyphen(next) && glued(v, end) && after && glued(v, end + 1)) {
    let k = end + 2;
    while (toks[k] && isCap(toks[k])) k++;
    if (PARTY_NOUNS.has(lc(toks[k]))) return true;
  }
  if (isHyphen(p1) && glued(v, first) && glued(v, first - 1) && PARTY_NOUNS.has(lc(next))) return true;
  // "that of Australia's diplomatic efforts": a possessor of a policy noun, even after a preposition.
  if (/^['’]s?$/.test(next.text) && glued(v, end)) {
    let k = end + 1;
    while (toks[k] && toks[k].pos === 'ADJ' && startsLower(toks[k].text)) k++;
    return PARTY_NOUNS.has(lc(toks[k]));
  }
  // "UK support for Iraq", "Syria sanctions".
  return PARTY_NOUNS.has(next.text);
}

/** Can this name own a named organisation ("Iraq’s Security Forces", "DFAT’s Middle East Branch")? A country or
 *  a department's acronym; a group named in full keeps its own mention ("the Free Syrian Army’s Joint Command"). */
function ownerOfUnits(name: string): boolean {
  return isAllCaps(name) || lookup(name)?.kind === 'country';
}

/**
 * Do all words but the last of an unknown name make a known place or organisation ("Middle East Branch",
 * "South Dakota House")? With more words after it the name may be a person's with a descriptor in front
 * ("San Francisco Supervisor Jane Kim"); one place word is not enough unless it is an acronym, as
 * countries and cities are given names too ("Chad Bown", "Jordan Reyes").
 */
function startsWithKnown(words: string[]): boolean {
  const k = words.length - 1;
  if (k < 2 && !(k === 1 && isAllCaps(words[0]))) return false;
  const e = lookup(words.slice(0, k).join(' '));
  return !!e && e.type !== 'PERSON';
}

/** A finite verb at k: an auxiliary (not "being"), or a lower-case verb in -s or -ed. */
function finiteAt(toks: Token[], k: number): boolean {
  const n = toks[k];
  return !!n && (n.pos === 'AUX' && lc(toks[k + 1]) !== 'being' || n.pos === 'VERB' && /(?:s|ed)$/.test(n.text) && startsLower(n.text));
}

/** "The UK, as part of the Global Coalition, is committed": a sentence opens on a country, an aside follows, then its verb. */
function opensBeforeAside(v: SectionView, first: number, end: number): boolean {
  const { toks } = v;
  if (!(v.initial[first] === 1 || lc(toks[first - 1]) === 'the' && v.initial[first - 1] === 1) || toks[end]?.text !== ',') return false;
  let list = false;
  for (let k = end + 1; k < toks.length && k < end + 16; k++) {
    const t = toks[k];
    if (/^[.;:!?]$/.test(t.text) || v.initial[k]) return false;
    if (t.text === 'and') list = true;
    // "The UK, the wider Coalition and the Government of Iraq are committed": the first of a list of subjects.
    if (list && (t.pos === 'AUX' || t.pos === 'VERB')) return finiteAt(toks, k);
    if (t.text !== ',' || !toks[k + 1]) continue;
    // The verb after the closing comma is the country's: "…, is working", "…, hosts".
    return finiteAt(toks, k + 1);
  }
  return false;
}

/** What a leader commands as a group of its own: "Assad’s forces" (not "Obama’s opposition"). */
const LEADER_FORCES = new Set(['forces', 'troops', 'army', 'militias', 'militia', 'fighters', 'loyalists', 'soldiers', 'men', 'guards']);

/** A country mention that stands for its government (an ORG), keeping its span rules. */
function finish(v: SectionView, first: number, end: number, country: GazetteerEntry, order: number): Candidate {
  const { toks, sec } = v;
  const det = toks[first - 1]?.text === 'The' ? toks[first - 1] : undefined;
  const possessive = isApostrophe(sec.text.charCodeAt(toks[end - 1].end));
  // "The Iran deal": the determiner is the noun's after it, not the country's.
  const modifier = !!toks[end] && toks[end].pos === 'NOUN' && startsLower(toks[end].text);
  const start = det && !possessive && !modifier ? det.start : toks[first].start;
  const stop = toks[end - 1].end;
  const core = sec.text.slice(toks[first].start, stop);
  return { in: sec.in, start, end: stop, text: sec.text.slice(start, stop), core, title: null, type: 'ORG', fallback: 'ORG', governmentOf: country, sentence: 0, order };
}

/** A long word in capitals: resolved only against a person already named ("PENCE" → Mike Pence). */
function shouted(v: SectionView, first: number, end: number, order: number): Candidate {
  const { toks, sec } = v;
  const start = toks[first].start, stop = toks[end - 1].end;
  const text = sec.text.slice(start, stop);
  return { in: sec.in, start, end: stop, text, core: text, title: null, type: null, fallback: 'PERSON', sentence: 0, order };
}

function lookupCountry(name: string): GazetteerEntry | undefined {
  const e = lookup(name);
  return e?.kind === 'country' ? e : undefined;
}
