// Simple typed accessors for what the analyst decides: source grades, hypotheses, ratings of
// evidence against hypotheses, credibility overrides and settings. The scoring itself lives in src/analysis.
import { NotFoundError, UsageError } from '../errors.js';
import type { Db } from './dialect.js';

export type SourceKind = 'speaker' | 'outlet' | 'publisher';
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type RatingValue = 'CC' | 'C' | 'N' | 'I' | 'II';

export interface SourceGrade { id: number; name: string; kind: SourceKind; reliability: Reliability | null; reason: string | null }
export interface Hypothesis { id: number; text: string; createdAt: string }
export interface Rating {
  id: number;
  evidenceKind: 'claim' | 'quote';
  evidenceId: string;
  hypothesisId: number;
  rating: RatingValue;
  weight: number;
  proposed: boolean;
  note: string | null;
}
export interface CredibilityOverride { claimGroupId: string; credibility: number; reason: string | null }

const RELIABILITY = new Set(['A', 'B', 'C', 'D', 'E', 'F']);
const RATINGS = new Set(['CC', 'C', 'N', 'I', 'II']);
const KINDS = new Set(['speaker', 'outlet', 'publisher']);

export async function listSources(db: Db): Promise<SourceGrade[]> {
  const rows = await db.selectFrom('sources').selectAll().orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, reliability: r.reliability as Reliability | null, reason: r.reason }));
}

/** Grade a source (insert or update by name + kind). */
export async function gradeSource(db: Db, s: { name: string; kind: SourceKind; reliability: Reliability | null; reason?: string | null }): Promise<SourceGrade> {
  if (!KINDS.has(s.kind)) throw new UsageError(`source kind "${s.kind}" must be speaker, outlet or publisher`);
  if (s.reliability !== null && !RELIABILITY.has(s.reliability)) throw new UsageError(`reliability "${s.reliability}" must be one of A–F`);
  const row = await db.insertInto('sources').values({ name: s.name, kind: s.kind, reliability: s.reliability, reason: s.reason ?? null })
    .onConflict((oc) => oc.columns(['name', 'kind']).doUpdateSet({ reliability: s.reliability, reason: s.reason ?? null }))
    .returningAll().executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, kind: row.kind, reliability: row.reliability as Reliability | null, reason: row.reason };
}

export async function listHypotheses(db: Db): Promise<Hypothesis[]> {
  const rows = await db.selectFrom('hypotheses').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, text: r.text, createdAt: r.created_at }));
}

export async function addHypothesis(db: Db, text: string): Promise<Hypothesis> {
  if (!text.trim()) throw new UsageError('a hypothesis needs some text');
  const r = await db.insertInto('hypotheses').values({ text: text.trim(), created_at: new Date().toISOString() }).returningAll().executeTakeFirstOrThrow();
  return { id: r.id, text: r.text, createdAt: r.created_at };
}

export async function removeHypothesis(db: Db, id: number): Promise<void> {
  const r = await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('ratings').where('hypothesis_id', '=', id).execute();
    return trx.deleteFrom('hypotheses').where('id', '=', id).executeTakeFirst();
  });
  if (!Number(r.numDeletedRows)) throw new NotFoundError(`hypothesis ${id}`);
}

export async function listRatings(db: Db, hypothesisId?: number): Promise<Rating[]> {
  let q = db.selectFrom('ratings').selectAll().orderBy('id');
  if (hypothesisId !== undefined) q = q.where('hypothesis_id', '=', hypothesisId);
  return (await q.execute()).map((r) => ({
    id: r.id, evidenceKind: r.evidence_kind, evidenceId: r.evidence_id, hypothesisId: r.hypothesis_id,
    rating: r.rating, weight: Number(r.weight), proposed: !!r.proposed, note: r.note,
  }));
}

/** A quote's evidence id, "DOCUMENT:QUOTE" (e.g. 2:q5), as its parts; null for anything else (a claim group id). */
export function parseQuoteId(id: string): { documentId: number; quoteId: string } | null {
  const m = /^(0|[1-9]\d*):(.+)$/s.exec(id); // as stored: no leading zeros
  return m ? { documentId: Number(m[1]), quoteId: m[2] } : null;
}

/** Rate evidence against a hypothesis (a second rating of the same pair replaces the first).
 *
 * A quote ("DOCUMENT:QUOTE") is rated only in a latest version, checked in the rating's own
 * transaction: storing a new version moves its predecessor's ratings to the new quotes (write.ts), so
 * a rating that reached the old version after that would be stranded beside the new quote's. On
 * PostgreSQL (`lockDocument`) the check holds a share lock on the document's row: an add superseding
 * that version marks the row as no longer latest before it carries ratings, so either the add waits
 * for this rating and then carries it, or this waits for the add and finds the version superseded.
 * On SQLite the transaction takes the write lock from its start, so no add commits in between. */
export async function rate(db: Db, r: Omit<Rating, 'id' | 'weight' | 'proposed' | 'note'> & { weight?: number; proposed?: boolean; note?: string | null }, lockDocument = false): Promise<Rating> {
  if (!RATINGS.has(r.rating)) throw new UsageError(`rating "${r.rating}" must be one of CC, C, N, I, II`);
  const values = {
    evidence_kind: r.evidenceKind, evidence_id: r.evidenceId, hypothesis_id: r.hypothesisId, rating: r.rating,
    weight: r.weight ?? 1, proposed: r.proposed ? 1 : 0, note: r.note ?? null,
  };
  const row = await db.transaction().execute(async (trx) => {
    if (r.evidenceKind === 'quote') {
      const m = parseQuoteId(r.evidenceId);
      let q = trx.selectFrom('quotes as q').innerJoin('documents as d', 'd.id', 'q.document_id').select('q.id')
        .where('q.document_id', '=', m ? m.documentId : -1).where('q.local_id', '=', m?.quoteId ?? '').where('d.latest', '=', 1);
      if (lockDocument) q = q.forShare('d');
      if (!m || !(await q.executeTakeFirst())) throw new NotFoundError(`quote ${r.evidenceId} (of a latest version)`);
    }
    return trx.insertInto('ratings').values(values)
      .onConflict((oc) => oc.columns(['evidence_kind', 'evidence_id', 'hypothesis_id']).doUpdateSet({ rating: values.rating, weight: values.weight, proposed: values.proposed, note: values.note }))
      .returningAll().executeTakeFirstOrThrow();
  });
  return { id: row.id, evidenceKind: row.evidence_kind, evidenceId: row.evidence_id, hypothesisId: row.hypothesis_id, rating: row.rating, weight: Number(row.weight), proposed: !!row.proposed, note: row.note };
}

/** Remove the rating of one piece of evidence against one hypothesis, whichever version or claim group it
 * names (also one no longer found); false when there was none. */
export async function unrate(db: Db, evidenceKind: Rating['evidenceKind'], evidenceId: string, hypothesisId: number): Promise<boolean> {
  const r = await db.deleteFrom('ratings').where('evidence_kind', '=', evidenceKind).where('evidence_id', '=', evidenceId)
    .where('hypothesis_id', '=', hypothesisId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function listCredibility(db: Db): Promise<CredibilityOverride[]> {
  const rows = await db.selectFrom('credibility').selectAll().orderBy('claim_group_id').execute();
  return rows.map((r) => ({ claimGroupId: r.claim_group_id, credibility: r.credibility, reason: r.reason }));
}

export async function setCredibility(db: Db, o: CredibilityOverride): Promise<void> {
  if (!Number.isInteger(o.credibility) || o.credibility < 1 || o.credibility > 6) throw new UsageError(`credibility ${o.credibility} must be an integer 1–6`);
  await db.insertInto('credibility').values({ claim_group_id: o.claimGroupId, credibility: o.credibility, reason: o.reason })
    .onConflict((oc) => oc.column('claim_group_id').doUpdateSet({ credibility: o.credibility, reason: o.reason })).execute();
}

/** Remove a claim group's credibility override (also one whose group is no longer found); false when there was none. */
export async function clearCredibility(db: Db, claimGroupId: string): Promise<boolean> {
  const r = await db.deleteFrom('credibility').where('claim_group_id', '=', claimGroupId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function getSetting(db: Db, key: string): Promise<string | null> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value ?? null;
}

export async function setSetting(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/** Every setting whose key starts with `prefix` (e.g. "interested:"), by key. */
export async function listSettings(db: Db, prefix = ''): Promise<{ key: string; value: string }[]> {
  let q = db.selectFrom('settings').select(['key', 'value']).orderBy('key');
  if (prefix) q = q.where('key', '>=', prefix).where('key', '<', prefix + '\uffff');
  return q.execute();
}
