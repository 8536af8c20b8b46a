// `dossier serve`: the web workbench over the current dossier (SQLite file or PostgreSQL URL).
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { openStore, resolveTarget } from '../store/index.js';
import { startServer, type RunningServer } from '../server/index.js';
import { StoreWorkbench, type JudgingHooks } from '../server/store.js';
import { judge } from '../analysis/judgement.js';
import { buildReport } from '../report/model.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderHtml } from '../report/html.js';
import { loadSnapshot } from './snapshot.js';
import type { WorkbenchData } from '../server/model.js';

/** The workbench's report download is the judging module's sourced report, as `dossier report` writes it. */
export const JUDGING: JudgingHooks = {
  report: async (store, format) => {
    const model = buildReport(judge(await loadSnapshot(store), { proposals: true }));
    return format === 'html' ? renderHtml(model) : renderMarkdown(model);
  },
};

export const DEFAULT_PORT = 8080;

export interface ServeFlags {
  port?: string;
  host?: string;
  token?: string;
}

export function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--port "${raw}" is not a port number`);
  return Number(raw);
}

/** Serve until SIGINT/SIGTERM; prints the URL to open. */
export async function serveUntilStopped(data: WorkbenchData, flags: ServeFlags, write = (s: string) => process.stdout.write(s)): Promise<RunningServer> {
  const token = flags.token ?? process.env.DOSSIER_TOKEN ?? null;
  const host = flags.host ?? '127.0.0.1';
  let server: RunningServer;
  try {
    server = await startServer({ data, host, port: parsePort(flags.port, DEFAULT_PORT), token });
  } catch (err) {
    // Without an explicit --port, a busy default is no reason to fail: take any free port.
    if (flags.port !== undefined || !(err instanceof UsageError && /already in use/.test(err.message))) throw err;
    server = await startServer({ data, host, port: 0, token });
  }
  write(`Dossier workbench: ${server.openUrl}\n`);
  const stop = () => {
    void server.close().then(() => data.close()).finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('open the dossier in the local web workbench')
    .option('--db <target>', 'SQLite file or postgres:// URL (default: DOSSIER_DB, DATABASE_URL, ./dossier.db)')
    .option('--port <n>', 'port to listen on (default 8080, or a free one when 8080 is taken; 0 picks a free one)')
    .option('--host <h>', 'address to bind; anything but loopback needs --token', '127.0.0.1')
    .option('--token <t>', 'require this token on every request (Bearer header, ?token= once, then a cookie)')
    .action(async (opts: ServeFlags & { db?: string }) => {
      const store = await openStore(resolveTarget(opts.db));
      try {
        const data = new StoreWorkbench(store, JUDGING);
        await serveUntilStopped(data, opts);
        data.warm();
      } catch (err) {
        await store.close();
        throw err;
      }
    });
}
