/**
 * Export of the current view: GraphML (for Gephi, yEd, Cytoscape desktop) and JSON. Only visible elements are
 * written (hidden nodes and what the time slider hides stay out), with their API data and positions.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

/** The data keys written to GraphML, with their GraphML types. Lists are joined with `|`. */
const NODE_KEYS: readonly [string, 'string' | 'double' | 'boolean'][] = [
  ['label', 'string'],
  ['name', 'string'],
  ['fullName', 'string'],
  ['start', 'string'],
  ['end', 'string'],
  ['kinds', 'string'],
  ['organizations', 'string'],
  ['region', 'string'],
  ['personnel', 'double'],
  ['mspo', 'boolean'],
  ['colour', 'string'],
  ['x', 'double'],
  ['y', 'double'],
];
const EDGE_KEYS: readonly [string, 'string' | 'double' | 'boolean'][] = [
  ['type', 'string'],
  ['kind', 'string'],
  ['start', 'string'],
  ['end', 'string'],
  ['weight', 'double'],
  ['months', 'double'],
  ['sources', 'string'],
];

/** Escapes text for XML content and attribute values. */
export function xmlEscape(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Characters XML 1.0 forbids are dropped.
      .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
  );
}

function value(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.length ? v.map(String).join('|') : null;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** Classes that take an element out of the view. */
export const HIDING_CLASSES = '.time-hidden, .user-hidden';

/** The visible elements of the view: not hidden by the user or the time slider, edges with both ends visible. */
export function visibleElements(cy: Core): { nodes: NodeSingular[]; edges: EdgeSingular[] } {
  // Group boxes (grouping.ts) are drawing aids, not nodes of the graph.
  const nodes = cy.nodes().not(HIDING_CLASSES).not('.group-box');
  const edges = cy
    .edges()
    .not(HIDING_CLASSES)
    .filter((e: EdgeSingular) => !e.source().is(HIDING_CLASSES) && !e.target().is(HIDING_CLASSES));
  return { nodes: nodes.toArray() as NodeSingular[], edges: edges.toArray() as EdgeSingular[] };
}

/** The current view as a GraphML document (directed, with typed data keys). */
export function toGraphML(cy: Core, description = 'Peace operations graph: network view export'): string {
  const { nodes, edges } = visibleElements(cy);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [k, t] of NODE_KEYS) lines.push(`  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>`);
  for (const [k, t] of EDGE_KEYS) lines.push(`  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`);
  lines.push(`  <graph id="G" edgedefault="directed">`, `    <desc>${xmlEscape(description)}</desc>`);
  for (const n of nodes) {
    const pos = n.position();
    const data: Record<string, unknown> = { ...(n.data() as Record<string, unknown>), x: pos.x, y: pos.y };
    lines.push(`    <node id="${xmlEscape(n.id())}">`);
    for (const [k] of NODE_KEYS) {
      const v = value(data[k]);
      if (v !== null) lines.push(`      <data key="n_${k}">${xmlEscape(v)}</data>`);
    }
    lines.push('    </node>');
  }
  for (const e of edges) {
    const data = e.data() as Record<string, unknown>;
    lines.push(
      `    <edge id="${xmlEscape(e.id())}" source="${xmlEscape(e.source().id())}" target="${xmlEscape(e.target().id())}">`,
    );
    for (const [k] of EDGE_KEYS) {
      const v = value(data[k]);
      if (v !== null) lines.push(`      <data key="e_${k}">${xmlEscape(v)}</data>`);
    }
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

const DROP_KEYS = new Set(['colour', 'colour2', 'size', 'width', 'labelWidth', 'msize', 'parent']);

function apiData(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => !DROP_KEYS.has(k)));
}

/** The current view as JSON: the API's node and edge fields, node positions, and the view's link. */
export function toViewJSON(cy: Core, link: string): string {
  const { nodes, edges } = visibleElements(cy);
  return JSON.stringify(
    {
      link,
      exportedAt: new Date().toISOString(),
      nodes: nodes.map((n) => ({ ...apiData(n.data() as Record<string, unknown>), position: { ...n.position() } })),
      edges: edges.map((e) => apiData(e.data() as Record<string, unknown>)),
    },
    null,
    2,
  );
}
