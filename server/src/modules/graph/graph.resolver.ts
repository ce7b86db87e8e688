import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors';
import type { GraphQLContext } from '../../request/context';
import { legacyPeriod, periodArg, toSpan } from '../common/period';
import type { Span } from '../common/period';
import { AnalyticsRepository } from '../analytics/analytics.repository';
import { mspoMissionsIn } from '../analytics/mspo-flags';
import { NeighborsArgs, NetworkFilter, NetworkMode, PathsArgs, SearchArgs } from './graph.args';
import { DEFAULT_NEIGHBOR_TYPES, GraphRepository, allowedTypes } from './graph.repository';
import { EntityLabel, GraphNode, GraphPath, SearchHit, Subgraph } from './graph.type';
import { COSTS, describeCost } from '../common/costs';

/** Sets each mission's MSPO flag from the rule of `mspoShare` over the span (one query per call). */
async function withMspo<T>(ctx: GraphQLContext, span: Span | null, value: T, nodes: (v: T) => GraphNode[]): Promise<T> {
  const list = nodes(value);
  if (!list.some((n) => n.label === EntityLabel.Mission)) return value;
  const ids = await mspoMissionsIn(new AnalyticsRepository(ctx.db), span);
  for (const n of list) n.mspo = n.label === EntityLabel.Mission && ids.has(n.id);
  return value;
}

@Resolver()
export class GraphResolver {
  @Query(() => Subgraph, {
    description: describeCost('The nodes and edges the network view draws for a filter: missions with their organizations, host states and conflicts (FULL), or organizations linked by co-deployment in the same conflict at the same time (ORGANIZATIONS).', COSTS.network),
    complexity: COSTS.network.estimate,
  })
  async network(
    @Arg('filter', () => NetworkFilter, { nullable: true, description: 'Default: every mission, FULL mode.' }) filter: NetworkFilter | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Subgraph> {
    const f = filter ?? Object.assign(new NetworkFilter(), { mode: NetworkMode.FULL, includeStates: true, includeConflicts: true });
    const q = {
      organizations: f.organizations?.length ? f.organizations : null,
      missionKinds: f.missionKinds?.length ? f.missionKinds : null,
      regions: f.regions?.length ? f.regions : null,
      conflicts: f.conflicts?.length ? f.conflicts : null,
      organizationKinds: f.organizationKinds?.length ? [...new Set(f.organizationKinds)] : null,
      sources: f.sources?.length ? [...new Set(f.sources)] : null,
      span: toSpan(f.period),
      includeStates: f.includeStates ?? true,
      includeConflicts: f.includeConflicts ?? true,
    };
    const repo = new GraphRepository(ctx.db);
    if (f.mode === NetworkMode.ORGANIZATIONS) return repo.organizationNetwork(q);
    return withMspo(ctx, q.span, await repo.missionNetwork(q), (g) => g.nodes);
  }

  @Query(() => Subgraph, { nullable: true, description: describeCost('The surroundings of any entity, 1 to 3 steps out; null when the id is unknown.', COSTS.neighbors), complexity: COSTS.neighbors.estimate })
  async neighbors(@Args() args: NeighborsArgs, @Ctx() ctx: GraphQLContext): Promise<Subgraph | null> {
    const types = allowedTypes(args.types, DEFAULT_NEIGHBOR_TYPES);
    const span = toSpan(periodArg('neighbors', args.period, [legacyPeriod('activeIn', args.activeIn)]));
    return withMspo(ctx, span, await new GraphRepository(ctx.db).neighbors(args.id, args.depth, types, span, args.limit), (g) => g?.nodes ?? []);
  }

  @Query(() => [GraphPath], {
    description: describeCost('The shortest path, or the k shortest, between two entities, each with a readable sentence. Empty when none exists within maxHops.', COSTS.paths),
    complexity: COSTS.paths.estimate,
  })
  async paths(@Args() args: PathsArgs, @Ctx() ctx: GraphQLContext): Promise<GraphPath[]> {
    const types = allowedTypes(args.types, []);
    const span = toSpan(periodArg('paths', args.period, [legacyPeriod('activeIn', args.activeIn)]));
    const found = await new GraphRepository(ctx.db).paths(args.from, args.to, args.maxHops, args.k, types, span);
    if (found === null) throw new AppError(ErrorCode.NOT_FOUND, `No entity with id '${args.from}' or '${args.to}'.`, { argument: 'from/to' });
    return withMspo(ctx, span, found, (ps) => ps.flatMap((p) => p.nodes));
  }

  @Query(() => [SearchHit], { description: 'Full-text search over names, acronyms and aliases of every entity, best first.', complexity: 10 })
  search(@Args() args: SearchArgs, @Ctx() ctx: GraphQLContext): Promise<SearchHit[]> {
    // Hits carry no MSPO flag (false): a search is typed letter by letter and the rule reads the whole graph.
    return new GraphRepository(ctx.db).search(args.text, args.first);
  }
}
