// Attribution frames: from a cue (a reporting verb, "according to", "is sure that", a headline colon,
// a dash that signs a quotation) find who is speaking and what was said. Everything is a scan over the
// section's tokens; the speaker is the noun phrase next to the cue, the content the clause or quotation
// it introduces.
import type { Section, Token } from '../../context.js';
import type { Quotation } from './01-marks.js';
import { CUE_ADJECTIVES, CUE_PARTICIPLES, CUE_VERBS, MEDIA_WORDS, MEDIA_WORDS_CAPITALISED, type CueClass } from './lexicon.js';

export interface CharSpan {
  start: number;
  end: number;
}

/** One attribution found in a section, before speakers are resolved. */
export interface Frame {
  content: CharSpan;
  direct: boolean;
  cue: CharSpan | null;
  speaker: CharSpan | null;
  via: CharSpan[];
}

const NP_POS = new Set(['PROPN', 'NOUN', 'NUM', 'ADJ', 'DET', 'X']);
const NP_INNER = new Set(['of', 'for', 'from', 'in', 'at', 'on', 'with', 'and', '&', 'to', 'close', 'near', 'by', 'between', 'along', 'across', 'inside', 'outside', 'around', 'within', 'among']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
/** Words that take a part of a group with "of": "some of the drivers", "one of them". */
const QUANTIFIERS = new Set(['one', 'some', 'many', 'most', 'all', 'both', 'none', 'each', 'several', 'few', 'any', 'half', 'neither', 'either', 'much', 'more', 'others']);
/** Objects of such a partitive "of" that are pronouns: "one of them said", "several of those present". */
const PARTITIVE_PRONOUNS = new Set(['them', 'us', 'you', 'those', 'these']);
/** Verbs whose object does what a bare infinitive after it says: "helped officials draft …". */
const OBJECT_INFINITIVE = new Set(['help', 'let', 'make', 'have', 'see', 'watch', 'hear', 'allow', 'enable', 'force', 'get']);
/** A word that opens a relative clause after its noun: "residents who fled the town". */
const RELATIVE_PRONOUNS = new Set(['who', 'whom', 'whose', 'that', 'which']);
const SKIP_BEFORE_CUE = new Set(['not', "n't", 'also', 'then', 'later', 'previously', 'recently', 'once', 'again', 'reportedly', 'repeatedly', 'publicly', 'privately', 'further', 'still', 'even', 'only', 'just', 'already', 'never', 'often', 'always', 'first', 'initially', 'simply', 'flatly', 'openly', 'explicitly', 'separately', 'similarly', 'likewise']);
// '' and `` stand for double quote marks in plain-text dumps of newspaper archives (see the tokens stage)
const CLOSERS = new Set(['\u201d', '"', '\u2019', "''"]);
const OPEN_MARKS = new Set(['\u201c', '"', '``', "''"]);
const THAT = new Set(['that']);
/** A token that is, or ends with, a closing quote mark ("”", ".”"). */
const endsQuote = (text: string) => CLOSERS.has(text) || /[\u201d"]$|''$/.test(text);
/** Words that open an adverbial clause (when, why): the shared part of ADVERBIAL_CLAUSE and SUBORDINATORS. */
const SUBORDINATORS_BASE = ['while', 'although', 'though', 'as', 'when', 'because', 'after', 'before', 'since', 'once'];
/** Verbs whose object is only the one told, so "…, she told Reuters." ends the report before it ("accused
 * X, who …, of …" goes on). */
const TELLING = new Set(['tell', 'inform', 'assure', 'remind', 'brief', 'notify', 'warn', 'advise']);
/** Verbs of answering (lemmas): "to" after them names what was answered. */
const ANSWER_VERBS = new Set(['respond', 'reply', 'react']);
/** Verbs whose hearer follows "to" or "with": "spoke to the Ledger". */
const SPOKE_TO = new Set(['speak', 'talk']);
const TELL_LIKE = new Set(['tell', 'inform', 'assure', 'remind', 'advise', 'notify', 'brief', 'convince', 'persuade', 'ask', 'warn', 'urge', 'accuse', 'thank', 'praise', 'criticize', 'criticise', 'blame']);
/** Nouns for a piece of writing or a broadcast: "in an interview with X" relays, "a report by X" speaks for X. */
export const VIA_NOUNS: ReadonlySet<string> = new Set(['article', 'interview', 'op-ed', 'column', 'report', 'statement', 'piece', 'post', 'editorial', 'letter', 'essay', 'story', 'broadcast', 'appearance', 'podcast', 'tweet', 'video']);
const THING_SPEAKERS = new Set(['document', 'documents', 'report', 'reports', 'record', 'records', 'data', 'evidence', 'study', 'studies', 'poll', 'polls', 'papers', 'files', 'emails', 'figures', 'numbers', 'survey', 'surveys', 'results', 'analysis', 'research', 'footage', 'video', 'images', 'photos', 'filings', 'statistics']);

/** Messages that speak for whoever sent them (MESSAGE_NOUNS), and the verbs of sending them (SENDING, lemmas). */
const MESSAGE_NOUNS = new Set(['tweet', 'tweets', 'letter', 'letters', 'statement', 'statements', 'message', 'messages', 'post', 'posts', 'memo', 'email', 'note', 'op-ed', 'essay', 'column', 'video']);
const SENDING = /^(post|send|issue|write|release|publish|tweet|pen|fire|deliver|circulate|sign|file|submit)$/;

/** Words in -ing that are prepositions, not gerunds or participles: "Following the vote officials said". */
const ING_PREPOSITIONS = new Set(['following', 'regarding', 'concerning', 'pending', 'barring', 'citing', 'according', 'during', 'considering', 'excluding', 'notwithstanding']);

const low = (t: Token) => t.low;
/** Lemmas that can start a frame (cue verbs and adjectives, "accord"): one lookup per token. */
const FRAME_LEMMAS: ReadonlySet<string> = new Set([...CUE_VERBS.keys(), ...CUE_ADJECTIVES, 'accord']);
/** The tagger's part of speech, except that a capitalised word after the first is a name ("the Northgate Herald"). */
const posOf = (t: Token, prev: Token | undefined) =>
  (t.pos === 'VERB' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'ADV') && prev && prev.pos !== 'SPACE' && startsCapitalised(t.text) && !endsSentence(prev.text) ? 'PROPN' : t.pos;
/** /[.!?\n]$/ */
const endsSentence = (text: string) => { const c = text.charCodeAt(text.length - 1); return c === 46 || c === 33 || c === 63 || c === 10; };
/** /^\p{Lu}\p{Ll}/u, with the ASCII answers given without the regex (it runs for most words of a phrase). */
function startsCapitalised(text: string): boolean {
  const a = text.charCodeAt(0), b = text.charCodeAt(1);
  if (a < 128 && b < 128) return a >= 65 && a <= 90 && b >= 97 && b <= 122;
  return /^\p{Lu}\p{Ll}/u.test(text);
}
const isPunct = (t: Token) => t.pos === 'PUNCT' || t.kind === 'punctuation';

/** The section's tokens plus the lookups every frame needs. */
export class Scan {
  readonly toks: Token[];
  readonly text: string;
  /** token index → sentence index */
  readonly sentOf: number[];
  /** per sentence, its first token that is not white space */
  private readonly sentStart: number[];
  /** Content already claimed, so a cue inside another attribution's content is not read twice. */
  claimedUntil = -1;

  constructor(readonly section: Section, readonly quotations: Quotation[]) {
    this.toks = section.tokens;
    this.text = section.text;
    // plain arrays: a typed array per section costs an off-heap allocation, more than it saves here
    this.sentOf = new Array<number>(this.toks.length).fill(0);
    this.sentStart = new Array<number>(section.sentences.length).fill(0);
    section.sentences.forEach((s, i) => {
      this.sentOf.fill(i, s.tokenStart, s.tokenEnd);
      let k = s.tokenStart;
      // the tagger leaves a closing quote mark after "." at the start of the next sentence
      while (k < s.tokenEnd - 1 && (this.toks[k].pos === 'SPACE' || this.toks[k].text === '\u201d' || ((this.toks[k].text === '"' || this.toks[k].text === "''") && this.quotationEndingAt(this.toks[k].end)))) k++;
      this.sentStart[i] = k;
    });
  }

  /** Does a quotation end at pos? Quotations do not overlap, so their ends are in order too. */
  private quotationEndingAt(pos: number): boolean {
    const qs = this.quotations;
    let lo = 0, hi = qs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (qs[mid].end < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo < qs.length && qs[lo].end === pos;
  }

  /** First token whose start is >= pos. */
  tokenAt(pos: number): number {
    let lo = 0, hi = this.toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.toks[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The quotation that contains char position pos, if any. */
  quotationAround(pos: number): Quotation | null {
    const q = this.quotationStartingBefore(pos);
    return q && q.end > pos ? q : null;
  }

  /** The last quotation starting at or before pos. */
  quotationStartingBefore(pos: number): Quotation | null {
    const qs = this.quotations;
    let lo = 0, hi = qs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (qs[mid].start <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? qs[lo - 1] : null;
  }

  /** The quotation opening at pos or just after it (spaces, a dash or a colon between). */
  quotationOpeningAt(pos: number): Quotation | null {
    let i = pos;
    // /[\s:,\u2013\u2014-]/
    while (i < this.text.length && i - pos < 4 && (isTrimmed(this.text.charCodeAt(i)) && this.text.charCodeAt(i) !== 59)) i++;
    const q = this.quotationStartingBefore(i);
    return q && q.start === i ? q : null;
  }

  /** The quotation closing at pos or just before it. */
  quotationClosingAt(pos: number): Quotation | null {
    let i = pos;
    while (i > 0 && pos - i < 4 && (this.text.charCodeAt(i - 1) === 44 || isSpaceCode(this.text.charCodeAt(i - 1)))) i--; // /[\s,]/
    const q = this.quotationStartingBefore(i - 1);
    return q && q.end >= i - 1 && q.end <= pos ? q : null;
  }

  sentenceStartToken(i: number): number {
    return this.sentStart[this.sentOf[i]] ?? 0;
  }

  sentenceEndToken(i: number): number {
    return this.section.sentences[this.sentOf[i]]?.tokenEnd ?? this.toks.length;
  }
}

/** Tokens [s, e) as a character span. */
const charSpan = (scan: Scan, s: number, e: number): CharSpan => ({ start: scan.toks[s].start, end: scan.toks[e - 1].end });

/** Tokens from k are one or two nouns (or adjectives) and then "and"/"or", before `end`: a list's last items. */
function listItemThenAnd(toks: Token[], k: number, end: number): boolean {
  let n = 0;
  while (k < end && n < 3 && (toks[k].pos === 'NOUN' || toks[k].pos === 'PROPN' || toks[k].pos === 'ADJ')) { k++; n++; }
  return n >= 1 && n <= 2 && k < end - 1 && (toks[k].low === 'and' || toks[k].low === 'or');
}

/** The comma at j ends a sentence-opening prepositional phrase ("Over the years, …"). */
function closesOpeningAdverbial(toks: Token[], j: number, floor: number): boolean {
  let k = j - 1;
  while (k >= floor && NP_POS.has(toks[k].pos)) k--;
  return k >= floor && toks[k].pos === 'ADP' && (k === floor || toks[k - 1].text === ',');
}

/** The noun phrase that ends just before token `i` (reading leftwards, not below `floor`). */
export function phraseBefore(scan: Scan, i: number, floor: number): [number, number] | null {
  const toks = scan.toks;
  let j = i - 1;
  while (j >= floor && (toks[j].pos === 'AUX' || toks[j].pos === 'ADV' || (toks[j].pos === 'PART' && low(toks[j]) !== "'s" && low(toks[j]) !== '\u2019s') || SKIP_BEFORE_CUE.has(low(toks[j])))) j--;
  const end = j + 1;
  let s = end;
  let named = false;
  while (j >= floor && end - j <= 14) {
    const t = toks[j], w = low(t);
    if (t.pos === 'PRON' && !POSSESSIVES.has(w)) {
      if (s === end) s = j;
      // "one of them", "two of us": the part, not the group
      if (s === j && PARTITIVE_PRONOUNS.has(w) && j - 2 >= floor && low(toks[j - 1]) === 'of' && (QUANTIFIERS.has(low(toks[j - 2])) || toks[j - 2].pos === 'NUM')) s = j - 2;
      break;
    }
    if (POSSESSIVES.has(w)) { s = j; break; }
    if ((t.text === '\u2019' || t.text === "'") && s < end && j > floor && /s$/i.test(toks[j - 1].text)) { s = j; j--; continue; }
    if (t.text === ')') {
      let k = j - 1;
      while (k >= floor && j - k < 8 && toks[k].text !== '(') k--;
      if (k >= floor && toks[k].text === '(') { s = k; j = k - 1; continue; }
      break;
    }
    // "Lynch said …": a capitalised first word the tagger reads as a verb, right before the cue, is a name
    const first = t.pos === 'VERB' && j === end - 1 && startsCapitalised(t.text) && (j === 0 || toks[j - 1].pos === 'SPACE' || endsSentence(toks[j - 1].text));
    if (first) named = true;
    const p = first ? 'PROPN' : posOf(t, toks[j - 1]);
    // a gerund heads the phrase: "Shelling one airbase does not tell us …" (at the clause's start, before any object)
    const gerund = p === 'VERB' && s < end && w.endsWith('ing') && !ING_PREPOSITIONS.has(w) && (toks[j + 1].pos === 'NOUN' || toks[j + 1].pos === 'PROPN' ||
      ((toks[j + 1].pos === 'NUM' || toks[j + 1].pos === 'DET' || toks[j + 1].pos === 'ADJ') && (j === floor || isPunct(toks[j - 1]) || toks[j - 1].pos === 'SPACE')));
    if (NP_POS.has(p) || gerund || w === "'s" || w === '\u2019s' || w === '-' || (t.pos === 'PART' && s < end)) {
      s = j;
      j--;
      // a determiner opens its phrase: "last year the US Embassy" stops at "the"
      if (t.pos === 'DET' && j >= floor && (NP_POS.has(toks[j].pos) && toks[j].pos !== 'DET')) break;
      continue;
    }
    if (NP_INNER.has(w) && s < end && j - 1 >= floor && (toks[j - 1].pos === 'NOUN' || toks[j - 1].pos === 'PROPN' || toks[j - 1].pos === 'ADJ' || toks[j - 1].pos === 'NUM' || (w === 'of' && QUANTIFIERS.has(low(toks[j - 1]))))) {
      s = j;
      j--;
      continue;
    }
    // a list inside the phrase: "voices from the army, politics and commerce"
    if (t.text === ',' && s === j + 1 && j - 1 >= floor && (toks[j - 1].pos === 'NOUN' || toks[j - 1].pos === 'PROPN' || (toks[j - 1].pos === 'ADJ' && toks[j - 2]?.pos === 'DET')) && listItemThenAnd(toks, j + 1, end) && !closesOpeningAdverbial(toks, j, floor)) {
      s = j;
      j--;
      continue;
    }
    break;
  }
  // a phrase never starts with a joiner, and leading numbers or dates belong to an adverbial ("In 2014 the regime")
  while (s < end && (NP_INNER.has(low(toks[s])) || toks[s].pos === 'ADP' || toks[s].pos === 'CCONJ' || isPunct(toks[s]))) s++;
  for (let k = s; k < end - 1; k++) if (toks[k].pos === 'DET' && k > s && (toks[k - 1].pos === 'NUM' || toks[k - 1].pos === 'PROPN' && (MONTH.test(low(toks[k - 1])) || DAY.test(low(toks[k - 1]))))) { s = k; break; }
  // "On 13 May 2015 ISIS fighters said": a whole leading date, without a determiner after it, that holds a
  // number or follows a preposition (a month or day alone is a name: "Jan Novak", "April Lindqvist");
  // "In May 12 protesters said" is left as it is
  let r = s;
  let month = false, digit = false;
  for (; r < end - 1; r++) {
    const w = low(toks[r]);
    if (MONTH.test(w) || DAY.test(w)) month = true;
    else if (/^\d{1,4}(st|nd|rd|th)?$/.test(w)) digit = true;
    else if (w !== ',') break;
  }
  const dateEnds = r > s && (MONTH.test(low(toks[r - 1])) || DAY.test(low(toks[r - 1])) || /^(1[89]|20)\d\d$/.test(toks[r - 1].text));
  const afterPreposition = /^(in|on|since|by|until|during|from|after|before)$/.test(low(toks[s - 1] ?? toks[s]));
  // (a year alone: after the comma of "On May 13, 2015 Kurdish officials", or a preposition, "Since 2015 Kurdish officials")
  const dated = (month && (digit || afterPreposition)) || (r === s + 1 && digit && ((toks[s - 1]?.text === ',' && /^\d/.test(toks[s - 2]?.text ?? '')) || afterPreposition));
  if (dateEnds && dated && (toks[r].pos === 'PROPN' || toks[r].pos === 'NOUN' || toks[r].pos === 'ADJ')) s = r;
  if (s >= end) return null;
  if (named) return [s, end];
  // "The spokesman on Monday said", "officials in Brask last week said": the time is when, not who
  const own = timeAtEnd(toks, s, end);
  if (own < end) return phraseBefore(scan, own, floor) ?? [s, end];
  // "The men guarding the bridge said", "officials reviewing the footage said": the phrase is the object of
  // a participle that follows its noun; the speaker is that noun with all of it (not after a preposition:
  // "With prices rising the bank said")
  if (s - 2 >= floor && toks[s - 1].pos === 'VERB' && low(toks[s - 1]).endsWith('ing') && !ING_PREPOSITIONS.has(low(toks[s - 1])) && (toks[s - 2].pos === 'NOUN' || toks[s - 2].pos === 'PROPN')) {
    const head = phraseBefore(scan, s - 1, floor);
    const opener = head ? toks[head[0] - 1] : undefined;
    if (head && !(opener && (opener.pos === 'ADP' || opener.pos === 'SCONJ'))) return [head[0], end];
  }
  // "A report released (last week) by the Northgate Institute found …": the agent of a participle after
  // its noun; the speaker is that noun with all of it (authorOfWriting then names the agent)
  // (the time may have been read into the phrase: "last week by the Institute")
  let by = s - 1;
  if (by < 0 || low(toks[by]) !== 'by') {
    for (let n = s + 1; n < end && n - s <= 3; n++) if (low(toks[n]) === 'by') { by = n; break; }
    for (let n = s; n < by && by >= s; n++) if (!isTimeToken(toks[n])) { by = -1; break; }
  }
  if (by - 2 >= floor && low(toks[by]) === 'by') {
    const v = participleBeforeBy(toks, by, floor);
    if (v > floor && (toks[v - 1].pos === 'NOUN' || toks[v - 1].pos === 'PROPN')) {
      const head = phraseBefore(scan, v, floor);
      const opener = head ? toks[head[0] - 1] : undefined;
      if (head && head[1] === v && !(opener && (opener.pos === 'ADP' || opener.pos === 'SCONJ'))) return [head[0], end];
    }
  }
  // "A poll released in late August found …", "The court this month rejected …": a time is never the
  // speaker; the phrase before the participle the time belongs to, or before the time, is
  // (a lone month or number may be a name or a count: "May said …", "62 said …", unless "in" comes first)
  let timeOnly = true;
  for (let k = s; k < end && timeOnly; k++) timeOnly = isTimeWord(low(toks[k])) || /^\d{1,4}$/.test(toks[k].text) || /^(late|early|mid|last|this|next)$/.test(low(toks[k]));
  if (timeOnly && end - s === 1 && !DAY.test(low(toks[s]))) timeOnly = s > floor && (low(toks[s - 1]) === 'in' || low(toks[s - 1]) === 'since');
  if (timeOnly) {
    // skip back over "in" and "released" ("a poll released in August", "who in 2010 said", "a poll released Friday")
    let b = s;
    if (b - 1 > floor && toks[b - 1].pos === 'ADP') b--;
    if (b - 1 > floor && toks[b - 1].pos === 'VERB' && /ed$/.test(low(toks[b - 1]))) b--;
    // "The court this month rejected …": the subject stands before the time
    return b > floor ? phraseBefore(scan, b, floor) : null;
  }
  for (let k = s; k < end; k++) {
    const p = toks[k].pos;
    if (p === 'NOUN' || p === 'PROPN' || p === 'PRON' || p === 'NUM') return [s, end];
  }
  return null;
}

/** The noun phrase that starts at token `k` (reading rightwards, not past `ceil`). */
export function phraseAfter(scan: Scan, k: number, ceil: number): [number, number] | null {
  const toks = scan.toks;
  let e = k;
  while (e < ceil && e - k < 14) {
    const t = toks[e], w = low(t);
    if (t.pos === 'PRON') { if (e === k) { e++; if (!POSSESSIVES.has(w)) break; continue; } break; }
    if (NP_POS.has(posOf(t, toks[e - 1])) || w === "'s" || w === '\u2019s' || w === '-' || (t.pos === 'PART' && e > k)) {
      if (THAT.has(w) && e === k) break;
      if (t.pos === 'DET' && e > k && toks[e - 1].pos !== 'ADP' && toks[e - 1].pos !== 'CCONJ' && !NP_INNER.has(low(toks[e - 1]))) break;
      e++;
      continue;
    }
    if (t.text === '(') {
      let m = e + 1;
      while (m < ceil && m - e < 8 && toks[m].text !== ')') m++;
      if (m < ceil && toks[m].text === ')') { e = m + 1; continue; }
      break;
    }
    if (NP_INNER.has(w) && e > k && e + 1 < ceil && (NP_POS.has(toks[e + 1].pos) || toks[e + 1].pos === 'PROPN')) { e++; continue; }
    break;
  }
  while (e > k && (NP_INNER.has(low(toks[e - 1])) || toks[e - 1].pos === 'ADP' || toks[e - 1].pos === 'DET' || isPunct(toks[e - 1]))) e--;
  return e > k ? [k, e] : null;
}

/** Words that open an adverbial clause: after a quotation and its cue, what they open is when or why it was said. */
const ADVERBIAL_CLAUSE = new Set([...SUBORDINATORS_BASE, 'until', 'whenever']);

/** Does the report go on after its attribution at toks[k..stop): a verb, and not a reporting participle first? */
function runsOn(scan: Scan, k: number, stop: number): boolean {
  const toks = scan.toks;
  // ", said X, who spoke on condition of anonymity": a relative clause about the speaker
  if (k < stop && (CUE_PARTICIPLES.has(low(toks[k])) || /^(who|whom|whose|which)$/.test(low(toks[k])))) return false;
  if (k < stop && (OPEN_MARKS.has(toks[k].text) || scan.quotationOpeningAt(toks[k - 1].end))) return true;
  for (let m = k; m < stop; m++) if (toks[m].pos === 'VERB' || toks[m].pos === 'AUX') return true;
  return false;
}

/** Where a time phrase at the end of the words [s, end) starts ("… on Monday", "… in late May 2015", "…
 * last week", "… Thursday"), or `end` when they end otherwise or are nothing but the time. Without a
 * preposition only a day or "last/this/next …" counts: a bare month or number may be a name or a count
 * ("Theresa May", "the Group of 20"). */
function timeAtEnd(toks: Scan['toks'], s: number, end: number): number {
  let m = end;
  while (m > s && (isTimeWord(low(toks[m - 1])) || /^\d{1,4}$/.test(toks[m - 1].text) || /^(late|early|mid|last|this|next|earlier|the)$/.test(low(toks[m - 1])))) m--;
  const last = low(toks[end - 1]);
  if (m === end || !(isTimeWord(last) || /^\d{1,4}$/.test(toks[end - 1].text))) return end;
  if (m > s + 1 && /^(on|in|at|during|since|over)$/.test(low(toks[m - 1]))) return m - 1;
  let plain = false;
  // ("USA Today" is a name: a capitalised today, tonight or yesterday is not a time here)
  for (let k = m; k < end; k++) plain ||= (DAY.test(low(toks[k])) && !/^(Today|Tonight|Yesterday)$/.test(toks[k].text)) || /^(last|this|next|earlier)$/.test(low(toks[k]));
  return plain && m > s ? m : end;
}

/** Days, months and spans of time, for telling a time phrase from the words of a report. */
const DAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)$/;
const MONTH = /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/;
const PERIOD = /^(week|weekend|month|year|morning|afternoon|evening|night|spring|summer|autumn|fall|winter)$/;
const TIME_LEAD = /^(last|this|on|earlier|late|early)$/;
const SHORT_NUMBER = /^\d{1,4}$/;
/** A word of a short time phrase between a participle and its agent ("released last week by"). */
export const isTimeToken = (t: Token) => { const w = low(t); return isTimeWord(w) || TIME_LEAD.test(w) || SHORT_NUMBER.test(t.text); };

const PAST_PARTICIPLE = /(ed|en)$/;
/** A past participle (or a past tense: the tagger does not tell them apart): "released", "written". */
const isPastParticiple = (t: Token) => t.pos === 'VERB' && PAST_PARTICIPLE.test(low(t));

/** The past participle whose agent the "by" at toks[by] introduces, across up to three time words
 * ("released last week by"); -1 when there is none after `floor`. */
export function participleBeforeBy(toks: Token[], by: number, floor: number): number {
  let v = by - 1;
  while (v > floor && by - 1 - v < 3 && isTimeToken(toks[v])) v--;
  return v > floor && isPastParticiple(toks[v]) ? v : -1;
}

/** Whether a verb or auxiliary comes in toks[from..stop) before a comma; a participle right at `from`
 * with a preposition or a time after it describes the noun before it ("a statement posted on its
 * website", "released Friday") and does not count. */
function verbBeforeComma(toks: Token[], from: number, stop: number): boolean {
  let n = from;
  if (n < stop && isPastParticiple(toks[n]) && (n + 1 >= stop || toks[n + 1].pos === 'ADP' || isTimeToken(toks[n + 1]) || isPunct(toks[n + 1]))) n++;
  for (; n < stop && toks[n].text !== ','; n++) if (toks[n].pos === 'AUX' || posOf(toks[n], toks[n - 1]) === 'VERB') return true;
  return false;
}
/** A day, a month or a span of time (lower-cased word). */
const isTimeWord = (w: string) => DAY.test(w) || MONTH.test(w) || PERIOD.test(w);

/** A hearer phrase (the one told) without what follows it about the telling: a time phrase ("the Herald on Monday"),
 * or anything after a preposition once the words before it name an outlet ("Reuters on condition of
 * anonymity", "the Herald in an interview"); "a crowd in Ohio" stays whole. */
function hearerOnly(scan: Scan, phrase: [number, number] | null): [number, number] | null {
  if (!phrase) return null;
  const toks = scan.toks;
  const own = timeAtEnd(toks, phrase[0], phrase[1]); // "the Herald last week"
  if (own < phrase[1]) return hearerOnly(scan, [phrase[0], own]);
  for (let m = phrase[0] + 1; m < phrase[1] - 1; m++) {
    if (toks[m].pos !== 'ADP') continue;
    const next = low(toks[m + 1]) === 'the' || low(toks[m + 1]) === 'last' || low(toks[m + 1]) === 'this' ? toks[m + 2] : toks[m + 1];
    if (next && (isTimeWord(low(next)) || /^\d{1,4}$/.test(next.text))) return [phrase[0], m];
    if (low(toks[m]) !== 'of' && (looksLikeMedia(scan, [phrase[0], m]) || isOutletName(scan, [phrase[0], m]))) return [phrase[0], m];
  }
  return phrase;
}

/** Is this token a reporting cue, and of which class? */
function cueClassOf(t: Token, next: Token | undefined, prev?: Token, afterNext?: Token): CueClass | null {
  const cls = CUE_VERBS.get(t.lemma) ?? CUE_VERBS.get(low(t));
  if (!cls) return null;
  const w = low(t);
  // the tagger reads "the FT claims it …" as a plural noun; a noun-tagged "-s" cue between a name and a clause is the verb
  const misTagged = (t.pos === 'NOUN' && w.endsWith('s') && cls === 'say' && prev && (prev.pos === 'PROPN' || prev.pos === 'NOUN') && next && (next.pos === 'PRON' || THAT.has(low(next)))) ||
    // and "statistics show", "court records show that …", "polls show": a record's verb read as a noun
    (t.pos === 'NOUN' && cls === 'evidence' && !!prev && THING_SPEAKERS.has(low(prev)) && low(prev).endsWith('s'));
  if (t.pos !== 'VERB' && !misTagged && !(w === 'said' || w === 'says' || w === 'told' || w === 'tells' || w === 'added' || w === 'adds')) return null;
  const n = next ? low(next) : '';
  if (t.lemma === 'call' && n !== 'for' && n !== 'on') return null;
  if (t.lemma === 'point' && n !== 'out') return null;
  if ((t.lemma === 'pledge' || t.lemma === 'vow' || t.lemma === 'promise' || t.lemma === 'threaten' || t.lemma === 'swear') && n !== 'to' && n !== 'that') return null;
  // "business has continued between …" is not speech; "He continued, “…”" is
  if (t.lemma === 'continue' && !(n === ':' || OPEN_MARKS.has(n) || (n === ',' && afterNext && OPEN_MARKS.has(afterNext.text)))) return null;
  // senses that report nothing: "support declined four points", "declined slightly from 58 percent" (a
  // fall, where "declined to comment" is a refusal), "X reported from Kabul" (a dateline)
  if (t.lemma === 'decline' && (next?.pos === 'NUM' || n === 'by' || n === 'from' || (next?.pos === 'ADV' && (afterNext?.pos === 'NUM' || afterNext?.text === 'from' || afterNext?.text === 'to')))) return null;
  if (t.lemma === 'report' && n === 'from') return null;
  return cls;
}

const SUBORDINATORS = new Set([...SUBORDINATORS_BASE, 'if', 'whereas', 'even']);

/** Words that, after a comma or dash, open the narrator's own addition to a report rather than more of
 * it: a relative clause about its last noun (", which had been planned since May"), a contrast or a
 * circumstance (", while others disagreed", ", although …"). "but", "as", "even" and "and" open one only
 * in some uses (asideAfter). */
const ASIDE_OPENERS = new Set(['which', 'who', 'whom', 'whose', 'where', 'while', 'whereas', 'although', 'though', 'despite', 'compared']);

/** Does a clause with a subject of its own start at toks[s] (after any adverbs: "now they could …"),
 * its verb within a few words and before any comma? */
function clauseFollows(toks: Scan['toks'], s: number, stop: number): boolean {
  let n = s;
  while (n < stop && toks[n].pos === 'ADV') n++;
  if (n >= stop || !/^(PRON|PROPN|DET|NOUN|NUM|ADJ)$/.test(toks[n].pos)) return false;
  for (let e = n + 1; e < stop && e <= n + 6 && toks[e].text !== ','; e++) if (toks[e].pos === 'VERB' || toks[e].pos === 'AUX') return true;
  return false;
}

/**
 * Does the comma or dash at toks[m] (or the comma just inside the closing mark at toks[m]) end the report
 * that began at toks[k], the rest of the sentence being the narrator's? What follows must open an aside:
 * a word of ASIDE_OPENERS; ", but" with more than a verb phrase going on (", but he offered no proof";
 * not ", but is now …", ", but that …", ", but not …"); ", as" or ", and" with a clause of its own
 * (", as she campaigns", ", and the fishermen went home"; not ", as are …", ", and that …"); ", even
 * though"; or an apposition naming the last noun (", the former harbour master"), which is no list item
 * and no date. And the report must not go on after it: when the aside closes (a comma, or the dash that
 * opened it) and a verb, "that" or a quotation follows, it was inside the report ("said the company,
 * which employs 500 people, would close"); when the report has no verb yet before it ("said in a
 * statement, which was posted online, that …"), it is inside too. A quotation later in the sentence is
 * the speaker's words going on, and a comma inside quotation marks is theirs. `scoped`: the cue opened
 * the sentence ("According to X, A, and B"), and B is under it as much as A.
 */
function asideAfter(scan: Scan, k: number, m: number, stop: number, scoped = false): boolean {
  const toks = scan.toks;
  if (m + 1 >= stop) return false;
  const closer = CLOSERS.has(toks[m].text);
  if (!closer && scan.quotationAround(toks[m].start)) return false;
  const last = scan.quotationStartingBefore(toks[stop - 1].start);
  if (last && last.start > toks[m].start) return false;
  const w = low(toks[m + 1]);
  const after = m + 2 < stop ? toks[m + 2] : undefined;
  const apposition = w === 'a' || w === 'an' || w === 'the';
  let opens: boolean;
  if (w === 'but') opens = !!after && !THAT.has(low(after)) && !/^(AUX|ADV|PART)$/.test(after.pos);
  else if (w === 'as' || (w === 'and' && !scoped)) opens = !!after && !THAT.has(low(after)) && clauseFollows(toks, m + 2, stop);
  else if (w === 'even') opens = !!after && /^(though|as)$/.test(low(after));
  else opens = apposition || ASIDE_OPENERS.has(w);
  if (!opens) return false;
  // where the aside closes: the next comma, or the dash that opened it
  const dash = toks[m].text !== ',' && !closer;
  let c = m + 2;
  while (c < stop && (dash ? toks[c].text !== toks[m].text : toks[c].text !== ',')) c++;
  if (apposition) {
    // "the Republic and the Enquirer" ends a list; "the 12th" is a date; a verb makes it a clause
    for (let n = m + 2; n < c; n++) if (/^(VERB|AUX|CCONJ|NUM)$/.test(toks[n].pos) || /\d/.test(toks[n].text)) return false;
    // "praised Ivo Marr, the mayor, and Lena Voss, the clerk": the report is a list, the phrase one of its items
    for (let n = k; n < m; n++) if (toks[n].pos === 'CCONJ') return false;
  }
  let verb = false;
  for (let n = k; n < m && !verb; n++) verb = toks[n].pos === 'VERB' || toks[n].pos === 'AUX';
  // a clause joined on needs one before it ("said the ferry, the bus, and the train were late" is a list)
  if (!verb && (w === 'and' || w === 'as' || w === 'but')) return false;
  if (c < stop) {
    let n = c + 1;
    while (n < stop && toks[n].pos === 'ADV') n++;
    if (n < stop && (toks[n].pos === 'VERB' || toks[n].pos === 'AUX' || THAT.has(low(toks[n])))) return false;
    if (!verb) return false;
    // ", a news network, a propaganda arm, something in between": appositions in a row are a list
    if (apposition) {
      let clause = false;
      for (let n2 = c + 1; n2 < stop && toks[n2].text !== ',' && !clause; n2++) clause = toks[n2].pos === 'VERB' || toks[n2].pos === 'AUX';
      if (!clause && !ASIDE_OPENERS.has(low(toks[c + 1] ?? toks[c]))) return false;
    }
  }
  return true;
}

/** Where the content after the cue stops: the sentence end, a trailing ", adding …" or ", according to",
 * the narrator's aside after a comma (asideAfter), or a coordinated report ("and said that …",
 * "and three-quarters said …"). */
function contentEndToken(scan: Scan, k: number, scoped = false): number {
  const toks = scan.toks, stop = scan.sentenceEndToken(k);
  const subordinate = SUBORDINATORS.has(low(toks[scan.sentenceStartToken(k)]));
  for (let m = k + 1; m < stop; m++) {
    const w = low(toks[m]);
    // "denied the allegations in a statement posted on Saturday", "… in an interview with the Ledger":
    // how it was said, not what ("was published in a letter" is the report's own verb's)
    // (nor in the middle of the report's clause: "said the figures in the report were wrong")
    if (w === 'in' && m > k + 1 && m + 2 < stop && (toks[m + 1].pos === 'DET' || POSSESSIVES.has(low(toks[m + 1]))) && VIA_NOUNS.has(low(toks[m + 2])) &&
      toks[m - 1].pos !== 'VERB' && toks[m - 1].pos !== 'AUX' && !scan.quotationAround(toks[m].start) && !verbBeforeComma(toks, m + 3, stop)) return m;
    // (a comma inside a closing mark counts: "… “about right,” though …")
    if ((w === ',' || w === '\u2014' || w === '\u2013' || (CLOSERS.has(toks[m].text) && toks[m - 1].text === ',')) && asideAfter(scan, k, m, stop, scoped)) return CLOSERS.has(toks[m].text) ? m + 1 : m;
    // ", adding that …", ",” referring to …", ", according to …" start a report of their own
    const before = toks[m - 1].text;
    const afterComma = before === ',' || (CLOSERS.has(before) && toks[m - 2]?.text === ',');
    if (afterComma && (CUE_PARTICIPLES.has(w) || w === 'according' || w === 'referring' || (toks[m].pos === 'VERB' && w.endsWith('ing') && cueClassOf(toks[m], toks[m + 1])))) return toks[m - 1].text === ',' ? m - 1 : m;
    // "While Ramos said that …, he appears uneasy": the main clause after a subordinate report is not reported
    if (subordinate && toks[m].text === ',' && m + 2 < stop && (toks[m + 1].pos === 'PRON' || toks[m + 1].pos === 'PROPN' || toks[m + 1].pos === 'DET')) {
      for (let n = m + 2; n < stop && n <= m + 5; n++) if (toks[n].pos === 'VERB' || toks[n].pos === 'AUX') return m;
    }
    if ((w === 'and' || w === 'but' || w === 'while' || w === ',' || w === ';') && m + 1 < stop) {
      // a new subject (a short phrase without verbs) followed by a reporting verb starts a new report
      let n = m + 1;
      while (n < stop && n - m <= 7 && toks[n].pos !== 'VERB' && toks[n].pos !== 'AUX' && (!isPunct(toks[n]) || toks[n].text === '-') && !OPEN_MARKS.has(toks[n].text)) n++;
      const beforeAux = n;
      while (n < stop && (toks[n].pos === 'ADV' || toks[n].pos === 'AUX' || toks[n].pos === 'PART') && n - m <= 8) n++;
      // "Assad had been warned by his officials" is a passive inside the content, not a new report
      const passive = n < stop && low(toks[n + 1] ?? toks[n]) === 'by';
      const cls = n < stop && toks[n].pos === 'VERB' && !passive ? cueClassOf(toks[n], toks[n + 1]) : null;
      // "… and says …", "… and three-quarters said …" start a new report; "… and tell him", "… and showing" do not
      // (or after an auxiliary: "…; his office did not respond", not an infinitive: "… are to blame")
      let auxiliary = n > beforeAux && beforeAux > m + 1 && toks[beforeAux].pos === 'AUX';
      for (let a = beforeAux; a < n && auxiliary; a++) auxiliary = low(toks[a]) !== 'to';
      const finite = cls && ((low(toks[n]) !== toks[n].lemma && !low(toks[n]).endsWith('ing')) || auxiliary);
      if (finite && (cls === 'say' || cls === 'tell' || cls === 'manner' || cls === 'quote') && w !== ',') return m;
      // "… calling it “disqualifying” and asserting that …": a second participle report
      if (w === 'and' && n === m + 1 && cls && CUE_PARTICIPLES.has(low(toks[n]))) return m;
      // "…, Susan said as she turned": the attribution of the whole sentence
      if (w === ',' && finite && cls === 'say' && n - m <= 4 && n === beforeAux) return m;
      if (n < stop && w === ',' && n > m + 1 && toks[n].pos === 'VERB' && cueClassOf(toks[n], toks[n + 1]) && (toks[n + 1]?.text === '.' || toks[n + 1]?.text === ',')) return m;
      // "X, who said Y, said Z": the relative clause ends at the comma before the main verb
      if (w === ',' && n === m + 1 && toks[n].pos === 'VERB' && CUE_VERBS.get(toks[n].lemma) === 'say') return m;
    }
  }
  return stop;
}

/** Trim trailing sentence punctuation (not closing quote marks) and spaces off a char span. */
function trimSpan(text: string, start: number, end: number): CharSpan {
  // /[\s.,;:\u2013\u2014-]/ at the end and /[\s,:;\u2013\u2014-]/ at the start, by character code
  while (end > start && (isTrimmed(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 46)) end--;
  while (start < end && isTrimmed(text.charCodeAt(start))) start++;
  return { start, end };
}

/** A space (what /\s/ matches), comma, colon, semicolon, hyphen or dash. */
function isTrimmed(c: number): boolean {
  return c === 44 || c === 58 || c === 59 || c === 45 || c === 0x2013 || c === 0x2014 || isSpaceCode(c);
}

/** What /\s/ matches, by character code. */
function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Extend a span so it never cuts a quotation in half: a quotation opened inside it runs to its close. */
function extendOverQuotation(scan: Scan, span: CharSpan): CharSpan {
  const q = scan.quotationStartingBefore(span.end - 1);
  if (q && q.start >= span.start && q.end > span.end) return { start: span.start, end: q.end };
  return span;
}

/** Is most of the span inside quotation marks? */
function isDirect(scan: Scan, span: CharSpan): boolean {
  let quoted = 0;
  for (let q = scan.quotationStartingBefore(span.end - 1); q && q.end > span.start; ) {
    quoted += Math.min(q.end, span.end) - Math.max(q.start, span.start);
    const before = scan.quotationStartingBefore(q.start - 1);
    q = before && before !== q ? before : null;
  }
  return quoted * 2 >= span.end - span.start;
}

const TIME_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today',
  'tonight', 'recently', 'later', 'earlier', 'last', 'this', 'on', 'in', 'at', 'during', 'after', 'before',
  'when', 'while', 'to', 'through', 'via', 'from', 'with', 'over', 'privately', 'publicly', 'repeatedly',
  'again', 'also', 'then', 'afterward', 'afterwards', 'late', 'early', 'once', 'twice', 'hours', 'days',
  'weeks', 'months', 'years', 'ago',
]);

/** "said this month it would …", "said on Sept. 5 the army …": past a time phrase right after the cue
 * (when it was said, not what), when a clause with its own subject follows it; else k. Only a phrase
 * that is plainly a time counts: a day, a month after "in"/"on"/"last", "this week", "in 2019"; never a
 * bare number or noun ("said 500 people were killed", "said night raids …"). */
function afterTimePhrase(scan: Scan, k: number, stop: number): number {
  const toks = scan.toks;
  const w = (j: number) => (j < stop ? low(toks[j]) : '');
  let m = k, lead = '';
  if (w(m) === 'on' || w(m) === 'in') lead = w(m++);
  else if (/^(this|last|next|earlier|early|late)$/.test(w(m))) {
    lead = w(m++);
    if (/^(this|last|next)$/.test(w(m))) m++; // "earlier this week", "late last month"
  }
  const early = lead === 'earlier' || lead === 'early' || lead === 'late';
  if (DAY.test(w(m))) {
    m++;
    if (/^(morning|afternoon|evening|night)$/.test(w(m))) m++; // "Monday night"
    else if (toks[m]?.pos === 'NOUN') return k; // "said Friday prayers would …"
  } else if (lead && MONTH.test(w(m))) {
    m++;
    // the rest of a date: "Sept. 5", "March 5 2019"
    if (toks[m]?.text === '.') m++;
    if (/^\d{1,2}$/.test(w(m))) m++;
    if (/^\d{4}$/.test(w(m))) m++;
  } else if (lead && lead !== 'on' && lead !== 'in' && PERIOD.test(w(m)) && !(early && toks[m + 1]?.pos === 'NOUN')) m++; // not "early morning raids"
  else if (lead === 'in' && /^\d{4}$/.test(w(m))) m++;
  else if (lead === 'on' && /^\d{1,2}$/.test(w(m)) && MONTH.test(w(m + 1))) {
    m += 2;
    if (/^\d{4}$/.test(w(m))) m++;
  } else return k;
  // a subject must follow ("said last year was hard": the time is the subject)
  if (m >= stop || !(toks[m].pos === 'PRON' || toks[m].pos === 'DET' || toks[m].pos === 'NOUN' || toks[m].pos === 'PROPN' || toks[m].pos === 'ADJ' || toks[m].pos === 'NUM')) return k;
  for (let j = m; j < stop; j++) if (toks[j].pos === 'VERB' || toks[j].pos === 'AUX') return m;
  return k;
}

/** The content a cue introduces, starting at token k: a quotation, a that-clause, or the rest of the clause.
 * `scoped`: the cue opened the sentence ("According to X, …"), so a clause joined by ", and" is under it too. */
function contentAfter(scan: Scan, k: number, scoped = false): CharSpan | null {
  const toks = scan.toks;
  const stop = scan.sentenceEndToken(Math.max(0, k - 1));
  if (k >= toks.length) return null;
  // "said on Tuesday that …", "told reporters in Ohio that …", "said in a statement: “…”": skip the adverbial
  let m = k;
  while (m < stop && m - k < 14 && toks[m].pos !== 'VERB' && toks[m].pos !== 'AUX' && !THAT.has(low(toks[m])) && !OPEN_MARKS.has(toks[m].text)) m++;
  let start = k;
  if (m < stop && m > k && THAT.has(low(toks[m])) && m - k <= 8) start = m;
  else if (m < stop && OPEN_MARKS.has(toks[m].text) && (m === k || /^[,:\u2013\u2014-]$/.test(toks[m - 1].text) || TIME_WORDS.has(low(toks[k])))) start = m;
  else start = afterTimePhrase(scan, k, stop);
  const end = contentEndToken(scan, start, scoped);
  if (OPEN_MARKS.has(toks[start].text) || scan.quotationOpeningAt(toks[start].start)) {
    const opened = scan.quotationOpeningAt(toks[start].start);
    if (opened) {
      // "said “it gets me mad” every time …": the words after the quotation belong to the content too
      const tail = end > start ? toks[end - 1].end : opened.end;
      const rest = scan.text.slice(opened.end, tail);
      if (tail > opened.end && /\p{L}{3}/u.test(rest) && !/^[\s,]*(?:\p{Lu}[\p{L}.'-]*\s+)*(?:he|she|they|it|we|i|\p{Lu}\p{L}+)\s+(?:said|says|added|adds|told|explained|wrote|continued)\b/iu.test(rest)) {
        const closeTail = trimSpan(scan.text, opened.start, tail);
        return closeTail.end > opened.end ? closeTail : { start: opened.start, end: opened.end };
      }
      return { start: opened.start, end: opened.end };
    }
  }
  if (end - start < 2) return null;
  // "denied the allegations on Saturday": after a report with no verb of its own, a time is when it was said
  let last = end;
  let verb = false;
  for (let m = start; m < end && !verb; m++) verb = toks[m].pos === 'VERB' || toks[m].pos === 'AUX' || OPEN_MARKS.has(toks[m].text);
  if (!verb) {
    let e = end;
    while (e > start + 1 && isPunct(toks[e - 1])) e--;
    const time = timeAtEnd(toks, start, e);
    if (time < e) {
      last = time;
      while (last > start + 1 && (toks[last - 1].pos === 'ADP' || isPunct(toks[last - 1]))) last--;
    }
  }
  const span = trimSpan(scan.text, toks[start].start, toks[last - 1].end);
  if (span.end - span.start < 6) return null;
  return extendOverQuotation(scan, span);
}

/** The words after the cue are only an adverbial tail ("said Friday", "in a statement on Tuesday"), no content. */
function tailIsAdverbial(scan: Scan, k: number): boolean {
  const toks = scan.toks, stop = scan.sentenceEndToken(Math.max(0, k - 1));
  if (k >= stop) return true;
  const t = toks[k];
  if (t.text === ',' || t.text === ':') {
    // ", “…”" and ": …" bring the content after the cue
    const next = toks[k + 1];
    if (next && (OPEN_MARKS.has(next.text) || scan.quotationOpeningAt(t.end))) return false;
    if (t.text === ':') return false;
    return true;
  }
  if (isPunct(t) && !OPEN_MARKS.has(t.text)) return true;
  if (!(TIME_WORDS.has(low(t)) || t.pos === 'ADP' || t.pos === 'ADV')) return false;
  let n = 0;
  for (let m = k; m < stop; m++) {
    if (toks[m].pos === 'VERB' || toks[m].pos === 'AUX' || THAT.has(low(toks[m])) || OPEN_MARKS.has(toks[m].text)) return false;
    if (toks[m].text === ',') break;
    n++;
  }
  return n <= 8;
}

/** No verb, "that" or quotation between token k and the next comma or the sentence end. */
function noClauseFrom(scan: Scan, k: number): boolean {
  const toks = scan.toks, stop = scan.sentenceEndToken(Math.max(0, k - 1));
  for (let m = k; m < stop && toks[m].text !== ','; m++) {
    if (toks[m].pos === 'VERB' || toks[m].pos === 'AUX' || THAT.has(low(toks[m])) || OPEN_MARKS.has(toks[m].text)) return false;
  }
  return true;
}

/** Via phrases anywhere in the tokens [s, e): "in an interview with X", "quoted by X", "told X" (a media outlet). */
function viaIn(scan: Scan, s: number, e: number, skip: [number, number] | null = null, out: CharSpan[] = [], outletsOnly = false): CharSpan[] {
  const toks = scan.toks;
  for (let m = s; m < e; m++) {
    if (skip && m >= skip[0] && m < skip[1]) continue; // "A report by the Beast said": that is the speaker, not a relay
    const w = low(toks[m]);
    if (VIA_NOUNS.has(w) && m + 1 < e && ['in', 'with', 'for', 'on', 'to', 'by'].includes(low(toks[m + 1]))) {
      // ("said in a video on Monday", "in a letter to the council": only an outlet, when it may be anything)
      // ("a letter to the board": one written to is its recipient, not a relay, unless an outlet)
      const strict = outletsOnly || low(toks[m + 1]) === 'to';
      const np = strict ? hearerOnly(scan, phraseAfter(scan, m + 2, e)) : phraseAfter(scan, m + 2, e);
      if (np && (strict ? isOutlet(scan, np) : looksLikeMedia(scan, np) || w !== 'statement')) out.push(charSpan(scan, np[0], np[1]));
    }
  }
  return out;
}

/** "to the Herald (on Monday)" at token k: the phrase after "to", and the outlet it names; null when it names none. */
function outletSpokenTo(scan: Scan, k: number, end: number): [[number, number], [number, number]] | null {
  const hearer = phraseAfter(scan, k + 1, end);
  const outlet = hearerOnly(scan, hearer);
  return hearer && outlet && isOutlet(scan, outlet) ? [hearer, outlet] : null;
}

/** A phrase that names a news outlet. */
const isOutlet = (scan: Scan, np: [number, number]) => looksLikeMedia(scan, np) || isOutletName(scan, np);

/** A hearer that is all capitals or a proper name with "The" ("CNN", "The Hill") is most likely an outlet. */
function isOutletName(scan: Scan, np: [number, number]): boolean {
  const words = scan.toks.slice(np[0], np[1]).map((t) => t.text);
  return (words.length === 1 && /^[A-Z]{2,6}$/.test(words[0])) || (words[0] === 'The' && words.length <= 3 && words.slice(1).every((w) => /^\p{Lu}/u.test(w)));
}

export function looksLikeMedia(scan: Scan, np: [number, number]): boolean {
  for (let m = np[0]; m < np[1]; m++) {
    const w = low(scan.toks[m]);
    if (MEDIA_WORDS.has(w) || (MEDIA_WORDS_CAPITALISED.has(w) && /^\p{Lu}/u.test(scan.toks[m].text))) return true;
  }
  return false;
}

/** The subject of the clause that a cue at token i belongs to, when the phrase right before it is not one
 * ("… accused the regime and tweeted", ", saying …"): the phrase before the clause's first verb. */
function clauseSubject(scan: Scan, i: number): [number, number] | null {
  const floor = scan.sentenceStartToken(i);
  for (let m = floor; m < i; m++) {
    if ((scan.toks[m].pos === 'VERB' || scan.toks[m].pos === 'AUX') && !scan.quotationAround(scan.toks[m].start)) {
      // ("The spokesman, Ansel Koba, called it “…” and said …": a subject with an apposition)
      return phraseBefore(scan, m, floor) ?? (m - 1 > floor && scan.toks[m - 1].text === ',' ? appositiveSubject(scan, m, floor) : null);
    }
  }
  return null;
}

/**
 * "Residents who fled the town said …", "Officials who asked not to be named said …": the phrase found
 * before the cue (`subj`, or the "who" before the clause's verb) lies in a relative clause with no comma
 * about it, and the speaker is the noun the clause belongs to, with the whole clause up to the cue's
 * auxiliaries and adverbs. "that" and "which" open such a clause only right before its verb ("the claim
 * that officials said …", "assured Ana that Brask has no plans to …" are no such clauses); a phrase right
 * after a verb of saying or thinking is the subject of that verb's own clause ("the man who lives here
 * thinks officials said …"), not part of the relative clause. When the cue is the clause's own verb
 * ("officials who said …"), the subject stays the relative pronoun, which the speakers stage resolves.
 */
function withRelativeClause(scan: Scan, subj: [number, number], i: number, floor: number): [number, number] {
  const toks = scan.toks;
  // "rules that allow companies to tell …", "ways that help Putin maintain …": the phrase is the object
  // of the clause's verb and the subject of the infinitive cue
  if (low(toks[i - 1]) === 'to' || (subj[0] > floor && OBJECT_INFINITIVE.has(toks[subj[0] - 1].lemma))) return subj;
  for (let k = subj[0]; k >= floor && k >= subj[0] - 12; k--) {
    const t = toks[k], w = low(t);
    if (RELATIVE_PRONOUNS.has(w) && k > floor) {
      // ("that" and "which" only before the clause's verb: "told Ana that Brask has no plans to …" is no relative clause)
      if ((w === 'that' || w === 'which') && !(toks[k + 1].pos === 'VERB' || toks[k + 1].pos === 'AUX' || toks[k + 1].pos === 'ADV')) return subj;
      const noun = toks[k - 1];
      if (!(noun.pos === 'NOUN' || noun.pos === 'PROPN' || noun.pos === 'NUM' || PARTITIVE_PRONOUNS.has(low(noun)) || QUANTIFIERS.has(low(noun)))) return subj;
      const head = PARTITIVE_PRONOUNS.has(low(noun)) ? [k - 1, k] as [number, number] : phraseBefore(scan, k, floor);
      if (!head || head[1] !== k) return subj;
      // "officials who said …": the cue is the clause's own verb; its subject is the relative pronoun,
      // which the speakers stage resolves to the noun (03-speakers.ts)
      let own = true;
      for (let m = k + 1; m < i && own; m++) own = toks[m].pos === 'AUX' || toks[m].pos === 'ADV' || toks[m].pos === 'PART' || SKIP_BEFORE_CUE.has(low(toks[m]));
      if (own) return subj;
      let end = i;
      while (end > subj[1] && (toks[end - 1].pos === 'AUX' || toks[end - 1].pos === 'ADV' || SKIP_BEFORE_CUE.has(low(toks[end - 1])))) end--;
      return [head[0], Math.max(end, subj[1])];
    }
    if (k < subj[0]) {
      if (isPunct(t) || t.pos === 'SPACE' || t.pos === 'CCONJ' || t.pos === 'SCONJ') return subj;
      if ((t.pos === 'VERB' || t.pos === 'AUX') && k === subj[0] - 1 && cueClassOf(t, toks[k + 1], toks[k - 1])) return subj;
    }
  }
  return subj;
}

/** Outlets that a verb of saying or telling in toks[s..e) addresses ("spoke to the Ledger", "told
 * Reuters", "talked with the Gazette"), added to `out`. */
function outletsToldIn(scan: Scan, s: number, e: number, out: CharSpan[]): void {
  const toks = scan.toks;
  for (let m = s; m < e - 1; m++) {
    const t = toks[m];
    if (t.pos !== 'VERB' || !(SPOKE_TO.has(t.lemma) || TELLING.has(t.lemma))) continue;
    const k = SPOKE_TO.has(t.lemma) && (low(toks[m + 1]) === 'to' || low(toks[m + 1]) === 'with') ? m + 2 : m + 1;
    const outlet = hearerOnly(scan, phraseAfter(scan, k, e));
    if (outlet && isOutlet(scan, outlet)) out.push(charSpan(scan, outlet[0], outlet[1]));
  }
}

/** Whether toks[s..e) are only numbers ("11 to 9", "52-48", "three"): a count, not who said something. */
function isTally(toks: Token[], [s, e]: [number, number]): boolean {
  for (let k = s; k < e; k++) if (!(toks[k].pos === 'NUM' || /^(to|and|-|\u2013)$/.test(low(toks[k])))) return false;
  return true;
}

/** "X called the plan “a disaster”": naming with a quoted label is a report of what X said. */
function callsSomethingQuoted(scan: Scan, i: number): boolean {
  const stop = Math.min(scan.sentenceEndToken(i), i + 16);
  for (let m = i + 1; m < stop; m++) {
    if (OPEN_MARKS.has(scan.toks[m].text)) return true;
    if (scan.toks[m].pos === 'VERB' || scan.toks[m].text === ',') return false;
  }
  return false;
}

/** Dashes that sign a quotation: "“…” — Edda Lund". */
const SIGNATURE_DASHES = new Set(['\u2015', '\u2014', '\u2013']);

/** "“…” ― Ivo Marr" at the end of a line: a quotation signed with its speaker's name after a dash, as
 * epigraphs, pull quotes and round-ups of readers' and voters' words give them. Only a closed quotation
 * right before the dash, and only a name (capitalised words, at most six) that ends its line or sentence. */
function signedQuotation(scan: Scan, i: number): Frame | null {
  const toks = scan.toks, dash = toks[i];
  const q = scan.quotationClosingAt(dash.start);
  if (!q || !q.closed || /[^\s,]/.test(scan.text.slice(q.end, dash.start))) return null;
  if (wordCount(scan.text, q.start, q.end) < 3) return null;
  let k = i + 1;
  // capitalised words and initials ("Ivo J. Marr")
  while (k < toks.length && k - i <= 6 && toks[k].pos !== 'SPACE' && (startsCapitalised(toks[k].text) || /^\p{Lu}\.?$/u.test(toks[k].text) || (toks[k].text === '.' && /^\p{Lu}$/u.test(toks[k - 1].text) && startsCapitalised(toks[k + 1]?.text ?? '')))) k++;
  if (k === i + 1 || k - i > 6) return null;
  const after = toks[k];
  if (after && !(after.pos === 'SPACE' || after.text === '.' || after.text === ',')) return null;
  // a last initial keeps its letter, not the sentence's full stop ("— Malcolm X.")
  const speaker = charSpan(scan, i + 1, k);
  if (/^\p{Lu}\.$/u.test(toks[k - 1].text)) speaker.end--;
  return { content: { start: q.start, end: q.end }, direct: true, cue: charSpan(scan, i, i + 1), speaker, via: [] };
}

/** "X called Oz a quack", "called the charges unfounded": `call` with an object and what it is called
 * characterises, as a report of X's judgement does. Not "called the police", "called reporters on
 * Monday", "called them to the stage", the passive, nor "a group called Y raised …" (one phrase only). */
function callsSomethingSomething(scan: Scan, i: number): boolean {
  const toks = scan.toks, prev = toks[i - 1];
  if (!prev || prev.lemma === 'be' || prev.lemma === 'get' || prev.pos === 'DET') return false;
  const stop = scan.sentenceEndToken(i);
  const obj = phraseAfter(scan, i + 1, stop);
  if (!obj) return false;
  let at = obj[1];
  // "the charges unfounded": the object phrase took the adjectives that say what they were called
  let k = obj[1];
  while (k - 1 > obj[0] && (toks[k - 1].pos === 'ADJ' || ((toks[k - 1].pos === 'CCONJ' || toks[k - 1].text === ',') && toks[k - 2]?.pos === 'ADJ'))) k--;
  if (k < obj[1] && (toks[k - 1].pos === 'NOUN' || toks[k - 1].pos === 'PROPN' || toks[k - 1].pos === 'PRON')) at = k;
  else if (toks[obj[0]].pos === 'PRON' && obj[1] - obj[0] === 1) at = obj[1];
  else if (at === obj[1] && !(at < stop && (toks[at].pos === 'DET' || toks[at].pos === 'ADJ' || OPEN_MARKS.has(toks[at].text)))) return false;
  if (at >= stop) return false;
  const next = toks[at];
  // "called a strike this week", "called her every night": a time, not what it was called
  const after = low(toks[at + 1] ?? next);
  if (isTimeWord(low(next)) || (/^(this|last|next|every|each|early|late)$/.test(low(next)) && isTimeWord(after))) return false;
  return next.pos === 'DET' || next.pos === 'ADJ' || next.pos === 'NOUN' || OPEN_MARKS.has(next.text);
}

/** Find all frames in a section, left to right. */
export function findFrames(scan: Scan): Frame[] {
  const toks = scan.toks, frames: Frame[] = [];
  const n = toks.length;
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    if (t.start < scan.claimedUntil) continue;
    // cheap test first: only a few words can be cues at all
    if (!(FRAME_LEMMAS.has(t.lemma) || t.text === ':' || t.text === 'according' || t.text === 'According' || SIGNATURE_DASHES.has(t.text))) continue;
    const w = low(t);
    if (scan.quotationAround(t.start)) continue; // words inside quotation marks are the speaker's, not a frame
    let frame: Frame | null = null;
    if (w === 'according' && i + 1 < n && low(toks[i + 1]) === 'to') frame = accordingTo(scan, i);
    else if (CUE_ADJECTIVES.has(w) && i + 1 < n && THAT.has(low(toks[i + 1])) && i > 0 && (toks[i - 1].lemma === 'be' || toks[i - 1].pos === 'AUX')) frame = adjectiveCue(scan, i);
    else if (t.text === ':' && scan.section.in === 'document' && isHeadlineColon(scan, i)) frame = colonCue(scan, i); // in comments "Rob:" addresses Rob
    else if (SIGNATURE_DASHES.has(t.text)) frame = signedQuotation(scan, i);
    else {
      const cls = toks[i - 1]?.text === '-' ? null : cueClassOf(t, toks[i + 1], toks[i - 1], toks[i + 2]) ?? (t.lemma === 'call' && t.pos === 'VERB' && (callsSomethingQuoted(scan, i) || callsSomethingSomething(scan, i)) ? 'say' : null);
      if (cls) frame = verbCue(scan, i, cls);
    }
    if (frame) {
      frames.push(frame);
      scan.claimedUntil = Math.max(scan.claimedUntil, frame.content.end);
    }
  }
  return frames;
}

/** The subject before a cue that follows a comma or dash: "Chris Cox, who runs the lobbying arm, says",
 * "Jason Sims — a teacher from Ohio — says", "Colonel X of the FSA, explained", "Smith, a spokesman, said". */
function appositiveSubject(scan: Scan, i: number, floor: number): [number, number] | null {
  const toks = scan.toks, prev = toks[i - 1];
  let subj: [number, number] | null = null;
  if (prev.text === ',' || prev.text === '\u2014' || prev.text === '\u2013') {
    // "Chris Cox, who runs the lobbying arm, says …", "Jason Sims — a teacher from Ohio — says …"
    const stopAt = Math.max(floor, i - 25);
    for (let m = i - 2; m > stopAt; m--) {
      const w2 = low(toks[m]);
      if (toks[m].text === prev.text || (prev.text === ',' && (w2 === 'who' || w2 === 'whose' || w2 === 'which') && toks[m - 1]?.text === ',')) {
        const open = w2 === 'who' || w2 === 'whose' || w2 === 'which' ? m - 1 : m;
        const head = phraseBefore(scan, open, floor);
        // ("Other traders, however, told …": an aside that is only an adverb is not part of the speaker)
        let adverbs = open === m;
        for (let n = m + 1; n < i - 1 && adverbs; n++) adverbs = toks[n].pos === 'ADV';
        if (head && head[0] === floor) subj = adverbs && m + 1 < i - 1 ? head : [head[0], i - 1];
        break;
      }
    }
  }
  if (!subj && prev.text === ',') {
    // "Colonel X of the FSA, explained …" and "Smith, a spokesman for Y, said …"
    let np = phraseBefore(scan, i - 1, floor);
    for (let hops = 0; np && hops < 4; hops++) {
      if (np[0] === floor) { subj = [np[0], subj ? subj[1] : np[1]]; break; }
      if (toks[np[0] - 1]?.text !== ',') break;
      subj = [np[0], subj ? subj[1] : np[1]];
      np = phraseBefore(scan, np[0] - 1, floor);
      if (!np) subj = null;
    }
    if (subj && subj[0] !== floor) subj = null;
    // "…, after winning Ohio, Gov. John Kasich (R-OH), said": a name right before the comma
    const np1 = !subj ? phraseBefore(scan, i - 1, floor) : null;
    if (np1 && toks[np1[0] - 1]?.text === ',' && toks.slice(np1[0], np1[1]).filter((x) => x.pos === 'PROPN').length >= 2) subj = np1;
  }
  return subj;
}

/** Where a report whose quotation opens at `start` begins: at the sentence's start when the words before
 * the quotation are the narrator's paraphrase of the rest ("Voters need leaders “who understand …,” she
 * said."), else at the quotation. They must be a clause of two words or more (a verb among them, or not
 * opening with a preposition, an adverb or a time: "In Brask “…,” she said" is where), with nothing of
 * their own that reports or introduces it (a cue, "according to", a colon, a dash or bracket, a quote
 * mark or apostrophe, a line break), and no comma right before the quotation ("Asked about the bridge,
 * “…”"). */
function leadIn(scan: Scan, start: number): number {
  const toks = scan.toks;
  const q = scan.tokenAt(start);
  if (q >= toks.length || toks[q].start !== start) return start;
  const first = scan.sentenceStartToken(q);
  if (first >= q || q - first < 2 || toks[q - 1].text === ',') return start;
  if (scan.text.slice(toks[first].start, start).includes('\n')) return start;
  let verb = false;
  for (let m = first; m < q; m++) {
    const t = toks[m];
    if (/^[:;()\[\]\u2014\u2013-]+$/.test(t.text) || OPEN_MARKS.has(t.text) || CLOSERS.has(t.text) || low(t) === 'according' || cueClassOf(t, toks[m + 1], toks[m - 1], toks[m + 2])) return start;
    verb ||= t.pos === 'VERB' || t.pos === 'AUX';
  }
  if (!verb && opensWhereOrWhen(toks[first])) return start;
  return toks[first].start;
}

/** Does a phrase opening with `t` say where or when, if it has no verb ("Late on Tuesday", "In Brask",
 * "Monday")? */
function opensWhereOrWhen(t: Token): boolean {
  const w = low(t);
  return t.pos === 'ADP' || t.pos === 'ADV' || t.pos === 'SCONJ' || DAY.test(w) || MONTH.test(w) || /^(late|early|earlier|later)$/.test(w);
}

function verbCue(scan: Scan, i: number, cls: CueClass): Frame | null {
  const toks = scan.toks, t = toks[i];
  const sStart = scan.sentenceStartToken(i);
  // never read a speaker out of a quotation earlier in the sentence
  let floor = sStart;
  const before = scan.quotationStartingBefore(t.start);
  if (before && before.end <= t.start && before.end > toks[sStart].start) floor = Math.max(floor, scan.tokenAt(before.end));
  let cueEnd = i + 1;
  const particle = low(toks[i + 1] ?? t);
  if ((t.lemma === 'point' && particle === 'out') || (t.lemma === 'call' && (particle === 'for' || particle === 'on'))) cueEnd++;
  const cue = charSpan(scan, i, cueEnd);
  const via: CharSpan[] = [];
  const prev = toks[i - 1];
  const w = low(t);

  // ", saying …", ", adding that …": the clause's subject speaks
  if (CUE_PARTICIPLES.has(w) && prev && (prev.text === ',' || (CLOSERS.has(prev.text) && toks[i - 2]?.text === ','))) {
    // "…, Ivo Marr said, adding that …" and "…, said Ivo Marr, adding that …": the one who said it adds;
    // else the clause's subject
    const said = prev.text === ',' ? toks[i - 2] : undefined;
    let subj = said && cueClassOf(said, prev, toks[i - 3]) === 'say' ? phraseBefore(scan, i - 2, floor) : null;
    if (!subj && said) {
      for (let c = i - 3; c > floor && c >= i - 10 && !subj; c--) {
        if (toks[c].text === ',' || !(cueClassOf(toks[c], toks[c + 1], toks[c - 1]) === 'say')) continue;
        const after = phraseAfter(scan, c + 1, i - 1);
        if (after && after[1] === i - 1 && (toks[c - 1]?.text === ',' || CLOSERS.has(toks[c - 1]?.text ?? ''))) subj = after;
      }
    }
    subj ??= clauseSubject(scan, i);
    const content = contentAfter(scan, cueEnd);
    if (!content) return null;
    return { content, direct: isDirect(scan, content), cue, speaker: subj ? charSpan(scan, subj[0], subj[1]) : null, via: [] };
  }

  // passive: "had been told by X that …", "it has been suggested by one expert that …"
  if (cueEnd < toks.length && low(toks[cueEnd]) === 'by' && (prev?.pos === 'AUX' || prev?.lemma === 'be')) {
    const agent = phraseAfter(scan, cueEnd + 1, scan.sentenceEndToken(i));
    if (!agent) return null;
    const hearer = phraseBefore(scan, i, floor);
    // "X was quoted by the Herald (as) saying …": X spoke, the agent relayed it
    if (cls === 'quote') {
      const k = low(toks[agent[1]] ?? t) === 'as' ? agent[1] + 1 : agent[1];
      if (!hearer || !/^(saying|telling|writing|stating|declaring)$/.test(low(toks[k] ?? t))) return null;
      const content = contentAfter(scan, k + 1);
      if (!content) return null;
      return { content, direct: isDirect(scan, content), cue, speaker: charSpan(scan, hearer[0], hearer[1]), via: [charSpan(scan, agent[0], agent[1])] };
    }
    const content = contentAfter(scan, agent[1]);
    if (!content) return null;
    if (hearer && !(hearer[1] - hearer[0] === 1 && low(toks[hearer[0]]) === 'it')) via.push(charSpan(scan, hearer[0], hearer[1]));
    return { content, direct: isDirect(scan, content), cue, speaker: charSpan(scan, agent[0], agent[1]), via };
  }

  // "the facts reported by the government": a participle after its noun, not a report
  if (cueEnd < toks.length && low(toks[cueEnd]) === 'by' && prev && prev.pos !== 'AUX' && cls !== 'quote') return null;

  // "“…,” he said" / "“…,” said the minister" / "There was nothing unusual, he added."
  const afterQuote = prev && (prev.text === ',' || endsQuote(prev.text));
  let subj = afterQuote ? null : phraseBefore(scan, i, floor);
  if (!subj && prev && (prev.text === ',' || prev.text === '\u2014' || prev.text === '\u2013') && i - 1 > floor) subj = appositiveSubject(scan, i, floor);
  let inverted: [number, number] | null = null;
  let tailStart = cueEnd;
  // "said the minister" inverts only verbs of saying; "told The Courier" names the hearer; a participle
  // never inverts (", fearing more shelling")
  if (afterQuote && !subj && cls !== 'tell' && !TELL_LIKE.has(t.lemma) && !(t.pos === 'VERB' && w.endsWith('ing'))) {
    inverted = phraseAfter(scan, cueEnd, scan.sentenceEndToken(i));
    if (inverted) tailStart = inverted[1];
  }
  const speakerToks = subj ?? inverted;
  const sep = subj ? toks[subj[0] - 1] : afterQuote ? prev : undefined;
  const sepIsBreak = !!sep && (sep.text === ',' || endsQuote(sep.text));
  const sepTok = subj ? subj[0] - 1 : i - 1;
  const closing = sepIsBreak ? scan.quotationClosingAt(toks[sepTok].end) : null;
  // "“A,” he said, “B.”": one quote across the interruption
  let more: Quotation | null = null;
  if (closing) {
    let m = tailStart;
    const stop = scan.sentenceEndToken(i);
    while (m < stop && toks[m].text !== ',' && toks[m].text !== '.' && !OPEN_MARKS.has(toks[m].text) && m - tailStart < 8) m++;
    more = m < stop && toks[m].text === ',' ? scan.quotationOpeningAt(toks[m].end) : null;
  }
  // "“…,” Kasich told a crowd in Ohio", "The talks failed, an official told Reuters.": after the
  // report the hearer is part of the attribution
  let hearerVia: CharSpan | null = null;
  // Unquoted, the hearer ends the attribution when the sentence ends there; "The quota, she told me on
  // Friday, is …" is an attribution inside the report, which runs on around it (below).
  const sentenceEnd = scan.sentenceEndToken(i);
  if (sepIsBreak && speakerToks && !more && (closing ? TELL_LIKE.has(t.lemma) || cls === 'tell' : TELLING.has(t.lemma))) {
    const hearer = hearerOnly(scan, phraseAfter(scan, tailStart, sentenceEnd));
    if (hearer && !THAT.has(low(toks[hearer[0]]))) {
      let comma = hearer[1];
      while (comma < sentenceEnd && toks[comma].text !== ',') comma++;
      const inside = !closing && comma < sentenceEnd;
      if (!inside || tailIsAdverbial(scan, hearer[1])) {
        if (looksLikeMedia(scan, hearer) || isOutletName(scan, hearer)) hearerVia = charSpan(scan, hearer[0], hearer[1]);
        tailStart = inside ? comma : hearer[1];
      }
    }
  }
  // a quotation of a few words before "X said" is speech when no clause follows the cue;
  // "On Fox's “Sunday Morning Futures,” Issa said the probe …" quotes a title, and the report follows
  // ('"…," X said after the hearing ended' is such a tail: a clause that opens with "after", "when", …)
  const quoteBefore = !!closing && closing.end - closing.start > 20 && tailStart < toks.length && !THAT.has(low(toks[tailStart])) && toks[tailStart].text !== ':' && !scan.quotationOpeningAt(toks[tailStart].start) && (noClauseFrom(scan, tailStart) || ADVERBIAL_CLAUSE.has(low(toks[tailStart])));
  if (sepIsBreak && speakerToks && (more || quoteBefore || tailIsAdverbial(scan, tailStart))) {
    if (hearerVia) via.push(hearerVia);
    let content: CharSpan;
    if (closing) content = { start: leadIn(scan, closing.start), end: more ? more.end : closing.end };
    else {
      const first = scan.sentenceStartToken(sepTok);
      content = trimSpan(scan.text, toks[first].start, toks[sepTok].start);
      if (content.end - content.start < 8) return null;
      // "This campaign, he says, is different.": the report runs on around its attribution
      const stop = scan.sentenceEndToken(i);
      // (not ", said X, a spokesman for Y." nor ", he said, adding that …": an apposition without a verb,
      // or a participle going on with the attribution)
      if (tailStart < stop && toks[tailStart].text === ',' && stop - tailStart > 3 && toks[sepTok].text === ',' && runsOn(scan, tailStart + 1, stop)) {
        const rest = trimSpan(scan.text, toks[tailStart].end, toks[stop - 1].end);
        if (rest.end - rest.start > 8) content = { start: content.start, end: rest.end };
      }
      // "Late on Tuesday, the minister told reporters." reports nothing: words before the comma that open
      // with a preposition or an adverb and have no verb are when or where, not what ("People like
      // Scott, he said." is a report)
      let verb = false;
      for (let m = first; m < stop && toks[m].start < content.end && !verb; m++) verb = (m < sepTok || m >= tailStart) && (toks[m].pos === 'VERB' || toks[m].pos === 'AUX');
      if (!verb && opensWhereOrWhen(toks[first])) return null;
    }
    viaIn(scan, tailStart, scan.sentenceEndToken(i), null, via);
    return { content, direct: isDirect(scan, content), cue, speaker: charSpan(scan, speakerToks[0], speakerToks[1]), via };
  }

  // "X said (that) …", "X told the Times …", "X quoted Y as saying …"
  if (!subj && !afterQuote && prev && (prev.pos === 'CCONJ' || prev.text === ',' || prev.pos === 'VERB' || prev.pos === 'ADV')) subj = clauseSubject(scan, i);
  // "The council voted 11 to 9 to ask …": a tally is no speaker; the clause's subject is
  if (subj && low(prev ?? t) === 'to' && isTally(toks, subj)) subj = clauseSubject(scan, i);
  if (!subj) return null;
  const own = subj;
  subj = withRelativeClause(scan, subj, i, floor);
  // "drivers who spoke to the Ledger said …": the outlet they spoke to relays what they said
  if (subj !== own) outletsToldIn(scan, subj[0], subj[1], via);
  // "what he claims fits a pattern": the clause is a subject, not a report
  if (low(toks[subj[0] - 1] ?? t) === 'what' || low(toks[subj[0]]) === 'what') return null;
  // "the image he wanted in the community": a stance verb needs its object right after it
  if (cls === 'stance' && (!toks[cueEnd] || toks[cueEnd].pos === 'ADP' && low(toks[cueEnd]) !== 'to' || isPunct(toks[cueEnd]))) return null;
  let speaker = subj;
  let k = cueEnd;
  const end = scan.sentenceEndToken(i);
  // "said to the Herald (on Monday) that …": the outlet spoken to relays the report, which starts after it
  const spokenTo = (cls === 'say' || cls === 'manner') && low(toks[k] ?? t) === 'to' ? outletSpokenTo(scan, k, end) : null;
  if (cls === 'quote') {
    const quoted = phraseAfter(scan, k, end);
    if (!quoted) return null;
    via.push(charSpan(scan, subj[0], subj[1]));
    speaker = quoted;
    k = quoted[1];
    // ", Chief of Staff," appositions and "as saying"
    while (k < end && k - quoted[1] < 12 && !(low(toks[k]) === 'as' && /^(saying|telling|writing|stating|declaring)$/.test(low(toks[k + 1] ?? toks[k])))) k++;
    if (k >= end) return null;
    k += 2;
  } else if (TELL_LIKE.has(t.lemma) || cls === 'tell') {
    const hearer = phraseAfter(scan, k, end);
    if (hearer && !THAT.has(low(toks[hearer[0]]))) {
      // the outlet without when it was told ("the Herald on Tuesday"); the report starts after both
      const outlet = hearerOnly(scan, hearer)!;
      if (looksLikeMedia(scan, outlet)) via.push(charSpan(scan, outlet[0], outlet[1]));
      if (t.lemma === 'tell' || t.lemma === 'inform' || t.lemma === 'assure' || t.lemma === 'remind' || t.lemma === 'brief' || t.lemma === 'notify') k = hearer[1];
    }
  } else if (spokenTo) {
    via.push(charSpan(scan, spokenTo[1][0], spokenTo[1][1]));
    k = spokenTo[0][1];
  } else if (cls === 'belief' || cls === 'evidence') {
    const nx = toks[k];
    // "polls show Clinton leading": records and surveys report what they show without a "that"
    const thing = cls === 'evidence' && subj && THING_SPEAKERS.has(low(toks[subj[1] - 1]));
    if (!nx || !(THAT.has(low(nx)) || thing || (cls === 'belief' && (nx.pos === 'PRON' || nx.pos === 'PROPN' || nx.pos === 'DET')))) return null;
    if (cls === 'evidence') {
      // "Sky News obtained documents proving that …": the one who obtained the documents is the source
      const head = toks.slice(speaker[0], speaker[1]);
      if (head.every((x) => x.pos !== 'PROPN') && head.some((x) => THING_SPEAKERS.has(low(x))) && toks[speaker[0] - 1]?.pos === 'VERB') {
        const owner = phraseBefore(scan, speaker[0] - 1, floor);
        if (owner) speaker = owner;
      }
    }
  }
  // "Trump posted a series of tweets criticizing …", "the senators sent a letter to the board urging …": a
  // message someone sent speaks for its sender
  // (one that names its author speaks for the author: "published a letter from Ivo Marr saying", "a video of
  // the minister saying")
  let message = -1;
  for (let m = speaker[0]; m < speaker[1] && toks[m].pos !== 'PROPN' && message < 0; m++) if (toks[m].pos === 'NOUN' && MESSAGE_NOUNS.has(low(toks[m]))) message = m;
  const by = message >= 0 ? low(toks[message + 1] ?? t) : '';
  const author = by === 'from' || by === 'by' || by === 'of' ? phraseAfter(scan, message + 2, speaker[1]) : null;
  // ("a video of the attack shows": of names the author only when it names someone)
  if (author && (by !== 'of' || toks.slice(author[0], author[1]).some((x) => x.pos === 'PROPN'))) speaker = author;
  else if (message >= 0 && toks[speaker[0] - 1]?.pos === 'VERB' && SENDING.test(toks[speaker[0] - 1].lemma)) {
    const sender = phraseBefore(scan, speaker[0] - 1, floor);
    if (sender) speaker = sender;
  }
  if (k > end) return null;
  // "responded to the report by saying …", "replied to critics that …": what was answered is not the
  // report (with nothing after it, "did not respond to a request for comment" is kept whole, a refusal)
  if (ANSWER_VERBS.has(t.lemma) && low(toks[k] ?? t) === 'to') {
    const answered = phraseAfter(scan, k + 1, end);
    const m = answered ? answered[1] : k + 1;
    if (THAT.has(low(toks[m] ?? t))) k = m;
    else if (low(toks[m] ?? t) === 'by' && /^(saying|stating|noting|arguing)$/.test(low(toks[m + 1] ?? t))) k = m + 2;
  }
  const content = contentAfter(scan, k);
  if (!content) return null;
  // "ISIS fighters attacked the town": an assault, not words; a verbal attack says what it was for or
  // as what ("attacked Clinton for …", "blasted the plan as …") or quotes it
  if (ASSAULT_VERBS.has(t.lemma) && !containsQuotation(scan, content) && !criticismReason(scan, content)) return null;
  // "who asked not to be named": how the source wished to be cited, not what it said
  if ((t.lemma === 'ask' || t.lemma === 'request') && ANONYMITY.test(scan.text.slice(content.start, content.end))) return null;
  viaIn(scan, floor, i, speaker, via);
  // between the cue and the report: "said in an interview with Reuters that …"
  viaIn(scan, cueEnd, k, null, via);
  viaIn(scan, k, scan.tokenAt(content.start), null, via, true);
  // and after it: "denied it in an interview with the Ledger"
  viaIn(scan, scan.tokenAt(content.end), scan.sentenceEndToken(i), null, via, true);
  return { content, direct: isDirect(scan, content), cue, speaker: charSpan(scan, speaker[0], speaker[1]), via };
}

/** "according to X, …", "…, according to X", "according to X “…”" */
function accordingTo(scan: Scan, i: number): Frame | null {
  const toks = scan.toks, end = scan.sentenceEndToken(i);
  // the source runs to the next comma or quotation ("early results of exit polls conducted by Edison
  // Research"); read by punctuation, since the tagger often misreads the words of a long source
  let m = i + 2;
  while (m < end && m - i < 27 && toks[m].text !== ',' && !OPEN_MARKS.has(toks[m].text) && toks[m].text !== ':' && !(m + 1 >= end && isPunct(toks[m]))) m++;
  let srcEnd = m;
  if (m - i >= 27 || (m < end && OPEN_MARKS.has(toks[m].text) === false && toks[m].text !== ',' && m + 1 < end)) {
    const np = phraseAfter(scan, i + 2, end);
    if (!np) return null;
    srcEnd = np[1];
  }
  while (srcEnd > i + 2 && isPunct(toks[srcEnd - 1])) srcEnd--;
  if (srcEnd <= i + 2) return null;
  const np: [number, number] = [i + 2, srcEnd];
  const src: [number, number] = [np[0], srcEnd];
  const cue = charSpan(scan, i, i + 2);
  const speaker = charSpan(scan, src[0], src[1]);
  const quoted = scan.quotationOpeningAt(toks[src[1] - 1].end);
  if (quoted) return { content: { start: quoted.start, end: quoted.end }, direct: true, cue, speaker, via: [] };
  const after = src[1];
  const sStart = scan.sentenceStartToken(i);
  const leading = i === sStart || (toks[i - 1].text === ',' && i - sStart <= 4);
  const clauseAfter = after < end && toks[after].text === ',' && end - after > 5;
  if (!leading) {
    if (i - sStart >= 3 && (after >= end - 1 || isPunct(toks[after]) || !clauseAfter)) {
      // trailing: the clause before ", according to X" is the content
      const closing = scan.quotationClosingAt(toks[i - 1]?.end ?? 0);
      if (closing && toks[i - 1].text === ',') return { content: { start: closing.start, end: closing.end }, direct: true, cue, speaker, via: [] };
      const from = toks[sStart].start;
      const content = trimSpan(scan.text, from, toks[i].start);
      if (content.end - content.start < 8) return null;
      return { content, direct: isDirect(scan, content), cue, speaker, via: [] };
    }
  }
  if (after < end && toks[after].text === ',') {
    // "according to X, a group that counts …, the number …": the description belongs to the source
    const apposEnd = appositionAfter(toks, after + 1, end);
    if (apposEnd > 0) {
      const content = contentAfter(scan, apposEnd + 1, true);
      if (content) return { content, direct: isDirect(scan, content), cue, speaker: charSpan(scan, src[0], apposEnd), via: [] };
    }
    const content = contentAfter(scan, after + 1, true);
    if (!content) return null;
    return { content, direct: isDirect(scan, content), cue, speaker, via: [] };
  }
  return null;
}

const RELATIVE_WORDS = new Set(['that', 'which', 'who', 'whose', 'whom']);

/**
 * An appositive description opening at k ("a group that counts …", "an analyst at Y") and closed by
 * a comma with a clause after it: the index of that comma, else -1. A verb before any relative word
 * makes it a clause ("a man was arrested, …"), not a description.
 */
function appositionAfter(toks: Token[], k: number, end: number): number {
  if (k >= end || (toks[k].low !== 'a' && toks[k].low !== 'an')) return -1;
  let relative = false;
  for (let m = k + 1; m < end && m - k < 30; m++) {
    const t = toks[m];
    if (t.text === ',') return relative || m - k <= 8 ? (end - m > 5 ? m : -1) : -1;
    if (OPEN_MARKS.has(t.text) || t.text === ';' || t.text === ':') return -1;
    if (RELATIVE_WORDS.has(t.low)) relative = true;
    else if (!relative && (t.pos === 'VERB' || t.pos === 'AUX')) return -1;
  }
  return -1;
}

/** "Terrorism expert X is sure that …" */
function adjectiveCue(scan: Scan, i: number): Frame | null {
  const subj = phraseBefore(scan, i, scan.sentenceStartToken(i));
  if (!subj) return null;
  const content = contentAfter(scan, i + 1);
  if (!content) return null;
  // the cue is the form of "be" with its adjective: "is sure"
  return { content, direct: isDirect(scan, content), cue: charSpan(scan, Math.max(subj[1], i - 1), i + 1), speaker: charSpan(scan, subj[0], subj[1]), via: [] };
}

/** A headline or paragraph that opens with a name and a colon: "Graham: Trump is destroying the party". */
function isHeadlineColon(scan: Scan, i: number): boolean {
  const toks = scan.toks;
  const s = scan.sentenceStartToken(i);
  if (i - s < 1 || i - s > 7) return false;
  const lineStart = s === 0 || /\n\s*$/.test(scan.text.slice(Math.max(0, toks[s].start - 3), toks[s].start));
  if (!lineStart) return false;
  // a name or a short description, capitalised, with no verb: "Clinton camp", "Former AG Mukasey at RNC"
  if (!/^\p{Lu}/u.test(toks[s].text)) return false;
  let named = false;
  for (let m = s; m < i; m++) {
    const t = toks[m];
    if (t.pos === 'VERB' && !/^\p{Lu}/u.test(t.text) || t.pos === 'AUX' || t.pos === 'PRON' || t.pos === 'SCONJ' || (isPunct(t) && t.text !== '-' && t.text !== '\u2013')) return false;
    if (t.pos === 'PROPN' || /^\p{Lu}/u.test(t.text)) named = true;
  }
  // column and programme labels ("The Latest:", "GfK Poll:", "Follow X on Twitter:") introduce no speaker
  if (/^(update|updated|note|editor|photo|video|watch|read|related|source|sources|image|credit|tags|share|advertisement|exclusive|breaking|latest|daily|poll|news|podcast|show|live|recap|review|timeline|explainer|transcript|twitter|facebook)$/i.test(toks[i - 1].text)) return false;
  if (toks[s].pos === 'VERB' || toks.slice(s, i).some((t) => /^['\u2019]s$/i.test(t.text))) return false;
  return named && i + 2 < toks.length && !/^\s*\n/.test(scan.text.slice(toks[i].end, toks[i].end + 2));
}

/** "TAPPER: …" and "Clinton camp: …": the content runs to the end of the line. */
function colonCue(scan: Scan, i: number): Frame | null {
  const toks = scan.toks, s = scan.sentenceStartToken(i);
  let lineEnd = scan.text.indexOf('\n', toks[i].end);
  if (lineEnd < 0) lineEnd = scan.text.length;
  let speakerStart = s;
  // "EXCLUSIVE – Roger Stone:" keeps only the name after the dash
  for (let m = s; m < i; m++) if (toks[m].text === '-' || toks[m].text === '\u2013' || toks[m].text === '\u2014') speakerStart = m + 1;
  if (speakerStart >= i) return null;
  const content = extendOverQuotation(scan, trimSpan(scan.text, toks[i].end, lineEnd));
  if (content.end - content.start < 6) return null;
  // "Field notes: a week on the Homs road" is a title and its subtitle: what follows a label says
  // something only with a verb or in quotation marks
  if (!isDirect(scan, content) && !hasVerb(scan, content)) return null;
  // "Coastline Wire Service: opposition officer alleges …" is an outlet's headline, not the outlet speaking
  if (looksLikeMedia(scan, [speakerStart, i])) return null;
  return { content, direct: isDirect(scan, content), cue: charSpan(scan, i, i + 1), speaker: charSpan(scan, speakerStart, i), via: [] };
}

/** A request to stay unnamed. */
const ANONYMITY = /^(not to be (named|identified|quoted)|to (remain|stay) (anonymous|unnamed)|that (he|she|they|his|her|their)( names?)? (not|be withheld)|(for )?anonymity)\b/i;

/** Verbs of criticism that are also verbs of assault. */
const ASSAULT_VERBS = new Set(['attack', 'blast', 'slam']);


/** Whether a quotation (an opening mark with its closing one) starts in the span: an apostrophe ("the
 * soldiers' barracks") is none. */
function containsQuotation(scan: Scan, span: CharSpan): boolean {
  const q = scan.quotationStartingBefore(span.end - 1);
  return !!q && q.start >= span.start;
}

/** Whether a clause starts at token k: a pronoun, or a verb within four words ("as the convoy crossed"). */
function startsClause(toks: Scan['toks'], k: number, endChar: number): boolean {
  if (toks[k]?.pos === 'PRON' || toks[k]?.pos === 'SCONJ') return true;
  for (let m = k; m < toks.length && m < k + 4 && toks[m].start < endChar && !isPunct(toks[m]); m++) if (toks[m].pos === 'VERB' || toks[m].pos === 'AUX') return true;
  return false;
}

/** "attacked X for …", "blasted the plan as reckless", "slammed the council over the budget": what the
 * criticism was for; not a time or a clause of its own ("over the weekend", "as it crossed"). */
function criticismReason(scan: Scan, span: CharSpan): boolean {
  const toks = scan.toks;
  for (let m = scan.tokenAt(span.start); m + 1 < toks.length && toks[m].start < span.end; m++) {
    const w = low(toks[m]), next = toks[m + 1], after = toks[m + 2];
    if (w === 'for') return true;
    if (w === 'as' && !startsClause(toks, m + 1, span.end)) return true;
    if (w === 'over' && !(isTimeWord(low(next)) || (after && (low(next) === 'the' || low(next) === 'a') && isTimeWord(low(after))))) return true;
  }
  return false;
}

/** Whether a verb (not an auxiliary alone) stands in the span. */
function hasVerb(scan: Scan, span: CharSpan): boolean {
  for (let m = scan.tokenAt(span.start); m < scan.toks.length && scan.toks[m].start < span.end; m++) if (scan.toks[m].pos === 'VERB' || scan.toks[m].pos === 'AUX') return true;
  return false;
}

/** text.slice(start, end).split(/\s+/).length, without the slice and the array: runs of spaces, plus one. */
function wordCount(text: string, start: number, end: number): number {
  let n = 1;
  for (let k = start; k < end; k++) if (isSpaceCode(text.charCodeAt(k)) && (k === start || !isSpaceCode(text.charCodeAt(k - 1)))) n++;
  return n;
}

/** Quotations no frame covered: a free-standing quotation of a full sentence or more continues the last
 * speaker. A shorter one ("“A,” he said. “B.”") only carries on the quote just before it in its
 * paragraph (`onlyContinues`): alone it may be a slogan or a name. */
export function looseQuotations(scan: Scan, frames: Frame[]): { quotation: Quotation; after: number; onlyContinues: boolean }[] {
  const covered = (q: Quotation) => frames.some((f) => f.content.start < q.end && q.start < f.content.end);
  const out: { quotation: Quotation; after: number; onlyContinues: boolean }[] = [];
  for (const q of scan.quotations) {
    if (covered(q)) continue;
    const words = wordCount(scan.text, q.start, q.end);
    if (words < 2) continue;
    let b = q.start;
    while (b > 0 && /[^\S\n]/.test(scan.text[b - 1])) b--;
    const lead = b === 0 ? '\n' : scan.text[b - 1];
    if (!/[\n.:!?]/.test(lead) && !(lead === '\u201d' || lead === '"' || (lead === "'" && scan.text[b - 2] === "'"))) continue;
    out.push({ quotation: q, after: q.start, onlyContinues: words < 5 });
  }
  return out;
}
