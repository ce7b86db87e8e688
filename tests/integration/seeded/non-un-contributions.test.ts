import { runDataCheck } from '../../../server/src/import/data-check';
import { seededApi } from '../../helpers/seeded';

type Data = Record<string, any>;

/**
 * Contributors to non-UN operations (contributions_*.csv), support between organizations
 * (organization_support.csv) and people who bridge organizations, on the shipped graph, checked against their
 * sources.
 */
describe('contributions to non-UN operations, support between organizations, people', () => {
  const { data, db: database } = seededApi();

  it("lists AMISOM's contributors of 2013, Sierra Leone's battalion among them, as present where no figure is given", async () => {
    const d = await data(
      '{ mission(id: "AMISOM") { contributors(between: { from: "2013", to: "2013" }) { state { id } personnel sources } } }',
    );
    const states = d.mission.contributors.map((c: Data) => c.state.id);
    expect(states).toEqual(expect.arrayContaining(['UGA', 'BDI', 'KEN', 'DJI', 'SLE']));
    for (const c of d.mission.contributors) {
      expect(c.sources).toEqual(['curated']);
      expect(c.personnel === null || c.personnel > 0).toBe(true);
    }
  });

  it('lists more than 40 contributing states of ISAF in 2011, each row with its own source', async () => {
    const d = await data(
      '{ mission(id: "ISAF") { contributors(between: { from: "2011", to: "2011" }) { state { id } personnel sources } } }',
    );
    const states = new Set(d.mission.contributors.map((c: Data) => c.state.id));
    expect(states.size).toBeGreaterThan(40);
    expect([...states]).toEqual(
      expect.arrayContaining(['USA', 'GBR', 'DEU', 'FRA', 'ITA', 'POL', 'TUR', 'MNG', 'TON', 'SLV']),
    );
    expect(d.mission.contributors.every((c: Data) => c.personnel === null || c.personnel > 0)).toBe(true);
  });

  it('holds each operation the issue listed as missing, with its organization, its start and its host', async () => {
    // [mission, organization, first month of the start, a host]; the OSCE Personal Representative's start is not on record.
    const expected: [string, string, string | null, string][] = [
      ['EACRF', 'EAC', '2022-11', 'COD'],
      ['SAMIDRC', 'SADC', '2023-12', 'COD'],
      ['BINUCA', 'UN', '2010-01', 'CAF'],
      ['UNITAMS', 'UN', '2020-06', 'SDN'],
      ['UNIPSIL', 'UN', '2008-10', 'SLE'],
      ['UNOGBIS', 'UN', '1999-03', 'GNB'],
      ['UNPOS', 'UN', '1995-04', 'SOM'],
      ['UNOMB', 'UN', '2004-01', 'PNG'],
      ['UNOCA', 'UN', '2011-01', 'GAB'],
      ['AU-STF-BURUNDI', 'AU', '2006-12', 'BDI'],
      ['AU-MVCM', 'AU', '2022-12', 'ETH'],
      ['AU-HRO-ME-BURUNDI', 'AU', '2015-07', 'BDI'],
      ['SSMGB', 'ECOWAS', '2022-04', 'GNB'],
      ['NNSC', 'COALITION-NNSC', '1953-07', 'KOR'],
      ['TIPH', 'COALITION-TIPH', '1997-02', 'PSE'],
      ['SLMM', 'COALITION-SLMM', '2002-02', 'LKA'],
      ['RUS-PKF-KARABAKH', 'STATE-RUS', '2020-11', 'AZE'],
      ['MSS-HAITI', 'COALITION-MSS', '2024-06', 'HTI'],
      ['EUMM-WESTERN-BALKANS', 'EU', '1991-07', 'HRV'],
      ['OSCE-PRCIO', 'OSCE', null, 'AZE'],
      ['CIAV-OAS', 'OAS', '1989-08', 'NIC'],
      ['CTSAMVM', 'IGAD', '2014-02', 'SSD'],
    ];
    const query = expected
      .map(([id], i) => `m${i}: mission(id: "${id}") { id start organizations { id } hosts { id } sources }`)
      .join(' ');
    const d = await data(`{ ${query} }`);
    expected.forEach(([id, org, start, host], i) => {
      const m = d[`m${i}`];
      expect(m).not.toBeNull();
      expect([id, m.organizations.map((o: Data) => o.id)]).toEqual([id, expect.arrayContaining([org])]);
      expect([id, m.start === null ? null : String(m.start).slice(0, 7)]).toEqual([id, start]);
      expect([id, m.hosts.map((h: Data) => h.id)]).toEqual([id, expect.arrayContaining([host])]);
      expect([id, m.sources.length > 0]).toEqual([id, true]);
    });
  });

  it('compares AMISOM with UNSOM: Jaccard over every contributor, cosine over those with a figure, and says how many had one', async () => {
    const d = await data(
      '{ sharedPersonnel(a: "AMISOM", b: "UNSOM") { jaccard cosine contributorsA contributorsWithFigureA states { state { id } a b } sources } }',
    );
    const s = d.sharedPersonnel;
    expect(s.states.length).toBeGreaterThan(0);
    expect(s.jaccard).toBeGreaterThan(0);
    expect(s.contributorsWithFigureA).toBeLessThanOrEqual(s.contributorsA);
    expect(s.sources).toContain('curated');
    // A state present without a figure is null on its side, never 0.
    expect(s.states.every((x: Data) => x.a === null || x.a > 0)).toBe(true);
  });

  it("counts the AU's non-UN operations on its side of sharedPersonnel with the UN over 2010-2015", async () => {
    const d =
      await data(`{ au: sharedPersonnel(a: "AU", b: "UN", between: { from: "2010", to: "2015" }) { sources states { state { id } a } }
                            unamid: sharedPersonnel(a: "UNAMID", b: "UN", between: { from: "2010", to: "2015" }) { states { state { id } a } } }`);
    expect(d.au.sources).toContain('curated');
    // Kenya's AMISOM contingent (4,664 in July 2012) adds to its UNAMID figure on the AU side.
    const ken = (list: Data[]) => list.find((x) => x.state.id === 'KEN')?.a as number;
    expect(ken(d.au.states)).toBeGreaterThan(ken(d.unamid.states) + 4000);
  });

  it('reports the share of non-UN operations with contributors in the data check', async () => {
    const report = await runDataCheck(database());
    const total = report.contributorCoverage.reduce((n, c) => n + c.operations, 0);
    const withContributors = report.contributorCoverage.reduce((n, c) => n + c.withContributors, 0);
    expect(total).toBeGreaterThan(100);
    expect(withContributors).toBeGreaterThan(40);
    expect(
      report.contributorCoverage.find((c) => c.organization === 'NATO' && c.decade === 2000)?.withContributors,
    ).toBeGreaterThan(0);
  });

  it("records the EU's funding of AMISOM, counts it as AU-EU cooperation, and lets paths cross it", async () => {
    const d = await data(`{ neighbors(id: "AMISOM", types: [SUPPORTED]) { edges { source target type kind } }
                            dyadMeasures(a: "AU", b: "EU", year: 2010) { cooperation { cooperated cooperationKinds } }
                            paths(from: "EU", to: "AMISOM", types: [SUPPORTED], maxHops: 1) { sentence } }`);
    expect(d.neighbors.edges).toEqual(
      expect.arrayContaining([{ source: 'EU', target: 'AMISOM', type: 'SUPPORTED', kind: 'funding' }]),
    );
    expect(d.dyadMeasures.cooperation).toMatchObject({ cooperated: true });
    expect(d.dyadMeasures.cooperation.cooperationKinds).toContain('support');
    expect(d.paths[0].sentence).toBe('EU supported AMISOM (funding)');
  });

  it('holds at least 100 people with posts in missions, 40 of them with posts in two organizations', async () => {
    const rows = await database().read<{ inMissions: number; bridging: number }>(
      `MATCH (p:Person) WHERE (p)-[:SERVED_IN]->(:Mission)
       WITH p, COLLECT { MATCH (p)-[r:SERVED_IN|HELD_POST]->(x) WHERE coalesce(r.capacity, 'official') = 'official'
                         UNWIND CASE WHEN x:Organization THEN [x.id]
                                     ELSE COLLECT { MATCH (o:Organization)-[d:DEPLOYED]->(x)
                                                    WHERE NOT coalesce(d.role, '') IN ['authorizing', 'supporting', 'participant'] RETURN o.id } END AS org
                         RETURN DISTINCT org } AS orgs
       RETURN count(p) AS inMissions, count(CASE WHEN size(orgs) >= 2 THEN p END) AS bridging`,
    );
    expect(rows[0].inMissions).toBeGreaterThanOrEqual(100);
    expect(rows[0].bridging).toBeGreaterThanOrEqual(40);
  });
});
