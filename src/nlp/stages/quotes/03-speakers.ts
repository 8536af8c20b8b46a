// Speakers: link each speaker phrase to an entity, and resolve pronouns and relative pronouns to the
// most recent compatible speaker or person subject ("he explains" → the attorney general named just before).
import type { Entity, EntityType, Quote } from '../../../types.js';
import type { Token } from '../../context.js';
import type { CharSpan, Frame, Scan } from './02-frames.js';
import { looksLikeMedia, participleBeforeBy, phraseBefore, VIA_NOUNS } from './02-frames.js';

/** An entity mention in one section, flattened for lookups. */
export interface MentionRef {
  start: number;
  end: number;
  entityId: string;
  type: EntityType;
  /** The entity's name. */
  name: string;
}

/** Someone a later pronoun can refer to. */
interface Antecedent {
  start: number;
  text: string;
  entityId: string | null;
  plural: boolean;
  person: boolean;
}

const SINGULAR_PERSON = new Set(['he', 'she', 'him', 'her']);
const PLURAL = new Set(['they', 'them']);
const RELATIVE = new Set(['who', 'which', 'that']);
const RELATIVE_HEAD_END = new Set(['who', 'whom', 'whose', 'which', 'that']);
/** "one of them", "several of them" (the speaker phrase whole). */
/** Parts of a group that are one of them: "each of them said", "neither of them". */
const SINGLE_PARTS = new Set(['one', 'each', 'either', 'neither', 'none']);
const PART_OF_THEM = /^(\p{L}+|\d+) of them$/iu;

/** Mentions overlapping [start, end), by binary search over mentions sorted by start. */
function mentionsIn(mentions: MentionRef[], start: number, end: number): MentionRef[] {
  let lo = 0, hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  // mentions are sorted by start and do not nest deeply, so back up a little for long ones
  let i = Math.max(0, lo - 3);
  const out: MentionRef[] = [];
  for (; i < mentions.length && mentions[i].start < end; i++) if (mentions[i].end > start) out.push(mentions[i]);
  return out;
}

/** The head of a speaker phrase: its words before any "of", "in", "close to", comma, parenthesis or
 * relative clause ("residents who fled Brask" are residents, not Brask). */
function headEnd(scan: Scan, span: CharSpan): number {
  const toks = scan.toks;
  const first = scan.tokenAt(span.start);
  for (let k = first; k < toks.length && toks[k].start < span.end; k++) {
    const t = toks[k];
    // "close to", "loyal to", "familiar with" start a modifier like a preposition does
    if (k > first && (t.pos === 'ADP' || t.text === ',' || t.text === '(' || (t.pos === 'ADJ' && toks[k + 1]?.pos === 'ADP') || (RELATIVE_HEAD_END.has(t.low) && t.pos !== 'DET'))) return t.start;
  }
  return span.end;
}

/**
 * "A second officer, Major Lev Arno": a description whose name follows it after a comma (and runs to
 * the end of the phrase or to the next comma) is that person.
 */
const APPOSITION = /\S\s*,\s*(?:\p{Lu}[\p{L}.-]*\s+){0,2}$/u;

function appositiveName(scan: Scan, mentions: MentionRef[], span: CharSpan): MentionRef | null {
  for (const m of mentionsIn(mentions, span.start, span.end)) {
    if (m.type !== 'PERSON' || m.start < span.start || m.end > span.end) continue;
    const before = scan.text.slice(span.start, m.start);
    const after = scan.text.slice(m.end, span.end).trimStart();
    // the comma, then at most a title or two ("Major", "Dr.") before the name
    if (APPOSITION.test(before) && (after === '' || after.startsWith(','))) return m;
  }
  return null;
}

export function linkEntity(scan: Scan, mentions: MentionRef[], span: CharSpan, wholeSpan = false): MentionRef | null {
  const end = headEnd(scan, span);
  // the entity must cover the head word: "A Syrian government adviser" is an adviser, not the government
  let last = scan.tokenAt(end) - 1;
  while (last > 0 && scan.toks[last].start >= span.start && (scan.toks[last].pos === 'PUNCT' || scan.toks[last].pos === 'SPACE')) last--;
  const headWord = scan.toks[last];
  let found = headWord && headWord.start >= span.start ? mentionsIn(mentions, headWord.start, headWord.end) : [];
  if (!found.length && wholeSpan) found = mentionsIn(mentions, span.start, span.end);
  if (!found.length) return appositiveName(scan, mentions, span);
  return found.reduce((best, m) => (m.type === 'PERSON' && best.type !== 'PERSON') || (m.type === best.type && m.end > best.end) ? m : best);
}

/** Nouns for a piece of writing: "a report by X", "this article in X" speak for X, their author. */
const WRITING: ReadonlySet<string> = new Set([...VIA_NOUNS, 'study', 'investigation', 'analysis', 'document', 'paper', 'memo', 'cable', 'survey',
  'dossier', 'leak', 'review', 'assessment', 'bulletin']);
const AUTHOR_PREP = new Set(['by', 'in', 'from']); // not "of" or "on": "a study of X" is about X

/**
 * "A report by The Daily Beast", "this article in the FT": a phrase headed by a piece of writing
 * and naming who wrote or published it speaks for that organisation or person.
 */
function authorOfWriting(scan: Scan, mentions: MentionRef[], span: CharSpan): MentionRef | null {
  const toks = scan.toks;
  const end = headEnd(scan, span);
  const prep = scan.tokenAt(end);
  let head = prep - 1;
  while (head > 0 && toks[head].start >= span.start && toks[head].pos === 'PUNCT') head--;
  // "a report released (last week) by X": the writing before its participle
  if (toks[head] && !WRITING.has(toks[head].lemma) && toks[prep]?.low === 'by') {
    const v = participleBeforeBy(toks, prep, scan.tokenAt(span.start));
    if (v > 0 && WRITING.has(toks[v - 1].lemma)) head = v - 1;
  }
  if (!toks[head] || toks[head].start < span.start || !WRITING.has(toks[head].lemma)) return null;
  if (prep >= toks.length || toks[prep].start >= span.end || !AUTHOR_PREP.has(toks[prep].low)) return null;
  const found = mentionsIn(mentions, toks[prep].end, span.end).filter((m) => m.type === 'ORG' || m.type === 'PERSON');
  return found[0] ?? null;
}

/** Whether a phrase names several; `named` when it names an entity (then a capitalised word is its name). */
function isPlural(tokens: Token[], named = false): boolean {
  const nouns = tokens.filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  if (tokens.some((t) => t.low === 'and')) return true;
  const head = nouns[nouns.length - 1];
  if (!head) return false;
  // a plural opening the phrase is capitalised when it opens a sentence, and the tagger takes it for a
  // name ("Residents who fled …", "Officials said …"): a lone capitalised word of five letters or more
  // ending in s (not -ss, -us) counts, unless the phrase names an entity ("Jones", "Williams" mostly do)
  if (head.pos === 'PROPN') return !named && nouns.length === 1 && head === tokens[0] && /^\p{Lu}\p{Ll}{4,}[^su]s$/u.test(head.text);
  return head.lemma !== head.low && /s$/i.test(head.text);
}

export interface Resolved {
  text: string;
  entityId: string | null;
}

/** Resolves speakers of one section in text order. */
export class SpeakerResolver {
  private readonly history: Antecedent[] = [];
  private readonly subjects: Antecedent[];
  private si = 0;

  private readonly author: Resolved | null;

  /** `author` wrote the section (the byline, or the comment's author): the "I" of its reports. */
  constructor(private readonly scan: Scan, private readonly mentions: MentionRef[], entities: Entity[], author: string | null = null) {
    this.subjects = personSubjects(scan, mentions, entities.length > 0);
    const key = author?.trim().toLowerCase();
    let authorEntity: string | null = null;
    if (key) for (const e of entities) if (e.type === 'PERSON' && [e.name, ...e.aliases].some((a) => a.toLowerCase() === key)) authorEntity = e.id;
    this.author = key ? { text: author!.trim(), entityId: authorEntity } : null;
  }

  private tokensOf(span: CharSpan): Token[] {
    const out: Token[] = [];
    for (let k = this.scan.tokenAt(span.start); k < this.scan.toks.length && this.scan.toks[k].start < span.end; k++) out.push(this.scan.toks[k]);
    return out;
  }

  /** Resolve the speaker span of a frame; records it for later pronouns. */
  resolve(span: CharSpan | null): Resolved & { span: CharSpan | null } {
    if (!span) {
      const last = this.history[this.history.length - 1];
      return last ? { text: last.text, entityId: last.entityId, span: null } : { text: '', entityId: null, span: null };
    }
    const text = this.scan.text.slice(span.start, span.end);
    // only the words compared below need lower-casing, and none is longer than five letters
    const w = text.length <= 5 ? text.toLowerCase() : '';
    if ((w === 'i' || w === 'me') && this.author) return { ...this.author, span };
    // first and second person are the writer and the addressee, never a name mentioned before
    if (w === 'i' || w === 'me' || w === 'we' || w === 'you') return { text, entityId: null, span };
    if (SINGULAR_PERSON.has(w) || PLURAL.has(w) || RELATIVE.has(w)) {
      const ante = RELATIVE.has(w) ? this.relativeAntecedent(span) : this.antecedent(span.start, PLURAL.has(w));
      if (ante) {
        this.history.push({ ...ante, start: span.start });
        return { text: ante.text, entityId: ante.entityId, span };
      }
      return { text, entityId: null, span };
    }
    // "some of them": a part of the group "them" points back to, named as such (not the group's entity)
    const part = text.length <= 24 && text.endsWith(' of them') ? PART_OF_THEM.exec(text) : null;
    if (part) {
      const group = this.antecedent(span.start, true);
      if (group) {
        const named = `${part[1]} of ${group.text}`;
        this.history.push({ start: span.start, text: named, entityId: null, plural: !SINGLE_PARTS.has(part[1].toLowerCase()), person: true });
        return { text: named, entityId: null, span };
      }
    }
    const toks = this.tokensOf(span);
    const link = linkEntity(this.scan, this.mentions, span) ?? authorOfWriting(this.scan, this.mentions, span);
    const tokIdx = this.scan.tokenAt(span.start);
    const media = looksLikeMedia(this.scan, [tokIdx, tokIdx + toks.length]);
    // (the number of the phrase before any relative clause: "residents who fled the town" are several)
    let relative = 1;
    while (relative < toks.length && !(RELATIVE_HEAD_END.has(toks[relative].low) && toks[relative].pos !== 'DET')) relative++;
    const plural = isPlural(relative < toks.length ? toks.slice(0, relative) : toks, !!link);
    const person = link ? link.type === 'PERSON' : !media && !plural && !/^(it|we|i|you)$/.test(w);
    this.history.push({ start: span.start, text, entityId: link?.entityId ?? null, plural: plural || link?.type === 'ORG', person });
    return { text, entityId: link?.entityId ?? null, span };
  }

  /** The speaker a free-standing quotation continues: the last one, if any. */
  last(): Antecedent | null {
    return this.history[this.history.length - 1] ?? null;
  }

  private antecedent(pos: number, plural: boolean): Antecedent | null {
    const ok = (a: Antecedent) => (plural ? a.plural : a.person && !a.plural);
    let fromHistory: Antecedent | null = null;
    for (let i = this.history.length - 1; i >= 0 && i >= this.history.length - 6; i--) {
      const a = this.history[i];
      if (a.start < pos && ok(a)) { fromHistory = a; break; }
    }
    while (this.si < this.subjects.length && this.subjects[this.si].start < pos) this.si++;
    let fromSubjects: Antecedent | null = null;
    for (let i = this.si - 1; i >= 0 && i >= this.si - 6; i--) {
      if (ok(this.subjects[i])) { fromSubjects = this.subjects[i]; break; }
    }
    if (fromHistory && fromSubjects) return fromSubjects.start > fromHistory.start ? fromSubjects : fromHistory;
    return fromHistory ?? fromSubjects;
  }

  /** "X, who said …": the phrase before the comma; "officials who said …": the noun right before. */
  private relativeAntecedent(span: CharSpan): Antecedent | null {
    const k = this.scan.tokenAt(span.start);
    if (k < 1) return null;
    const before = this.scan.toks[k - 1];
    const comma = before.text === ',';
    if (comma ? k < 2 : !(before.pos === 'NOUN' || before.pos === 'PROPN' || before.pos === 'NUM')) return null;
    const np = phraseBefore(this.scan, comma ? k - 1 : k, this.scan.sentenceStartToken(k));
    if (!np) return null;
    const s = { start: this.scan.toks[np[0]].start, end: this.scan.toks[np[1] - 1].end };
    const link = linkEntity(this.scan, this.mentions, s);
    return { start: s.start, text: this.scan.text.slice(s.start, s.end), entityId: link?.entityId ?? null, plural: false, person: true };
  }
}

/** People who are the subject of a sentence (named before its first verb): what "he" most often points back to. */
function personSubjects(scan: Scan, mentions: MentionRef[], hasEntities: boolean): Antecedent[] {
  const out: Antecedent[] = [];
  const toks = scan.toks;
  for (const s of scan.section.sentences) {
    let firstVerb = s.tokenEnd;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) if (toks[k].pos === 'VERB') { firstVerb = k; break; }
    const until = firstVerb < toks.length ? toks[firstVerb].start : s.end;
    if (hasEntities) {
      for (const m of mentionsIn(mentions, s.start, until)) {
        if (m.type !== 'PERSON') continue;
        out.push({ start: m.start, text: m.name, entityId: m.entityId, plural: false, person: true });
      }
    } else {
      // no entity stage ran: take a run of two or more proper nouns as a name
      for (let k = s.tokenStart; k < firstVerb; k++) {
        if (toks[k].pos !== 'PROPN') continue;
        let e = k;
        while (e < firstVerb && toks[e].pos === 'PROPN') e++;
        if (e - k >= 2 && toks[k - 1]?.low !== 'the') out.push({ start: toks[k].start, text: scan.text.slice(toks[k].start, toks[e - 1].end), entityId: null, plural: false, person: true });
        k = e;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Build the contract's quote from a frame. */
export function toQuote(scan: Scan, frame: Frame, speaker: Resolved & { span: CharSpan | null }, via: Quote['via'], id: string): Quote {
  const sp: Quote['speaker'] = { text: speaker.text, entityId: speaker.entityId };
  if (speaker.span) { sp.start = speaker.span.start; sp.end = speaker.span.end; }
  return {
    id,
    in: scan.section.in,
    start: frame.content.start,
    end: frame.content.end,
    content: scan.text.slice(frame.content.start, frame.content.end),
    direct: frame.direct,
    cue: frame.cue ? scan.text.slice(frame.cue.start, frame.cue.end) : null,
    cueSpan: frame.cue,
    speaker: sp,
    via,
  };
}
