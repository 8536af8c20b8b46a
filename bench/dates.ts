// The dates stage against bare wink-nlp readDoc on the same text: the stage must stay cheap
// (chrono runs only on sentences the prefilter flags). Also the tokens+dates pipeline as a whole.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { throughput, type BenchRow } from './lib.js';
import { newContext } from '../src/nlp/pipeline.js';
import { tokensStage } from '../src/nlp/stages/01-tokens.js';
import { datesStage } from '../src/nlp/stages/02-dates.js';
import type { Document } from '../src/types.js';

// A fictional news article of ~12 KB where 3 sentences in 20 (15%) carry a month, weekday or relative
// date word — close to the 13% measured on PolNeAR dev news (454 of 3,426 sentences).
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
  'Several shopkeepers on the quay reported a sharp fall in trade.',
  'The ferry operator said it could add two boats if the council paid for them.',
  'An independent surveyor questioned whether the repairs were needed at all.',
  'The regional transport board declined to comment on the dispute.',
  'Local fishermen said the closure had not affected their catch.',
  'A petition calling for the bridge to reopen has gathered thousands of signatures.',
  'The mayor insisted that safety had to come before convenience.',
  'Opposition councillors demanded to see the full engineering report.',
  'Tourist numbers on the east side have held up better than expected.',
  'The council will debate the matter again when the report is published.',
];
const TEXT = Array.from({ length: 8 }, (_, i) => SENTENCES.map((s, j) => (j === (i % SENTENCES.length) ? s.replace('council', 'city council') : s)).join(' ')).join('\n\n');
const DOC: Document = { title: null, author: null, publisher: null, publishedAt: '2016-03-31', language: 'en', text: TEXT, comments: [], format: 'text' };

export async function run(): Promise<BenchRow[]> {
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const kb = TEXT.length / 1024;
  const tokenized = newContext(DOC);
  tokensStage.run(tokenized);
  const subjects: Record<string, () => unknown> = {
    ref: () => nlp.readDoc(TEXT),
    dates: () => datesStage.run({ ...tokenized, times: [], referenceDate: DOC.publishedAt }),
    tokens: () => tokensStage.run(newContext(DOC)),
    both: () => {
      const ctx = newContext(DOC);
      tokensStage.run(ctx);
      datesStage.run(ctx);
    },
  };
  // Alternate short rounds and keep each subject's best: on a shared, loaded machine a load spike
  // then hits every subject alike instead of skewing one ratio.
  const best: Record<string, number> = {};
  for (let round = 0; round < 3; round++)
    for (const [name, fn] of Object.entries(subjects)) best[name] = Math.max(best[name] ?? 0, await throughput(fn, 500));
  const reference = { name: 'wink readDoc', value: best.ref * kb };
  return [
    { capability: 'dates stage (on tokenized text)', unit: 'KB/s', value: best.dates * kb, reference },
    { capability: 'tokens stage alone (for comparison)', unit: 'KB/s', value: best.tokens * kb, reference },
    { capability: 'tokens + dates stages', unit: 'KB/s', value: best.both * kb, reference },
  ];
}
