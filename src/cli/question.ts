// `dossier question ["…"]`: set the question the dossier is about, or print it.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { dbOption, withStore, write } from './db.js';

export function register(program: Command): void {
  dbOption(program.command('question'))
    .description('set the question this dossier is about, or print it')
    .argument('[text]', 'the question, e.g. "Is the regime colluding with ISIS?"')
    .action(async (text: string | undefined, o: { db?: string }) => {
      await withStore(o.db, async (store) => {
        if (text === undefined) return write(`${(await store.getQuestion()) ?? '(no question set: dossier question "…")'}\n`);
        if (!text.trim()) throw new UsageError('question: the text is empty');
        await store.setQuestion(text.trim());
        await write(`question set: ${text.trim()}\n`);
      }, { create: true });
    });
}
