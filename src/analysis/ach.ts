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
  /** Whether any evidence is rated against it; one with none is ranked after all that have some. */
  rated: boolean;
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

/** One evidence item reduced to numbers: its weighted score per hypothesis, in hypothesis order. */
export interface PreparedItem {
  id: string;
  origins: string[];
  diagnostic: boolean;
  inconsistency: Float64Array;
  consistency: Float64Array;
  /** Per hypothesis, 1 where this item is rated against it. */
  rated: Uint8Array;
}

export interface PreparedMatrix {
  hypotheses: Hypothesis[];
  items: PreparedItem[];
  evidence: EvidenceScore[];
}

/** Weigh every cell once; scoring and sensitivity then work on plain numbers. */
export function prepareAch(input: AchInput): PreparedMatrix {
  const { hypotheses, evidence, cells } = input;
  const byEvidence = new Map<string, Map<string, AchCell>>();
  for (const c of cells) {
    let row = byEvidence.get(c.evidenceId);
    if (!row) byEvidence.set(c.evidenceId, (row = new Map()));
    row.set(c.hypothesisId, c);
  }
  const items: PreparedItem[] = [];
  const scores: EvidenceScore[] = [];
  for (const e of evidence) {
    const row = byEvidence.get(e.id);
    const ratings = hypotheses.map((h) => row?.get(h.id)?.rating ?? 'NA');
    const values = ratings.map((r) => RATING_VALUE[r]);
    const w = evidenceWeight(e);
    // rated alike everywhere: it cannot tell the hypotheses apart, so it must not move the ranking
    const diagnostic = hypotheses.length > 1 && values.some((v) => v !== values[0]);
    const inc = new Float64Array(hypotheses.length);
    const con = new Float64Array(hypotheses.length);
    const rated = new Uint8Array(hypotheses.length);
    hypotheses.forEach((h, i) => {
      const c = row?.get(h.id);
      if (!c) return;
      rated[i] = 1;
      inc[i] = INCONSISTENCY[c.rating] * w * c.weight;
      con[i] = CONSISTENCY[c.rating] * w * c.weight;
    });
    const spread = values.length ? Math.max(...values) - Math.min(...values) : 0;
    items.push({ id: e.id, origins: e.origins, diagnostic, inconsistency: inc, consistency: con, rated });
    scores.push({ id: e.id, label: e.label, weight: round(w), diagnostic, diagnosticity: diagnostic ? round(spread * w) : 0, cluster: e.id });
  }
  // clusters are reported over all items; scoring clusters only the diagnostic ones (see scorePrepared)
  const clusters = originClusters(evidence);
  for (const s of scores) s.cluster = clusters.get(s.id)!;
  return { hypotheses, items, evidence: scores };
}

/**
 * Per hypothesis, the summed inconsistency and consistency over origin clusters of the diagnostic
 * items: within a cluster the strongest item speaks for it, so repetition is not corroboration.
 */
export function scorePrepared(items: readonly PreparedItem[], nHypotheses: number): { inconsistency: number[]; consistency: number[] } {
  const live = items.filter((i) => i.diagnostic);
  const parent = live.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const firstWith = new Map<string, number>();
  live.forEach((item, i) => {
    for (const o of item.origins) {
      const j = firstWith.get(o);
      if (j === undefined) firstWith.set(o, i);
      else {
        const [a, b] = [find(i), find(j)];
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const incMax = new Map<number, Float64Array>();
  const conMax = new Map<number, Float64Array>();
  live.forEach((item, i) => {
    const r = find(i);
    let inc = incMax.get(r);
    let con = conMax.get(r);
    if (!inc || !con) {
      incMax.set(r, (inc = new Float64Array(nHypotheses)));
      conMax.set(r, (con = new Float64Array(nHypotheses)));
    }
    for (let h = 0; h < nHypotheses; h++) {
      if (item.inconsistency[h] > inc[h]) inc[h] = item.inconsistency[h];
      if (item.consistency[h] > con[h]) con[h] = item.consistency[h];
    }
  });
  const inconsistency = new Array<number>(nHypotheses).fill(0);
  const consistency = new Array<number>(nHypotheses).fill(0);
  for (const a of incMax.values()) for (let h = 0; h < nHypotheses; h++) inconsistency[h] += a[h];
  for (const a of conMax.values()) for (let h = 0; h < nHypotheses; h++) consistency[h] += a[h];
  return { inconsistency: inconsistency.map(round), consistency: consistency.map(round) };
}

/** Per hypothesis, whether any of `items` is rated against it. */
export function ratedHypotheses(items: readonly PreparedItem[], nHypotheses: number): boolean[] {
  const out = new Array<boolean>(nHypotheses).fill(false);
  for (const item of items) for (let h = 0; h < nHypotheses; h++) if (item.rated[h]) out[h] = true;
  return out;
}

/** Hypothesis indexes, best first: those with evidence rated against them before those with none (no
 * inconsistency is not a merit when nothing was weighed), then least inconsistent, then most
 * consistent, then as entered. */
export function rankPrepared(items: readonly PreparedItem[], nHypotheses: number): number[] {
  const { inconsistency, consistency } = scorePrepared(items, nHypotheses);
  const rated = ratedHypotheses(items, nHypotheses);
  return [...Array(nHypotheses).keys()].sort((a, b) => Number(rated[b]) - Number(rated[a]) || inconsistency[a] - inconsistency[b] || consistency[b] - consistency[a] || a - b);
}

/** Score the matrix. Pure: the same input always gives the same ranking. */
export function scoreAch(input: AchInput): AchResult {
  const m = prepareAch(input);
  const n = input.hypotheses.length;
  const { inconsistency, consistency } = scorePrepared(m.items, n);
  const order = rankPrepared(m.items, n);
  const rated = ratedHypotheses(m.items, n);
  const ranked: HypothesisScore[] = order.map((i, r) => ({ id: input.hypotheses[i].id, text: input.hypotheses[i].text, inconsistency: inconsistency[i], consistency: consistency[i], rank: r + 1, rated: rated[i] }));
  return { hypotheses: ranked, evidence: m.evidence, cells: input.cells };
}

export function ranking(r: AchResult): string[] {
  return r.hypotheses.map((h) => h.id);
}
