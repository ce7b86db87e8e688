/**
 * GEXF 1.3 for Gephi, dynamic (`mode="dynamic"`, `timeformat="date"`, inclusive intervals): nodes and edges carry
 * `start` and `end` (or `<spells>` for a conflict active in separate runs of years; graph-time.ts says which dates),
 * so that Gephi's timeline plays the graph. A node's `label` is its name to show (acronym or name); the attribute
 * `entity_type` is its kind; an edge's `kind` (GEXF's key for parallel edges) and `label` are its relationship
 * type, and `weight` its personnel figure, only where it carries one (Gephi then counts 1, never an invented 0).
 * Attributes are typed by their values across the graph (`integer`, `long`, `double`, `boolean`; dates, text and
 * lists as `string`, lists as JSON text) and named by the export's column rule; the graph's description lists
 * the names that differ from their property.
 */
import type { ExportNode, ExportRel, GraphColumn } from './graph-columns';
import { displayName, isKnown, nodeColumns, relColumns, valueText, weightOf, xmlAttributeType } from './graph-columns';
import type { Spell } from './graph-time';
import { nodeSpells, relSpells } from './graph-time';
import { xmlEscape } from './xml';

/** start/end attributes for one spell, or a `<spells>` element for several (empty for none). */
function time(spells: Spell[]): { attrs: string; element: string } {
  const attrs = (s: Spell) => `${s.start ? ` start="${s.start}"` : ''}${s.end ? ` end="${s.end}"` : ''}`;
  if (spells.length === 0) return { attrs: '', element: '' };
  if (spells.length === 1) return { attrs: attrs(spells[0]), element: '' };
  return { attrs: '', element: `<spells>${spells.map((s) => `<spell${attrs(s)}/>`).join('')}</spells>` };
}

function attvalues(columns: GraphColumn[], props: Record<string, unknown>, fixed: Record<string, unknown>): string {
  const values: string[] = [];
  for (const c of columns) {
    const v = c.property === null ? fixed[c.column] : props[c.property];
    if (isKnown(v)) values.push(`<attvalue for="${xmlEscape(c.column)}" value="${xmlEscape(valueText(v))}"/>`);
  }
  return values.length ? `<attvalues>${values.join('')}</attvalues>` : '';
}

function declarations(cls: 'node' | 'edge', columns: GraphColumn[]): string[] {
  return [
    `    <attributes class="${cls}">`,
    ...columns.map(
      (c) =>
        `      <attribute id="${xmlEscape(c.column)}" title="${xmlEscape(c.column)}" type="${xmlAttributeType(c, 'integer')}"/>`,
    ),
    '    </attributes>',
  ];
}

export interface GexfMeta {
  /** The tool and its version (`peaceops-graph 0.2.0`). */
  creator: string;
  /** The day of the export (YYYY-MM-DD). */
  date: string;
}

/** The graph as dynamic GEXF 1.3 (UTF-8 text). */
export function toGexf(nodes: ExportNode[], rels: ExportRel[], meta: GexfMeta): string {
  // The node id, label, source, target, edge kind and weight are GEXF's own; the rest are attributes.
  const nodeCols = nodeColumns(nodes).filter((c) => c.column !== 'id' && c.column !== 'label');
  const edgeCols = relColumns(rels).filter((c) => !['from_id', 'to_id', 'weight'].includes(c.column));
  const renamed = [...nodeCols, ...edgeCols]
    .filter((c) => c.property !== null && c.property !== c.column)
    .map((c) => `${c.column} = ${c.property}`);
  const description =
    'Peace-operations graph (peaceops export --format gexf). Dates: a year or month is widened to its first day as a start and its last day as an end. ' +
    `Attribute names follow the export's column rule${renamed.length ? `; renamed properties: ${[...new Set(renamed)].join('; ')}` : ''}.`;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${xmlEscape(meta.date)}"><creator>${xmlEscape(meta.creator)}</creator><description>${xmlEscape(description)}</description></meta>`,
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">',
    ...declarations('node', nodeCols),
    ...declarations('edge', edgeCols),
    `    <nodes count="${nodes.length}">`,
  ];
  for (const n of nodes) {
    const t = time(nodeSpells(n));
    const values = attvalues(nodeCols, n.props, { entity_type: n.label });
    out.push(
      `      <node id="${xmlEscape(n.id)}" label="${xmlEscape(displayName(n))}"${t.attrs}>${values}${t.element}</node>`,
    );
  }
  out.push('    </nodes>', `    <edges count="${rels.length}">`);
  rels.forEach((r, j) => {
    const t = time(relSpells(r));
    const weight = weightOf(r);
    const values = attvalues(edgeCols, r.props, { type: r.type });
    out.push(
      `      <edge id="e${j}" source="${xmlEscape(r.from)}" target="${xmlEscape(r.to)}" kind="${xmlEscape(r.type)}" label="${xmlEscape(r.type)}"` +
        `${weight === null ? '' : ` weight="${weight}"`}${t.attrs}>${values}${t.element}</edge>`,
    );
  });
  out.push('    </edges>', '  </graph>', '</gexf>');
  return `${out.join('\n')}\n`;
}
