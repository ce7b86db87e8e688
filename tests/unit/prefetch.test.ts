import type { Database } from '../../server/src/db/database';
import { Loaders } from '../../server/src/request/loaders';
import { primeRelations, withRelations } from '../../server/src/modules/common/prefetch';

/** The statement building and row splitting of the look-ahead; its answers on a real graph: seeded/look-ahead.test.ts. */
describe('the look-ahead of root fields', () => {
  const ROOT = 'MATCH (n:Mission {id: $id}) RETURN n {.id} AS n';
  const REL_A =
    'UNWIND $ids AS id MATCH (m:Mission {id: id})-[:HOSTED_BY]->(s:State) RETURN id AS key, s {.id} AS item';
  const REL_B =
    'UNWIND $ids AS id MATCH (m:Mission {id: id})<-[c:CONTRIBUTED_TO]-(s:State) WHERE $source IS NULL OR c.source = $source RETURN id AS key, s {.id} AS item';

  it('leaves a root statement alone when nothing is read ahead', () => {
    expect(withRelations(ROOT, ['n'], '[n.id]', { id: 'X' }, [])).toEqual({ cypher: ROOT, params: { id: 'X' } });
  });

  it('reads each relation over the root ids with its own renamed parameters', () => {
    const q = withRelations(ROOT, ['n'], '[n.id]', { id: 'X' }, [
      { cypher: REL_A, params: {} },
      { cypher: REL_B, params: { source: 'ipi-contributions' } },
    ]);
    expect(q.params).toEqual({ id: 'X', __rel1_source: 'ipi-contributions' });
    expect(q.cypher).toContain('WITH *, [n.id] AS __ids');
    expect(q.cypher).toContain('UNWIND __ids AS id MATCH (m:Mission {id: id})-[:HOSTED_BY]');
    expect(q.cypher).toContain('WHERE $__rel1_source IS NULL OR c.source = $__rel1_source');
    expect(q.cypher).not.toContain('$ids');
    expect(q.cypher).not.toMatch(/\$source\b/);
    expect(q.cypher).toContain('RETURN __rel, __key, __item, CASE WHEN __rel < 0 THEN n END AS n');
  });

  it('refuses a relation statement that does not start from $ids', () => {
    expect(() =>
      withRelations(ROOT, ['n'], '[n.id]', {}, [{ cypher: 'MATCH (m) RETURN m.id AS key, m AS item', params: {} }]),
    ).toThrow(/UNWIND \$ids AS id/);
  });

  it('splits the streamed rows into the root row and each relation, in order, and primes the loaders', async () => {
    const loaders = new Loaders({} as Database); // primed lists are answered without the database
    const planned = [
      { cypher: REL_A, params: {} },
      { cypher: REL_B, params: { source: null } },
    ];
    const rows = [
      { __rel: 0, __key: 'M1', __item: { id: 'S2' } },
      { __rel: -1, __key: null, __item: null, page: [{ id: 'M1' }, { id: 'M2' }] },
      { __rel: 1, __key: 'M2', __item: { id: 'S9' } },
      { __rel: 0, __key: 'M1', __item: { id: 'S1' } },
    ];
    const root = primeRelations(loaders, planned, rows, (r) => (r.page ?? []).map((p) => p.id));
    expect(root?.page).toEqual([{ id: 'M1' }, { id: 'M2' }]);
    expect(await loaders.many(REL_A).loadMany(['M1', 'M2'])).toEqual([[{ id: 'S2' }, { id: 'S1' }], []]);
    expect(await loaders.many(REL_B, { source: null }).loadMany(['M1', 'M2'])).toEqual([[], [{ id: 'S9' }]]);
  });

  it('reads a relation of entities as one list of [key, item] pairs, and splits it as the streamed rows', async () => {
    const planned = [
      { cypher: REL_A, params: {}, collected: true },
      { cypher: REL_B, params: { source: null } },
    ];
    const q = withRelations(ROOT, ['n'], '[n.id]', { id: 'X' }, planned);
    expect(q.cypher).toContain('RETURN 0 AS __rel, null AS __key, collect([key, item]) AS __item');
    expect(q.cypher).toContain('RETURN 1 AS __rel, key AS __key, item AS __item');
    const loaders = new Loaders({} as Database);
    const rows = [
      { __rel: -1, __key: null, __item: null, n: { id: 'M1' } },
      {
        __rel: 0,
        __key: null,
        __item: [
          ['M1', { id: 'S2' }],
          ['M1', { id: 'S1' }],
          ['M9', { id: 'S5' }],
        ],
      },
      { __rel: 1, __key: 'M1', __item: { id: 'S9' } },
    ];
    expect(primeRelations(loaders, planned, rows, () => ['M1'])?.n).toEqual({ id: 'M1' });
    expect(await loaders.many(REL_A).load('M1')).toEqual([{ id: 'S2' }, { id: 'S1' }]); // M9 is no root id: dropped
    expect(await loaders.many(REL_B, { source: null }).load('M1')).toEqual([{ id: 'S9' }]);
  });

  it('gives nothing to the loaders when the root found nothing', () => {
    const loaders = new Loaders({} as Database);
    expect(primeRelations(loaders, [{ cypher: REL_A, params: {} }], [], () => ['M1'])).toBeUndefined();
  });
});
