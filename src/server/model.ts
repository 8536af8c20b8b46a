// The shapes the JSON API returns and the one data port the server reads through. The port is
// implemented over the dossier store (store.ts) and in memory over analyses (memory.ts), so the
// API and the web app never depend on which database is behind them.
import type { Comment, EntityType, Event, Mention, Quote } from '../types.js';

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface Overview {
  question: string | null;
  documents: number;
  entities: number;
  quotes: number;
  events: number;
  claims: number;
  hypotheses: number;
}

export interface DocumentSummary {
  id: string;
  title: string | null;
  author: string | null;
  publisher: string | null;
  publishedAt: string | null;
  source: string;
  words: number;
  commentCount: number;
  quoteCount: number;
  eventCount: number;
}

/** A document entity as the reader needs it: `globalId` links to the cross-document entity page. */
export interface ReaderEntity {
  id: string;
  globalId: string;
  name: string;
  type: EntityType;
  mentions: Mention[];
}

export interface DocumentDetail extends DocumentSummary {
  url: string | null;
  text: string;
  commentThread: Comment[];
  entities: ReaderEntity[];
  quotes: Quote[];
  events: Event[];
}

export interface EntitySummary {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  documents: number;
  mentions: number;
}

export interface EntityMention {
  documentId: string;
  title: string | null;
  in: string;
  start: number;
  end: number;
  text: string;
  /** A few words either side, for the list on the entity page. */
  before: string;
  after: string;
}

export interface Neighbour {
  id: string;
  name: string;
  type: EntityType;
  weight: number;
}

export interface QuoteRef {
  documentId: string;
  title: string | null;
  quoteId: string;
  speaker: string;
  cue: string | null;
  content: string;
}

export interface EntityDetail extends EntitySummary {
  mentionList: EntityMention[];
  neighbours: Neighbour[];
  quotesBy: QuoteRef[];
  quotesAbout: QuoteRef[];
}

export interface ClaimMember {
  document: string;
  documentTitle: string | null;
  quoteId: string | null;
  sentence: string | null;
  source: string;
}

export interface ClaimChain {
  /** speaker → via outlets → document, as the analyst reads it. */
  steps: string[];
}

export interface ClaimGroupView {
  id: string;
  text: string;
  members: ClaimMember[];
  origins: string[];
  chains: ClaimChain[];
  credibility: number | null;
}

export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export const RELIABILITIES: readonly Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];

export interface SourceView {
  id: string;
  name: string;
  kind: 'speaker' | 'outlet' | 'publisher';
  reliability: Reliability | null;
  reason: string | null;
  /** How many quotes or documents come from it. */
  items: number;
}

export type Rating = 'CC' | 'C' | 'N' | 'I' | 'II';
export const RATINGS: readonly Rating[] = ['CC', 'C', 'N', 'I', 'II'];

export interface HypothesisView {
  id: string;
  text: string;
}

export interface AchEvidence {
  id: string;
  kind: 'claim' | 'quote';
  text: string;
  source: string | null;
  weight: number;
  diagnostic: boolean;
}

export interface AchCell {
  evidenceId: string;
  hypothesisId: string;
  rating: Rating;
  proposed: boolean;
}

export interface AchScore {
  hypothesisId: string;
  /** Heuer's weighted inconsistency: lower is better. */
  inconsistency: number;
  consistency: number;
  rank: number;
  /** Whether any evidence is rated against it (one with none ranks last, and leads nothing). */
  rated: boolean;
}

export interface AchMatrix {
  question: string | null;
  hypotheses: HypothesisView[];
  evidence: AchEvidence[];
  cells: AchCell[];
  scores: AchScore[];
  /** One line per finding: which evidence item, if removed, would change the leading hypothesis. */
  sensitivity: string[];
}

export interface TimelineEvent {
  id: string;
  documentId: string;
  title: string | null;
  date: string;
  cameo: string;
  text: string;
  actors: string[];
}

export interface NetworkNode {
  id: string;
  name: string;
  type: EntityType;
  weight: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  kind: 'cooccurrence' | 'quote' | 'event';
  weight: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export interface SearchHit {
  documentId: string;
  title: string | null;
  snippet: string;
}

/** Everything the server reads and writes. Methods throw NotFoundError / UsageError from src/errors.ts. */
export interface WorkbenchData {
  overview(): Promise<Overview>;
  listDocuments(offset: number, limit: number): Promise<Page<DocumentSummary>>;
  getDocument(id: string): Promise<DocumentDetail>;
  listEntities(offset: number, limit: number, filter?: string): Promise<Page<EntitySummary>>;
  getEntity(id: string): Promise<EntityDetail>;
  listClaims(offset: number, limit: number): Promise<Page<ClaimGroupView>>;
  listSources(offset: number, limit: number): Promise<Page<SourceView>>;
  gradeSource(id: string, reliability: Reliability, reason: string | null): Promise<SourceView>;
  listHypotheses(): Promise<HypothesisView[]>;
  addHypothesis(text: string): Promise<HypothesisView>;
  ach(): Promise<AchMatrix>;
  /** Set (or with null, clear) the analyst's rating of one evidence item against one hypothesis. */
  rate(evidenceId: string, hypothesisId: string, rating: Rating | null): Promise<void>;
  timeline(from: string | null, to: string | null, limit: number): Promise<{ items: TimelineEvent[]; total: number }>;
  network(limit: number): Promise<Network>;
  search(q: string, offset: number, limit: number): Promise<Page<SearchHit>>;
  report(format: 'md' | 'html'): Promise<string>;
  close(): Promise<void>;
}
