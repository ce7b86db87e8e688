import type { Database } from '../../db/database';
import { MISSION, ORGANIZATION, PERSON, STATE } from '../common/projections';
import type { MonthWindow, RecordRun, RunSide } from '../../model/contributions';
import { RECORD_COUNTED, RECORD_RUN } from '../../model/contributions.cypher';

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
 * every map (the statement took 16% longer, 34 alternating runs). The records come as runs, one per state,
 * mission and source (model/contributions.ts `RecordRun`): the 40,000 records of the UN and the AU in about half the
 * time of a small list each, which took about two thirds of the time of a map each.
 */
/** Runs of contribution records per row of the answer. */
const RUNS_PER_ROW = 100;

export class SharedPersonnelRepository {
  constructor(private readonly db: Database) {}

  /**
   * Reads both sides and the people on both, and hands each run of contribution records to `onRun` as it
   * arrives (nothing of the tens of thousands of records of two organizations is kept).
   */
  async load(
    a: string,
    b: string,
    window: MonthWindow | null,
    source: string | null,
    onRun: (side: number, who: RunSide, run: RecordRun) => void,
  ): Promise<Head> {
    let head: Head | null = null;
    let names = new Map<string, string>();
    await this.db.readEach<
      Head & {
        runs: [side: number, state: string, mission: string, run: RecordRun][];
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
         WHERE ${RECORD_COUNTED('c')}
         WITH side, s, m, c.source AS source, collect(c) AS cs
         RETURN collect([side, s.id, m.id, ${RECORD_RUN('cs')}]) AS runs, collect(DISTINCT s) AS stateNodes
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
       // The runs come in rows of RUNS_PER_ROW: the driver reads and converts each row as it arrives, so that the
       // tens of thousands of records of two organizations never hold the event loop at once.
       UNWIND CASE WHEN size(runs) = 0 THEN [0] ELSE range(0, size(runs) - 1, $perRow) END AS i
       RETURN CASE WHEN i = 0 THEN [n IN nodes | CASE WHEN n IS NULL THEN null WHEN n:Mission THEN ${MISSION('n')} ELSE ${ORGANIZATION('n')} END] END AS sides,
              runs[i..i + $perRow] AS runs,
              CASE WHEN i = 0 THEN people END AS people, CASE WHEN i = 0 THEN [s IN stateNodes | ${STATE('s')}] END AS states`,
      { a, b, window, source, perRow: RUNS_PER_ROW },
      (row) => {
        if (!head) {
          // The first row carries the sides, the people and the states.
          head = { sides: row.sides, people: row.people, states: row.states };
          names = new Map(row.states.map((st) => [st.id as string, st.name as string]));
        }
        for (const [side, state, mission, run] of row.runs) {
          onRun(side, { state, stateName: names.get(state) ?? state, mission }, run);
        }
      },
      // One row of RUNS_PER_ROW runs per fetch: the event loop runs between two.
      1,
    );
    return head ?? { sides: [], people: [], states: [] };
  }
}
