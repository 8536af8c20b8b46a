// Small fictional documents for the judgement tests: spans are found by searching the text, so the
// fixtures stay readable and the offsets stay right.
import type { DocumentRecord } from '../../src/analysis/model.js';
import type { Entity, EntityType, Quote } from '../../src/types.js';

export function span(text: string, part: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`fixture: "${part}" not in text`);
  return { start, end: start + part.length };
}

export function entity(text: string, id: string, name: string, type: EntityType, forms: string[]): Entity {
  const mentions = forms.flatMap((f) => {
    const out = [];
    for (let at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + 1)) out.push({ in: 'document', start: at, end: at + f.length, text: f });
    return out;
  });
  return { id, key: `${name.toLowerCase()}|${type}`, name, type, aliases: forms, mentions };
}

export function quote(text: string, id: string, content: string, speaker: string, speakerEntity: string | null, cue: string, via: string[] = []): Quote {
  const c = span(text, content);
  const s = text.lastIndexOf(speaker, c.start) >= 0 ? text.lastIndexOf(speaker, c.start) : text.indexOf(speaker);
  return {
    id, in: 'document', ...c, content, direct: false, cue,
    speaker: { text: speaker, entityId: speakerEntity, start: s, end: s + speaker.length },
    via: via.map((v) => ({ text: v, entityId: null })),
  };
}

export function doc(id: string, publisher: string, title: string, text: string, entities: Entity[], quotes: Quote[]): DocumentRecord {
  return { id, title, author: null, publisher, publishedAt: '2024-03-01', url: `https://example.org/${id}`, text, comments: [], entities, quotes, events: [] };
}

// Harbour Herald: an interested officer, an outlet's own documents, a disinterested mayor.
const A_TEXT =
  'Colonel Mira Dask of the Southern Front said that the Northland Army shelled the bridge at Orsk. ' +
  'The Coast Courier obtained papers proving that the Northland Army left Orsk in 2019. ' +
  'Mayor Ilse Varga said the bridge was intact.';
export const DOC_A = doc('1', 'Harbour Herald', 'Orsk bridge dispute', A_TEXT, [
  entity(A_TEXT, 'e1', 'Mira Dask', 'PERSON', ['Colonel Mira Dask']),
  entity(A_TEXT, 'e2', 'Southern Front', 'ORG', ['Southern Front']),
  entity(A_TEXT, 'e3', 'Northland Army', 'ORG', ['Northland Army']),
  entity(A_TEXT, 'e4', 'Coast Courier', 'ORG', ['Coast Courier']),
  entity(A_TEXT, 'e5', 'Ilse Varga', 'PERSON', ['Mayor Ilse Varga']),
], [
  quote(A_TEXT, 'q1', 'the Northland Army shelled the bridge at Orsk', 'Colonel Mira Dask', 'e1', 'said'),
  quote(A_TEXT, 'q2', 'the bridge was intact', 'Mayor Ilse Varga', 'e5', 'said'),
]);

// Valley Post: relays the Coast Courier twice, once through an unnamed official.
const B_TEXT =
  'According to the Coast Courier, the Northland Army left Orsk in 2019. ' +
  'A Northland official told the Coast Courier that the army had left Orsk.';
export const DOC_B = doc('2', 'Valley Post', 'Orsk, five years on', B_TEXT, [
  entity(B_TEXT, 'e1', 'Coast Courier', 'ORG', ['Coast Courier']),
  entity(B_TEXT, 'e2', 'Northland Army', 'ORG', ['Northland Army']),
], [quote(B_TEXT, 'q1', 'the army had left Orsk', 'A Northland official', null, 'told', ['the Coast Courier'])]);

export const FICTIONAL_PARTIES = [
  { id: 'northland', name: 'Northland', aliases: ['Northland Army', 'Northland'], adversaries: ['southern-front'] },
  { id: 'southern-front', name: 'Southern Front', aliases: ['Southern Front'], adversaries: ['northland'] },
];

import type { DossierSnapshot } from '../../src/analysis/model.js';

/** Both documents, one claim relayed three times, two hypotheses rated by the analyst, one grade. */
export function fixtureSnapshot(): DossierSnapshot {
  const a = span(DOC_A.text, 'the Northland Army left Orsk in 2019');
  const b = span(DOC_B.text, 'the Northland Army left Orsk in 2019');
  const q = DOC_B.quotes[0];
  return {
    question: 'Did the Northland Army leave Orsk?',
    documents: [DOC_A, DOC_B],
    claims: [{
      id: 'k1', text: 'the Northland Army left Orsk in 2019',
      members: [
        { documentId: '1', quoteId: null, in: 'document', ...a, text: 'the Northland Army left Orsk in 2019' },
        { documentId: '2', quoteId: null, in: 'document', ...b, text: 'the Northland Army left Orsk in 2019' },
        { documentId: '2', quoteId: 'q1', in: 'document', start: q.start, end: q.end, text: q.content },
      ],
    }],
    grades: [{ key: 'coast courier', name: 'Coast Courier', kind: 'outlet', reliability: 'B', reason: 'long record of <accurate> reporting' }],
    hypotheses: [{ id: '1', text: 'The Northland Army withdrew' }, { id: '2', text: 'The Northland Army still holds Orsk' }],
    ratings: [
      { evidenceKind: 'claim', evidenceId: 'k1', hypothesisId: '1', rating: 'CC', weight: 1, proposed: false },
      { evidenceKind: 'claim', evidenceId: 'k1', hypothesisId: '2', rating: 'II', weight: 1, proposed: false },
      { evidenceKind: 'quote', evidenceId: '1:q1', hypothesisId: '1', rating: 'I', weight: 1, proposed: false },
      { evidenceKind: 'quote', evidenceId: '1:q1', hypothesisId: '2', rating: 'C', weight: 1, proposed: false },
    ],
    overrides: [],
  };
}
