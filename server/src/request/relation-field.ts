import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo } from 'graphql-parse-resolve-info';
import type { ResolveTree } from 'graphql-parse-resolve-info';

/**
 * The relation fields of the API as the request's loaders read them: a nested list field is one statement over
 * the parents' ids (`RelationField`), chosen for the selection asked for on its items. The look-ahead
 * (`modules/common/prefetch.ts`) plans the same statements, so that the rows it reads ahead prime the loaders.
 */

/** GraphQL field names selected on an entity; a projection reads only those it knows (plus `id`, `name`, `label`). */
export type Selection = ReadonlySet<string>;

/** A nested list field read by one relation statement (`REL`), with its parameters from the field's arguments. */
export interface RelationField<A = Record<string, unknown>> {
  /**
   * A constant statement that starts with `UNWIND $ids AS id` and returns `key, item` rows; for a relation
   * whose items are entities, the statement for the selection asked for on them (all fields without one).
   */
  cypher: string | ((selection?: Selection) => string);
  /** The statement's parameters from the field's arguments; throws on bad arguments (the resolver reports them). */
  params?: (args: A) => Record<string, unknown>;
  /**
   * For items that wrap an entity (a contribution's `state`), the item field whose selection the statement reads;
   * without it, the selection on the items themselves.
   */
  entityField?: string;
  /** Items too large to read as one list (monthly records): the look-ahead streams them, a row per item. */
  streamed?: boolean;
  /**
   * The entity type of the items (a GraphQL type name), for a relation of entities: the look-ahead reads the
   * relations asked for on the items too, one level further (prefetch.ts).
   */
  itemType?: string;
}

/** The relation fields of one GraphQL type, by field name. */
export type RelationFields = Record<string, RelationField<never>>;

/** The parameters of a relation field for the given arguments (the same for the resolver and the look-ahead). */
export function relationParams<A>(field: RelationField<A>, args: A): Record<string, unknown> {
  return field.params ? field.params(args) : {};
}

// The statements built for a selection, per selection and field: a list's items share both.
const built = new WeakMap<Selection, Map<RelationField<never>, string>>();

/** The statement of a relation field for the selection asked for on its items. */
export function relationCypher(field: RelationField<never>, selection?: Selection): string {
  if (typeof field.cypher === 'string') return field.cypher;
  if (!selection) return field.cypher();
  let byField = built.get(selection);
  if (!byField) built.set(selection, (byField = new Map<RelationField<never>, string>()));
  let cypher = byField.get(field);
  if (cypher === undefined) byField.set(field, (cypher = field.cypher(selection)));
  return cypher;
}

/** The subtrees of the fields named `name` directly under the given trees, whatever their type and alias. */
export function childrenNamed(trees: ResolveTree[], name: string): ResolveTree[] {
  return trees.flatMap((t) =>
    Object.values(t.fieldsByTypeName).flatMap((byAlias) => Object.values(byAlias).filter((f) => f.name === name)),
  );
}

/** The field names selected under a resolve tree, on any of its types (fragments, aliases and directives resolved). */
export function selectionOf(trees: ResolveTree[]): Set<string> {
  return new Set(
    trees.flatMap((t) =>
      Object.values(t.fieldsByTypeName).flatMap((byAlias) => Object.values(byAlias).map((f) => f.name)),
    ),
  );
}

/** What a relation field's statement reads for the given trees of the field: see `RelationField.entityField`. */
export function relationSelection(field: RelationField<never>, trees: ResolveTree[]): Set<string> {
  return selectionOf(field.entityField ? childrenNamed(trees, field.entityField) : trees);
}

// The selections of nested fields, per request (its variables, for @skip and @include), field (its nodes,
// shared by every item of a list) and entity field: a field resolver asks once per list, not once per item.
const selections = new WeakMap<object, WeakMap<object, Map<string, Selection>>>();

/**
 * What a relation field's statement reads for a resolver's query (`relationSelection`): the same set the
 * look-ahead computed for the field, so that the resolver's relation statement is the one the look-ahead primed.
 */
export function fieldSelection(info: GraphQLResolveInfo, field: RelationField<never>): Selection {
  let byField = selections.get(info.variableValues);
  if (!byField) selections.set(info.variableValues, (byField = new WeakMap()));
  let byEntity = byField.get(info.fieldNodes);
  if (!byEntity) byField.set(info.fieldNodes, (byEntity = new Map<string, Selection>()));
  const entity = field.entityField ?? '';
  let selection = byEntity.get(entity);
  if (!selection) {
    selection = relationSelection(field, [parseResolveInfo(info) as ResolveTree].filter(Boolean));
    byEntity.set(entity, selection);
  }
  return selection;
}

/** The key under which the loaders keep a relation statement with its parameters. */
export function loaderKey(cypher: string, params: Record<string, unknown>): string {
  return `${cypher}\u0000${JSON.stringify(params)}`;
}
