import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../bootstrap';
import { loadConfig } from '../config';
import { EXPORT_FORMATS, toCsv, toGraphML } from '../export/formats';
import type { ExportFormat, ExportNode, ExportRel } from '../export/formats';
import { NODE_LABELS, REL_TYPES } from '../import/model';
import { createLogger } from '../logger';
import { repoRoot } from '../paths';
import { runCommand, UsageError } from './command';

const USAGE = `Usage: peaceops export --format graphml|json|csv [--out <file or folder>] [--labels L1,L2] [--types T1,T2] [--source <name>]

Writes the whole graph, or the part the filters keep: --labels (${NODE_LABELS.join(', ')}), --types (relationship
types), --source (only facts stated by that import source, such as ipi-contributions). GraphML opens in Gephi.
csv writes nodes.csv and relationships.csv into the --out folder.`;

function list(value: string | undefined, allowed: readonly string[], what: string): string[] {
  if (!value) return [...allowed];
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((i) => !allowed.includes(i));
  if (bad.length) throw new UsageError(`Unknown ${what}: ${bad.join(', ')}. Use ${allowed.join(', ')}.`);
  return items;
}

runCommand({
  name: 'export',
  usage: USAGE,
  connects: true,
  failureCode: 2,
  options: { format: { type: 'string' }, out: { type: 'string', short: 'o' }, labels: { type: 'string' }, types: { type: 'string' }, source: { type: 'string' } },
  run: async ({ values }) => {
    const format = values.format as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be ${EXPORT_FORMATS.join(', ')}.`);
    if (format === 'csv' && !values.out) throw new UsageError('--format csv needs --out <folder>.');
    const labels = list(values.labels, NODE_LABELS, 'labels');
    const types = list(values.types, REL_TYPES, 'relationship types');
    const database = await openDatabase(loadConfig(), createLogger('warn'), repoRoot());
    try {
      const nodes = await database.db.read<ExportNode>(
        `MATCH (n) WHERE labels(n)[0] IN $labels AND ($source IS NULL OR $source IN coalesce(n.sources, []))
         RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS props ORDER BY label, id`,
        { labels, source: values.source ?? null },
      );
      const ids = new Set(nodes.map((n) => n.id));
      const rels = (
        await database.db.read<ExportRel>(
          `MATCH (a)-[r]->(b) WHERE type(r) IN $types AND labels(a)[0] IN $labels AND labels(b)[0] IN $labels
             AND ($source IS NULL OR r.source = $source)
           RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props ORDER BY type, from, to`,
          { types, labels, source: values.source ?? null },
        )
      )
        .filter((r) => ids.has(r.from) && ids.has(r.to))
        // `uid` is the importer's index key of series relationships (REL_SPECS), not a fact: not exported.
        .map((r) => ({ ...r, props: withoutUid(r.props) }));
      if (format === 'csv') {
        const dir = values.out as string;
        fs.mkdirSync(dir, { recursive: true });
        const t = toCsv(nodes, rels);
        fs.writeFileSync(path.join(dir, 'nodes.csv'), t.nodes);
        fs.writeFileSync(path.join(dir, 'relationships.csv'), t.relationships);
      } else {
        const body = format === 'graphml' ? toGraphML(nodes, rels) : `${JSON.stringify({ nodes, relationships: rels }, null, 1)}\n`;
        if (values.out) fs.writeFileSync(values.out, body);
        else process.stdout.write(body);
      }
      process.stderr.write(`Exported ${nodes.length} nodes and ${rels.length} relationships.\n`);
      return 0;
    } finally {
      await database.close();
    }
  },
});

function withoutUid(props: Record<string, unknown>): Record<string, unknown> {
  const { uid: _uid, ...rest } = props;
  return rest;
}
