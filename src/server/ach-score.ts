// Heuer-style ACH scoring used by the workbench when the judging module is not available:
// weighted inconsistency per hypothesis (I = 1, II = 2), consistency reported beside it,
// non-diagnostic items (rated alike for every hypothesis) left out of the ranking, and a
// one-item-removed sensitivity check. Pure: plain data in, plain data out.
import type { AchScore, Rating } from './model.js';

export interface ScoreInput {
  hypotheses: string[];
  evidence: { id: string; weight: number; label: string }[];
  /** How a hypothesis is named in sensitivity findings (defaults to its id). */
  hypothesisLabel?: (id: string) => string;
  /** rating by `${evidenceId}\u0000${hypothesisId}` */
  ratings: Map<string, Rating>;
}

export interface ScoreResult {
  scores: AchScore[];
  diagnostic: Set<string>;
  sensitivity: string[];
}

const INCONSISTENCY: Record<Rating, number> = { CC: 0, C: 0, N: 0, I: 1, II: 2 };
const CONSISTENCY: Record<Rating, number> = { CC: 2, C: 1, N: 0, I: 0, II: 0 };

export const cellKey = (evidenceId: string, hypothesisId: string): string => `${evidenceId}\u0000${hypothesisId}`;

/** An item is diagnostic when it is rated for every hypothesis and not all ratings are alike. */
export function diagnosticItems(input: ScoreInput): Set<string> {
  const out = new Set<string>();
  for (const e of input.evidence) {
    const seen = new Set<Rating | undefined>(input.hypotheses.map((h) => input.ratings.get(cellKey(e.id, h))));
    seen.delete(undefined);
    if (seen.size > 1 || (seen.size === 1 && input.hypotheses.some((h) => !input.ratings.has(cellKey(e.id, h)))))
      out.add(e.id);
  }
  return out;
}

function rank(input: ScoreInput, include: (id: string) => boolean): AchScore[] {
  const scores = input.hypotheses.map((h) => {
    let inconsistency = 0;
    let consistency = 0;
    for (const e of input.evidence) {
      if (!include(e.id)) continue;
      const r = input.ratings.get(cellKey(e.id, h));
      if (!r) continue;
      inconsistency += INCONSISTENCY[r] * e.weight;
      consistency += CONSISTENCY[r] * e.weight;
    }
    return { hypothesisId: h, inconsistency: round(inconsistency), consistency: round(consistency), rank: 0 };
  });
  // Least inconsistent first (Heuer); consistency breaks ties, then input order.
  const order = scores
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.inconsistency - b.s.inconsistency || b.s.consistency - a.s.consistency || a.i - b.i);
  order.forEach(({ s }, i) => (s.rank = i + 1));
  return scores;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function scoreAch(input: ScoreInput): ScoreResult {
  const diagnostic = diagnosticItems(input);
  const scores = rank(input, (id) => diagnostic.has(id));
  const leader = scores.find((s) => s.rank === 1)?.hypothesisId;
  const sensitivity: string[] = [];
  if (leader !== undefined && input.hypotheses.length > 1) {
    for (const e of input.evidence) {
      if (!diagnostic.has(e.id)) continue;
      const without = rank(input, (id) => id !== e.id && diagnostic.has(id));
      const newLeader = without.find((s) => s.rank === 1)?.hypothesisId;
      const name = input.hypothesisLabel ?? ((id: string) => id);
      if (newLeader !== leader) sensitivity.push(`Without "${e.label}" the leading hypothesis changes from ${name(leader)} to ${name(newLeader!)}.`);
    }
    if (!sensitivity.length && diagnostic.size) sensitivity.push('No single evidence item, removed, changes the leading hypothesis.');
  }
  return { scores, diagnostic, sensitivity };
}
