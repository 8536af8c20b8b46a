// `dossier demo`: builds a dossier from the sample corpus in samples/ (into a temp directory or
// --db), adds a question, three hypotheses, a few grades and ratings, then serves it. Nothing is
// written into the repository.
import type { Command } from 'commander';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { parseBytes } from '../ingest/index.js';
import { analyzeDocument } from '../nlp/pipeline.js';
import { openStore, type Store } from '../store/index.js';
import { StoreWorkbench } from '../server/store.js';
import { groupClaims } from '../analysis/claims.js';
import { JUDGING, serveUntilStopped, type ServeFlags } from './serve.js';

/** The sample corpus, in reading order (samples/README.md describes each). */
export const DEMO_FILES = [
  'meridian-palmyra.html',
  'observer-oil-trade.html',
  'field-notes.txt',
  'wire-brief.txt.gz',
  'ministry-denial.md',
  'monitor-timeline.txt',
] as const;

export const DEMO_QUESTION = 'Did the Syrian government coordinate with ISIS over Palmyra in May 2015?';
export const DEMO_HYPOTHESES = [
  'The government and ISIS actively coordinated the handover of Palmyra.',
  'The army retreated under pressure; the two sides co-exist without coordination.',
  'Coordination claims are fabricated or inflated by opposition sources.',
];

/** samples/ at the package root (dist/src/cli → ../../../samples). */
export function samplesDir(): string {
  return fileURLToPath(new URL('../../../samples/', import.meta.url));
}

export interface DemoSummary {
  db: string;
  documents: number;
  quotes: number;
  hypotheses: number;
}

/** Ratings the demo starts with, by hypothesis index, for a quote chosen by its speaker's words. */
const DEMO_RATINGS: { speaker: RegExp; ratings: ('CC' | 'C' | 'N' | 'I' | 'II')[] }[] = [
  { speaker: /nasser/i, ratings: ['C', 'I', 'C'] },
  { speaker: /haddad/i, ratings: ['I', 'C', 'N'] },
  { speaker: /reinholt/i, ratings: ['I', 'C', 'C'] },
];

async function addSample(store: Store, dir: string, name: string): Promise<void> {
  const path = join(dir, name);
  const bytes = readFileSync(path);
  const doc = parseBytes(path, bytes);
  const analysis = analyzeDocument(doc, `samples/${name}`);
  await store.addDocument({ source: `samples/${name}`, contentHash: createHash('sha256').update(bytes).digest('hex'), format: doc.format, analysis });
}

export async function buildDemo(db: string, dir = samplesDir()): Promise<DemoSummary> {
  if (existsSync(db)) throw new UsageError(`${db} already exists; give demo a new file with --db, or remove it`);
  const store = await openStore(db, { create: true });
  try {
    for (const name of DEMO_FILES) await addSample(store, dir, name);
    await store.saveClaimGroups(groupClaims(await store.claimDocuments()));
    await store.setQuestion(DEMO_QUESTION);
    const hyps = [];
    for (const h of DEMO_HYPOTHESES) hyps.push(await store.addHypothesis(h));
    await store.gradeSource({ name: 'Coastline Wire Service', kind: 'outlet', reliability: 'B', reason: 'Wire service with a record of corrections (fictional).' });
    await store.gradeSource({ name: 'The Meridian Ledger', kind: 'publisher', reliability: 'C', reason: 'Single reporter, sources partly unnamed.' });
    // Rate the first quote of each named speaker, where the extractors found one.
    const quotes = await store.db.selectFrom('quotes').select(['document_id', 'local_id', 'speaker_text', 'content']).orderBy('document_id').orderBy('start').execute();
    for (const plan of DEMO_RATINGS) {
      const q = quotes.find((x) => plan.speaker.test(x.speaker_text));
      if (!q) continue;
      for (let i = 0; i < hyps.length; i++)
        await store.rate({ evidenceKind: 'quote', evidenceId: `${q.document_id}:${q.local_id}`, hypothesisId: hyps[i].id, rating: plan.ratings[i] });
    }
    const docs = await store.listDocuments();
    return { db, documents: docs.length, quotes: quotes.length, hypotheses: hyps.length };
  } finally {
    await store.close();
  }
}

export function register(program: Command): void {
  program
    .command('demo')
    .description('build a demo dossier from the bundled samples and open it in the web workbench')
    .option('--db <file>', 'where to write the demo dossier (default: a new temp directory)')
    .option('--no-serve', 'only build the dossier and print where it is')
    .option('--port <n>', 'port to listen on (default 8080, or a free one when 8080 is taken; 0 picks a free one)')
    .option('--host <h>', 'address to bind; anything but loopback needs --token', '127.0.0.1')
    .option('--token <t>', 'require this token on every request')
    .action(async (opts: ServeFlags & { db?: string; serve: boolean }) => {
      const db = opts.db ?? join(mkdtempSync(join(tmpdir(), 'dossier-demo-')), 'demo.db');
      const summary = await buildDemo(db);
      process.stdout.write(`Demo dossier: ${summary.db} (${summary.documents} documents, ${summary.quotes} quotes, ${summary.hypotheses} hypotheses)\n`);
      if (!opts.serve) return;
      const store = await openStore(db);
      await serveUntilStopped(new StoreWorkbench(store, JUDGING), opts);
    });
}
