// The domain model shared by every layer. Offsets are UTF-16 code units, end exclusive,
// into the immutable text of the document or of one comment (`in`).

/** Where a span lives: the main text ("document") or a comment id ("c1", …). */
export type Container = string;

export interface Span {
  in: Container;
  start: number;
  end: number;
}

export interface Comment {
  id: string;
  parentId: string | null;
  author: string | null;
  postedAt: string | null;
  text: string;
}

export interface DocumentMeta {
  title: string | null;
  author: string | null;
  publisher: string | null;
  publishedAt: string | null;
  /** How publishedAt was found: "metadata", "byline", "inferred:comments", "inferred:text", or null. */
  publishedAtSource?: string | null;
  language: string;
  url?: string | null;
}

/** A document as read from bytes: metadata, the main text, and its comment thread. */
export interface Document extends DocumentMeta {
  text: string;
  comments: Comment[];
  /** The input kind that was detected. */
  format: 'text' | 'markdown' | 'html';
}

export type EntityType = 'PERSON' | 'ORG' | 'PLACE' | 'OTHER';

export interface Mention extends Span {
  text: string;
}

export interface Entity {
  id: string;
  /** Stable key for cross-document merging: normalised canonical name + type. */
  key: string;
  name: string;
  type: EntityType;
  aliases: string[];
  /** Where the entity is named; also a pronoun where it opens a sentence ("He said", "I") or is "I". */
  mentions: Mention[];
  /** Lower-case pronouns and nominals resolved to the entity ("he", "they", "the regime"): they
   *  refer to it without naming it. Absent when there are none. */
  references?: Mention[];
}

export interface Quote extends Span {
  id: string;
  content: string;
  direct: boolean;
  cue: string | null;
  cueSpan?: { start: number; end: number } | null;
  speaker: { text: string; entityId: string | null; start?: number; end?: number };
  via: { text: string; entityId: string | null }[];
}

export interface Event extends Span {
  id: string;
  text: string;
  cameo: string;
  /** The verb or phrase that was coded. */
  trigger?: string;
  date: string | null;
  actors: string[];
  place: string | null;
  /** The quote this event is reported in, when it is the speaker's claim rather than the author's. */
  quoteId?: string | null;
}

export interface TimeExpression extends Span {
  text: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  value: string;
}

export interface Analysis {
  schema: 'dossier.analysis/1';
  source: string;
  /** referenceDate: the date relative expressions were resolved against, and how it was found. */
  document: DocumentMeta & { text: string; referenceDate?: string | null; referenceDateSource?: string | null };
  comments: Comment[];
  entities: Entity[];
  quotes: Quote[];
  events: Event[];
  times?: TimeExpression[];
}
