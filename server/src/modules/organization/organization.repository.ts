import type { Database } from '../../db/database';
import type { Organization } from './organization.type';

const RETURN_ORG = `RETURN o { .id, .name, .acronym, .kind, .founded, .dissolved, sources: coalesce(o.sources, []) } AS o`;

/** Reads organizations. Every Cypher statement about organizations lives here. */
export class OrganizationRepository {
  constructor(private readonly db: Database) {}

  async byId(id: string): Promise<Organization | null> {
    const rows = await this.db.read<{ o: Organization }>(`MATCH (o:Organization {id: $id}) ${RETURN_ORG}`, { id });
    return rows[0]?.o ?? null;
  }

  async list(args: { kind?: string | null; skip: number; limit: number }): Promise<{ rows: Organization[]; total: number }> {
    const rows = await this.db.read<{ total: number; page: Organization[] }>(
      `MATCH (o:Organization) WHERE $kind IS NULL OR o.kind = $kind
       WITH o ORDER BY o.id
       WITH collect(o { .id, .name, .acronym, .kind, .founded, .dissolved, sources: coalesce(o.sources, []) }) AS items
       RETURN size(items) AS total, items[$skip..($skip + $limit)] AS page`,
      { kind: args.kind ?? null, skip: args.skip, limit: args.limit },
    );
    return { rows: rows[0]?.page ?? [], total: rows[0]?.total ?? 0 };
  }
}
