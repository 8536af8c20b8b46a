// The events stage against bare wink-nlp readDoc on the same text, and the whole analyze pipeline
// (which must stay >= 0.5x readDoc). The events stage runs on a context the earlier stages filled.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { throughput, type BenchRow } from './lib.js';
import { runPipeline, STAGES } from '../src/nlp/pipeline.js';
import { eventsStage } from '../src/nlp/stages/events/index.js';
import type { Document } from '../src/types.js';

// A fictional conflict report of ~7 KB, dense in events as war reporting is.
const SENTENCES = [
  'The Northern Front withdrew from Valmora in March 2019 after weeks of shelling.',
  'The Harbour Ledger reported that the Kestrel Brigade took Drenport without a fight.',
  'Commander Ilse Varga said the brigade had been trading fuel with the Front for months.',
  'The Lowland Council imposed new sanctions on both groups last year.',
  '"They refused to withdraw from Sarkel," a council spokesman told reporters.',
  'Air strikes hit the old market in Tessin on Sunday, residents said.',
  'The Front denied attacking civilians and accused the Kestrels of looting the port.',
  'Both sides agreed to meet in Eastmere for talks in April.',
  'Varga threatened to retake Valmora before the winter.',
  'The council has not confirmed whether the ceasefire will hold.',
];
const TEXT = Array.from({ length: 8 }, () => SENTENCES.join(' ')).join('\n\n');
const DOC: Document = { title: null, author: null, publisher: null, publishedAt: '2020-05-04', language: 'en', text: TEXT, comments: [], format: 'text' };

export async function run(): Promise<BenchRow[]> {
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const kb = TEXT.length / 1024;
  const filled = runPipeline(DOC, STAGES.filter((s) => s !== eventsStage));
  // Both sides are warmed up for the same time first, so the ratio compares optimised code.
  await throughput(() => nlp.readDoc(TEXT), 500);
  await throughput(() => eventsStage.run({ ...filled, events: [] }), 500);
  const ref = await throughput(() => nlp.readDoc(TEXT));
  const events = await throughput(() => eventsStage.run({ ...filled, events: [] }));
  const whole = await throughput(() => runPipeline(DOC));
  const reference = { name: 'wink readDoc', value: ref * kb };
  return [
    { capability: 'events stage (on a filled context)', unit: 'KB/s', value: events * kb, reference, note: `${runPipeline(DOC).events.length} events` },
    { capability: 'analyze pipeline (all stages)', unit: 'KB/s', value: whole * kb, reference },
  ];
}
