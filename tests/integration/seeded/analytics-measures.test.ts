import type { Database } from '../../../server/src/db/database';
import type { RunningApp } from '../../../server/src/http/app';
import { testConfig, testDatabase } from '../../helpers/db';
import { gql, startTestApp } from '../../helpers/http';
import { ensureSeeded } from '../../helpers/seeded';

/** The research measures on the shipped graph, checked against the well-documented cases of the domain notes. */
describe('research measures on the shipped graph', () => {
  const config = testConfig();
  let db: Database;
  let app: RunningApp;

  beforeAll(async () => {
    db = testDatabase(config);
    await ensureSeeded(db);
    app = await startTestApp(config, db);
  }, 600_000);

  afterAll(async () => {
    await app?.stop();
    await db?.close();
  });

  async function query<T>(q: string): Promise<T> {
    const res = await gql<T>(app.url, q);
    if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data as T;
  }

  it('types the documented transitions: handover, bridging, hybrid', async () => {
    // Two expensive fields per request at most (GRAPHQL_MAX_EXPENSIVE_FIELDS).
    type Pairs = Record<string, { pair: { pairType: string; handoverRecorded: boolean; bridgingRecorded: boolean } }>;
    const d: Pairs = {
      ...(await query<Pairs>(
        `{ althea: missionPairMeasures(a: "SFOR", b: "EUFOR-ALTHEA") { pair { pairType handoverRecorded bridgingRecorded } }
           artemis: missionPairMeasures(a: "ARTEMIS", b: "MONUC") { pair { pairType handoverRecorded bridgingRecorded } } }`,
      )),
      ...(await query<Pairs>(
        '{ darfur: missionPairMeasures(a: "AMIS", b: "UNAMID") { pair { pairType handoverRecorded bridgingRecorded } } }',
      )),
    };
    expect(d.althea?.pair).toEqual({ pairType: 'SEQUENTIAL', handoverRecorded: true, bridgingRecorded: false });
    expect(d.artemis?.pair).toEqual({ pairType: 'BRIDGING', handoverRecorded: false, bridgingRecorded: true });
    // AMIS handed over to the hybrid UNAMID: a handover, so sequential (hybrid is UNAMID's own property).
    expect(d.darfur?.pair).toEqual({ pairType: 'SEQUENTIAL', handoverRecorded: true, bridgingRecorded: false });
  });

  it('finds UN-AU cooperation in Darfur in 2008 through the hybrid UNAMID', async () => {
    const d = await query<{
      dyadMeasures: { cooperation: { cooperated: boolean; hybridMissions: string[]; codeployedUnits: string[] } };
    }>('{ dyadMeasures(a: "AU", b: "UN", year: 2008) { cooperation { cooperated hybridMissions codeployedUnits } } }');
    expect(d.dyadMeasures.cooperation.cooperated).toBe(true);
    expect(d.dyadMeasures.cooperation.hybridMissions).toContain('UNAMID');
    expect(d.dyadMeasures.cooperation.codeployedUnits).toContain('ucdp-309');
  });

  it('counts the Bara & Hultman universe alone and says so', async () => {
    const d = await query<{
      mspoShare: {
        universe: { source: string; missions: number; recorded: number };
        periods: { period: string; activeMissions: number; share: number | null }[];
      };
    }>(
      '{ mspoShare(from: "1993", to: "2016", universe: "bara-hultman") { universe { source missions recorded } periods { period activeMissions share } } }',
    );
    expect(d.mspoShare.universe.source).toBe('bara-hultman');
    expect(d.mspoShare.universe.missions).toBeLessThanOrEqual(d.mspoShare.universe.recorded);
    expect(d.mspoShare.periods).toHaveLength(24);
    for (const p of d.mspoShare.periods) {
      expect(p.activeMissions).toBeGreaterThan(0);
      expect(p.share).toBeGreaterThanOrEqual(0);
      expect(p.share).toBeLessThanOrEqual(1);
    }
  });

  it('puts the UN at the centre of the 2008 co-deployment network', async () => {
    const d = await query<{
      cooperationNetwork: { degrees: { organization: string; degree: number }[]; density: number };
    }>('{ cooperationNetwork(from: "2008", to: "2008") { density degrees { organization degree } } }');
    expect(d.cooperationNetwork.degrees[0]?.organization).toBe('UN');
    expect(d.cooperationNetwork.density).toBeGreaterThan(0);
  });
});
