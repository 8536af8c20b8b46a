// `dossier ach [--json] [--no-proposals]`: the ACH matrix in the terminal, hypotheses as rows and
// evidence as numbered columns (legend below); proposed ratings are shown in lower case with a "?".
import type { Command } from 'commander';
import { judge, type Judgement } from '../analysis/judgement.js';
import { dbOption, printJson, withStore, write } from './db.js';
import { loadSnapshot, strayJudgements } from './snapshot.js';

const fmt = (x: number) => (Math.round(x * 100) / 100).toFixed(2);
const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n));

export function renderMatrix(j: Judgement): string {
  if (!j.hypotheses.length) return '(no hypotheses: dossier hypothesis add "…")\n';
  const cols = [...j.ach.evidence].sort((a, b) => b.diagnosticity - a.diagnosticity || a.id.localeCompare(b.id));
  if (!cols.length) return '(no evidence is rated yet: dossier rate EVIDENCE HYPOTHESIS RATING)\n';
  const w = 5;
  const lines: string[] = [];
  lines.push(`${'Hypothesis'.padEnd(46)} ${cols.map((_, i) => `E${i + 1}`.padStart(w)).join('')}  ${'incons.'.padStart(8)} ${'cons.'.padStart(7)}`);
  lines.push(`${''.padEnd(46)} ${cols.map((c) => (c.diagnostic ? '' : '·').padStart(w)).join('')}`);
  for (const h of j.ach.hypotheses) {
    const cells = cols.map((c) => {
      const cell = j.cells.find((x) => x.evidenceId === c.id && x.hypothesisId === h.id);
      const v = !cell ? '-' : cell.proposed ? `${cell.rating.toLowerCase()}?` : cell.rating;
      return v.padStart(w);
    });
    lines.push(`${cut(`${h.rated ? `${h.rank}.` : '–'} H${h.id} ${h.text}`, 46)} ${cells.join('')}  ${fmt(h.inconsistency).padStart(8)} ${fmt(h.consistency).padStart(7)}`);
  }
  lines.push('', 'Evidence (· = non-diagnostic: rated alike everywhere, does not count):');
  for (const [i, c] of cols.entries()) {
    const e = j.evidence.find((x) => x.id === c.id)!;
    lines.push(`  E${i + 1} ${c.diagnostic ? ' ' : '·'} ${c.id}  [${e.reliability}${e.credibility.credibility}, ${e.origins.length} origin${e.origins.length === 1 ? '' : 's'}, weight ${fmt(c.weight)}]  ${cut(e.text.replace(/\s+/g, ' '), 90).trimEnd()}`);
  }
  const flips = j.sensitivity.findings;
  lines.push('', flips.length ? 'Sensitivity (single changes that alter the ranking):' : 'Sensitivity: no single item or source changes the ranking.');
  for (const f of flips) {
    const col = cols.findIndex((c) => c.id === f.id);
    const what = f.kind === 'evidence' ? `E${col + 1} ${f.id}` : `source ${f.label}`;
    lines.push(`  ${what} ${f.change === 'removed' ? 'removed' : 'reversed'} → ${f.after.map((h) => `H${h}`).join(' > ')}${f.leaderChanges ? '  (new leader)' : ''}`);
  }
  return lines.join('\n') + '\n';
}

/** The judgements left out because their evidence is gone, each with the command that clears it. */
export function renderStray(stray: ReturnType<typeof strayJudgements>, db?: string): string {
  const { ratings, overrides } = stray;
  if (!ratings.length && !overrides.length) return '';
  const n = (k: number, one: string) => `${k} ${one}${k === 1 ? '' : 's'}`;
  const what = [ratings.length ? n(ratings.length, 'rating') : '', overrides.length ? n(overrides.length, 'credibility override') : ''].filter(Boolean).join(' and ');
  const lines = ['', `Not counted: ${what} of evidence no longer in the dossier (a claim group regrouped away, or a quote of an earlier version no quote of the latest took):`];
  // the --db it was run with, quoted for a shell, and without a password (the reader fills it in again)
  const target = db?.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
  const on = target ? ` --db ${/^[\w./:@%=-]+$/.test(target) ? target : `'${target.replace(/'/g, `'\\''`)}'`}` : '';
  for (const r of ratings) lines.push(`  ${r.evidenceId} × H${r.hypothesisId}: ${r.rating}  (clear: dossier rate ${r.evidenceId} H${r.hypothesisId} --clear${on})`);
  for (const o of overrides) lines.push(`  ${o.claimId} credibility ${o.credibility}  (clear: dossier credibility ${o.claimId} --clear${on})`);
  return lines.join('\n') + '\n';
}

export function register(program: Command): void {
  dbOption(program.command('ach'))
    .description('the Analysis of Competing Hypotheses matrix: scores, diagnosticity, sensitivity')
    .option('--json', 'print JSON')
    .option('--no-proposals', 'leave out ratings the tool proposes')
    .action(async (o: { db?: string; json?: boolean; proposals: boolean }) => {
      await withStore(o.db, async (store) => {
        const snap = await loadSnapshot(store);
        const j = judge(snap, { proposals: o.proposals });
        const stray = strayJudgements(snap);
        if (o.json) {
          return printJson({
            question: j.question,
            hypotheses: j.ach.hypotheses,
            evidence: j.ach.evidence.map((s) => {
              const e = j.evidence.find((x) => x.id === s.id)!;
              return { ...s, kind: e.kind, text: e.text, reliability: e.reliability, credibility: e.credibility, origins: e.origins };
            }),
            cells: j.cells,
            sensitivity: j.sensitivity,
            notCounted: stray,
          });
        }
        await write(renderMatrix(j) + renderStray(stray, o.db));
      });
    });
}
