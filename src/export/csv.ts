// CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line
// break). One table per export, chosen with --table: quotes (default), claims, entities or sources.
// Lists inside a cell are joined with " | ".
import type { Judgement } from '../analysis/judgement.js';
import type { DossierSnapshot } from '../analysis/model.js';
import { speakerName, outletName } from '../analysis/sources.js';

export const CSV_TABLES = ['quotes', 'claims', 'entities', 'sources'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export function csvField(v: string | number | boolean | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: (string | number | boolean | null)[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function csvTable(table: CsvTable, snap: DossierSnapshot, j: Judgement): string {
  switch (table) {
    case 'quotes':
      return toCsv([
        ['document_id', 'document_title', 'quote_id', 'in', 'start', 'end', 'speaker', 'speaker_as_written', 'cue', 'direct', 'via', 'content'],
        ...snap.documents.flatMap((d) =>
          d.quotes.map((q) => [d.id, d.title, q.id, q.in, q.start, q.end, speakerName(d, q), q.speaker.text, q.cue, q.direct, q.via.map((v) => outletName(d, v)).join(' | '), q.content]),
        ),
      ]);
    case 'claims':
      return toCsv([
        ['claim_id', 'text', 'statements', 'origins', 'origin_count', 'reliability', 'credibility', 'credibility_set_by', 'interested_origins'],
        ...j.evidence
          .filter((e) => e.kind === 'claim')
          .map((e) => [e.id, e.text, e.chains.length, e.origins.map((o) => o.name).join(' | '), e.origins.length, e.reliability, e.credibility.credibility, e.credibility.proposed ? 'proposal' : 'analyst', e.interested.join(' | ')]),
      ]);
    case 'entities': {
      const byKey = new Map<string, { name: string; type: string; aliases: Set<string>; documents: Set<string>; mentions: number }>();
      for (const d of snap.documents) for (const e of d.entities) {
        const x = byKey.get(e.key) ?? { name: e.name, type: e.type, aliases: new Set<string>(), documents: new Set<string>(), mentions: 0 };
        for (const a of e.aliases) x.aliases.add(a);
        x.documents.add(d.id);
        x.mentions += e.mentions.length;
        byKey.set(e.key, x);
      }
      return toCsv([
        ['key', 'name', 'type', 'aliases', 'documents', 'mentions'],
        ...[...byKey].map(([k, x]) => [k, x.name, x.type, [...x.aliases].join(' | '), x.documents.size, x.mentions]),
      ]);
    }
    case 'sources': {
      const flagged = new Map(j.interested.map((f) => [f.sourceKey, f.party.name]));
      return toCsv([
        ['key', 'name', 'kinds', 'named', 'reliability', 'reason', 'documents', 'quotes', 'interested_party'],
        ...j.sources.map((s) => [s.key, s.name, s.kinds.join(' | '), s.named, s.reliability, s.reason, s.documents.length, s.quotes, flagged.get(s.key) ?? null]),
      ]);
    }
  }
}
