// `dossier credibility CLAIM 1-6 --reason "…"`: override the proposed credibility of a claim group;
// `--clear` goes back to the proposal (also for a group no longer found).
import type { Command } from 'commander';
import { NotFoundError, UsageError } from '../errors.js';
import { CREDIBILITY_LABEL, type Credibility } from '../analysis/model.js';
import { dbOption, withStore, write } from './db.js';
import { loadSnapshot } from './snapshot.js';

export function register(program: Command): void {
  dbOption(program.command('credibility'))
    .description('set a claim group’s credibility (1 confirmed … 5 improbable, 6 cannot be judged), overriding the proposal')
    .argument('<claim>', 'claim group id (see dossier claims)')
    .argument('[credibility]', '1–6')
    .option('--reason <text>', 'why')
    .option('--clear', 'remove the override, so the proposed credibility counts again')
    .action(async (claim: string, value: string | undefined, o: { db?: string; reason?: string; clear?: boolean }) => {
      if (o.clear) {
        if (value !== undefined) throw new UsageError('give a credibility or --clear, not both');
        if (o.reason !== undefined) throw new UsageError('--clear takes no --reason');
        await withStore(o.db, async (store) => {
          if (!(await store.clearCredibility(claim))) throw new NotFoundError(`credibility override of claim group "${claim}"`);
          await write(`${claim}: credibility override cleared\n`);
        });
        return;
      }
      if (value === undefined) throw new UsageError('a credibility is needed (1–6), or --clear');
      const c = Number(value);
      if (!Number.isInteger(c) || c < 1 || c > 6) throw new UsageError(`credibility "${value}" must be an integer 1–6`);
      await withStore(o.db, async (store) => {
        const snap = await loadSnapshot(store);
        if (!snap.claims.some((g) => g.id === claim)) throw new NotFoundError(`claim group "${claim}" (see dossier claims)`);
        await store.setCredibility({ claimGroupId: claim, credibility: c, reason: o.reason ?? null });
        await write(`${claim}: credibility ${c} (${CREDIBILITY_LABEL[c as Credibility]})\n`);
      });
    });
}
