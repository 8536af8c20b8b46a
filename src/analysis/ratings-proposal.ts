// Proposed ACH ratings: where a claim plainly asserts or denies a hypothesis's proposition, say so.
// Two texts are compared on the conflict parties they name and on shared ideas (word families in
// lexicons/concepts.json), each idea with its polarity (negated when a negator stands just before it).
// These are proposals for the analyst, marked as such, never silent judgements.
import conceptData from './lexicons/concepts.json' with { type: 'json' };
import type { RatingValue } from './model.js';
import { NEGATORS, stem, words } from './text.js';
import { partiesNamedIn } from './sources.js';

interface ConceptEntry {
  words: string[];
  phrases: string[];
}

const CONCEPTS = conceptData.concepts as Record<string, ConceptEntry>;
const STEM_TO_CONCEPT = new Map<string, string>();
for (const [name, c] of Object.entries(CONCEPTS)) for (const w of c.words) STEM_TO_CONCEPT.set(stem(w.toLowerCase()), name);
// phrases as the word sequences words() yields, padded so a match is whole words
const PHRASES: [string, string][] = Object.entries(CONCEPTS).flatMap(([name, c]) => c.phrases.map((p) => [name, ' ' + words(p).join(' ') + ' '] as [string, string]));

/** Ideas a text expresses, each +1 (asserted) or -1 (denied). A later mention overrides nothing: any assertion wins. */
export function conceptsOf(text: string): Map<string, 1 | -1> {
  const out = new Map<string, 1 | -1>();
  const ws = words(text);
  let negatedUntil = -1;
  const put = (concept: string, i: number) => {
    const pol: 1 | -1 = i <= negatedUntil ? -1 : 1;
    if (out.get(concept) !== 1) out.set(concept, pol);
  };
  ws.forEach((w, i) => {
    if (NEGATORS.has(w)) {
      negatedUntil = i + 3; // a negator governs the next few words ("without any coordination")
      return;
    }
    if (/^[,;.]$/.test(w)) negatedUntil = -1;
    const c = STEM_TO_CONCEPT.get(stem(w));
    if (c) put(c, i);
  });
  const lower = ' ' + ws.join(' ') + ' ';
  for (const [name, phrase] of PHRASES) if (!out.has(name) && lower.includes(phrase)) out.set(name, 1);
  return out;
}

export interface RatingProposal {
  rating: RatingValue;
  /** Why: the shared parties and ideas, with agreement or contradiction. */
  reason: string;
}

/**
 * Propose a rating of evidence against a hypothesis, or null when the texts do not meet. The
 * hypothesis must share a conflict party (when it names any) and at least one idea with the claim;
 * each shared idea counts +1 when both assert or both deny it, -1 when one denies what the other asserts.
 */
export function proposeRating(evidenceText: string, hypothesisText: string): RatingProposal | null {
  return proposeFromReadings(readForRating(evidenceText), readForRating(hypothesisText));
}

/** What the proposer reads in a text: the parties it names and its ideas with their polarity. */
export interface RatingReading {
  parties: string[];
  concepts: Map<string, 1 | -1>;
}

export function readForRating(text: string): RatingReading {
  return { parties: partiesNamedIn(text).map((p) => p.id), concepts: conceptsOf(text) };
}

/** proposeRating over texts read once (a hypothesis is compared with every piece of evidence). */
export function proposeFromReadings(evidence: RatingReading, hypothesis: RatingReading): RatingProposal | null {
  const sharedParties = hypothesis.parties.filter((p) => evidence.parties.includes(p));
  if (hypothesis.parties.length && !sharedParties.length) return null;
  let score = 0;
  const notes: string[] = [];
  for (const [c, pol] of hypothesis.concepts) {
    const other = evidence.concepts.get(c);
    if (other === undefined) continue;
    score += pol === other ? 1 : -1;
    notes.push(`${pol === other ? 'agrees on' : 'contradicts on'} ${c}`);
  }
  if (!notes.length) return null;
  const rating: RatingValue = score >= 2 ? 'CC' : score === 1 ? 'C' : score === 0 ? 'N' : score === -1 ? 'I' : 'II';
  const parties = sharedParties.length ? `; both name ${sharedParties.join(', ')}` : '';
  return { rating, reason: notes.join(', ') + parties };
}
