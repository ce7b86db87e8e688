/**
 * `peaceops export` apart from its command line: reads the graph (or the part the filters keep) and writes it in one
 * format, to a file, a folder (CSV) or standard output.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database';
import { projectVersion } from '../version';
import type { ExportFormat, ExportNode, ExportRel } from './formats';
import { toCsv, toGexf, toGraphML } from './formats';

export interface GraphFilters {
  /** Node labels kept. */
  labels: readonly string[];
  /** Relationship types kept. */
  types: readonly string[];
  /** Only facts stated by this import source; null for all. */
  source: string | null;
}

export interface ExportedGraph {
  nodes: ExportNode[];
  rels: ExportRel[];
}

/** The nodes and relationships the filters keep (a relationship only when both its nodes are kept). */
export async function readGraph(db: Database, filters: GraphFilters): Promise<ExportedGraph> {
  const params = { labels: [...filters.labels], types: [...filters.types], source: filters.source };
  const nodes = await db.read<ExportNode>(
    `MATCH (n) WHERE labels(n)[0] IN $labels AND ($source IS NULL OR $source IN coalesce(n.sources, []))
     RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS props ORDER BY label, id`,
    params,
  );
  const ids = new Set(nodes.map((n) => n.id));
  const rels = (
    await db.read<ExportRel>(
      `MATCH (a)-[r]->(b) WHERE type(r) IN $types AND labels(a)[0] IN $labels AND labels(b)[0] IN $labels
         AND ($source IS NULL OR r.source = $source)
       RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props ORDER BY type, from, to`,
      params,
    )
  )
    .filter((r) => ids.has(r.from) && ids.has(r.to))
    // `uid` is the importer's index key of series relationships (REL_SPECS), not a fact: not exported.
    .map((r) => ({ ...r, props: withoutUid(r.props) }));
  return { nodes, rels };
}

function withoutUid(props: Record<string, unknown>): Record<string, unknown> {
  const { uid: _uid, ...rest } = props;
  return rest;
}

/**
 * Writes the graph: csv into the folder `out` (nodes.csv, relationships.csv, columns.csv), the other formats to the
 * file `out`, or to standard output when `out` is null. Returns the files written.
 */
export function writeGraphExport(
  format: ExportFormat,
  graph: ExportedGraph,
  out: string | null,
  now: Date = new Date(),
): string[] {
  if (format === 'csv') {
    if (!out) throw new Error('The csv format needs a folder.');
    fs.mkdirSync(out, { recursive: true });
    const t = toCsv(graph.nodes, graph.rels);
    const files: [string, string][] = [
      ['nodes.csv', t.nodes],
      ['relationships.csv', t.relationships],
      ['columns.csv', t.columns],
    ];
    for (const [name, text] of files) fs.writeFileSync(path.join(out, name), text);
    return files.map(([name]) => path.join(out, name));
  }
  const { name, version } = projectVersion();
  const body =
    format === 'graphml'
      ? toGraphML(graph.nodes, graph.rels)
      : format === 'gexf'
        ? toGexf(graph.nodes, graph.rels, { creator: `${name} ${version}`, date: now.toISOString().slice(0, 10) })
        : `${JSON.stringify({ nodes: graph.nodes, relationships: graph.rels }, null, 1)}\n`;
  if (!out) {
    process.stdout.write(body);
    return [];
  }
  fs.writeFileSync(out, body);
  return [out];
}
