import { analysisStatement, fixTheClock, sharedPersonnelSides, statementsOf, UNIVERSE_ANSWER } from './harness';

/**
 * The research questions: co-deployments, shared personnel, stats and the measures of cypher/analysis (named by
 * their file in the snapshots, their parameters kept). `npx jest tests/unit/cypher-snapshots -u` after an
 * intended change, then review the snapshot's diff.
 */
fixTheClock();

/** personnel.cypher's rows: one organization with a year (the stats then read that organization). */
const PERSONNEL_ANSWER = {
  when: analysisStatement('personnel'),
  rows: (params: Record<string, unknown>) =>
    params.level === 'ORGANIZATION'
      ? [
          {
            id: 'AU',
            year: 2010,
            activeMissions: 1,
            personnel: null,
            missionsWithPersonnel: 0,
            sources: [],
            monthsActive: 12,
            monthsWithFigure: 0,
            missionIds: ['AMIS'],
          },
        ]
      : [],
};

/** mission-pairs.cypher's row for UNMIS and UNAMID (a parallel pair in Sudan), so that the pair's other measures are read. */
const PAIR_ANSWER = {
  when: analysisStatement('mission-pairs'),
  rows: [
    {
      missionA: 'UNAMID',
      missionB: 'UNMIS',
      organizationsA: ['AU', 'UN'],
      organizationsB: ['UN'],
      startA: '2007-07-31',
      endA: '2020-12-31',
      startB: '2005-03-24',
      endB: '2011-07-09',
      pairStart: '2007-07-31',
      sharedUnits: ['ucdp-309'],
      isPair: true,
      differentOrganizations: true,
      overlapDays: 1440,
      gapDays: null,
      sequentialByWindow: false,
      handoverRecorded: false,
      bridgingRecorded: false,
      linkKinds: [],
      cooperated: false,
      hybrid: true,
      hybridA: true,
      hybridB: false,
      pairType: 'PARALLEL',
      tasksA: ['military', 'police'],
      tasksB: ['military'],
      complementarity: 0.5,
    },
  ],
};

describe('co-deployments and shared personnel', () => {
  it('coDeployments in conflicts, for an organization: the unit a constant, the rest parameters', async () => {
    expect(
      await statementsOf(
        `{ coDeployments(organization: "AU", first: 10, period: {from: "2007", to: "2010"}) { from to a { id } b { id } } }`,
      ),
    ).toMatchSnapshot();
  });

  it('coDeployments in one host state: the host is written into the pattern as a parameter', async () => {
    expect(
      await statementsOf(`{ coDeployments(host: "SDN", differentOrganization: false) { months a { id } } }`),
    ).toMatchSnapshot();
  });

  it('sharedPersonnel of two missions in one month: one statement, the month window a parameter', async () => {
    const statements = await statementsOf(
      `{ sharedPersonnel(a: "UNMISS", b: "UNAMID", period: {from: "2013-12", to: "2013-12"}) { jaccard a { id } b { id } } }`,
      {
        answers: [sharedPersonnelSides('UNMISS', 'UNAMID', 'Mission')],
      },
    );
    expect(statements).toHaveLength(1);
    expect(statements).toMatchSnapshot();
  });

  it('sharedPersonnel of two organizations from one source, over a period', async () => {
    expect(
      await statementsOf(
        `{ sharedPersonnel(a: "UN", b: "AU", source: "ipi-contributions", period: {from: "2008", to: "2012"}) { jaccard } }`,
        {
          answers: [
            {
              when: 'AS sides',
              rows: [
                {
                  sides: [
                    { id: 'UN', label: 'Organization' },
                    { id: 'AU', label: 'Organization' },
                  ],
                  runs: [],
                  people: [],
                  states: [],
                },
              ],
            },
          ],
        },
      ),
    ).toMatchSnapshot();
  });
});

describe('stats', () => {
  it('stats over a period: the universe, the MSPO rule and personnel overall and per organization', async () => {
    const statements = await statementsOf(
      `{ stats(period: {from: "2010", to: "2012"}) { years { year missionsActive } organizations { organization { id } } } }`,
      {
        answers: [UNIVERSE_ANSWER, PERSONNEL_ANSWER],
      },
    );
    expect(statements.map((s) => s.cypher)).toEqual([
      '<cypher/analysis/universe.cypher>',
      '<cypher/analysis/mspo-share.cypher>',
      '<cypher/analysis/personnel.cypher>',
      '<cypher/analysis/personnel.cypher>',
      expect.stringContaining('MATCH (o:Organization) WHERE o.id IN $ids'),
    ]);
    expect(statements).toMatchSnapshot();
  });

  it('stats of one organization, the period open at its end (this year)', async () => {
    expect(
      await statementsOf(`{ stats(organization: "AU", period: {from: "2020"}) { years { year } } }`, {
        answers: [UNIVERSE_ANSWER, PERSONNEL_ANSWER],
      }),
    ).toMatchSnapshot();
  });
});

describe('the measures of cypher/analysis', () => {
  it('mspoShare by year, and by month in a host-state unit', async () => {
    expect(
      await statementsOf(
        `{ years: mspoShare(period: {from: "2000", to: "2010"}) { periods { period share } }
           months: mspoShare(period: {from: "2008-01", to: "2008-12"}, granularity: MONTH, unit: HOST_STATE, differentOrganization: false, universe: "un-pko-list") { periods { period } } }`,
        { answers: [UNIVERSE_ANSWER] },
      ),
    ).toMatchSnapshot();
  });

  it('pairTypes over a period with a sequential window', async () => {
    expect(
      await statementsOf(
        `{ pairTypes(period: {from: "2003", to: "2008"}, sequentialWindowDays: 365, first: 5) { total parallel pairs { totalCount } } }`,
        {
          answers: [UNIVERSE_ANSWER],
        },
      ),
    ).toMatchSnapshot();
  });

  it('dyadMeasures: both organizations looked up, then one statement per measure', async () => {
    const statements = await statementsOf(
      `{ dyadMeasures(a: "UN", b: "AU", year: 2010) { year cooperation { cooperated } membership { sharedMembers } } }`,
      {
        answers: [UNIVERSE_ANSWER, { when: 'UNWIND $ids AS id', rows: [] }],
      },
    );
    expect(statements).toMatchSnapshot();
  });

  it('cooperationNetwork of a period, and conflictComplexity of a unit', async () => {
    expect(
      await statementsOf(
        `{ cooperationNetwork(period: {from: "2005", to: "2010"}, tie: COOPERATION) { density }
           conflictComplexity(unitId: "ucdp-309", period: {from: "2002", to: "2004"}) { years { year } } }`,
        {
          answers: [
            UNIVERSE_ANSWER,
            {
              when: analysisStatement('cooperation-network'),
              rows: [{ organizations: 0, ties: 0, density: null, centralization: null, degrees: [], edges: [] }],
            },
            { when: 'RETURN count(c) + count(s) AS n', rows: [{ n: 1 }] },
          ],
        },
      ),
    ).toMatchSnapshot();
  });

  it('analysisUniverse with an extension of the universe', async () => {
    expect(
      await statementsOf(`{ analysisUniverse(include: [AD_HOC_COALITIONS, LEAD_STATES]) { missions description } }`, {
        answers: [UNIVERSE_ANSWER],
      }),
    ).toMatchSnapshot();
  });

  it('missionPairMeasures of two missions', async () => {
    expect(
      await statementsOf(`{ missionPairMeasures(a: "UNMIS", b: "UNAMID", year: 2010) { pair { pairType } } }`, {
        answers: [UNIVERSE_ANSWER, PAIR_ANSWER],
      }),
    ).toMatchSnapshot();
  });
});
