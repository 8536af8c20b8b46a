// A STIX 2.1 bundle (OASIS STIX 2.1, sections 4–7): an identity per source and named person/org, a
// report per document, relationship objects for quoted-via and event links, notes for quotes, claims,
// hypotheses, grades and interested-party flags, and opinions for ACH ratings. Ids are UUIDv5 of stable
// keys, so a re-export updates objects instead of duplicating them.
import type { Judgement } from '../analysis/judgement.js';
import type { DossierSnapshot, RatingValue } from '../analysis/model.js';
import { outletName, publisherName, sourceKey, speakerName } from '../analysis/sources.js';
import { uuidv5 } from './uuid.js';

export type StixObject = { type: string; id: string; spec_version?: string; [k: string]: unknown };

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

const OPINION: Record<Exclude<RatingValue, 'NA'>, string> = { CC: 'strongly-agree', C: 'agree', N: 'neutral', I: 'disagree', II: 'strongly-disagree' };

/** A STIX timestamp: RFC 3339 in UTC with a Z; a date alone becomes midnight UTC. */
export function stixTime(iso: string | null, fallback: string): string {
  if (!iso) return fallback;
  const d = new Date(/^\d{4}$/.test(iso) ? `${iso}-01-01` : /^\d{4}-\d{2}$/.test(iso) ? `${iso}-01` : iso);
  return Number.isNaN(d.getTime()) ? fallback : d.toISOString();
}

export function toStix(snap: DossierSnapshot, j: Judgement, now: string): StixBundle {
  const objects: StixObject[] = [];
  const seen = new Set<string>();
  const common = (type: string, key: string) => ({ type, spec_version: '2.1', id: `${type}--${uuidv5(`${type}|${key}`)}`, created: now, modified: now });
  const push = (o: StixObject) => {
    if (!seen.has(o.id)) {
      seen.add(o.id);
      objects.push(o);
    }
    return o.id;
  };
  const analyst = push({ ...common('identity', 'dossier analyst'), name: 'Dossier analyst', identity_class: 'individual', description: 'The analyst who graded sources and rated evidence in this dossier.' });
  const identity = (name: string, cls: string) => {
    const key = sourceKey(name) || name;
    return push({ ...common('identity', key), name, identity_class: cls });
  };
  const reportIds = new Map<string, string>();
  const quoteNotes = new Map<string, string>();

  for (const doc of snap.documents) {
    const refs = new Set<string>();
    refs.add(identity(publisherName(doc), 'organization'));
    for (const e of doc.entities) if (e.type === 'PERSON' || e.type === 'ORG') refs.add(identity(e.name, e.type === 'PERSON' ? 'individual' : 'organization'));
    const reportId = common('report', `document|${doc.id}`).id;
    reportIds.set(doc.id, reportId);
    for (const q of doc.quotes) {
      const speaker = identity(speakerName(doc, q), q.speaker.entityId ? (doc.entities.find((e) => e.id === q.speaker.entityId)?.type === 'ORG' ? 'organization' : 'individual') : 'unknown');
      refs.add(speaker);
      const noteId = push({
        ...common('note', `quote|${doc.id}|${q.id}`), abstract: `${speakerName(doc, q)}${q.cue ? ` (${q.cue})` : ''}`, content: q.content,
        authors: [speakerName(doc, q)], object_refs: [reportId, speaker],
        x_dossier_span: { document: doc.id, in: q.in, start: q.start, end: q.end },
      });
      quoteNotes.set(`${doc.id}:${q.id}`, noteId);
      for (const v of q.via) {
        const outlet = identity(outletName(doc, v), 'organization');
        refs.add(outlet);
        push({ ...common('relationship', `via|${speaker}|${outlet}`), relationship_type: 'related-to', source_ref: speaker, target_ref: outlet, description: 'quoted via this outlet' });
      }
    }
    for (const ev of doc.events) {
      const names = ev.actors.map((a) => doc.entities.find((e) => e.id === a)).filter((e) => e && (e.type === 'PERSON' || e.type === 'ORG'));
      for (let i = 1; i < names.length; i++) {
        const s = identity(names[0]!.name, names[0]!.type === 'PERSON' ? 'individual' : 'organization');
        const t = identity(names[i]!.name, names[i]!.type === 'PERSON' ? 'individual' : 'organization');
        push({ ...common('relationship', `event|${doc.id}|${ev.id}|${i}`), relationship_type: 'related-to', source_ref: s, target_ref: t, description: ev.text, x_dossier_cameo: ev.cameo, ...(ev.date ? { x_dossier_date: ev.date } : {}) });
      }
    }
    push({
      ...common('report', `document|${doc.id}`), name: doc.title ?? `document ${doc.id}`, published: stixTime(doc.publishedAt, now),
      report_types: ['unspecified'], object_refs: [...refs], ...(doc.url ? { external_references: [{ source_name: publisherName(doc), url: doc.url }] } : {}),
      ...(doc.author ? { x_dossier_author: doc.author } : {}),
    });
  }

  const evidenceNote = new Map<string, string>(quoteNotes);
  for (const e of j.evidence.filter((x) => x.kind === 'claim')) {
    const refs = [...new Set(e.spans.map((s) => reportIds.get(s.documentId)).filter((x): x is string => !!x))];
    evidenceNote.set(e.id, push({
      ...common('note', `claim|${e.id}`), abstract: `Claim ${e.id}`, content: e.text, created_by_ref: analyst,
      object_refs: refs.length ? refs : [analyst],
      x_dossier_origins: e.origins.map((o) => o.name), x_dossier_credibility: e.credibility.credibility, x_dossier_credibility_proposed: e.credibility.proposed,
    }));
  }
  const allReports = [...reportIds.values()];
  const hypNotes = new Map<string, string>();
  for (const h of j.hypotheses) {
    hypNotes.set(h.id, push({ ...common('note', `hypothesis|${h.id}`), abstract: `Hypothesis ${h.id}`, content: h.text, created_by_ref: analyst, object_refs: allReports.length ? allReports : [analyst] }));
  }
  for (const c of j.cells) {
    const ev = evidenceNote.get(c.evidenceId);
    const hy = hypNotes.get(c.hypothesisId);
    if (!ev || !hy || c.rating === 'NA') continue;
    push({
      ...common('opinion', `rating|${c.evidenceId}|${c.hypothesisId}`), opinion: OPINION[c.rating], created_by_ref: analyst,
      explanation: `Evidence ${c.evidenceId} rated ${c.rating} against hypothesis ${c.hypothesisId}${c.proposed ? ' (proposed by Dossier, not yet confirmed)' : ''}${c.note ? `: ${c.note}` : ''}`,
      object_refs: [ev, hy], x_dossier_rating: c.rating, x_dossier_weight: c.weight, x_dossier_proposed: c.proposed,
    });
  }
  for (const s of j.sources.filter((x) => x.reason !== null)) {
    const id = identity(s.name, s.kinds.includes('speaker') ? 'individual' : 'organization');
    push({ ...common('note', `grade|${s.key}`), abstract: `Reliability ${s.reliability}`, content: s.reason ?? '', created_by_ref: analyst, object_refs: [id], x_dossier_reliability: s.reliability });
  }
  for (const f of j.interested) {
    const id = identity(f.sourceName, f.kind === 'speaker' ? 'individual' : 'organization');
    push({
      ...common('note', `interested|${f.sourceKey}|${f.party.id}`), abstract: `Interested party: ${f.party.name}`,
      content: `${f.sourceName} is described as "${f.affiliation}" and speaks about ${f.about.map((a) => a.name).join(', ')}.`,
      created_by_ref: analyst, object_refs: [id], x_dossier_confirmed: f.confirmed,
    });
  }
  return { type: 'bundle', id: `bundle--${uuidv5(`bundle|${objects.map((o) => o.id).join(',')}`)}`, objects };
}
