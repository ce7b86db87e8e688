/**
 * The columns of a graph export, shared by its formats (CSV, GraphML, GEXF): the fixed columns, one column per
 * property named by the one rule (column-names.ts), and each column's type, read from its values across the graph.
 */
import { nameColumns } from './column-names';

/** A node as the export reads it; `label` is its Neo4j label (Mission, State, ...). */
export interface ExportNode {
  id: string;
  label: string;
  props: Record<string, unknown>;
}

/** A relationship as the export reads it: its type, the ids of its endpoints and its properties. */
export interface ExportRel {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/**
 * What a column holds: whole numbers, any numbers, 1/0 (CSV) or true/false (XML), dates (ISO 8601, `YYYY`,
 * `YYYY-MM` or `YYYY-MM-DD` as the sources give them), text, or lists (JSON text). A column whose values are of
 * different kinds is text.
 */
export type ColumnType = 'integer' | 'number' | 'boolean' | 'date' | 'string' | 'list';

export interface GraphColumn {
  /** The column's name (a Stata name, the same in every format). */
  column: string;
  /** The property it holds; null for a column the export makes. */
  property: string | null;
  type: ColumnType;
  description: string;
  /** For an integer column: whether every value fits 32 bits (GraphML `int`, GEXF `integer`; else `long`). */
  int32?: boolean;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The type of a column from its values (unknown values are left out; no value at all is text). */
export function columnType(values: Iterable<unknown>): { type: ColumnType; int32: boolean } {
  const kinds = new Set<ColumnType>();
  let int32 = true;
  for (const v of values) {
    if (!isKnown(v)) continue;
    if (Array.isArray(v)) kinds.add('list');
    else if (typeof v === 'boolean') kinds.add('boolean');
    else if (typeof v === 'number') {
      kinds.add(Number.isInteger(v) ? 'integer' : 'number');
      if (Number.isInteger(v) && (v < -2147483648 || v > 2147483647)) int32 = false;
    } else if (typeof v === 'string') kinds.add(DATE.test(v) ? 'date' : 'string');
    else kinds.add('string');
  }
  if (kinds.size === 1) return { type: [...kinds][0], int32 };
  if (kinds.size === 2 && kinds.has('integer') && kinds.has('number')) return { type: 'number', int32 };
  return { type: 'string', int32 };
}

/** The name a node goes by in Gephi and the tables: its acronym, else its name, else its id. */
export function displayName(node: ExportNode): string {
  for (const key of ['acronym', 'name']) {
    const v = node.props[key];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return node.id;
}

/**
 * The weight of a relationship: its personnel figure where it carries one (CONTRIBUTED_TO: `total`, else Geo-PKO's
 * `troopsEstimate`; PERSONNEL_IN: `total`); null otherwise, never 0 for an unknown figure. Co-deployment (missions
 * sharing a conflict or host at the same time) is derived by the API, not a stored relationship, so it has no
 * weight here.
 */
export function weightOf(rel: ExportRel): number | null {
  for (const key of ['total', 'troopsEstimate']) {
    const v = rel.props[key];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return null;
}

/** The fixed columns of nodes (every format uses these names, so a property's column is the same in each). */
export const NODE_FIXED = [
  { column: 'id', type: 'string', description: "The node's id in the graph (unique across all kinds of node)." },
  {
    column: 'entity_type',
    type: 'string',
    description: 'The kind of node (its Neo4j label): Organization, Mission, Conflict, State or Person.',
  },
  { column: 'label', type: 'string', description: 'The name to show: the acronym, else the name, else the id.' },
] as const satisfies readonly { column: string; type: ColumnType; description: string }[];

/** The fixed columns of relationships. */
export const REL_FIXED = [
  { column: 'from_id', type: 'string', description: 'Id of the node the relationship starts from.' },
  { column: 'to_id', type: 'string', description: 'Id of the node it points to.' },
  { column: 'type', type: 'string', description: 'The relationship type (CONTRIBUTED_TO, DEPLOYED, ...).' },
  {
    column: 'weight',
    type: 'number',
    description:
      'Personnel where the relationship carries a figure (CONTRIBUTED_TO: total, else the Geo-PKO troops estimate; PERSONNEL_IN: total); empty where it carries none (unknown, never 0).',
  },
] as const satisfies readonly { column: string; type: ColumnType; description: string }[];

/** Relationship properties renamed before the rule: CONTRIBUTED_TO's months, apart from the endpoints. */
export const REL_RENAMES: Readonly<Record<string, string>> = { from: 'from_month', to: 'to_month' };

function propertyColumns<T extends { props: Record<string, unknown> }>(
  items: readonly T[],
  kindOf: (item: T) => string,
  fixed: readonly { column: string; type: ColumnType; description: string }[],
  renames: Readonly<Record<string, string>>,
  skip: ReadonlySet<string>,
): GraphColumn[] {
  const kinds = new Map<string, Set<string>>();
  for (const item of items) {
    for (const [key, value] of Object.entries(item.props)) {
      if (skip.has(key) || !isKnown(value)) continue;
      let set = kinds.get(key);
      if (!set) kinds.set(key, (set = new Set()));
      set.add(kindOf(item));
    }
  }
  const { byProperty } = nameColumns(
    fixed.map((f) => f.column),
    kinds.keys(),
    renames,
  );
  const columns: GraphColumn[] = fixed.map((f) => ({ ...f, property: null }));
  for (const [property, column] of [...byProperty.entries()]) {
    const { type, int32 } = columnType(items.map((i) => i.props[property]));
    const where = [...(kinds.get(property) ?? [])].sort().join(', ');
    columns.push({ column, property, type, int32, description: `Property \`${property}\` of ${where}.` });
  }
  return columns;
}

/** The columns of the nodes: id, entity_type, label, then one per property (the `id` property is the id column). */
export function nodeColumns(nodes: readonly ExportNode[]): GraphColumn[] {
  return propertyColumns(nodes, (n) => n.label, NODE_FIXED, {}, new Set(['id']));
}

/** The columns of the relationships: from_id, to_id, type, weight, then one per property. */
export function relColumns(rels: readonly ExportRel[]): GraphColumn[] {
  return propertyColumns(rels, (r) => r.type, REL_FIXED, REL_RENAMES, new Set(['uid']));
}

/** A value as XML text: lists (and maps) as JSON, booleans as true/false, numbers as they are. */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

/**
 * Whether a value is known: not null, not a non-finite number, and not the empty text that the importer stores for
 * an unknown key property (`start: ''`, `site: ''`; CSV writes both as an empty cell).
 */
export function isKnown(v: unknown): boolean {
  return v !== null && v !== undefined && v !== '' && !(typeof v === 'number' && !Number.isFinite(v));
}

/**
 * The XML attribute type of a column, as GraphML (`int`) and GEXF (`integer`) name them: a 64-bit integer
 * (`int32: false`) is `long`, dates and lists are written as strings.
 */
export function xmlAttributeType(c: GraphColumn, int32Name: 'int' | 'integer'): string {
  const types: Record<ColumnType, string> = {
    integer: c.int32 === false ? 'long' : int32Name,
    number: 'double',
    boolean: 'boolean',
    date: 'string',
    string: 'string',
    list: 'string',
  };
  return types[c.type];
}
