// GEXF 1.3 (gexf.net/1.3), the format Gephi reads natively: a mixed graph (co-occurrence undirected,
// quotes and events directed) with node type/mentions and edge kind as attributes, weights on edges.
import type { ActorGraph } from './graph.js';
import { escapeXml as x } from './xml.js';

export function toGexf(g: ActorGraph, opts: { title?: string; date?: string } = {}): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta${opts.date ? ` lastmodifieddate="${x(opts.date.slice(0, 10))}"` : ''}><creator>Dossier</creator><description>${x(opts.title ?? 'Actor network')}</description></meta>`,
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    '      <attribute id="type" title="type" type="string"/>',
    '      <attribute id="mentions" title="mentions" type="integer"/>',
    '      <attribute id="documents" title="documents" type="integer"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="kind" title="kind" type="string"/>',
    '    </attributes>',
    '    <nodes>',
    ...g.nodes.map(
      (n) =>
        `      <node id="${x(n.id)}" label="${x(n.label)}"><attvalues><attvalue for="type" value="${x(n.type)}"/><attvalue for="mentions" value="${n.mentions}"/><attvalue for="documents" value="${n.documents}"/></attvalues></node>`,
    ),
    '    </nodes>',
    '    <edges>',
    ...g.edges.map(
      (e) =>
        `      <edge id="${x(e.id)}" source="${x(e.source)}" target="${x(e.target)}" type="${e.directed ? 'directed' : 'undirected'}" weight="${e.weight}" label="${e.kind}"><attvalues><attvalue for="kind" value="${e.kind}"/></attvalues></edge>`,
    ),
    '    </edges>',
    '  </graph>',
    '</gexf>',
  ];
  return lines.join('\n') + '\n';
}
