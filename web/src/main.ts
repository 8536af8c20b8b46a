// The workbench: a hash router over views. Each view fetches what it shows and renders with the
// text-only DOM helpers in dom.ts.
import { ApiError, get } from './api.js';
import { clear } from './dom.js';
import type { Overview } from '../../src/server/model.js';
import { documentsView, readerView } from './views/documents.js';
import { entitiesView, entityView } from './views/entities.js';
import { claimsView } from './views/claims.js';
import { sourcesView } from './views/sources.js';
import { achView } from './views/ach.js';
import { timelineView } from './views/timeline.js';
import { networkView } from './views/network.js';
import { searchView, homeView } from './views/search.js';

export interface RouteContext {
  main: HTMLElement;
  params: URLSearchParams;
  /** Set by a view that owns resources (a cytoscape instance) to release them on navigation. */
  onLeave?: () => void;
}

type View = (ctx: RouteContext, arg: string | undefined) => Promise<void>;

const VIEWS: Record<string, View> = {
  '': homeView,
  docs: documentsView,
  doc: readerView,
  entities: entitiesView,
  entity: entityView,
  claims: claimsView,
  sources: sourcesView,
  ach: achView,
  timeline: timelineView,
  network: networkView,
  search: searchView,
};

const main = document.getElementById('main')!;
const errorBox = document.getElementById('error')!;
let current: RouteContext | null = null;
let generation = 0;

/** Hide the error shown last (an action that then succeeds clears the complaint about it). */
export function clearError(): void {
  errorBox.hidden = true;
}

export function showError(err: unknown): void {
  errorBox.hidden = false;
  errorBox.textContent = err instanceof ApiError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
}

async function render(): Promise<void> {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = hash.split('?');
  const [name, ...rest] = path.split('/');
  const view = VIEWS[name] ?? homeView;
  current?.onLeave?.();
  const ctx: RouteContext = { main, params: new URLSearchParams(query) };
  current = ctx;
  const mine = ++generation;
  errorBox.hidden = true;
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', (a as HTMLElement).dataset.view === (name === 'doc' ? 'docs' : name === 'entity' ? 'entities' : name));
  clear(main);
  main.setAttribute('aria-busy', 'true');
  try {
    await view(ctx, rest.length ? decodeURIComponent(rest.join('/')) : undefined);
  } catch (err) {
    if (mine === generation) showError(err);
  } finally {
    if (mine === generation) main.setAttribute('aria-busy', 'false');
  }
}

async function loadOverview(): Promise<void> {
  try {
    const o = await get<Overview>('overview');
    document.getElementById('question')!.textContent = o.question ?? '';
  } catch (err) {
    showError(err);
  }
}

document.getElementById('search')!.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = ((ev.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement).value.trim();
  if (q) location.hash = `#/search?q=${encodeURIComponent(q)}`;
});
window.addEventListener('hashchange', () => void render());
void loadOverview();
void render();
