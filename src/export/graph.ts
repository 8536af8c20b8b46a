// The actor network behind GEXF and GraphML: nodes are entities merged across documents by key;
// edges are co-occurrence in a sentence (undirected), quotes (speaker → entity the quote mentions)
// and events (actor → actor), each weighted by how often it was seen.
import type { DossierSnapshot } from '../analysis/model.js';

export interface GraphNode {
  id: string;
  label: string;
  type: string;
  mentions: number;
  documents: number;
}

export type EdgeKind = 'cooccurrence' | 'quote' | 'event';

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  directed: boolean;
  weight: number;
}

export interface ActorGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

function sentenceBounds(text: string): number[] {
  const ends: number[] = [];
  const re = /[.!?]["”’)]?(?=\s)|\n\s*\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) ends.push(m.index + m[0].length);
  ends.push(text.length);
  return ends;
}

const sentenceIndex = (ends: number[], offset: number) => {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

export function actorGraph(snap: DossierSnapshot): ActorGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const ids = new Map<string, string>(); // entity key → node id
  const addEdge = (kind: EdgeKind, a: string, b: string) => {
    if (a === b) return;
    const directed = kind !== 'cooccurrence';
    const [s, t] = directed || a < b ? [a, b] : [b, a];
    const key = `${kind}|${s}|${t}`;
    const e = edges.get(key);
    if (e) e.weight++;
    else edges.set(key, { id: `e${edges.size}`, source: s, target: t, kind, directed, weight: 1 });
  };
  for (const doc of snap.documents) {
    const local = new Map<string, string>(); // document entity id → node id
    for (const ent of doc.entities) {
      let id = ids.get(ent.key);
      if (!id) {
        id = `n${nodes.size}`;
        ids.set(ent.key, id);
        nodes.set(ent.key, { id, label: ent.name, type: ent.type, mentions: 0, documents: 0 });
      }
      const n = nodes.get(ent.key)!;
      n.mentions += ent.mentions.length;
      n.documents++;
      local.set(ent.id, id);
    }
    // co-occurrence: entities in the same sentence of the same container
    const byContainer = new Map<string, { node: string; start: number }[]>();
    for (const ent of doc.entities) for (const m of ent.mentions) {
      const list = byContainer.get(m.in) ?? [];
      list.push({ node: local.get(ent.id)!, start: m.start });
      byContainer.set(m.in, list);
    }
    for (const [container, ms] of byContainer) {
      const text = container === 'document' ? doc.text : (doc.comments.find((c) => c.id === container)?.text ?? '');
      const ends = sentenceBounds(text);
      const bySentence = new Map<number, Set<string>>();
      for (const m of ms) {
        const i = sentenceIndex(ends, m.start);
        const set = bySentence.get(i) ?? new Set<string>();
        set.add(m.node);
        bySentence.set(i, set);
      }
      for (const set of bySentence.values()) {
        const xs = [...set];
        for (let i = 0; i < xs.length; i++) for (let k = i + 1; k < xs.length; k++) addEdge('cooccurrence', xs[i], xs[k]);
      }
    }
    for (const q of doc.quotes) {
      const speaker = q.speaker.entityId ? local.get(q.speaker.entityId) : undefined;
      if (!speaker) continue;
      const mentioned = new Set<string>();
      for (const ent of doc.entities) if (ent.mentions.some((m) => m.in === q.in && m.start >= q.start && m.end <= q.end)) mentioned.add(local.get(ent.id)!);
      for (const t of mentioned) addEdge('quote', speaker, t);
    }
    for (const ev of doc.events) {
      const actors = ev.actors.map((a) => local.get(a)).filter((x): x is string => !!x);
      // the first actor is the one acting (CAMEO source), the others its targets
      for (let i = 1; i < actors.length; i++) addEdge('event', actors[0], actors[i]);
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
