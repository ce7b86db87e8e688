import type { Database } from '../../../server/src/db/database';

/**
 * A small graph whose measures can be worked out by hand; the tests state each answer.
 *
 * Conflicts: ucdp-1 in AAA (intensity 2002: 2, 2003: 1), ucdp-2 and ucdp-3 in BBB (ucdp-2: 2002: 1; ucdp-3:
 * 2003: 2). Hosts AAA, BBB, CCC; contributing states KKK, LLL, MMM.
 *
 * | mission   | organizations          | start      | end        | conflict | host | tasks                    | sources               |
 * | M-UN1     | UN                     | 1996-01    | 1999-12-31 | ucdp-1   | AAA  | military                 | curated, bara-hultman |
 * | M-EU0     | EU                     | 1997       | 1998       | ucdp-1   | AAA  | civilian                 | curated               |
 * | M-UN9     | UN                     | 1999-01    | 1999-06    | ucdp-1   | AAA  | police                   | curated               |
 * | M-UN2     | UN                     | 2000-01-01 | 2004-12-31 | ucdp-1   | AAA  | military, police         | curated, bara-hultman |
 * | M-EU1     | EU                     | 2002-03-01 | 2002-09-30 | ucdp-1   | AAA  | military                 | curated, bara-hultman |
 * | M-AU1     | AU                     | 2001       | 2003-06-30 | ucdp-1   | AAA  | observer, military       | curated, bara-hultman |
 * | M-HY      | UN + AU (joint leads)  | 2003-07-01 | (active)   | ucdp-1   | AAA  | military, police, civ.   | curated, bara-hultman |
 * | M-NATO    | NATO                   | 2002-01-01 | 2002-12-31 | -        | BBB  | military, training       | curated               |
 * | M-EU2     | EU                     | 2002-06    | 2003       | ucdp-2   | BBB  | police, training         | curated               |
 * | M-AU2     | AU                     | 2003-01    | 2003-12-31 | ucdp-3   | BBB  | observer                 | curated               |
 * | U         | UN (umbrella of U-1/2) | 2004       | 2006       | -        | CCC  | observer                 | curated, bara-hultman |
 * | U-1       | UN, part of U          | 2004       | 2004-12-31 | -        | CCC  | observer                 | curated, bara-hultman |
 * | U-2       | UN, part of U          | 2005       | 2006       | -        | CCC  | observer                 | curated               |
 * | M-CX      | COALITION-X, STATE-FRA | 2005       | 2005       | -        | CCC  | military                 | curated               |
 *   (M-CX: an ad hoc coalition's operation, outside the default universe; STATE-FRA its participant)
 * | M-NOSTART | UN                     | (none)     |            | ucdp-1   | AAA  |                          | curated               |
 *
 * Recorded cooperation: M-EU1 -bridging-> M-UN2 (2002-03-01 to 2002-09-30); M-AU1 -handover-> M-HY
 * (2003-07-01); M-NATO -support-> M-EU2 (from 2002-06, no end).
 * Personnel (PERSONNEL_IN): M-UN2 2003-01 bara-hultman 1000 and ipi-missions 1200 in AAA; 2003-02
 * bara-hultman 900 in AAA and 100 in BBB. M-HY 2003-07 ipi-missions 5000, 2003-08 7000.
 * Contributors (CONTRIBUTED_TO): M-UN2 2003 ipi-contributions KKK 100 (Jan), KKK 100 (Feb), LLL 50 (Jan), and
 * un-country-by-year KKK 80; M-UN2 2002 un-country-by-year KKK 60, LLL 20; M-HY 2003 un-country-by-year
 * KKK 30, MMM 40; M-EU1 2002 geopko-tcc LLL without a figure.
 * Members (full unless said): EU: AAA (COW, from 1990, open), BBB (COW 1995-2010), CCC (associate, COW),
 * LLL (COW from 1990, open, observed until 2014, and a curated spell 1990-01-01 to 2016-06-30); NATO: AAA,
 * KKK; UN: AAA, BBB, CCC, KKK, LLL.
 * People: p1 EU headquarters post 1998-1999, then head of M-UN2 from 2000-01; p2 UN headquarters post from
 * 2001, then in M-CX in 2005; p3 in M-HY from 2004.
 */
export async function buildTestGraph(db: Database): Promise<void> {
  await db.write(`UNWIND $orgs AS o CREATE (:Organization {id: o[0], name: o[0], kind: o[1], sources: ['curated']})`, {
    orgs: [
      ['UN', 'global'],
      ['EU', 'regional'],
      ['AU', 'regional'],
      ['NATO', 'alliance'],
      ['COALITION-X', 'ad_hoc_coalition'],
      ['STATE-FRA', 'lead_state'],
    ],
  });
  await db.write(`UNWIND $ids AS id CREATE (:State {id: id, name: id, sources: ['curated']})`, {
    ids: ['AAA', 'BBB', 'CCC', 'KKK', 'LLL', 'MMM'],
  });
  await db.write(
    `CREATE (c1:Conflict {id: 'ucdp-1', sources: ['ucdp-acd'], intensity_2002: 2, intensity_2003: 1})
     CREATE (c2:Conflict {id: 'ucdp-2', sources: ['ucdp-acd'], intensity_2002: 1})
     CREATE (c3:Conflict {id: 'ucdp-3', sources: ['ucdp-acd'], intensity_2003: 2})
     WITH c1, c2, c3
     MATCH (a:State {id: 'AAA'}), (b:State {id: 'BBB'})
     CREATE (c1)-[:LOCATED_IN {source: 'ucdp-acd'}]->(a), (c2)-[:LOCATED_IN {source: 'ucdp-acd'}]->(b),
            (c3)-[:LOCATED_IN {source: 'ucdp-acd'}]->(b)`,
  );
  const missions = [
    // id, start, end, kinds, sources, orgs, conflict, host
    ['M-UN1', '1996-01', '1999-12-31', ['military'], ['curated', 'bara-hultman'], ['UN'], 'ucdp-1', 'AAA'],
    ['M-EU0', '1997', '1998', ['civilian'], ['curated'], ['EU'], 'ucdp-1', 'AAA'],
    ['M-UN9', '1999-01', '1999-06', ['police'], ['curated'], ['UN'], 'ucdp-1', 'AAA'],
    ['M-UN2', '2000-01-01', '2004-12-31', ['military', 'police'], ['curated', 'bara-hultman'], ['UN'], 'ucdp-1', 'AAA'],
    ['M-EU1', '2002-03-01', '2002-09-30', ['military'], ['curated', 'bara-hultman'], ['EU'], 'ucdp-1', 'AAA'],
    ['M-AU1', '2001', '2003-06-30', ['observer', 'military'], ['curated', 'bara-hultman'], ['AU'], 'ucdp-1', 'AAA'],
    [
      'M-HY',
      '2003-07-01',
      null,
      ['military', 'police', 'civilian'],
      ['curated', 'bara-hultman'],
      ['UN', 'AU'],
      'ucdp-1',
      'AAA',
    ],
    ['M-NATO', '2002-01-01', '2002-12-31', ['military', 'training'], ['curated'], ['NATO'], null, 'BBB'],
    ['M-EU2', '2002-06', '2003', ['police', 'training'], ['curated'], ['EU'], 'ucdp-2', 'BBB'],
    ['M-AU2', '2003-01', '2003-12-31', ['observer'], ['curated'], ['AU'], 'ucdp-3', 'BBB'],
    ['U', '2004', '2006', ['observer'], ['curated', 'bara-hultman'], ['UN'], null, 'CCC'],
    ['U-1', '2004', '2004-12-31', ['observer'], ['curated', 'bara-hultman'], ['UN'], null, 'CCC'],
    ['U-2', '2005', '2006', ['observer'], ['curated'], ['UN'], null, 'CCC'],
    ['M-CX', '2005', '2005', ['military'], ['curated'], ['COALITION-X', 'STATE-FRA'], null, 'CCC'],
    ['M-NOSTART', null, null, [], ['curated'], ['UN'], 'ucdp-1', 'AAA'],
  ].map(([id, start, end, kinds, sources, orgs, conflict, host]) => ({
    id,
    start,
    end,
    kinds,
    sources,
    orgs,
    conflict,
    host,
  }));
  await db.write(
    `UNWIND $missions AS m
     CREATE (x:Mission {id: m.id, name: m.id, acronym: m.id, start: m.start, end: m.end, kinds: m.kinds, sources: m.sources})
     WITH x, m
     UNWIND m.orgs AS orgId
     MATCH (o:Organization {id: orgId})
     CREATE (o)-[:DEPLOYED {source: 'curated', lead: size(m.orgs) = 1 OR o.id STARTS WITH 'COALITION-',
                            role: CASE WHEN size(m.orgs) = 1 OR o.id STARTS WITH 'COALITION-' THEN 'lead'
                                       WHEN o.id STARTS WITH 'STATE-' THEN 'participant' ELSE 'joint_lead' END}]->(x)
     WITH DISTINCT x, m
     MATCH (h:State {id: m.host})
     CREATE (x)-[:HOSTED_BY {source: 'curated'}]->(h)
     WITH x, m
     OPTIONAL MATCH (c:Conflict {id: m.conflict})
     FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | CREATE (x)-[:IN_CONFLICT {source: 'curated'}]->(c))`,
    { missions },
  );
  // A second source's DEPLOYED must not make a mission look like it has two organizations.
  await db.write(
    `MATCH (o:Organization {id: 'UN'}), (m:Mission {id: 'M-UN2'}) CREATE (o)-[:DEPLOYED {source: 'un-pko-list', lead: true}]->(m)`,
  );
  await db.write(
    `MATCH (u:Mission {id: 'U'}), (p1:Mission {id: 'U-1'}), (p2:Mission {id: 'U-2'})
     CREATE (p1)-[:PART_OF {source: 'curated'}]->(u), (p2)-[:PART_OF {source: 'curated'}]->(u)`,
  );
  await db.write(
    `UNWIND $links AS l
     MATCH (a:Mission {id: l[0]}), (b:Mission {id: l[1]})
     CREATE (a)-[:COOPERATED_WITH {source: 'curated', kind: l[2], start: l[3], end: l[4]}]->(b)`,
    {
      links: [
        ['M-EU1', 'M-UN2', 'bridging', '2002-03-01', '2002-09-30'],
        ['M-AU1', 'M-HY', 'handover', '2003-07-01', '2003-07-01'],
        ['M-NATO', 'M-EU2', 'support', '2002-06', null],
      ],
    },
  );
  await db.write(
    `UNWIND $rows AS r
     MATCH (m:Mission {id: r[0]}), (s:State {id: r[1]})
     CREATE (m)-[:PERSONNEL_IN {source: r[2], month: r[3], total: r[4]}]->(s)`,
    {
      rows: [
        ['M-UN2', 'AAA', 'bara-hultman', '2003-01', 1000],
        ['M-UN2', 'AAA', 'ipi-missions', '2003-01', 1200],
        ['M-UN2', 'AAA', 'bara-hultman', '2003-02', 900],
        ['M-UN2', 'BBB', 'bara-hultman', '2003-02', 100],
        ['M-HY', 'AAA', 'ipi-missions', '2003-07', 5000],
        ['M-HY', 'AAA', 'ipi-missions', '2003-08', 7000],
      ],
    },
  );
  await db.write(
    `UNWIND $rows AS r
     MATCH (s:State {id: r[0]}), (m:Mission {id: r[1]})
     CREATE (s)-[c:CONTRIBUTED_TO {source: r[2], from: r[3], to: r[4], site: r[5], granularity: r[6]}]->(m)
     SET c.total = CASE WHEN r[2] = 'geopko-tcc' THEN null ELSE r[7] END,
         c.troopsEstimate = CASE WHEN r[2] = 'geopko-tcc' THEN r[7] ELSE null END`,
    {
      rows: [
        ['KKK', 'M-UN2', 'ipi-contributions', '2003-01', '2003-01', '', 'month', 100],
        ['KKK', 'M-UN2', 'ipi-contributions', '2003-02', '2003-02', '', 'month', 100],
        ['LLL', 'M-UN2', 'ipi-contributions', '2003-01', '2003-01', '', 'month', 50],
        ['KKK', 'M-UN2', 'un-country-by-year', '2003-01', '2003-12', '', 'year', 80],
        ['KKK', 'M-UN2', 'un-country-by-year', '2002-01', '2002-12', '', 'year', 60],
        ['LLL', 'M-UN2', 'un-country-by-year', '2002-01', '2002-12', '', 'year', 20],
        ['KKK', 'M-HY', 'un-country-by-year', '2003-01', '2003-12', '', 'year', 30],
        ['MMM', 'M-HY', 'un-country-by-year', '2003-01', '2003-12', '', 'year', 40],
        ['LLL', 'M-EU1', 'geopko-tcc', '2002-01', '2002-12', 'Site', 'year', null],
      ],
    },
  );
  await db.write(
    `UNWIND $rows AS r
     MATCH (s:State {id: r[0]}), (o:Organization {id: r[1]})
     CREATE (s)-[m:MEMBER_OF {source: r[2], start: r[3], status: r[5]}]->(o)
     SET m.end = r[4], m.observedUntil = r[6]`,
    {
      rows: [
        ['AAA', 'EU', 'cow-igo', '1990', null, 'full', '2014'],
        ['BBB', 'EU', 'cow-igo', '1995', '2010', 'full', '2010'],
        ['CCC', 'EU', 'cow-igo', '1995', null, 'associate', '2014'],
        ['LLL', 'EU', 'cow-igo', '1990', null, 'full', '2014'],
        ['LLL', 'EU', 'curated', '1990-01-01', '2016-06-30', 'full', null],
        ['AAA', 'NATO', 'cow-igo', '1949', null, 'full', '2014'],
        ['KKK', 'NATO', 'cow-igo', '1949', null, 'full', '2014'],
        ...['AAA', 'BBB', 'CCC', 'KKK', 'LLL'].map((s) => [s, 'UN', 'cow-igo', '1945', null, 'full', '2014']),
      ],
    },
  );
  await db.write(
    `CREATE (p1:Person {id: 'p1', name: 'Person One', sources: ['curated']}),
            (p2:Person {id: 'p2', name: 'Person Two', sources: ['curated']}),
            (p3:Person {id: 'p3', name: 'Person Three', sources: ['curated']})
     WITH p1, p2, p3
     MATCH (eu:Organization {id: 'EU'}), (un:Organization {id: 'UN'}), (un2:Mission {id: 'M-UN2'}),
           (cx:Mission {id: 'M-CX'}), (hy:Mission {id: 'M-HY'})
     CREATE (p1)-[:HELD_POST {source: 'curated', role: 'Envoy', start: '1998', end: '1999'}]->(eu),
            (p1)-[:SERVED_IN {source: 'curated', role: 'Head', start: '2000-01', end: '2002'}]->(un2),
            (p2)-[:HELD_POST {source: 'curated', role: 'Adviser', start: '2001', end: '2003'}]->(un),
            (p2)-[:SERVED_IN {source: 'curated', role: 'Commander', start: '2005', end: '2005'}]->(cx),
            (p3)-[:SERVED_IN {source: 'curated', role: 'Joint Representative', start: '2004', end: null}]->(hy)`,
  );
}
