import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { GraphResolver } from './modules/graph/graph.resolver';
import { OrganizationResolver } from './modules/organization/organization.resolver';

/** Every resolver of the API, in one list. */
export const RESOLVERS = [OrganizationResolver, GraphResolver] as const;

/** Builds the executable GraphQL schema from the type-graphql classes. */
export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    validate: { forbidUnknownValues: false },
  });
}
