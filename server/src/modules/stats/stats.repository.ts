import type { Database } from '../../db/database';
import { ORGANIZATION } from '../common/projections';
import type { Organization } from '../organization/organization.type';

/** The look-ups of the stats query that are not measures: the organizations to name. */
export class StatsRepository {
  constructor(private readonly db: Database) {}

  async organizations(ids: string[]): Promise<Organization[]> {
    if (!ids.length) return [];
    const rows = await this.db.read<{ o: Organization }>(
      `MATCH (o:Organization) WHERE o.id IN $ids RETURN ${ORGANIZATION('o')} AS o ORDER BY o.id`,
      { ids },
    );
    return rows.map((r) => r.o);
  }
}
