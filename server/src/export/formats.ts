/**
 * The formats of `peaceops export`: GraphML (graphml.ts), dynamic GEXF for Gephi's timeline (gexf.ts), JSON (the
 * nodes and relationships as read, property names unchanged) and CSV tables (graph-csv.ts). Every format but JSON
 * names its columns by one rule (column-names.ts) and types them by their values (graph-columns.ts).
 */
export type { ExportNode, ExportRel } from './graph-columns';
export { toGexf } from './gexf';
export { toGraphML } from './graphml';
export { toCsv } from './graph-csv';

export const EXPORT_FORMATS = ['graphml', 'gexf', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
