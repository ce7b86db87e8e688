import DataLoader from 'dataloader';
import type { Database } from '../db/database';
import type { GraphQLResolveInfo } from 'graphql';
import type { RelationField } from './relation-field';
import { fieldSelection, loaderKey, relationCypher, relationParams } from './relation-field';

/**
 * Per-request DataLoaders: a nested field asked for on many parents costs one query, not one per parent.
 * Each loader runs one statement over `$ids` that returns `key` (the parent id) and `item` rows.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown[]>>();

  constructor(private readonly db: Database) {}

  /**
   * The loader for a relation statement (and its extra parameters): `cypher` is a constant statement that
   * reads `$ids` and returns `key, item`.
   */
  many<T>(cypher: string, params: Record<string, unknown> = {}): DataLoader<string, T[]> {
    const cacheKey = loaderKey(cypher, params);
    let loader = this.loaders.get(cacheKey);
    if (!loader) {
      loader = new DataLoader<string, unknown[]>(
        async (ids) => {
          const rows = await this.db.read<{ key: string; item: unknown }>(cypher, { ...params, ids: [...ids] });
          const byKey = new Map<string, unknown[]>();
          for (const r of rows) {
            const list = byKey.get(r.key);
            if (list) list.push(r.item);
            else byKey.set(r.key, [r.item]);
          }
          return ids.map((id) => byKey.get(id) ?? []);
        },
        { maxBatchSize: 1000 },
      );
      this.loaders.set(cacheKey, loader);
    }
    return loader as DataLoader<string, T[]>;
  }

  /**
   * The loader of a relation field for the arguments it was given. A relation of entities reads the fields
   * the field's selection asks for (`info`, the resolver's; `relationSelection`): the statement the look-ahead primed.
   */
  relation<T, A = Record<string, unknown>>(
    field: RelationField<A>,
    args: A = {} as A,
    info?: GraphQLResolveInfo,
  ): DataLoader<string, T[]> {
    const selection = info && typeof field.cypher !== 'string' ? fieldSelection(info, field) : undefined;
    return this.many<T>(relationCypher(field, selection), relationParams(field, args));
  }

  /** Fills a loader with lists already read (by a root statement's look-ahead): loads of these ids need no query. */
  prime(cypher: string, params: Record<string, unknown>, byKey: Map<string, unknown[]>): void {
    const loader = this.many<unknown>(cypher, params);
    for (const [key, items] of byKey) loader.prime(key, items);
  }
}
