import { fixTheClock, graphEdge, graphNode, graphNodeRow, statementsOf } from './harness';

/**
 * The graph questions of the network view: search, neighbours, paths and the network, FULL and ORGANIZATIONS.
 * A subgraph with a mission in it asks the MSPO rule (cypher/analysis/mspo-share.cypher) for the flags of its
 * missions, within them and the missions that share a place with them (a statement before it finds those): the
 * canned answers give one where a snapshot must show those statements. `npx jest tests/unit/cypher-snapshots -u`
 * after an intended change, then review the snapshot's diff.
 */
fixTheClock();

describe('search', () => {
  it('full-text search: the words become one Lucene query parameter', async () => {
    expect(await statementsOf(`{ search(text: "united nat", first: 5) { score node { id } } }`)).toMatchSnapshot();
  });

  it('nothing to look for: no statement at all', async () => {
    expect(await statementsOf(`{ search(text: "  ") { score } }`)).toEqual([]);
  });
});

describe('neighbors', () => {
  it('depth 1 with the default types (all but the monthly series), without a period', async () => {
    expect(await statementsOf(`{ neighbors(id: "AU") { truncated nodes { id } edges { id } } }`)).toMatchSnapshot();
  });

  it('depth 2 with types and a period; a mission among the nodes asks the MSPO rule for the months of the period', async () => {
    const statements = await statementsOf(
      `{ neighbors(id: "UNMISS", depth: 2, limit: 50, types: [DEPLOYED, HOSTED_BY], period: {from: "2013-07", to: "2014-06"}) { nodes { id mspo } edges { id } } }`,
      {
        answers: [
          {
            when: 'WITH [s] AS seen',
            rows: [
              {
                nodes: [graphNodeRow('UNMISS', 'Mission'), graphNodeRow('UN', 'Organization')],
                edges: [{ ...graphEdge('UN', 'UNMISS', 'DEPLOYED'), sources: ['un-pko-list'] }],
                truncated: false,
              },
            ],
          },
        ],
      },
    );
    expect(statements).toHaveLength(3);
    expect(statements[1]?.cypher).toContain('AS mates');
    expect(statements[2]?.cypher).toBe('<cypher/analysis/mspo-share.cypher>');
    expect(statements).toMatchSnapshot();
  });
});

describe('paths', () => {
  it('k paths through types in a period: the path count asked for is a constant of k, the rest parameters', async () => {
    const statements = await statementsOf(
      `{ paths(from: "UN", to: "AU", types: [DEPLOYED, IN_CONFLICT], k: 3, maxHops: 4, period: {from: "2007", to: "2010"}) { length sentence nodes { id mspo } } }`,
      {
        answers: [
          {
            when: 'MATCH p = SHORTEST',
            rows: [
              {
                found: true,
                nodes: [
                  graphNode('UN', 'Organization'),
                  graphNode('UNAMID', 'Mission'),
                  graphNode('AU', 'Organization'),
                ],
                edges: [graphEdge('UN', 'UNAMID', 'DEPLOYED'), graphEdge('AU', 'UNAMID', 'DEPLOYED')],
              },
            ],
          },
        ],
      },
    );
    expect(statements).toHaveLength(3);
    expect(statements).toMatchSnapshot();
  });

  it('no path: a second statement tells "none within maxHops" from "no such entity"', async () => {
    const statements = await statementsOf(`{ paths(from: "UN", to: "AU") { length } }`, {
      answers: [{ when: 'RETURN a IS NOT NULL AS a', rows: [{ a: true, b: true }] }],
    });
    expect(statements).toHaveLength(2);
    expect(statements).toMatchSnapshot();
  });
});

describe('network', () => {
  /** The FULL network's one row, with one mission: the MSPO rule is asked for its flags. */
  const FULL_ROW = {
    when: 'AS missions',
    rows: [
      {
        missions: [graphNodeRow('UNAMID', 'Mission')],
        others: [graphNodeRow('UN', 'Organization')],
        edges: [graphEdge('UN', 'UNAMID', 'DEPLOYED')],
      },
    ],
  };

  it('FULL without a filter: every mission, states and conflicts, the MSPO rule over 1945 to this year', async () => {
    const statements = await statementsOf(`{ network { nodes { id mspo } edges { id } } }`, { answers: [FULL_ROW] });
    expect(statements).toHaveLength(3);
    expect(statements).toMatchSnapshot();
  });

  it('FULL filtered by organizations, organization kinds, sources and a period', async () => {
    const statements = await statementsOf(
      `{ network(filter: {mode: FULL, organizations: ["UN", "AU"], organizationKinds: ["regional", "regional"], sources: ["un-pko-list"], period: {from: "2008", to: "2012"}, includeStates: false}) { nodes { id mspo } edges { id } } }`,
      { answers: [FULL_ROW] },
    );
    expect(statements[0]?.params).toMatchObject({
      organizationKinds: ['regional'],
      includeStates: false,
      span: { from: '2008-01-01', to: '2012-12-31' },
    });
    expect(statements).toMatchSnapshot();
  });

  it('FULL filtered by mission kinds, regions and conflicts, no mission found: no MSPO statement', async () => {
    const statements = await statementsOf(
      `{ network(filter: {missionKinds: ["police"], regions: ["Africa"], conflicts: ["ucdp-333"]}) { nodes { id } } }`,
    );
    expect(statements).toHaveLength(1);
    expect(statements).toMatchSnapshot();
  });

  it('ORGANIZATIONS filtered by organizations, kinds, sources and a period: one statement, no MSPO flags', async () => {
    const statements = await statementsOf(
      `{ network(filter: {mode: ORGANIZATIONS, organizations: ["UN"], organizationKinds: ["global"], sources: ["ipi-missions", "un-pko-list"], period: {from: "2010-03", to: "2010-05"}}) { nodes { id personnel } edges { id weight } } }`,
    );
    expect(statements).toHaveLength(1);
    expect(statements).toMatchSnapshot();
  });
});
