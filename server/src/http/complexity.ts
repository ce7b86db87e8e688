import type { ApolloServerPlugin } from '@apollo/server';
import { getNullableType, isListType } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { AppError, ErrorCode } from '../errors';
import { BoundedCache } from './bounded-cache';
import type { GraphQLContext } from '../modules/common/context';

/** The assumed length of a list field without a page size, for cost estimates. */
const UNPAGED_LIST_SIZE = 10;

/**
 * Rejects operations whose estimated cost exceeds the limit before they run. Fields declare their cost with
 * type-graphql's `complexity` option; list fields multiply their children by `first` where they take it;
 * every other field costs 1.
 */
export function complexityPlugin(schema: GraphQLSchema, maxComplexity: number, maxPageSize: number): ApolloServerPlugin<GraphQLContext> {
  // The cost depends on the document, the operation and the variables: the same request is estimated once.
  const costs = new BoundedCache<number>();
  const estimate = (request: { query?: string; operationName?: string | null; variables?: Record<string, unknown> | null }, document: DocumentNode): number => {
    const key = JSON.stringify([request.query ?? null, request.operationName ?? null, request.variables ?? null]);
    const known = costs.get(key);
    if (known !== undefined) return known;
    const complexity = getComplexity({
      schema,
      operationName: request.operationName ?? undefined,
      query: document,
      variables: request.variables ?? undefined,
      estimators: [
        ({ args, childComplexity, field, type }) => {
          // Introspection costs nothing here; production switches it off instead.
          if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
          const own = (field.extensions as { complexity?: unknown }).complexity;
          // A paged list costs its page size per child; an unpaged list is assumed to hold about ten items.
          // `items` of a connection is already counted by the connection's `first`.
          const list = isListType(getNullableType(field.type)) && field.name !== 'items';
          // A page size over the cap is rejected by argument validation (BAD_USER_INPUT), not here.
          const first = typeof args.first === 'number' ? Math.min(Math.max(args.first, 0), maxPageSize) : undefined;
          const size = first ?? (typeof args.limit === 'number' ? Math.ceil(args.limit / 10) : list ? UNPAGED_LIST_SIZE : 1);
          return (typeof own === 'number' ? own : 1) + Math.max(1, size) * childComplexity;
        },
        fieldExtensionsEstimator(),
        simpleEstimator({ defaultComplexity: 1 }),
      ],
    });
    costs.set(key, complexity);
    return complexity;
  };
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = estimate(request, document);
          } catch {
            // Invalid variables: execution reports them with BAD_USER_INPUT.
            return Promise.resolve();
          }
          if (complexity > maxComplexity) {
            return Promise.reject(
              new AppError(ErrorCode.QUERY_TOO_COMPLEX, `The query costs ${complexity}; the limit is ${maxComplexity}. Ask for fewer items or fewer nested fields.`, {
                complexity,
                maxComplexity,
                http: { status: 400 },
              }),
            );
          }
          return Promise.resolve();
        },
      }),
  };
}
