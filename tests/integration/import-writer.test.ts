import type { Database } from '../../server/src/db/database';
import { applySchema } from '../../server/src/db/schema';
import { DERIVE_STATEMENTS, deriveSummaries } from '../../server/src/import/derive';
import type { GraphOp } from '../../server/src/import/types';
import { GraphWriter } from '../../server/src/import/writer';
import { REPO_ROOT, resetGraph, testDatabase } from '../helpers/db';

/**
 * The writer's batches (import/writer.ts): relationships grouped by type and by the properties a row sets, sent
 * as row lists. A value a row does not give never overwrites a stored one; the rows of every group map back to
 * their lines.
 */
describe('the graph writer', () => {
  let db: Database;
  const node = (label: 'State' | 'Mission', id: string): GraphOp => ({
    kind: 'node',
    label,
    id,
    props: {},
    onCreate: { name: id },
  });
  const contribution = (state: string, month: string, props: Record<string, number | string | null>): GraphOp => ({
    kind: 'rel',
    type: 'CONTRIBUTED_TO',
    from: state,
    to: 'UNMX',
    key: { source: 'test', from: month, site: '' },
    props: { to: month, ...props },
  });
  const write = (ops: GraphOp[]) =>
    new GraphWriter(db, 'test', 'test:file.csv').writeBatch(ops.map((op, i) => ({ op, line: i + 2 })));
  const stored = () =>
    db.read<{ state: string; month: string; troops: number | null; police: number | null; total: number | null }>(
      `MATCH (s:State)-[c:CONTRIBUTED_TO]->(:Mission {id: 'UNMX'})
       RETURN s.id AS state, c.from AS month, c.troops AS troops, c.police AS police, c.total AS total ORDER BY state, month`,
    );

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await applySchema(db, REPO_ROOT);
  });
  afterAll(async () => {
    await resetGraph(db);
    await db.close();
  });

  it('writes rows with different properties in one batch, each with its own values, and reports a missing endpoint by line', async () => {
    const res = await write([
      node('State', 'AAA'),
      node('State', 'BBB'),
      node('Mission', 'UNMX'),
      contribution('AAA', '2010-01', { troops: 10, total: 12 }),
      contribution('BBB', '2010-01', { police: 3 }),
      contribution('ZZZ', '2010-01', { troops: 1 }),
      contribution('AAA', '2010-02', { troops: 11, police: null, total: 13 }),
    ]);
    expect(res.missing).toEqual([
      { line: 7, reason: "CONTRIBUTED_TO: no State 'ZZZ' or no Mission 'UNMX' in the graph" },
    ]);
    expect(await stored()).toEqual([
      { state: 'AAA', month: '2010-01', troops: 10, police: null, total: 12 },
      { state: 'AAA', month: '2010-02', troops: 11, police: null, total: 13 },
      { state: 'BBB', month: '2010-01', troops: null, police: 3, total: null },
    ]);
  });

  it('keeps a stored value that a later row does not give, and changes nothing on a second run', async () => {
    const later = [
      contribution('AAA', '2010-01', { troops: null, total: 15 }),
      contribution('BBB', '2010-01', { troops: 4 }),
    ];
    await write(later);
    const after = await stored();
    expect(after).toEqual([
      { state: 'AAA', month: '2010-01', troops: 10, police: null, total: 15 },
      { state: 'AAA', month: '2010-02', troops: 11, police: null, total: 13 },
      { state: 'BBB', month: '2010-01', troops: 4, police: 3, total: null },
    ]);
    const again = await write(later);
    expect(again.counters.relationshipsCreated).toBe(0);
    expect(await stored()).toEqual(after);
  });

  it('derives maxPersonnel after PERSONNEL_IN was written, only then, and writes nothing when nothing changed', async () => {
    const personnel = (month: string, total: number): GraphOp => ({
      kind: 'rel',
      type: 'PERSONNEL_IN',
      from: 'UNMX',
      to: 'AAA',
      key: { source: 'test', month },
      props: { total },
    });
    await write([personnel('2010-01', 100), personnel('2010-02', 250)]);
    const peak = async () =>
      (await db.read<{ peak: number | null }>("MATCH (m:Mission {id: 'UNMX'}) RETURN m.maxPersonnel AS peak"))[0]?.peak;
    await deriveSummaries(db, new Set(['PERSONNEL_IN']));
    expect(await peak()).toBe(250);
    await write([personnel('2010-03', 400)]);
    await deriveSummaries(db, new Set(['CONTRIBUTED_TO'])); // not what maxPersonnel is derived from
    expect(await peak()).toBe(250);
    await deriveSummaries(db, new Set(['PERSONNEL_IN']));
    expect(await peak()).toBe(400);
    const again = await db.writeTx((tx) => tx.run(DERIVE_STATEMENTS[0]?.cypher ?? ''));
    expect(again.summary.counters.updates().propertiesSet).toBe(0);
  });
});
