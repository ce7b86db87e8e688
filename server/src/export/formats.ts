/** A node or relationship as the export reads it. */
export interface ExportNode {
  id: string;
  label: string;
  props: Record<string, unknown>;
}
export interface ExportRel {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

export const EXPORT_FORMATS = ['graphml', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A property value as text: lists joined with `|` (the curated tables' convention). */
function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => text(x)).join('|');
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return `${v}`;
  return JSON.stringify(v);
}

/** GraphML that Gephi and yEd open: one key per property name, lists as `|`-joined text. */
export function toGraphML(nodes: ExportNode[], rels: ExportRel[]): string {
  const nodeKeys = [...new Set(nodes.flatMap((n) => Object.keys(n.props)))].sort();
  const edgeKeys = [...new Set(rels.flatMap((r) => Object.keys(r.props)))].sort();
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
  out.push('  <key id="label" for="node" attr.name="label" attr.type="string"/>', '  <key id="type" for="edge" attr.name="type" attr.type="string"/>');
  nodeKeys.forEach((k, i) => out.push(`  <key id="n${i}" for="node" attr.name="${xml(k)}" attr.type="string"/>`));
  edgeKeys.forEach((k, i) => out.push(`  <key id="e${i}" for="edge" attr.name="${xml(k)}" attr.type="string"/>`));
  out.push('  <graph edgedefault="directed">');
  for (const n of nodes) {
    out.push(`    <node id="${xml(n.id)}"><data key="label">${xml(n.label)}</data>`);
    nodeKeys.forEach((k, i) => n.props[k] !== undefined && n.props[k] !== null && out.push(`      <data key="n${i}">${xml(text(n.props[k]))}</data>`));
    out.push('    </node>');
  }
  rels.forEach((r, j) => {
    out.push(`    <edge id="e${j}" source="${xml(r.from)}" target="${xml(r.to)}"><data key="type">${xml(r.type)}</data>`);
    edgeKeys.forEach((k, i) => r.props[k] !== undefined && r.props[k] !== null && out.push(`      <data key="e${i}">${xml(text(r.props[k]))}</data>`));
    out.push('    </edge>');
  });
  out.push('  </graph>', '</graphml>');
  return `${out.join('\n')}\n`;
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Two CSV tables, nodes and relationships, with one column per property. */
export function toCsv(nodes: ExportNode[], rels: ExportRel[]): { nodes: string; relationships: string } {
  const nodeKeys = [...new Set(nodes.flatMap((n) => Object.keys(n.props)))].filter((k) => k !== 'id').sort();
  const edgeKeys = [...new Set(rels.flatMap((r) => Object.keys(r.props)))].sort();
  const n = [['id', 'label', ...nodeKeys].join(','), ...nodes.map((x) => [x.id, x.label, ...nodeKeys.map((k) => text(x.props[k]))].map(csvCell).join(','))];
  const r = [['from', 'to', 'type', ...edgeKeys].join(','), ...rels.map((x) => [x.from, x.to, x.type, ...edgeKeys.map((k) => text(x.props[k]))].map(csvCell).join(','))];
  return { nodes: `${n.join('\n')}\n`, relationships: `${r.join('\n')}\n` };
}
