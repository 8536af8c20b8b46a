// Shared helpers for `npm run bench`: every capability is timed against a reference run in the
// same process (bare wink-nlp readDoc, or Readability over a DOM), so figures are ratios that
// hold across machines. Benchmarks print; they never assert.
import { performance } from 'node:perf_hooks';

export interface BenchRow {
  capability: string;
  /** e.g. "pages/s", "docs/s", "ms median" */
  unit: string;
  value: number;
  /** The reference this is compared with, and its value in the same unit. */
  reference?: { name: string; value: number };
  note?: string;
}

/** Run fn repeatedly for at least minMs (after one warm-up call); return calls per second. */
export async function throughput(fn: () => unknown | Promise<unknown>, minMs = 1500): Promise<number> {
  await fn();
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) {
    await fn();
    n++;
    t = performance.now();
  }
  return (n * 1000) / (t - t0);
}

/** Like throughput, but per second of this process's CPU time rather than of the wall clock. */
export async function cpuThroughput(fn: () => unknown | Promise<unknown>, minMs = 1500): Promise<number> {
  await fn();
  const c0 = process.cpuUsage();
  let n = 0, spent = 0;
  while (spent < minMs) {
    await fn();
    n++;
    const u = process.cpuUsage(c0);
    spent = (u.user + u.system) / 1000;
  }
  return (n * 1000) / spent;
}

/**
 * Several contenders timed in alternation: a warm-up of `warmMs` each (the JIT needs a good
 * second for a pipeline of many functions), then `rounds` windows of `windowMs` each; returns
 * each one's best window in calls per CPU second. The machine is shared: other work takes the
 * cores away for seconds at a time, and wall-clock windows then time the neighbours. CPU time
 * counts what this process did (its garbage collection threads included), and alternating
 * windows give every contender the same conditions.
 */
export async function bestThroughputs<K extends string>(contenders: Record<K, () => unknown>, rounds = 8, windowMs = 250, warmMs = 1000): Promise<Record<K, number>> {
  const names = Object.keys(contenders) as K[];
  const best = {} as Record<K, number>;
  for (const k of names) { await throughput(contenders[k], warmMs); best[k] = 0; }
  for (let round = 0; round < rounds; round++) {
    for (const k of names) best[k] = Math.max(best[k], await cpuThroughput(contenders[k], windowMs));
  }
  return best;
}

export function formatRow(r: BenchRow): string {
  const v = r.value >= 100 ? r.value.toFixed(0) : r.value.toFixed(2);
  let s = `${r.capability.padEnd(44)} ${v.padStart(9)} ${r.unit}`;
  if (r.reference) {
    const ratio = r.value / r.reference.value;
    s += `   ${ratio.toFixed(2)}x ${r.reference.name} (${r.reference.value.toFixed(2)} ${r.unit})`;
  }
  if (r.note) s += `   ${r.note}`;
  return s;
}
