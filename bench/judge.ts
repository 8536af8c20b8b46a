// Judging a dossier (sources, interested parties, origins, credibility, proposed ratings, ACH scores,
// sensitivity) and rendering its report, against bare wink-nlp readDoc over the same texts: judging
// should cost a small fraction of reading.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { throughput, type BenchRow } from './lib.js';
import { analyzeDocument } from '../src/nlp/pipeline.js';
import { judge } from '../src/analysis/judgement.js';
import type { DocumentRecord, DossierSnapshot } from '../src/analysis/model.js';
import { buildReport } from '../src/report/model.js';
import { renderMarkdown } from '../src/report/markdown.js';
import type { Document } from '../src/types.js';

// Fictional reporting on a fictional-outlet conflict, varied per document so quotes differ.
const LINES = [
  'Colonel Dara Venn of the FSA said that the Syrian army withdrew from the hill town of Kessa without a fight.',
  'A government adviser told the Harbour Ledger that the withdrawal was a deliberate policy.',
  'According to the Coast Courier, ISIS fighters were allowed to leave the town unopposed.',
  '“We traded fuel with everyone,” one merchant close to the regime said.',
  'The regime denied any coordination with ISIS, the ministry said in a statement.',
  'Observers point to the lower level of strikes against ISIS positions near the river.',
];
function text(i: number): string {
  return Array.from({ length: 6 }, (_, k) => LINES[(i + k) % LINES.length].replace('Kessa', `Kessa-${i % 7}`)).join(' ');
}

export async function run(): Promise<BenchRow[]> {
  const texts = Array.from({ length: 40 }, (_, i) => text(i));
  const documents: DocumentRecord[] = texts.map((t, i) => {
    const doc: Document = { title: `Report ${i}`, author: null, publisher: `Outlet ${i % 5}`, publishedAt: '2016-03-31', language: 'en', text: t, comments: [], format: 'text' };
    const a = analyzeDocument(doc, `bench-${i}.txt`);
    return { id: String(i + 1), title: doc.title, author: null, publisher: doc.publisher, publishedAt: doc.publishedAt, url: null, text: t, comments: [], entities: a.entities, quotes: a.quotes, events: a.events };
  });
  const snap: DossierSnapshot = {
    question: 'Is the regime colluding with ISIS?', documents, claims: [], grades: [], ratings: [], overrides: [],
    hypotheses: [
      { id: '1', text: 'The regime actively coordinates with ISIS' },
      { id: '2', text: 'The regime and ISIS co-exist tacitly without coordination' },
      { id: '3', text: 'The collusion claims are fabrications by opposition sources' },
    ],
  };
  const kb = texts.reduce((n, t) => n + t.length, 0) / 1024;
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const ref = await throughput(() => { for (const t of texts) nlp.readDoc(t); });
  const judged = await throughput(() => judge(snap));
  const reported = await throughput(() => renderMarkdown(buildReport(judge(snap))));
  const reference = { name: 'wink readDoc', value: ref * kb };
  return [
    { capability: `judge ${documents.length} documents (ACH + sensitivity)`, unit: 'KB/s', value: judged * kb, reference },
    { capability: 'judge + Markdown report', unit: 'KB/s', value: reported * kb, reference },
  ];
}
