import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../request/context';
import { legacyPeriod, periodArg, toSpan } from '../common/period';
import { AnalyticsRepository } from '../analytics/analytics.repository';
import { NeighborsArgs, NetworkFilter, PathsArgs, SearchArgs } from './graph.args';
import { GraphRepository } from './graph.repository';
import { GraphService } from './graph.service';
import { GraphPath, SearchHit, Subgraph } from './graph.type';
import { COSTS, CostedQuery } from '../common/costs';

/** The service for one call. */
const service = (ctx: GraphQLContext) => new GraphService(new GraphRepository(ctx.db), new AnalyticsRepository(ctx.db));

/** The network view's queries: each resolves its period and delegates to GraphService. */
@Resolver()
export class GraphResolver {
  @CostedQuery(
    () => Subgraph,
    'The nodes and edges the network view draws for a filter: missions with their organizations, host states and conflicts (FULL), or organizations linked by co-deployment in the same conflict at the same time (ORGANIZATIONS).',
    COSTS.network,
  )
  network(
    @Arg('filter', () => NetworkFilter, { nullable: true, description: 'Default: every mission, FULL mode.' })
    filter: NetworkFilter | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Subgraph> {
    return service(ctx).network(filter, toSpan(filter?.period));
  }

  @CostedQuery(
    () => Subgraph,
    'The surroundings of any entity, 1 to 3 steps out; null when the id is unknown.',
    COSTS.neighbors,
    { nullable: true },
  )
  neighbors(@Args() args: NeighborsArgs, @Ctx() ctx: GraphQLContext): Promise<Subgraph | null> {
    const span = toSpan(periodArg('neighbors', args.period, [legacyPeriod('activeIn', args.activeIn)]));
    return service(ctx).neighbors(args.id, args.depth, args.types, span, args.limit);
  }

  @CostedQuery(
    () => [GraphPath],
    'The shortest path, or the k shortest, between two entities, each with a readable sentence. Empty when none exists within maxHops.',
    COSTS.paths,
  )
  paths(@Args() args: PathsArgs, @Ctx() ctx: GraphQLContext): Promise<GraphPath[]> {
    const span = toSpan(periodArg('paths', args.period, [legacyPeriod('activeIn', args.activeIn)]));
    return service(ctx).paths(args.from, args.to, args.maxHops, args.k, args.types, span);
  }

  @Query(() => [SearchHit], {
    description: 'Full-text search over names, acronyms and aliases of every entity, best first.',
    complexity: 10,
  })
  search(@Args() args: SearchArgs, @Ctx() ctx: GraphQLContext): Promise<SearchHit[]> {
    return service(ctx).search(args.text, args.first);
  }
}
