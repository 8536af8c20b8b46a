// Checkpoints of a SQLite dossier in a thread of their own. In WAL mode a commit appends pages to the
// log, and a checkpoint copies them back into the database file; run by the writer itself (SQLite's
// automatic checkpoint, at the commit that fills the log) that copy stalled a commit for 80–100 ms every
// ~1,600 news articles, a sixth of the cost of storing them. Here the writer's thread only says it has
// committed and another thread copies, with a connection of its own, while the writer goes on: SQLite
// lets a PASSIVE checkpoint run beside a writer. The writer keeps its own automatic checkpoint at 10,000
// pages (openSqlite), so the log stays bounded should this thread fall behind or fail.
import { Worker } from 'node:worker_threads';

export class Checkpointer {
  private worker: Worker | null = null;
  private failed = false;
  /** Those waiting in settle(), in the order they asked: the thread answers in that order. */
  private settling: (() => void)[] = [];

  constructor(private readonly file: string) {}

  /** The writer has committed: copy the log back soon. The thread starts at the first commit. */
  committed(): void {
    if (this.failed) return;
    if (!this.worker) {
      const w = new Worker(new URL('./checkpoint-worker.js', import.meta.url), { workerData: { file: this.file } });
      w.unref(); // an open store never keeps the process alive for this (but while settle waits on it)
      // a checkpointer that cannot run leaves the writer's own automatic checkpoint to do the work
      w.on('error', () => {
        this.failed = true;
        this.worker = null;
      });
      w.on('message', (m: unknown) => {
        if (m !== 'settled') return;
        this.settling.shift()?.();
        if (!this.settling.length && this.worker === w) w.unref();
      });
      // a thread that failed or was closed has nothing left to do: whoever waits is done waiting
      w.once('exit', () => {
        for (const done of this.settling.splice(0)) done();
      });
      this.worker = w;
    }
    this.worker.postMessage('checkpoint');
  }

  /** Resolves once the checkpoints asked for so far have run (PASSIVE: each copies what no reader still
   * needs), or the thread has ended. */
  settle(): Promise<void> {
    const w = this.worker;
    if (!w) return Promise.resolve();
    return new Promise<void>((resolve) => {
      if (!this.settling.length) w.ref(); // the process waits for the answer
      this.settling.push(resolve);
      w.postMessage('settle');
    });
  }

  /** Stop the thread once its checkpoint (if one is running) is done. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (!w) return;
    const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
    w.ref(); // the process waits for it now
    w.postMessage('close');
    await exited;
  }
}
