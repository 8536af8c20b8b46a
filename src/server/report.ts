// A plain report from the ACH matrix, used until (or unless) the judging module's report is
// available. Everything from the dossier is escaped; no document HTML is ever included.
import type { AchMatrix } from './model.js';

export function basicReport(m: AchMatrix, format: 'md' | 'html'): string {
  const lines = [`# ${m.question ?? 'Dossier report'}`, '', '## Hypotheses, least inconsistent first', ''];
  for (const s of [...m.scores].sort((a, b) => a.rank - b.rank)) {
    const h = m.hypotheses.find((x) => x.id === s.hypothesisId);
    if (h) lines.push(s.rated ? `${s.rank}. ${h.text} (inconsistency ${s.inconsistency}, consistency ${s.consistency})` : `- ${h.text} (no evidence rated against it)`);
  }
  lines.push('', '## Evidence', '');
  for (const e of m.evidence) lines.push(`- ${e.text} (${e.source ?? 'unknown source'}, weight ${e.weight})${e.diagnostic ? '' : ', not diagnostic'}`);
  lines.push('', '## Sensitivity', '', ...(m.sensitivity.length ? m.sensitivity.map((s) => `- ${s}`) : ['- No ratings yet.']), '');
  const md = lines.join('\n');
  if (format === 'md') return md;
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(m.question ?? 'Dossier report')}</title></head>\n<body><pre>${esc(md)}</pre></body></html>\n`;
}
