import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../server/src/db/database';
import { ImportFatalError } from '../../server/src/import/importer';
import { resetGraph, testDatabase } from '../helpers/db';
import { dumpGraph, graphCounts } from '../helpers/graph-dump';
import { CURATED_DIR, runImport, tempFile } from '../helpers/import';

const ORG_HEADER = 'id,name,acronym,kind,founded,dissolved,predecessor_id,cow_igo,aliases,source';
const org = (id: string, extra = '') => `${id},Org ${id},${id},regional,1990,,,,${extra},doc ${id}`;

async function orgIds(db: Database): Promise<string[]> {
  const rows = await db.read<{ id: string }>('MATCH (o:Organization) RETURN o.id AS id ORDER BY id');
  return rows.map((r) => r.id);
}

describe('importing broken files', () => {
  let db: Database;

  beforeAll(() => {
    db = testDatabase();
  });
  beforeEach(() => resetGraph(db));
  afterAll(async () => {
    await resetGraph(db);
    await db.close();
  });

  it('rejects a row with a wrong type, names its line and field, and imports the good rows', async () => {
    const file = tempFile(
      'organizations.csv',
      [ORG_HEADER, org('AAA'), 'BBB,Org B,BBB,galactic,19x0,,,,,doc', org('CCC')].join('\n'),
    );
    const s = await runImport(db, 'curated', [file]);
    expect(s.issues).toEqual([
      {
        file: 'organizations.csv',
        line: 3,
        field: 'founded',
        reason: "'19x0' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or M/D/YYYY)",
      },
      {
        file: 'organizations.csv',
        line: 3,
        field: 'kind',
        reason: "'galactic' is not one of global, regional, subregional, alliance, ad_hoc_coalition, lead_state",
      },
    ]);
    expect(s.files[0]).toMatchObject({ rowsRead: 3, rowsImported: 2, rowsRejected: 1 });
    expect(await orgIds(db)).toEqual(['AAA', 'CCC']);
  });

  it('rejects a link to an unknown node and keeps the others', async () => {
    await runImport(db, 'curated', [tempFile('organizations.csv', [ORG_HEADER, org('AAA')].join('\n'))]);
    const missions = tempFile(
      'missions.csv',
      'id,acronym,name,start,end,last_evidence,kinds,mandates,parent_id,aliases,source\nM1,M1,Mission 1,2000,,,observer,,,,doc\n',
    );
    await runImport(db, 'curated', [missions]);
    const links = tempFile(
      'mission_organizations.csv',
      'mission_id,organization_id,lead,role,source\nM1,AAA,true,lead,doc\nM1,NOPE,true,lead,doc\n',
    );
    const s = await runImport(db, 'curated', [links]);
    expect(s.issues).toEqual([
      {
        file: 'mission_organizations.csv',
        line: 3,
        field: 'reference',
        reason: "DEPLOYED: no Organization 'NOPE' or no Mission 'M1' in the graph",
      },
    ]);
    expect((await graphCounts(db)).DEPLOYED).toBe(1);
  });

  it('stops with a clear error before writing anything when a column is missing', async () => {
    const file = tempFile(
      'organizations.csv',
      [ORG_HEADER.replace(',kind', ''), 'AAA,Org,AAA,1990,,,,,doc'].join('\n'),
    );
    await expect(runImport(db, 'curated', [file])).rejects.toThrow(
      /organizations.csv: the header does not match format 'curated'/,
    );
    expect(await orgIds(db)).toEqual([]);
  });

  it('accepts an extra column in the header but rejects a row with an extra field', async () => {
    const file = tempFile(
      'organizations.csv',
      [`${ORG_HEADER},note`, `${org('AAA')},n`, `${org('BBB')},n,surplus`].join('\n'),
    );
    const s = await runImport(db, 'curated', [file]);
    expect(s.issues).toEqual([
      { file: 'organizations.csv', line: 3, field: '(row)', reason: 'has 12 fields, the header has 11' },
    ]);
    expect(await orgIds(db)).toEqual(['AAA']);
  });

  it('names the format a file of another format looks like', async () => {
    const states = fs.readFileSync(path.join(CURATED_DIR, 'states.csv'));
    const file = tempFile('organizations.csv', states);
    await expect(runImport(db, 'curated', [file])).rejects.toThrow(/looks like format 'curated \(States/);
  });

  it('stops on an empty file', async () => {
    await expect(runImport(db, 'curated', [tempFile('organizations.csv', '')])).rejects.toThrow(ImportFatalError);
    await expect(runImport(db, 'curated', [tempFile('organizations.csv', '')])).rejects.toThrow(/is empty/);
  });

  it('rejects a truncated last line and keeps the rows before it', async () => {
    const cut = tempFile('organizations.csv', [ORG_HEADER, org('AAA'), 'BBB,Org B,BB'].join('\n'));
    const s1 = await runImport(db, 'curated', [cut]);
    expect(s1.issues).toEqual([
      { file: 'organizations.csv', line: 3, field: '(row)', reason: 'has 3 fields, the header has 10' },
    ]);
    const openQuote = tempFile('organizations.csv', [ORG_HEADER, org('CCC'), 'DDD,"Org D'].join('\n'));
    const s2 = await runImport(db, 'curated', [openQuote]);
    expect(s2.issues).toHaveLength(1);
    expect(s2.issues[0]).toMatchObject({ line: 3, field: '(row)' });
    expect(s2.issues[0]?.reason).toMatch(/unterminated quote/);
    expect(await orgIds(db)).toEqual(['AAA', 'CCC']);
  });

  it('rejects a row with invalid UTF-8 and names the field', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${ORG_HEADER}\n${org('AAA')}\nBBB,Org `),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`,BBB,regional,1990,,,,,doc\n`),
    ]);
    const s = await runImport(db, 'curated', [tempFile('organizations.csv', bytes)]);
    expect(s.issues).toEqual([{ file: 'organizations.csv', line: 3, field: 'name', reason: 'is not valid UTF-8' }]);
    expect(await orgIds(db)).toEqual(['AAA']);
  });

  it('rejects the second row of a duplicate key, naming the first line', async () => {
    const s = await runImport(db, 'curated', [
      tempFile('organizations.csv', [ORG_HEADER, org('AAA'), org('BBB'), org('AAA', 'again')].join('\n')),
    ]);
    expect(s.issues).toEqual([
      {
        file: 'organizations.csv',
        line: 4,
        field: 'id',
        reason: "duplicate key: Organization 'AAA' is already given on line 2",
      },
    ]);
  });

  it('writes nothing in strict mode when any row is bad, and nothing in a dry run', async () => {
    const bad = tempFile(
      'organizations.csv',
      [ORG_HEADER, org('AAA'), 'BBB,Org B,BBB,galactic,1990,,,,,doc'].join('\n'),
    );
    const strict = await runImport(db, 'curated', [bad], { strict: true });
    expect(strict.written).toBe(false);
    expect(strict.issues).toHaveLength(1);
    const good = tempFile('organizations.csv', [ORG_HEADER, org('AAA')].join('\n'));
    const dry = await runImport(db, 'curated', [good], { dryRun: true });
    expect(dry.written).toBe(false);
    expect(dry.files[0]).toMatchObject({ rowsRead: 1, rowsImported: 1 });
    expect(await orgIds(db)).toEqual([]);
    const strictGood = await runImport(db, 'curated', [good], { strict: true });
    expect(strictGood.written).toBe(true);
    expect(await orgIds(db)).toEqual(['AAA']);
  });

  it('stops between batches when interrupted, and a second run completes exactly the uninterrupted graph', async () => {
    const states = path.join(CURATED_DIR, 'states.csv');
    await runImport(db, 'curated', [states], { batchSize: 25 });
    const full = await dumpGraph(db);
    await resetGraph(db);

    const controller = new AbortController();
    const partial = await runImport(db, 'curated', [states], {
      batchSize: 25,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.rowsRead >= 50) controller.abort();
      },
    });
    expect(partial.interrupted).toBe(true);
    const partialCount = (await graphCounts(db)).State ?? 0;
    expect(partialCount).toBe(50);
    await runImport(db, 'curated', [states], { batchSize: 25 });
    expect(await dumpGraph(db)).toEqual(full);
  });
});
