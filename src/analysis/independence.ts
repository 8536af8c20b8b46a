// Independence: a claim repeated by many articles is not corroborated by each of them. Every member
// of a claim group is traced back along its chain (speaker → via outlets → document), and the group's
// origins are counted once per chain: two articles relaying the same Sky News documents are one origin.
import type { ClaimGroup, ClaimMember, DocumentRecord, DossierSnapshot } from './model.js';
import { displayName, outletName, publisherName, speakerIsNamed, speakerName, sourceKey } from './sources.js';
import type { Quote } from '../types.js';

export interface ChainLink {
  /** What the origin is counted under (an unnamed speaker: its description within one document). */
  key: string;
  name: string;
  /** The source whose grade and interested-party flag apply, when it differs from `key`. */
  source?: string;
}

/** The key of the source graded for this link: "the embassy" graded once applies in every document. */
export const gradedKey = (l: ChainLink): string => l.source ?? l.key;

/** How one statement reached the dossier: who said it, which outlets passed it on, where we read it. */
export interface Chain {
  /** The origin this chain is counted under: a named speaker, else the first outlet, else the document. */
  origin: ChainLink;
  /** The speaker as written (may be a description such as "a government adviser"), or null. */
  speaker: ChainLink | null;
  via: ChainLink[];
  document: { id: string; title: string | null; publisher: string };
  quoteId: string | null;
  member: ClaimMember;
}

export interface ClaimOrigins {
  claimId: string;
  chains: Chain[];
  /** Distinct origins, in first-seen order; each counted once however many chains lead to it. */
  origins: ChainLink[];
}

// Verbs after which an outlet or person at the head of a sentence is the source of what follows.
const SENTENCE_SOURCE = /^\s*(?:has\s+|have\s+|had\s+)?(?:obtained|reported|revealed|said|says|published|found|showed|shows|disclosed|claimed|claims|alleged|alleges|learned|confirmed)\b/i;
const ACCORDING_TO = /according\s+to\s+((?:the\s+)?[\p{L}\p{N}'’.\- ]{2,60}?)(?=[,“"”:;]|$)/iu;

function link(name: string): ChainLink {
  return { key: sourceKey(name), name };
}

/** For an assertion sentence (no quote): the outlet or person the sentence credits, if any. */
function sentenceSource(doc: DocumentRecord, m: ClaimMember): ChainLink | null {
  const text = m.in === 'document' ? doc.text : (doc.comments.find((c) => c.id === m.in)?.text ?? '');
  let sentStart = 0;
  for (const p of ['\n', '. ', '? ', '! ']) {
    const i = text.lastIndexOf(p, m.start - 1);
    if (i >= 0 && i + p.length <= m.start) sentStart = Math.max(sentStart, i + p.length);
  }
  const lead = text.slice(sentStart, m.start);
  const acc = ACCORDING_TO.exec(lead);
  if (acc) return link(displayName(doc, acc[1]));
  for (const e of doc.entities) {
    if (e.type !== 'ORG' && e.type !== 'PERSON') continue;
    for (const men of e.mentions) {
      if (men.in !== m.in || men.start < sentStart || men.end > m.start) continue;
      if (SENTENCE_SOURCE.test(text.slice(men.end, m.start))) return link(e.name);
    }
  }
  return null;
}

/** Trace one claim member back to its origin. */
export function traceMember(doc: DocumentRecord, member: ClaimMember): Chain {
  const document = { id: doc.id, title: doc.title, publisher: publisherName(doc) };
  const q: Quote | undefined = member.quoteId ? doc.quotes.find((x) => x.id === member.quoteId) : undefined;
  if (!q) {
    const credited = sentenceSource(doc, member);
    return { origin: credited ?? link(document.publisher), speaker: credited, via: [], document, quoteId: null, member };
  }
  const via = q.via.map((v) => link(outletName(doc, v)));
  const speaker = q.speaker.text.trim() || q.speaker.entityId ? link(speakerName(doc, q)) : null;
  let origin: ChainLink;
  if (speaker && speakerIsNamed(doc, q)) origin = speaker;
  // An unnamed speaker cannot be matched across documents, except through the outlet that first
  // carried them: "an adviser told the New York Times" relayed twice is still one origin.
  else if (via.length) origin = via[0];
  else if (speaker) origin = { key: `${doc.id}#${speaker.key}`, name: `${speaker.name} (in ${document.title ?? doc.id})`, source: speaker.key };
  else origin = link(document.publisher);
  return { origin, speaker, via, document, quoteId: q.id, member };
}

export function claimOrigins(snap: DossierSnapshot, claim: ClaimGroup): ClaimOrigins {
  const docs = new Map(snap.documents.map((d) => [d.id, d]));
  const chains: Chain[] = [];
  for (const m of claim.members) {
    const doc = docs.get(m.documentId);
    if (doc) chains.push(traceMember(doc, m));
  }
  const origins: ChainLink[] = [];
  for (const c of chains) if (!origins.some((o) => o.key === c.origin.key)) origins.push(c.origin);
  return { claimId: claim.id, chains, origins };
}

/** A chain as one line: speaker → via outlets → document. */
export function formatChain(c: Chain): string {
  const doc = c.document.title ?? `document ${c.document.id}`;
  // the document's own assertion: no speaker, no relay, the publisher is the origin
  if (!c.speaker && !c.via.length) return `${c.origin.name} (own assertion) → ${doc}`;
  return [c.speaker?.name ?? c.origin.name, ...c.via.map((v) => v.name), doc].join(' → ');
}
