import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Connection, decodeCursor, toPage } from '../common/connection';
import type { GraphQLContext } from '../../request/context';
import { entityById } from '../common/entity.service';
import { PeriodInput, USE_PERIOD } from '../common/period';
import { lookAhead } from '../common/prefetch';
import { Membership, Post } from '../common/relations.type';
import { Mission } from '../mission/mission.type';
import { OrganizationsArgs } from './organization.args';
import { OrganizationRepository } from './organization.repository';
import { ORGANIZATION_RELATIONS } from './organization.relations';
import { Organization } from './organization.type';

const OrganizationConnection = Connection(Organization, 'Organization');

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, {
    nullable: true,
    description: 'One organization by its id (`EU`, `AU`); null when there is none.',
  })
  organization(
    @Arg('id', () => ID, { description: 'The organization id, usually its acronym (AU).' }) id: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Organization | null> {
    return entityById<Organization>(ctx, info, 'Organization', id, ORGANIZATION_RELATIONS);
  }

  @Query(() => OrganizationConnection, {
    description: 'Organizations, ordered by id, a page at a time.',
    complexity: 10,
  })
  async organizations(@Args() args: OrganizationsArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    const skip = decodeCursor(args.after);
    const { rows, total } = await new OrganizationRepository(ctx.db).list(
      { kind: args.kind, skip, limit: args.first + 1 },
      lookAhead(info, ctx.loaders, 'Organization', ORGANIZATION_RELATIONS, ['items']),
    );
    return toPage(rows, args.first, skip, total);
  }

  @FieldResolver(() => [Mission], {
    description: 'Missions the organization deployed (alone or jointly), by start date.',
  })
  missions(
    @Root() o: Organization,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('period', () => PeriodInput, {
      nullable: true,
      description: 'Only missions active at some time in this period.',
    })
    period: PeriodInput | null,
    @Arg('activeIn', () => PeriodInput, {
      nullable: true,
      description: 'Only missions active in this period: the same as period.',
      deprecationReason: USE_PERIOD,
    })
    activeIn: PeriodInput | null,
  ): Promise<Mission[]> {
    return ctx.loaders
      .relation<Mission, { period: PeriodInput | null; activeIn: PeriodInput | null }>(
        ORGANIZATION_RELATIONS.missions,
        { period, activeIn },
        info,
      )
      .load(o.id);
  }

  @FieldResolver(() => [Membership], { description: 'Member states (spells), optionally those members in a year.' })
  members(
    @Root() o: Organization,
    @Ctx() ctx: GraphQLContext,
    @Arg('year', () => Int, {
      nullable: true,
      description:
        "Only spells that include this year. A year, not a period: the membership data (Correlates of War IGO) record each member's status year by year.",
    })
    year: number | null,
  ): Promise<Membership[]> {
    return ctx.loaders
      .relation<Membership, { year: number | null }>(ORGANIZATION_RELATIONS.members, { year })
      .load(o.id);
  }

  @FieldResolver(() => [Organization], { description: 'Organizations it succeeded (the EU succeeded the EEC).' })
  predecessors(
    @Root() o: Organization,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Organization[]> {
    return ctx.loaders.relation<Organization>(ORGANIZATION_RELATIONS.predecessors, {}, info).load(o.id);
  }

  @FieldResolver(() => [Organization], { description: 'Organizations that succeeded it.' })
  successors(
    @Root() o: Organization,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Organization[]> {
    return ctx.loaders.relation<Organization>(ORGANIZATION_RELATIONS.successors, {}, info).load(o.id);
  }

  @FieldResolver(() => [Post], {
    description: 'Posts held in its headquarters (secretaries general, special representatives).',
  })
  people(@Root() o: Organization, @Ctx() ctx: GraphQLContext): Promise<Post[]> {
    return ctx.loaders.relation<Post>(ORGANIZATION_RELATIONS.people).load(o.id);
  }
}
