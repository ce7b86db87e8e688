import { seededApi } from '../../helpers/seeded';

type Data = Record<string, any>;

/** What the edge panel reads from the API, on the shipped graph: the documents an edge's records cite. */
describe('edges name the documents their records cite', () => {
  const { data, db } = seededApi();

  it('lists the cited documents of a merged edge, as the graph holds them, in neighbors, network and paths', async () => {
    const d = await data(`query { neighbors(id: "AMIS", types: [SUPPORTED]) { edges { id sources sourceRefs } } }`);
    const edge = (d.neighbors.edges as Data[]).find((e) => e.id === 'SUPPORTED:NATO>AMIS:logistics');
    expect(edge).toBeDefined();
    const rows = await db().read<{ ref: string }>(
      `MATCH (:Organization {id: 'NATO'})-[r:SUPPORTED {kind: 'logistics'}]->(:Mission {id: 'AMIS'}) WHERE r.sourceRef IS NOT NULL RETURN DISTINCT r.sourceRef AS ref ORDER BY ref`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(edge!.sourceRefs).toEqual(rows.map((r) => r.ref));
    expect((edge!.sourceRefs as string[]).some((r) => /https?:\/\//.test(r))).toBe(true);

    const n = await data(
      `query { network(filter: { period: { from: "2005", to: "2005" } }) { edges { id sourceRefs } } }`,
    );
    expect((n.network.edges as Data[]).find((e) => e.id === edge!.id)?.sourceRefs).toEqual(edge!.sourceRefs);
    // Relationships whose sources cite no document give an empty list, never null.
    expect((n.network.edges as Data[]).every((e) => Array.isArray(e.sourceRefs))).toBe(true);

    const p = await data(
      `query { paths(from: "NATO", to: "AMIS", k: 3, types: [SUPPORTED]) { edges { id sourceRefs } } }`,
    );
    expect((p.paths as { edges: Data[] }[]).flatMap((x) => x.edges).find((e) => e.id === edge!.id)?.sourceRefs).toEqual(
      edge!.sourceRefs,
    );
  });
});
