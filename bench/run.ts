// `npm run bench`: each capability prints its throughput as a ratio against a reference measured
// in the same process. Pass names to run only some: `npm run bench -- extraction pipeline`.
import { formatRow, type BenchRow } from './lib.js';
import { run as dates } from './dates.js';
import { run as server } from './server.js';
import { run as extraction } from './extraction.js';
import { run as judge } from './judge.js';
import { run as store } from './store.js';
import { run as events } from './events.js';
import * as quotes from './quotes.js';
import { run as pipeline } from './pipeline.js';

type Bench = { name: string; run: () => Promise<BenchRow[]> };

// Each benchmark module registers itself here.
const BENCHES: Bench[] = [
  { name: 'dates', run: dates },
  { name: 'pipeline', run: pipeline },
  { name: 'quotes', run: quotes.run },
  { name: 'events', run: events },
  { name: 'extraction', run: extraction },
  { name: 'judge', run: judge },
  { name: 'store', run: store },
  { name: 'server', run: server },
];

const only = process.argv.slice(2);
for (const b of BENCHES) {
  if (only.length && !only.includes(b.name)) continue;
  const rows = await b.run();
  for (const r of rows) console.log(formatRow(r));
}
if (!BENCHES.length) console.log('bench: no benchmarks registered');
