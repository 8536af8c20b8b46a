// `dossier rate EVIDENCE HYPOTHESIS CC|C|N|I|II [--weight W]`: rate a claim group (its id) or a single
// quote ("DOCUMENT:QUOTE", e.g. 2:q5) against a hypothesis on Heuer's scale; `--clear` removes a rating,
// also one whose evidence is gone (a claim group no longer found, a quote no new version took).
import type { Command } from 'commander';
import { NotFoundError, UsageError } from '../errors.js';
import type { RatingValue } from '../analysis/model.js';
import { dbOption, withStore, write } from './db.js';
import { parseQuoteId } from '../store/index.js';
import { parseHypothesisId } from './hypothesis.js';
import { loadSnapshot } from './snapshot.js';

export function register(program: Command): void {
  dbOption(program.command('rate'))
    .description('rate evidence (claim group id, or DOCUMENT:QUOTE) against a hypothesis: CC, C, N, I or II')
    .argument('<evidence>', 'a claim group id (dossier claims) or a quote as DOCUMENT_ID:QUOTE_ID')
    .argument('<hypothesis>', 'hypothesis id, e.g. 2 or H2')
    .argument('[rating]', 'CC very consistent, C consistent, N neutral, I inconsistent, II very inconsistent')
    .option('--weight <w>', 'relevance weight (default 1)', '1')
    .option('--note <text>', 'why this rating')
    .option('--clear', 'remove the rating of this evidence against this hypothesis (also of evidence no longer in the dossier)')
    .action(async (evidence: string, hypothesis: string, rating: string | undefined, o: { db?: string; weight: string; note?: string; clear?: boolean }, cmd: Command) => {
      if (o.clear) {
        if (rating) throw new UsageError(`give a rating or --clear, not both`);
        if (o.note !== undefined || cmd.getOptionValueSource('weight') !== 'default') throw new UsageError('--clear takes no --weight or --note');
        const hypothesisId = parseHypothesisId(hypothesis);
        await withStore(o.db, async (store) => {
          if (!(await store.unrate(parseQuoteId(evidence) ? 'quote' : 'claim', evidence, hypothesisId))) throw new NotFoundError(`rating of "${evidence}" against H${hypothesisId} (see dossier ach)`);
          await write(`${evidence} × H${hypothesisId}: cleared\n`);
        });
        return;
      }
      if (rating === undefined) throw new UsageError('a rating is needed (CC, C, N, I or II), or --clear');
      const r = rating.toUpperCase();
      if (!['CC', 'C', 'N', 'I', 'II'].includes(r)) throw new UsageError(`rating "${rating}" must be one of CC, C, N, I, II`);
      const weight = Number(o.weight);
      if (!Number.isFinite(weight) || weight <= 0) throw new UsageError(`--weight "${o.weight}" must be a positive number`);
      const hypothesisId = parseHypothesisId(hypothesis);
      await withStore(o.db, async (store) => {
        const snap = await loadSnapshot(store);
        if (!snap.hypotheses.some((h) => h.id === String(hypothesisId))) throw new NotFoundError(`hypothesis H${hypothesisId} (see dossier hypothesis list)`);
        let kind: 'claim' | 'quote';
        if (snap.claims.some((c) => c.id === evidence)) kind = 'claim';
        else {
          const m = parseQuoteId(evidence);
          const doc = m ? snap.documents.find((d) => d.id === String(m.documentId)) : undefined;
          if (!m || !doc || !doc.quotes.some((q) => q.id === m.quoteId)) throw new NotFoundError(`evidence "${evidence}" (a claim group id from dossier claims, or DOCUMENT:QUOTE such as 2:q5)`);
          kind = 'quote';
        }
        await store.rate({ evidenceKind: kind, evidenceId: evidence, hypothesisId, rating: r as Exclude<RatingValue, 'NA'>, weight, proposed: false, note: o.note ?? null });
        await write(`${evidence} × H${hypothesisId}: ${r}${weight !== 1 ? ` (weight ${weight})` : ''}\n`);
      });
    });
}
