// The whole dossier as one JSON document: what was read (documents with their analyses), what was
// grouped (claims), what the analyst decided (grades, hypotheses, ratings, overrides) and what follows
// from it (origins, credibility, interested parties, ACH scores and sensitivity).
import type { Judgement } from '../analysis/judgement.js';
import type { DossierSnapshot } from '../analysis/model.js';

export function toJsonExport(snap: DossierSnapshot, j: Judgement, now: string): object {
  return {
    schema: 'dossier.export/1',
    generatedAt: now,
    question: snap.question,
    documents: snap.documents,
    claims: snap.claims,
    grades: snap.grades,
    hypotheses: snap.hypotheses,
    ratings: snap.ratings,
    credibilityOverrides: snap.overrides,
    judgement: {
      sources: j.sources,
      interestedParties: j.interested,
      evidence: j.evidence.map(({ chains, ...e }) => ({ ...e, chains: chains.map(({ member: _m, ...c }) => c) })),
      matrix: j.cells,
      ach: j.ach,
      sensitivity: j.sensitivity,
    },
  };
}
