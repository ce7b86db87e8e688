import { Args, Ctx, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../request/context';
import { AnalyticsRepository } from '../analytics/analytics.repository';
import { legacyEnds, periodArg, periodYears } from '../common/period';
import { STATS_FIRST_YEAR, StatsArgs } from './stats.args';
import { StatsRepository } from './stats.repository';
import { StatsService } from './stats.service';
import { Stats } from './stats.type';
import { COSTS, CostedQuery } from '../common/costs';

@Resolver()
export class StatsResolver {
  @CostedQuery(
    () => Stats,
    "Per year, overall and per organization: missions active, personnel (with its coverage and sources) and the share of missions that were part of an MSPO, by the measures' default rules.",
    COSTS.stats,
  )
  stats(@Args() args: StatsArgs, @Ctx() ctx: GraphQLContext): Promise<Stats> {
    const period = periodArg('stats', args.period, [legacyEnds(['from', 'to'], args.from, args.to)]);
    const years = periodYears(period, { from: STATS_FIRST_YEAR, to: new Date().getUTCFullYear() });
    return new StatsService(new AnalyticsRepository(ctx.db), new StatsRepository(ctx.db)).stats({
      from: years.from,
      to: years.to,
      organization: args.organization ?? null,
    });
  }
}
