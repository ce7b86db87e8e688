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

  it('lists AMISOM\'s contributors of 2013, Sierra Leone\'s battalion among them, as present where no figure is given', async () => {
    const d = await data('{ mission(id: "AMISOM") { contributors(between: { from: "2013", to: "2013" }) { state { id } personnel sources } } }');
    const states = d.mission.contributors.map((c: Data) => c.state.id);
    expect(states).toEqual(expect.arrayContaining(['UGA', 'BDI', 'KEN', 'DJI', 'SLE']));
    for (const c of d.mission.contributors) {
      expect(c.sources).toEqual(['curated']);
      expect(c.personnel === null || c.personnel > 0).toBe(true);
    }
  });

  it('lists more than 40 contributing states of ISAF in 2011, each row with its own source', async () => {
    const d = await data('{ mission(id: "ISAF") { contributors(between: { from: "2011", to: "2011" }) { state { id } personnel sources } } }');
    const states = new Set(d.mission.contributors.map((c: Data) => c.state.id));
    expect(states.size).toBeGreaterThan(40);
    expect([...states]).toEqual(expect.arrayContaining(['USA', 'GBR', 'DEU', 'FRA', 'ITA', 'POL', 'TUR', 'MNG', 'TON', 'SLV']));
    expect(d.mission.contributors.every((c: Data) => c.personnel === null || c.personnel > 0)).toBe(true);
  });

  it('compares AMISOM with UNSOM: Jaccard over every contributor, cosine over those with a figure, and says how many had one', async () => {
    const d = await data('{ sharedPersonnel(a: "AMISOM", b: "UNSOM") { jaccard cosine contributorsA contributorsWithFigureA states { state { id } a b } sources } }');
    const s = d.sharedPersonnel;
    expect(s.states.length).toBeGreaterThan(0);
    expect(s.jaccard).toBeGreaterThan(0);
    expect(s.contributorsWithFigureA).toBeLessThanOrEqual(s.contributorsA);
    expect(s.sources).toContain('curated');
    // A state present without a figure is null on its side, never 0.
    expect(s.states.every((x: Data) => x.a === null || x.a > 0)).toBe(true);
  });

  it('counts the AU\'s non-UN operations on its side of sharedPersonnel with the UN over 2010-2015', async () => {
    const d = await data(`{ au: sharedPersonnel(a: "AU", b: "UN", between: { from: "2010", to: "2015" }) { sources states { state { id } a } }
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
    expect(report.contributorCoverage.find((c) => c.organization === 'NATO' && c.decade === 2000)?.withContributors).toBeGreaterThan(0);
  });

  it('records the EU\'s funding of AMISOM, counts it as AU-EU cooperation, and lets paths cross it', async () => {
    const d = await data(`{ neighbors(id: "AMISOM", types: [SUPPORTED]) { edges { source target type kind } }
                            dyadMeasures(a: "AU", b: "EU", year: 2010) { cooperation { cooperated cooperationKinds } }
                            paths(from: "EU", to: "AMISOM", types: [SUPPORTED], maxHops: 1) { sentence } }`);
    expect(d.neighbors.edges).toEqual(expect.arrayContaining([{ source: 'EU', target: 'AMISOM', type: 'SUPPORTED', kind: 'funding' }]));
    expect(d.dyadMeasures.cooperation).toMatchObject({ cooperated: true });
    expect(d.dyadMeasures.cooperation.cooperationKinds).toContain('support');
    expect(d.paths[0].sentence).toBe('EU supported AMISOM');
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
