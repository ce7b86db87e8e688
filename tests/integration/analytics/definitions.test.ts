import type { Database } from '../../../server/src/db/database';
import { measuresHarness } from './harness';

/**
 * The field's definitions, each on a graph small enough to work out by hand (cypher/analysis/METHODS.md). Conflict k1 in
 * host H1, conflict k2 in host H2.
 *
 * | mission | organizations (role)                  | start      | end / last evidence         | conflict | type               |
 * | A       | UN (lead)                             | 2010-01-01 | 2012-05 (month precision)   | k1       |                    |
 * | B       | EU (lead)                             | 2012-05-31 | 2013-12-31                  | k1       |                    |
 * | A2      | UN (lead)                             | 2011-01-01 | 2011-12-31                  | k1       |                    |
 * | G       | EU (lead)                             | 2011-01-01 | 2011-12-31                  | k1       | naval_operation    |
 * | C       | OAU (lead)                            | 1999       | last evidence 2000-11       | k2       |                    |
 * | D       | UN (lead)                             | 1999-06-01 | 2003-12-31                  | k2       |                    |
 * | E       | LCBC (lead), AU (authorizing)         | 2015-01-29 | 2016-12-31                  | k2       |                    |
 * | F       | AU (lead)                             | 2015-01-01 | 2015-12-31                  | k2       |                    |
 * | J       | UN (joint_lead), AU (joint_lead)      | 2016-01-01 | 2016-12-31                  | k2       |                    |
 * | F -handover-> J on 2016-01-01.
 * Personnel: A 2011-01 ipi-missions 1000 in H1; B 2013: one Geo-PKO contributor without an estimate.
 * People: q1 HELD_POST UN as a member state's role (PGA), then HELD_POST EU as an official; q2 HELD_POST UN as
 * an official, then SERVED_IN B.
 */
async function buildDefinitionsGraph(db: Database): Promise<void> {
  await db.write(`UNWIND $orgs AS o CREATE (:Organization {id: o[0], name: o[0], kind: o[1], sources: ['curated']})`, {
    orgs: [
      ['UN', 'global'],
      ['EU', 'regional'],
      ['OAU', 'regional'],
      ['AU', 'regional'],
      ['LCBC', 'subregional'],
    ],
  });
  await db.write(`UNWIND ['H1', 'H2', 'S1'] AS id CREATE (:State {id: id, name: id, sources: ['curated']})`);
  await db.write(`CREATE (:Conflict {id: 'k1', sources: ['ucdp-acd']}), (:Conflict {id: 'k2', sources: ['ucdp-acd']})`);
  const missions = [
    { id: 'A', start: '2010-01-01', end: '2012-05', last: null, k: 'k1', h: 'H1', type: null, orgs: [['UN', 'lead']] },
    {
      id: 'B',
      start: '2012-05-31',
      end: '2013-12-31',
      last: null,
      k: 'k1',
      h: 'H1',
      type: null,
      orgs: [['EU', 'lead']],
    },
    {
      id: 'A2',
      start: '2011-01-01',
      end: '2011-12-31',
      last: null,
      k: 'k1',
      h: 'H1',
      type: null,
      orgs: [['UN', 'lead']],
    },
    {
      id: 'G',
      start: '2011-01-01',
      end: '2011-12-31',
      last: null,
      k: 'k1',
      h: 'H1',
      type: 'naval_operation',
      orgs: [['EU', 'lead']],
    },
    { id: 'C', start: '1999', end: null, last: '2000-11', k: 'k2', h: 'H2', type: null, orgs: [['OAU', 'lead']] },
    {
      id: 'D',
      start: '1999-06-01',
      end: '2003-12-31',
      last: null,
      k: 'k2',
      h: 'H2',
      type: null,
      orgs: [['UN', 'lead']],
    },
    {
      id: 'E',
      start: '2015-01-29',
      end: '2016-12-31',
      last: null,
      k: 'k2',
      h: 'H2',
      type: null,
      orgs: [
        ['LCBC', 'lead'],
        ['AU', 'authorizing'],
      ],
    },
    {
      id: 'F',
      start: '2015-01-01',
      end: '2015-12-31',
      last: null,
      k: 'k2',
      h: 'H2',
      type: null,
      orgs: [['AU', 'lead']],
    },
    {
      id: 'J',
      start: '2016-01-01',
      end: '2016-12-31',
      last: null,
      k: 'k2',
      h: 'H2',
      type: null,
      orgs: [
        ['UN', 'joint_lead'],
        ['AU', 'joint_lead'],
      ],
    },
  ];
  await db.write(
    `UNWIND $missions AS m
     CREATE (x:Mission {id: m.id, name: m.id, acronym: m.id, start: m.start, end: m.end, lastEvidence: m.last,
                        operationType: m.type, kinds: ['military'], sources: ['curated']})
     WITH x, m
     MATCH (k:Conflict {id: m.k}), (h:State {id: m.h})
     CREATE (x)-[:IN_CONFLICT {source: 'curated'}]->(k), (x)-[:HOSTED_BY {source: 'curated'}]->(h)
     WITH x, m
     UNWIND m.orgs AS o
     MATCH (org:Organization {id: o[0]})
     CREATE (org)-[:DEPLOYED {source: 'curated', role: o[1], lead: o[1] = 'lead'}]->(x)`,
    { missions },
  );
  await db.write(
    `MATCH (f:Mission {id: 'F'}), (j:Mission {id: 'J'}) CREATE (f)-[:COOPERATED_WITH {source: 'curated', kind: 'handover', start: '2016-01-01', end: '2016-01-01'}]->(j)`,
  );
  await db.write(
    `MATCH (a:Mission {id: 'A'}), (h:State {id: 'H1'}) CREATE (a)-[:PERSONNEL_IN {source: 'ipi-missions', month: '2011-01', total: 1000}]->(h)`,
  );
  await db.write(
    `MATCH (s:State {id: 'S1'}), (b:Mission {id: 'B'})
     CREATE (s)-[:CONTRIBUTED_TO {source: 'geopko-tcc', from: '2013-01', to: '2013-12', site: 'X', granularity: 'year', troopsEstimate: null}]->(b)`,
  );
  await db.write(
    `CREATE (q1:Person {id: 'q1', name: 'Q One', sources: ['curated']}), (q2:Person {id: 'q2', name: 'Q Two', sources: ['curated']})
     WITH q1, q2
     MATCH (un:Organization {id: 'UN'}), (eu:Organization {id: 'EU'}), (b:Mission {id: 'B'})
     CREATE (q1)-[:HELD_POST {source: 'curated', role: 'President of the General Assembly', start: '2010', end: '2011', capacity: 'member_state'}]->(un),
            (q1)-[:HELD_POST {source: 'curated', role: 'Special Representative', start: '2012', end: '2013', capacity: 'official'}]->(eu),
            (q2)-[:HELD_POST {source: 'curated', role: 'Under-Secretary-General', start: '2010', end: '2011', capacity: 'official'}]->(un),
            (q2)-[:SERVED_IN {source: 'curated', role: 'Head of Mission', start: '2012-06', end: '2013', capacity: 'official'}]->(b)`,
  );
}

type Period = { period: string; activeMissions: number; mspoMissions: number; mspoMissionIds: string[] };

describe("the field's definitions on small graphs", () => {
  const { query } = measuresHarness(buildDefinitionsGraph);
  const mspo = async (from: string, to: string, extra = ''): Promise<Period[]> =>
    (
      await query<{ mspoShare: { periods: Period[] } }>(
        `{ mspoShare(from: "${from}", to: "${to}"${extra}) { periods { period activeMissions mspoMissions mspoMissionIds } } }`,
      )
    ).mspoShare.periods;

  it("counts a mission as MSPO only beside another organization's operation, the same organization's in the variant", async () => {
    // 2011 in k1: A and A2 (both UN's); G, the EU's, is a naval operation and outside the universe.
    expect(await mspo('2011', '2011')).toEqual([
      { period: '2011', activeMissions: 2, mspoMissions: 0, mspoMissionIds: [] },
    ]);
    expect(await mspo('2011', '2011', ', differentOrganization: false')).toEqual([
      { period: '2011', activeMissions: 2, mspoMissions: 2, mspoMissionIds: ['A', 'A2'] },
    ]);
    // With naval operations brought in, G (EU) makes A and A2 (UN) part of an MSPO, and itself.
    expect(await mspo('2011', '2011', ', include: [NAVAL_OPERATIONS]')).toEqual([
      { period: '2011', activeMissions: 3, mspoMissions: 3, mspoMissionIds: ['A', 'A2', 'G'] },
    ]);
  });

  it('reads a month-precision end as the whole month', async () => {
    // A ends "2012-05": it is active on 31 May 2012, the day B starts.
    const months = await mspo('2012-05', '2012-06', ', granularity: MONTH');
    expect(months.map((p) => [p.period, p.mspoMissionIds])).toEqual([
      ['2012-05', ['A', 'B']],
      ['2012-06', []],
    ]);
  });

  it('counts a mission without a recorded end as active up to its last evidence only', async () => {
    const years = await mspo('2000', '2001');
    // 2000: C (OAU, last evidence 2000-11) beside D (UN). 2001: C is no longer counted.
    expect(years.map((p) => [p.period, p.activeMissions, p.mspoMissionIds])).toEqual([
      ['2000', 2, ['C', 'D']],
      ['2001', 1, []],
    ]);
    const universe = await query<{ analysisUniverse: { endsAtLastEvidence: number } }>(
      '{ analysisUniverse { endsAtLastEvidence } }',
    );
    expect(universe.analysisUniverse.endsAtLastEvidence).toBe(1);
    const c = await query<{ mission: { end: string | null; lastEvidence: string; endPrecision: string } }>(
      '{ mission(id: "C") { end lastEvidence endPrecision } }',
    );
    expect(c.mission).toEqual({ end: null, lastEvidence: '2000-11', endPrecision: 'MONTH' });
  });

  it('gives an authorizing organization no part in a mission, and types a handover to a hybrid as sequential', async () => {
    const pairs = await query<{
      pairTypes: {
        hybrid: number;
        pairs: {
          items: {
            missionA: string;
            missionB: string;
            organizationsA: string[];
            pairType: string;
            hybridA: boolean;
            hybridB: boolean;
          }[];
        };
      };
    }>(
      '{ pairTypes(from: "2015", to: "2016") { hybrid pairs { items { missionA missionB organizationsA pairType hybridA hybridB } } } }',
    );
    const byPair = Object.fromEntries(pairs.pairTypes.pairs.items.map((p) => [`${p.missionA}/${p.missionB}`, p]));
    // E is the LCBC's alone (the AU only authorized it); E and F overlap: parallel.
    expect(byPair['E/F']).toMatchObject({
      organizationsA: ['LCBC'],
      pairType: 'PARALLEL',
      hybridA: false,
      hybridB: false,
    });
    // F hands over to the hybrid J (UN and AU joint leads): sequential; J beside E: parallel.
    expect(byPair['F/J']).toMatchObject({ pairType: 'SEQUENTIAL', hybridA: false, hybridB: true });
    expect(byPair['E/J']).toMatchObject({ pairType: 'PARALLEL', hybridB: true });
    expect(pairs.pairTypes.hybrid).toBe(2);
  });

  it('keeps a personnel figure no source gives unknown, never 0', async () => {
    const d = await query<{
      stats: {
        years: {
          year: number;
          missionsActive: number;
          personnel: number | null;
          missionsWithPersonnel: number;
          personnelCoverage: number | null;
          personnelSources: string[];
        }[];
      };
    }>(
      '{ stats(from: 2011, to: 2013) { years { year missionsActive personnel missionsWithPersonnel personnelCoverage personnelSources } } }',
    );
    expect(d.stats.years).toEqual([
      // A: January 2011 from IPI, the only month with a figure; A2 has none.
      {
        year: 2011,
        missionsActive: 2,
        personnel: 1000,
        missionsWithPersonnel: 1,
        personnelCoverage: 0.5,
        personnelSources: ['ipi-missions'],
      },
      {
        year: 2012,
        missionsActive: 2,
        personnel: null,
        missionsWithPersonnel: 0,
        personnelCoverage: 0,
        personnelSources: [],
      },
      // B's Geo-PKO contributor has no estimate: no figure, not 0.
      {
        year: 2013,
        missionsActive: 1,
        personnel: null,
        missionsWithPersonnel: 0,
        personnelCoverage: 0,
        personnelSources: [],
      },
    ]);
    const b = await query<{
      mission: { personnelByYear: { year: number; personnel: number | null; monthsActive: number }[] };
    }>('{ mission(id: "B") { personnelByYear(from: 2013, to: 2013) { year personnel monthsActive } } }');
    expect(b.mission.personnelByYear).toEqual([{ year: 2013, personnel: null, monthsActive: 12 }]);
  });

  it("makes a person a bridge only through posts held as an official, not a member state's role", async () => {
    const d = await query<{ dyadMeasures: { personBridges: { count: number; bridges: { person: string }[] } } }>(
      '{ dyadMeasures(a: "EU", b: "UN", year: 2013) { personBridges { count bridges { person } } } }',
    );
    // q1 presided over the General Assembly for a member state: no bridge. q2 was a UN official, then headed B (EU).
    expect(d.dyadMeasures.personBridges).toEqual({ count: 1, bridges: [{ person: 'q2' }] });
  });

  it('flags missions in the network with exactly the MSPO answer of mspoShare for the same period', async () => {
    for (const [from, to] of [
      ['2000', '2000'],
      ['2011', '2011'],
      ['2012', '2013'],
      ['2015', '2016'],
      ['1999', '2016'],
    ]) {
      const net = await query<{ network: { nodes: { id: string; label: string; mspo: boolean }[] } }>(
        `{ network(filter: { period: { from: "${from}", to: "${to}" }, includeStates: false, includeConflicts: false }) { nodes { id label mspo } } }`,
      );
      const periods = await mspo(from, to);
      const expected = new Set(periods.flatMap((p) => p.mspoMissionIds));
      const flagged = net.network.nodes
        .filter((n) => n.label === 'Mission' && n.mspo)
        .map((n) => n.id)
        .sort();
      expect(flagged).toEqual([...expected].filter((id) => net.network.nodes.some((n) => n.id === id)).sort());
    }
  });
});
