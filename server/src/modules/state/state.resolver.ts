import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { Connection, decodeCursor, toPage } from '../common/connection';
import type { GraphQLContext } from '../common/context';
import { EntityRepository } from '../common/entity.repository';
import { PeriodInput } from '../common/period';
import { REL } from '../common/relations.cypher';
import { Contribution, Membership } from '../common/relations.type';
import { Mission } from '../mission/mission.type';
import type { ContributionRecord } from '../personnel/contributions';
import { figuresByState, monthWindow } from '../personnel/contributions';
import { State } from './state.type';

const StateConnection = Connection(State, 'State');

@ArgsType()
export class ListArgs {
  @Field(() => Int, { defaultValue: 100, description: 'Page size, 0 to 500.' })
  @Min(0)
  @Max(500)
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this region (UN region for states, UCDP region for conflicts).' })
  @IsOptional()
  @Length(1, 60)
  region?: string | null;
}

@Resolver(() => State)
export class StateResolver {
  @Query(() => State, { nullable: true, description: 'One state by ISO-3 code (`NPL`); null when there is none.' })
  state(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<State | null> {
    return new EntityRepository(ctx.db).byId<State>('State', id);
  }

  @Query(() => StateConnection, { description: 'States, ordered by id, a page at a time.', complexity: 10 })
  async states(@Args() a: ListArgs, @Ctx() ctx: GraphQLContext) {
    const skip = decodeCursor(a.after);
    const { rows, total } = await new EntityRepository(ctx.db).simpleList('State', { region: a.region ?? null, skip, limit: a.first + 1 });
    return toPage(rows, a.first, skip, total);
  }

  @FieldResolver(() => [Mission], { description: 'Missions the state hosted.' })
  hostedMissions(@Root() s: State, @Ctx() ctx: GraphQLContext): Promise<Mission[]> {
    return ctx.loaders.many<Mission>(REL.stateHosted).load(s.id);
  }

  @FieldResolver(() => [Membership], { description: 'Memberships in organizations, optionally those of a year.' })
  memberships(@Root() s: State, @Ctx() ctx: GraphQLContext, @Arg('year', () => Int, { nullable: true }) year: number | null): Promise<Membership[]> {
    return ctx.loaders.many<Membership>(REL.stateMemberships, { year: year === null ? null : String(year) }).load(s.id);
  }

  @FieldResolver(() => [Contribution], { description: 'Personnel the state sent, per mission, largest first.' })
  async contributions(
    @Root() s: State,
    @Ctx() ctx: GraphQLContext,
    @Arg('between', () => PeriodInput, { nullable: true, description: 'A period; the peak monthly figure in it counts.' }) between: PeriodInput | null,
    @Arg('source', () => String, { nullable: true, description: 'Only this source.' }) source: string | null,
  ): Promise<Contribution[]> {
    const window = monthWindow(between?.from, between?.to);
    const rows = await ctx.loaders.many<ContributionRecord & { missionNode: Mission }>(REL.stateContributions, { window, source: source ?? null }).load(s.id);
    const byMission = new Map<string, (ContributionRecord & { missionNode: Mission })[]>();
    for (const r of rows) byMission.set(r.mission, [...(byMission.get(r.mission) ?? []), r]);
    const out: Contribution[] = [];
    for (const [, recs] of byMission) {
      const fig = figuresByState(recs, window, source).get(s.id);
      if (fig) out.push({ state: s, mission: recs[0]?.missionNode ?? null, personnel: fig.personnel, sources: fig.sources });
    }
    return out.sort((a, b) => b.personnel - a.personnel || (a.mission?.id ?? '').localeCompare(b.mission?.id ?? ''));
  }
}
