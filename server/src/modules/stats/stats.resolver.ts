import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../common/context';
import { AnalyticsRepository } from '../analytics/analytics.repository';
import { StatsArgs } from './stats.args';
import { StatsRepository } from './stats.repository';
import { StatsService } from './stats.service';
import { Stats } from './stats.type';

@Resolver()
export class StatsResolver {
  @Query(() => Stats, {
    description:
      'Per year, overall and per organization: missions active, personnel (with its coverage and sources) and the share of missions that were part of an MSPO, by the measures\' default rules.',
    complexity: 50,
  })
  stats(@Args() args: StatsArgs, @Ctx() ctx: GraphQLContext): Promise<Stats> {
    return new StatsService(new AnalyticsRepository(ctx.db), new StatsRepository(ctx.db)).stats(args);
  }
}
