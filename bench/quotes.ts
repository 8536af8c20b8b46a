// Quotes stage throughput against bare wink-nlp readDoc on the same text (the pipeline must stay >= 0.5x).
// The input is written here: fictional speakers and outlets in the sentence shapes the stage reads.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { tokenize } from '../src/nlp/stages/01-tokens.js';
import { quotesOfSection } from '../src/nlp/stages/quotes/index.js';
import { throughput, type BenchRow } from './lib.js';

const PARAGRAPHS = [
  'Harbour official Lena Moss confirmed that the ferry had been sold twice before the winter storms closed the port.',
  '“The cranes have stood idle for months,” she explains. “Nobody in the council wanted to say so in public.”',
  'A Brastovian trade envoy told the Northgate Herald that the tariffs would rise, adding that the talks had stalled.',
  'According to the Valmont Courier, the dam was never inspected after the flood of the previous spring.',
  'The Pellham Gazette quoted General Ira Stone as saying last week: “the bridge will reopen in May, whatever the cost.”',
  'There was nothing unusual about the shipments, one trader close to the council added. The prices rose again in March.',
  'Shipping analyst Dana Fell is sure that the two firms had been trading across the border for several years.',
];

export async function run(): Promise<BenchRow[]> {
  const text = Array.from({ length: 8 }, () => PARAGRAPHS.join('\n\n')).join('\n\n');
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const reference = await throughput(() => nlp.readDoc(text));
  const section = tokenize('document', text);
  const stageOnly = await throughput(() => quotesOfSection(section, []));
  const tokensOnly = await throughput(() => tokenize('document', text));
  const withTokens = await throughput(() => quotesOfSection(tokenize('document', text), []));
  const ref = { name: 'wink readDoc', value: reference };
  return [
    { capability: 'quotes stage alone (docs/s)', unit: 'docs/s', value: stageOnly, reference: ref, note: `${text.length} chars` },
    { capability: 'tokens stage alone (docs/s)', unit: 'docs/s', value: tokensOnly, reference: ref },
    { capability: 'tokens + quotes (docs/s)', unit: 'docs/s', value: withTokens, reference: ref },
  ];
}
