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
import { RELATIONS_BY_TYPE } from './relations-by-type';

/**
 * Look-ahead for nested lists. A root field (`mission`, `missions`, `organization`...) reads its selection set,
 * finds the nested relation fields asked for (`organizations`, `hosts`, `contributors(period: ...)`), and reads
 * them in its own statement as `CALL` subqueries over the ids it found, and the relations asked for on their items
 * one level further (`organization { missions { hosts { id } } }`). The rows prime the request's loaders, so the
 * field resolvers answer from them: a nested query two levels deep costs one database round trip, whatever the
 * lists. A field the look-ahead does not cover (bad arguments, a third level) still loads through its loader.
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
  /**
   * A relation of the items of another planned relation (its index in the plan, always lower), one level further:
   * it reads over their ids (`missions { hosts { id } }` under an organization).
   */
  parent?: number;
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

/** A relation of the plan with the subtrees (the field as the query asks for it) that planned it. */
interface Planning {
  relation: PlannedRelation;
  field: RelationField<Record<string, unknown>>;
  trees: ResolveTree[];
}

/**
 * Plans the relations asked for on the items of type `typeName` of the given trees into `planned` (keyed by loader
 * key, in plan order), each with `parent` when it reads over another relation's items. Fragments, aliases, `@skip`
 * and `@include` are resolved by graphql-parse-resolve-info.
 */
function plan(
  planned: Map<string, Planning>,
  trees: ResolveTree[],
  typeName: string,
  fields: RelationFields,
  parent?: number,
): void {
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
      const seen = planned.get(key);
      if (seen) {
        if (seen.relation.parent === parent) seen.trees.push(sub);
      } else if (planned.size < MAX_PREFETCH) {
        const collected = typeof field.cypher !== 'string' && !field.streamed;
        planned.set(key, { relation: { cypher, params, collected, parent }, field, trees: [sub] });
      }
    }
  }
}

/**
 * The relations asked for on the items of type `typeName` of the given trees, and those asked for on their items
 * one level further (a relation of entities whose type has relations of its own: `RelationField.itemType`).
 */
export function planRelations(trees: ResolveTree[], typeName: string, fields: RelationFields): PlannedRelation[] {
  const planned = new Map<string, Planning>();
  plan(planned, trees, typeName, fields);
  const first = [...planned.values()];
  first.forEach(({ relation, field, trees: subs }, i) => {
    const itemFields = field.itemType && relation.collected ? RELATIONS_BY_TYPE[field.itemType] : undefined;
    if (itemFields && field.itemType) plan(planned, subs, field.itemType, itemFields, i);
  });
  return [...planned.values()].map((p) => p.relation);
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
  // A relation's statement over `__ids`, its parameters renamed after its place in the plan.
  const body = (rel: PlannedRelation, i: number, ids: '__ids' | '__itemIds' = '__ids') => {
    if (!IDS_HEAD.test(rel.cypher)) throw new Error('a relation statement must start with UNWIND $ids AS id');
    return rel.cypher
      .replace(IDS_HEAD, `UNWIND ${ids} AS id`)
      .replace(/\$(\w+)/g, (_m, name: string) => `$__rel${i}_${name}`);
  };
  const branches = planned.map((rel, i) => {
    for (const [name, value] of Object.entries(rel.params)) params[`__rel${i}_${name}`] = value;
    const parent = rel.parent === undefined ? undefined : planned[rel.parent];
    if (rel.parent !== undefined && (!parent || rel.parent >= i || parent.parent !== undefined))
      throw new Error('a relation one level further reads over a relation of the first level planned before it');
    // One level further: the parent's statement again, its items' ids (`__itemIds`) the ids this one reads.
    const own = parent
      ? `CALL (__ids) {\n${body(parent, rel.parent as number)}\n  }\n  WITH collect(DISTINCT item.id) AS __itemIds\n${body(rel, i, '__itemIds')}`
      : body(rel, i);
    const row = rel.collected ? 'null AS __key, collect([key, item]) AS __item' : 'key AS __key, item AS __item';
    return `  CALL (__ids) {\n${own}\n  }\n  RETURN ${i} AS __rel, ${row}`;
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
  const byRelation = planned.map(() => [] as Streamed[]);
  for (const row of rows as Streamed[]) if (row.__rel >= 0) byRelation[row.__rel]?.push(row);
  const lists: Map<string, unknown[]>[] = [];
  planned.forEach((rel, i) => {
    // The keys: the root's ids, or for a relation one level further the ids of its parent's items.
    const parent = rel.parent === undefined ? undefined : lists[rel.parent];
    const keys = parent
      ? [...parent.values()].flatMap((items) => items.map((item) => (item as { id: string }).id))
      : ids(root);
    const list = new Map<string, unknown[]>(keys.map((id) => [id, []]));
    for (const row of byRelation[i] ?? []) {
      if (row.__key !== null) list.get(row.__key)?.push(row.__item);
      else for (const [key, item] of row.__item as [string, unknown][]) list.get(key)?.push(item);
    }
    lists.push(list);
    loaders.prime(rel.cypher, rel.params, list);
  });
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
