// Sensitivity (Heuer step 7): which single evidence item or source, if removed or if it were wrong,
// would change the ranking. A conclusion that hangs on one item deserves a second look at that item.
import { ranking, scoreAch, type AchCell, type AchInput } from './ach.js';
import type { RatingValue } from './model.js';

export interface SensitivityFinding {
  kind: 'evidence' | 'source';
  /** Evidence id, or origin key for a source. */
  id: string;
  label: string;
  /** removed: the item (or every item from the source) is taken out; reversed: its ratings are inverted. */
  change: 'removed' | 'reversed';
  before: string[];
  after: string[];
  /** The leading hypothesis changes, not only the order below it. */
  leaderChanges: boolean;
}

export interface SensitivityReport {
  ranking: string[];
  findings: SensitivityFinding[];
  /** Items and sources tested whose change leaves the ranking as it is. */
  stable: { kind: 'evidence' | 'source'; id: string }[];
}

const REVERSED: Record<RatingValue, RatingValue> = { CC: 'II', C: 'I', N: 'N', NA: 'NA', I: 'C', II: 'CC' };

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function sensitivity(input: AchInput, sourceLabels: ReadonlyMap<string, string> = new Map()): SensitivityReport {
  const before = ranking(scoreAch(input));
  const findings: SensitivityFinding[] = [];
  const stable: SensitivityReport['stable'] = [];
  const record = (kind: 'evidence' | 'source', id: string, label: string, change: 'removed' | 'reversed', variant: AchInput): boolean => {
    const after = ranking(scoreAch(variant));
    if (same(before, after)) return false;
    findings.push({ kind, id, label, change, before, after, leaderChanges: after[0] !== before[0] });
    return true;
  };
  for (const e of input.evidence) {
    const removed = { ...input, evidence: input.evidence.filter((x) => x.id !== e.id), cells: input.cells.filter((c) => c.evidenceId !== e.id) };
    const reversedCells: AchCell[] = input.cells.map((c) => (c.evidenceId === e.id ? { ...c, rating: REVERSED[c.rating] } : c));
    const a = record('evidence', e.id, e.label, 'removed', removed);
    const b = record('evidence', e.id, e.label, 'reversed', { ...input, cells: reversedCells });
    if (!a && !b) stable.push({ kind: 'evidence', id: e.id });
  }
  const origins = [...new Set(input.evidence.flatMap((e) => e.origins))];
  for (const o of origins) {
    // without this source, items it alone supports disappear; items with other origins stay
    const evidence = input.evidence.flatMap((e) => {
      if (!e.origins.includes(o)) return [e];
      const rest = e.origins.filter((x) => x !== o);
      return rest.length ? [{ ...e, origins: rest }] : [];
    });
    const kept = new Set(evidence.map((e) => e.id));
    const variant = { ...input, evidence, cells: input.cells.filter((c) => kept.has(c.evidenceId)) };
    if (!record('source', o, sourceLabels.get(o) ?? o, 'removed', variant)) stable.push({ kind: 'source', id: o });
  }
  return { ranking: before, findings, stable };
}
