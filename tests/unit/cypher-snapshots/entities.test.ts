import { fixTheClock, rootRow, statementsOf } from './harness';

/**
 * Entity lookups and the look-ahead (modules/common/prefetch.ts): the nested lists a root field's selection asks
 * for are read in the root's own statement, with the lists asked for on their items, and only a third level goes to
 * the loaders. The statements and
 * their parameters are snapshotted without a database; `npx jest tests/unit/cypher-snapshots -u` after an
 * intended change, then review the snapshot's diff.
 */
fixTheClock();

/** The root row of `mission(id: "UNMISS")`, with the lists read ahead given as [key, item] pairs. */
const UNMISS = { when: 'MATCH (n:Mission {id: $id})', rows: [rootRow({ n: { id: 'UNMISS', name: 'UNMISS' } })] };

describe('entity lookups read their nested lists ahead, in one statement', () => {
  it('mission { organizations hosts conflicts contributors }: one statement with a CALL per list', async () => {
    const statements = await statementsOf(
      `{ mission(id: "UNMISS") { id name organizations { id name } hosts { id name } conflicts { id } contributors(period: {from: "2013", to: "2013"}) { personnel state { id } } } }`,
      { answers: [UNMISS] },
    );
    expect(statements).toHaveLength(1);
    expect(statements).toMatchSnapshot();
  });

  it('mission without nested lists: the root statement alone, projecting only what is selected', async () => {
    expect(await statementsOf(`{ mission(id: "UNMISS") { id acronym start end } }`)).toMatchSnapshot();
  });

  it('mission not found: the same one statement (nothing is read after it)', async () => {
    const statements = await statementsOf(`{ mission(id: "NONE") { id organizations { id } } }`);
    expect(statements).toHaveLength(1);
    expect(statements).toMatchSnapshot();
  });

  it('a second level (organizations { missions }) is read ahead too; a third goes to one loader statement over its ids', async () => {
    const statements = await statementsOf(
      `{ mission(id: "UNMISS") { id organizations { id missions(period: {from: "2011"}) { id hosts { id } } } } }`,
      {
        answers: [
          {
            when: 'MATCH (n:Mission {id: $id})',
            rows: [
              rootRow({ n: { id: 'UNMISS' } }),
              {
                __rel: 0,
                __key: null,
                __item: [
                  ['UNMISS', { id: 'UN', label: 'Organization' }],
                  ['UNMISS', { id: 'AU', label: 'Organization' }],
                ],
              },
              {
                __rel: 1,
                __key: null,
                __item: [
                  ['UN', { id: 'UNMISS', label: 'Mission' }],
                  ['AU', { id: 'UNAMID', label: 'Mission' }],
                ],
              },
            ],
          },
        ],
      },
    );
    // The organizations' missions over the ids of the organizations read in the same statement.
    expect(statements[0]?.cypher).toMatch(
      /WITH collect\(DISTINCT item\.id\) AS __itemIds\nUNWIND __itemIds AS id MATCH \(o:Organization/,
    );
    expect(statements).toHaveLength(2);
    expect(statements[1]?.params.ids).toEqual(['UNMISS', 'UNAMID']);
    expect(statements).toMatchSnapshot();
  });

  it('two aliases of one list with different arguments are read ahead as two relations', async () => {
    const statements = await statementsOf(
      `{ mission(id: "UNMISS") { id y2013: contributors(period: {from: "2013", to: "2013"}) { personnel } all: contributors(source: "ipi-contributions") { personnel } } }`,
      { answers: [UNMISS] },
    );
    expect(statements).toHaveLength(1);
    expect(statements).toMatchSnapshot();
  });

  it('fragments and @include are resolved with the variables: a list left out is not read ahead', async () => {
    const source = `query ($hosts: Boolean!) { mission(id: "UNMISS") { id ...lists } }
      fragment lists on Mission { organizations { id } hosts @include(if: $hosts) { id } }`;
    const without = await statementsOf(source, { variables: { hosts: false }, answers: [UNMISS] });
    const withHosts = await statementsOf(source, { variables: { hosts: true }, answers: [UNMISS] });
    expect(without[0]?.cypher).not.toContain('HOSTED_BY');
    expect(withHosts[0]?.cypher).toContain('HOSTED_BY');
    expect(without).toMatchSnapshot();
  });

  it('mission { personnelByYear personnelSeries }: the measure of personnel and the series loader', async () => {
    expect(
      await statementsOf(
        `{ mission(id: "UNMISS") { id personnelByYear(period: {from: "2012", to: "2014"}) { year personnel } personnelSeries(source: "ipi-missions") { month total } } }`,
        {
          answers: [UNMISS],
        },
      ),
    ).toMatchSnapshot();
  });

  it('organization { missions(period) members(year) predecessors people }', async () => {
    expect(
      await statementsOf(
        `{ organization(id: "AU") { id name missions(period: {from: "2007", to: "2010"}) { id } members(year: 2008) { status } predecessors { id } people { role } } }`,
      ),
    ).toMatchSnapshot();
  });

  it('state { hostedMissions memberships contributions } and person { posts nationalityState }', async () => {
    expect(
      await statementsOf(
        `{ state(id: "NPL") { id hostedMissions { id } memberships(year: 2010) { status } contributions(period: {from: "2010-01", to: "2010-06"}) { personnel } }
           person(id: "jan-kubis") { id posts { role } nationalityState { id } } }`,
      ),
    ).toMatchSnapshot();
  });

  it('conflict { missions locations }', async () => {
    expect(
      await statementsOf(`{ conflict(id: "ucdp-333") { id name missions { id } locations { id } } }`),
    ).toMatchSnapshot();
  });

  it('node(id:) looks the id up over every label, whatever fragments follow', async () => {
    expect(
      await statementsOf(`{ node(id: "UN") { id ... on Organization { name kind } ... on Mission { acronym } } }`, {
        answers: [
          {
            when: 'RETURN CASE',
            rows: [{ n: { id: 'UN', label: 'Organization', name: 'United Nations', kind: 'global' } }],
          },
        ],
      }),
    ).toMatchSnapshot();
  });
});
