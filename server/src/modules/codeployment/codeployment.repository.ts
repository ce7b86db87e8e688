import type { Database } from '../../db/database';
import type { Node } from '../common/node.type';
import { MISSIONS_OVERLAP } from '../common/period';
import { CONFLICT, MISSION, ORGANIZATION, STATE } from '../common/projections';
import type { Mission } from '../mission/mission.type';
import type { Organization } from '../organization/organization.type';
import { CoDeploymentUnit } from './codeployment.type';

/** One pair of missions in a shared unit, as the statement returns it: the two missions, the unit, their organizations. */
export interface PairRow {
  a: Mission;
  b: Mission;
  unit: Node;
  orgsA: Organization[];
  orgsB: Organization[];
  lastEvidenceA: string | null;
  lastEvidenceB: string | null;
}

/** Which pairs of missions `pairs` reads. */
export interface PairQuery {
  unit: CoDeploymentUnit;
  /** The one conflict or host state of the unit; null: every one. */
  unitId: string | null;
  /** Only pairs where one mission is this organization's. */
  organization: string | null;
  /** With unit HOST_STATE: only pairs whose first mission is in this conflict. */
  conflict: string | null;
}

/** The Cypher of `coDeployments`. */
export class CoDeploymentRepository {
  constructor(private readonly db: Database) {}

  /**
   * Every pair of missions (first id before second) in the same conflict or host state that overlap in time by
   * MISSIONS_OVERLAP, each passed to `onRow` as it arrives, a few hundred per fetch, so that neither their
   * conversion nor the caller's work holds the event loop at once (every pair of the graph may come back).
   */
  async pairs(q: PairQuery, onRow: (row: PairRow) => void): Promise<void> {
    const conflictUnit = q.unit === CoDeploymentUnit.CONFLICT;
    const link = conflictUnit ? 'IN_CONFLICT' : 'HOSTED_BY';
    const unitLabel = conflictUnit ? 'Conflict' : 'State';
    const unitProjection = conflictUnit ? CONFLICT('u') : STATE('u');
    // A given conflict or host is written into the pattern, so that the plan starts from it (an index seek)
    // instead of from every pair of missions.
    const unitNode = q.unitId === null ? `(u:${unitLabel})` : `(u:${unitLabel} {id: $unit})`;
    await this.db.readEach<PairRow>(
      `MATCH (m1:Mission)-[:${link}]->${unitNode}<-[:${link}]-(m2:Mission)
       WHERE m1.id < m2.id
         AND ${MISSIONS_OVERLAP('m1', 'm2')}
         AND ($organization IS NULL OR EXISTS { MATCH (o:Organization {id: $organization})-[:DEPLOYED]->(x) WHERE x = m1 OR x = m2 })
         AND ($conflict IS NULL OR $unitIsConflict OR EXISTS { (m1)-[:IN_CONFLICT]->(:Conflict {id: $conflict}) })
       WITH DISTINCT m1, m2, u
       RETURN ${MISSION('m1')} AS a, ${MISSION('m2')} AS b, ${unitProjection} AS unit,
              m1.lastEvidence AS lastEvidenceA, m2.lastEvidence AS lastEvidenceB,
              [(o:Organization)-[:DEPLOYED]->(m1) | ${ORGANIZATION('o')}] AS orgsA,
              [(o:Organization)-[:DEPLOYED]->(m2) | ${ORGANIZATION('o')}] AS orgsB`,
      { unit: q.unitId, organization: q.organization, conflict: q.conflict, unitIsConflict: conflictUnit },
      onRow,
      250,
    );
  }
}
