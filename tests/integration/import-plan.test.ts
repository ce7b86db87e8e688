import type { Database } from '../../server/src/db/database';
import { applySchema } from '../../server/src/db/schema';
import { REL_SPECS, REL_TYPES } from '../../server/src/model/graph';
import type { RelSpec } from '../../server/src/model/graph';
import { relStatement } from '../../server/src/import/writer';
import { REPO_ROOT, testDatabase } from '../helpers/db';

/** The operators of a plan, depth first. */
function operators(plan: { operatorType: string; children: unknown[] }): string[] {
  return [plan.operatorType, ...plan.children.flatMap((c) => operators(c as typeof plan))];
}

/**
 * Time-series relationships (a state holds hundreds of CONTRIBUTED_TO relationships to one mission) are merged
 * through the `uid` uniqueness constraint: the plan seeks that index instead of expanding every relationship
 * of the pair, which was the import's bottleneck (BENCHMARKS.md, import throughput).
 */
describe('the import statements plan index seeks', () => {
  let db: Database;

  beforeAll(async () => {
    db = testDatabase();
    await applySchema(db, REPO_ROOT);
  });
  afterAll(() => db.close());

  const series = REL_TYPES.filter((t) => (REL_SPECS[t] as RelSpec).series);

  it('marks the monthly series as series types', () => {
    expect(series).toEqual(['CONTRIBUTED_TO', 'PERSONNEL_IN']);
  });

  it.each(series)('%s merges through its uid constraint', async (type) => {
    const session = db.driver.session({ database: db.name });
    try {
      const res = await session.run(`EXPLAIN ${relStatement(type, ['to', 'total'])}`, { rows: [], dataset: 'd' });
      const ops = operators(res.summary.plan as never);
      expect(ops.some((o) => /RelationshipUniqueIndexSeek/.test(o))).toBe(true);
      expect(ops.some((o) => /Expand\(Into\)/.test(o))).toBe(false);
      // Properties set by name: no Eager operator materialises the whole batch between the steps.
      expect(ops.filter((o) => /Eager/.test(o) && !/Aggregation/.test(o))).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
