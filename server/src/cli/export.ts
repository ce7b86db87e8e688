import { openDatabase } from '../bootstrap';
import { loadConfig } from '../config';
import { EXPORT_FORMATS } from '../export/formats';
import type { ExportFormat } from '../export/formats';
import { readGraph, writeGraphExport } from '../export/graph-export';
import { NODE_LABELS, REL_TYPES } from '../model/graph';
import { createLogger } from '../logger';
import { repoRoot } from '../paths';
import { runCommand, UsageError } from './command';

const USAGE = `Usage: peaceops export --format graphml|gexf|json|csv [--out <file or folder>] [--labels L1,L2] [--types T1,T2] [--source <name>]

Writes the whole graph, or the part the filters keep: --labels (${NODE_LABELS.join(', ')}), --types (relationship
types), --source (only facts stated by that import source, such as ipi-contributions).
  graphml  typed attributes, label = the name to show, edge weight = personnel where known (Gephi, yEd, igraph)
  gexf     the same, dynamic: nodes and edges with start and end dates, for Gephi's timeline
  json     the nodes and relationships as read, property names unchanged
  csv      nodes.csv, relationships.csv and columns.csv (each column's property, type and meaning) into the
           --out folder; column names are valid Stata names
`;

function list(value: string | undefined, allowed: readonly string[], what: string): string[] {
  if (!value) return [...allowed];
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((i) => !allowed.includes(i));
  if (bad.length) throw new UsageError(`Unknown ${what}: ${bad.join(', ')}. Use ${allowed.join(', ')}.`);
  return items;
}

runCommand({
  name: 'export',
  usage: USAGE,
  connects: true,
  failureCode: 2,
  options: {
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    labels: { type: 'string' },
    types: { type: 'string' },
    source: { type: 'string' },
  },
  run: async ({ values }) => {
    const format = values.format as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be ${EXPORT_FORMATS.join(', ')}.`);
    if (format === 'csv' && !values.out) throw new UsageError('--format csv needs --out <folder>.');
    const labels = list(values.labels, NODE_LABELS, 'labels');
    const types = list(values.types, REL_TYPES, 'relationship types');
    const database = await openDatabase(loadConfig(), createLogger('warn'), repoRoot());
    try {
      const graph = await readGraph(database.db, { labels, types, source: values.source ?? null });
      writeGraphExport(format, graph, values.out ?? null);
      process.stderr.write(`Exported ${graph.nodes.length} nodes and ${graph.rels.length} relationships.\n`);
      return 0;
    } finally {
      await database.close();
    }
  },
});
