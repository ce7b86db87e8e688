import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../../server/src/db/database';
import { runDataCheck } from '../../../server/src/import/data-check';
import { findUnresolvedNames } from '../../../server/src/import/unresolved';
import { REPO_ROOT, testDatabase } from '../../helpers/db';
import { ensureSeeded } from '../../helpers/seeded';

const SOURCES = path.join(REPO_ROOT, 'cypher', 'data', 'sources');

describe('the shipped graph checked against its sources', () => {
  let db: Database;

  beforeAll(async () => {
    db = testDatabase();
    await ensureSeeded(db);
  }, 600_000);

  afterAll(() => db.close());

  it('has UNAMID deployed by both the UN and the AU', async () => {
    const rows = await db.read<{ orgs: string[] }>(
      `MATCH (o:Organization)-[:DEPLOYED]->(:Mission {id: 'UNAMID'}) RETURN collect(DISTINCT o.id) AS orgs`,
    );
    expect(rows[0]?.orgs.sort()).toEqual(['AU', 'UN']);
  });

  it('has EUFOR Althea following NATO SFOR in Bosnia, and MINUSMA following AFISMA in Mali', async () => {
    const rows = await db.read<{ a: string; b: string; kind: string }>(
      `MATCH (a:Mission)-[r:COOPERATED_WITH]->(b:Mission)
       WHERE [a.id, b.id] IN [['SFOR', 'EUFOR-ALTHEA'], ['AFISMA', 'MINUSMA']]
       RETURN a.id AS a, b.id AS b, r.kind AS kind ORDER BY a`,
    );
    expect(rows).toEqual([
      { a: 'AFISMA', b: 'MINUSMA', kind: 'handover' },
      { a: 'SFOR', b: 'EUFOR-ALTHEA', kind: 'handover' },
    ]);
    const hosts = await db.read<{ m: string; h: string[] }>(
      `MATCH (m:Mission)-[:HOSTED_BY]->(s:State) WHERE m.id IN ['SFOR', 'EUFOR-ALTHEA', 'AFISMA', 'MINUSMA']
       RETURN m.id AS m, collect(DISTINCT s.id) AS h ORDER BY m`,
    );
    expect(Object.fromEntries(hosts.map((r) => [r.m, r.h]))).toEqual({
      AFISMA: ['MLI'],
      'EUFOR-ALTHEA': ['BIH'],
      MINUSMA: ['MLI'],
      SFOR: ['BIH'],
    });
  });

  it('counts as many states contributing to UN missions in December 2012 as the IPI file itself', async () => {
    const raw = parse<Record<string, string>>(
      fs.readFileSync(path.join(SOURCES, 'ipi-peacekeeping', 'ipi_gender_full_2009-11_to_2012-12.csv')),
      {
        columns: true,
        bom: true,
      },
    );
    const fromFile = new Set(
      raw.filter((r) => r.Date === '2012-12-31' && Number(r['Total Total']) > 0).map((r) => r['Contributor ISO-3']),
    );
    const rows = await db.read<{ n: number }>(
      `MATCH (s:State)-[c:CONTRIBUTED_TO {source: 'ipi-contributions'}]->(:Mission)
       WHERE c.from <= '2012-12' <= c.to AND c.total > 0 RETURN count(DISTINCT s) AS n`,
    );
    expect(fromFile.size).toBeGreaterThan(100);
    expect(rows[0]?.n).toBe(fromFile.size);
  });

  it('has NATO with its 28 full members in 2010, as COW IGO records them', async () => {
    const rows = await db.read<{ members: string[] }>(
      `MATCH (s:State)-[m:MEMBER_OF {status: 'full'}]->(:Organization {id: 'NATO'})
       WHERE m.start <= '2010' AND (m.end IS NULL OR m.end >= '2010')
       RETURN collect(DISTINCT s.id) AS members`,
    );
    const members = rows[0]?.members ?? [];
    expect(members).toHaveLength(28);
    expect(members).toEqual(expect.arrayContaining(['USA', 'DEU', 'ALB', 'HRV', 'TUR']));
    expect(members).not.toContain('MNE');
  });

  it('has no orphans and no unresolved names', async () => {
    const report = await runDataCheck(db);
    expect(report.orphans.filter((o) => o.ids.length)).toEqual([]);
    expect(await findUnresolvedNames(path.join(REPO_ROOT, 'cypher', 'data'))).toEqual([]);
  });

  it('changes nothing when seeded again', async () => {
    const { runSeed } = await import('../../../server/src/import/seed');
    const { testLogger } = await import('../../helpers/db');
    const again = await runSeed(db, {
      dataDir: path.join(REPO_ROOT, 'cypher', 'data'),
      batchSize: 5000,
      logger: testLogger,
    });
    expect(again.reduce((n, s) => n + s.counters.nodesCreated + s.counters.relationshipsCreated, 0)).toBe(0);
  }, 600_000);
});
