// A worker thread of `dossier add`: bytes in, analysis out. Uses the same ingest and pipeline as
// `dossier analyze`; the model loads once per worker.
import { parentPort } from 'node:worker_threads';
import { analyzeBytes } from './add-pool.js';

parentPort!.on('message', (job: { id: number; name: string; bytes: Uint8Array }) => {
  parentPort!.postMessage({ id: job.id, ...analyzeBytes(job.name, job.bytes) });
});
