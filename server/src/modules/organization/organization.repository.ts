import type { Database } from '../../db/database';
import type { LookAhead } from '../common/prefetch';
import { primeRelations, withRelations } from '../common/prefetch';
import { wantsTotal } from '../common/entity.repository';
import { ORGANIZATION } from '../common/projections';
import type { Organization } from './organization.type';

/** Lists organizations (lookups by id go through EntityRepository). */
export class OrganizationRepository {
  constructor(private readonly db: Database) {}

  async list(args: { kind?: string | null; skip: number; limit: number }, ahead?: LookAhead): Promise<{ rows: Organization[]; total: number }> {
    const planned = ahead?.planned ?? [];
    const q = withRelations(
      wantsTotal(ahead)
        ? `MATCH (o:Organization) WHERE $kind IS NULL OR o.kind = $kind
           WITH o ORDER BY o.id
           WITH collect(o) AS os
           RETURN size(os) AS total, [o IN os[$skip..($skip + $limit)] | ${ORGANIZATION('o')}] AS page`
        : `MATCH (o:Organization) WHERE $kind IS NULL OR o.kind = $kind
           WITH o ORDER BY o.id SKIP toInteger($skip) LIMIT toInteger($limit)
           RETURN null AS total, collect(${ORGANIZATION('o')}) AS page`,
      ['total', 'page'],
      '[p IN page | p.id]',
      { kind: args.kind ?? null, skip: args.skip, limit: args.limit },
      planned,
    );
    const rows = await this.db.read<{ total: number; page: Organization[] }>(q.cypher, q.params);
    const root = ahead ? primeRelations(ahead.loaders, planned, rows, (r) => r.page.map((p) => p.id)) : rows[0];
    return { rows: root?.page ?? [], total: root?.total ?? 0 };
  }
}
