import cytoscape from 'cytoscape';
import { get } from '../api.js';
import { h, route } from '../dom.js';
import type { RouteContext } from '../main.js';
import type { Network } from '../../../src/server/model.js';

const TYPE_COLOUR: Record<string, string> = { PERSON: '#3b6ea5', ORG: '#b5562d', PLACE: '#3f8f5a', OTHER: '#7d7d7d' };
const EDGE_COLOUR: Record<string, string> = { cooccurrence: '#c7c7c7', quote: '#6a51a3', event: '#d94801' };

export async function networkView(ctx: RouteContext): Promise<void> {
  const limit = Math.min(500, Math.max(5, Number(ctx.params.get('limit') ?? 80) || 80));
  const focus = ctx.params.get('focus');
  const net = await get<Network>(`network?limit=${limit}`);
  const box = h('div', { class: 'network', id: 'network' });
  const kinds = new Set(['cooccurrence', 'quote', 'event']);
  const toggles = h('div', { class: 'layers' }, 'Edges: ', [...kinds].map((k) => {
    const sw = h('span', { class: 'swatch' });
    sw.style.backgroundColor = EDGE_COLOUR[k];
    return h('label', null, h('input', { type: 'checkbox', checked: true, 'data-kind': k, onchange: (ev: Event) => {
      const on = (ev.target as HTMLInputElement).checked;
      cy.edges(`[kind = "${k}"]`).style('display', on ? 'element' : 'none');
    } }), sw, ` ${k === 'cooccurrence' ? 'co-occurrence' : k + 's'}`);
  }));
  ctx.main.append(h('h1', null, 'Actor network'),
    h('p', { class: 'meta' }, `${net.nodes.length} entities · ${net.edges.length} links. Node size: documents. Click a node to open it.`),
    toggles, box);
  const maxW = Math.max(1, ...net.nodes.map((n) => n.weight));
  const cy = cytoscape({
    container: box,
    elements: [
      ...net.nodes.map((n) => ({ data: { id: n.id, label: n.name, type: n.type, size: 14 + 30 * Math.sqrt(n.weight / maxW) } })),
      ...net.edges.map((e, i) => ({ data: { id: `x${i}`, source: e.source, target: e.target, kind: e.kind, weight: e.weight } })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 2, color: '#222', 'background-color': '#7d7d7d', 'text-background-color': '#fff', 'text-background-opacity': 0.75, 'text-background-padding': '1px', 'min-zoomed-font-size': 7 } },
      ...Object.entries(TYPE_COLOUR).map(([t, c]) => ({ selector: `node[type = "${t}"]`, style: { 'background-color': c } })),
      { selector: 'edge', style: { width: 'mapData(weight, 1, 10, 1, 6)', 'line-color': '#ccc', 'curve-style': 'bezier', opacity: 0.85 } },
      // Co-occurrence is the densest kind: drawn faint so quotes and events stand out.
      { selector: 'edge[kind = "cooccurrence"]', style: { opacity: 0.22 } },
      ...Object.entries(EDGE_COLOUR).map(([k, c]) => ({ selector: `edge[kind = "${k}"]`, style: { 'line-color': c, 'target-arrow-color': c } })),
      { selector: 'edge[kind = "quote"], edge[kind = "event"]', style: { 'target-arrow-shape': 'triangle' } },
      { selector: '.focus', style: { 'border-width': 4, 'border-color': '#f2b600' } },
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 40000, idealEdgeLength: () => 110, nodeOverlap: 20, componentSpacing: 80 } as cytoscape.LayoutOptions,
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'node', (ev) => {
    location.hash = route(`entity/${ev.target.id()}`);
  });
  if (focus) {
    const n = cy.getElementById(focus);
    if (n.nonempty()) {
      n.addClass('focus');
      cy.center(n);
    }
  }
  ctx.onLeave = () => cy.destroy();
}
