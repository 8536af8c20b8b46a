// The ACH matrix the workbench shows, scored by the judging modules (src/analysis/ach.ts and
// sensitivity.ts) so the matrix and the report rank hypotheses the same way. Items sharing an
// origin are counted once; ungraded sources weigh as F and unjudged claims as 6 ("cannot be judged").
import { scoreAch, type AchInput } from '../analysis/ach.js';
import { sensitivity } from '../analysis/sensitivity.js';
import { sourceKey } from '../analysis/sources.js';
import type { Credibility } from '../analysis/model.js';
import type { AchEvidence, AchMatrix, HypothesisView, Rating, Reliability } from './model.js';

export interface MatrixItem {
  id: string;
  kind: 'claim' | 'quote';
  text: string;
  /** Who it comes from, by name (speakers, else outlets, else documents). */
  origins: string[];
  reliability: Reliability | null;
  credibility: Credibility | null;
  /** A quote in a reader comment (Dossier proposes no rating for it). */
  inComment?: boolean;
}

export interface MatrixRating {
  evidenceId: string;
  hypothesisId: string;
  rating: Rating;
  weight: number;
  proposed: boolean;
}

export function scoreMatrix(question: string | null, hypotheses: HypothesisView[], items: MatrixItem[], ratings: MatrixRating[]): AchMatrix {
  const known = new Set(items.map((i) => i.id));
  const cells = ratings.filter((r) => known.has(r.evidenceId));
  const labels = new Map<string, string>();
  const input: AchInput = {
    hypotheses,
    evidence: items.map((i) => {
      const origins = i.origins.map((o) => {
        const key = sourceKey(o) || o;
        labels.set(key, o);
        return key;
      });
      return { id: i.id, label: i.text, origins: origins.length ? origins : [i.id], reliability: i.reliability ?? 'F', credibility: i.credibility ?? 6 };
    }),
    cells,
  };
  const result = scoreAch(input);
  const scoreOf = new Map(result.evidence.map((e) => [e.id, e]));
  // Quote a label once: evidence often begins with its own quotation mark, hypotheses end with a full stop.
  const quoted = (s: string) => (/^["“‘']/.test(s) ? s : `“${s}”`);
  const name = (id: string) => quoted((hypotheses.find((h) => h.id === id)?.text ?? id).replace(/[.\s]+$/, ''));
  const clip = (s: string) => (s.length > 70 ? `${s.slice(0, 67)}…` : s);
  const report = hypotheses.length > 1 && cells.length ? sensitivity(input, labels) : null;
  const findings = (report?.findings ?? []).filter((f) => f.leaderChanges).map((f) =>
    `${f.change === 'removed' ? 'Without' : 'If it were wrong (ratings reversed),'} ${f.kind === 'source' ? 'the source' : 'the item'} ${quoted(clip(f.label))}, the leading hypothesis changes from ${name(f.before[0])} to ${name(f.after[0])}.`);
  if (report && !findings.length) findings.push('No single evidence item or source, removed or reversed, changes the leading hypothesis.');
  const evidence: AchEvidence[] = items.map((i) => ({
    id: i.id, kind: i.kind, text: i.text, source: i.origins.join(', ') || null,
    weight: scoreOf.get(i.id)!.weight, diagnostic: scoreOf.get(i.id)!.diagnostic,
  }));
  return {
    question, hypotheses, evidence,
    cells: cells.map((c) => ({ evidenceId: c.evidenceId, hypothesisId: c.hypothesisId, rating: c.rating, proposed: c.proposed })),
    scores: hypotheses.map((h) => {
      const s = result.hypotheses.find((x) => x.id === h.id)!;
      return { hypothesisId: h.id, inconsistency: s.inconsistency, consistency: s.consistency, rank: s.rank, rated: s.rated };
    }),
    sensitivity: findings,
  };
}
