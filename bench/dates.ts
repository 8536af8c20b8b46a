// The dates stage against bare wink-nlp readDoc on the same text: the stage must stay cheap
// (chrono runs only on sentences the prefilter flags). Also the tokens+dates pipeline as a whole.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { throughput, type BenchRow } from './lib.js';
import { newContext } from '../src/nlp/pipeline.js';
import { tokensStage } from '../src/nlp/stages/01-tokens.js';
import { datesStage } from '../src/nlp/stages/02-dates.js';
import type { Document } from '../src/types.js';

// A fictional news article of ~6 KB: about one sentence in four mentions a date, as in reporting.
const SENTENCES = [
  'The Portvale council voted to close the harbour bridge for repairs.',
  'In February last year the mayor promised a new ferry route to the east side.',
  'Residents said the closure had doubled their journeys to work.',
  'A council engineer told the Portvale Courier that the deck was no longer safe.',
  'Work began in May 2015 and was expected to last two years.',
  'The opposition accused the council of hiding the true cost of the project.',
  'Last Sunday a crowd gathered at the quay to protest against the tolls.',
  'The harbour master said the gates would stay shut until the inspection was complete.',
  'Shipping firms have moved some of their trade to the port of Eastmere.',
  'The council may publish the inspection report once the lawyers have read it.',
];
const TEXT = Array.from({ length: 8 }, (_, i) => SENTENCES.map((s, j) => (j === (i % SENTENCES.length) ? s.replace('council', 'city council') : s)).join(' ')).join('\n\n');
const DOC: Document = { title: null, author: null, publisher: null, publishedAt: '2016-03-31', language: 'en', text: TEXT, comments: [], format: 'text' };

export async function run(): Promise<BenchRow[]> {
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const kb = TEXT.length / 1024;
  const ref = await throughput(() => nlp.readDoc(TEXT));
  const tokenized = newContext(DOC);
  tokensStage.run(tokenized);
  const dates = await throughput(() => datesStage.run({ ...tokenized, times: [], referenceDate: DOC.publishedAt }));
  const tokensOnly = await throughput(() => tokensStage.run(newContext(DOC)));
  const both = await throughput(() => {
    const ctx = newContext(DOC);
    tokensStage.run(ctx);
    datesStage.run(ctx);
  });
  const reference = { name: 'wink readDoc', value: ref * kb };
  return [
    { capability: 'dates stage (on tokenized text)', unit: 'KB/s', value: dates * kb, reference },
    { capability: 'tokens stage alone (for comparison)', unit: 'KB/s', value: tokensOnly * kb, reference },
    { capability: 'tokens + dates stages', unit: 'KB/s', value: both * kb, reference },
  ];
}
