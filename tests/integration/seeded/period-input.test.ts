import type { RunningApp } from '../../../server/src/http/app';
import { testConfig } from '../../helpers/db';
import { gql, startTestApp } from '../../helpers/http';
import { seededApi } from '../../helpers/seeded';

/**
 * One period input everywhere (issue 18, "GraphQL conventions"): every field that takes a time takes
 * `period: {from, to}`; the older arguments (`activeIn`, `activeInYear`, `between`, `asOf`, `from`/`to`,
 * `fromYear`/`toYear`) are deprecated and still answer, the same as the period of the same time. On the shipped
 * graph: each field asked the same time both ways gives the same answer, the deprecations are in the
 * introspection, both forms at once are refused, and both forms cost the same.
 */
const api = seededApi();

type Data = Record<string, any>;
type Reply = { errors?: { message: string; extensions?: { code?: string; argument?: string } }[]; data?: Data };

const ask = async (query: string): Promise<Reply> => (await gql<Data>(api.app().url, query)).body as Reply;

/** Asks a field the old way and the new way, expects the same answer, and returns it. */
async function same(old: string, now: string): Promise<Data> {
  const [a, b] = await Promise.all([api.data(old), api.data(now)]);
  expect(b).toEqual(a);
  return a;
}

const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('each field asked the same time with period and with its older arguments', () => {
  it('Query.missions: activeInYear is the period of that year, activeIn the same period', async () => {
    const q = (args: string) => `{ missions(first: 500, ${args}) { totalCount items { id } } }`;
    const year = await same(q('activeInYear: 2008'), q('period: {from: "2008", to: "2008"}'));
    expect(year.missions.totalCount).toBeGreaterThan(20);
    const span = await same(
      q('activeIn: {from: "2005-06", to: "2007-02-15"}'),
      q('period: {from: "2005-06", to: "2007-02-15"}'),
    );
    expect(span.missions.totalCount).toBeGreaterThan(20);
    // The period narrows the list: a month of 1960 is not the whole of 2008.
    const other = await api.data(q('period: {from: "1960-07", to: "1960-07"}'));
    expect(other.missions.totalCount).toBeLessThan(year.missions.totalCount);
  });

  it('Query.coDeployments: between', async () => {
    const q = (args: string) =>
      `{ coDeployments(${args}, first: 500) { a { id } b { id } unit { id } from to months } }`;
    const d = await same(q('between: {from: "2010", to: "2012"}'), q('period: {from: "2010", to: "2012"}'));
    expect(d.coDeployments.length).toBeGreaterThan(10);
    // The period is read: pairs of the 1990s are not those of 2010-2012.
    expect(await api.data(q('period: {from: "1994", to: "1995"}'))).not.toEqual(d);
  });

  it('Query.conflictComplexity: fromYear/toYear are the years of the period', async () => {
    const q = (args: string) =>
      `{ conflictComplexity(unitId: "ucdp-309", ${args}) { unitId years { year missions organizations intensity missionIds organizationIds } } }`;
    const d = await same(q('fromYear: 2002, toYear: 2010'), q('period: {from: "2002", to: "2010"}'));
    expect(d.conflictComplexity.years.map((y: Data) => y.year)).toEqual([
      2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010,
    ]);
    expect(d.conflictComplexity.years.some((y: Data) => y.missions > 0)).toBe(true);
    // A period of months reports the years its dates fall in.
    expect(await api.data(q('period: {from: "2002-06", to: "2010-03-31"}'))).toEqual(d);
  });

  it('Query.cooperationNetwork: from/to', async () => {
    const q = (args: string) =>
      `{ cooperationNetwork(${args}) { from to organizations ties density centralization edges { a b weight } } }`;
    const d = await same(q('from: "2008", to: "2008"'), q('period: {from: "2008", to: "2008"}'));
    expect(d.cooperationNetwork.ties).toBeGreaterThan(0);
    expect(d.cooperationNetwork).toMatchObject({ from: '2008-01-01', to: '2008-12-31' });
  });

  it('Query.mspoShare: from/to, by year and by month', async () => {
    const q = (args: string) =>
      `{ mspoShare(${args}) { granularity periods { period activeMissions mspoMissions share mspoMissionIds } } }`;
    const years = await same(q('from: "2000", to: "2010"'), q('period: {from: "2000", to: "2010"}'));
    expect(years.mspoShare.periods).toHaveLength(11);
    expect(years.mspoShare.periods.some((p: Data) => p.mspoMissions > 0)).toBe(true);
    const months = await same(
      q('from: "2008-01", to: "2008-12", granularity: MONTH'),
      q('period: {from: "2008-01", to: "2008-12"}, granularity: MONTH'),
    );
    expect(months.mspoShare.periods).toHaveLength(12);
  });

  it('Query.neighbors: activeIn', async () => {
    const q = (args: string) =>
      `{ neighbors(id: "UNAMID", depth: 1, ${args}) { nodes { id } edges { source target type } truncated } }`;
    const d = await same(q('activeIn: {from: "2010", to: "2012"}'), q('period: {from: "2010", to: "2012"}'));
    expect(d.neighbors.nodes.length).toBeGreaterThan(3);
  });

  it('Query.pairTypes: from/to', async () => {
    const q = (args: string) =>
      `{ pairTypes(${args}, first: 50) { parallel sequential bridging total byYear { year total } pairs { totalCount items { missionA missionB pairType pairStart overlapDays } } } }`;
    const d = await same(q('from: "2000", to: "2010"'), q('period: {from: "2000", to: "2010"}'));
    expect(d.pairTypes.total).toBeGreaterThan(10);
  });

  it('Query.paths: activeIn', async () => {
    const q = (args: string) => `{ paths(from: "NATO", to: "EU", k: 3, ${args}) { length sentence nodes { id } } }`;
    const d = await same(q('activeIn: {from: "2004", to: "2012"}'), q('period: {from: "2004", to: "2012"}'));
    expect(d.paths.length).toBeGreaterThan(0);
  });

  it('Query.sharedPersonnel: asOf a month is that month, asOf a year the peak month of the year, between the same period', async () => {
    const q = (args: string) =>
      `{ sharedPersonnel(a: "UNMISS", b: "UNAMID", ${args}) { jaccard cosine contributorsA contributorsB states { state { id } a b } sources period } }`;
    const month = await same(q('asOf: "2013-12"'), q('period: {from: "2013-12", to: "2013-12"}'));
    expect(month.sharedPersonnel.states.length).toBeGreaterThan(3);
    expect(month.sharedPersonnel.period).toBe('2013-12/2013-12');
    // A day means its month.
    expect(await api.data(q('asOf: "2013-12-15"'))).toEqual(month);
    const year = await same(q('asOf: "2013"'), q('period: {from: "2013", to: "2013"}'));
    expect(year.sharedPersonnel.period).toBe('2013-01/2013-12');
    const span = await same(q('between: {from: "2012-06", to: "2014"}'), q('period: {from: "2012-06", to: "2014"}'));
    expect(span.sharedPersonnel.states.length).toBeGreaterThan(3);
  });

  it('Query.stats: from/to are the years of the period', async () => {
    const q = (args: string) =>
      `{ stats(${args}) { years { year missionsActive personnel mspoShare } organizations { organization { id } years { year missionsActive personnel } } } }`;
    const d = await same(q('from: 2005, to: 2010'), q('period: {from: "2005", to: "2010"}'));
    expect(d.stats.years.map((y: Data) => y.year)).toEqual([2005, 2006, 2007, 2008, 2009, 2010]);
    expect(d.stats.years.every((y: Data) => y.missionsActive > 0)).toBe(true);
  });

  it('Mission.contributors: asOf and between', async () => {
    const q = (args: string) =>
      `{ mission(id: "UNAMID") { contributors(${args}) { state { id } personnel sources } } }`;
    const month = await same(q('asOf: "2012-12"'), q('period: {from: "2012-12", to: "2012-12"}'));
    expect(month.mission.contributors.length).toBeGreaterThan(10);
    const year = await same(q('asOf: "2012"'), q('period: {from: "2012", to: "2012"}'));
    expect(year.mission.contributors.length).toBeGreaterThan(10);
    // The period is read: the figures of one month are not those of every month.
    expect(
      (await api.data('{ mission(id: "UNAMID") { contributors { state { id } personnel sources } } }')).mission
        .contributors,
    ).not.toEqual(month.mission.contributors);
    await same(q('between: {from: "2010", to: "2011-06"}'), q('period: {from: "2010", to: "2011-06"}'));
    // Read ahead by the root field (prefetch.ts) and through the field's loader, the same answer.
    const listed = await api.data(
      `{ missions(first: 10, hostState: "SDN", period: {from: "2012-12", to: "2012-12"}) { items { id contributors(period: {from: "2012-12", to: "2012-12"}) { state { id } personnel sources } } } }`,
    );
    expect(listed.missions.items.find((m: Data) => m.id === 'UNAMID').contributors).toEqual(month.mission.contributors);
  });

  it('Mission.personnelByYear: from/to are the years of the period', async () => {
    const q = (args: string) =>
      `{ mission(id: "UNAMID") { personnelByYear(${args}) { year personnel monthsActive monthsWithFigure sources } } }`;
    const d = await same(q('from: 2008, to: 2012'), q('period: {from: "2008", to: "2012"}'));
    expect(d.mission.personnelByYear.map((y: Data) => y.year)).toEqual([2008, 2009, 2010, 2011, 2012]);
    expect(d.mission.personnelByYear.every((y: Data) => y.personnel > 0)).toBe(true);
    // An open end is the older argument's default.
    await same(q('from: 2015'), q('period: {from: "2015"}'));
  });

  it('Organization.missions: activeIn', async () => {
    const q = (args: string) => `{ organization(id: "EU") { missions(${args}) { id } } }`;
    const d = await same(q('activeIn: {from: "2008", to: "2009"}'), q('period: {from: "2008", to: "2009"}'));
    expect(d.organization.missions.length).toBeGreaterThan(5);
    const all = await api.data('{ organization(id: "EU") { missions { id } } }');
    expect(ids(all.organization.missions)).toEqual(expect.arrayContaining(ids(d.organization.missions)));
    expect(all.organization.missions.length).toBeGreaterThan(d.organization.missions.length);
  });

  it('State.contributions: between', async () => {
    const q = (args: string) => `{ state(id: "NPL") { contributions(${args}) { mission { id } personnel sources } } }`;
    const d = await same(q('between: {from: "2012", to: "2012"}'), q('period: {from: "2012", to: "2012"}'));
    expect(d.state.contributions.length).toBeGreaterThan(3);
    expect(
      (await api.data('{ state(id: "NPL") { contributions { mission { id } personnel sources } } }')).state
        .contributions,
    ).not.toEqual(d.state.contributions);
  });
});

describe('the older arguments in the introspection', () => {
  /** Fields with a period, and the older arguments each still takes. */
  const DEPRECATED: Record<string, string[]> = {
    'Query.missions': ['activeIn', 'activeInYear'],
    'Query.coDeployments': ['between'],
    'Query.conflictComplexity': ['fromYear', 'toYear'],
    'Query.cooperationNetwork': ['from', 'to'],
    'Query.mspoShare': ['from', 'to'],
    'Query.neighbors': ['activeIn'],
    'Query.pairTypes': ['from', 'to'],
    'Query.paths': ['activeIn'],
    'Query.sharedPersonnel': ['asOf', 'between'],
    'Query.stats': ['from', 'to'],
    'Mission.contributors': ['asOf', 'between'],
    'Mission.personnelByYear': ['from', 'to'],
    'Organization.missions': ['activeIn'],
    'State.contributions': ['between'],
  };

  it('marks the region of people deprecated: people have no region', async () => {
    const d = await api.data(
      '{ __type(name: "Query") { fields { name args(includeDeprecated: true) { name isDeprecated deprecationReason } } } }',
    );
    const people = (d.__type.fields as Data[]).find((f) => f.name === 'people');
    expect((people?.args as Data[]).find((a) => a.name === 'region')).toEqual({
      name: 'region',
      isDeprecated: true,
      deprecationReason: 'People have no region; the argument was never applied.',
    });
  });

  it('marks each older time argument deprecated ("Use period."), beside a period that is not', async () => {
    const fields =
      '{ name args(includeDeprecated: true) { name isDeprecated deprecationReason type { name kind ofType { name } } } }';
    const d =
      await api.data(`{ q: __type(name: "Query") { fields ${fields} } m: __type(name: "Mission") { fields ${fields} }
      o: __type(name: "Organization") { fields ${fields} } s: __type(name: "State") { fields ${fields} } }`);
    const seen: Record<string, string[]> = {};
    const periods: string[] = [];
    for (const [type, t] of [
      ['Query', d.q],
      ['Mission', d.m],
      ['Organization', d.o],
      ['State', d.s],
    ] as const) {
      for (const f of t.fields as Data[]) {
        const deprecated = (f.args as Data[]).filter(
          (a) => a.isDeprecated && `${type}.${f.name}(${a.name})` !== 'Query.people(region)',
        );
        if (deprecated.length) seen[`${type}.${f.name}`] = deprecated.map((a) => a.name).sort();
        for (const a of deprecated)
          expect({
            arg: `${type}.${f.name}(${a.name})`,
            reason: a.deprecationReason,
            nullable: a.type.kind !== 'NON_NULL',
          }).toEqual({ arg: `${type}.${f.name}(${a.name})`, reason: 'Use period.', nullable: true });
        const period = (f.args as Data[]).find((a) => a.name === 'period');
        if (period) {
          expect(period).toMatchObject({
            isDeprecated: false,
            deprecationReason: null,
            type: { name: 'PeriodInput', kind: 'INPUT_OBJECT' },
          });
          periods.push(`${type}.${f.name}`);
        }
      }
    }
    expect(seen).toEqual(DEPRECATED);
    // Every field with a deprecated time argument takes period.
    expect(periods).toEqual(expect.arrayContaining(Object.keys(DEPRECATED)));
    // Without includeDeprecated, a client sees only period.
    const plain = await api.data('{ __type(name: "Query") { fields { name args { name } } } }');
    const missions = (plain.__type.fields as Data[]).find((f) => f.name === 'missions');
    expect(missions?.args.map((a: Data) => a.name)).toEqual(expect.arrayContaining(['period']));
    expect(missions?.args.map((a: Data) => a.name)).not.toContain('activeInYear');
  });
});

describe('period and an older argument at once', () => {
  it.each([
    ['Query.missions', '{ missions(activeInYear: 2008, period: {from: "2008"}) { totalCount } }'],
    ['Query.coDeployments', '{ coDeployments(between: {from: "2010"}, period: {from: "2010"}) { months } }'],
    [
      'Query.conflictComplexity',
      '{ conflictComplexity(unitId: "ucdp-309", fromYear: 2002, toYear: 2004, period: {from: "2002", to: "2004"}) { unitId } }',
    ],
    [
      'Query.cooperationNetwork',
      '{ cooperationNetwork(from: "2008", to: "2008", period: {from: "2008", to: "2008"}) { ties } }',
    ],
    ['Query.mspoShare', '{ mspoShare(from: "2008", period: {from: "2008", to: "2009"}) { granularity } }'],
    ['Query.neighbors', '{ neighbors(id: "UN", activeIn: {from: "2008"}, period: {from: "2008"}) { truncated } }'],
    ['Query.pairTypes', '{ pairTypes(from: "2000", to: "2001", period: {from: "2000", to: "2001"}) { total } }'],
    ['Query.paths', '{ paths(from: "NATO", to: "EU", activeIn: {from: "2008"}, period: {from: "2008"}) { length } }'],
    [
      'Query.sharedPersonnel',
      '{ sharedPersonnel(a: "UNMISS", b: "UNAMID", asOf: "2013-12", period: {from: "2013-12", to: "2013-12"}) { jaccard } }',
    ],
    ['Query.stats', '{ stats(from: 2005, period: {from: "2005"}) { years { year } } }'],
    [
      'Mission.contributors',
      '{ mission(id: "UNAMID") { contributors(asOf: "2012-12", period: {from: "2012-12", to: "2012-12"}) { personnel } } }',
    ],
    [
      'Mission.personnelByYear',
      '{ mission(id: "UNAMID") { personnelByYear(to: 2010, period: {to: "2010"}) { year } } }',
    ],
    [
      'Organization.missions',
      '{ organization(id: "EU") { missions(activeIn: {from: "2008"}, period: {from: "2008"}) { id } } }',
    ],
    [
      'State.contributions',
      '{ state(id: "NPL") { contributions(between: {from: "2012"}, period: {from: "2012"}) { personnel } } }',
    ],
  ])('%s is refused with BAD_USER_INPUT naming period', async (_field, query) => {
    const r = await ask(query);
    expect(r.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/takes one period: give period or .+, not both \(.+ deprecated: use period\)/),
      extensions: { code: 'BAD_USER_INPUT', argument: 'period' },
    });
    expect(r.data?.[Object.keys(r.data ?? {})[0] ?? ''] ?? null).toBeNull();
  });

  it.each([
    ['Query.mspoShare', '{ mspoShare(ARGS) { granularity } }'],
    ['Query.pairTypes', '{ pairTypes(ARGS) { total } }'],
    ['Query.cooperationNetwork', '{ cooperationNetwork(ARGS) { ties } }'],
    ['Query.conflictComplexity', '{ conflictComplexity(unitId: "ucdp-309", ARGS) { unitId } }'],
  ])(
    '%s, which needs a period, refuses none, an open end, or half of the older pair, with BAD_USER_INPUT naming the argument',
    async (_field, query) => {
      const none = await ask(query.replace(/,? ?ARGS/, '').replace('()', ''));
      expect(none.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/needs a period: give period \{from, to\}/),
        extensions: { code: 'BAD_USER_INPUT', argument: 'period' },
      });
      const open = await ask(query.replace('ARGS', 'period: {from: "2008"}'));
      expect(open.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/needs both ends of its period: period.to is missing/),
        extensions: { code: 'BAD_USER_INPUT', argument: 'period.to' },
      });
      const half = await ask(
        query.replace('ARGS', query.includes('conflictComplexity') ? 'fromYear: 2008' : 'from: "2008"'),
      );
      expect(half.errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', argument: query.includes('conflictComplexity') ? 'toYear' : 'to' },
      });
    },
  );
});

describe('what a period costs', () => {
  let priced: RunningApp;
  beforeAll(async () => {
    // A limit of 1: every query is refused, and the refusal says what it costs.
    priced = await startTestApp(testConfig({ GRAPHQL_MAX_COMPLEXITY: '1' }), api.db());
  });
  afterAll(async () => priced?.stop());

  const costOf = async (query: string): Promise<number> => {
    const r = (await gql<Data>(priced.url, query)).body as Reply;
    const m = /costs (\d+);/.exec(r.errors?.[0]?.message ?? '');
    if (!m) throw new Error(`no cost in ${JSON.stringify(r.errors)}`);
    return Number(m[1]);
  };

  it.each([
    [
      'stats',
      '{ stats(from: 1948, to: 2025) { years { year } } }',
      '{ stats(period: {from: "1948", to: "2025"}) { years { year } } }',
    ],
    [
      'mspoShare',
      '{ mspoShare(from: "1948", to: "2025") { granularity } }',
      '{ mspoShare(period: {from: "1948", to: "2025"}) { granularity } }',
    ],
    [
      'pairTypes',
      '{ pairTypes(from: "1948", to: "2025", first: 10) { total } }',
      '{ pairTypes(period: {from: "1948", to: "2025"}, first: 10) { total } }',
    ],
    [
      'cooperationNetwork',
      '{ cooperationNetwork(from: "1948", to: "2025") { ties } }',
      '{ cooperationNetwork(period: {from: "1948", to: "2025"}) { ties } }',
    ],
    [
      'conflictComplexity',
      '{ conflictComplexity(unitId: "ucdp-309", fromYear: 1948, toYear: 2025) { unitId } }',
      '{ conflictComplexity(unitId: "ucdp-309", period: {from: "1948", to: "2025"}) { unitId } }',
    ],
  ])('%s: a period of 78 years costs what from/to of 78 years cost', async (_field, old, now) => {
    const [a, b, short] = await Promise.all([costOf(old), costOf(now), costOf(now.replace('"1948"', '"2024"'))]);
    expect(b).toBe(a);
    // ... and more than a period of two years: the years are read.
    expect(short).toBeLessThan(b);
  });
});
