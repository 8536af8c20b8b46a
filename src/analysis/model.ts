// The plain data the judgement modules work on. The CLI loads it from the store; tests write it by
// hand. Nothing here touches a database, so every judgement is a pure function of this snapshot.
import type { Comment, Entity, Event, Quote } from '../types.js';

/** Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged. */
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
/** Admiralty information credibility: 1 confirmed … 5 improbable, 6 cannot be judged. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;
/** Heuer's ACH scale: very consistent … very inconsistent; NA = not applicable (not rated). */
export type RatingValue = 'CC' | 'C' | 'N' | 'I' | 'II' | 'NA';
export type SourceKind = 'speaker' | 'outlet' | 'publisher';

export const RELIABILITY_LABEL: Record<Reliability, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

export const CREDIBILITY_LABEL: Record<Credibility, string> = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
};

export interface DocumentRecord {
  id: string;
  title: string | null;
  author: string | null;
  publisher: string | null;
  publishedAt: string | null;
  url: string | null;
  text: string;
  comments: Comment[];
  entities: Entity[];
  quotes: Quote[];
  events: Event[];
}

/** One statement inside a claim group: a quote, or an assertion sentence of the document itself. */
export interface ClaimMember {
  documentId: string;
  quoteId: string | null;
  in: string;
  start: number;
  end: number;
  text: string;
}

export interface ClaimGroup {
  id: string;
  text: string;
  members: ClaimMember[];
}

export interface SourceGrade {
  /** The source's key (see sourceKey); grades survive re-ingestion because keys are names. */
  key: string;
  name: string;
  kind: SourceKind;
  reliability: Reliability;
  reason: string;
}

export interface Hypothesis {
  id: string;
  text: string;
}

export interface RatingRecord {
  evidenceKind: 'claim' | 'quote';
  /** A claim group id, or a quote as "DOCUMENT_ID:QUOTE_ID". */
  evidenceId: string;
  hypothesisId: string;
  rating: RatingValue;
  weight: number;
  proposed: boolean;
  note?: string | null;
}

export interface CredibilityOverride {
  claimId: string;
  credibility: Credibility;
  reason: string;
}

/** A confirmation or rejection of an interested-party flag by the analyst. */
export interface InterestedPartyDecision {
  sourceKey: string;
  confirmed: boolean;
}

export interface DossierSnapshot {
  question: string | null;
  documents: DocumentRecord[];
  claims: ClaimGroup[];
  grades: SourceGrade[];
  hypotheses: Hypothesis[];
  ratings: RatingRecord[];
  overrides: CredibilityOverride[];
  interestedDecisions?: InterestedPartyDecision[];
}
