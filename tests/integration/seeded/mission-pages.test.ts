import { encodeCursor } from '../../../server/src/modules/common/connection';
import { seededApi } from '../../helpers/seeded';

type Data = Record<string, any>;

/**
 * Pages of missions sorted by a key with a range index (START, END): without `totalCount` they are read in index
 * order, the missions without a value apart (entity.repository.ts, indexedPage); with `totalCount`, by a sort of
 * every match. Both must give the same missions in the same order, page by page, across the point where the
 * missions with a value run out.
 */
describe('mission pages sorted by an indexed key', () => {
  const { data, db } = seededApi();

  /** Every mission of a filter and sort, page after page; `counted` asks for totalCount (the sort of every match). */
  const allPages = async (args: string, sort: string, counted: boolean, first: number) => {
    const ids: string[] = [];
    for (let skip = 0; ; skip += first) {
      const after = skip ? `, after: ${JSON.stringify(encodeCursor(skip))}` : '';
      const d = await data(
        `{ missions(first: ${first}${after}${args}, sort: ${sort}) { ${counted ? 'totalCount' : ''} items { id } } }`,
      );
      const page = (d.missions.items as Data[]).map((m) => m.id as string);
      ids.push(...page);
      if (page.length < first) return ids;
    }
  };

  it('gives the order of the sort of every match, for both keys, both directions, with and without filters', async () => {
    const counts = await db().read<{ noStart: number; noEnd: number }>(
      'MATCH (m:Mission) RETURN count(*) - count(m.start) AS noStart, count(*) - count(m.end) AS noEnd',
    );
    // Missions without a start and without an end exist, so that the pages cross into them.
    expect(counts[0]?.noStart).toBeGreaterThan(0);
    expect(counts[0]?.noEnd).toBeGreaterThan(0);
    const filters = ['', ', organization: "UN"', ', period: {from: "2000", to: "2010"}', ', region: "Western Africa"'];
    let compared = 0;
    for (const field of ['START', 'END'])
      for (const direction of ['ASC', 'DESC'])
        for (const args of filters) {
          const sort = `{field: ${field}, direction: ${direction}}`;
          const expected = await allPages(args, sort, true, 500);
          expect(expected.length).toBeGreaterThan(10);
          // Pages of 37: a page boundary falls inside each run of equal keys somewhere.
          expect(await allPages(args, sort, false, 37)).toEqual(expected);
          compared += expected.length;
        }
    expect(compared).toBeGreaterThan(1000);
  });
});
