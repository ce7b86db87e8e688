/**
 * GraphML that Gephi, yEd, igraph and NetworkX open with typed attributes: each key has the type of its values
 * across the graph (`int`, `long`, `double`, `boolean`; dates, text and lists are `string`, lists as JSON text);
 * `label` is the name to show (acronym or name), `entity_type` the kind of node (its Neo4j label), an edge's
 * `type` its relationship type and `weight` its personnel figure, only on edges that carry one. Keys are named by
 * the export's column rule; each key's `<desc>` names the property it holds.
 */
import type { ExportNode, ExportRel, GraphColumn } from './graph-columns';
import { displayName, isKnown, nodeColumns, relColumns, valueText, weightOf, xmlAttributeType } from './graph-columns';
import { xmlEscape } from './xml';

function keyLine(id: string, domain: 'node' | 'edge', c: GraphColumn): string {
  const desc = c.property === null ? c.description : `property ${c.property}: ${c.description}`;
  return `  <key id="${id}" for="${domain}" attr.name="${xmlEscape(c.column)}" attr.type="${xmlAttributeType(c, 'int')}"><desc>${xmlEscape(desc)}</desc></key>`;
}

function data(key: string, v: unknown): string {
  return `<data key="${key}">${xmlEscape(valueText(v))}</data>`;
}

/** The graph as GraphML (UTF-8 text). */
export function toGraphML(nodes: ExportNode[], rels: ExportRel[]): string {
  const nodeCols = nodeColumns(nodes).filter((c) => c.column !== 'id'); // the node's id attribute
  const edgeCols = relColumns(rels).filter((c) => c.column !== 'from_id' && c.column !== 'to_id'); // source, target
  const nodeKey = new Map(nodeCols.map((c, i) => [c.column, `n${i}`]));
  const edgeKey = new Map(edgeCols.map((c, i) => [c.column, `e${i}`]));
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...nodeCols.map((c) => keyLine(nodeKey.get(c.column) as string, 'node', c)),
    ...edgeCols.map((c) => keyLine(edgeKey.get(c.column) as string, 'edge', c)),
    '  <graph id="peaceops" edgedefault="directed">',
  ];
  for (const n of nodes) {
    const cells = [
      data(nodeKey.get('label') as string, displayName(n)),
      data(nodeKey.get('entity_type') as string, n.label),
    ];
    for (const c of nodeCols)
      if (c.property !== null && isKnown(n.props[c.property]))
        cells.push(data(nodeKey.get(c.column) as string, n.props[c.property]));
    out.push(`    <node id="${xmlEscape(n.id)}">${cells.join('')}</node>`);
  }
  rels.forEach((r, j) => {
    const cells = [data(edgeKey.get('type') as string, r.type)];
    const weight = weightOf(r);
    if (weight !== null) cells.push(data(edgeKey.get('weight') as string, weight));
    for (const c of edgeCols)
      if (c.property !== null && isKnown(r.props[c.property]))
        cells.push(data(edgeKey.get(c.column) as string, r.props[c.property]));
    out.push(`    <edge id="e${j}" source="${xmlEscape(r.from)}" target="${xmlEscape(r.to)}">${cells.join('')}</edge>`);
  });
  out.push('  </graph>', '</graphml>');
  return `${out.join('\n')}\n`;
}
