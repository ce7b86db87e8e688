import type { ApolloServerPlugin } from '@apollo/server';
import { getNullableType, isListType } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { AppError, ErrorCode } from '../errors';
import { BoundedCache } from './bounded-cache';
import type { GraphQLContext } from '../request/context';

/** The assumed length of a list field without a page size, for cost estimates. */
const UNPAGED_LIST_SIZE = 10;

/** What an operation costs and how many expensive root fields it asks for. */
interface Estimate {
  complexity: number;
  expensive: number;
}

/** The limits an operation must stay within before it runs. */
export interface CostLimits {
  maxComplexity: number;
  maxPageSize: number;
  /** Root fields whose cost rule is marked expensive (modules/common/costs.ts), at most this many per operation. */
  maxExpensiveFields: number;
}

/**
 * Rejects operations whose estimated cost exceeds the limit, or that ask for more expensive root fields than
 * allowed, before they run. Expensive fields carry a cost rule computed from their arguments
 * (modules/common/costs.ts); other fields declare a number with type-graphql's `complexity` option; list
 * fields multiply their children by `first` where they take it; every other field costs 1.
 */
export function complexityPlugin(schema: GraphQLSchema, limits: CostLimits): ApolloServerPlugin<GraphQLContext> {
  const { maxComplexity, maxPageSize, maxExpensiveFields } = limits;
  // The cost depends on the document, the operation and the variables: the same request is estimated once.
  const costs = new BoundedCache<Estimate>();
  const queryType = schema.getQueryType();
  const estimate = (
    request: { query?: string; operationName?: string | null; variables?: Record<string, unknown> | null },
    document: DocumentNode,
  ): Estimate => {
    const key = JSON.stringify([request.query ?? null, request.operationName ?? null, request.variables ?? null]);
    const known = costs.get(key);
    if (known !== undefined) return known;
    let expensive = 0;
    const complexity = getComplexity({
      schema,
      operationName: request.operationName ?? undefined,
      query: document,
      variables: request.variables ?? undefined,
      estimators: [
        (options) => {
          const { args, childComplexity, field, type } = options;
          // Introspection costs nothing here; production switches it off instead.
          if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
          const own = (field.extensions as { complexity?: unknown }).complexity;
          // A cost rule (modules/common/costs.ts) prices the field from its arguments, its lists included.
          if (typeof own === 'function') {
            const isExpensive = (own as { expensive?: (a: Record<string, unknown>) => boolean }).expensive;
            if (type === queryType && isExpensive?.(args)) expensive += 1;
            return (own as (o: typeof options) => number)(options);
          }
          // A paged list costs its page size per child; an unpaged list is assumed to hold about ten items.
          // `items` of a connection is already counted by the connection's `first`.
          const list = isListType(getNullableType(field.type)) && field.name !== 'items';
          // A page size over the cap is rejected by argument validation (BAD_USER_INPUT), not here.
          const first = typeof args.first === 'number' ? Math.min(Math.max(args.first, 0), maxPageSize) : undefined;
          const size =
            first ?? (typeof args.limit === 'number' ? Math.ceil(args.limit / 10) : list ? UNPAGED_LIST_SIZE : 1);
          return (typeof own === 'number' ? own : 1) + Math.max(1, size) * childComplexity;
        },
        fieldExtensionsEstimator(),
        simpleEstimator({ defaultComplexity: 1 }),
      ],
    });
    const result = { complexity, expensive };
    costs.set(key, result);
    return result;
  };
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation({ request, document }) {
          let complexity: number;
          let expensive: number;
          try {
            ({ complexity, expensive } = estimate(request, document));
          } catch {
            // Invalid variables: execution reports them with BAD_USER_INPUT.
            return Promise.resolve();
          }
          if (expensive > maxExpensiveFields) {
            return Promise.reject(
              new AppError(
                ErrorCode.QUERY_TOO_COMPLEX,
                `The query asks for ${expensive} expensive fields (traversals, paths, measures, statistics); the limit is ${maxExpensiveFields} per request. Send them in separate requests.`,
                { expensiveFields: expensive, maxExpensiveFields, http: { status: 400 } },
              ),
            );
          }
          if (complexity > maxComplexity) {
            return Promise.reject(
              new AppError(
                ErrorCode.QUERY_TOO_COMPLEX,
                `The query costs ${complexity}; the limit is ${maxComplexity}. Ask for fewer items or fewer nested fields.`,
                {
                  complexity,
                  maxComplexity,
                  http: { status: 400 },
                },
              ),
            );
          }
          return Promise.resolve();
        },
      }),
  };
}
