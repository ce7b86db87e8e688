import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { Connection, PeoplePageArgs } from '../common/connection';
import type { GraphQLContext } from '../../request/context';
import { EntityRepository } from '../common/entity.repository';
import { entityById, entityPage } from '../common/entity.service';
import { Node } from '../common/node.type';
import { Post } from '../common/relations.type';
import { State } from '../state/state.type';
import { PERSON_RELATIONS } from './person.relations';
import { Person } from './person.type';

const PersonConnection = Connection(Person, 'Person');

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'One person by id (`jan-kubis`); null when there is none.' })
  person(
    @Arg('id', () => ID, { description: 'The person id, such as jan-kubis.' }) id: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Person | null> {
    return entityById<Person>(ctx, info, 'Person', id, PERSON_RELATIONS);
  }

  @Query(() => PersonConnection, { description: 'People, ordered by id, a page at a time.', complexity: 10 })
  people(@Args() a: PeoplePageArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return entityPage(ctx, info, 'Person', { first: a.first, after: a.after }, PERSON_RELATIONS);
  }

  @Query(() => Node, { nullable: true, description: 'Any entity by id; null when there is none.' })
  node(
    @Arg('id', () => ID, { description: 'Id of any entity (ids are unique across kinds).' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Node | null> {
    return new EntityRepository(ctx.db).node(id) as Promise<Node | null>;
  }

  @FieldResolver(() => [Post], { description: 'Posts in missions and organizations, in time order.' })
  posts(@Root() p: Person, @Ctx() ctx: GraphQLContext): Promise<Post[]> {
    return ctx.loaders.relation<Post>(PERSON_RELATIONS.posts).load(p.id);
  }

  @FieldResolver(() => State, { nullable: true, description: 'State of nationality.' })
  async nationalityState(
    @Root() p: Person,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<State | null> {
    return (await ctx.loaders.relation<State>(PERSON_RELATIONS.nationalityState, {}, info).load(p.id))[0] ?? null;
  }
}
