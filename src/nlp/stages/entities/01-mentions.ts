// Step 1: find name mentions in one section and guess their type from the name itself and its
// neighbours. Works on wink-nlp tokens: a name is a run of capitalised words (with the joints
// names have: al-, bin, de, hyphens, "of the" after an organisation or title word), then
// trimmed (possessive, determiner) and widened where the benchmark convention counts more
// ("The UN Security Council", "Iraqi security forces", "Reuters news agency").
import type { EntityType } from '../../../types.js';
import type { Section, Token } from '../../context.js';
import {
  FIRST_NAMES, GOVERNMENT_NOUNS, GROUP_NOUNS, GROUP_NOT_MERGED, MEDIA_NOUNS, NOT_NAMES, ORG_HEADS, PERSON_VERBS,
  PLACE_FIRST, PLACE_HEADS, PLACE_PREPS, TITLES, TITLE_TAILS, TITLE_WORDS, demonymCountry, lookup,
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
  /** "the regime": refers back to the latest government mentioned. */
  regimeRef?: boolean;
  /** Order of appearance across the whole document (sections in order). */
  order: number;
}

const CONNECTORS = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'de', 'ez', 'ad', 'as', 'ash', 'az', 'ar', 'an', 'ud', 'du', 'da', 'di', 'van', 'von', 'der', 'la', 'le', 'del', 'dos', 'y']);
// POS of sentence-initial capitalised words that are not names.
const NOT_NAME_POS = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'ADV', 'AUX', 'PART', 'NUM', 'INTJ', 'VERB', 'PUNCT', 'SYM']);
const FUNCTION_WORDS = new Set(['The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'We', 'They', 'I', 'You', 'His', 'Her', 'Our', 'Their', 'My', 'Your',
  'But', 'And', 'Or', 'So', 'Yet', 'If', 'When', 'While', 'As', 'In', 'On', 'At', 'For', 'With', 'From', 'By', 'To', 'Of', 'After', 'Before', 'Since', 'Although', 'Though',
  'Because', 'There', 'Here', 'What', 'Who', 'Why', 'How', 'Where', 'Which', 'Now', 'Then', 'Also', 'However', 'Meanwhile', 'Some', 'Many', 'Most', 'All', 'Both', 'Each',
  'Every', 'No', 'Not', 'One', 'Two', 'Three', 'Several', 'Other', 'Another', 'Such', 'Only', 'Even', 'Just', 'Still', 'Over', 'Under', 'During', 'Despite', 'Instead', 'Among',
  'Yes', 'Oh', 'Well', 'Please', 'Let', 'Do', 'Does', 'Did', 'Is', 'Are', 'Was', 'Were', 'Be', 'Has', 'Have', 'Had', 'Can', 'Could', 'Will', 'Would', 'Should', 'May', 'Might', 'Must',
  'Mr', 'Mrs', 'Ms', 'Dr', 'According', 'Like', 'Unlike', 'Until', 'Unless', 'Whether', 'Perhaps', 'Maybe', 'Indeed', 'Thus', 'Therefore', 'Moreover', 'Furthermore', 'Besides',
  'Today', 'Yesterday', 'Tomorrow', 'Last', 'Next', 'First', 'Second', 'Third', 'Finally', 'Again', 'More', 'Less', 'Few', 'Much', 'Very', 'Too', 'Almost', 'About', 'Around',
  'Against', 'Between', 'Through', 'Within', 'Without', 'Across', 'Along', 'Behind', 'Beyond', 'Into', 'Onto', 'Upon', 'Via', 'Per', 'Said', 'Says', 'Asked', 'Told']);
const PRONOUN_LIKE = new Set(['I', 'He', 'She', 'We', 'They', 'It', 'You']);

const isCap = (t: Token) => t.kind === 'word' && /^\p{Lu}/u.test(t.text) && !PRONOUN_LIKE.has(t.text);
const isHyphen = (t: Token | undefined) => !!t && (t.text === '-' || t.text === '‐' || t.text === '‑');
const isAllCaps = (s: string) => /^[A-Z][A-Z.&]*[A-Z.]$/.test(s) && s.replace(/[^A-Z]/g, '').length >= 2;
const lc = (t: Token | undefined) => (t ? t.text.toLowerCase() : '');

interface SectionView {
  sec: Section;
  toks: Token[];
  /** Token index → true when it is the first word of its sentence (after quotes, bullets). */
  initial: Uint8Array;
  /** Lower-case words seen in lower case somewhere in the section: evidence of a common word. */
  lowerWords: Set<string>;
}

function view(sec: Section): SectionView {
  const toks = sec.tokens;
  const initial = new Uint8Array(toks.length);
  for (const s of sec.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (toks[i].kind === 'word' || toks[i].kind === 'number') { initial[i] = 1; break; }
    }
  }
  // A word after a line break or an opening quote/colon also starts a sentence in dumps and quotes.
  for (let i = 1; i < toks.length; i++) {
    const gap = sec.text.slice(toks[i - 1].end, toks[i].start);
    if (gap.includes('\n') || /^["“‘'(\[:•*–—-]$/.test(toks[i - 1].text) && (i < 2 || /[\n.!?:]/.test(sec.text.slice(toks[i - 2].end, toks[i - 1].start) + toks[i - 2].text))) initial[i] = 1;
  }
  const lowerWords = new Set<string>();
  for (const t of toks) if (t.kind === 'word' && /^\p{Ll}/u.test(t.text)) lowerWords.add(t.text);
  return { sec, toks, initial, lowerWords };
}

/** May a capitalised word that opens a sentence start a name? */
function acceptInitial(v: SectionView, i: number): boolean {
  const t = v.toks[i];
  if (FUNCTION_WORDS.has(t.text)) return false;
  if (lookup(t.text) || FIRST_NAMES.has(t.text) || TITLE_WORDS.has(t.text) || demonymCountry(t.text) || pluralDemonymCountry(t.text)) return true;
  if (isAllCaps(t.text)) return true;
  const next = v.toks[i + 1];
  if (next && isCap(next) && !spaceBreak(v, i + 1)) return !NOT_NAME_POS.has(t.pos) || t.pos === 'VERB' && false;
  if (v.lowerWords.has(t.text.toLowerCase())) return false;
  return t.pos === 'PROPN';
}

/** True when a line break separates token i from the one before it. */
function spaceBreak(v: SectionView, i: number): boolean {
  return i > 0 && v.sec.text.slice(v.toks[i - 1].end, v.toks[i].start).includes('\n');
}
const glued = (v: SectionView, i: number) => i > 0 && v.toks[i - 1].end === v.toks[i].start;

/** Does the run so far end in a word that takes an "of"/"for" complement inside a name? */
function takesComplement(words: string[]): boolean {
  const last = words[words.length - 1];
  return ORG_HEADS.has(last) || TITLE_WORDS.has(last) || PLACE_HEADS.has(last) || last === 'Members' || last === 'Head' || last === 'Leader';
}

/** Extend a name run from token i; returns the exclusive end token index. */
function runEnd(v: SectionView, i: number): number {
  const { toks } = v;
  const n = toks.length;
  let j = i + 1;
  while (j < n) {
    if (spaceBreak(v, j)) break;
    const t = toks[j];
    if (isCap(t)) { j++; continue; }
    // Hyphen glued on both sides inside a name: Abdel-Latif, Brigadier-General, Al-Raqqa, ez-Zor.
    if (isHyphen(t) && glued(v, j) && toks[j + 1] && glued(v, j + 1) && (isCap(toks[j + 1]) || CONNECTORS.has(lc(toks[j + 1])) && toks[j + 3] && isCap(toks[j + 3]))) { j++; continue; }
    if (CONNECTORS.has(t.text) && toks[j + 1] && (isCap(toks[j + 1]) && !glued(v, j + 1) || isHyphen(toks[j + 1]) && toks[j + 2] && isCap(toks[j + 2]))) { j++; continue; }
    if ((t.text === 'of' || t.text === 'for') && toks[j + 1]) {
      const words = toks.slice(i, j).map((x) => x.text);
      const k = toks[j + 1].text === 'the' ? j + 2 : j + 1;
      if (toks[k] && isCap(toks[k]) && takesComplement(words)) { j = k; continue; }
    }
    if (t.text === '&' && toks[j + 1] && isCap(toks[j + 1])) { j++; continue; }
    break;
  }
  // Never end on a joint.
  while (j > i + 1 && (CONNECTORS.has(toks[j - 1].text) || isHyphen(toks[j - 1]) || ['of', 'for', 'the', '&'].includes(toks[j - 1].text))) j--;
  return j;
}

/** Split a person name from the title in front of it. Returns [titleWordCount, ok]. */
function titleLength(words: string[]): number {
  // Up to three qualifier words may precede the title: "Iraqi President", "UK Foreign Secretary", "FCO Minister".
  for (let p = 0; p <= Math.min(3, words.length - 1); p++) {
    const pre = words.slice(0, p);
    if (!pre.every((w) => demonymCountry(w) || isAllCaps(w) || lookup(w) || ['Foreign', 'Office', 'Home', 'Defence', 'Defense', 'Former', 'Deputy', 'Acting', 'Interim', 'Senior', 'Assistant', 'Vice', 'Head', 'Junior', 'Shadow', 'State', 'Chief', 'Terrorism', 'Security', 'Army', 'Military', 'Opposition', 'Regional', 'Provincial', 'Then', 'Trade', 'Health', 'Interior', 'Justice', 'Finance'].includes(w))) break;
    let at = p;
    let matched = false;
    // Titles can stack: "HE Dr Ibrahim", "Brigadier-General".
    for (;;) {
      const tt = TITLES.find((t) => t.every((w, k) => words[at + k] === w || words[at + k] === w.replace(/-/g, '')));
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

export interface SectionMentions { candidates: Candidate[] }

/** Find and type the name mentions of one section. `order` continues across sections. */
export function findMentions(sec: Section, orderStart: number): Candidate[] {
  const v = view(sec);
  const { toks } = v;
  const out: Candidate[] = [];
  const acronymFor = new Map<number, Candidate>();
  let order = orderStart;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!isCap(t)) {
      // "the regime" refers to the government last named.
      if (lc(t) === 'regime' && lc(toks[i - 1]) === 'the' && !(toks[i + 1] && /^\p{Lu}/u.test(toks[i + 1].text))) {
        const d = toks[i - 1];
        out.push({ in: sec.in, start: d.start, end: t.end, text: sec.text.slice(d.start, t.end), core: 'regime', title: null, type: 'ORG', fallback: 'ORG', regimeRef: true, order: order++ });
      }
      continue;
    }
    if (v.initial[i] && !acceptInitial(v, i)) continue;
    let end = runEnd(v, i);
    // A sentence-initial "The" opens the name it belongs to ("The Daily Beast", "The UN").
    let first = i;
    const words = () => toks.slice(first, end).map((x) => x.text);
    if (toks[first].text === 'The' && end - first > 1) first++;
    // Leading words that are never names on their own ("Northern" stays: "Northern Iraq").
    while (end - first > 1 && FUNCTION_WORDS.has(toks[first].text) && !TITLE_WORDS.has(toks[first].text)) first++;
    const cand = classify(v, first, end, order);
    i = end - 1;
    if (!cand) continue;
    order++;
    const pending = acronymFor.get(first);
    if (pending) cand.expands = pending;
    // "Free Syrian Army (FSA)": remember that the acronym inside the brackets abbreviates this name.
    if (toks[end]?.text === '(' && toks[end + 2]?.text === ')' && isAllCaps(toks[end + 1].text) && !cand.expands) acronymFor.set(end + 1, cand);
    out.push(cand);
  }
  return out;
}

const groupAt = (toks: Token[], k: number, list: readonly string[][]): string[] | undefined =>
  list.find((g) => g.every((w, x) => toks[k + x] && toks[k + x].text === w));

function classify(v: SectionView, first: number, end: number, order: number): Candidate | null {
  const { toks, sec } = v;
  const words = toks.slice(first, end).map((x) => x.text);
  const surface = sec.text.slice(toks[first].start, toks[end - 1].end);
  const prev = toks[first - 1];
  const prev2 = toks[first - 2];
  const next = toks[end];
  let type: EntityType | null = null;
  let fallback: EntityType = 'PERSON';
  let entry = lookup(surface);
  let title: string | null = null;
  let core = surface;
  const last = words[words.length - 1];

  // Weak single-word outlet names ("Time", "Independent") only count with a media word or "the" next to them.
  if (entry && entry.kind === 'outlet' && words.length === 1 && !/^[A-Z]{2,}$/.test(surface)) {
    const media = next && groupAt(toks, end, MEDIA_NOUNS);
    if (!media && lc(prev) !== 'the' && !PERSON_VERBS.has(lc(next)) && !['told', 'by', 'to'].includes(lc(prev))) entry = undefined;
  }
  if (words.length === 1 && NOT_NAMES.has(surface) && !entry) return null;

  if (entry) type = entry.type;
  else if (ORG_HEADS.has(last) && !(PLACE_HEADS.has(last))) type = 'ORG';
  if (!entry) {
    const tl = titleLength(words);
    if (tl > 0 && !(ORG_HEADS.has(last) && tl >= words.length)) {
      type = 'PERSON';
      title = words.slice(0, tl).join(' ');
      const coreStart = tl < words.length ? toks[first + tl].start : toks[end - 1].end;
      core = sec.text.slice(coreStart, toks[end - 1].end);
      // Adjust title to the text as written (hyphens, spacing).
      title = sec.text.slice(toks[first].start, tl < words.length ? toks[first + tl - 1].end : toks[end - 1].end);
      if (tl >= words.length) core = '';
      else {
        const e2 = lookup(core);
        if (e2 && e2.type === 'PERSON') entry = e2;
      }
    }
  }
  if (!type) {
    if (words.some((w) => ORG_HEADS.has(w)) && !PLACE_HEADS.has(last)) type = 'ORG';
    else if (PLACE_FIRST.has(words[0]) && words.length > 1 || PLACE_HEADS.has(last) && words.length > 1) type = 'PLACE';
    else if (words.length > 1 && demonymCountry(words[0]) && !FIRST_NAMES.has(words[1])) type = 'ORG';
    else if (words.length === 1 && pluralDemonymCountry(surface)) type = 'ORG';
    else if (words.length > 1 && (FIRST_NAMES.has(words[0]) || words[0] === 'Abu' || words[0] === 'Umm')) type = 'PERSON';
    else if (words.length === 1 && isAllCaps(surface)) type = 'ORG';
  }
  // A demonym on its own ("Syrian engineers") is not a mention, unless a group noun follows.
  const soleDemonym = words.length === 1 && demonymCountry(surface);
  let start = toks[first].start;
  let stop = toks[end - 1].end;
  let governmentOf: GazetteerEntry | undefined;
  let group: Candidate['group'];

  // Widen over a group noun: "Iraqi security forces", "ISIS fighters", "Assad regime", "Reuters news agency".
  const g = next && !spaceBreak(v, end) && (groupAt(toks, end, GROUP_NOUNS) ?? groupAt(toks, end, MEDIA_NOUNS));
  const baseEntry = entry ?? (soleDemonym ? demonymCountry(surface) : undefined);
  if (g && (baseEntry || type === 'ORG') && !(type === 'PERSON' && !(entry?.leads))) {
    const noun = g.join(' ');
    const gEnd = end + g.length;
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
      const base: Candidate = { in: sec.in, start, end: stop, text: surface, core: surface, title: null, type: baseEntry?.type ?? 'ORG', fallback: 'ORG', entry: baseEntry, order };
      group = { noun, base };
      if (baseEntry?.type === 'ORG' && !GROUP_NOT_MERGED.has(noun)) { entry = baseEntry; group = undefined; }
      else entry = undefined;
    }
    stop = toks[gEnd - 1].end;
    core = sec.text.slice(start, stop);
  } else if (soleDemonym) return null;

  // Types still open: read the neighbours.
  if (!type) {
    if (prev && PLACE_PREPS.has(prev.text) && !(prev.text === 'of' && words.length > 1)) fallback = 'PLACE';
    else if (next && PERSON_VERBS.has(lc(next))) fallback = 'PERSON';
    else if (lc(prev) === 'the' || lc(prev2) === 'the' && prev?.pos === 'ADJ') fallback = 'ORG';
    else fallback = 'PERSON';
    // Inside brackets after a media word: "a pro-regime website (Syrian Perspective)".
    if (prev?.text === '(' && prev2 && groupAt(toks, first - 2, MEDIA_NOUNS)) type = 'ORG';
  } else fallback = type;

  // The determiner belongs to an organisation's or place's name, and to a bare title ("The Foreign
  // Secretary"), but not to a name used as a modifier ("the UNGA meeting") or a possessor.
  const det = lc(toks[first - 1]) === 'the' ? toks[first - 1] : undefined;
  const possessive = /^['’]/.test(sec.text.slice(stop, stop + 1));
  const modifier = possessive || (stop === toks[end - 1].end && !!next && next.pos === 'NOUN' && /^\p{Ll}/u.test(next.text));
  if (det && !modifier && (type !== 'PERSON' || title) && !(entry?.type === 'PERSON')) start = det.start;

  return {
    in: sec.in, start, end: stop, text: sec.text.slice(start, stop), core: core.replace(/^(?:the|The)\s+/, ''), title, type,
    fallback, entry, governmentOf, group, order,
  };
}

function lookupCountry(name: string): GazetteerEntry | undefined {
  const e = lookup(name);
  return e?.kind === 'country' ? e : undefined;
}
