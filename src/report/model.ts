// The sourced report as plain blocks, rendered to Markdown or HTML by the renderers beside this file.
// Every sentence that states evidence carries footnotes; each footnote names the exact span (document,
// offsets) with a text-quote selector {exact, prefix, suffix}, so the link survives small page edits.
import type { TextQuoteSelector } from '../analysis/anchoring.js';
import { formatChain, gradedKey } from '../analysis/independence.js';
import type { EvidenceItem, EvidenceSpan, Judgement } from '../analysis/judgement.js';
import { CREDIBILITY_LABEL, RELIABILITY_LABEL } from '../analysis/model.js';

export interface Sentence {
  text: string;
  /** Footnote numbers. */
  cite: number[];
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'para'; sentences: Sentence[] }
  | { kind: 'list'; items: Sentence[][] }
  | { kind: 'table'; head: string[]; rows: string[][] };

export interface Footnote {
  n: number;
  documentId: string;
  documentTitle: string | null;
  url: string | null;
  in: string;
  start: number;
  end: number;
  quote: TextQuoteSelector;
  /** A W3C text-fragment link to the span, when the document has a web address. */
  link: string | null;
}

export interface ReportModel {
  title: string;
  blocks: Block[];
  footnotes: Footnote[];
}

const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');

/** A text fragment (#:~:text=prefix-,start,end,-suffix) that browsers scroll to and highlight. */
export function textFragmentLink(url: string, q: TextQuoteSelector): string {
  const ws = q.exact.trim().split(/\s+/);
  const target = ws.length > 8 ? `${enc(ws.slice(0, 4).join(' '))},${enc(ws.slice(-4).join(' '))}` : enc(ws.join(' '));
  const pre = q.prefix.trim().split(/\s+/).slice(-3).join(' ');
  const suf = q.suffix.trim().split(/\s+/).slice(0, 3).join(' ');
  return `${url.replace(/#.*$/, '')}#:~:text=${pre ? enc(pre) + '-,' : ''}${target}${suf ? ',-' + enc(suf) : ''}`;
}

const short = (s: string, n = 160) => (s.length > n ? s.slice(0, n - 1).trimEnd() + '…' : s);
const fmt = (x: number) => (Math.round(x * 100) / 100).toString();

export function buildReport(j: Judgement): ReportModel {
  const footnotes: Footnote[] = [];
  const byKey = new Map<string, number>();
  const cite = (s: EvidenceSpan): number => {
    const key = `${s.documentId}|${s.in}|${s.anchor.position.start}|${s.anchor.position.end}`;
    const seen = byKey.get(key);
    if (seen) return seen;
    const n = footnotes.length + 1;
    footnotes.push({
      n, documentId: s.documentId, documentTitle: s.documentTitle, url: s.url, in: s.in,
      start: s.anchor.position.start, end: s.anchor.position.end, quote: s.anchor.quote,
      link: s.url && /^https?:/i.test(s.url) ? textFragmentLink(s.url, s.anchor.quote) : null,
    });
    byKey.set(key, n);
    return n;
  };
  const citeAll = (e: EvidenceItem) => e.spans.map(cite);
  const ev = new Map(j.evidence.map((e) => [e.id, e]));
  const hLabel = (id: string) => `H${id}`;
  const blocks: Block[] = [];
  const title = j.question ?? 'Dossier report';
  blocks.push({ kind: 'heading', level: 1, text: title });

  // hypotheses
  blocks.push({ kind: 'heading', level: 2, text: 'Hypotheses, ranked' });
  if (!j.hypotheses.length) blocks.push({ kind: 'para', sentences: [{ text: 'No hypotheses yet: add them with dossier hypothesis add "…".', cite: [] }] });
  else {
    blocks.push({
      kind: 'para',
      sentences: [{ text: 'Ranked by weighted inconsistency (I = 1, II = 2; least inconsistent first), each rating weighted by source reliability, claim credibility and relevance; evidence from one origin counts once and non-diagnostic items do not count.', cite: [] }],
    });
    blocks.push({
      kind: 'table',
      head: ['Rank', 'Hypothesis', 'Weighted inconsistency', 'Weighted consistency'],
      rows: j.ach.hypotheses.map((h) => [h.rated ? String(h.rank) : '– (nothing rated)', `${hLabel(h.id)}: ${h.text}`, fmt(h.inconsistency), fmt(h.consistency)]),
    });
  }

  // key evidence
  const scored = [...j.ach.evidence].sort((a, b) => b.diagnosticity - a.diagnosticity || a.id.localeCompare(b.id));
  const diagnostic = scored.filter((s) => s.diagnostic);
  blocks.push({ kind: 'heading', level: 2, text: 'Key evidence' });
  if (!diagnostic.length) blocks.push({ kind: 'para', sentences: [{ text: 'No evidence distinguishes the hypotheses yet.', cite: [] }] });
  for (const s of diagnostic) {
    const e = ev.get(s.id)!;
    blocks.push({ kind: 'heading', level: 3, text: `${e.kind === 'claim' ? 'Claim' : 'Quote'} ${e.id}: ${short(e.text, 100)}` });
    const cred = `credibility ${e.credibility.credibility} (${CREDIBILITY_LABEL[e.credibility.credibility]}; ${e.credibility.proposed ? 'proposed' : 'set by the analyst'}: ${e.credibility.reason})`;
    // every sentence about a piece of evidence cites the spans it rests on
    const cites = citeAll(e);
    const sentences: Sentence[] = [
      { text: `“${short(e.text, 240)}”`, cite: cites },
      { text: `Grades: ${e.reliability} (${RELIABILITY_LABEL[e.reliability]}), ${cred}.`, cite: cites },
      { text: `It comes from ${e.origins.length} independent origin${e.origins.length === 1 ? '' : 's'} (${e.origins.map((o) => o.name).join('; ')}) through ${e.chains.length} chain${e.chains.length === 1 ? '' : 's'}.`, cite: cites },
    ];
    const interestedNames = e.origins.filter((o) => e.interested.includes(gradedKey(o))).map((o) => o.name);
    if (interestedNames.length) sentences.push({ text: `Interested part${interestedNames.length === 1 ? 'y' : 'ies'} among its origins: ${interestedNames.join(', ')}.`, cite: cites });
    blocks.push({ kind: 'para', sentences });
    blocks.push({ kind: 'list', items: e.chains.map((c) => [{ text: `Chain: ${formatChain(c)}.`, cite: e.spans.filter((sp) => sp.documentId === c.document.id && sp.anchor.position.start === c.member.start).map(cite) }]) });
    const ratings = j.hypotheses.map((h) => {
      const c = j.cells.find((x) => x.evidenceId === e.id && x.hypothesisId === h.id);
      return c ? `${hLabel(h.id)} ${c.rating}${c.proposed ? ' (proposed)' : ''}${c.weight !== 1 ? ` ×${c.weight}` : ''}` : `${hLabel(h.id)} –`;
    });
    blocks.push({ kind: 'para', sentences: [{ text: `Ratings: ${ratings.join(', ')}; diagnosticity ${fmt(s.diagnosticity)}.`, cite: cites }] });
  }
  const flat = scored.filter((s) => !s.diagnostic);
  if (flat.length) {
    blocks.push({ kind: 'heading', level: 3, text: 'Non-diagnostic evidence (rated alike on every hypothesis; does not move the ranking)' });
    blocks.push({ kind: 'list', items: flat.map((s) => [{ text: `${s.id}: ${short(ev.get(s.id)!.text, 140)}`, cite: citeAll(ev.get(s.id)!) }]) });
  }

  // claims traced to origins (every claim group, rated or not)
  const groups = j.evidence.filter((e) => e.kind === 'claim');
  if (groups.length) {
    blocks.push({ kind: 'heading', level: 2, text: 'Claims and their origins' });
    for (const e of groups) {
      blocks.push({
        kind: 'para',
        sentences: [
          { text: `Claim ${e.id}, “${short(e.text, 200)}”, is stated ${e.chains.length} time${e.chains.length === 1 ? '' : 's'} and traces to ${e.origins.length} independent origin${e.origins.length === 1 ? '' : 's'}: ${e.origins.map((o) => o.name).join('; ')}.`, cite: citeAll(e) },
          { text: `Credibility ${e.credibility.credibility} (${CREDIBILITY_LABEL[e.credibility.credibility]}).`, cite: citeAll(e) },
        ],
      });
      blocks.push({ kind: 'list', items: e.chains.map((c) => [{ text: `${formatChain(c)}.`, cite: e.spans.filter((sp) => sp.documentId === c.document.id && sp.anchor.position.start === c.member.start).map(cite) }]) });
    }
  }

  // interested parties
  blocks.push({ kind: 'heading', level: 2, text: 'Interested parties' });
  if (!j.interested.length) blocks.push({ kind: 'para', sentences: [{ text: 'No source was flagged as a party speaking about its adversary.', cite: [] }] });
  else {
    blocks.push({
      kind: 'list',
      items: j.interested.map((f) => {
        const spans = f.quoteIds.flatMap((qid) => (ev.get(qid)?.spans ?? j.evidence.find((e) => e.kind === 'claim' && e.chains.some((c) => `${c.document.id}:${c.quoteId}` === qid))?.spans.filter((sp) => `${sp.documentId}` === qid.split(':')[0]) ?? []));
        const status = f.confirmed === null ? 'flag to confirm' : f.confirmed ? 'confirmed by the analyst' : 'rejected by the analyst';
        return [{ text: `${f.sourceName} (${f.kind}) is described as “${short(f.affiliation, 120)}”, a party to the conflict (${f.party.name}), and speaks about its adversary ${f.about.map((a) => a.name).join(', ')} (${status}).`, cite: spans.map(cite) }];
      }),
    });
  }

  // sensitivity
  blocks.push({ kind: 'heading', level: 2, text: 'Sensitivity' });
  const sens = j.sensitivity;
  if (!j.hypotheses.length || !j.ach.evidence.length) blocks.push({ kind: 'para', sentences: [{ text: 'Nothing to test until hypotheses are rated against evidence.', cite: [] }] });
  else if (!sens.findings.length) blocks.push({ kind: 'para', sentences: [{ text: `The ranking holds if any single evidence item or source is removed or reversed (${sens.stable.length} tested).`, cite: [] }] });
  else {
    blocks.push({
      kind: 'list',
      items: sens.findings.map((f) => {
        const order = f.after.map(hLabel).join(' > ');
        const what = f.kind === 'evidence' ? `evidence ${f.id} (“${short(ev.get(f.id)?.text ?? f.label, 90)}”)` : `every item from source ${f.label}`;
        const how = f.change === 'removed' ? 'were removed' : 'were wrong (its ratings reversed)';
        const spans = f.kind === 'evidence' ? (ev.get(f.id)?.spans ?? []) : j.evidence.filter((e) => e.origins.some((o) => o.key === f.id) && j.ach.evidence.some((a) => a.id === e.id)).flatMap((e) => e.spans).slice(0, 6);
        return [{ text: `If ${what} ${how}, the ranking would become ${order}${f.leaderChanges ? `, and ${hLabel(f.after[0])} would lead instead of ${hLabel(f.before[0])}` : ''}.`, cite: spans.map(cite) }];
      }),
    });
  }

  // sources
  const graded = j.sources.filter((s) => s.reason !== null);
  blocks.push({ kind: 'heading', level: 2, text: 'Source grades' });
  if (!graded.length) blocks.push({ kind: 'para', sentences: [{ text: `No source is graded yet; all ${j.sources.length} count as F (cannot be judged).`, cite: [] }] });
  else blocks.push({ kind: 'table', head: ['Source', 'Kind', 'Reliability', 'Reason'], rows: graded.map((s) => [s.name, s.kinds.join(', '), `${s.reliability} (${RELIABILITY_LABEL[s.reliability]})`, s.reason ?? '']) });
  return { title, blocks, footnotes };
}
