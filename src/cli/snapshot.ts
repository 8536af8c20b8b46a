// Loading the judgement modules' input from the store: the latest version of every document with its
// analysis, the claim groups (regrouped over the current documents, ids stable), and every decision the
// analyst recorded. Interested-party decisions live in settings as "interested:<source key>".
import { groupClaims } from '../analysis/claims.js';
import type { DossierSnapshot, Reliability, SourceGrade } from '../analysis/model.js';
import { sourceKey } from '../analysis/sources.js';
import type { Store } from '../store/index.js';
import { reportFollowed } from './claims.js';

export const INTERESTED_PREFIX = 'interested:';

export async function loadSnapshot(store: Store): Promise<DossierSnapshot> {
  const summaries = await store.listDocuments();
  const documents = [];
  for (const { analysis, ...s } of await store.getDocuments(summaries.map((s) => s.id))) {
    documents.push({
      id: String(s.id),
      title: analysis.document.title,
      author: analysis.document.author,
      publisher: analysis.document.publisher,
      publishedAt: analysis.document.publishedAt,
      url: analysis.document.url ?? s.source,
      text: analysis.document.text,
      comments: analysis.comments ?? [],
      entities: analysis.entities ?? [],
      quotes: analysis.quotes ?? [],
      events: analysis.events ?? [],
    });
  }
  // the same grouping `dossier claims` saves; saved again so rated group ids stay addressable
  const groups = groupClaims(await store.claimDocuments());
  reportFollowed(await store.saveClaimGroups(groups));
  const claims = groups.map((g) => ({
    id: g.id,
    text: g.text,
    members: g.members.map((m) => ({ documentId: String(m.documentId), quoteId: m.quoteId, in: 'document', start: m.start, end: m.end, text: m.text })),
  }));
  const grades: SourceGrade[] = (await store.listSources())
    .filter((g) => g.reliability !== null)
    .map((g) => ({ key: sourceKey(g.name), name: g.name, kind: g.kind, reliability: g.reliability as Reliability, reason: g.reason ?? '' }));
  const hypotheses = (await store.listHypotheses()).map((h) => ({ id: String(h.id), text: h.text }));
  const ratings = (await store.listRatings()).map((r) => ({
    evidenceKind: r.evidenceKind, evidenceId: r.evidenceId, hypothesisId: String(r.hypothesisId), rating: r.rating, weight: r.weight, proposed: r.proposed, note: r.note,
  }));
  const overrides = (await store.listCredibility()).map((o) => ({
    claimId: o.claimGroupId, credibility: o.credibility as 1 | 2 | 3 | 4 | 5 | 6, reason: o.reason ?? '',
  }));
  // settings has no listing accessor in the store facade; one small query on its Kysely handle
  const decisions = await store.db.selectFrom('settings').select(['key', 'value']).where('key', 'like', `${INTERESTED_PREFIX}%`).execute();
  return {
    question: await store.getQuestion(),
    documents,
    claims,
    grades,
    hypotheses,
    ratings,
    overrides,
    interestedDecisions: decisions.map((d) => ({ sourceKey: d.key.slice(INTERESTED_PREFIX.length), confirmed: d.value === 'confirmed' })),
  };
}

/** Judgements the analysis does not count because what they name is no longer in the snapshot: a rating
 * of a claim group a regrouping left without successor or of a quote no new version took (it stays with
 * its version), a credibility override of such a group. Listed so the analyst can look and clear them. */
export function strayJudgements(snap: DossierSnapshot): { ratings: DossierSnapshot['ratings']; overrides: DossierSnapshot['overrides'] } {
  const claims = new Set(snap.claims.map((c) => c.id));
  const quotes = new Set(snap.documents.flatMap((d) => d.quotes.map((q) => `${d.id}:${q.id}`)));
  return {
    ratings: snap.ratings.filter((r) => !(r.evidenceKind === 'claim' ? claims : quotes).has(r.evidenceId)),
    overrides: snap.overrides.filter((o) => !claims.has(o.claimId)),
  };
}
