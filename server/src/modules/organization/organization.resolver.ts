import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Connection, decodeCursor, toPage } from '../common/connection';
import type { GraphQLContext } from '../common/context';
import { OrganizationsArgs } from './organization.args';
import { OrganizationRepository } from './organization.repository';
import { Organization } from './organization.type';

const OrganizationConnection = Connection(Organization, 'Organization');

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'One organization by its id (`EU`, `AU`); null when there is none.' })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Organization | null> {
    return new OrganizationRepository(ctx.db).byId(id);
  }

  @Query(() => OrganizationConnection, { description: 'Organizations, ordered by id, a page at a time.' })
  async organizations(@Args() args: OrganizationsArgs, @Ctx() ctx: GraphQLContext) {
    const skip = decodeCursor(args.after);
    const { rows, total } = await new OrganizationRepository(ctx.db).list({ kind: args.kind, skip, limit: args.first + 1 });
    return toPage(rows, args.first, skip, total);
  }
}
