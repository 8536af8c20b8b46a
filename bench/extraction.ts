// Extraction throughput: our HTML reader (decode + parse + main text + metadata + comments) against
// Mozilla Readability over happy-dom, both run here on the same benchmark pages. The pages are read
// from the shared article-extraction benchmark at bench time; without it the bench says so and skips.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { throughput, type BenchRow } from './lib.js';
import { parseBytes } from '../src/ingest/index.js';

const DATA = process.env.DOSSIER_EXTRACTION_DATA ?? '/work/shared/data/article-extraction/html';
/** Every n-th page, so the slow reference finishes a pass in a few seconds. */
const STRIDE = 9;

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(DATA)) {
    console.log(`extraction: ${DATA} is absent; skipping`);
    return [];
  }
  const names = readdirSync(DATA).filter((f) => f.endsWith('.html.gz')).sort().filter((_, i) => i % STRIDE === 0);
  const pages = names.map((f) => ({ name: f.replace(/\.gz$/, ''), bytes: gunzipSync(readFileSync(join(DATA, f))) }));
  const mb = pages.reduce((n, p) => n + p.bytes.length, 0) / 1048576;

  const ours = await throughput(() => { for (const p of pages) parseBytes(p.name, p.bytes); });

  const { Window } = await import('happy-dom');
  const { Readability } = await import('@mozilla/readability');
  const reference = await throughput(() => {
    for (const p of pages) {
      const window = new Window({ url: 'https://example.org/' });
      window.document.write(p.bytes.toString('utf8'));
      new Readability(window.document as unknown as Document).parse();
      void window.happyDOM.close();
    }
  });
  const ref = 'Readability+happy-dom';
  return [
    { capability: `html extraction (${pages.length} benchmark pages)`, unit: 'pages/s', value: ours * pages.length, reference: { name: ref, value: reference * pages.length } },
    { capability: 'html extraction throughput', unit: 'MB/s', value: ours * mb, reference: { name: ref, value: reference * mb } },
  ];
}
