import fs from 'node:fs';
import path from 'node:path';
import { parseCypherScript } from '../../../server/src/db/cypher-script';
import { runScript } from '../../../server/src/db/script-runner';
import { ANALYSIS_QUERY_NAMES, analysisDir } from '../../../server/src/modules/analytics/analysis-queries';
import { REPO_ROOT } from '../../helpers/db';
import { measuresHarness } from './harness';

/** The answers below are worked out by hand from the graph described in test-graph.ts. */
describe('research measures on a hand-built graph: dyad-years, complexity, the network, arguments, the Cypher files', () => {
  const { db, query, errorCode } = measuresHarness();

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
      // Each month from the best source: IPI monthly, then the UN country-by-year average, then Geo-PKO, then
      // Bara & Hultman. UN: M-UN2, January IPI 1200, February to December the 2003 country-by-year figure 80
      // (ranked above Bara & Hultman's February 1000): (1200 + 11 * 80) / 12 = 520 / 3; M-HY (July to December):
      // July 5000 and August 7000 from IPI, September to December 30 + 40 = 70: (12000 + 280) / 6 = 6140 / 3.
      // AU: M-AU1 (no figure), M-HY (6140 / 3), M-AU2 (no figure).
      const un = 520 / 3 + 6140 / 3;
      expect(d.resources).toMatchObject({
        activeMissionsA: 2,
        activeMissionsB: 3,
        missionsWithPersonnelA: 2,
        missionsWithPersonnelB: 1,
      });
      expect(d.resources.personnelA).toBeCloseTo(un, 6);
      expect(d.resources.personnelB).toBeCloseTo(6140 / 3, 6);
      expect(d.resources.personnelRatio).toBeCloseTo(6140 / 3 / un, 6);
      expect(d.complexity).toEqual({
        maxMissions: 3,
        maxOrganizations: 2,
        maxIntensity: 1,
        units: [
          { unit: 'ucdp-1', missions: 3, organizations: 2, intensity: 1, missionIds: ['M-AU1', 'M-HY', 'M-UN2'] },
        ],
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
      expect(y2005.membership).toEqual({
        year: 2005,
        statuses: ['FULL'],
        membersA: 3,
        membersB: 2,
        sharedMembers: 1,
        jaccard: 0.25,
        overlap: 0.5,
      });
      const associate = (await query<Dyad>(DYAD, { a: 'EU', b: 'NATO', year: 2005, statuses: ['FULL', 'ASSOCIATE'] }))
        .dyadMeasures;
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
        bridges: [
          {
            person: 'p1',
            direction: 'A_TO_B',
            postA: { organization: 'EU', mission: null, start: '1998' },
            postB: { organization: 'UN', mission: 'M-UN2', start: '2000-01' },
          },
        ],
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
      expect(d.cooperation).toMatchObject({
        codeployed: false,
        codeployedPairs: 0,
        cooperationRate: null,
        cooperated: false,
        complementarityMean: null,
      });
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
      expect(d.h.years).toEqual([
        { year: 2003, missions: 2, organizations: 2, intensity: 2, missionIds: ['M-AU2', 'M-EU2'] },
      ]);
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
      expect(await errorCode('{ mspoShare(from: "1990", to: "2000", universe: "nope") { periods { period } } }')).toBe(
        'BAD_USER_INPUT',
      );
      expect(await errorCode('{ mspoShare(from: "19x", to: "2000") { periods { period } } }')).toBe('BAD_USER_INPUT');
      expect(
        await errorCode('{ mspoShare(from: "1990-01", to: "2049-12", granularity: MONTH) { periods { period } } }'),
      ).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ mspoShare(from: "2001", to: "2000") { periods { period } } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ pairTypes(from: "1990", to: "2000", first: 501) { total } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ pairTypes(from: "1990", to: "2000", sequentialWindowDays: -1) { total } }')).toBe(
        'BAD_USER_INPUT',
      );
      expect(await errorCode('{ dyadMeasures(a: "UN", b: "NOPE", year: 2003) { year } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ dyadMeasures(a: "UN", b: "UN", year: 2003) { year } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ dyadMeasures(a: "UN", b: "AU", year: 1500) { year } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ dyadMeasures(a: "UN\'", b: "AU", year: 2003) { year } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ missionPairMeasures(a: "M-UN2", b: "M-NOSTART") { pair { pairType } } }')).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        await errorCode('{ conflictComplexity(unitId: "ucdp-999", fromYear: 2000, toYear: 2001) { years { year } } }'),
      ).toBe('BAD_USER_INPUT');
    });
  });

  describe('one source of truth: cypher/analysis', () => {
    it('runs every file as cypher-shell would, with its own :param lines', async () => {
      for (const name of ANALYSIS_QUERY_NAMES) {
        const items = parseCypherScript(fs.readFileSync(path.join(analysisDir(REPO_ROOT), `${name}.cypher`), 'utf8'));
        const outcomes = await runScript(db(), items);
        expect({ name, statements: outcomes.length }).toEqual({ name, statements: 1 });
        expect({ name, rows: (outcomes[0]?.rows.length ?? 0) > 0 }).toEqual({ name, rows: true });
      }
    });

    it('gives the same answer from the file as from the API', async () => {
      const items = parseCypherScript(fs.readFileSync(path.join(analysisDir(REPO_ROOT), 'mspo-share.cypher'), 'utf8'));
      const [outcome] = await runScript(db(), items, { params: { from: '1996', to: '2006' } });
      const api = await query<{ mspoShare: { periods: { period: string; mspoMissions: number }[] } }>(
        '{ mspoShare(from: "1996", to: "2006") { periods { period mspoMissions } } }',
      );
      expect(outcome?.rows.map((r) => [r.period, r.mspoMissions])).toEqual(
        api.mspoShare.periods.map((p) => [p.period, p.mspoMissions]),
      );
    });
  });
});
