// Starting and stopping the workbench server. Loopback by default; any other address must come
// with a token, because the API can change grades and ratings.
import { serve, type ServerType } from '@hono/node-server';
import { UsageError } from '../errors.js';
import { createApp } from './app.js';
import type { WorkbenchData } from './model.js';
import { defaultWebRoot, loadStatic } from './static.js';

export { createApp } from './app.js';
export type { WorkbenchData } from './model.js';

export interface ServeOptions {
  data: WorkbenchData;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string | null;
  webRoot?: string;
}

export interface RunningServer {
  url: string;
  /** The URL to open in a browser (carries ?token= when a token is set). */
  openUrl: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function checkServeOptions(host: string, port: number, token: string | null): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${port} is not a port number (0-65535)`);
  if (!isLoopback(host) && !token) throw new UsageError(`--host ${host} is not a loopback address; pass --token T so every request must carry it`);
  if (token !== null && token.length < 8) throw new UsageError('--token must be at least 8 characters');
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? null;
  checkServeOptions(host, opts.port ?? 0, token);
  const files = loadStatic(opts.webRoot ?? defaultWebRoot());
  if (!files.has('/index.html')) process.stderr.write('dossier serve: the web app is not built (run npm run build); serving the API only\n');
  // Only loopback servers pin the Host header (filled in once the port is known); a
  // token-protected public bind may sit behind any name.
  const allowedHosts: string[] | null = isLoopback(host) ? [] : null;
  const app = createApp({ data: opts.data, token, allowedHosts, files });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: (req, env) => app.fetch(req, env), hostname: host, port: opts.port ?? 0 }, () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new UsageError(`port ${opts.port} on ${host} is already in use; pick another with --port`) : err));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port ?? 0;
  allowedHosts?.push(`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`);
  const shown = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shown}:${port}/`;
  return {
    url,
    openUrl: token ? `${url}?token=${encodeURIComponent(token)}` : url,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
