import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../../request/context';
import type { RelationFields } from '../../request/relation-field';
import type { Page } from './connection';
import { decodeCursor, toPage } from './connection';
import type { EntityLabelName } from './entity.repository';
import { EntityRepository } from './entity.repository';
import { lookAhead } from './prefetch';

/**
 * The root queries every entity type has: one by id (`mission(id)`, `state(id)`...) and, for states, conflicts and
 * people, a page ordered by id. The nested lists the query selects are read in the same statement (look-ahead).
 */

/** One entity by id; null when there is none. `relations` are its type's relation fields (`<area>.relations.ts`). */
export function entityById<T>(
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  label: EntityLabelName,
  id: string,
  relations: RelationFields,
): Promise<T | null> {
  return new EntityRepository(ctx.db).byId<T>(label, id, lookAhead(info, ctx.loaders, label, relations));
}

/** A page of states, conflicts or people, ordered by id, optionally of one region. */
export async function entityPage(
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  label: 'State' | 'Conflict' | 'Person',
  args: { first: number; after?: string | null; region?: string | null },
  relations: RelationFields,
): Promise<Page<Record<string, unknown>>> {
  const skip = decodeCursor(args.after);
  const { rows, total } = await new EntityRepository(ctx.db).simpleList(
    label,
    { region: args.region ?? null, skip, limit: args.first + 1 },
    lookAhead(info, ctx.loaders, label, relations, ['items']),
  );
  return toPage(rows, args.first, skip, total);
}
