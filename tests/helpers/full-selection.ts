import { getNamedType, isLeafType, isObjectType, isNonNullType } from 'graphql';
import type { GraphQLSchema } from 'graphql';

/**
 * The selection set of every field of a type reachable without required arguments, down to `depth` levels of
 * objects: a question that asks for the whole answer, so that comparing two answers compares every figure.
 * Fields of interfaces and unions (nodes of any kind) ask for `__typename` and `id` only.
 */
export function fullSelection(schema: GraphQLSchema, typeName: string, depth: number): string {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  const fields: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.deprecationReason) continue;
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) fields.push(field.name);
    else if (isObjectType(named)) {
      if (depth > 1) fields.push(`${field.name} { ${fullSelection(schema, named.name, depth - 1)} }`);
    } else fields.push(`${field.name} { __typename ... on Node { id } }`);
  }
  return fields.join(' ');
}
