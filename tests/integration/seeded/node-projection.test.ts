import { NODE_FIELD_NAMES, NODE_PROJECTION, NODE_ROW } from '../../../server/src/modules/graph/graph.cypher';
import { rawNodeOfRow } from '../../../server/src/modules/graph/graph.mapper';
import { seededApi } from '../../helpers/seeded';

/**
 * The two forms of a node in the graph statements: NODE_PROJECTION (a map) and NODE_ROW (a list, for the statements
 * that return thousands of nodes). Read back by rawNodeOfRow, a row must give the map field for field, for nodes of
 * every label on the shipped graph.
 */
describe('a node as a row and as a map', () => {
  const { db } = seededApi();

  it('gives the same fields for missions, organizations, states, conflicts and people', async () => {
    const rows = await db().read<{ label: string; map: Record<string, unknown>; row: unknown[] }>(
      `MATCH (n) WHERE n:Mission OR n:Organization OR n:State OR n:Conflict OR n:Person
       WITH labels(n)[0] AS label, n ORDER BY n.id
       WITH label, collect(n)[..40] AS ns
       UNWIND ns AS n
       RETURN label, ${NODE_PROJECTION('n')} AS map, ${NODE_ROW('n')} AS row`,
    );
    expect(new Set(rows.map((r) => r.label))).toEqual(
      new Set(['Mission', 'Organization', 'State', 'Conflict', 'Person']),
    );
    for (const r of rows) expect(rawNodeOfRow(r.row)).toEqual(r.map);
    // Fields that are not null somewhere, so that the comparison covers values and not only nulls.
    const set = (k: string) => rows.some((r) => r.map[k] !== null && !(Array.isArray(r.map[k]) && !r.map[k].length));
    for (const k of NODE_FIELD_NAMES) expect([k, set(k)]).toEqual([k, true]);
  });
});
