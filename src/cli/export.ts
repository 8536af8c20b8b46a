// `dossier export --format json|csv|gexf|graphml|stix|claimreview [--table …] [--out FILE]`.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { judge } from '../analysis/judgement.js';
import type { DossierSnapshot } from '../analysis/model.js';
import { CSV_TABLES, csvTable, type CsvTable } from '../export/csv.js';
import { actorGraph } from '../export/graph.js';
import { toGexf } from '../export/gexf.js';
import { toGraphml } from '../export/graphml.js';
import { toStix } from '../export/stix.js';
import { toClaimReview } from '../export/claimreview.js';
import { toJsonExport } from '../export/json.js';
import { dbOption, withStore, write } from './db.js';
import { loadSnapshot } from './snapshot.js';

export const FORMATS = ['json', 'csv', 'gexf', 'graphml', 'stix', 'claimreview'] as const;

export function exportDossier(format: string, snap: DossierSnapshot, now: string, table: CsvTable = 'quotes'): string {
  const j = judge(snap);
  switch (format) {
    case 'json': return JSON.stringify(toJsonExport(snap, j, now), null, 2) + '\n';
    case 'csv': return csvTable(table, snap, j);
    case 'gexf': return toGexf(actorGraph(snap), { title: snap.question ?? undefined, date: now });
    case 'graphml': return toGraphml(actorGraph(snap));
    case 'stix': return JSON.stringify(toStix(snap, j, now), null, 2) + '\n';
    case 'claimreview': return JSON.stringify(toClaimReview(snap, j, now), null, 2) + '\n';
    default: throw new UsageError(`--format "${format}" must be one of ${FORMATS.join(', ')}`);
  }
}

export function register(program: Command): void {
  dbOption(program.command('export'))
    .description('export the dossier: json (everything), csv (one table), gexf/graphml (actor network), stix (2.1 bundle), claimreview (schema.org JSON-LD)')
    .option('--format <format>', FORMATS.join('|'), 'json')
    .option('--table <table>', `for csv: ${CSV_TABLES.join('|')}`, 'quotes')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (o: { db?: string; format: string; table: string; out?: string }) => {
      if (!(FORMATS as readonly string[]).includes(o.format)) throw new UsageError(`--format "${o.format}" must be one of ${FORMATS.join(', ')}`);
      if (!(CSV_TABLES as readonly string[]).includes(o.table)) throw new UsageError(`--table "${o.table}" must be one of ${CSV_TABLES.join(', ')}`);
      await withStore(o.db, async (store) => {
        const out = exportDossier(o.format, await loadSnapshot(store), new Date().toISOString(), o.table as CsvTable);
        if (o.out) await writeFile(o.out, out);
        else await write(out);
      });
    });
}
