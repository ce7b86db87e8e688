import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { Connection, decodeCursor, toPage } from '../common/connection';
import type { GraphQLContext } from '../../request/context';
import { EntityRepository } from '../common/entity.repository';
import { Node } from '../common/node.type';
import { lookAhead } from '../common/prefetch';
import { Post } from '../common/relations.type';
import { ListArgs } from '../state/state.args';
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
    return new EntityRepository(ctx.db).byId<Person>(
      'Person',
      id,
      lookAhead(info, ctx.loaders, 'Person', PERSON_RELATIONS),
    );
  }

  @Query(() => PersonConnection, { description: 'People, ordered by id, a page at a time.', complexity: 10 })
  async people(@Args() a: ListArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    const skip = decodeCursor(a.after);
    const { rows, total } = await new EntityRepository(ctx.db).simpleList(
      'Person',
      { region: null, skip, limit: a.first + 1 },
      lookAhead(info, ctx.loaders, 'Person', PERSON_RELATIONS, ['items']),
    );
    return toPage(rows, a.first, skip, total);
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
