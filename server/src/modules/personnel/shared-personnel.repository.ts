import type { Database } from '../../db/database';
import { MISSION, ORGANIZATION, PERSON, STATE } from '../common/projections';
import type { ContributionRecord, MonthWindow } from './contributions';

type Side = { id: string; label: string } & Record<string, unknown>;

/** What sharedPersonnel reads besides the records: both sides, the people on both, the states met. */
interface Head {
  sides: (Side | null)[];
  people: Record<string, unknown>[];
  states: Record<string, unknown>[];
}

/**
 * Reads what sharedPersonnel needs in one round trip: both sides (a mission or an organization), the
 * contribution records of their missions in the window, and the people who held posts on both sides. The
 * states are made distinct as nodes and projected once at the end: DISTINCT over their projected maps hashed
 * every map (the statement took 16% longer, 34 alternating runs). The records come as lists, not maps: Neo4j
 * writes a list of 300 small lists to the wire in a fraction of the time of 300 maps.
 */
/** Contribution records per row of the answer. */
const RECORDS_PER_ROW = 1000;

export class SharedPersonnelRepository {
  constructor(private readonly db: Database) {}

  /**
   * Reads both sides and the people on both, and hands each contribution record to `onRecord` as it arrives
   * (nothing of the tens of thousands of records of two organizations is kept).
   */
  async load(
    a: string,
    b: string,
    window: MonthWindow | null,
    source: string | null,
    onRecord: (side: number, record: ContributionRecord) => void,
  ): Promise<Head> {
    let head: Head | null = null;
    let names = new Map<string, string>();
    await this.db.readEach<
      Head & {
        records: [
          side: number,
          state: string,
          mission: string,
          source: string,
          from: string,
          to: string,
          total: number | null,
        ][];
      }
    >(
      `WITH [x IN [$a, $b] | head(COLLECT { MATCH (m:Mission {id: x}) RETURN m UNION MATCH (o:Organization {id: x}) RETURN o AS m })] AS nodes
       WITH nodes,
            // An organization's missions, each once: a mission can be DEPLOYED by the same organization under two
            // sources (the UN list and a curated row), and its records must not be read twice.
            [n IN nodes | CASE WHEN n IS NULL THEN [] WHEN n:Mission THEN [n] ELSE COLLECT { MATCH (n)-[:DEPLOYED]->(m:Mission) RETURN DISTINCT m } END] AS missions
       CALL (missions) {
         UNWIND range(0, size(missions) - 1) AS side
         UNWIND missions[side] AS m
         MATCH (m)<-[c:CONTRIBUTED_TO]-(s:State)
         WHERE ($window IS NULL OR (c.from <= $window.to AND c.to >= $window.from)) AND ($source IS NULL OR c.source = $source)
         RETURN collect([side, s.id, m.id, c.source, c.from, c.to, coalesce(c.total, c.troopsEstimate)]) AS records,
                collect(DISTINCT s) AS stateNodes
       }
       CALL (nodes, missions) {
         // People reached from each side (posts in its missions, or in the organization itself), kept when both
         // sides reach them: anchored on the two sides, never a scan of every person.
         UNWIND CASE WHEN size(nodes) = 2 AND nodes[0] IS NOT NULL AND nodes[1] IS NOT NULL THEN [0, 1] ELSE [] END AS i
         CALL (i, nodes, missions) {
           UNWIND missions[i] AS x
           MATCH (p:Person)-[:SERVED_IN]->(x)
           RETURN p
           UNION
           WITH nodes[i] AS o
           MATCH (p:Person)-[:HELD_POST]->(o)
           RETURN p
         }
         WITH p, count(DISTINCT i) AS sidesReached
         WHERE sidesReached = 2
         // By name (then id): the answer's order is the API's, not the store's.
         WITH p ORDER BY p.name, p.id
         RETURN collect(${PERSON('p')}) AS people
       }
       // The records come in rows of RECORDS_PER_ROW: the driver reads and converts each row as it arrives, so
       // that the tens of thousands of records of two organizations never hold the event loop at once.
       UNWIND CASE WHEN size(records) = 0 THEN [0] ELSE range(0, size(records) - 1, $perRow) END AS i
       RETURN CASE WHEN i = 0 THEN [n IN nodes | CASE WHEN n IS NULL THEN null WHEN n:Mission THEN ${MISSION('n')} ELSE ${ORGANIZATION('n')} END] END AS sides,
              records[i..i + $perRow] AS records,
              CASE WHEN i = 0 THEN people END AS people, CASE WHEN i = 0 THEN [s IN stateNodes | ${STATE('s')}] END AS states`,
      { a, b, window, source, perRow: RECORDS_PER_ROW },
      (row) => {
        if (!head) {
          // The first row carries the sides, the people and the states.
          head = { sides: row.sides, people: row.people, states: row.states };
          names = new Map(row.states.map((st) => [st.id as string, st.name as string]));
        }
        for (const [side, state, mission, src, from, to, total] of row.records) {
          onRecord(side, { state, stateName: names.get(state) ?? state, mission, source: src, from, to, total });
        }
      },
      // One row of RECORDS_PER_ROW records per fetch: the event loop runs between two.
      1,
    );
    return head ?? { sides: [], people: [], states: [] };
  }
}
