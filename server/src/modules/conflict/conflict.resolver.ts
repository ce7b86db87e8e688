import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { Connection, decodeCursor, toPage } from '../common/connection';
import type { GraphQLContext } from '../../request/context';
import { EntityRepository } from '../common/entity.repository';
import { lookAhead } from '../common/prefetch';
import { Mission } from '../mission/mission.type';
import { ListArgs } from '../state/state.args';
import { State } from '../state/state.type';
import { CONFLICT_RELATIONS } from './conflict.relations';
import { Conflict } from './conflict.type';

const ConflictConnection = Connection(Conflict, 'Conflict');

@Resolver(() => Conflict)
export class ConflictResolver {
  @Query(() => Conflict, { nullable: true, description: 'One conflict by id (`ucdp-333`); null when there is none.' })
  conflict(
    @Arg('id', () => ID, { description: 'The conflict id: ucdp- and the UCDP conflict id (ucdp-283).' }) id: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Conflict | null> {
    return new EntityRepository(ctx.db).byId<Conflict>(
      'Conflict',
      id,
      lookAhead(info, ctx.loaders, 'Conflict', CONFLICT_RELATIONS),
    );
  }

  @Query(() => ConflictConnection, { description: 'Conflicts, ordered by id, a page at a time.', complexity: 10 })
  async conflicts(@Args() a: ListArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    const skip = decodeCursor(a.after);
    const { rows, total } = await new EntityRepository(ctx.db).simpleList(
      'Conflict',
      { region: a.region ?? null, skip, limit: a.first + 1 },
      lookAhead(info, ctx.loaders, 'Conflict', CONFLICT_RELATIONS, ['items']),
    );
    return toPage(rows, a.first, skip, total);
  }

  @FieldResolver(() => [Mission], { description: 'Missions deployed in the conflict.' })
  missions(@Root() c: Conflict, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<Mission[]> {
    return ctx.loaders.relation<Mission>(CONFLICT_RELATIONS.missions, {}, info).load(c.id);
  }

  @FieldResolver(() => [State], { description: 'States where it took place.' })
  locations(@Root() c: Conflict, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<State[]> {
    return ctx.loaders.relation<State>(CONFLICT_RELATIONS.locations, {}, info).load(c.id);
  }
}
