import type { Database } from '../../../server/src/db/database';
import type { RunningApp } from '../../../server/src/http/app';
import { TokenStore } from '../../../server/src/auth/tokens';
import { testConfig, testDatabase } from '../../helpers/db';
import { gql, startTestApp } from '../../helpers/http';
import { ensureSeeded } from '../../helpers/seeded';

type Data = Record<string, any>;

describe('the GraphQL API over HTTP on the shipped graph', () => {
  let db: Database;
  let app: RunningApp;
  const ask = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const res = await gql<Data>(app.url, query, variables, headers);
    return res;
  };
  const data = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await ask(query, variables);
    expect(res.body.errors).toBeUndefined();
    return res.body.data as Data;
  };

  beforeAll(async () => {
    db = testDatabase();
    await ensureSeeded(db);
    app = await startTestApp(testConfig(), db);
  }, 600_000);

  afterAll(async () => {
    await app.stop();
    await db.close();
  });

  it('looks up every kind of entity by id, and returns null for an unknown id', async () => {
    const d = await data(`{
      organization(id: "EU") { name kind }
      mission(id: "UNAMID") { acronym organizations { id } hosts { id } }
      conflict(id: "ucdp-309") { name type intensity { year level } }
      state(id: "NPL") { name cowCode gwCode region }
      person(id: "jan-kubis") { name posts { role organization { id } mission { id } } }
      node(id: "EUFOR-ALTHEA") { __typename id name }
      missing: mission(id: "NO-SUCH-MISSION") { id }
    }`);
    expect(d.organization).toEqual({ name: 'European Union', kind: 'regional' });
    expect(d.mission.organizations.map((o: Data) => o.id).sort()).toEqual(['AU', 'UN']);
    expect(d.mission.hosts).toEqual([{ id: 'SDN' }]);
    expect(d.conflict.name).toMatch(/Sudan/);
    expect(d.conflict.intensity.length).toBeGreaterThan(5);
    expect(d.state).toEqual({ name: 'Nepal', cowCode: 790, gwCode: 790, region: 'Southern Asia' });
    expect(d.person.posts.length).toBeGreaterThanOrEqual(4);
    expect(d.node).toEqual({ __typename: 'Mission', id: 'EUFOR-ALTHEA', name: expect.stringMatching(/Althea/) });
    expect(d.missing).toBeNull();
  });

  it('pages through a filtered, sorted list with cursors', async () => {
    const q = `query($after: String) { missions(first: 3, organization: "EU", activeInYear: 2008, sort: {field: START, direction: ASC}, after: $after) {
      totalCount items { id start } pageInfo { hasNextPage endCursor } } }`;
    const p1 = (await data(q)).missions;
    const p2 = (await data(q, { after: p1.pageInfo.endCursor })).missions;
    expect(p1.totalCount).toBe(p2.totalCount);
    expect(p1.items).toHaveLength(3);
    const starts = [...p1.items, ...p2.items].map((m: Data) => m.start as string);
    expect(starts).toEqual([...starts].sort());
    expect(new Set([...p1.items, ...p2.items].map((m: Data) => m.id)).size).toBe(6);
  });

  it('finds entities by full-text search, ranked', async () => {
    const d = await data('{ search(text: "althea", first: 5) { score node { id label } } }');
    expect(d.search[0].node).toEqual({ id: 'EUFOR-ALTHEA', label: 'Mission' });
    const prefix = await data('{ search(text: "unmi", first: 10) { node { id } } }');
    expect(prefix.search.map((h: Data) => h.node.id)).toEqual(expect.arrayContaining(['UNMISS', 'UNMIK']));
    // An acronym typed in full comes first; a word with one letter wrong still finds its entity.
    const exact = await data(
      '{ un: search(text: "UN", first: 5) { node { id } } au: search(text: "au", first: 5) { node { id } } eu: search(text: "EU", first: 5) { node { id } } }',
    );
    expect([exact.un[0].node.id, exact.au[0].node.id, exact.eu[0].node.id]).toEqual(['UN', 'AU', 'EU']);
    const typo = await data('{ search(text: "UNAMD", first: 10) { node { id } } }');
    expect(typo.search.map((h: Data) => h.node.id)).toContain('UNAMID');
    const typoWords = await data('{ search(text: "Darfr UNAMID", first: 5) { node { id } } }');
    expect(typoWords.search[0]?.node.id).toBe('UNAMID');
  });

  it('returns the surroundings of an entity, filtered by type', async () => {
    const d = await data(
      '{ neighbors(id: "UNAMID", depth: 1, types: [DEPLOYED, COOPERATED_WITH]) { nodes { id } edges { type source target } } }',
    );
    const ids = d.neighbors.nodes.map((n: Data) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['UNAMID', 'UN', 'AU', 'AMIS']));
    expect(d.neighbors.edges.every((e: Data) => ['DEPLOYED', 'COOPERATED_WITH'].includes(e.type))).toBe(true);
  });

  it('finds the k shortest paths with a readable sentence', async () => {
    // Six paths of three steps tie for the shortest (Ocean Shield, SFOR, Allied Harmony, Amber Fox, KFOR): ask for all.
    const d = await data(
      '{ paths(from: "NATO", to: "EU", types: [DEPLOYED, COOPERATED_WITH], k: 8) { length sentence nodes { id } } }',
    );
    expect(d.paths.length).toBeGreaterThanOrEqual(2);
    expect(d.paths.map((p: Data) => p.sentence)).toContain(
      'NATO deployed SFOR, which handed over to EUFOR Althea, which was deployed by EU',
    );
    const lengths = d.paths.map((p: Data) => p.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it('answers sharedPersonnel for two missions as of a month, with the similarity scores', async () => {
    const d = await data(`{ sharedPersonnel(a: "UNMISS", b: "UNAMID", asOf: "2012-12", source: "ipi-contributions") {
      states { state { id name } a b } jaccard cosine contributorsA contributorsB sources } }`);
    const s = d.sharedPersonnel;
    expect(s.sources).toEqual(['ipi-contributions']);
    expect(s.states.length).toBeGreaterThan(10);
    const shared = s.states.length;
    expect(s.jaccard).toBeCloseTo(shared / (s.contributorsA + s.contributorsB - shared), 10);
    expect(s.cosine).toBeGreaterThan(0);
    expect(s.cosine).toBeLessThanOrEqual(1);
    const rwanda = s.states.find((x: Data) => x.state.id === 'RWA');
    expect(rwanda.a).toBeGreaterThan(0);
    expect(rwanda.b).toBeGreaterThan(0);
  });

  it('names the people who held posts on both sides: a mission and an organization, two organizations', async () => {
    // cypher/data/curated/person_posts.csv: Jan Kubis headed UNMOT (1998-1999) and was Secretary General of the OSCE.
    const one = await data('{ sharedPersonnel(a: "UNMOT", b: "OSCE") { people { id } } }');
    expect(one.sharedPersonnel.people.map((p: Data) => p.id)).toEqual(['jan-kubis']);
    // Javier Solana: NATO Secretary General, then EU High Representative; symmetric in its two sides.
    const [ab, ba] = await Promise.all([
      data('{ sharedPersonnel(a: "EU", b: "NATO") { people { id } } }'),
      data('{ sharedPersonnel(a: "NATO", b: "EU") { people { id } } }'),
    ]);
    const ids = (d: Data) => d.sharedPersonnel.people.map((p: Data) => p.id).sort();
    expect(ids(ab)).toContain('javier-solana');
    expect(ids(ab)).toEqual(ids(ba));
    // Frank Mushyo Kamanzi commanded the forces of UNAMID and then of UNMISS; UNTSO and AMISOM share nobody.
    const both = await data('{ sharedPersonnel(a: "UNMISS", b: "UNAMID") { people { id } } }');
    expect(both.sharedPersonnel.people.map((p: Data) => p.id)).toContain('frank-mushyo-kamanzi');
    const none = await data('{ sharedPersonnel(a: "UNTSO", b: "AMISOM") { people { id } } }');
    expect(none.sharedPersonnel.people).toEqual([]);
  });

  it('finds the MSPOs in Mali, with different organizations', async () => {
    const d = await data(
      '{ coDeployments(host: "MLI", differentOrganization: true) { a { id } b { id } months differentOrganizations } }',
    );
    const pairs = d.coDeployments.map((p: Data) => [p.a.id, p.b.id].sort().join('+'));
    expect(pairs).toEqual(expect.arrayContaining(['EUTM-MALI+MINUSMA', 'AFISMA+SERVAL']));
    expect(d.coDeployments.every((p: Data) => p.differentOrganizations)).toBe(true);
  });

  it('draws the network for a filter and the organization projection', async () => {
    const full = await data(
      '{ network(filter: {period: {from: "2013", to: "2013"}, organizations: ["AU"]}) { nodes { id label mspo } edges { type } } }',
    );
    const missions = full.network.nodes.filter((n: Data) => n.label === 'Mission').map((n: Data) => n.id);
    expect(missions).toEqual(expect.arrayContaining(['AMISOM', 'UNAMID', 'AFISMA']));
    const orgs = await data(
      '{ network(filter: {mode: ORGANIZATIONS}) { nodes { id } edges { source target type weight months } } }',
    );
    const dyad = orgs.network.edges.find(
      (e: Data) => e.type === 'CO_DEPLOYED' && [e.source, e.target].sort().join() === 'AU,UN',
    );
    expect(dyad.weight).toBeGreaterThan(2);
  });

  it('gives yearly statistics', async () => {
    const d = await data(
      '{ stats(from: 2010, to: 2012) { years { year missionsActive personnel mspoShare } organizations { organization { id } } } }',
    );
    expect(d.stats.years.map((y: Data) => y.year)).toEqual([2010, 2011, 2012]);
    for (const y of d.stats.years) {
      expect(y.missionsActive).toBeGreaterThan(30);
      expect(y.personnel).toBeGreaterThan(50_000);
      expect(y.mspoShare).toBeGreaterThan(0);
      expect(y.mspoShare).toBeLessThanOrEqual(1);
    }
  });

  it('answers a nested list in a constant number of database round trips', async () => {
    const q =
      '{ missions(first: 50, sort: {field: START, direction: DESC}) { items { id organizations { id } hosts { id } contributors { state { id } personnel } } } }';
    const before = db.transactionCount;
    const d = await data(q);
    const small = db.transactionCount - before;
    expect(d.missions.items).toHaveLength(50);
    const before2 = db.transactionCount;
    await data(q.replace('first: 50', 'first: 200'));
    const large = db.transactionCount - before2;
    expect(small).toBe(1);
    expect(large).toBe(small);
  });

  it.each([
    ['a negative first', '{ missions(first: -1) { totalCount } }', {}],
    [
      'an unknown enum value',
      'query($t: [RelationshipType!]) { neighbors(id: "UN", types: $t) { nodes { id } } }',
      { t: ['NOT_A_TYPE'] },
    ],
    ['a malformed date', '{ network(filter: {period: {from: "2013-13"}}) { nodes { id } } }', {}],
    ['a malformed asOf', '{ sharedPersonnel(a: "UNMISS", b: "UNAMID", asOf: "last year") { jaccard } }', {}],
  ])('rejects %s with BAD_USER_INPUT', async (_what, query, variables) => {
    const res = await ask(query, variables);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe('writes', () => {
    let editor: string;
    let reader: string;
    let revoked: string;
    const upsert = `mutation { upsertOrganization(input: {id: "TEST-ORG", name: "Test Organization", kind: "regional", sourceRef: "test document"}) { id name sources } }`;
    const count = async () => (await db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n'))[0]?.n;

    beforeAll(async () => {
      const store = new TokenStore(db);
      editor = (await store.create('test-editor', 'editor')).token;
      reader = (await store.create('test-reader', 'reader')).token;
      const r = await store.create('test-revoked', 'editor');
      await store.revoke(r.id);
      revoked = r.token;
    });

    afterAll(async () => {
      await db.write(
        "MATCH (n) WHERE n:ApiToken OR n:AuditEntry OR (n:Organization AND n.id = 'TEST-ORG') DETACH DELETE n",
      );
    });

    it.each([
      ['no token', undefined, 'UNAUTHENTICATED'],
      ['a wrong token', 'pog_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'UNAUTHENTICATED'],
      ['a revoked token', 'REVOKED', 'UNAUTHENTICATED'],
      ['a reader token', 'READER', 'FORBIDDEN'],
    ])('refuses a mutation with %s and writes nothing', async (_what, token, code) => {
      const value = token === 'REVOKED' ? revoked : token === 'READER' ? reader : token;
      const before = await count();
      const res = await ask(upsert, {}, value ? { authorization: `Bearer ${value}` } : {});
      expect(res.body.errors?.[0]?.extensions?.code).toBe(code);
      expect(await count()).toBe(before);
    });

    it('refuses an id that another kind of entity already uses, and writes nothing', async () => {
      const headers = { authorization: `Bearer ${editor}` };
      const before = await count();
      const res = await ask(
        'mutation { upsertOrganization(input: {id: "UNMISS", name: "Clash", sourceRef: "test"}) { id } }',
        {},
        headers,
      );
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0]?.message).toContain("'UNMISS' is already used by a Mission");
      expect(await count()).toBe(before);
      expect((await data('{ node(id: "UNMISS") { __typename } }')).node).toEqual({ __typename: 'Mission' });
    });

    it('lets an editor write, idempotently, and records who did what', async () => {
      const headers = { authorization: `Bearer ${editor}` };
      const first = await ask(upsert, {}, headers);
      expect(first.body.data?.upsertOrganization).toEqual({
        id: 'TEST-ORG',
        name: 'Test Organization',
        sources: ['api'],
      });
      const nodes = await count();
      await ask(upsert, {}, headers);
      const audit = await db.read<{ n: number }>(
        "MATCH (a:AuditEntry {actor: 'test-editor', target: 'TEST-ORG'}) RETURN count(a) AS n",
      );
      expect(audit[0]?.n).toBe(2);
      expect(await count()).toBe(nodes + 1); // the second audit entry only
      // A write answers the entities it changed, so that a client cache can update them.
      const link = await ask(
        'mutation { linkEntities(input: {type: DEPLOYED, from: "TEST-ORG", to: "UNAMID", lead: false, sourceRef: "test"}) { type count from { id ... on Organization { missions { id } } } to { id } } }',
        {},
        headers,
      );
      expect(link.body.data?.linkEntities).toEqual({
        type: 'DEPLOYED',
        count: 1,
        from: { id: 'TEST-ORG', missions: [{ id: 'UNAMID' }] },
        to: { id: 'UNAMID' },
      });
      const del = await ask(
        'mutation { deleteEntity(label: Organization, id: "TEST-ORG") { label id deleted } }',
        {},
        headers,
      );
      expect(del.body.data?.deleteEntity).toEqual({ label: 'Organization', id: 'TEST-ORG', deleted: true });
      expect((await data('{ organization(id: "TEST-ORG") { id } }')).organization).toBeNull();
    });
  });
});
