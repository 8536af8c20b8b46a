// Analysis of Competing Hypotheses (Heuer): a matrix of evidence × hypotheses rated CC C N I II.
// Hypotheses are ranked by weighted inconsistency (I = 1, II = 2), least inconsistent first, because
// evidence refutes better than it confirms; consistency (C = 1, CC = 2) is reported beside it.
import type { Credibility, Hypothesis, RatingValue, Reliability } from './model.js';

export interface AchEvidence {
  id: string;
  label: string;
  /** Origin keys behind the item; items sharing an origin are counted once. */
  origins: string[];
  reliability: Reliability;
  credibility: Credibility;
}

export interface AchCell {
  evidenceId: string;
  hypothesisId: string;
  rating: RatingValue;
  /** Relevance weight given by the analyst (default 1). */
  weight: number;
  proposed: boolean;
}

export interface AchInput {
  hypotheses: Hypothesis[];
  evidence: AchEvidence[];
  cells: AchCell[];
}

export interface HypothesisScore {
  id: string;
  text: string;
  inconsistency: number;
  consistency: number;
  rank: number;
}

export interface EvidenceScore {
  id: string;
  label: string;
  /** Reliability factor × credibility factor; the cell's relevance weight multiplies it. */
  weight: number;
  diagnostic: boolean;
  /** Spread of the ratings across hypotheses (CC=2 … II=-2), times the weight; 0 when non-diagnostic. */
  diagnosticity: number;
  /** Items sharing an origin share a cluster id (the smallest evidence id among them). */
  cluster: string;
}

export interface AchResult {
  hypotheses: HypothesisScore[];
  evidence: EvidenceScore[];
  cells: AchCell[];
}

// Completely reliable and confirmed evidence counts fully; "cannot be judged" sits at the midpoint.
export const RELIABILITY_FACTOR: Record<Reliability, number> = { A: 1, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.5 };
export const CREDIBILITY_FACTOR: Record<Credibility, number> = { 1: 1, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.5 };

const INCONSISTENCY: Record<RatingValue, number> = { CC: 0, C: 0, N: 0, NA: 0, I: 1, II: 2 };
const CONSISTENCY: Record<RatingValue, number> = { CC: 2, C: 1, N: 0, NA: 0, I: 0, II: 0 };
export const RATING_VALUE: Record<RatingValue, number> = { CC: 2, C: 1, N: 0, NA: 0, I: -1, II: -2 };

export function evidenceWeight(e: Pick<AchEvidence, 'reliability' | 'credibility'>): number {
  return RELIABILITY_FACTOR[e.reliability] * CREDIBILITY_FACTOR[e.credibility];
}

/** Union items that share any origin; returns evidence id → cluster id. */
export function originClusters(evidence: readonly AchEvidence[]): Map<string, string> {
  const parent = new Map<string, string>(evidence.map((e) => [e.id, e.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const firstWithOrigin = new Map<string, string>();
  for (const e of evidence) {
    for (const o of e.origins) {
      const other = firstWithOrigin.get(o);
      if (other === undefined) firstWithOrigin.set(o, e.id);
      else {
        const [a, b] = [find(other), find(e.id)];
        if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
      }
    }
  }
  return new Map(evidence.map((e) => [e.id, find(e.id)]));
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

/** Score the matrix. Pure: the same input always gives the same ranking. */
export function scoreAch(input: AchInput): AchResult {
  const { hypotheses, evidence, cells } = input;
  const cell = new Map(cells.map((c) => [`${c.evidenceId}\u0000${c.hypothesisId}`, c]));
  const ratingOf = (e: string, h: string): AchCell | undefined => cell.get(`${e}\u0000${h}`);
  const clusters = originClusters(evidence);

  const evidenceScores: EvidenceScore[] = evidence.map((e) => {
    const values = hypotheses.map((h) => RATING_VALUE[ratingOf(e.id, h.id)?.rating ?? 'NA']);
    const ratings = hypotheses.map((h) => ratingOf(e.id, h.id)?.rating ?? 'NA');
    const w = evidenceWeight(e);
    // rated alike everywhere: it cannot tell the hypotheses apart, so it must not move the ranking
    const diagnostic = hypotheses.length > 1 && ratings.some((r) => r !== ratings[0]) && values.some((v) => v !== values[0]);
    const spread = values.length ? Math.max(...values) - Math.min(...values) : 0;
    return { id: e.id, label: e.label, weight: round(w), diagnostic, diagnosticity: diagnostic ? round(spread * w) : 0, cluster: clusters.get(e.id)! };
  });
  const byId = new Map(evidenceScores.map((s) => [s.id, s]));

  const scored = hypotheses.map((h, order) => {
    // per origin cluster, the strongest item speaks for the cluster: repetition is not corroboration
    const inc = new Map<string, number>();
    const con = new Map<string, number>();
    for (const e of evidence) {
      const s = byId.get(e.id)!;
      const c = ratingOf(e.id, h.id);
      if (!s.diagnostic || !c) continue;
      const w = s.weight * c.weight;
      inc.set(s.cluster, Math.max(inc.get(s.cluster) ?? 0, INCONSISTENCY[c.rating] * w));
      con.set(s.cluster, Math.max(con.get(s.cluster) ?? 0, CONSISTENCY[c.rating] * w));
    }
    const sum = (m: Map<string, number>) => round([...m.values()].reduce((a, b) => a + b, 0));
    return { id: h.id, text: h.text, inconsistency: sum(inc), consistency: sum(con), rank: 0, order };
  });
  scored.sort((a, b) => a.inconsistency - b.inconsistency || b.consistency - a.consistency || a.order - b.order);
  const ranked: HypothesisScore[] = scored.map(({ order: _order, ...h }, i) => ({ ...h, rank: i + 1 }));
  return { hypotheses: ranked, evidence: evidenceScores, cells };
}

export function ranking(r: AchResult): string[] {
  return r.hypotheses.map((h) => h.id);
}
