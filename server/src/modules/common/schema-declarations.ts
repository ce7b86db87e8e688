import { registerEnumType } from 'type-graphql';
import ENUMS from './enums.json';

// Helpers to declare the schema in fewer words: an enum in one call, several decorators of a field as one.

/** Several decorators of a field or argument as one (`DateField` is a Field, IsOptional and IsPartialDate). */
export function composeDecorators(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/**
 * One value of a GraphQL enum: its description, or the description with the value the code and the graph use
 * where that is not the name itself (`FULL` is `'full'` in the COW IGO data) and a deprecation.
 */
export type EnumValueSpec =
  string | { readonly description: string; readonly value?: string; readonly deprecationReason?: string };

type ValueOf<K, S> = S extends { readonly value: infer V extends string } ? V : K;

/** The object `graphqlEnum` returns: each name to its value, as a TypeScript string enum has them. */
export type GraphQLEnum<V extends Record<string, EnumValueSpec>> = {
  readonly [K in keyof V & string]: ValueOf<K, V[K]>;
};

/** The values of an enum made by `graphqlEnum`, as a type: `type SortDirection = EnumValue<typeof SortDirection>`. */
export type EnumValue<E> = E[keyof E];

/**
 * A GraphQL enum declared once: the names, the values and the descriptions side by side, instead of a TypeScript
 * `enum` followed by `registerEnumType` repeating every name in its `valuesConfig`. Returns a frozen object to use
 * as a string enum is used (`SortDirection.ASC`, `Object.values(SortDirection)`, `@Field(() => SortDirection)`).
 */
export function graphqlEnum<const V extends Record<string, EnumValueSpec>>(
  name: string,
  description: string,
  values: V,
): GraphQLEnum<V> {
  const specs = Object.entries(values).map(
    ([key, spec]) => [key, typeof spec === 'string' ? { description: spec } : spec] as const,
  );
  const object = Object.fromEntries(specs.map(([key, spec]) => [key, spec.value ?? key]));
  const valuesConfig = Object.fromEntries(
    specs.map(([key, { description: text, deprecationReason }]) => [
      key,
      deprecationReason ? { description: text, deprecationReason } : { description: text },
    ]),
  );
  registerEnumType(object, { name, description, valuesConfig });
  return Object.freeze(object) as GraphQLEnum<V>;
}

/** The enums of `enums.json`: the API's vocabularies, each with its description and the meaning of each value. */
export type DeclaredEnumName = keyof typeof ENUMS;

/**
 * A GraphQL enum whose names and descriptions are in `enums.json`, the one file that lists the API's vocabularies
 * (sort keys, units of analysis, pair types...) with what each value means. Enums whose values differ from their
 * names (`MembershipStatus`, `UniverseExtension`) and those built from the model (`RelationshipType`) are declared
 * with `graphqlEnum` in their module.
 */
export function declaredEnum<const N extends DeclaredEnumName>(name: N): GraphQLEnum<(typeof ENUMS)[N]['values']> {
  const { description, values } = ENUMS[name];
  return graphqlEnum(name, description, values as (typeof ENUMS)[N]['values']);
}
