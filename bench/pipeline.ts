// The whole analyze pipeline (runPipeline) against bare wink-nlp readDoc on the same texts, in the
// same process. The texts are written for this benchmark: fictional reporting, names included.
//
// The reference is *bare* readDoc: `winkNLP(model)` with its default pipe, what a user gets out of
// the box. The pipeline itself reads with a lighter instance (sentences and POS only), so a second
// row states the ratio against that one too.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { runPipeline } from '../src/nlp/pipeline.js';
import { tokensStage, wink } from '../src/nlp/stages/01-tokens.js';
import { entitiesStage } from '../src/nlp/stages/entities/index.js';
import type { Document } from '../src/types.js';
import { bestThroughputs, type BenchRow } from './lib.js';

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
  const bare = winkNLP(model);
  const light = wink();
  // Steady state is compared, so every contender is warmed for 4 s first: the pipeline's many large
  // functions reach optimised code only after ~3 s of CPU (~1,000 documents); with the 1 s warm-up the
  // same build printed anything from 0.34x to 0.61x, depending on how far the JIT had got.
  const { reference, lightReference, pipeline } = await bestThroughputs({
    reference: () => { for (const t of TEXTS) bare.readDoc(t); },
    lightReference: () => { for (const t of TEXTS) light.readDoc(t); },
    pipeline: () => { for (const d of DOCS) runPipeline(d); },
  }, 8, 250, 4000);
  // The entities stage on its own, against the tokenisation it rests on (its budget: no more than that).
  const tokenized = DOCS.map((d) => runPipeline(d, [tokensStage]));
  const { tokens, entities } = await bestThroughputs({
    tokens: () => { for (const d of DOCS) runPipeline(d, [tokensStage]); },
    entities: () => { for (const c of tokenized) entitiesStage.run(c); },
  });
  const perDoc = (setsPerSecond: number) => setsPerSecond * TEXTS.length;
  return [{
    capability: 'analyze pipeline (runPipeline)',
    unit: 'docs/s',
    value: perDoc(pipeline),
    reference: { name: 'wink readDoc', value: perDoc(reference) },
  }, {
    capability: 'analyze pipeline (runPipeline)',
    unit: 'docs/s',
    value: perDoc(pipeline),
    reference: { name: "wink readDoc, pipe ['sbd','pos']", value: perDoc(lightReference) },
  }, {
    capability: 'entities stage alone',
    unit: 'docs/s',
    value: perDoc(entities),
    reference: { name: 'tokens stage', value: perDoc(tokens) },
  }];
}
