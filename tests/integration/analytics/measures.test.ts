import { measuresHarness, UNIVERSE } from './harness';

/** The answers below are worked out by hand from the graph described in test-graph.ts. */
describe('research measures on a hand-built graph: the analysis set, MSPO share, pair types, mission pairs', () => {
  const { query, errorCode } = measuresHarness();

  describe('the analysis set', () => {
    it('counts missions with a start date and replaces an umbrella by its parts', async () => {
      const data = await query<{
        all: Record<string, unknown>;
        coalitions: Record<string, unknown>;
        bh: Record<string, unknown>;
      }>(
        `{ all: analysisUniverse { source missions recorded withoutStart replacedByParts outsideUniverse missionsWithoutConflict missionsWithoutHost hybridMissions include }
           coalitions: analysisUniverse(include: [AD_HOC_COALITIONS]) { missions outsideUniverse include description }
           bh: analysisUniverse(universe: "bara-hultman") { source missions recorded withoutStart replacedByParts } }`,
      );
      // 15 missions; M-NOSTART has no start; U is replaced by U-1 and U-2; M-CX is an ad hoc coalition's, outside
      // the default universe. No conflict: M-NATO, U-1, U-2. One hybrid: M-HY (UN and AU joint leads).
      expect(data.all).toEqual({
        source: null,
        missions: 12,
        recorded: 15,
        withoutStart: 1,
        replacedByParts: 1,
        outsideUniverse: 1,
        missionsWithoutConflict: 3,
        missionsWithoutHost: 0,
        hybridMissions: 1,
        include: [],
      });
      expect(data.coalitions).toMatchObject({ missions: 13, outsideUniverse: 0, include: ['AD_HOC_COALITIONS'] });
      expect((data.coalitions as { description: string }).description).toContain(
        'ad hoc coalition operations brought in (a variant)',
      );
      // Bara & Hultman record M-UN1, M-UN2, M-EU1, M-AU1, M-HY, U and U-1; U is replaced by U-1.
      expect(data.bh).toEqual({
        source: 'bara-hultman',
        missions: 6,
        recorded: 7,
        withoutStart: 0,
        replacedByParts: 1,
      });
    });
  });

  describe('measures 1 and 2: MSPO share', () => {
    const MSPO = `query($unit: AnalysisUnit, $different: Boolean, $universe: String, $granularity: AnalysisGranularity, $from: String!, $to: String!) {
      mspoShare(from: $from, to: $to, unit: $unit, differentOrganization: $different, universe: $universe, granularity: $granularity) {
        ${UNIVERSE} unit granularity differentOrganization definition periods { period activeMissions mspoMissions share mspoMissionIds hostFallbackMissions } } }`;
    type Mspo = {
      mspoShare: {
        universe: { source: string | null; missions: number };
        differentOrganization: boolean;
        periods: {
          period: string;
          activeMissions: number;
          mspoMissions: number;
          share: number | null;
          mspoMissionIds: string[];
          hostFallbackMissions: number;
        }[];
      };
    };
    const counts = (d: Mspo) =>
      Object.fromEntries(d.mspoShare.periods.map((p) => [p.period, [p.mspoMissions, p.activeMissions]]));

    it("gives the yearly share by the field's rule: another organization's operation in the same conflict", async () => {
      const d = await query<Mspo>(MSPO, { from: '1996', to: '2006' });
      expect(d.mspoShare.differentOrganization).toBe(true);
      expect(counts(d)).toEqual({
        1996: [0, 1], // M-UN1 alone
        1997: [2, 2], // M-UN1 (UN) and M-EU0 (EU) in ucdp-1
        1998: [2, 2],
        1999: [0, 2], // M-UN1 and M-UN9 are both the UN's: no MSPO
        2000: [0, 1], // M-UN2 alone
        2001: [2, 2], // M-UN2, M-AU1
        2002: [5, 5], // three in ucdp-1; M-NATO (no conflict) and M-EU2 share host BBB (the fallback)
        2003: [3, 5], // M-UN2, M-AU1, M-HY (UN + AU: another set) in ucdp-1; M-EU2 (ucdp-2) and M-AU2 (ucdp-3) differ
        2004: [2, 3], // M-UN2 and M-HY; U-1 alone
        2005: [0, 2], // U-2 and M-HY, each alone (M-CX, a coalition's, is outside the universe)
        2006: [0, 2], // M-HY, U-2 (U-1 and U-2 are one operation)
      });
      expect(d.mspoShare.periods.find((p) => p.period === '2003')).toEqual({
        period: '2003',
        activeMissions: 5,
        mspoMissions: 3,
        share: 0.6,
        mspoMissionIds: ['M-AU1', 'M-HY', 'M-UN2'],
        hostFallbackMissions: 0,
      });
      // 2002: M-NATO has no conflict, so it and M-EU2 are MSPO through their host state only.
      expect(d.mspoShare.periods.find((p) => p.period === '2002')?.hostFallbackMissions).toBe(2);
      expect(d.mspoShare.universe).toMatchObject({ source: null, missions: 12 });
    });

    it('counts partners of the same organization only in the variant, and coalitions only when included', async () => {
      const d = await query<Mspo>(MSPO, { from: '1996', to: '2006', different: false });
      expect(d.mspoShare.differentOrganization).toBe(false);
      // Only 1999 changes: M-UN1 and M-UN9 are both UN.
      expect(counts(d)['1999']).toEqual([2, 2]);
      expect(counts(d)['2004']).toEqual([2, 3]);
      const wide = await query<{ mspoShare: Mspo['mspoShare'] }>(
        `{ mspoShare(from: "2005", to: "2005", include: [AD_HOC_COALITIONS]) { universe { missions } periods { period activeMissions mspoMissions share mspoMissionIds } } }`,
      );
      // With coalitions brought in, U-2 (UN) and M-CX (COALITION-X) share host CCC in 2005.
      expect(counts(wide)).toEqual({ 2005: [2, 3] });
    });

    it('counts missions of one host state as deployed together with the HOST_STATE unit', async () => {
      const d = await query<Mspo>(MSPO, { from: '2003', to: '2003', unit: 'HOST_STATE' });
      expect(counts(d)).toEqual({ 2003: [5, 5] });
    });

    it('counts only the missions of a universe and says so', async () => {
      const d = await query<Mspo>(MSPO, { from: '1999', to: '2005', universe: 'bara-hultman' });
      expect(counts(d)).toEqual({
        1999: [0, 1],
        2000: [0, 1],
        2001: [2, 2],
        2002: [3, 3],
        2003: [3, 3],
        2004: [2, 3],
        2005: [0, 1],
      });
      expect(d.mspoShare.universe).toMatchObject({ source: 'bara-hultman', missions: 6 });
    });

    it('counts months at MONTH granularity', async () => {
      const d = await query<Mspo>(MSPO, { from: '2003-06', to: '2003-07', granularity: 'MONTH' });
      expect(d.mspoShare.periods).toEqual([
        {
          period: '2003-06',
          activeMissions: 4,
          mspoMissions: 2,
          share: 0.5,
          mspoMissionIds: ['M-AU1', 'M-UN2'],
          hostFallbackMissions: 0,
        },
        {
          period: '2003-07',
          activeMissions: 4,
          mspoMissions: 2,
          share: 0.5,
          mspoMissionIds: ['M-HY', 'M-UN2'],
          hostFallbackMissions: 0,
        },
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
        pairs: {
          totalCount: number;
          items: { missionA: string; missionB: string; pairType: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
    };
    const types = (d: Pairs) =>
      Object.fromEntries(d.pairTypes.pairs.items.map((p) => [`${p.missionA}/${p.missionB}`, p.pairType]));

    it("types every pair of two organizations' missions by timing, a handover first", async () => {
      const d = await query<Pairs>(PAIRS, { from: '1990', to: '2010', first: 100 });
      expect(types(d)).toEqual({
        'M-EU0/M-UN1': 'PARALLEL',
        'M-EU0/M-UN9': 'SEQUENTIAL', // M-EU0 ends 1998-12-31, M-UN9 starts 1999-01-01
        'M-AU1/M-UN2': 'PARALLEL',
        'M-EU1/M-UN2': 'BRIDGING', // recorded bridging
        'M-AU1/M-EU1': 'PARALLEL',
        'M-EU2/M-NATO': 'PARALLEL', // host BBB (M-NATO has no conflict); support is neither handover nor bridging
        'M-AU2/M-NATO': 'SEQUENTIAL', // one day apart in BBB
        'M-AU1/M-HY': 'SEQUENTIAL', // a recorded handover to a hybrid operation is sequential
        'M-HY/M-UN2': 'PARALLEL', // a hybrid operation beside another is typed by its timing
      });
      // hybrid: the pairs that include the hybrid M-HY, also counted under their type.
      expect(d.pairTypes).toMatchObject({ total: 9, parallel: 5, sequential: 3, hybrid: 2, bridging: 1 });
    });

    it('applies the rule, the window, the unit and the universe', async () => {
      const any = await query<Pairs>(PAIRS, { from: '1990', to: '2010', different: false });
      // The variant adds M-UN1/M-UN9 (parallel) and M-UN1/M-UN2 (sequential, one day apart): UN and UN.
      expect(any.pairTypes).toMatchObject({ total: 11, parallel: 6, sequential: 4, hybrid: 2, bridging: 1 });
      const wide = await query<Pairs>(PAIRS, { from: '1990', to: '2010', window: 200, different: false });
      // M-UN9 ends 1999-06-30 and M-UN2 starts 185 days later.
      expect(wide.pairTypes).toMatchObject({ total: 12, sequential: 5 });
      expect(types(wide)['M-UN2/M-UN9']).toBe('SEQUENTIAL');
      const host = await query<Pairs>(PAIRS, { from: '1990', to: '2010', unit: 'HOST_STATE' });
      // Host BBB adds M-AU2/M-EU2 (overlapping in 2003, AU and EU).
      expect(host.pairTypes).toMatchObject({ total: 10, parallel: 6 });
      expect(types(host)['M-AU2/M-EU2']).toBe('PARALLEL');
      const bh = await query<Pairs>(PAIRS, { from: '1990', to: '2010', universe: 'bara-hultman' });
      // M-UN1, M-UN2, M-EU1, M-AU1, M-HY, U-1: M-UN1/M-UN2 are both the UN's.
      expect(bh.pairTypes).toMatchObject({ total: 5, parallel: 3, sequential: 1, hybrid: 2, bridging: 1 });
    });

    it('counts pairs by the year of the later start and pages through them', async () => {
      const d = await query<Pairs>(PAIRS, { from: '2002', to: '2003', first: 4 });
      expect(d.pairTypes.byYear).toEqual([
        { year: 2002, parallel: 2, sequential: 0, hybrid: 0, bridging: 1, total: 3 },
        { year: 2003, parallel: 1, sequential: 2, hybrid: 2, bridging: 0, total: 3 },
      ]);
      expect(d.pairTypes.pairs.totalCount).toBe(6);
      expect(d.pairTypes.pairs.items).toHaveLength(4);
      expect(d.pairTypes.pairs.pageInfo.hasNextPage).toBe(true);
      const next = await query<Pairs>(PAIRS, {
        from: '2002',
        to: '2003',
        first: 4,
        after: d.pairTypes.pairs.pageInfo.endCursor,
      });
      expect(next.pairTypes.pairs.items).toHaveLength(2);
      const seen = [...d.pairTypes.pairs.items, ...next.pairTypes.pairs.items].map(
        (p) => `${p.missionA}/${p.missionB}`,
      );
      expect(new Set(seen).size).toBe(6);
    });
  });

  describe('mission pairs: every measure', () => {
    const PAIR = `query($a: ID!, $b: ID!, $year: Int) { missionPairMeasures(a: $a, b: $b, year: $year) {
      pair { missionA missionB organizationsA organizationsB pairStart sharedUnits isPair overlapDays gapDays sequentialByWindow
             handoverRecorded bridgingRecorded linkKinds cooperated hybrid hybridA hybridB pairType complementarity }
      resources { year personnelA personnelB personnelRatio }
      complexity { maxMissions maxOrganizations maxIntensity }
      socialLearning { before count earlierUnits }
      membership { year membersA membersB jaccard }
      nationality { year contributorsA contributorsB sharedContributors cosine jaccard sourcesA sourcesB }
      personBridges { count bridges { person direction } } } }`;

    it('measures a bridging pair: overlap, gap, complementarity, contributors', async () => {
      const d = await query<{ missionPairMeasures: Record<string, Record<string, unknown>> }>(PAIR, {
        a: 'M-UN2',
        b: 'M-EU1',
      });
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
        hybridA: false,
        hybridB: false,
        pairType: 'BRIDGING',
        complementarity: 0.5, // {military} vs {military, police}
      });
      // 2002: ucdp-1 has M-UN2, M-EU1, M-AU1 (UN, EU, AU); UCDP intensity 2.
      expect(m.complexity).toEqual({ maxMissions: 3, maxOrganizations: 3, maxIntensity: 2 });
      // EU and UN were together in ucdp-1 from 1997 (M-EU0 and M-UN1).
      expect(m.socialLearning).toEqual({ before: '2002-03-01', count: 1, earlierUnits: ['ucdp-1'] });
      // 2002: M-EU1 has no figure (its Geo-PKO contributor has no estimate: unknown, not 0); M-UN2 has the UN
      // country-by-year figure of 2002, KKK 60 + LLL 20 = 80 for every month.
      expect(m.resources).toEqual({ year: 2002, personnelA: null, personnelB: 80, personnelRatio: null });
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
      const d = await query<{
        missionPairMeasures: { nationality: Record<string, unknown>; pair: Record<string, unknown> };
      }>(PAIR, { a: 'M-UN2', b: 'M-HY', year: 2003 });
      // M-HY is a hybrid operation; the pair is typed by its timing (they overlap: parallel).
      expect(d.missionPairMeasures.pair).toMatchObject({
        missionA: 'M-HY',
        pairType: 'PARALLEL',
        hybrid: true,
        hybridA: true,
        hybridB: false,
      });
      expect(d.missionPairMeasures.nationality).toMatchObject({
        year: 2003,
        contributorsA: 2,
        contributorsB: 2,
        sharedContributors: 1,
        sourcesA: ['un-country-by-year'],
        sourcesB: ['ipi-contributions'],
      });
      const n = d.missionPairMeasures.nationality as { cosine: number; jaccard: number };
      expect(n.cosine).toBeCloseTo(0.582086, 5);
      expect(n.jaccard).toBeCloseTo(1 / 3, 10);
    });

    it("leaves a coalition's operation out of the default universe, and its lead state out of its organizations", async () => {
      const PAIR_WITH = `query($a: ID!, $b: ID!, $include: [UniverseExtension!]) { missionPairMeasures(a: $a, b: $b, include: $include) {
        universe { include } pair { missionA organizationsA hybrid pairType } } }`;
      const out = await errorCode(PAIR_WITH, { a: 'U-2', b: 'M-CX' });
      expect(out).toBe('BAD_USER_INPUT');
      const d = await query<{
        missionPairMeasures: { universe: { include: string[] }; pair: Record<string, unknown> };
      }>(PAIR_WITH, { a: 'U-2', b: 'M-CX', include: ['AD_HOC_COALITIONS'] });
      expect(d.missionPairMeasures.universe.include).toEqual(['AD_HOC_COALITIONS']);
      expect(d.missionPairMeasures.pair).toMatchObject({
        missionA: 'M-CX',
        organizationsA: ['COALITION-X'],
        hybrid: false,
        pairType: 'PARALLEL',
      });
    });
  });
});
