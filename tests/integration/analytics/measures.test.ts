import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../../server/src/db/database';
import { parseCypherScript } from '../../../server/src/db/cypher-script';
import { runScript } from '../../../server/src/db/script-runner';
import type { RunningApp } from '../../../server/src/http/app';
import { ANALYSIS_QUERY_NAMES, analysisDir } from '../../../server/src/modules/analytics/analysis-queries';
import { REPO_ROOT, resetGraph, testConfig, testDatabase } from '../../helpers/db';
import { gql, startTestApp } from '../../helpers/http';
import { buildTestGraph } from './test-graph';

/** The answers below are worked out by hand from the graph described in test-graph.ts. */
describe('research measures on a hand-built graph', () => {
  const config = testConfig();
  let db: Database;
  let app: RunningApp;

  beforeAll(async () => {
    db = testDatabase(config);
    await resetGraph(db);
    await buildTestGraph(db);
    app = await startTestApp(config, db);
  });

  afterAll(async () => {
    await app.stop();
    await resetGraph(db);
    await db.close();
  });

  async function query<T>(q: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await gql<T>(app.url, q, variables);
    if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data as T;
  }

  async function errorCode(q: string, variables: Record<string, unknown> = {}): Promise<string | undefined> {
    const res = await gql(app.url, q, variables);
    return res.body.errors?.[0]?.extensions?.code;
  }

  const UNIVERSE = 'universe { source missions recorded withoutStart replacedByParts missionsWithoutConflict missionsWithoutHost description }';

  describe('the analysis set', () => {
    it('counts missions with a start date and replaces an umbrella by its parts', async () => {
      const data = await query<{ all: Record<string, unknown>; bh: Record<string, unknown> }>(
        `{ all: analysisUniverse { source missions recorded withoutStart replacedByParts missionsWithoutConflict missionsWithoutHost }
           bh: analysisUniverse(universe: "bara-hultman") { source missions recorded withoutStart replacedByParts } }`,
      );
      // 15 missions; M-NOSTART has no start; U is replaced by U-1 and U-2. No conflict: M-NATO, U-1, U-2, M-CX.
      expect(data.all).toEqual({ source: null, missions: 13, recorded: 15, withoutStart: 1, replacedByParts: 1, missionsWithoutConflict: 4, missionsWithoutHost: 0 });
      // Bara & Hultman record M-UN1, M-UN2, M-EU1, M-AU1, M-HY, U and U-1; U is replaced by U-1.
      expect(data.bh).toEqual({ source: 'bara-hultman', missions: 6, recorded: 7, withoutStart: 0, replacedByParts: 1 });
    });
  });

  describe('measures 1 and 2: MSPO share', () => {
    const MSPO = `query($unit: AnalysisUnit, $different: Boolean, $universe: String, $granularity: AnalysisGranularity, $from: String!, $to: String!) {
      mspoShare(from: $from, to: $to, unit: $unit, differentOrganization: $different, universe: $universe, granularity: $granularity) {
        ${UNIVERSE} unit granularity differentOrganization periods { period activeMissions mspoMissions share mspoMissionIds } } }`;
    type Mspo = { mspoShare: { universe: { source: string | null; missions: number }; periods: { period: string; activeMissions: number; mspoMissions: number; share: number | null; mspoMissionIds: string[] }[] } };
    const counts = (d: Mspo) => Object.fromEntries(d.mspoShare.periods.map((p) => [p.period, [p.mspoMissions, p.activeMissions]]));

    it('gives the yearly share with the conflict unit (host state where a mission has no conflict)', async () => {
      const d = await query<Mspo>(MSPO, { from: '1996', to: '2006' });
      expect(counts(d)).toEqual({
        1996: [0, 1], // M-UN1 alone
        1997: [2, 2], // M-UN1 and M-EU0 in ucdp-1
        1998: [2, 2],
        1999: [2, 2], // M-UN1 and M-UN9
        2000: [0, 1], // M-UN2 alone
        2001: [2, 2], // M-UN2, M-AU1
        2002: [5, 5], // three in ucdp-1; M-NATO (no conflict) and M-EU2 share host BBB
        2003: [3, 5], // M-UN2, M-AU1, M-HY in ucdp-1; M-EU2 (ucdp-2) and M-AU2 (ucdp-3) differ
        2004: [2, 3], // M-UN2 and M-HY; U-1 alone
        2005: [2, 3], // U-2 and M-CX share CCC; M-HY alone
        2006: [0, 2], // M-HY, U-2 (U-1 and U-2 are one operation)
      });
      expect(d.mspoShare.periods.find((p) => p.period === '2003')).toEqual({
        period: '2003',
        activeMissions: 5,
        mspoMissions: 3,
        share: 0.6,
        mspoMissionIds: ['M-AU1', 'M-HY', 'M-UN2'],
      });
      expect(d.mspoShare.universe).toMatchObject({ source: null, missions: 13 });
    });

    it('leaves out partners of the same organization with differentOrganization', async () => {
      const d = await query<Mspo>(MSPO, { from: '1996', to: '2006', different: true });
      // Only 1999 changes: M-UN1 and M-UN9 are both UN. M-UN2 (UN) and M-HY (UN + AU) differ.
      expect(counts(d)['1999']).toEqual([0, 2]);
      expect(counts(d)['2004']).toEqual([2, 3]);
      expect(counts(d)['2002']).toEqual([5, 5]);
    });

    it('counts missions of one host state as deployed together with the HOST_STATE unit', async () => {
      const d = await query<Mspo>(MSPO, { from: '2003', to: '2003', unit: 'HOST_STATE' });
      expect(counts(d)).toEqual({ 2003: [5, 5] });
    });

    it('counts only the missions of a universe and says so', async () => {
      const d = await query<Mspo>(MSPO, { from: '1999', to: '2005', universe: 'bara-hultman' });
      expect(counts(d)).toEqual({ 1999: [0, 1], 2000: [0, 1], 2001: [2, 2], 2002: [3, 3], 2003: [3, 3], 2004: [2, 3], 2005: [0, 1] });
      expect(d.mspoShare.universe).toMatchObject({ source: 'bara-hultman', missions: 6 });
    });

    it('counts months at MONTH granularity', async () => {
      const d = await query<Mspo>(MSPO, { from: '2003-06', to: '2003-07', granularity: 'MONTH' });
      expect(d.mspoShare.periods).toEqual([
        { period: '2003-06', activeMissions: 4, mspoMissions: 2, share: 0.5, mspoMissionIds: ['M-AU1', 'M-UN2'] },
        { period: '2003-07', activeMissions: 4, mspoMissions: 2, share: 0.5, mspoMissionIds: ['M-HY', 'M-UN2'] },
      ]);
    });
  });

  describe('measure 3: pair types', () => {
    const PAIRS = `query($unit: AnalysisUnit, $different: Boolean, $universe: String, $window: Int, $from: String!, $to: String!, $first: Int, $after: String) {
      pairTypes(from: $from, to: $to, unit: $unit, differentOrganization: $different, universe: $universe, sequentialWindowDays: $window, first: $first, after: $after) {
        total parallel sequential hybrid bridging byYear { year parallel sequential hybrid bridging total }
        pairs { totalCount items { missionA missionB pairType } pageInfo { hasNextPage endCursor } } } }`;
    type Pairs = {
      pairTypes: {
        total: number;
        parallel: number;
        sequential: number;
        hybrid: number;
        bridging: number;
        byYear: { year: number; total: number }[];
        pairs: { totalCount: number; items: { missionA: string; missionB: string; pairType: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      };
    };
    const types = (d: Pairs) => Object.fromEntries(d.pairTypes.pairs.items.map((p) => [`${p.missionA}/${p.missionB}`, p.pairType]));

    it('types every pair of the graph', async () => {
      const d = await query<Pairs>(PAIRS, { from: '1990', to: '2010', first: 100 });
      expect(types(d)).toEqual({
        'M-EU0/M-UN1': 'PARALLEL',
        'M-UN1/M-UN9': 'PARALLEL',
        'M-EU0/M-UN9': 'SEQUENTIAL', // M-EU0 ends 1998-12-31, M-UN9 starts 1999-01-01
        'M-UN1/M-UN2': 'SEQUENTIAL', // one day apart
        'M-AU1/M-UN2': 'PARALLEL',
        'M-EU1/M-UN2': 'BRIDGING', // recorded bridging
        'M-AU1/M-EU1': 'PARALLEL',
        'M-EU2/M-NATO': 'PARALLEL', // host BBB (M-NATO has no conflict); support is neither handover nor bridging
        'M-AU2/M-NATO': 'SEQUENTIAL', // one day apart in BBB
        'M-AU1/M-HY': 'HYBRID', // hybrid comes first, although a handover is recorded
        'M-HY/M-UN2': 'HYBRID',
        'M-CX/U-1': 'SEQUENTIAL',
        'M-CX/U-2': 'PARALLEL', // M-CX is the coalition's alone: its lead state does not make it hybrid
      });
      expect(d.pairTypes).toMatchObject({ total: 13, parallel: 6, sequential: 4, hybrid: 2, bridging: 1 });
    });

    it('applies the rule, the window, the unit and the universe', async () => {
      const different = await query<Pairs>(PAIRS, { from: '1990', to: '2010', different: true });
      // M-UN1/M-UN9 and M-UN1/M-UN2 are UN and UN.
      expect(different.pairTypes).toMatchObject({ total: 11, parallel: 5, sequential: 3, hybrid: 2, bridging: 1 });
      const wide = await query<Pairs>(PAIRS, { from: '1990', to: '2010', window: 200 });
      // M-UN9 ends 1999-06-30 and M-UN2 starts 185 days later.
      expect(wide.pairTypes).toMatchObject({ total: 14, sequential: 5 });
      expect(types(wide)['M-UN2/M-UN9']).toBe('SEQUENTIAL');
      const host = await query<Pairs>(PAIRS, { from: '1990', to: '2010', unit: 'HOST_STATE' });
      expect(host.pairTypes).toMatchObject({ total: 14, parallel: 7 });
      expect(types(host)['M-AU2/M-EU2']).toBe('PARALLEL');
      const bh = await query<Pairs>(PAIRS, { from: '1990', to: '2010', universe: 'bara-hultman' });
      expect(bh.pairTypes).toMatchObject({ total: 6, parallel: 2, sequential: 1, hybrid: 2, bridging: 1 });
    });

    it('counts pairs by the year of the later start and pages through them', async () => {
      const d = await query<Pairs>(PAIRS, { from: '2002', to: '2003', first: 4 });
      expect(d.pairTypes.byYear).toEqual([
        { year: 2002, parallel: 2, sequential: 0, hybrid: 0, bridging: 1, total: 3 },
        { year: 2003, parallel: 0, sequential: 1, hybrid: 2, bridging: 0, total: 3 },
      ]);
      expect(d.pairTypes.pairs.totalCount).toBe(6);
      expect(d.pairTypes.pairs.items).toHaveLength(4);
      expect(d.pairTypes.pairs.pageInfo.hasNextPage).toBe(true);
      const next = await query<Pairs>(PAIRS, { from: '2002', to: '2003', first: 4, after: d.pairTypes.pairs.pageInfo.endCursor });
      expect(next.pairTypes.pairs.items).toHaveLength(2);
      const seen = [...d.pairTypes.pairs.items, ...next.pairTypes.pairs.items].map((p) => `${p.missionA}/${p.missionB}`);
      expect(new Set(seen).size).toBe(6);
    });
  });

  describe('mission pairs: every measure', () => {
    const PAIR = `query($a: ID!, $b: ID!, $year: Int) { missionPairMeasures(a: $a, b: $b, year: $year) {
      pair { missionA missionB organizationsA organizationsB pairStart sharedUnits isPair overlapDays gapDays sequentialByWindow
             handoverRecorded bridgingRecorded linkKinds cooperated hybrid pairType complementarity }
      resources { year personnelA personnelB personnelRatio }
      complexity { maxMissions maxOrganizations maxIntensity }
      socialLearning { before count earlierUnits }
      membership { year membersA membersB jaccard }
      nationality { year contributorsA contributorsB sharedContributors cosine jaccard sourcesA sourcesB }
      personBridges { count bridges { person direction } } } }`;

    it('measures a bridging pair: overlap, gap, complementarity, contributors', async () => {
      const d = await query<{ missionPairMeasures: Record<string, Record<string, unknown>> }>(PAIR, { a: 'M-UN2', b: 'M-EU1' });
      const m = d.missionPairMeasures;
      expect(m.pair).toEqual({
        missionA: 'M-EU1',
        missionB: 'M-UN2',
        organizationsA: ['EU'],
        organizationsB: ['UN'],
        pairStart: '2002-03-01',
        sharedUnits: ['ucdp-1'],
        isPair: true,
        overlapDays: 214, // 1 March to 30 September 2002
        gapDays: -1036, // 2002-03-01 minus 2004-12-31
        sequentialByWindow: false,
        handoverRecorded: false,
        bridgingRecorded: true,
        linkKinds: ['bridging'],
        cooperated: true,
        hybrid: false,
        pairType: 'BRIDGING',
        complementarity: 0.5, // {military} vs {military, police}
      });
      // 2002: ucdp-1 has M-UN2, M-EU1, M-AU1 (UN, EU, AU); UCDP intensity 2.
      expect(m.complexity).toEqual({ maxMissions: 3, maxOrganizations: 3, maxIntensity: 2 });
      // EU and UN were together in ucdp-1 from 1997 (M-EU0 and M-UN1).
      expect(m.socialLearning).toEqual({ before: '2002-03-01', count: 1, earlierUnits: ['ucdp-1'] });
      // No personnel figures in 2002.
      expect(m.resources).toEqual({ year: 2002, personnelA: null, personnelB: null, personnelRatio: null });
      // All years: M-EU1 has LLL without a figure (geopko-tcc); M-UN2 has KKK and LLL.
      expect(m.nationality).toEqual({
        year: null,
        contributorsA: 1,
        contributorsB: 2,
        sharedContributors: 1,
        cosine: null,
        jaccard: 0.5,
        sourcesA: ['geopko-tcc'],
        sourcesB: ['ipi-contributions', 'un-country-by-year'],
      });
      // p1: EU post 1998, then M-UN2 from 2000-01.
      expect(m.personBridges).toEqual({ count: 1, bridges: [{ person: 'p1', direction: 'A_TO_B' }] });
    });

    it('compares contributors in one year by cosine and Jaccard', async () => {
      // 2003, M-UN2: ipi-contributions names two states, un-country-by-year one, so IPI: KKK 200/2 months = 100,
      // LLL 50/2 = 25. M-HY: KKK 30, MMM 40. cos = 3000 / (sqrt(100^2 + 25^2) * 50) = 0.58209.
      const d = await query<{ missionPairMeasures: { nationality: Record<string, unknown>; pair: { pairType: string } } }>(PAIR, { a: 'M-UN2', b: 'M-HY', year: 2003 });
      expect(d.missionPairMeasures.pair.pairType).toBe('HYBRID');
      expect(d.missionPairMeasures.nationality).toMatchObject({ year: 2003, contributorsA: 2, contributorsB: 2, sharedContributors: 1, sourcesA: ['un-country-by-year'], sourcesB: ['ipi-contributions'] });
      const n = d.missionPairMeasures.nationality as { cosine: number; jaccard: number };
      expect(n.cosine).toBeCloseTo(0.582086, 5);
      expect(n.jaccard).toBeCloseTo(1 / 3, 10);
    });

    it('leaves a lead state out of a coalition mission\'s organizations', async () => {
      const d = await query<{ missionPairMeasures: { pair: Record<string, unknown> } }>(PAIR, { a: 'U-2', b: 'M-CX' });
      expect(d.missionPairMeasures.pair).toMatchObject({ missionA: 'M-CX', organizationsA: ['COALITION-X'], hybrid: false, pairType: 'PARALLEL' });
    });
  });

  describe('dyad-years: every measure', () => {
    const DYAD = `query($a: ID!, $b: ID!, $year: Int!, $unit: AnalysisUnit, $statuses: [MembershipStatus!]) {
      dyadMeasures(a: $a, b: $b, year: $year, unit: $unit, membershipStatuses: $statuses) {
        a b year universe { source missions }
        cooperation { codeployed codeployedPairs codeployedUnits linkedPairs cooperationRate cooperated cooperationLinks cooperationKinds hybridMissions complementarityMean complementarityUnion }
        resources { activeMissionsA activeMissionsB personnelA personnelB missionsWithPersonnelA missionsWithPersonnelB personnelRatio }
        complexity { maxMissions maxOrganizations maxIntensity units { unit missions organizations intensity missionIds } }
        socialLearning { before count earlierUnits }
        membership { year statuses membersA membersB sharedMembers jaccard overlap }
        nationality { contributorsA contributorsB sharedContributors cosine jaccard }
        personBridges { until count aToB bToA bridges { person direction postA { organization mission start } postB { organization mission start } } } } }`;
    type Dyad = { dyadMeasures: Record<string, Record<string, unknown>> };

    it('measures UN and AU in 2003: cooperation, rate, complementarity, resources, complexity, learning', async () => {
      const d = (await query<Dyad>(DYAD, { a: 'UN', b: 'AU', year: 2003 })).dyadMeasures;
      // Co-deployed: M-UN2/M-AU1 (to 30 June), M-UN2/M-HY (from 1 July) and the hybrid M-HY itself; M-HY and
      // M-AU1 never overlap. Linked: the hybrid only. In force in 2003: the M-AU1 -> M-HY handover and the hybrid.
      expect(d.cooperation).toEqual({
        codeployed: true,
        codeployedPairs: 3,
        codeployedUnits: ['ucdp-1'],
        linkedPairs: 1,
        cooperationRate: 1 / 3,
        cooperated: true,
        cooperationLinks: 2,
        cooperationKinds: ['handover', 'hybrid'],
        hybridMissions: ['M-HY'],
        // M-UN2/M-AU1: 1 - 1/3; M-UN2/M-HY: 1 - 2/3; mean 0.5. Union: {mil, pol, civ} vs {obs, mil, pol, civ}: 1 - 3/4.
        complementarityMean: 0.5,
        complementarityUnion: 0.25,
      });
      // UN: M-UN2 (1200 in January from IPI, 900 + 100 in February: mean 1100) and M-HY (mean 6000).
      // AU: M-AU1 (no figure), M-HY (6000), M-AU2 (no figure).
      expect(d.resources).toEqual({
        activeMissionsA: 2,
        activeMissionsB: 3,
        personnelA: 7100,
        personnelB: 6000,
        missionsWithPersonnelA: 2,
        missionsWithPersonnelB: 1,
        personnelRatio: 6000 / 7100,
      });
      expect(d.complexity).toEqual({
        maxMissions: 3,
        maxOrganizations: 2,
        maxIntensity: 1,
        units: [{ unit: 'ucdp-1', missions: 3, organizations: 2, intensity: 1, missionIds: ['M-AU1', 'M-HY', 'M-UN2'] }],
      });
      // M-UN2 and M-AU1 together in ucdp-1 from 1 January 2001.
      expect(d.socialLearning).toEqual({ before: '2003-01-01', count: 1, earlierUnits: ['ucdp-1'] });
      // UN vs AU contributors in 2003: UN = M-UN2 + M-HY = {KKK 130, LLL 25, MMM 40}; AU = M-HY = {KKK 30, MMM 40}.
      expect(d.nationality).toMatchObject({ contributorsA: 3, contributorsB: 2, sharedContributors: 2 });
      expect(d.nationality.cosine as number).toBeCloseTo(5500 / (Math.sqrt(130 ** 2 + 25 ** 2 + 40 ** 2) * 50), 10);
      expect(d.nationality.jaccard as number).toBeCloseTo(2 / 3, 10);
      // p3 holds a post in the hybrid from 2004: not yet a bridge in 2003.
      expect(d.personBridges).toMatchObject({ until: '2003-12-31', count: 0 });
    });

    it('starts social learning strictly before the year', async () => {
      const d = (await query<Dyad>(DYAD, { a: 'UN', b: 'AU', year: 2001 })).dyadMeasures;
      expect(d.socialLearning).toEqual({ before: '2001-01-01', count: 0, earlierUnits: [] });
      const eu = (await query<Dyad>(DYAD, { a: 'EU', b: 'NATO', year: 2003 })).dyadMeasures;
      // M-NATO (no conflict) and M-EU2 shared host BBB from June 2002, and a support link is recorded.
      expect(eu.socialLearning).toEqual({ before: '2003-01-01', count: 1, earlierUnits: ['BBB'] });
    });

    it('measures member-state overlap per year and status', async () => {
      const y2005 = (await query<Dyad>(DYAD, { a: 'EU', b: 'NATO', year: 2005 })).dyadMeasures;
      // EU full members 2005: AAA, BBB, LLL (CCC is associate); NATO: AAA, KKK.
      expect(y2005.membership).toEqual({ year: 2005, statuses: ['FULL'], membersA: 3, membersB: 2, sharedMembers: 1, jaccard: 0.25, overlap: 0.5 });
      const associate = (await query<Dyad>(DYAD, { a: 'EU', b: 'NATO', year: 2005, statuses: ['FULL', 'ASSOCIATE'] })).dyadMeasures;
      expect(associate.membership).toMatchObject({ membersA: 4, jaccard: 0.2 });
      // 2018: BBB left in 2010; LLL's open COW spell stops in 2014 because a curated spell ends it in 2016.
      const y2018 = (await query<Dyad>(DYAD, { a: 'EU', b: 'NATO', year: 2018 })).dyadMeasures;
      expect(y2018.membership).toMatchObject({ membersA: 1, membersB: 2, sharedMembers: 1, jaccard: 0.5, overlap: 1 });
      const y2015 = (await query<Dyad>(DYAD, { a: 'EU', b: 'NATO', year: 2015 })).dyadMeasures;
      expect(y2015.membership).toMatchObject({ membersA: 2 });
      const lead = (await query<Dyad>(DYAD, { a: 'STATE-FRA', b: 'UN', year: 2005 })).dyadMeasures;
      expect(lead.membership).toMatchObject({ membersA: 0, membersB: 5, jaccard: null, overlap: null });
    });

    it('finds person bridges in time order', async () => {
      const euUn = (await query<Dyad>(DYAD, { a: 'EU', b: 'UN', year: 2003 })).dyadMeasures;
      expect(euUn.personBridges).toEqual({
        until: '2003-12-31',
        count: 1,
        aToB: 1,
        bToA: 0,
        bridges: [{ person: 'p1', direction: 'A_TO_B', postA: { organization: 'EU', mission: null, start: '1998' }, postB: { organization: 'UN', mission: 'M-UN2', start: '2000-01' } }],
      });
      const unEu = (await query<Dyad>(DYAD, { a: 'UN', b: 'EU', year: 2003 })).dyadMeasures;
      expect(unEu.personBridges).toMatchObject({ count: 1, aToB: 0, bToA: 1 });
      // p2's post in M-CX is with the coalition, not with its lead state.
      const cx = (await query<Dyad>(DYAD, { a: 'COALITION-X', b: 'UN', year: 2005 })).dyadMeasures;
      expect(cx.personBridges).toMatchObject({ count: 1, bToA: 1 });
      const fra = (await query<Dyad>(DYAD, { a: 'STATE-FRA', b: 'UN', year: 2005 })).dyadMeasures;
      expect(fra.personBridges).toMatchObject({ count: 0 });
      // p3's one post in the hybrid is with both organizations at once.
      const hybrid = (await query<Dyad>(DYAD, { a: 'AU', b: 'UN', year: 2004 })).dyadMeasures;
      expect(hybrid.personBridges).toMatchObject({ count: 1, bridges: [{ person: 'p3', direction: 'SAME_TIME' }] });
    });

    it('says when two organizations were not co-deployed', async () => {
      const d = (await query<Dyad>(DYAD, { a: 'EU', b: 'NATO', year: 2005 })).dyadMeasures;
      expect(d.cooperation).toMatchObject({ codeployed: false, codeployedPairs: 0, cooperationRate: null, cooperated: false, complementarityMean: null });
      expect(d.complexity).toMatchObject({ maxMissions: null, units: [] });
    });
  });

  describe('measure 7: complexity of a unit', () => {
    it('counts missions and organizations per year and reads the UCDP intensity', async () => {
      const d = await query<{ c: { universe: { source: string | null }; years: unknown[] }; h: { years: unknown[] } }>(
        `{ c: conflictComplexity(unitId: "ucdp-1", fromYear: 2002, toYear: 2004) { universe { source } years { year missions organizations intensity organizationIds } }
           h: conflictComplexity(unitId: "BBB", fromYear: 2003, toYear: 2003) { years { year missions organizations intensity missionIds } } }`,
      );
      expect(d.c.years).toEqual([
        { year: 2002, missions: 3, organizations: 3, intensity: 2, organizationIds: ['AU', 'EU', 'UN'] },
        { year: 2003, missions: 3, organizations: 2, intensity: 1, organizationIds: ['AU', 'UN'] },
        { year: 2004, missions: 2, organizations: 2, intensity: null, organizationIds: ['AU', 'UN'] },
      ]);
      // A host state takes the highest intensity of the conflicts located in it (ucdp-3: 2 in 2003).
      expect(d.h.years).toEqual([{ year: 2003, missions: 2, organizations: 2, intensity: 2, missionIds: ['M-AU2', 'M-EU2'] }]);
    });
  });

  describe('measure 12: the network', () => {
    const NET = `query($tie: CooperationNetworkTie, $unit: AnalysisUnit) { cooperationNetwork(from: "2003", to: "2003", tie: $tie, unit: $unit) {
      from to organizations ties density centralization degrees { organization degree } edges { a b weight } } }`;
    type Net = { cooperationNetwork: Record<string, unknown> };

    it('ties co-deployed organizations and computes density and centralization', async () => {
      const d = (await query<Net>(NET, {})).cooperationNetwork;
      // Nodes UN, AU, EU. UN-AU: M-UN2/M-AU1, M-UN2/M-HY and the hybrid M-HY. EU (M-EU2) shares no conflict.
      expect(d).toEqual({
        from: '2003-01-01',
        to: '2003-12-31',
        organizations: 3,
        ties: 1,
        density: 1 / 3,
        centralization: 0.5, // ((1-1) + (1-1) + (1-0)) / (2 * 1)
        degrees: [
          { organization: 'AU', degree: 1 },
          { organization: 'UN', degree: 1 },
          { organization: 'EU', degree: 0 },
        ],
        edges: [{ a: 'AU', b: 'UN', weight: 3 }],
      });
    });

    it('uses host states and recorded cooperation when asked', async () => {
      const host = (await query<Net>(NET, { unit: 'HOST_STATE' })).cooperationNetwork;
      // Adds EU-AU (M-EU2 and M-AU2 in BBB): AU has degree 2, UN and EU 1: (0 + 1 + 1) / 2.
      expect(host).toMatchObject({ ties: 2, density: 2 / 3, centralization: 1 });
      const coop = (await query<Net>(NET, { tie: 'COOPERATION' })).cooperationNetwork;
      // The handover M-AU1 -> M-HY (1 July 2003) and the hybrid; the NATO support to M-EU2 ended with M-NATO in 2002.
      expect(coop).toMatchObject({ organizations: 3, ties: 1, edges: [{ a: 'AU', b: 'UN', weight: 2 }] });
    });
  });

  describe('arguments', () => {
    it('rejects bad input with BAD_USER_INPUT', async () => {
      expect(await errorCode('{ mspoShare(from: "1990", to: "2000", universe: "nope") { periods { period } } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ mspoShare(from: "19x", to: "2000") { periods { period } } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ mspoShare(from: "1990-01", to: "2049-12", granularity: MONTH) { periods { period } } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ mspoShare(from: "2001", to: "2000") { periods { period } } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ pairTypes(from: "1990", to: "2000", first: 501) { total } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ pairTypes(from: "1990", to: "2000", sequentialWindowDays: -1) { total } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ dyadMeasures(a: "UN", b: "NOPE", year: 2003) { year } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ dyadMeasures(a: "UN", b: "UN", year: 2003) { year } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ dyadMeasures(a: "UN", b: "AU", year: 1500) { year } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ dyadMeasures(a: "UN\'", b: "AU", year: 2003) { year } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ missionPairMeasures(a: "M-UN2", b: "M-NOSTART") { pair { pairType } } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ conflictComplexity(unitId: "ucdp-999", fromYear: 2000, toYear: 2001) { years { year } } }')).toBe('BAD_USER_INPUT');
    });
  });

  describe('one source of truth: cypher/analysis', () => {
    it('runs every file as cypher-shell would, with its own :param lines', async () => {
      for (const name of ANALYSIS_QUERY_NAMES) {
        const items = parseCypherScript(fs.readFileSync(path.join(analysisDir(REPO_ROOT), `${name}.cypher`), 'utf8'));
        const outcomes = await runScript(db, items);
        expect({ name, statements: outcomes.length }).toEqual({ name, statements: 1 });
        expect({ name, rows: (outcomes[0]?.rows.length ?? 0) > 0 }).toEqual({ name, rows: true });
      }
    });

    it('gives the same answer from the file as from the API', async () => {
      const items = parseCypherScript(fs.readFileSync(path.join(analysisDir(REPO_ROOT), 'mspo-share.cypher'), 'utf8'));
      const [outcome] = await runScript(db, items, { params: { from: '1996', to: '2006' } });
      const api = await query<{ mspoShare: { periods: { period: string; mspoMissions: number }[] } }>('{ mspoShare(from: "1996", to: "2006") { periods { period mspoMissions } } }');
      expect(outcome?.rows.map((r) => [r.period, r.mspoMissions])).toEqual(api.mspoShare.periods.map((p) => [p.period, p.mspoMissions]));
    });
  });
});
