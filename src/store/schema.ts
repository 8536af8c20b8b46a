// The tables of a dossier, as Kysely sees them. One schema for SQLite and PostgreSQL: ids are
// integers (autoincrement / serial), JSON is stored as text, booleans as 0/1 integers, times as ISO text.
import type { Generated } from 'kysely';

export interface DocumentsTable {
  id: Generated<number>;
  /** The path or URL the document was read from. */
  source: string;
  /** sha256 of the raw bytes: a re-run skips what is already there. */
  content_hash: string;
  /** 1 for the first text seen at `source`; a changed page adds version n+1 and keeps the old one. */
  version: number;
  /** 1 for the newest version at its source, 0 for superseded ones. */
  latest: number;
  title: string | null;
  author: string | null;
  publisher: string | null;
  published_at: string | null;
  language: string;
  format: string;
  text: string;
  added_at: string;
  /** The analysis JSON without document.text (kept once, in `text`). */
  analysis: string;
}

export interface CommentsTable {
  id: Generated<number>;
  document_id: number;
  comment_id: string;
  parent_id: string | null;
  author: string | null;
  posted_at: string | null;
  text: string;
}

/** One entity as one document's analysis saw it; global_id ties it to the cross-document entity. */
export interface EntitiesTable {
  id: Generated<number>;
  document_id: number;
  local_id: string;
  key: string;
  name: string;
  type: string;
  aliases: string;
  global_id: number;
  /** The entity's mentions in this document, in the analysis's order, as JSON: [[container, start, end, text], …]
   * (see mentionSpans in write.ts). One row per entity, not per mention: they are always read by entity. */
  spans: Generated<string>;
  mention_count: Generated<number>;
  /** JSON of the entity's pronoun and descriptive references (Entity.references), null when it has none listed. */
  refs: string | null;
}

/** An entity across documents: merged by key and by alias overlap. */
export interface GlobalEntitiesTable {
  id: Generated<number>;
  key: string;
  name: string;
  type: string;
}

/** Every normalised surface form of a global entity; the lookup that merges new documents in. */
export interface GlobalAliasesTable {
  global_id: number;
  type: string;
  norm: string;
  alias: string;
}

export interface QuotesTable {
  id: Generated<number>;
  document_id: number;
  local_id: string;
  container: string;
  start: number;
  end: number;
  content: string;
  direct: number;
  cue: string | null;
  speaker_text: string;
  /** local entity id of the speaker in this document; join entities on (document_id, local_id) */
  speaker_entity: string | null;
  /** JSON [{text, entityId}] with local entity ids */
  via: string;
  /** The cue's span (Quote.cueSpan), null when the quote has none. */
  cue_start: number | null;
  cue_end: number | null;
  /** The speaker's span in the text, null when the speaker was not found there (an unnamed source). */
  speaker_start: number | null;
  speaker_end: number | null;
}

export interface EventsTable {
  id: Generated<number>;
  document_id: number;
  local_id: string;
  container: string;
  start: number;
  end: number;
  text: string;
  cameo: string;
  date: string | null;
  /** JSON array of local entity ids (resolved through entities on read, so merges need no rewrite) */
  actors: string;
  place_local_id: string | null;
  quote_local_id: string | null;
  /** The words that made it an event (Event.trigger). */
  trigger: string | null;
}

/** A statement made across documents; id derived from its first member (a regrouping moves ratings and credibility to a renamed group, store/claims.ts). */
export interface ClaimGroupsTable {
  id: string;
  text: string;
  /** JSON array of origins */
  origins: string;
  updated_at: string;
}

export interface ClaimMembersTable {
  id: Generated<number>;
  claim_group_id: string;
  document_id: number;
  quote_local_id: string | null;
  sentence: string | null;
  start: number;
  end: number;
  source: string;
  origin: string;
  origin_kind: 'speaker' | 'outlet' | 'document';
  text: string;
}

export interface SourcesTable {
  id: Generated<number>;
  name: string;
  kind: 'speaker' | 'outlet' | 'publisher';
  /** Admiralty reliability A–F */
  reliability: string | null;
  reason: string | null;
}

export interface HypothesesTable {
  id: Generated<number>;
  text: string;
  created_at: string;
}

export interface RatingsTable {
  id: Generated<number>;
  evidence_kind: 'claim' | 'quote';
  /** a claim group id, or "<documentId>:<quoteId>" for a quote */
  evidence_id: string;
  hypothesis_id: number;
  rating: 'CC' | 'C' | 'N' | 'I' | 'II';
  weight: number;
  proposed: number;
  note: string | null;
}

export interface CredibilityTable {
  claim_group_id: string;
  /** Admiralty credibility 1–6 */
  credibility: number;
  reason: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface DossierSchema {
  documents: DocumentsTable;
  comments: CommentsTable;
  entities: EntitiesTable;
  global_entities: GlobalEntitiesTable;
  global_aliases: GlobalAliasesTable;
  quotes: QuotesTable;
  events: EventsTable;
  claim_groups: ClaimGroupsTable;
  claim_members: ClaimMembersTable;
  sources: SourcesTable;
  hypotheses: HypothesesTable;
  ratings: RatingsTable;
  credibility: CredibilityTable;
  settings: SettingsTable;
}
