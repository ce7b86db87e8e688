import type { Database } from '../../db/database';
import { MISSIONS_OVERLAP } from '../common/period';

/** Co-deployed mission pairs of two organizations and how many of them have a recorded cooperation. */
export interface LinkCoverage {
  a: string;
  b: string;
  codeployed: number;
  linked: number;
}

/** People with official posts with both organizations of a pair. */
export interface PeopleCoverage {
  a: string;
  b: string;
  people: number;
}

/**
 * Coverage of the curated links, for `npm run data:check`: per pair of organizations, the pairs of their
 * missions deployed in the same UCDP conflict at the same time (the organization's own missions: an
 * authorizing or supporting organization is none of its organizations), and how many of those pairs a
 * COOPERATED_WITH links; and the people who held official posts with both organizations.
 */
export async function linkCoverage(db: Database): Promise<LinkCoverage[]> {
  return db.read<LinkCoverage>(
    `MATCH (o1:Organization)-[d1:DEPLOYED]->(m1:Mission)-[:IN_CONFLICT]->(:Conflict)<-[:IN_CONFLICT]-(m2:Mission)<-[d2:DEPLOYED]-(o2:Organization)
     WHERE o1.id < o2.id AND m1 <> m2
       AND NOT coalesce(d1.role, '') IN ['authorizing', 'supporting'] AND NOT coalesce(d2.role, '') IN ['authorizing', 'supporting']
       AND NOT (o2)-[:DEPLOYED]->(m1) AND NOT (o1)-[:DEPLOYED]->(m2)
       AND ${MISSIONS_OVERLAP('m1', 'm2')}
     WITH DISTINCT o1.id AS a, o2.id AS b, m1, m2
     RETURN a, b, count(*) AS codeployed, count(CASE WHEN EXISTS { (m1)-[:COOPERATED_WITH]-(m2) } THEN 1 END) AS linked
     ORDER BY codeployed DESC, a, b`,
  );
}

export async function peopleCoverage(db: Database): Promise<PeopleCoverage[]> {
  return db.read<PeopleCoverage>(
    `MATCH (p:Person)-[r:SERVED_IN|HELD_POST]->(x)
     WHERE coalesce(r.capacity, 'official') = 'official'
     UNWIND CASE WHEN x:Organization THEN [x.id]
                 ELSE COLLECT { MATCH (o:Organization)-[d:DEPLOYED]->(x)
                                WHERE NOT coalesce(d.role, '') IN ['authorizing', 'supporting'] AND coalesce(o.kind, '') <> 'lead_state'
                                RETURN DISTINCT o.id } END AS org
     WITH p, collect(DISTINCT org) AS orgs
     UNWIND orgs AS a
     UNWIND orgs AS b
     WITH p, a, b WHERE a < b
     RETURN a, b, count(DISTINCT p) AS people
     ORDER BY people DESC, a, b`,
  );
}
