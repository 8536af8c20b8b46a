// One pass from a dossier snapshot to everything the analyst judges with: sources and their grades,
// interested-party flags, each piece of evidence with its chains, origins and credibility, the ACH
// matrix (analyst ratings, plus proposals where the analyst has not rated) and its sensitivity.
import { scoreAch, type AchCell, type AchEvidence, type AchResult, RELIABILITY_FACTOR } from './ach.js';
import { containerText, describeSpan, type Anchor } from './anchoring.js';
import { credibilityFor, proposeCredibility, type CredibilityJudgement } from './credibility.js';
import { claimOrigins, gradedKey, traceMember, type Chain, type ChainLink } from './independence.js';
import type { ClaimMember, DocumentRecord, DossierSnapshot, Hypothesis, Reliability } from './model.js';
import { proposeFromReadings, readForRating } from './ratings-proposal.js';
import { sensitivity, type SensitivityReport } from './sensitivity.js';
import { flagInterestedParties, listSources, type InterestedPartyFlag, type SourceSummary } from './sources.js';

/** Where a piece of evidence can be read: the document span, with selectors that survive edits. */
export interface EvidenceSpan {
  documentId: string;
  documentTitle: string | null;
  url: string | null;
  in: string;
  anchor: Anchor;
}

export interface EvidenceItem {
  /** A claim group id, or "DOCUMENT_ID:QUOTE_ID" for a single quote. */
  id: string;
  kind: 'claim' | 'quote';
  text: string;
  chains: Chain[];
  origins: ChainLink[];
  /** The best reliability among the origins (F when none is graded). */
  reliability: Reliability;
  credibility: CredibilityJudgement;
  /** Origin keys flagged as interested parties (and not rejected by the analyst). */
  interested: string[];
  spans: EvidenceSpan[];
}

export interface MatrixCell extends AchCell {
  /** For a proposal: why it was proposed. For an analyst rating: the analyst's note. */
  note: string | null;
}

export interface Judgement {
  question: string | null;
  sources: SourceSummary[];
  interested: InterestedPartyFlag[];
  evidence: EvidenceItem[];
  hypotheses: Hypothesis[];
  cells: MatrixCell[];
  /** Scores over the evidence that has at least one rating or proposal. */
  ach: AchResult;
  sensitivity: SensitivityReport;
}

export interface JudgeOptions {
  /** Include proposed ratings where the analyst has not rated (default true). */
  proposals?: boolean;
}

function spanOf(doc: DocumentRecord, m: { in: string; start: number; end: number }): EvidenceSpan {
  return { documentId: doc.id, documentTitle: doc.title, url: doc.url, in: m.in, anchor: describeSpan(containerText(doc, m.in), m.start, m.end) };
}

function bestReliability(origins: readonly ChainLink[], grades: ReadonlyMap<string, Reliability>): Reliability {
  let best: Reliability = 'F';
  let seen = false;
  for (const o of origins) {
    const r = grades.get(gradedKey(o)) ?? 'F';
    if (!seen || RELIABILITY_FACTOR[r] > RELIABILITY_FACTOR[best]) best = r;
    seen = true;
  }
  return best;
}

export function judge(snap: DossierSnapshot, opts: JudgeOptions = {}): Judgement {
  const docs = new Map(snap.documents.map((d) => [d.id, d]));
  const grades = new Map(snap.grades.map((g) => [g.key, g.reliability]));
  const sources = listSources(snap);
  const interested = flagInterestedParties(snap);
  const interestedKeys = new Set(interested.filter((f) => f.confirmed !== false).map((f) => f.sourceKey));

  const evidence: EvidenceItem[] = [];
  const inClaims = new Set<string>();
  const build = (id: string, kind: 'claim' | 'quote', text: string, chains: Chain[], origins: ChainLink[], members: ClaimMember[]): EvidenceItem => {
    const proposal = proposeCredibility(origins, snap.grades, interestedKeys);
    return {
      id, kind, text, chains, origins,
      reliability: bestReliability(origins, grades),
      credibility: kind === 'claim' ? credibilityFor(id, proposal, snap.overrides) : proposal,
      interested: origins.filter((o) => interestedKeys.has(gradedKey(o))).map((o) => gradedKey(o)),
      spans: members.flatMap((m) => (docs.has(m.documentId) ? [spanOf(docs.get(m.documentId)!, m)] : [])),
    };
  };
  for (const claim of snap.claims) {
    const { chains, origins } = claimOrigins(snap, claim);
    for (const m of claim.members) if (m.quoteId) inClaims.add(`${m.documentId}:${m.quoteId}`);
    evidence.push(build(claim.id, 'claim', claim.text, chains, origins, claim.members));
  }
  // a quote inside a claim group is evidence of its own only when the analyst rated it as such
  // (it then shares the group's origin, so the two are still counted once)
  const ratedQuotes = new Set(snap.ratings.filter((r) => r.evidenceKind === 'quote').map((r) => r.evidenceId));
  for (const doc of snap.documents) {
    for (const q of doc.quotes) {
      const id = `${doc.id}:${q.id}`;
      if (inClaims.has(id) && !ratedQuotes.has(id)) continue;
      const member: ClaimMember = { documentId: doc.id, quoteId: q.id, in: q.in, start: q.start, end: q.end, text: q.content };
      const chain = traceMember(doc, member);
      evidence.push(build(id, 'quote', q.content, [chain], [chain.origin], [member]));
    }
  }

  // analyst ratings first; proposals only fill cells the analyst left empty
  const cells: MatrixCell[] = [];
  const taken = new Set<string>();
  const known = new Set(evidence.map((e) => e.id));
  const hypIds = new Set(snap.hypotheses.map((h) => h.id));
  for (const r of snap.ratings) {
    if (!known.has(r.evidenceId) || !hypIds.has(r.hypothesisId) || r.rating === 'NA') continue;
    cells.push({ evidenceId: r.evidenceId, hypothesisId: r.hypothesisId, rating: r.rating, weight: r.weight, proposed: r.proposed, note: r.note ?? null });
    taken.add(`${r.evidenceId}\u0000${r.hypothesisId}`);
  }
  if (opts.proposals !== false) {
    const readings = new Map(snap.hypotheses.map((h) => [h.id, readForRating(h.text)]));
    for (const e of evidence) {
      // a reader comment is an opinion about the reporting, not reporting: the analyst rates it by hand
      if (e.spans.every((sp) => sp.in !== 'document')) continue;
      const reading = readForRating(e.text);
      for (const h of snap.hypotheses) {
        if (taken.has(`${e.id}\u0000${h.id}`)) continue;
        const p = proposeFromReadings(reading, readings.get(h.id)!);
        if (p) cells.push({ evidenceId: e.id, hypothesisId: h.id, rating: p.rating, weight: 1, proposed: true, note: p.reason });
      }
    }
  }

  const rated = new Set(cells.map((c) => c.evidenceId));
  const achEvidence: AchEvidence[] = evidence
    .filter((e) => rated.has(e.id))
    .map((e) => ({ id: e.id, label: e.text, origins: e.origins.map((o) => o.key), reliability: e.reliability, credibility: e.credibility.credibility }));
  const input = { hypotheses: snap.hypotheses, evidence: achEvidence, cells };
  const labels = new Map(evidence.flatMap((e) => e.origins.map((o) => [o.key, o.name] as const)));
  return {
    question: snap.question,
    sources,
    interested,
    evidence,
    hypotheses: snap.hypotheses,
    cells,
    ach: scoreAch(input),
    sensitivity: sensitivity(input, labels),
  };
}
