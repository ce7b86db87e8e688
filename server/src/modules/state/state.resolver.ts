import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Connection, RegionPageArgs } from '../common/connection';
import type { GraphQLContext } from '../../request/context';
import { entityById, entityPage } from '../common/entity.service';
import { PeriodInput, USE_PERIOD } from '../common/period';
import { Contribution, Membership } from '../common/relations.type';
import { Mission } from '../mission/mission.type';
import type { ContributionGroup } from '../../model/contributions';
import { groupFigure } from '../../model/contributions';
import { STATE_RELATIONS, stateContributionsWindow } from './state.relations';
import { State } from './state.type';

const StateConnection = Connection(State, 'State');

@Resolver(() => State)
export class StateResolver {
  @Query(() => State, { nullable: true, description: 'One state by ISO-3 code (`NPL`); null when there is none.' })
  state(
    @Arg('id', () => ID, { description: 'ISO 3166-1 alpha-3 code (NPL).' }) id: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<State | null> {
    return entityById<State>(ctx, info, 'State', id, STATE_RELATIONS);
  }

  @Query(() => StateConnection, { description: 'States, ordered by id, a page at a time.', complexity: 10 })
  states(@Args() a: RegionPageArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return entityPage(ctx, info, 'State', a, STATE_RELATIONS);
  }

  @FieldResolver(() => [Mission], { description: 'Missions the state hosted.' })
  hostedMissions(@Root() s: State, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<Mission[]> {
    return ctx.loaders.relation<Mission>(STATE_RELATIONS.hostedMissions, {}, info).load(s.id);
  }

  @FieldResolver(() => [Membership], { description: 'Memberships in organizations, optionally those of a year.' })
  memberships(
    @Root() s: State,
    @Ctx() ctx: GraphQLContext,
    @Arg('year', () => Int, {
      nullable: true,
      description:
        "Only memberships that held in this year. A year, not a period: the membership data (Correlates of War IGO) record a state's status year by year.",
    })
    year: number | null,
  ): Promise<Membership[]> {
    return ctx.loaders.relation<Membership, { year: number | null }>(STATE_RELATIONS.memberships, { year }).load(s.id);
  }

  @FieldResolver(() => [Contribution], { description: 'Personnel the state sent, per mission, largest first.' })
  async contributions(
    @Root() s: State,
    @Ctx() ctx: GraphQLContext,
    @Arg('period', () => PeriodInput, {
      nullable: true,
      description:
        "The months counted: the figure per mission is the peak monthly personnel in them (one month: that month's figure); default all months.",
    })
    period: PeriodInput | null,
    @Arg('between', () => PeriodInput, {
      nullable: true,
      description: 'A period; the peak monthly figure in it counts: the same as period.',
      deprecationReason: USE_PERIOD,
    })
    between: PeriodInput | null,
    @Arg('source', () => String, { nullable: true, description: 'Only this source.' }) source: string | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Contribution[]> {
    const args = { period, between, source };
    const window = stateContributionsWindow(args);
    const groups = await ctx.loaders
      .relation<ContributionGroup<Mission>, typeof args>(STATE_RELATIONS.contributions, args, info)
      .load(s.id);
    const out: Contribution[] = [];
    for (const g of groups) {
      const side = { state: s.id, stateName: s.name, mission: g.node.id };
      const fig = groupFigure(g, side, window, source);
      if (fig) out.push({ state: s, mission: g.node, personnel: fig.personnel, sources: fig.sources });
    }
    return out.sort(
      (a, b) => (b.personnel ?? -1) - (a.personnel ?? -1) || (a.mission?.id ?? '').localeCompare(b.mission?.id ?? ''),
    );
  }
}
