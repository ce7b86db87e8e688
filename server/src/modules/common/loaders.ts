import DataLoader from 'dataloader';
import type { Database } from '../../db/database';

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
    const cacheKey = `${cypher}\u0000${JSON.stringify(params)}`;
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
}
