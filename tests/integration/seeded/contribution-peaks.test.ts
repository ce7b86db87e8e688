import { execute, parse } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { CONTRIBUTION_PEAK, refreshContributionPeaks } from '../../../server/src/db/contribution-peaks';
import { Loaders } from '../../../server/src/request/loaders';
import { buildGraphQLSchema } from '../../../server/src/schema';
import { testConfig, testLogger } from '../../helpers/db';
import { seededApi } from '../../helpers/seeded';

type Data = Record<string, any>;

/** Every month: the contribution questions read the records, as before the peaks were kept. */
const ALL_MONTHS = '{from: "1900", to: "2100"}';
const FIGURE = 'personnel sources';

/**
 * Each state's peak contribution to each mission, kept at write time (db/contribution-peaks.ts), against the same
 * questions answered from the records: `Mission.contributors` and `State.contributions` without a period read
 * the kept peaks, with a period of every month the records, and the two must agree for every mission and every
 * state of the shipped graph; a refresh follows records written, changed and removed.
 */
describe('contribution peaks kept at write time', () => {
  const { db } = seededApi();
  let schema: GraphQLSchema;
  const ask = async (query: string): Promise<Data> => {
    schema ??= await buildGraphQLSchema();
    const res = await execute({
      schema,
      document: parse(query),
      contextValue: {
        db: db(),
        config: testConfig(),
        logger: testLogger,
        requestId: 'test',
        loaders: new Loaders(db()),
        caller: () => Promise.resolve(null),
      },
    });
    expect(res.errors ?? []).toEqual([]);
    return res.data as Data;
  };
  const ids = async (label: 'Mission' | 'State') =>
    (
      await db().read<{ id: string }>(
        `MATCH (n:${label}) WHERE EXISTS { (n)-[:CONTRIBUTED_TO]-() } RETURN n.id AS id ORDER BY id`,
      )
    ).map((r) => r.id);

  it('are in the seeded graph, and a refresh of an unchanged graph writes nothing', async () => {
    const kept = await db().read<{ n: number; sized: number }>(
      `MATCH ()-[k:${CONTRIBUTION_PEAK}]->() RETURN count(k) AS n, count(k.personnel) AS sized`,
    );
    const pairs = await db().read<{ n: number }>(
      'MATCH (s:State)-[:CONTRIBUTED_TO]->(m:Mission) RETURN count(DISTINCT [s.id, m.id]) AS n',
    );
    expect(kept[0]?.n).toBe(pairs[0]?.n);
    expect(kept[0]?.n).toBeGreaterThan(1000);
    // Some states are listed without a size: their peak has no personnel (null, never 0).
    expect(kept[0]?.sized).toBeLessThan(kept[0]?.n ?? 0);
    const again = await refreshContributionPeaks(db());
    expect({ written: again.written, deleted: again.deleted }).toEqual({ written: 0, deleted: 0 });
  });

  /** Asks `root(id:) { field }` of every entity of the label that has records, kept and from the records, 40 at a time. */
  const compareAll = async (label: 'Mission' | 'State', root: string, field: string, other: string) => {
    const all = await ids(label);
    expect(all.length).toBeGreaterThan(100);
    for (let i = 0; i < all.length; i += 40) {
      const batch = all.slice(i, i + 40);
      const d = await ask(
        `{ ${batch
          .map((id, j) => {
            const at = `${root}(id: ${JSON.stringify(id)})`;
            return `k${j}: ${at} { ${field} { ${other} { id } ${FIGURE} } } r${j}: ${at} { ${field}(period: ${ALL_MONTHS}) { ${other} { id } ${FIGURE} } }`;
          })
          .join(' ')} }`,
      );
      batch.forEach((id, j) => expect([id, d[`k${j}`]]).toEqual([id, d[`r${j}`]]));
    }
  };

  it("give every mission's contributors as its records do", async () => {
    await compareAll('Mission', 'mission', 'contributors', 'state');
  });

  it("give every state's contributions as its records do", async () => {
    await compareAll('State', 'state', 'contributions', 'mission');
  });

  it('follow records written and removed (the API does not write contribution records: imports do, then refresh)', async () => {
    const peakOf = async () =>
      db().read<{ personnel: number | null; sources: string[] }>(
        `MATCH (:State {id: 'ISL'})-[k:${CONTRIBUTION_PEAK}]->(:Mission {id: 'TEST-PEAK-M'}) RETURN k.personnel AS personnel, k.sources AS sources`,
      );
    const contributors = (period = '') =>
      ask(`{ mission(id: "TEST-PEAK-M") { contributors${period} { state { id } ${FIGURE} } } }`);
    try {
      await db().write(
        `CREATE (m:Mission {id: 'TEST-PEAK-M', name: 'A test mission'})
         WITH m MATCH (s:State {id: 'ISL'})
         CREATE (s)-[:CONTRIBUTED_TO {source: 'ipi-contributions', from: '2014-01', to: '2014-01', site: '', total: 5}]->(m)
         CREATE (s)-[:CONTRIBUTED_TO {source: 'ipi-contributions', from: '2014-02', to: '2014-02', site: '', total: 9}]->(m)
         CREATE (s)-[:CONTRIBUTED_TO {source: 'un-country-by-year', from: '2014-01', to: '2014-12', site: '', total: 4}]->(m)`,
      );
      expect(await refreshContributionPeaks(db(), ['TEST-PEAK-M'])).toMatchObject({ peaks: 1, written: 1, deleted: 0 });
      // February's monthly figure is the peak; the yearly average fills the other months below it.
      expect(await peakOf()).toEqual([{ personnel: 9, sources: ['ipi-contributions', 'un-country-by-year'] }]);
      expect(await contributors()).toEqual(await contributors(`(period: ${ALL_MONTHS})`));
      // A figure changed; then listed without a size (null, never 0).
      await db().write(
        `MATCH (:State {id: 'ISL'})-[c:CONTRIBUTED_TO]->(:Mission {id: 'TEST-PEAK-M'}) WHERE c.source = 'ipi-contributions' DELETE c`,
      );
      expect(await refreshContributionPeaks(db(), ['TEST-PEAK-M'])).toMatchObject({ written: 1, deleted: 0 });
      expect(await peakOf()).toEqual([{ personnel: 4, sources: ['un-country-by-year'] }]);
      await db().write(`MATCH (:State {id: 'ISL'})-[c:CONTRIBUTED_TO]->(:Mission {id: 'TEST-PEAK-M'}) REMOVE c.total`);
      await refreshContributionPeaks(db(), ['TEST-PEAK-M']);
      expect(await peakOf()).toEqual([{ personnel: null, sources: ['un-country-by-year'] }]);
      expect((await contributors()).mission.contributors).toEqual([
        { state: { id: 'ISL' }, personnel: null, sources: ['un-country-by-year'] },
      ]);
      // The records gone: the peak goes with them.
      await db().write(`MATCH (:State {id: 'ISL'})-[c:CONTRIBUTED_TO]->(:Mission {id: 'TEST-PEAK-M'}) DELETE c`);
      expect(await refreshContributionPeaks(db(), ['TEST-PEAK-M'])).toMatchObject({ peaks: 0, deleted: 1 });
      expect(await peakOf()).toEqual([]);
      expect((await contributors()).mission.contributors).toEqual([]);
    } finally {
      await db().write(`MATCH (m:Mission {id: 'TEST-PEAK-M'}) DETACH DELETE m`);
    }
  });
});
