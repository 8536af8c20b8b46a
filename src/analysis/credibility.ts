// Credibility (Admiralty 1–6) proposed from corroboration: how many independent origins stand behind a
// claim and how reliable they are. The analyst's override always wins over the proposal.
import type { Credibility, CredibilityOverride, Reliability, SourceGrade } from './model.js';
import { gradedKey, type ChainLink } from './independence.js';

export interface CredibilityJudgement {
  credibility: Credibility;
  proposed: boolean;
  reason: string;
}

const RELIABLE: readonly Reliability[] = ['A', 'B', 'C'];

/**
 * Rules (each origin counted once; an interested party never counts as reliable corroboration):
 * two or more independent origins, two of them reliable (A–C) → 1; one reliable → 2; none → 3.
 * A single origin: A/B → 2, C → 3, D → 4, E → 5, ungraded (F) → 6; an interested A–C origin drops a step.
 */
export function proposeCredibility(origins: readonly ChainLink[], grades: readonly SourceGrade[], interested: ReadonlySet<string> = new Set()): CredibilityJudgement {
  const gradeOf = (key: string): Reliability => grades.find((g) => g.key === key)?.reliability ?? 'F';
  const n = origins.length;
  if (n === 0) return { credibility: 6, proposed: true, reason: 'no traceable origin' };
  const reliable = origins.filter((o) => RELIABLE.includes(gradeOf(gradedKey(o))) && !interested.has(gradedKey(o)));
  if (n >= 2) {
    const c: Credibility = reliable.length >= 2 ? 1 : reliable.length === 1 ? 2 : 3;
    return { credibility: c, proposed: true, reason: `${n} independent origins, ${reliable.length} graded reliable (A–C) and disinterested` };
  }
  const r = gradeOf(gradedKey(origins[0]));
  const single: Record<Reliability, Credibility> = { A: 2, B: 2, C: 3, D: 4, E: 5, F: 6 };
  let c = single[r];
  const isInterested = interested.has(gradedKey(origins[0]));
  if (isInterested && (r === 'A' || r === 'B' || r === 'C')) c = (c + 1) as Credibility;
  return {
    credibility: c,
    proposed: true,
    reason: `single origin ${origins[0].name} graded ${r}${isInterested ? ', an interested party' : ''}`,
  };
}

export function credibilityFor(claimId: string, proposal: CredibilityJudgement, overrides: readonly CredibilityOverride[]): CredibilityJudgement {
  const o = overrides.find((x) => x.claimId === claimId);
  return o ? { credibility: o.credibility, proposed: false, reason: o.reason } : proposal;
}
