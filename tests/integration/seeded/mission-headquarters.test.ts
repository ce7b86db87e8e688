import path from 'node:path';
import type { Database } from '../../../server/src/db/database';
import { readCsvTable } from '../../../server/src/import/csv-table';
import { runDataCheck } from '../../../server/src/import/data-check';
import { HQ_CORRECTIONS_TABLE } from '../../../server/src/import/hq-corrections';
import { REPO_ROOT, testDatabase } from '../../helpers/db';
import { ensureSeeded } from '../../helpers/seeded';

/**
 * The missions' headquarters on the shipped graph: the pairs a source writes swapped with both values in range
 * come out the right way round (mission_hq_corrections.csv), nothing else is touched, and every headquarters
 * lies near a capital of the mission's hosts.
 */
describe("missions' headquarters on the shipped graph", () => {
  let db: Database;
  const table = readCsvTable(path.join(REPO_ROOT, 'cypher', 'data', 'curated', HQ_CORRECTIONS_TABLE));

  beforeAll(async () => {
    db = testDatabase();
    await ensureSeeded(db);
  }, 600_000);

  afterAll(async () => {
    await db?.close();
  });

  it('gives the seven swapped pairs the right way round, each naming its correction, and names no other correction', async () => {
    const rows = await db.read<{ id: string; hq: string; lat: number; lon: number; ref: string }>(
      `MATCH (m:Mission) WHERE m.hqCorrectionRef IS NOT NULL
       RETURN m.id AS id, m.hq AS hq, m.hqLatitude AS lat, m.hqLongitude AS lon, m.hqCorrectionRef AS ref ORDER BY id`,
    );
    expect(rows).toEqual(
      table
        .map((r) => ({
          id: r.mission_id,
          hq: /mission_location ([^)]+)\)/.exec(r.source ?? '')?.[1],
          lat: Number(r.hq_latitude),
          lon: Number(r.hq_longitude),
          ref: r.source,
        }))
        .sort((a, b) => String(a.id).localeCompare(String(b.id))),
    );
    expect(rows.map((r) => `${r.id} ${r.hq} ${r.lat} ${r.lon}`)).toEqual([
      'MINUSMA Bamako 12.65 -8',
      'UNAVEM-I Luanda -8.8383 13.2344',
      'UNAVEM-II Luanda -8.8383 13.2344',
      'UNEF Gaza 31.5 34.4667',
      'UNOSOM-I Mogadishu 2.0333 45.35',
      'UNOSOM-II Mogadishu 2.0333 45.35',
      'UNSCOB Athens 37.9669 23.7668',
    ]);
  });

  it('puts every headquarters within 1,000 km of a capital of its hosts, and lists the two named after a capital they lie far from', async () => {
    const checked = await db.read<{ n: number }>(
      `MATCH (m:Mission) WHERE m.hqLatitude IS NOT NULL AND EXISTS { (m)<-[:PART_OF*0..1]-(:Mission)-[:HOSTED_BY]->(s:State) WHERE s.capitalLatitude IS NOT NULL }
       RETURN count(m) AS n`,
    );
    expect(checked[0]?.n).toBeGreaterThanOrEqual(65);
    const { headquarters } = await runDataCheck(db);
    expect(headquarters.farFromHosts).toEqual([]);
    // As the sources give them, not swaps (cypher/data/curated/README.md, rules of mission_hq_corrections.csv).
    expect(headquarters.awayFromNamedCapital.map((m) => `${m.id} ${m.hq} ${m.state}`)).toEqual([
      'UNIIMOG Tehran IRN',
      'UNMEE Asmara ERI',
    ]);
  });
});
