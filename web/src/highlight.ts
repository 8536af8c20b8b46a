// Builds a highlighted text from offsets in one pass: every annotation boundary is a cut, each
// piece between two cuts becomes one text node, wrapped in a span only when annotations cover
// it. Text goes in through createTextNode, so a document can never inject markup.

export type Layer = 'entity' | 'quote' | 'speaker' | 'cue' | 'event';

export interface Annotation {
  layer: Layer;
  start: number;
  end: number;
  /** The id the click handler receives (entity global id, quote id, event id). */
  id: string;
  /** Extra class, e.g. the entity type or the CAMEO root. */
  cls?: string;
}

const LAYERS: Layer[] = ['entity', 'quote', 'speaker', 'cue', 'event'];

export function renderHighlighted(text: string, annotations: Annotation[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  const anns = annotations.filter((a) => a.start < a.end && a.start >= 0 && a.end <= text.length);
  const opens = [...anns].sort((a, b) => a.start - b.start);
  const closes = [...anns].sort((a, b) => a.end - b.end);
  const cuts = new Set<number>([0, text.length]);
  for (const a of anns) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  const points = Float64Array.from(cuts).sort();
  const active = new Set<Annotation>();
  let oi = 0;
  let ci = 0;
  for (let p = 0; p + 1 < points.length; p++) {
    const from = points[p];
    const to = points[p + 1];
    while (ci < closes.length && closes[ci].end <= from) active.delete(closes[ci++]);
    while (oi < opens.length && opens[oi].start <= from) {
      if (opens[oi].end > from) active.add(opens[oi]);
      oi++;
    }
    const piece = document.createTextNode(text.slice(from, to));
    if (!active.size) {
      frag.appendChild(piece);
      continue;
    }
    // Per layer, the innermost (shortest) annotation wins the click.
    const best = new Map<Layer, Annotation>();
    for (const a of active) {
      const b = best.get(a.layer);
      if (!b || a.end - a.start < b.end - b.start) best.set(a.layer, a);
    }
    const span = document.createElement('span');
    const classes = ['hl'];
    for (const layer of LAYERS) {
      const a = best.get(layer);
      if (!a) continue;
      classes.push(`hl-${layer}`);
      if (a.cls) classes.push(a.cls);
      span.dataset[layer] = a.id;
      if (a.start === from) span.dataset[`${layer}Start`] = '1';
    }
    span.className = classes.join(' ');
    span.appendChild(piece);
    frag.appendChild(span);
  }
  return frag;
}
