// The SQLite checkpointer's thread (see checkpointer.ts): a connection of its own to the dossier that
// copies the write-ahead log back into the database file whenever the writer says it has committed.
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
    // answered after the checkpoint asked for before it (if one is due, it runs first: in order)
    setImmediate(() => parentPort!.postMessage('settled'));
    return;
  }
  // commits that arrive while one runs are served by a single checkpoint after it
  if (due) return;
  due = true;
  setImmediate(() => {
    due = false;
    // PASSIVE: copies what no reader still needs, never waits for the writer nor holds it up
    if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
  });
});
