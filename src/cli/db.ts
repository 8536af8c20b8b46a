// What every dossier command shares: the --db option and opening/closing the store around an action.
import type { Command } from 'commander';
import { openStore, resolveTarget, type OpenOptions, type Store } from '../store/index.js';

export function dbOption(cmd: Command): Command {
  return cmd.option('--db <file|url>', 'the dossier: a SQLite file or a postgres:// URL (default: $DOSSIER_DB, $DATABASE_URL, ./dossier.db)');
}

export async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>, opts?: OpenOptions): Promise<T> {
  const store = await openStore(resolveTarget(db), opts);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Write a string to stdout, waiting for the pipe to drain (large listings into `head` or a file). */
export function write(s: string): Promise<void> {
  return new Promise<void>((res) => (process.stdout.write(s) ? res() : process.stdout.once('drain', res)));
}

export function printJson(value: unknown): Promise<void> {
  return write(JSON.stringify(value, null, 2) + '\n');
}
