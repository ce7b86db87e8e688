import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Connection, decodeCursor, toPage } from '../common/connection';
import type { GraphQLContext } from '../common/context';
import { EntityRepository } from '../common/entity.repository';
import { PeriodInput, toSpan } from '../common/period';
import { REL } from '../common/relations.cypher';
import { Membership, Post } from '../common/relations.type';
import { Mission } from '../mission/mission.type';
import { OrganizationsArgs } from './organization.args';
import { OrganizationRepository } from './organization.repository';
import { Organization } from './organization.type';

const OrganizationConnection = Connection(Organization, 'Organization');

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'One organization by its id (`EU`, `AU`); null when there is none.' })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Organization | null> {
    return new EntityRepository(ctx.db).byId<Organization>('Organization', id);
  }

  @Query(() => OrganizationConnection, { description: 'Organizations, ordered by id, a page at a time.', complexity: 10 })
  async organizations(@Args() args: OrganizationsArgs, @Ctx() ctx: GraphQLContext) {
    const skip = decodeCursor(args.after);
    const { rows, total } = await new OrganizationRepository(ctx.db).list({ kind: args.kind, skip, limit: args.first + 1 });
    return toPage(rows, args.first, skip, total);
  }

  @FieldResolver(() => [Mission], { description: 'Missions the organization deployed (alone or jointly), by start date.' })
  missions(
    @Root() o: Organization,
    @Ctx() ctx: GraphQLContext,
    @Arg('activeIn', () => PeriodInput, { nullable: true, description: 'Only missions active in this period.' }) activeIn: PeriodInput | null,
  ): Promise<Mission[]> {
    return ctx.loaders.many<Mission>(REL.organizationMissions, { span: toSpan(activeIn) }).load(o.id);
  }

  @FieldResolver(() => [Membership], { description: 'Member states (spells), optionally those members in a year.' })
  members(
    @Root() o: Organization,
    @Ctx() ctx: GraphQLContext,
    @Arg('year', () => Int, { nullable: true, description: 'Only spells that include this year.' }) year: number | null,
  ): Promise<Membership[]> {
    return ctx.loaders.many<Membership>(REL.organizationMembers, { year: year === null ? null : String(year) }).load(o.id);
  }

  @FieldResolver(() => [Organization], { description: 'Organizations it succeeded (the EU succeeded the EEC).' })
  predecessors(@Root() o: Organization, @Ctx() ctx: GraphQLContext): Promise<Organization[]> {
    return ctx.loaders.many<Organization>(REL.organizationPredecessors).load(o.id);
  }

  @FieldResolver(() => [Organization], { description: 'Organizations that succeeded it.' })
  successors(@Root() o: Organization, @Ctx() ctx: GraphQLContext): Promise<Organization[]> {
    return ctx.loaders.many<Organization>(REL.organizationSuccessors).load(o.id);
  }

  @FieldResolver(() => [Post], { description: 'Posts held in its headquarters (secretaries general, special representatives).' })
  people(@Root() o: Organization, @Ctx() ctx: GraphQLContext): Promise<Post[]> {
    return ctx.loaders.many<Post>(REL.organizationPosts).load(o.id);
  }
}
