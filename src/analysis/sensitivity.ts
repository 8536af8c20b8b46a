// Sensitivity (Heuer step 7): which single evidence item or source, if removed or if it were wrong,
// would change the ranking. A conclusion that hangs on one item deserves a second look at that item.
import { prepareAch, rankPrepared, type AchInput, type PreparedItem } from './ach.js';

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


const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function sensitivity(input: AchInput, sourceLabels: ReadonlyMap<string, string> = new Map()): SensitivityReport {
  const m = prepareAch(input);
  const n = input.hypotheses.length;
  const ids = (order: number[]) => order.map((i) => input.hypotheses[i].id);
  const base = rankPrepared(m.items, n);
  const findings: SensitivityFinding[] = [];
  const stable: SensitivityReport['stable'] = [];
  const record = (kind: 'evidence' | 'source', id: string, label: string, change: 'removed' | 'reversed', items: PreparedItem[]): boolean => {
    const after = rankPrepared(items, n);
    if (same(base, after)) return false;
    findings.push({ kind, id, label, change, before: ids(base), after: ids(after), leaderChanges: after[0] !== base[0] });
    return true;
  };
  m.items.forEach((item, k) => {
    // a non-diagnostic item counts for nothing: removing or reversing it (still alike everywhere) changes nothing
    if (!item.diagnostic) {
      stable.push({ kind: 'evidence', id: item.id });
      return;
    }
    const label = input.evidence[k].label;
    const removed = m.items.filter((_, j) => j !== k);
    // reversing CC ↔ II and C ↔ I swaps an item's weighted consistency and inconsistency
    const reversed = m.items.map((x, j) => (j === k ? { ...x, inconsistency: x.consistency, consistency: x.inconsistency } : x));
    const a = record('evidence', item.id, label, 'removed', removed);
    const b = record('evidence', item.id, label, 'reversed', reversed);
    if (!a && !b) stable.push({ kind: 'evidence', id: item.id });
  });
  const origins = [...new Set(input.evidence.flatMap((e) => e.origins))];
  for (const o of origins) {
    // without this source, items it alone supports disappear; items with other origins stay
    const items = m.items.flatMap((x) => {
      if (!x.origins.includes(o)) return [x];
      const rest = x.origins.filter((y) => y !== o);
      return rest.length ? [{ ...x, origins: rest }] : [];
    });
    if (!record('source', o, sourceLabels.get(o) ?? o, 'removed', items)) stable.push({ kind: 'source', id: o });
  }
  return { ranking: ids(base), findings, stable };
}
