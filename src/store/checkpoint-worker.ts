// The SQLite checkpointer's thread (see checkpointer.ts): a connection of its own to the dossier that
// copies the write-ahead log back into the database file whenever the writer says it has committed, and
// says when the checkpoints asked for so far have run (`settle`).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database((workerData as { file: string }).file);
db.pragma('wal_autocheckpoint = 0'); // it never writes; its only work is the checkpoints asked for
let due = false;

parentPort!.on('message', (m: 'checkpoint' | 'settle' | 'close') => {
  if (m === 'close') {
    db.close();
    parentPort!.close();
    return;
  }
  if (m === 'settle') {
    // answered after the checkpoint asked for before it: one due is queued already, and setImmediate
    // callbacks run in the order they were queued
    setImmediate(() => parentPort!.postMessage('settled'));
    return;
  }
  // commits that arrive while one is due (queued, not yet run) are served by it
  if (due) return;
  due = true;
  setImmediate(() => {
    due = false;
    // PASSIVE: copies what no reader still needs, never waits for the writer nor holds it up
    if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
  });
});
