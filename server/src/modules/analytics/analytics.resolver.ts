import { Args, Ctx, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../request/context';
import { legacyEnds, periodYears, requiredPeriod } from '../common/period';
import { COSTS, CostedQuery } from '../common/costs';
import { analysisQueries } from './analysis-queries';
import {
  ConflictComplexityArgs,
  CooperationNetworkArgs,
  DyadArgs,
  MAX_YEAR,
  MIN_YEAR,
  MissionPairArgs,
  MspoShareArgs,
  PairTypesArgs,
  UniverseArgs,
} from './analytics.args';
import { AnalyticsRepository } from './analytics.repository';
import { AnalyticsService } from './analytics.service';
import {
  AnalysisUniverse,
  CooperationNetwork,
  DyadMeasures,
  MissionPairMeasures,
  MspoShare,
  PairTypes,
  UnitComplexitySeries,
} from './analytics.type';

// Read the files of cypher/analysis while the schema is built, so that a missing or broken one stops the start.
analysisQueries();

/** The service for one call: its universe includes the kinds of operation the arguments bring in. */
const service = (ctx: GraphQLContext, args: UniverseArgs) =>
  new AnalyticsService(new AnalyticsRepository(ctx.db, undefined, args.include ?? []));

/** The research measures of the Methods (cypher/analysis/METHODS.md); each answer says which universe it counted. */
@Resolver()
export class AnalyticsResolver {
  @CostedQuery(
    () => AnalysisUniverse,
    'The analysis set of a universe: which missions the measures count.',
    COSTS.analysisUniverse,
  )
  analysisUniverse(@Args() args: UniverseArgs, @Ctx() ctx: GraphQLContext): Promise<AnalysisUniverse> {
    return service(ctx, args).universe(args.universe ?? null);
  }

  @CostedQuery(
    () => MspoShare,
    'Measures 1-2: missions active per year or month and the share of them that were part of a multiple simultaneous peace operation.',
    COSTS.mspoShare,
  )
  mspoShare(@Args() args: MspoShareArgs, @Ctx() ctx: GraphQLContext): Promise<MspoShare> {
    return service(ctx, args).mspoShare({
      ...args,
      ...requiredPeriod('mspoShare', args.period, [legacyEnds(['from', 'to'], args.from, args.to)]),
    });
  }

  @CostedQuery(
    () => PairTypes,
    'Measure 3: mission pairs by type (parallel, sequential, hybrid, bridging), counted and listed.',
    COSTS.pairTypes,
  )
  pairTypes(@Args() args: PairTypesArgs, @Ctx() ctx: GraphQLContext): Promise<PairTypes> {
    return service(ctx, args).pairTypes({
      ...args,
      ...requiredPeriod('pairTypes', args.period, [legacyEnds(['from', 'to'], args.from, args.to)]),
    });
  }

  @CostedQuery(
    () => MissionPairMeasures,
    'Every measure for two missions: pair type, cooperation, resources, complementarity, complexity, social learning, member and contributor similarity, person bridges.',
    COSTS.missionPairMeasures,
  )
  missionPairMeasures(@Args() args: MissionPairArgs, @Ctx() ctx: GraphQLContext): Promise<MissionPairMeasures> {
    return service(ctx, args).missionPairMeasures(args);
  }

  @CostedQuery(
    () => DyadMeasures,
    'Every measure for two organizations in a year (a dyad-year), with the cooperation outcome.',
    COSTS.dyadMeasures,
  )
  dyadMeasures(@Args() args: DyadArgs, @Ctx() ctx: GraphQLContext): Promise<DyadMeasures> {
    return service(ctx, args).dyadMeasures(args);
  }

  @CostedQuery(
    () => CooperationNetwork,
    'Measure 12: the co-deployment or cooperation network of organizations in a period, with degree, density and Freeman degree centralization.',
    COSTS.cooperationNetwork,
  )
  cooperationNetwork(@Args() args: CooperationNetworkArgs, @Ctx() ctx: GraphQLContext): Promise<CooperationNetwork> {
    return service(ctx, args).cooperationNetwork({
      ...args,
      ...requiredPeriod('cooperationNetwork', args.period, [legacyEnds(['from', 'to'], args.from, args.to)]),
    });
  }

  @CostedQuery(
    () => UnitComplexitySeries,
    'Measure 7: complexity of a conflict or host state per year (missions, organizations, UCDP intensity).',
    COSTS.conflictComplexity,
  )
  conflictComplexity(@Args() args: ConflictComplexityArgs, @Ctx() ctx: GraphQLContext): Promise<UnitComplexitySeries> {
    const years = periodYears(
      requiredPeriod('conflictComplexity', args.period, [
        legacyEnds(['fromYear', 'toYear'], args.fromYear, args.toYear),
      ]),
      { from: MIN_YEAR, to: MAX_YEAR },
    );
    return service(ctx, args).conflictComplexity({ ...args, fromYear: years.from, toYear: years.to });
  }
}
