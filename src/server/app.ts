// The JSON API and the web app, as one Hono app over a WorkbenchData port. Every failure leaves
// through one error handler as {error: {code, message}} with the status its typed error carries.
import { Hono, type Context } from 'hono';
import { DossierError, UsageError, oneLine } from '../errors.js';
import { hostCheck, sameOriginWrites, securityHeaders, tokenAuth } from './middleware.js';
import { RATINGS, RELIABILITIES, type Rating, type Reliability, type WorkbenchData } from './model.js';
import type { StaticFile } from './static.js';

export interface AppOptions {
  data: WorkbenchData;
  /** Required on every request when set. */
  token?: string | null;
  /** Host headers to accept (e.g. ["127.0.0.1:8080", "localhost:8080"]); null accepts any. */
  allowedHosts?: readonly string[] | null;
  /** The built web app, path → file; without it only the API is served. */
  files?: Map<string, StaticFile>;
  /** Called with errors that are not the caller's fault. */
  log?: (message: string) => void;
}

export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof DossierError) return { status: err.status, body: { error: { code: err.code, message: oneLine(err) } } };
  if (err instanceof SyntaxError) return { status: 400, body: { error: { code: 'BAD_REQUEST', message: `request body is not valid JSON: ${oneLine(err)}` } } };
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error; see the server log' } } };
}

function intParam(c: Context, name: string, fallback: number, min: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new UsageError(`query parameter ${name}="${raw}" is not a whole number`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`query parameter ${name}=${n} is outside ${min}..${max}`);
  return n;
}

function dateParam(c: Context, name: string): string | null {
  const raw = c.req.query(name);
  if (!raw) return null;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(raw)) throw new UsageError(`query parameter ${name}="${raw}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  return raw;
}

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const body = await c.req.json();
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new UsageError('request body must be a JSON object');
  return body as Record<string, unknown>;
}

function stringField(body: Record<string, unknown>, name: string, max: number, optional = false): string | null {
  const v = body[name];
  if (v === undefined || v === null) {
    if (optional) return null;
    throw new UsageError(`field "${name}" is required`);
  }
  if (typeof v !== 'string') throw new UsageError(`field "${name}" must be a string`);
  const s = v.trim();
  if (!optional && !s) throw new UsageError(`field "${name}" must not be empty`);
  if (s.length > max) throw new UsageError(`field "${name}" is longer than ${max} characters`);
  return s || null;
}

const MAX_PAGE = 500;

export function createApp(opts: AppOptions): Hono {
  const { data } = opts;
  const app = new Hono();
  const log = opts.log ?? ((m: string) => process.stderr.write(`dossier serve: ${m}\n`));

  app.onError((err, c) => {
    const { status, body } = errorBody(err);
    if (status >= 500) log(`${c.req.method} ${c.req.path}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return c.json(body, status as 400);
  });
  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: `${c.req.method} ${c.req.path} not found` } }, 404));

  app.use('*', securityHeaders());
  app.use('*', hostCheck(opts.allowedHosts ?? null));
  app.use('*', tokenAuth(opts.token ?? null));
  app.use('/api/*', sameOriginWrites());
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  const api = new Hono();
  api.get('/overview', async (c) => c.json(await data.overview()));
  api.get('/documents', async (c) => c.json(await data.listDocuments(intParam(c, 'offset', 0, 0, 1e9), intParam(c, 'limit', 50, 1, MAX_PAGE))));
  api.get('/documents/:id', async (c) => c.json(await data.getDocument(c.req.param('id'))));
  api.get('/entities', async (c) =>
    c.json(await data.listEntities(intParam(c, 'offset', 0, 0, 1e9), intParam(c, 'limit', 50, 1, MAX_PAGE), c.req.query('q') || undefined)));
  api.get('/entities/:id', async (c) => c.json(await data.getEntity(c.req.param('id'))));
  api.get('/claims', async (c) => c.json(await data.listClaims(intParam(c, 'offset', 0, 0, 1e9), intParam(c, 'limit', 50, 1, MAX_PAGE))));
  api.get('/sources', async (c) => c.json(await data.listSources(intParam(c, 'offset', 0, 0, 1e9), intParam(c, 'limit', 50, 1, MAX_PAGE))));
  api.put('/sources/:id', async (c) => {
    const body = await jsonBody(c);
    const reliability = stringField(body, 'reliability', 1) as Reliability;
    if (!RELIABILITIES.includes(reliability)) throw new UsageError(`reliability "${reliability}" is not one of ${RELIABILITIES.join(', ')}`);
    return c.json(await data.gradeSource(c.req.param('id'), reliability, stringField(body, 'reason', 2000, true)));
  });
  api.get('/hypotheses', async (c) => c.json(await data.listHypotheses()));
  api.post('/hypotheses', async (c) => c.json(await data.addHypothesis(stringField(await jsonBody(c), 'text', 1000)!), 201));
  api.get('/ach', async (c) => c.json(await data.ach()));
  api.put('/ratings', async (c) => {
    const body = await jsonBody(c);
    const evidenceId = stringField(body, 'evidenceId', 200)!;
    const hypothesisId = stringField(body, 'hypothesisId', 200)!;
    const rating = stringField(body, 'rating', 2, true) as Rating | null;
    if (rating !== null && !RATINGS.includes(rating)) throw new UsageError(`rating "${rating}" is not one of ${RATINGS.join(', ')} (or null to clear)`);
    await data.rate(evidenceId, hypothesisId, rating);
    return c.json(await data.ach());
  });
  api.get('/timeline', async (c) => c.json(await data.timeline(dateParam(c, 'from'), dateParam(c, 'to'), intParam(c, 'limit', 2000, 1, 20000))));
  api.get('/network', async (c) => c.json(await data.network(intParam(c, 'limit', 80, 1, 1000))));
  api.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim();
    if (!q) throw new UsageError('query parameter q is required');
    if (q.length > 200) throw new UsageError('query parameter q is longer than 200 characters');
    return c.json(await data.search(q, intParam(c, 'offset', 0, 0, 1e9), intParam(c, 'limit', 20, 1, 200)));
  });
  api.get('/report', async (c) => {
    const format = c.req.query('format') ?? 'md';
    if (format !== 'md' && format !== 'html') throw new UsageError(`report format "${format}" is not md or html`);
    const body = await data.report(format);
    c.header('Content-Type', format === 'md' ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="dossier-report.${format}"`);
    // The HTML report is a download, never rendered here: sandbox it should a browser open it inline.
    if (format === 'html') c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    return c.body(body);
  });
  app.route('/api', api);

  const files = opts.files;
  if (files) {
    app.get('*', (c) => {
      if (c.req.path.startsWith('/api/')) return c.notFound();
      const path = c.req.path === '/' ? '/index.html' : c.req.path;
      const file = files.get(path) ?? (path.startsWith('/assets/') ? undefined : files.get('/index.html'));
      if (!file) return c.json({ error: { code: 'NOT_FOUND', message: `${path} not found` } }, 404);
      c.header('Content-Type', file.type);
      c.header('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return c.body(new Uint8Array(file.body));
    });
  }
  return app;
}
