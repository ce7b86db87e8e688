import type { ManagedTransaction } from 'neo4j-driver';
import type { Database, WriteCounters } from '../db/database';
import { countersOf } from '../db/database';
import type { NodeLabel, Props, RelSpec, RelType } from '../model/graph';
import { NODE_LABELS, REL_SPECS, isNodeLabel, isRelType } from '../model/graph';
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

/** Property names the writer may name in a statement: readers' constants, checked all the same. */
const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A relationship property to set: its name (checked against PROPERTY_NAME) as a Cypher property access. */
function propertyAccess(name: string): string {
  if (!PROPERTY_NAME.test(name)) throw new Error(`property name not allowed: ${JSON.stringify(name)}`);
  return `r.\`${name}\``;
}

/**
 * The Cypher of relationship writes for one type and one set of properties (`props`, the names every row of
 * the group sets); endpoints must exist. Returns the rows it wrote.
 *
 * Rows are lists, not maps: `[from, to, i, uid (series types only), ...key values in REL_SPECS order, ...props
 * values in the given order]`. Neo4j reads a list of 2,000 lists in about a third of the time of 2,000 maps
 * (BENCHMARKS.md, import throughput), and naming each property (instead of `r += map`) keeps the plan free of
 * Eager operators (the numbers `i` of the rows written come back as one list for the same reason). Null values are left out of the rows by grouping on the properties a row sets, so that a
 * value not given never overwrites a stored one.
 */
export function relStatement(type: RelType, props: readonly string[] = []): string {
  if (!isRelType(type)) throw new Error(`relationship type not allowed: ${String(type)}`);
  const spec: RelSpec = REL_SPECS[type];
  const first = spec.series ? 4 : 3;
  const keySet = spec.key.map((k, n) => `${propertyAccess(k)} = row[${first + n}]`).join(', ');
  // A series type merges on its one-property key, `uid` (an index seek), and sets the key properties when it
  // creates the relationship; the others merge on their key properties.
  const merge = spec.series ? '{uid: row[3]}' : `{${spec.key.map((k, n) => `\`${k}\`: row[${first + n}]`).join(', ')}}`;
  const onCreate = spec.series ? `ON CREATE SET ${keySet}` : '';
  const set = [
    ...props.map((k, n) => `${propertyAccess(k)} = row[${first + spec.key.length + n}]`),
    'r.dataset = $dataset',
  ].join(', ');
  return `UNWIND $rows AS row
MATCH (a:${spec.from} {id: row[0]})
MATCH (b:${spec.to} {id: row[1]})
MERGE (a)-[r:${type} ${merge}]->(b)
${onCreate}
SET ${set}
RETURN collect(row[2]) AS written`;
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
    const rels = new Map<string, RelSlot>();
    ops.forEach(({ op }, i) => {
      if (op.kind === 'node') addNode(nodes, op);
      else addRel(rels, op, i);
    });
    const slots = [...rels.values()];
    const groups = groupRels(slots);
    const params = { source: this.source, dataset: this.dataset };
    const { results, written } = await this.db.writeTx(async (tx: ManagedTransaction) => {
      const res = [];
      for (const label of NODE_LABELS) {
        const rows = nodes.get(label);
        if (rows?.size) res.push(await tx.run(nodeStatement(label), { ...params, rows: [...rows.values()] }));
      }
      const done = new Set<number>();
      for (const { type, props, rows } of groups) {
        const r = await tx.run(relStatement(type, props), { ...params, rows });
        for (const rec of r.records)
          for (const n of rec.get('written') as unknown[]) for (const i of slots[Number(n)]?.ops ?? []) done.add(i);
        res.push(r);
      }
      return { results: res, written: done };
    }, this.txTimeoutMs);
    const missing: BatchResult['missing'] = [];
    ops.forEach(({ op, line }, i) => {
      if (op.kind === 'rel' && !written.has(i)) {
        const spec = REL_SPECS[op.type];
        missing.push({
          line,
          reason: `${op.type}: no ${spec.from} '${op.from}' or no ${spec.to} '${op.to}' in the graph`,
        });
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

/**
 * One relationship of a batch: rows of a file state the same relationship again and again (a mission's host on
 * each of its monthly rows), and one MERGE with the props merged in row order leaves it as the ops one after
 * another would (each later prop overwrites an earlier one; a value not given erases none). `ops`: the op
 * numbers it stands for, all written or none.
 */
interface RelSlot {
  op: RelOp;
  props: Record<string, unknown>;
  ops: number[];
}

/** Adds a relationship op (op number `i` of the batch) to the slot of its type, endpoints and key. */
function addRel(slots: Map<string, RelSlot>, op: RelOp, i: number): void {
  const spec: RelSpec = REL_SPECS[op.type];
  const id = JSON.stringify([op.type, op.from, op.to, ...spec.key.map((k) => op.key[k] ?? null)]);
  const seen = slots.get(id);
  if (seen) {
    Object.assign(seen.props, compact(op.props));
    seen.ops.push(i);
  } else slots.set(id, { op, props: compact(op.props), ops: [i] });
}

/** The relationship rows of a batch with one type and one set of properties: one statement (relStatement). */
interface RelGroup {
  type: RelType;
  props: string[];
  rows: unknown[][];
}

/** The slots as row lists (relStatement), grouped by type and the properties they set; `row[2]` is the slot number. */
function groupRels(slots: readonly RelSlot[]): RelGroup[] {
  const groups = new Map<string, RelGroup>();
  slots.forEach(({ op, props: values }, n) => {
    const spec: RelSpec = REL_SPECS[op.type];
    const props = Object.keys(values).sort();
    const name = `${op.type}\u0000${props.join(',')}`;
    let group = groups.get(name);
    if (!group) groups.set(name, (group = { type: op.type, props, rows: [] }));
    const head = spec.series ? [op.from, op.to, n, relUid(op)] : [op.from, op.to, n];
    group.rows.push([...head, ...spec.key.map((k) => op.key[k] ?? null), ...props.map((k) => values[k])]);
  });
  return [...groups.values()];
}

function dedupeByLine<T extends { line: number }>(items: T[]): T[] {
  const seen = new Set<number>();
  return items.filter((i) => (seen.has(i.line) ? false : (seen.add(i.line), true)));
}
