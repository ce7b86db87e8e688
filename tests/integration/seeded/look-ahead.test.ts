import type { Database } from '../../../server/src/db/database';
import type { RunningApp } from '../../../server/src/http/app';
import { testConfig, testDatabase } from '../../helpers/db';
import { gql, startTestApp } from '../../helpers/http';
import { ensureSeeded } from '../../helpers/seeded';

type Data = Record<string, any>;

/**
 * The look-ahead of root fields (modules/common/prefetch.ts): nested lists read in the root statement must
 * answer exactly what their loaders answer. `node(id)` has no look-ahead, so the same selection under
 * `... on Mission` is the reference.
 */
describe('nested lists read ahead by the root statement', () => {
  let db: Database;
  let app: RunningApp;
  const data = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await gql<Data>(app.url, query, variables);
    expect(res.body.errors).toBeUndefined();
    return res.body.data as Data;
  };
  const trips = async (query: string, variables: Record<string, unknown> = {}) => {
    const before = db.transactionCount;
    const d = await data(query, variables);
    return { d, trips: db.transactionCount - before };
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

  const MISSION_FIELDS = `id organizations { id } hosts { id } conflicts { id } parent { id } parts { id }
    cooperations { kind direction other { id } } people { role person { id } }
    personnelSeries { month total source }
    now: contributors(asOf: "2012-06") { state { id } personnel sources }
    span: contributors(between: {from: "2010", to: "2011"}, source: "ipi-contributions") { state { id } personnel }`;

  it('answers a page of missions with every nested list as the loaders do, in one round trip', async () => {
    // Missions active in 2011, so that the lists below (IPI contributions of 2010-11, 2012 figures) have rows.
    const { d, trips: n } = await trips(
      `{ missions(first: 60, activeInYear: 2011, sort: {field: START, direction: DESC}) { items { ${MISSION_FIELDS} } } }`,
    );
    expect(n).toBe(1);
    const items = d.missions.items as Data[];
    expect(items).toHaveLength(60);
    // Something in each list, so that the comparison below compares real rows.
    for (const field of ['organizations', 'hosts', 'conflicts', 'personnelSeries', 'now', 'span']) {
      expect(items.some((m) => m[field].length > 0)).toBe(true);
    }
    for (const m of items.filter((_m, i) => i % 6 === 0)) {
      const ref = await data(`query($id: ID!) { node(id: $id) { ... on Mission { ${MISSION_FIELDS} } } }`, {
        id: m.id,
      });
      expect(m).toEqual(ref.node);
    }
  });

  it('reads ahead through aliases, fragments and variables, and leaves out fields skipped by directives', async () => {
    const q = `query($asOf: String, $skip: Boolean!) {
      mission(id: "UNAMID") { ...M h: hosts @skip(if: $skip) { id } c: contributors(asOf: $asOf) { state { id } personnel } }
    }
    fragment M on Mission { organizations { id } ... on Mission { conflicts { id } } }`;
    const { d, trips: n } = await trips(q, { asOf: '2011-03', skip: true });
    expect(n).toBe(1);
    expect(d.mission.organizations.map((o: Data) => o.id)).toEqual(['UN', 'AU']); // the lead first
    expect(d.mission.h).toBeUndefined();
    expect(d.mission.c.length).toBeGreaterThan(20);
    const ref = await data(
      '{ node(id: "UNAMID") { ... on Mission { organizations { id } conflicts { id } c: contributors(asOf: "2011-03") { state { id } personnel } } } }',
    );
    expect(d.mission.organizations).toEqual(ref.node.organizations);
    expect(d.mission.conflicts).toEqual(ref.node.conflicts);
    expect(d.mission.c).toEqual(ref.node.c);
  });

  it('reads only the fields asked for, with the values a read of every field gives, ahead and through the loaders', async () => {
    // Every scalar field of each entity; the narrowed queries ask for a few of them.
    const ALL: Record<string, string> = {
      Mission: 'id name acronym start end kinds mandates aliases sourceRef maxPersonnel sources datasets',
      Organization: 'id name acronym kind founded dissolved cowIgo aliases sourceRef sources datasets',
      State: 'id name cowCode cowAbb gwCode region aliases sources datasets',
      Conflict:
        'id name location sideA sideB type incompatibility territory region start firstYear lastYear intensity { year level } sources datasets',
    };
    const nested = (m: string, o: string, s: string, c: string) =>
      `${m} organizations { ${o} } hosts { ${s} } conflicts { ${c} } parts { ${m} }`;
    const wide = nested(ALL.Mission, ALL.Organization, ALL.State, ALL.Conflict);
    const narrow = nested('acronym start', 'kind founded', 'region', 'intensity { year level } sideB');
    const page = (fields: string) =>
      `{ missions(first: 15, sort: {field: START, direction: DESC}) { items { ${fields} } } }`;
    const full = (await data(page(wide))).missions.items as Data[];
    const read = jest.spyOn(db, 'read');
    const { d, trips: n } = await trips(page(narrow));
    const statement = String(read.mock.calls[0]?.[0]);
    read.mockRestore();
    expect(n).toBe(1);
    // The statement reads what was asked for and not the rest.
    expect(statement).toMatch(/\.founded/);
    expect(statement).not.toMatch(/mandates|cowIgo|gwCode|datasets/);
    const pick = (x: Data, keys: string[]) => Object.fromEntries(keys.map((k) => [k, x[k]]));
    const expected = full.map((m) => ({
      ...pick(m, ['acronym', 'start']),
      organizations: m.organizations.map((o: Data) => pick(o, ['kind', 'founded'])),
      hosts: m.hosts.map((h: Data) => pick(h, ['region'])),
      conflicts: m.conflicts.map((c: Data) => pick(c, ['intensity', 'sideB'])),
      parts: m.parts.map((p: Data) => pick(p, ['acronym', 'start'])),
    }));
    expect(d.missions.items).toEqual(expected);
    expect(
      expected.some(
        (m) =>
          m.conflicts.some((c: Data) => c.intensity.length > 0) &&
          m.hosts.length > 0 &&
          m.organizations.some((o: Data) => o.kind),
      ),
    ).toBe(true);
    // One level deeper than the look-ahead reads: the loaders narrow their statements the same way.
    const deep = (m: string, s: string) => `{ organization(id: "AU") { missions { ${m} hosts { ${s} } } } }`;
    const deepFull = (await data(deep(ALL.Mission, ALL.State))).organization.missions as Data[];
    const deepNarrow = (await data(deep('end maxPersonnel', 'cowCode gwCode'))).organization.missions as Data[];
    expect(deepNarrow).toEqual(
      deepFull.map((m) => ({
        ...pick(m, ['end', 'maxPersonnel']),
        hosts: m.hosts.map((h: Data) => pick(h, ['cowCode', 'gwCode'])),
      })),
    );
    expect(deepNarrow.some((m) => m.maxPersonnel !== null && m.hosts.some((h: Data) => h.cowCode !== null))).toBe(true);
  });

  it('reads a second level ahead in the same round trip, with the answers of the loaders', async () => {
    const missionLists = `id acronym hosts { id name } conflicts { id } organizations { id kind }
      contributors { personnel state { id } } parts { id }`;
    const cases = [
      {
        query: `{ organization(id: "AU") { id missions { ${missionLists} } } }`,
        reference: `{ node(id: "AU") { ... on Organization { id missions { ${missionLists} } } } }`,
        pick: (d: Data) => d.organization,
        pickRef: (d: Data) => d.node,
      },
      {
        query: `{ state(id: "SDN") { id hostedMissions { id organizations { id kind } conflicts { id } } } }`,
        reference: `{ node(id: "SDN") { ... on State { id hostedMissions { id organizations { id kind } conflicts { id } } } } }`,
        pick: (d: Data) => d.state,
        pickRef: (d: Data) => d.node,
      },
      {
        query: `{ missions(first: 20, sort: {field: START, direction: DESC}) { items { id organizations { id predecessors { id } } hosts { id hostedMissions { id } } } } }`,
        reference: null,
        pick: (d: Data) => d.missions.items,
        pickRef: null,
      },
    ];
    for (const c of cases) {
      const { d, trips: n } = await trips(c.query);
      expect(n).toBe(1);
      if (c.reference && c.pickRef) expect(c.pick(d)).toEqual(c.pickRef(await data(c.reference)));
    }
    // The page against each mission through node(id), which reads its lists through the loaders.
    const items = cases[2]?.pick((await trips(cases[2].query)).d) as Data[];
    expect(items.some((m) => m.hosts.some((h: Data) => h.hostedMissions.length > 1))).toBe(true);
    for (const m of items.filter((_m, i) => i % 4 === 0)) {
      const ref = await data(
        `query($id: ID!) { node(id: $id) { ... on Mission { id organizations { id predecessors { id } } hosts { id hostedMissions { id } } } } }`,
        { id: m.id },
      );
      expect(m).toEqual(ref.node);
    }
    // Something read at the second level, so that the comparison compares real rows.
    const au = cases[0]?.pick(await data(cases[0].query)) as Data;
    expect(au.missions.some((m: Data) => m.hosts.length > 0 && m.contributors.length > 0)).toBe(true);
  });

  it("reads only the fields asked for on a contribution's state or mission, ahead and through the loaders", async () => {
    const STATE = 'id name cowCode cowAbb gwCode region aliases sources datasets capital { latitude label }';
    const MISSION = 'id name acronym start end kinds mandates aliases sourceRef maxPersonnel sources datasets';
    const pick = (x: Data, keys: string[]) => Object.fromEntries(keys.map((k) => [k, x[k]]));
    const page = (s: string) =>
      `{ missions(first: 15, sort: {field: START, direction: DESC}) { items { contributors { personnel state { ${s} } } } } }`;
    const full = (await data(page(STATE))).missions.items as Data[];
    const read = jest.spyOn(db, 'read');
    const { d, trips: n } = await trips(page('region capital { label }'));
    const statement = String(read.mock.calls[0]?.[0]);
    read.mockRestore();
    expect(n).toBe(1);
    expect(statement).toMatch(/\.region/);
    expect(statement).not.toMatch(/gwCode|datasets/);
    const expected = full.map((m) => ({
      contributors: m.contributors.map((c: Data) => ({
        personnel: c.personnel,
        state: { region: c.state.region, capital: c.state.capital && { label: c.state.capital.label } },
      })),
    }));
    expect(d.missions.items).toEqual(expected);
    expect(expected.some((m) => m.contributors.some((c: Data) => c.state.region && c.state.capital))).toBe(true);
    // A state's contributions name missions; one level deeper the loaders narrow the same way.
    const byState = (m: string) => `{ state(id: "NPL") { contributions { personnel mission { ${m} } } } }`;
    const stateFull = (await data(byState(MISSION))).state.contributions as Data[];
    const stateNarrow = (await data(byState('start maxPersonnel'))).state.contributions as Data[];
    expect(stateNarrow).toEqual(
      stateFull.map((c) => ({ personnel: c.personnel, mission: pick(c.mission, ['start', 'maxPersonnel']) })),
    );
    expect(stateNarrow.some((c) => c.personnel !== null && c.mission.maxPersonnel !== null)).toBe(true);
    const deep = (s: string) => `{ organization(id: "AU") { missions { contributors { personnel state { ${s} } } } } }`;
    const deepFull = (await data(deep(STATE))).organization.missions as Data[];
    const deepNarrow = (await data(deep('cowCode'))).organization.missions as Data[];
    expect(deepNarrow).toEqual(
      deepFull.map((m) => ({
        contributors: m.contributors.map((c: Data) => ({ personnel: c.personnel, state: pick(c.state, ['cowCode']) })),
      })),
    );
    expect(deepNarrow.some((m) => m.contributors.some((c: Data) => c.state.cowCode !== null))).toBe(true);
  });
  it('reports a bad argument of a nested field from its resolver, as before', async () => {
    const res = await gql<Data>(
      app.url,
      '{ missions(first: 2) { items { id contributors(asOf: "last year") { personnel } } } }',
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/asOf/);
  });

  it('reads ahead the lists of organizations, states, conflicts and people', async () => {
    const cases: [string, string, string][] = [
      [
        'organizations',
        'Organization',
        'missions { id } old: missions(activeIn: {from: "1995", to: "1999"}) { id } members { state { id } end } predecessors { id } successors { id } people { role }',
      ],
      [
        'states',
        'State',
        'hostedMissions { id } memberships(year: 2010) { organization { id } } contributions(between: {from: "2011"}) { mission { id } personnel }',
      ],
      ['conflicts', 'Conflict', 'missions { id } locations { id }'],
      ['people', 'Person', 'posts { role mission { id } organization { id } } nationalityState { id }'],
    ];
    for (const [list, type, fields] of cases) {
      const { d, trips: n } = await trips(`{ ${list}(first: 40) { items { id ${fields} } } }`);
      expect(n).toBe(1);
      for (const item of (d[list].items as Data[]).filter((_x, i) => i % 8 === 0)) {
        const ref = await data(`query($id: ID!) { node(id: $id) { ... on ${type} { id ${fields} } } }`, {
          id: item.id,
        });
        expect(item).toEqual(ref.node);
      }
    }
  });

  it('cuts a page without counting every match when totalCount is not asked for, with the same items and page info', async () => {
    const lists = [
      'missions(first: 7, after: "bzo1", sort: {field: PERSONNEL, direction: DESC})',
      'missions(first: 500, kind: "police")',
      'states(first: 5, after: "bzo1", region: "Western Africa")',
      'organizations(first: 3)',
      'conflicts(first: 400)',
      'people(first: 5, after: "bzo1")',
    ];
    for (const list of lists) {
      const name = list.slice(0, list.indexOf('('));
      const counted = await data(`{ ${list} { totalCount pageInfo { hasNextPage endCursor } items { id } } }`);
      const cut = await data(`{ ${list} { pageInfo { hasNextPage endCursor } items { id } } }`);
      expect(cut[name].items.length).toBeGreaterThan(0);
      expect(cut[name]).toEqual({ pageInfo: counted[name].pageInfo, items: counted[name].items });
    }
  });

  it('lists members whose membership ended when no year is given (the year filter applies only when asked)', async () => {
    const d = await data(
      '{ organization(id: "UN") { members { state { id } end } } state(id: "DDR") { memberships { organization { id } end } } }',
    );
    expect(d.organization.members).toContainEqual({ state: { id: 'DDR' }, end: '1989' });
    expect(d.state.memberships).toContainEqual({ organization: { id: 'UN' }, end: '1989' });
  });
});
