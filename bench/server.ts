// `npm run bench -- server`: API latency on a dossier of 10,000 generated documents (SQLite, in a
// temp dir, reused between runs once complete). Each endpoint's median and p95 over real HTTP are
// printed against a reference measured in the same run: bare wink-nlp readDoc of one 300-word page.
// The first call of each endpoint (cold caches, memoised aggregates computed) is reported apart.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { BenchRow } from './lib.js';
import { openStore, type Store } from '../src/store/index.js';
import { StoreWorkbench } from '../src/server/store.js';
import { startServer } from '../src/server/index.js';
import type { Analysis, Entity, Event, Quote } from '../src/types.js';

const DOCS = Number(process.env.BENCH_SERVER_DOCS ?? 10000);
const GENERATOR = 'v1';

// A fictional world: 120 people, 60 organisations, 80 places; picked with a skew so a few recur often.
const PEOPLE = Array.from({ length: 120 }, (_, i) => `${['Ana', 'Tomas', 'Rita', 'Omar', 'Lena', 'Karim', 'Ivo', 'Mira'][i % 8]} ${['Brekke', 'Veld', 'Oom', 'Salo', 'Marek', 'Dunn', 'Arkel', 'Tesh', 'Varga', 'Holm', 'Quist', 'Rand', 'Soler', 'Ferro', 'Lind'][i % 15]}`);
const ORGS = Array.from({ length: 60 }, (_, i) => `${['Northern', 'Coastal', 'Eastern', 'Harbour', 'Upland', 'Riverside'][i % 6]} ${['Guard', 'Front', 'Council', 'Brigade', 'Courier', 'Union', 'League', 'Watch', 'Assembly', 'Legion'][i % 10]}`);
const PLACES = Array.from({ length: 80 }, (_, i) => `${['Var', 'Kel', 'Dorn', 'Ost', 'Mar', 'Tal', 'Bren', 'Sul'][i % 8]}${['no', 'ska', 'heim', 'ava', 'ek', 'ora', 'in', 'aro', 'tum', 'ley'][i % 10]}`);
const CUES = ['said', 'told reporters', 'claimed', 'denied', 'warned'];
const CAMEO = ['190', '173', '111', '042', '0874', '120', '181', '057'];
const FILLER = 'Witnesses described the road as quiet for most of the week while convoys moved at night and officials gave conflicting accounts of who controlled the crossings and the fuel depots near the river.';

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const skewed = <T>(list: T[]) => list[Math.floor(list.length * rand() ** 2.2)];

function generate(n: number): Analysis {
  let text = '';
  const ents = new Map<string, Entity>();
  const quotes: Quote[] = [];
  const events: Event[] = [];
  const mention = (name: string, type: Entity['type']) => {
    const key = `${type.toLowerCase()}:${name.toLowerCase()}`;
    let e = ents.get(key);
    if (!e) ents.set(key, (e = { id: `e${ents.size + 1}`, key, name, type, aliases: [name], mentions: [] }));
    e.mentions.push({ in: 'document', start: text.length, end: text.length + name.length, text: name });
    text += name;
    return e;
  };
  const day = 1 + Math.floor(rand() * 27);
  const month = 1 + Math.floor(rand() * 12);
  const year = 2012 + Math.floor(rand() * 10);
  for (let s = 0; s < 6; s++) {
    const speaker = skewed(PEOPLE);
    const qStart = text.length;
    text += '"The ';
    const org = mention(skewed(ORGS), 'ORG');
    text += ' has not left ';
    mention(skewed(PLACES), 'PLACE');
    text += ' and will not leave it,"';
    const qEnd = text.length;
    const cue = CUES[s % CUES.length];
    text += ` ${cue} `;
    const sp = mention(speaker, 'PERSON');
    const q: Quote = { id: `q${quotes.length + 1}`, in: 'document', start: qStart, end: qEnd, content: text.slice(qStart, qEnd), direct: true, cue, speaker: { text: speaker, entityId: sp.id }, via: s % 3 === 0 ? [{ text: 'the Harbour Courier', entityId: null }] : [] };
    quotes.push(q);
    text += '. ';
    const vStart = text.length;
    text += `On ${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} the `;
    mention(org.name, 'ORG');
    text += ' attacked positions held by the ';
    const other = mention(skewed(ORGS), 'ORG');
    text += ' near ';
    const place = mention(skewed(PLACES), 'PLACE');
    events.push({ id: `v${events.length + 1}`, in: 'document', start: vStart, end: text.length, text: text.slice(vStart, text.length), cameo: CAMEO[(n + s) % CAMEO.length], date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, actors: [org.id, other.id], place: place.id });
    text += `. ${FILLER}\n\n`;
  }
  return {
    schema: 'dossier.analysis/1', source: `generated/${n}.txt`,
    document: { title: `Generated report ${n}`, author: null, publisher: `${skewed(ORGS)} Bulletin`, publishedAt: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, language: 'en', text },
    comments: [{ id: 'c1', parentId: null, author: 'reader', postedAt: null, text: `Is this about ${skewed(PLACES)}?` }],
    entities: [...ents.values()], quotes, events,
  };
}

async function dossier(): Promise<{ store: Store; path: string; built: boolean }> {
  const dir = join(tmpdir(), `dossier-bench-server-${GENERATOR}-${DOCS}`);
  const path = join(dir, 'bench.db');
  const done = join(dir, 'complete');
  if (existsSync(done)) return { store: await openStore(path), path, built: false };
  mkdirSync(dir, { recursive: true });
  const store = await openStore(path, { create: true });
  for (let i = 1; i <= DOCS; i++) {
    const a = generate(i);
    await store.addDocument({ source: a.source, contentHash: `gen-${GENERATOR}-${i}`, format: 'text', analysis: a });
    if (i % 1000 === 0) process.stderr.write(`bench server: generated ${i}/${DOCS} documents\r`);
  }
  const hyp = [await store.addHypothesis('The Guard holds the crossings.'), await store.addHypothesis('The Front holds the crossings.')];
  const quotes = await store.db.selectFrom('quotes').select(['document_id', 'local_id']).limit(12).execute();
  for (const [i, q] of quotes.entries())
    for (const [j, h] of hyp.entries()) await store.rate({ evidenceKind: 'quote', evidenceId: `${q.document_id}:${q.local_id}`, hypothesisId: h.id, rating: (['C', 'I', 'N', 'II'] as const)[(i + j) % 4] });
  writeFileSync(done, new Date().toISOString());
  process.stderr.write('\n');
  return { store, path, built: true };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

export async function run(): Promise<BenchRow[]> {
  const { store } = await dossier();
  const server = await startServer({ data: new StoreWorkbench(store), port: 0 });
  const docIds = (await store.db.selectFrom('documents').select('id').execute()).map((r) => r.id);
  const entityIds = (await store.db.selectFrom('global_entities').select('id').execute()).map((r) => r.id);
  const pick = <T>(xs: T[], i: number) => xs[(i * 7919) % xs.length];

  const nlp = winkNLP(model, ['sbd', 'pos']);
  const page = Array.from({ length: 8 }, () => FILLER).join(' ');
  const refTimes: number[] = [];
  nlp.readDoc(page);
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    nlp.readDoc(page).tokens().out();
    refTimes.push(performance.now() - t);
  }
  const reference = { name: 'wink readDoc of a 300-word page', value: median(refTimes) };

  const endpoints: [string, (i: number) => string][] = [
    ['overview', () => 'api/overview'],
    ['documents page (offset 5000)', () => 'api/documents?offset=5000&limit=50'],
    ['document (reader)', (i) => `api/documents/${pick(docIds, i)}`],
    ['entities page', () => 'api/entities?offset=0&limit=50'],
    ['entity page', (i) => `api/entities/${pick(entityIds, i)}`],
    ['claims page', () => 'api/claims?limit=25'],
    ['sources page', () => 'api/sources?limit=50'],
    ['ach matrix', () => 'api/ach'],
    ['timeline (500 events)', () => 'api/timeline?limit=500'],
    ['network (80 actors)', () => 'api/network?limit=80'],
    ['search', (i) => `api/search?q=${['convoys', 'depots', 'crossings', 'river'][i % 4]}`],
  ];
  const rows: BenchRow[] = [];
  for (const [name, path] of endpoints) {
    const times: number[] = [];
    let first = 0;
    for (let i = 0; i < 25; i++) {
      const t = performance.now();
      const res = await fetch(server.url + path(i));
      await res.arrayBuffer();
      const ms = performance.now() - t;
      if (!res.ok) throw new Error(`bench server: ${path(i)} answered ${res.status}`);
      if (i > 0) times.push(ms); // the first call warms caches and memoised aggregates; reported apart
      else first = ms;
    }
    rows.push({ capability: `server ${name} (${DOCS} docs)`, unit: 'ms median', value: median(times), reference, note: `p95 ${p95(times).toFixed(1)} ms, first call ${first.toFixed(0)} ms` });
  }
  await server.close();
  await store.close();
  return rows;
}
