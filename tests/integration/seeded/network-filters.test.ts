import { gql } from '../../helpers/http';
import { seededApi } from '../../helpers/seeded';

type Data = Record<string, any>;

const NETWORK = `query($filter: NetworkFilter) { network(filter: $filter) { nodes { id label organizations } edges { id source target type sources } } }`;

/** The network's filters by kind of organization and by dataset, on the shipped graph. */
describe('network filters by kind of organization and by source', () => {
  const { data, db, app } = seededApi();
  const network = async (filter: Data) => (await data(NETWORK, { filter })).network as { nodes: Data[]; edges: Data[] };
  const missionIds = (g: { nodes: Data[] }) => g.nodes.filter((n) => n.label === 'Mission').map((n) => n.id as string);

  it('keeps only the missions an organization of the chosen kinds deploys', async () => {
    const g = await network({
      organizationKinds: ['regional'],
      period: { from: '2013', to: '2013' },
      includeStates: false,
      includeConflicts: false,
    });
    const ids = missionIds(g);
    // AU and EU operations stay, and the hybrid UNAMID (UN and AU); UN-only operations go.
    expect(ids).toEqual(expect.arrayContaining(['AMISOM', 'UNAMID', 'EUFOR-ALTHEA']));
    expect(ids).not.toContain('UNMISS');
    expect(ids).not.toContain('MINUSMA');
    // Every mission returned has a regional organization among those that deploy it, as the graph says.
    const rows = await db().read<{ id: string; kinds: string[] }>(
      'MATCH (m:Mission) WHERE m.id IN $ids RETURN m.id AS id, [(o:Organization)-[:DEPLOYED]->(m) | o.kind] AS kinds',
      { ids },
    );
    expect(rows).toHaveLength(ids.length);
    for (const r of rows) expect(r.kinds).toContain('regional');
  });

  it('finds ad hoc coalitions and lead states as kinds of organization', async () => {
    const coalitions = missionIds(
      await network({ organizationKinds: ['ad_hoc_coalition'], includeStates: false, includeConflicts: false }),
    );
    expect(coalitions).toEqual(expect.arrayContaining(['INTERFET', 'UNITAF', 'MFO']));
    expect(coalitions).not.toContain('SERVAL');
    const leadStates = missionIds(
      await network({ organizationKinds: ['lead_state'], includeStates: false, includeConflicts: false }),
    );
    expect(leadStates).toEqual(expect.arrayContaining(['SERVAL', 'LICORNE', 'INTERFET']));
    expect(leadStates).not.toContain('UNMISS');
    const both = missionIds(
      await network({
        organizationKinds: ['ad_hoc_coalition', 'lead_state'],
        includeStates: false,
        includeConflicts: false,
      }),
    );
    expect(new Set(both)).toEqual(new Set([...coalitions, ...leadStates]));
  });

  it('shows only what the chosen datasets state: their entities and their relationships', async () => {
    const g = await network({ sources: ['un-pko-list'], includeStates: true, includeConflicts: true });
    const stated = await db().read<{ id: string }>(
      "MATCH (m:Mission) WHERE 'un-pko-list' IN m.sources RETURN m.id AS id",
    );
    expect(stated.length).toBeGreaterThan(50);
    expect(new Set(missionIds(g))).toEqual(new Set(stated.map((r) => r.id)));
    // Every node is one the dataset states, and every edge one it records (listing that source alone).
    const nodeSources = await db().read<{ id: string; sources: string[] }>(
      'MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, n.sources AS sources',
      { ids: g.nodes.map((n) => n.id) },
    );
    expect(nodeSources).toHaveLength(g.nodes.length);
    for (const n of nodeSources) expect(n.sources).toContain('un-pko-list');
    expect(g.edges.length).toBeGreaterThan(50);
    for (const e of g.edges) expect(e.sources).toEqual(['un-pko-list']);
    expect(g.nodes.find((n) => n.id === 'UN')).toBeDefined();
    // Another dataset gives another picture: Bara and Hultman's hosts and conflicts, without the curated table's.
    const bh = await network({ sources: ['bara-hultman'], includeStates: true, includeConflicts: true });
    expect(bh.edges.some((e) => e.type === 'HOSTED_BY')).toBe(true);
    for (const e of bh.edges) expect(e.sources).toEqual(['bara-hultman']);
  });

  it('applies both filters in the organization network too', async () => {
    const g = await network({ mode: 'ORGANIZATIONS', organizationKinds: ['regional', 'subregional'] });
    const ids = g.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['AU', 'EU']));
    const pkoOnly = await network({ mode: 'ORGANIZATIONS', sources: ['un-pko-list'] });
    expect(pkoOnly.nodes.map((n) => n.id)).toContain('UN');
  });

  it.each([
    ['an unknown kind of organization', { organizationKinds: ['empire'] }],
    ['an unknown dataset', { sources: ['wikipedia'] }],
  ])('rejects %s with BAD_USER_INPUT', async (_what, filter) => {
    const res = await gql<Data>(app().url, NETWORK, { filter });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
