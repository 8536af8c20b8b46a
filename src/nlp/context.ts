// The state a pipeline run builds up. Stages read what earlier stages left and add their own;
// nothing here ever edits a text: every span is an offset pair into one immutable string.
import type { Document, Entity, Event, Quote, TimeExpression } from '../types.js';

/** One token of one container, with offsets into that container's text. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** text lower-cased, made once for every later stage. */
  low: string;
  /** Universal POS tag from wink-nlp (PROPN, NOUN, VERB, …). */
  pos: string;
  lemma: string;
  /** wink-nlp token type: word, number, punctuation, email, url, … */
  kind: string;
}

/** A sentence as a token range [tokenStart, tokenEnd) and a character range [start, end). */
export interface Sentence {
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
}

/** A text the pipeline analyses: the main text or one comment. */
export interface Section {
  in: string;
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

/** Where Context.referenceDate came from: the page itself, or inferred from comments or text. */
export type ReferenceDateSource = 'metadata' | 'inferred:comments' | 'inferred:text';

export interface Context {
  doc: Document;
  /** The document's own date (ISO), used to resolve relative dates; may be inferred. */
  referenceDate: string | null;
  /** How referenceDate was found (set by the dates stage); null when there is none. */
  referenceDateSource?: ReferenceDateSource | null;
  sections: Section[];
  entities: Entity[];
  quotes: Quote[];
  events: Event[];
  times: TimeExpression[];
}

export interface Stage {
  name: string;
  run(ctx: Context): void;
}
