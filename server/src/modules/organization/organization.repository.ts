import type { Database } from '../../db/database';
import { ORGANIZATION } from '../common/projections';
import type { Organization } from './organization.type';

/** Lists organizations (lookups by id go through EntityRepository). */
export class OrganizationRepository {
  constructor(private readonly db: Database) {}

  async list(args: { kind?: string | null; skip: number; limit: number }): Promise<{ rows: Organization[]; total: number }> {
    const rows = await this.db.read<{ total: number; page: Organization[] }>(
      `MATCH (o:Organization) WHERE $kind IS NULL OR o.kind = $kind
       WITH o ORDER BY o.id
       WITH collect(o) AS os
       RETURN size(os) AS total, [o IN os[$skip..($skip + $limit)] | ${ORGANIZATION('o')}] AS page`,
      { kind: args.kind ?? null, skip: args.skip, limit: args.limit },
    );
    return { rows: rows[0]?.page ?? [], total: rows[0]?.total ?? 0 };
  }
}
