// `dossier claims`: statements grouped across documents with their distinct origins (CONTRACT.md:
// `claims --json` → [{id, text, members: [{quoteId|sentence, source, document}], origins}]).
// Grouping runs over the current documents and is saved, so ratings can refer to group ids (a regrouping moves them to a renamed group: store/claims.ts).
import type { Command } from 'commander';
import { groupClaims } from '../analysis/claims.js';
import type { ClaimGroup, FollowedJudgements } from '../store/index.js';
import { dbOption, printJson, withStore, write } from './db.js';

/** The contract's JSON shape: `source` is who a member comes from, `document` where it was read. */
export function claimJson(g: ClaimGroup) {
  return {
    id: g.id,
    text: g.text,
    members: g.members.map((m) => ({
      ...(m.quoteId ? { quoteId: m.quoteId } : { sentence: m.sentence }),
      text: m.text,
      source: m.origin,
      sourceKind: m.originKind,
      document: m.source,
      documentId: m.documentId,
      start: m.start,
      end: m.end,
    })),
    origins: g.origins,
  };
}

/** One line each on stderr for what a regrouping did with judgements of groups that are gone (saveClaimGroups). */
export function reportFollowed(followed: FollowedJudgements): void {
  const n = (k: number) => `${k} rating${k === 1 ? '' : 's'} or credibility`;
  if (followed.moved) process.stderr.write(`dossier: ${n(followed.moved)} moved to claim groups renamed by new versions\n`);
  if (followed.kept) process.stderr.write(`dossier: ${n(followed.kept)} stay${followed.kept === 1 ? 's' : ''} with a renamed claim group's old id: the group that took its statements has its own\n`);
  if (followed.orphaned) process.stderr.write(`dossier: ${n(followed.orphaned)} now name${followed.orphaned === 1 ? 's' : ''} a claim group no longer found (its statements changed or are gone); dossier ach lists them, with how to clear them\n`);
}

export function register(program: Command): void {
  dbOption(program.command('claims'))
    .description('statements made across documents, grouped, with their distinct origins')
    .option('--json', 'print JSON')
    .action(async (o: { db?: string; json?: boolean }) => {
      await withStore(o.db, async (store) => {
        const groups = groupClaims(await store.claimDocuments());
        reportFollowed(await store.saveClaimGroups(groups));
        if (o.json) return printJson(groups.map(claimJson));
        for (const g of groups) {
          await write(`${g.id}  ${g.text.replace(/\s+/g, ' ')}\n  origins (${g.origins.length}): ${g.origins.map((x) => `${x.name} [${x.kind}]`).join('; ')}\n`);
          for (const m of g.members) await write(`    - ${m.origin}: "${m.text.replace(/\s+/g, ' ')}"  (#${m.documentId})\n`);
        }
        if (!groups.length) await write('(no statement is made in more than one document yet)\n');
      });
    });
}
