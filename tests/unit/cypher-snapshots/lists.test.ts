import { encodeCursor } from '../../../server/src/modules/common/connection';
import { fixTheClock, rootRow, statementsOf } from './harness';

/**
 * Lists a page at a time: the page statement (counted when totalCount is asked for, a top-k sort otherwise), its
 * cursor as a skip, its filters as parameters, its sort keys from the allow-list, and the look-ahead over the
 * page's items. Snapshotted without a database (`npx jest tests/unit/cypher-snapshots -u` after an intended change).
 */
fixTheClock();

/** The cursor after the first `n` items (what `pageInfo.endCursor` gives). */
const after = (n: number) => JSON.stringify(encodeCursor(n));

describe('missions: pages, cursors, filters and sort keys', () => {
  it('a first page with totalCount counts every match, and asks for one item more than first', async () => {
    const statements = await statementsOf(
      `{ missions(first: 5) { totalCount pageInfo { hasNextPage endCursor } items { id } } }`,
    );
    expect(statements[0]?.params).toMatchObject({ skip: 0, limit: 6 });
    expect(statements).toMatchSnapshot();
  });

  it('a page without totalCount is cut in the database (ORDER BY ... SKIP ... LIMIT)', async () => {
    const statements = await statementsOf(`{ missions(first: 5, sort: {field: ACRONYM}) { items { id } } }`);
    expect(statements[0]?.cypher).toMatch(/SKIP toInteger\(\$skip\) LIMIT toInteger\(\$limit\)/);
    expect(statements).toMatchSnapshot();
  });

  it('sorted by an indexed key, a page without totalCount reads the index in order, no more than the page', async () => {
    const statements = await statementsOf(`{ missions(first: 5) { items { id } } }`);
    expect(statements[0]?.cypher).toMatch(
      /WHERE m\.start > '' AND [^]*ORDER BY m\.start ASC, m\.id LIMIT toInteger\(\$skip\) \+ toInteger\(\$limit\)/,
    );
    // Descending, the missions without a start come last: their scan only when the others do not fill the page.
    const descending = await statementsOf(`{ missions(first: 5, sort: {direction: DESC}) { items { id } } }`);
    expect(descending[0]?.cypher).toMatch(/UNWIND CASE WHEN size\(valued\) < /);
    expect(statements).toMatchSnapshot();
  });

  it('after a cursor: the cursor becomes the skip', async () => {
    const statements = await statementsOf(
      `{ missions(first: 20, after: ${after(40)}) { items { id } pageInfo { endCursor } } }`,
    );
    expect(statements[0]?.params).toMatchObject({ skip: 40, limit: 21 });
    expect(statements).toMatchSnapshot();
  });

  it('filtered by organization, kind, host state and period: every filter a parameter, the text unchanged', async () => {
    const statements = await statementsOf(
      `{ missions(organization: "UN", kind: "military", hostState: "SSD", period: {from: "2013-07", to: "2014"}) { totalCount items { id } } }`,
    );
    const unfiltered = await statementsOf(`{ missions { totalCount items { id } } }`);
    expect(statements[0]?.cypher).toBe(unfiltered[0]?.cypher);
    expect(statements).toMatchSnapshot();
  });

  it('filtered by conflict and region', async () => {
    expect(
      await statementsOf(`{ missions(conflict: "ucdp-333", region: "Africa") { items { id } } }`),
    ).toMatchSnapshot();
  });

  it.each(['ACRONYM', 'END', 'ID', 'PERSONNEL', 'START'])(
    'sorted by %s descending: the ORDER BY of the allow-list',
    async (field) => {
      expect(
        await statementsOf(`{ missions(first: 3, sort: {field: ${field}, direction: DESC}) { items { id } } }`),
      ).toMatchSnapshot();
    },
  );

  it('the items of a page read their lists ahead over the page ids, in the page statement', async () => {
    const statements = await statementsOf(
      `{ missions(first: 2, organization: "AU") { items { id organizations { id } hosts { id } contributors { personnel } } } }`,
      {
        answers: [
          { when: 'MATCH (m:Mission)', rows: [rootRow({ total: null, page: [{ id: 'AMIS' }, { id: 'AMISOM' }] })] },
        ],
      },
    );
    expect(statements).toHaveLength(1);
    expect(statements).toMatchSnapshot();
  });
});

describe('the other lists', () => {
  it('people, a page after a cursor, with their posts read ahead', async () => {
    expect(
      await statementsOf(`{ people(first: 10, after: ${after(10)}) { totalCount items { id name posts { role } } } }`),
    ).toMatchSnapshot();
  });

  it('organizations of a kind', async () => {
    expect(
      await statementsOf(`{ organizations(first: 50, kind: "regional") { totalCount items { id name kind } } }`),
    ).toMatchSnapshot();
  });

  it('states and conflicts of a region', async () => {
    expect(
      await statementsOf(
        `{ states(region: "Africa", first: 3) { items { id } } conflicts(region: "Africa", first: 3) { items { id } } }`,
      ),
    ).toMatchSnapshot();
  });
});
