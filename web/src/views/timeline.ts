import { get } from '../api.js';
import { h, route } from '../dom.js';
import { CAMEO_ROOTS, cameoColour, cameoLabel, cameoRoot } from '../cameo.js';
import type { RouteContext } from '../main.js';
import type { TimelineEvent } from '../../../src/server/model.js';

const SVG = 'http://www.w3.org/2000/svg';
const DAY = 86400000;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** "2015", "2015-05" or "2015-05-21" → the start of that period, in ms. */
const toTime = (d: string): number => Date.parse(d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d.slice(0, 10));

function ticks(from: number, to: number): { at: number; label: string }[] {
  const span = to - from;
  const out: { at: number; label: string }[] = [];
  const d = new Date(from);
  if (span > 3 * 365 * DAY) {
    const step = Math.max(1, Math.ceil(span / (365 * DAY) / 10));
    for (let y = d.getUTCFullYear(); Date.UTC(y, 0, 1) <= to; y += step) out.push({ at: Date.UTC(y, 0, 1), label: String(y) });
  } else if (span > 60 * DAY) {
    const step = Math.max(1, Math.ceil(span / (30 * DAY) / 12));
    for (let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1); t <= to; ) {
      const x = new Date(t);
      out.push({ at: t, label: x.toISOString().slice(0, 7) });
      t = Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + step, 1);
    }
  } else {
    const step = Math.max(1, Math.ceil(span / DAY / 12)) * DAY;
    for (let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()); t <= to; t += step) out.push({ at: t, label: new Date(t).toISOString().slice(0, 10) });
  }
  return out.filter((t) => t.at >= from);
}

export async function timelineView(ctx: RouteContext): Promise<void> {
  const res = await get<{ items: TimelineEvent[]; total: number }>('timeline?limit=5000');
  const events = res.items.map((e) => ({ ...e, t: toTime(e.date) })).filter((e) => !Number.isNaN(e.t));
  const roots = [...new Set(events.map((e) => cameoRoot(e.cameo)))].sort();
  const detail = h('div', { class: 'card timeline-detail' }, h('p', { class: 'hint' }, 'Click an event. Scroll to zoom, drag to pan.'));
  const chart = h('div', { class: 'timeline-chart', id: 'timeline-chart' });
  const legend = h('div', { class: 'legend' }, roots.map((r) => h('span', { class: 'legend-item' }, h('span', { class: 'swatch', 'data-colour': cameoColour(r) }), `${r} ${CAMEO_ROOTS[r] ?? ''}`)));
  for (const s of legend.querySelectorAll<HTMLElement>('[data-colour]')) s.style.backgroundColor = s.dataset.colour!;
  const zoomIn = h('button', { type: 'button', 'aria-label': 'Zoom in' }, '+');
  const zoomOut = h('button', { type: 'button', 'aria-label': 'Zoom out' }, '−');
  const reset = h('button', { type: 'button' }, 'Fit');
  ctx.main.append(h('h1', null, 'Timeline'), h('p', { class: 'meta' }, `${res.total} dated events`), h('div', { class: 'toolbar' }, zoomIn, zoomOut, reset), legend, chart, detail);
  if (!events.length) {
    chart.append(h('p', { class: 'hint' }, 'No dated events yet.'));
    return;
  }

  const min = Math.min(...events.map((e) => e.t));
  const max = Math.max(...events.map((e) => e.t));
  const pad = Math.max(DAY * 3, (max - min) * 0.05);
  const full = { from: min - pad, to: max + pad };
  let view = { ...full };
  const LANE = 26;
  const LEFT = 170;
  const TOP = 10;
  const height = TOP + roots.length * LANE + 40;

  const draw = () => {
    const width = Math.max(400, chart.clientWidth || 900);
    const x = (t: number) => LEFT + ((t - view.from) / (view.to - view.from)) * (width - LEFT - 20);
    const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'timeline-svg', role: 'img', 'aria-label': 'Events over time by CAMEO root' });
    roots.forEach((r, i) => {
      const y = TOP + i * LANE;
      root.append(svg('rect', { x: 0, y, width, height: LANE, class: i % 2 ? 'lane odd' : 'lane' }));
      root.append(svg('text', { x: 6, y: y + LANE / 2 + 4, class: 'lane-label' }, `${r} ${CAMEO_ROOTS[r] ?? ''}`.slice(0, 26)));
    });
    const axisY = TOP + roots.length * LANE;
    root.append(svg('line', { x1: LEFT, x2: width - 20, y1: axisY, y2: axisY, class: 'axis' }));
    for (const t of ticks(view.from, view.to)) {
      const tx = x(t.at);
      root.append(svg('line', { x1: tx, x2: tx, y1: TOP, y2: axisY + 5, class: 'tick' }));
      root.append(svg('text', { x: tx, y: axisY + 18, class: 'tick-label', 'text-anchor': 'middle' }, t.label));
    }
    // Events on the same day and root are fanned out a little so each stays clickable.
    const stack = new Map<string, number>();
    for (const e of events) {
      if (e.t < view.from || e.t > view.to) continue;
      const lane = roots.indexOf(cameoRoot(e.cameo));
      const key = `${lane}:${Math.round(x(e.t) / 6)}`;
      const k = stack.get(key) ?? 0;
      stack.set(key, k + 1);
      const dot = svg('circle', { cx: x(e.t) + (k % 3) * 4, cy: TOP + lane * LANE + LANE / 2 + ((k % 3) - 1) * 5, r: 6, fill: cameoColour(e.cameo), class: 'event-dot', 'data-event': e.id, tabindex: 0 });
      dot.append(svg('title', {}, `${e.date} · ${cameoLabel(e.cameo)} · ${e.text.slice(0, 120)}`));
      dot.addEventListener('click', () => show(e));
      root.append(dot);
    }
    chart.replaceChildren(root);
  };

  const show = (e: TimelineEvent) => {
    const sw = h('span', { class: 'swatch' });
    sw.style.backgroundColor = cameoColour(e.cameo);
    detail.replaceChildren(
      h('h3', null, sw, `${e.date} — ${cameoLabel(e.cameo)}`),
      h('p', null, e.text),
      h('p', { class: 'meta' }, e.actors.length ? `Actors: ${e.actors.join(', ')} · ` : '', h('a', { href: route(`doc/${e.documentId}`, { event: e.id.split(':').pop() }) }, e.title ?? e.documentId)));
  };

  const zoom = (factor: number, centre = 0.5) => {
    const span = view.to - view.from;
    const at = view.from + span * centre;
    const next = Math.max(DAY, Math.min((full.to - full.from) * 4, span * factor));
    view = { from: at - next * centre, to: at + next * (1 - centre) };
    draw();
  };
  chart.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const rect = chart.getBoundingClientRect();
    const centre = Math.min(1, Math.max(0, (ev.clientX - rect.left - LEFT) / (rect.width - LEFT - 20)));
    zoom(ev.deltaY > 0 ? 1.25 : 0.8, centre);
  }, { passive: false });
  let drag: { x: number; from: number; to: number } | null = null;
  chart.addEventListener('pointerdown', (ev) => {
    if ((ev.target as Element).classList.contains('event-dot')) return;
    drag = { x: ev.clientX, ...view };
  });
  window.addEventListener('pointerup', () => (drag = null));
  chart.addEventListener('pointermove', (ev) => {
    if (!drag) return;
    const width = chart.clientWidth - LEFT - 20;
    const shift = ((ev.clientX - drag.x) / width) * (drag.to - drag.from);
    view = { from: drag.from - shift, to: drag.to - shift };
    draw();
  });
  zoomIn.addEventListener('click', () => zoom(0.5));
  zoomOut.addEventListener('click', () => zoom(2));
  reset.addEventListener('click', () => {
    view = { ...full };
    draw();
  });
  const onResize = () => draw();
  window.addEventListener('resize', onResize);
  ctx.onLeave = () => window.removeEventListener('resize', onResize);
  draw();
}
