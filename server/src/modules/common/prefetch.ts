import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo } from 'graphql-parse-resolve-info';
import type { ResolveTree } from 'graphql-parse-resolve-info';
import type { Database } from '../../db/database';
import type { Loaders } from '../../request/loaders';
import type { RelationField, RelationFields, Selection } from '../../request/relation-field';
import {
  childrenNamed,
  loaderKey,
  relationCypher,
  relationParams,
  relationSelection,
  selectionOf,
} from '../../request/relation-field';

/**
 * Look-ahead for nested lists. A root field (`mission`, `missions`, `organization`...) reads its selection set,
 * finds the nested relation fields asked for (`organizations`, `hosts`, `contributors(period: ...)`), and reads
 * them in its own statement as `CALL` subqueries over the ids it found. The rows prime the request's loaders,
 * so the field resolvers answer from them: a nested query costs one database round trip, whatever the lists.
 * A field the look-ahead does not cover (bad arguments, a deeper level) still loads through its loader.
 */

/** One relation the root statement will read. */
export interface PlannedRelation {
  cypher: string;
  params: Record<string, unknown>;
  /**
   * Read as one list (a relation of entities, their projections small) instead of a row per item: a row costs
   * more than its few fields. Relations with large items (monthly records) stream, see withRelations.
   */
  collected?: boolean;
}

/** What a root field's selection asks for: relations to read ahead (with the loaders to give them to), and its own fields. */
export interface LookAhead {
  planned: PlannedRelation[];
  loaders: Loaders;
  /** The fields selected on the root field's value (for a connection: `items`, `totalCount`, `pageInfo`). */
  selected: ReadonlySet<string>;
  /** The fields selected on its items (the root entity itself, or a connection's `items`): what its projection reads. */
  fields: Selection;
}

/** At most this many relations are folded into one root statement (a selection rarely asks for more). */
export const MAX_PREFETCH = 12;

/**
 * The relations asked for on the items of type `typeName` of the given trees. Fragments, aliases, `@skip` and
 * `@include` are resolved by graphql-parse-resolve-info.
 */
export function planRelations(trees: ResolveTree[], typeName: string, fields: RelationFields): PlannedRelation[] {
  const planned = new Map<string, PlannedRelation>();
  for (const tree of trees) {
    for (const sub of Object.values(tree.fieldsByTypeName[typeName] ?? {})) {
      const field = fields[sub.name] as RelationField<Record<string, unknown>> | undefined;
      if (!field) continue;
      let params: Record<string, unknown>;
      try {
        params = relationParams(field, sub.args);
      } catch {
        continue; // bad arguments: the field's resolver reports them
      }
      const cypher = relationCypher(field, relationSelection(field, [sub]));
      const key = loaderKey(cypher, params);
      if (!planned.has(key) && planned.size < MAX_PREFETCH)
        planned.set(key, { cypher, params, collected: typeof field.cypher !== 'string' && !field.streamed });
    }
  }
  return [...planned.values()];
}

/**
 * The look-ahead of a root field: the relations asked for on its items of type `typeName` (under `path`; for a
 * connection `['items']`) and the fields selected on its value.
 */
export function lookAhead(
  info: GraphQLResolveInfo,
  loaders: Loaders,
  typeName: string,
  fields: RelationFields,
  path: string[] = [],
): LookAhead {
  const root = [parseResolveInfo(info) as ResolveTree].filter(Boolean);
  const items = path.reduce(childrenNamed, root);
  return {
    planned: planRelations(items, typeName, fields),
    loaders,
    selected: selectionOf(root),
    fields: selectionOf(items),
  };
}

const IDS_HEAD = /^UNWIND \$ids AS id\b/;

/**
 * A root statement with the planned relations read after it, as one stream of rows: the root's row (`__rel`
 * -1, the root's `columns`) and then the rows of each relation (`__rel` i, `__key`, `__item`), each relation a
 * `CALL` subquery over `__ids`, the ids of the root's items (`idsExpr`, a constant expression over its
 * columns). A relation of entities (`collected`) comes as one row, `__item` the list of its `[key, item]` pairs:
 * its projections are small and a row costs more than its few fields. The others stream, a row per item:
 * collecting large items (monthly records) into one list would cost Neo4j an estimate of every item's size.
 * A relation's parameters are renamed `$__rel<i>_<name>` so that relations never share one. `root`, `columns`
 * and `idsExpr` are constants of the caller; the relation statements are constants of the REL map.
 */
export function withRelations(
  root: string,
  columns: string[],
  idsExpr: string,
  rootParams: Record<string, unknown>,
  planned: PlannedRelation[],
): { cypher: string; params: Record<string, unknown> } {
  if (!planned.length) return { cypher: root, params: rootParams };
  const params: Record<string, unknown> = { ...rootParams };
  const branches = planned.map((rel, i) => {
    if (!IDS_HEAD.test(rel.cypher)) throw new Error('a relation statement must start with UNWIND $ids AS id');
    const body = rel.cypher
      .replace(IDS_HEAD, 'UNWIND __ids AS id')
      .replace(/\$(\w+)/g, (_m, name: string) => `$__rel${i}_${name}`);
    for (const [name, value] of Object.entries(rel.params)) params[`__rel${i}_${name}`] = value;
    const row = rel.collected ? 'null AS __key, collect([key, item]) AS __item' : 'key AS __key, item AS __item';
    return `  CALL (__ids) {\n${body}\n  }\n  RETURN ${i} AS __rel, ${row}`;
  });
  const rootColumns = columns.map((c) => `CASE WHEN __rel < 0 THEN ${c} END AS ${c}`).join(', ');
  const cypher = `CALL () {\n${root}\n}\nWITH *, ${idsExpr} AS __ids\nCALL (__ids) {\n  RETURN -1 AS __rel, null AS __key, null AS __item\n  UNION ALL\n${branches.join('\n  UNION ALL\n')}\n}\nRETURN __rel, __key, __item, ${rootColumns}`;
  return { cypher, params };
}

/**
 * Splits the rows of `withRelations` into the root's row and the relations' lists, and gives those to the
 * loaders: every id of `ids` gets its list (empty when it has none), in the order the statement gave.
 */
export function primeRelations<R>(
  loaders: Loaders,
  planned: PlannedRelation[],
  rows: R[],
  ids: (root: R) => string[],
): R | undefined {
  if (!planned.length) return rows[0];
  type Streamed = { __rel: number; __key: string | null; __item: unknown };
  const root = rows.find((r) => (r as Streamed).__rel < 0);
  if (!root) return undefined;
  const lists = planned.map(() => new Map<string, unknown[]>(ids(root).map((id) => [id, []])));
  for (const row of rows as Streamed[]) {
    if (row.__rel < 0) continue;
    const list = lists[row.__rel];
    if (row.__key !== null) list?.get(row.__key)?.push(row.__item);
    else for (const [key, item] of row.__item as [string, unknown][]) list?.get(key)?.push(item);
  }
  planned.forEach((rel, i) => loaders.prime(rel.cypher, rel.params, lists[i]));
  return root;
}

/**
 * Whether a page statement must count every match: `totalCount` is asked for (or nothing tells). Otherwise the
 * page is cut by `ORDER BY ... SKIP ... LIMIT`, which Neo4j answers with a top-k sort instead of sorting and
 * collecting every match.
 */
export function wantsTotal(ahead?: LookAhead): boolean {
  return !ahead || ahead.selected.has('totalCount');
}

/** Runs a page statement of `withRelations` (columns `total`, `page`) and gives the relations it read to the loaders. */
export async function readPage<T extends { id: string }>(
  db: Database,
  q: { cypher: string; params: Record<string, unknown> },
  ahead?: LookAhead,
): Promise<{ rows: T[]; total: number }> {
  const rows = await db.read<{ total: number | null; page: T[] }>(q.cypher, q.params);
  const root = ahead ? primeRelations(ahead.loaders, ahead.planned, rows, (r) => r.page.map((p) => p.id)) : rows[0];
  return { rows: root?.page ?? [], total: root?.total ?? 0 };
}
