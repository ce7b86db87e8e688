import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { Connection, RegionPageArgs } from '../common/connection';
import type { GraphQLContext } from '../../request/context';
import { entityById, entityPage } from '../common/entity.service';
import { Mission } from '../mission/mission.type';
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
    return entityById<Conflict>(ctx, info, 'Conflict', id, CONFLICT_RELATIONS);
  }

  @Query(() => ConflictConnection, { description: 'Conflicts, ordered by id, a page at a time.', complexity: 10 })
  conflicts(@Args() a: RegionPageArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return entityPage(ctx, info, 'Conflict', a, CONFLICT_RELATIONS);
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
