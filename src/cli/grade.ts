// `dossier grade [SOURCE] [A-F] --reason "…"`: grade a source's reliability (Admiralty A–F), or with
// --interested confirm|reject decide on an interested-party flag. Without arguments: list the sources.
import type { Command } from 'commander';
import { NotFoundError, UsageError } from '../errors.js';
import { judge } from '../analysis/judgement.js';
import { RELIABILITY_LABEL, type Reliability, type SourceKind } from '../analysis/model.js';
import { sourceKey } from '../analysis/sources.js';
import { dbOption, printJson, withStore, write } from './db.js';
import { INTERESTED_PREFIX, loadSnapshot } from './snapshot.js';

interface GradeOptions { db?: string; reason?: string; kind?: string; interested?: string; json?: boolean }

export function register(program: Command): void {
  dbOption(program.command('grade'))
    .description('grade a source (speaker, outlet or publisher) A–F with a reason; without arguments, list sources, grades and interested-party flags')
    .argument('[source]', 'the source name as listed by `dossier grade`')
    .argument('[reliability]', 'A completely reliable, B usually, C fairly, D not usually, E unreliable, F cannot be judged')
    .option('--reason <text>', 'why this grade (kept with it)')
    .option('--kind <kind>', 'speaker, outlet or publisher (for a source not seen in any document yet)')
    .option('--interested <decision>', 'confirm or reject the interested-party flag on this source')
    .option('--json', 'print JSON')
    .action(async (source: string | undefined, reliability: string | undefined, o: GradeOptions) => {
      await withStore(o.db, async (store) => {
        const snap = await loadSnapshot(store);
        const j = judge(snap, { proposals: false });
        if (!source) {
          if (o.json) return printJson({ sources: j.sources, interested: j.interested });
          for (const s of j.sources) {
            const flag = j.interested.find((f) => f.sourceKey === s.key);
            await write(`${s.reliability}  ${s.name}  [${s.kinds.join(', ')}]${s.reason ? `  — ${s.reason}` : ''}${flag ? `  ⚑ interested party (${flag.party.name}; ${flag.confirmed === null ? 'to confirm' : flag.confirmed ? 'confirmed' : 'rejected'})` : ''}\n`);
          }
          return;
        }
        const key = sourceKey(source);
        const known = j.sources.find((s) => s.key === key);
        if (!known && !o.kind) throw new NotFoundError(`source "${source}" (list sources with dossier grade; give --kind to grade one not seen yet)`);
        if (o.interested !== undefined) {
          if (!/^(confirm|reject)$/.test(o.interested)) throw new UsageError(`--interested "${o.interested}" must be confirm or reject`);
          await store.setSetting(`${INTERESTED_PREFIX}${key}`, o.interested === 'confirm' ? 'confirmed' : 'rejected');
          await write(`${known?.name ?? source}: interested-party flag ${o.interested === 'confirm' ? 'confirmed' : 'rejected'}\n`);
        }
        if (reliability === undefined) {
          if (o.interested === undefined) throw new UsageError('grade: give a reliability A–F (or --interested confirm|reject)');
          return;
        }
        const r = reliability.toUpperCase();
        if (!/^[A-F]$/.test(r)) throw new UsageError(`reliability "${reliability}" must be one of A–F`);
        const kind = (o.kind ?? known!.kinds[0]) as SourceKind;
        if (!['speaker', 'outlet', 'publisher'].includes(kind)) throw new UsageError(`--kind "${kind}" must be speaker, outlet or publisher`);
        await store.gradeSource({ name: known?.name ?? source, kind, reliability: r as Reliability, reason: o.reason ?? null });
        await write(`${known?.name ?? source}: ${r} (${RELIABILITY_LABEL[r as Reliability]})${o.reason ? ` — ${o.reason}` : ''}\n`);
      });
    });
}
