/**
 * The graph as CSV tables for Stata, R and pandas: nodes.csv (id, entity_type, label, then one column per property),
 * relationships.csv (from_id, to_id, type, weight, then one column per property) and columns.csv, which names the
 * property, type and meaning of every column of the other two. Column names follow the export's rule
 * (column-names.ts); cells follow the one CSV writer's conventions (csv.ts: unknown empty, booleans 1/0, lists as
 * JSON text).
 */
import { writeCsv } from './csv';
import type { ExportNode, ExportRel, GraphColumn } from './graph-columns';
import { displayName, nodeColumns, relColumns, weightOf } from './graph-columns';

export interface GraphCsv {
  nodes: string;
  relationships: string;
  columns: string;
}

function cells(columns: GraphColumn[], props: Record<string, unknown>, fixed: Record<string, unknown>): unknown[] {
  return columns.map((c) => (c.property === null ? fixed[c.column] : props[c.property]));
}

/** The three files' text. */
export function toCsv(nodes: ExportNode[], rels: ExportRel[]): GraphCsv {
  const nodeCols = nodeColumns(nodes);
  const relCols = relColumns(rels);
  return {
    nodes: writeCsv(
      nodeCols.map((c) => c.column),
      nodes.map((n) => cells(nodeCols, n.props, { id: n.id, entity_type: n.label, label: displayName(n) })),
    ),
    relationships: writeCsv(
      relCols.map((c) => c.column),
      rels.map((r) => cells(relCols, r.props, { from_id: r.from, to_id: r.to, type: r.type, weight: weightOf(r) })),
    ),
    columns: columnsCsv([
      ['nodes.csv', nodeCols],
      ['relationships.csv', relCols],
    ]),
  };
}

/** columns.csv: file, column, property (empty for the export's own columns), type and description. */
export function columnsCsv(files: [string, GraphColumn[]][]): string {
  return writeCsv(
    ['file', 'column', 'property', 'type', 'description'],
    files.flatMap(([file, columns]) => columns.map((c) => [file, c.column, c.property, c.type, c.description])),
  );
}
