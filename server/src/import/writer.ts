import type { ManagedTransaction } from 'neo4j-driver';
import type { Database, WriteCounters } from '../db/database';
import { countersOf } from '../db/database';
import type { NodeLabel, Props, RelSpec, RelType } from './model';
import { NODE_LABELS, REL_SPECS, isNodeLabel, isRelType } from './model';
import type { GraphOp, NodeOp, RelOp } from './types';

/** One op with the line of the row it came from, so that a failed reference can be reported. */
export interface LocatedOp {
  op: GraphOp;
  line: number;
}

export interface BatchResult {
  counters: WriteCounters;
  /** Rows whose relationships could not be written because an endpoint is not in the graph. */
  missing: { line: number; reason: string }[];
}

/** Drops null and undefined values: a source that does not give a value never erases another's. */
export function compact(props: Props | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props ?? {})) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

/**
 * The Cypher of node writes for one label. The label comes from the allow-list, never from input.
 * `sources` and `datasets` list every import that stated the node. A node that already holds every value of
 * the row and names the import is not written again: files state the same few states and missions on every
 * row, and a write would lock those dense nodes for nothing.
 */
export function nodeStatement(label: NodeLabel): string {
  if (!isNodeLabel(label)) throw new Error(`label not allowed: ${String(label)}`);
  return `UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
ON CREATE SET n += row.onCreate
WITH n, row
WHERE NOT $source IN coalesce(n.sources, []) OR NOT $dataset IN coalesce(n.datasets, [])
   OR any(k IN keys(row.props) WHERE n[k] IS NULL OR n[k] <> row.props[k])
SET n += row.props,
    n.sources = CASE WHEN $source IN coalesce(n.sources, []) THEN n.sources ELSE coalesce(n.sources, []) + $source END,
    n.datasets = CASE WHEN $dataset IN coalesce(n.datasets, []) THEN n.datasets ELSE coalesce(n.datasets, []) + $dataset END`;
}

/** The Cypher of relationship writes for one type; endpoints must exist. Returns the rows it wrote. */
export function relStatement(type: RelType): string {
  if (!isRelType(type)) throw new Error(`relationship type not allowed: ${String(type)}`);
  const spec: RelSpec = REL_SPECS[type];
  // A series type merges on its one-property key, `uid` (an index seek), and sets the key properties when it
  // creates the relationship; the others merge on their key properties.
  const key = spec.series ? 'uid: row.uid' : spec.key.map((k) => `${k}: row.key.${k}`).join(', ');
  const onCreate = spec.series ? 'ON CREATE SET r += row.key' : '';
  return `UNWIND $rows AS row
MATCH (a:${spec.from} {id: row.from})
MATCH (b:${spec.to} {id: row.to})
MERGE (a)-[r:${type} {${key}}]->(b)
${onCreate}
SET r += row.props, r.dataset = $dataset
RETURN row.i AS i`;
}

/** The `uid` of a relationship of a series type: its endpoints and key values, unambiguous whatever they contain. */
export function relUid(op: RelOp): string {
  const spec: RelSpec = REL_SPECS[op.type];
  return JSON.stringify([op.from, op.to, ...spec.key.map((k) => op.key[k] ?? null)]);
}

/**
 * Writes batches of graph ops: one transaction per batch, node MERGEs first (grouped by label), then
 * relationship MERGEs (grouped by type), each group one UNWIND statement. A batch is all or nothing.
 */
export class GraphWriter {
  constructor(
    private readonly db: Database,
    private readonly source: string,
    private readonly dataset: string,
    private readonly txTimeoutMs = 120_000,
  ) {}

  async writeBatch(ops: LocatedOp[]): Promise<BatchResult> {
    const nodes = new Map<NodeLabel, Map<string, NodeRow>>();
    const rels = new Map<RelType, Record<string, unknown>[]>();
    ops.forEach(({ op }, i) => {
      if (op.kind === 'node') addNode(nodes, op);
      else pushTo(rels, op.type, relRow(op, i));
    });
    const params = { source: this.source, dataset: this.dataset };
    const { results, written } = await this.db.writeTx(async (tx: ManagedTransaction) => {
      const res = [];
      for (const label of NODE_LABELS) {
        const rows = nodes.get(label);
        if (rows?.size) res.push(await tx.run(nodeStatement(label), { ...params, rows: [...rows.values()] }));
      }
      const done = new Set<number>();
      for (const [type, rows] of rels) {
        const r = await tx.run(relStatement(type), { ...params, rows });
        for (const rec of r.records) done.add(Number(rec.get('i')));
        res.push(r);
      }
      return { results: res, written: done };
    }, this.txTimeoutMs);
    const missing: BatchResult['missing'] = [];
    ops.forEach(({ op, line }, i) => {
      if (op.kind === 'rel' && !written.has(i)) {
        const spec = REL_SPECS[op.type];
        missing.push({ line, reason: `${op.type}: no ${spec.from} '${op.from}' or no ${spec.to} '${op.to}' in the graph` });
      }
    });
    return { counters: countersOf(results), missing: dedupeByLine(missing) };
  }

  /** Records the imported file as a Dataset node: the evidence behind every fact it stated. */
  async recordDataset(props: Record<string, unknown>): Promise<void> {
    await this.db.write('MERGE (d:Dataset {id: $id}) SET d += $props', { id: this.dataset, props });
  }
}

interface NodeRow {
  id: string;
  props: Record<string, unknown>;
  onCreate: Record<string, unknown>;
}

/**
 * Adds a node op to its label's rows, one row per node: rows of a file state the same state or mission again
 * and again, and one MERGE with the props merged in row order leaves the node as the ops one after another
 * would (the first op's `onCreate` creates it, each later prop overwrites an earlier one).
 */
function addNode(nodes: Map<NodeLabel, Map<string, NodeRow>>, op: NodeOp): void {
  let rows = nodes.get(op.label);
  if (!rows) nodes.set(op.label, (rows = new Map<string, NodeRow>()));
  const seen = rows.get(op.id);
  if (seen) Object.assign(seen.props, compact(op.props));
  else rows.set(op.id, { id: op.id, props: compact(op.props), onCreate: compact(op.onCreate) });
}

function relRow(op: RelOp, i: number): Record<string, unknown> {
  const uid = (REL_SPECS[op.type] as RelSpec).series ? relUid(op) : undefined;
  return { from: op.from, to: op.to, key: op.key, props: compact(op.props), i, ...(uid ? { uid } : {}) };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function dedupeByLine<T extends { line: number }>(items: T[]): T[] {
  const seen = new Set<number>();
  return items.filter((i) => (seen.has(i.line) ? false : (seen.add(i.line), true)));
}
