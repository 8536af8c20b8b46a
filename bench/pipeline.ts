// The whole analyze pipeline (runPipeline) against bare wink-nlp readDoc on the same texts, in the
// same process. The texts are written for this benchmark: fictional reporting, names included.
import { runPipeline } from '../src/nlp/pipeline.js';
import { wink } from '../src/nlp/stages/01-tokens.js';
import type { Document } from '../src/types.js';
import { throughput, type BenchRow } from './lib.js';

const PARAGRAPHS = [
  'Colonel Darin Velasko of the Coastal Guard told the Harbour Times on Monday that fighters from the Islamic State had withdrawn from Al-Raqqa overnight. Velasko said the convoy moved towards Deir ez-Zor.',
  'The Syrian government denied the report. A spokesman for the Assad regime said in Damascus that the army still held the airport, while the Free Syrian Army (FSA) claimed the opposite.',
  'Foreign Secretary Alan Pemberton met officials from the United Nations in Geneva. He said the talks would resume in March and that the UN Security Council would meet again.',
  'Residents of Aleppo described shelling near the old market. "We have no water," one woman said. The Red Crescent said it had sent trucks from Homs, but the SAA blocked the road.',
  'Analysts at the Institute for Regional Studies in London argue that Daesh and the regime traded oil. Mr Pemberton did not comment; Velasko declined to name his sources.',
];
// Eight documents of growing length, so short and long texts both count.
const TEXTS = Array.from({ length: 8 }, (_, k) => Array.from({ length: 2 + k }, (_, j) => PARAGRAPHS[(j + k) % PARAGRAPHS.length]).join('\n\n'));
const DOCS: Document[] = TEXTS.map((text) => ({ text, comments: [], title: null, author: null, publisher: null, publishedAt: null, language: 'en', format: 'text' }));

export async function run(): Promise<BenchRow[]> {
  const nlp = wink();
  const reference = await throughput(() => { for (const t of TEXTS) nlp.readDoc(t); });
  const pipeline = await throughput(() => { for (const d of DOCS) runPipeline(d); });
  const perDoc = (setsPerSecond: number) => setsPerSecond * TEXTS.length;
  return [{
    capability: 'analyze pipeline (runPipeline)',
    unit: 'docs/s',
    value: perDoc(pipeline),
    reference: { name: 'wink readDoc', value: perDoc(reference) },
  }];
}
