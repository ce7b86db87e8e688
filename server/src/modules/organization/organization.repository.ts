import type { Database } from '../../db/database';
import type { LookAhead } from '../common/prefetch';
import { readPage, wantsTotal, withRelations } from '../common/prefetch';
import { ORGANIZATION } from '../common/projections';
import type { Organization } from './organization.type';

/** Lists organizations (lookups by id go through EntityRepository). */
export class OrganizationRepository {
  constructor(private readonly db: Database) {}

  async list(
    args: { kind?: string | null; skip: number; limit: number },
    ahead?: LookAhead,
  ): Promise<{ rows: Organization[]; total: number }> {
    const planned = ahead?.planned ?? [];
    const q = withRelations(
      wantsTotal(ahead)
        ? `MATCH (o:Organization) WHERE $kind IS NULL OR o.kind = $kind
           WITH o ORDER BY o.id
           WITH collect(o) AS os
           RETURN size(os) AS total, [o IN os[$skip..($skip + $limit)] | ${ORGANIZATION('o', ahead?.fields)}] AS page`
        : `MATCH (o:Organization) WHERE $kind IS NULL OR o.kind = $kind
           WITH o ORDER BY o.id SKIP toInteger($skip) LIMIT toInteger($limit)
           RETURN null AS total, collect(${ORGANIZATION('o', ahead?.fields)}) AS page`,
      ['total', 'page'],
      '[p IN page | p.id]',
      { kind: args.kind ?? null, skip: args.skip, limit: args.limit },
      planned,
    );
    return readPage<Organization>(this.db, q, ahead);
  }
}
