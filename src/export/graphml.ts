// GraphML (graphml.graphdrawing.org), read by Gephi, yEd, NetworkX and igraph: keys declared up front,
// directed by default with co-occurrence edges marked directed="false".
import type { ActorGraph } from './graph.js';
import { escapeXml as x } from './xml.js';

export function toGraphml(g: ActorGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>',
    '  <key id="documents" for="node" attr.name="documents" attr.type="int"/>',
    '  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <graph id="actors" edgedefault="directed">',
    ...g.nodes.map(
      (n) =>
        `    <node id="${x(n.id)}"><data key="label">${x(n.label)}</data><data key="type">${x(n.type)}</data><data key="mentions">${n.mentions}</data><data key="documents">${n.documents}</data></node>`,
    ),
    ...g.edges.map(
      (e) =>
        `    <edge id="${x(e.id)}" source="${x(e.source)}" target="${x(e.target)}"${e.directed ? '' : ' directed="false"'}><data key="kind">${e.kind}</data><data key="weight">${e.weight}</data></edge>`,
    ),
    '  </graph>',
    '</graphml>',
  ];
  return lines.join('\n') + '\n';
}
