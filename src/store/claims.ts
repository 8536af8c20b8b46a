// What claim grouping reads from the dossier and how its groups are kept. The grouping itself is
// src/analysis/claims.ts (pure). A group's id comes from its first statement, so it changes when that
// statement's document gets a new version; saving a regrouping moves ratings and credibility along.
import type { Db } from './dialect.js';
import { readSpans } from './spans.js';

export interface ClaimQuote {
  id: string;
  in: string;
  start: number;
  end: number;
  content: string;
  speaker: string;
  /** Cross-document entity id of the speaker, when resolved. */
  speakerId: number | null;
  speakerType: string | null;
  via: string[];
  /** Where the quote's cue starts in the text, when known (its negation is read there: "could not confirm"). */
  cueStart?: number | null;
}

/** One latest document as the claim grouping sees it. */
export interface ClaimDocument {
  documentId: number;
  source: string;
  title: string | null;
  author: string | null;
  publisher: string | null;
  publishedAt: string | null;
  text: string;
  quotes: ClaimQuote[];
  /** Entity mentions in the main text with their cross-document id and type. */
  mentions: { in: string; start: number; end: number; globalId: number; type: string }[];
}

export interface ClaimMember {
  documentId: number;
  source: string;
  /** Set when the member is a quote; else `sentence` holds the asserting sentence (or its clause: claims.ts cuts at "while" and ", but"). */
  quoteId: string | null;
  sentence: string | null;
  start: number;
  end: number;
  /** Who it ultimately comes from: the speaker, else the relaying outlet, else the document. */
  origin: string;
  originKind: ClaimOrigin['kind'];
  /** The member's own words (the quote's part, or the sentence). */
  text: string;
}

/** A distinct original source behind a claim group: repetition by many outlets of one speaker is one origin. */
export interface ClaimOrigin {
  name: string;
  kind: 'speaker' | 'outlet' | 'document';
  /** How many members of the group come from it. */
  members: number;
}

export interface ClaimGroup {
  id: string;
  text: string;
  members: ClaimMember[];
  origins: ClaimOrigin[];
}

export async function claimDocuments(db: Db): Promise<ClaimDocument[]> {
  const docs = await db.selectFrom('documents').select(['id', 'source', 'title', 'author', 'publisher', 'published_at', 'text'])
    .where('latest', '=', 1).orderBy('id').execute();
  if (!docs.length) return [];
  // The latest versions as a subquery, not a list of ids: a list would pass the databases'
  // limits on bound parameters (SQLite 32,766; PostgreSQL 65,535) on a large dossier.
  const ids = db.selectFrom('documents').select('id').where('latest', '=', 1);
  const ents = await db.selectFrom('entities as e').innerJoin('global_entities as g', 'g.id', 'e.global_id')
    .select(['e.id', 'e.document_id', 'e.local_id', 'e.global_id', 'g.type', 'e.spans']).where('e.document_id', 'in', ids).execute();
  const entByLocal = new Map(ents.map((e) => [`${e.document_id}:${e.local_id}`, e]));
  const quotes = await db.selectFrom('quotes').selectAll().where('document_id', 'in', ids).where('container', '=', 'document').orderBy('start').execute();
  const byDoc = new Map<number, ClaimDocument>(docs.map((d) => [d.id, {
    documentId: d.id, source: d.source, title: d.title, author: d.author, publisher: d.publisher, publishedAt: d.published_at,
    text: d.text, quotes: [], mentions: [],
  }]));
  for (const e of ents) {
    const doc = byDoc.get(e.document_id);
    if (!doc) continue;
    for (const m of readSpans(e.spans)) if (m.in === 'document') doc.mentions.push({ in: m.in, start: m.start, end: m.end, globalId: e.global_id, type: e.type });
  }
  for (const q of quotes) {
    const sp = q.speaker_entity ? entByLocal.get(`${q.document_id}:${q.speaker_entity}`) : undefined;
    byDoc.get(q.document_id)?.quotes.push({
      id: q.local_id, in: q.container, start: q.start, end: q.end, content: q.content, speaker: q.speaker_text,
      speakerId: sp?.global_id ?? null, speakerType: sp?.type ?? null,
      via: (JSON.parse(q.via) as { text: string }[]).map((v) => v.text), cueStart: q.cue_start,
    });
  }
  return [...byDoc.values()];
}

/** What saving a regrouping did with the analyst's judgements (ratings and credibility) of groups that
 * are gone: `moved` went to the group that took their statements; `kept` stayed because that group
 * had its own; `orphaned` name a group that was there until now and has no successor (judgements
 * orphaned by an earlier regrouping are not counted again). */
export interface FollowedJudgements {
  moved: number;
  kept: number;
  orphaned: number;
}

/** Replace the stored grouping with `groups`, in one transaction. A group's id comes from its first
 * statement's place in its document (src/analysis/claims.ts), so a new version of that document (or a
 * new first member) gives the group a new id: the analyst's ratings and credibility of a stored group
 * that is gone move to the new group sharing the most of its statements (same source; the same words,
 * else most of them). */
export async function saveClaimGroups(db: Db, groups: ClaimGroup[]): Promise<FollowedJudgements> {
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const followed = await followJudgements(trx, groups);
    await trx.deleteFrom('claim_members').execute();
    await trx.deleteFrom('claim_groups').execute();
    for (const g of groups) {
      await trx.insertInto('claim_groups').values({ id: g.id, text: g.text, origins: JSON.stringify(g.origins), updated_at: now }).execute();
      await trx.insertInto('claim_members').values(g.members.map((m) => ({
        claim_group_id: g.id, document_id: m.documentId, quote_local_id: m.quoteId, sentence: m.sentence,
        start: m.start, end: m.end, source: m.source, origin: m.origin, origin_kind: m.originKind, text: m.text,
      }))).execute();
    }
    return followed;
  });
}

/** The words of a statement, lower-cased. */
const wordsOf = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** The numbers among a statement's words, as one key: a reworded statement keeps them ("12 killed" is not "120 killed"). */
const numbersOf = (words: Set<string>) => [...words].filter((w) => /\d/.test(w)).sort().join(' ');

/** How alike two statements' words are: shared words over all their words (1 for the same words). */
function alike(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** A reworded statement still counts as the same one from this likeness on (saveClaimGroups). */
const SAME_STATEMENT = 0.6;

/** Ratings and credibility of stored groups missing from `groups` move to their successors (saveClaimGroups):
 * the group that holds the most of the gone group's statements, the same words counting before most of
 * the same words (with the same numbers). A group that absorbed it may keep its own id; where the
 * successor has a judgement of its own (a rating for that hypothesis, a credibility), that one stands. */
async function followJudgements(trx: Db, groups: ClaimGroup[]): Promise<FollowedJudgements> {
  const rated = await trx.selectFrom('ratings').select(['id', 'evidence_id', 'hypothesis_id']).where('evidence_kind', '=', 'claim').orderBy('id').execute();
  const judged = await trx.selectFrom('credibility').select('claim_group_id').orderBy('claim_group_id').execute();
  const now = new Set(groups.map((g) => g.id));
  const gone = new Set([...rated.map((r) => r.evidence_id), ...judged.map((c) => c.claim_group_id)].filter((id) => !now.has(id)));
  if (!gone.size) return { moved: 0, kept: 0, orphaned: 0 };
  const stored = new Set((await trx.selectFrom('claim_groups').select('id').execute()).map((g) => g.id));
  const bySource = new Map<string, { group: string; text: string; words?: Set<string> }[]>();
  for (const g of groups) {
    for (const m of g.members) {
      const list = bySource.get(m.source) ?? [];
      list.push({ group: g.id, text: m.text });
      bySource.set(m.source, list);
    }
  }
  const members = await trx.selectFrom('claim_members').select(['claim_group_id', 'source', 'text']).where('claim_group_id', 'in', [...gone]).orderBy('id').execute();
  const successor = new Map<string, string>();
  for (const id of gone) {
    // per candidate: statements with the same words, then statements with most of them
    const votes = new Map<string, [number, number]>();
    for (const m of members) {
      if (m.claim_group_id !== id) continue;
      const candidates = bySource.get(m.source) ?? [];
      const exact = candidates.find((c) => c.text === m.text)?.group;
      let close: string | undefined;
      if (!exact) {
        const words = wordsOf(m.text);
        const numbers = numbersOf(words);
        let best = SAME_STATEMENT;
        for (const c of candidates) {
          c.words ??= wordsOf(c.text);
          if (numbersOf(c.words) !== numbers) continue;
          const score = alike(words, c.words);
          if (score >= best) [best, close] = [score, c.group];
        }
      }
      const to = exact ?? close;
      if (!to) continue;
      const v = votes.get(to) ?? [0, 0];
      v[exact ? 0 : 1]++;
      votes.set(to, v);
    }
    let best: string | undefined;
    for (const [to, [e, c]] of votes) {
      const [be, bc] = best ? votes.get(best)! : [-1, -1];
      if (e > be || (e === be && c > bc)) best = to;
    }
    if (best) successor.set(id, best);
  }
  const out = { moved: 0, kept: 0, orphaned: 0 };
  const place = (id: string, taken: Set<string>, key: (to: string) => string): string | null => {
    const to = successor.get(id);
    if (!to) {
      if (stored.has(id)) out.orphaned++; // gone with this regrouping; one gone before was counted then
      return null;
    }
    if (taken.has(key(to))) {
      out.kept++; // the new group's own judgement stands
      return null;
    }
    taken.add(key(to));
    out.moved++;
    return to;
  };
  const ratedAs = new Set(rated.map((r) => `${r.evidence_id}\0${r.hypothesis_id}`));
  for (const r of rated) {
    if (!gone.has(r.evidence_id)) continue;
    const to = place(r.evidence_id, ratedAs, (g) => `${g}\0${r.hypothesis_id}`);
    if (to) await trx.updateTable('ratings').set({ evidence_id: to }).where('id', '=', r.id).execute();
  }
  const judgedAs = new Set(judged.map((c) => c.claim_group_id));
  for (const c of judged) {
    if (!gone.has(c.claim_group_id)) continue;
    const to = place(c.claim_group_id, judgedAs, (g) => g);
    if (to) await trx.updateTable('credibility').set({ claim_group_id: to }).where('claim_group_id', '=', c.claim_group_id).execute();
  }
  return out;
}

export async function listClaimGroups(db: Db): Promise<ClaimGroup[]> {
  const groups = await db.selectFrom('claim_groups').selectAll().orderBy('id').execute();
  const members = await db.selectFrom('claim_members').selectAll().orderBy('id').execute();
  const byGroup = new Map<string, ClaimMember[]>();
  for (const m of members) {
    const list = byGroup.get(m.claim_group_id) ?? [];
    list.push({ documentId: m.document_id, source: m.source, quoteId: m.quote_local_id, sentence: m.sentence, start: m.start, end: m.end, origin: m.origin, originKind: m.origin_kind, text: m.text });
    byGroup.set(m.claim_group_id, list);
  }
  return groups.map((g) => ({ id: g.id, text: g.text, members: byGroup.get(g.id) ?? [], origins: JSON.parse(g.origins) }));
}
