import type { GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLSchema } from 'graphql';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { TokenStore } from '../../server/src/auth/tokens';
import type { Database } from '../../server/src/db/database';
import type { RunningApp } from '../../server/src/http/app';
import { buildGraphQLSchema } from '../../server/src/schema';
import { refreshKeptAggregates, resetGraph, testConfig, testDatabase } from '../helpers/db';
import { dumpGraph, graphCounts } from '../helpers/graph-dump';
import { startTestApp } from '../helpers/http';

/**
 * Cypher injection (issue 9): every string argument of the API, and every argument that chooses a label, a
 * relationship type or a sort key, receives hostile text. Each request is rejected (BAD_USER_INPUT, or NOT_FOUND
 * for an id that does not exist) or harmless (the text is compared as a value), never an internal error, and the
 * graph is unchanged, node for node and property for property.
 */

/** Strings that would break out of a Cypher string literal, map, label or comment if they were concatenated. */
const STRING_PAYLOADS = [
  "' OR 1=1 --",
  '" OR ""="',
  '"}) DETACH DELETE n //',
  "'}) MATCH (n) DETACH DELETE n //",
  '`) MATCH (n) DETACH DELETE n //',
  'Mission` {id: "M1"}) DETACH DELETE n //',
  "\\' OR 1=1 //",
  '\\"}) DETACH DELETE n //',
  "x' OR 1=1 WITH * MATCH (n) DETACH DELETE n //",
  '$id} ) CALL { MATCH (n) DETACH DELETE n } //',
  '\u0000\u0060\u02bc\uff07 OR 1=1', // NUL, backtick, modifier apostrophe, fullwidth apostrophe (NFKC: ')
];

/** Values for enum arguments (labels, relationship types, sort keys, units): each one must be refused. */
const ENUM_PAYLOADS = [
  'Mission` {id: "M1"}) DETACH DELETE n //',
  'Mission) DETACH DELETE n //',
  'DEPLOYED|HOSTED_BY]-() DETACH DELETE n //',
  'ID DESC, m.id; MATCH (n) DETACH DELETE n //',
  'ID`',
  'mission',
];

/** Benign values for the arguments a target needs besides the one under attack. */
function benign(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return benign(type.ofType, name);
  if (isListType(type)) return [benign(type.ofType, name)];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields()))
      if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = benign(f.type, f.name);
    return out;
  }
  switch (type.name) {
    case 'Int':
      return ({ year: 2005, fromYear: 2000, toYear: 2010, first: 10 } as Record<string, number>)[name] ?? 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    default:
      return (
        ({ from: '2000', to: '2010', asOf: '2005-01', a: 'M1', b: 'M2', text: 'mission' } as Record<string, string>)[
          name
        ] ?? 'M1'
      );
  }
}

/** One place in the API where a client-chosen value goes: a root or nested field, an argument, a path inside it. */
interface Target {
  where: string;
  kind: 'string' | 'enum';
  request(payload: string): { query: string; variables: Record<string, unknown> };
}

/** Puts `payload` at `path` inside an argument of type `type` (lists get a one-item list). */
function valueAt(type: GraphQLInputType, path: string[], payload: string): unknown {
  if (isNonNullType(type)) return valueAt(type.ofType, path, payload);
  if (isListType(type)) return [valueAt(type.ofType, path, payload)];
  if (isInputObjectType(type)) {
    const [head, ...rest] = path;
    const base = benign(type, '') as Record<string, unknown>;
    const field = type.getFields()[head];
    if (!field) throw new Error(`no input field ${head} in ${type.name}`);
    return { ...base, [field.name]: valueAt(field.type, rest, payload) };
  }
  return payload;
}

/** Paths to every string or enum leaf of an argument type: [] for the argument itself, ['period', 'from'] inside inputs. */
function leaves(
  type: GraphQLInputType,
  prefix: string[] = [],
  depth = 0,
): { path: string[]; kind: 'string' | 'enum' }[] {
  const named = getNamedType(type);
  if (isEnumType(named)) return [{ path: prefix, kind: 'enum' }];
  if (isScalarType(named))
    return named.name === 'String' || named.name === 'ID' ? [{ path: prefix, kind: 'string' }] : [];
  if (isInputObjectType(named) && depth < 4) {
    return Object.values(named.getFields()).flatMap((f) => leaves(f.type, [...prefix, f.name], depth + 1));
  }
  return [];
}

function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? '{ __typename }' : '';
}

/** The entity lookups through which nested fields with arguments are reached. */
const PARENTS: Partial<Record<string, string>> = {
  Mission: 'mission(id: "M1")',
  Organization: 'organization(id: "EU")',
  State: 'state(id: "NPL")',
  Conflict: 'conflict(id: "ucdp-1")',
  Person: 'person(id: "p-1")',
};

/** Every string and enum argument of every query field, root or nested, as attack targets. */
function targetsOf(schema: GraphQLSchema): { targets: Target[]; unreachable: string[] } {
  const targets: Target[] = [];
  const unreachable: string[] = [];
  const forField = (parent: string | null | undefined, typeName: string, field: GraphQLField<unknown, unknown>) => {
    for (const arg of field.args) {
      for (const leaf of leaves(arg.type)) {
        const where = `${typeName}.${field.name}(${[arg.name, ...leaf.path].join('.')})`;
        if (parent === undefined) {
          unreachable.push(where);
          continue;
        }
        targets.push({
          where,
          kind: leaf.kind,
          request: (payload) => {
            const passed: GraphQLArgument[] = field.args.filter(
              (a) => a === arg || (isNonNullType(a.type) && a.defaultValue === undefined),
            );
            const variables: Record<string, unknown> = {};
            for (const a of passed)
              variables[a.name] = a === arg ? valueAt(a.type, leaf.path, payload) : benign(a.type, a.name);
            const defs = passed.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
            const call = `${field.name}${passed.length ? `(${passed.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''} ${selectionOf(field)}`;
            const body = parent ? `${parent} { ${call} }` : call;
            return { query: `query Attack${defs ? `(${defs})` : ''} { ${body} }`, variables };
          },
        });
      }
    }
  };
  const queryType = schema.getQueryType();
  if (!queryType) throw new Error('no query type');
  for (const f of Object.values(queryType.getFields())) forField(null, 'Query', f);
  for (const t of Object.values(schema.getTypeMap())) {
    if (t.name.startsWith('__') || t === queryType || t === schema.getMutationType() || !isObjectType(t)) continue;
    for (const f of Object.values(t.getFields())) if (f.args.length) forField(PARENTS[t.name], t.name, f);
  }
  return { targets, unreachable };
}

/** JSON with every backtick written as the escape \u0060, the form a filter looking for "`" would miss. */
const escapedBackticks = (json: string) => json.replace(/`/g, '\\u0060');

type Reply = { status: number; errors: { message: string; extensions?: { code?: string } }[]; data: any };

describe('Cypher injection through the API', () => {
  let db: Database;
  let app: RunningApp;
  let editor: string;
  let before: Awaited<ReturnType<typeof dumpGraph>>;

  async function post(body: string, headers: Record<string, string> = {}): Promise<Reply> {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const json = (await res.json()) as { errors?: Reply['errors']; data?: unknown };
    return { status: res.status, errors: json.errors ?? [], data: json.data };
  }
  const ask = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    post(JSON.stringify({ query, variables }), headers);
  const asEditor = (query: string, variables: Record<string, unknown> = {}) =>
    ask(query, variables, { authorization: `Bearer ${editor}` });
  const codes = (r: Reply) => r.errors.map((e) => e.extensions?.code);

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await db.write(
      `CREATE (eu:Organization {id: 'EU', name: 'European Union', acronym: 'EU', kind: 'regional', aliasText: 'EU'}),
              (un:Organization {id: 'UN', name: 'United Nations', acronym: 'UN', kind: 'global'}),
              (trap:Organization {id: $trap, name: 'Trap', acronym: 'TRAP', kind: 'regional'}),
              (m1:Mission {id: 'M1', acronym: 'M1', name: 'Mission One', start: '2000', kinds: ['observer']}),
              (m2:Mission {id: 'M2', acronym: 'M2', name: 'Mission Two', start: '2001'}),
              (s:State {id: 'NPL', name: 'Nepal', region: 'Southern Asia'}),
              (c:Conflict {id: 'ucdp-1', name: 'Conflict One', region: ['Asia']}),
              (p:Person {id: 'p-1', name: 'Person One'}),
              (eu)-[:DEPLOYED {source: 'curated', lead: true}]->(m1),
              (un)-[:DEPLOYED {source: 'curated', lead: true}]->(m2),
              (m1)-[:HOSTED_BY {source: 'curated'}]->(s), (m2)-[:HOSTED_BY {source: 'curated'}]->(s),
              (m1)-[:IN_CONFLICT {source: 'curated'}]->(c), (m2)-[:IN_CONFLICT {source: 'curated'}]->(c),
              (p)-[:SERVED_IN {source: 'curated', role: 'Head of mission', start: '2000'}]->(m1),
              (s)-[:CONTRIBUTED_TO {source: 'ipi-contributions', from: '2005-01', to: '2005-01', site: '', total: 10}]->(m1),
              (m1)-[:PERSONNEL_IN {source: 'ipi-missions', month: '2005-01', total: 10}]->(s)`,
      // An id that is itself an injection string: found by exact match, and only by exact match.
      { trap: "x' OR 1=1 //" },
    );
    await refreshKeptAggregates(db);
    editor = (await new TokenStore(db).create('injection-editor', 'editor')).token;
    app = await startTestApp(testConfig(), db);
    before = await dumpGraph(db);
  });

  afterAll(async () => {
    await app?.stop();
    await resetGraph(db);
    await db.close();
  });

  it('reaches every string and enum argument of the query API (no field with arguments left out)', async () => {
    const { targets, unreachable } = targetsOf(await buildGraphQLSchema());
    expect(unreachable).toEqual([]);
    const where = targets.map((t) => t.where);
    // Spot checks that the walk found the arguments the issue names.
    expect(where).toEqual(
      expect.arrayContaining([
        'Query.mission(id)',
        'Query.search(text)',
        'Query.missions(sort.field)',
        'Query.missions(region)',
        'Query.network(filter.period.from)',
        'Query.neighbors(types)',
        'Query.sharedPersonnel(asOf)',
        'Query.sharedPersonnel(source)',
        'Mission.contributors(source)',
      ]),
    );
    expect(targets.filter((t) => t.kind === 'string').length).toBeGreaterThan(50);
  });

  it('treats hostile text in every string argument as a value: rejected or answered, never an internal error, graph unchanged', async () => {
    const { targets } = targetsOf(await buildGraphQLSchema());
    const failures: string[] = [];
    const jobs = targets.filter((t) => t.kind === 'string').flatMap((t) => STRING_PAYLOADS.map((p) => ({ t, p })));
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const { t, p } = jobs[next++];
        const { query, variables } = t.request(p);
        // Half the requests carry backticks as the JSON escape \u0060.
        const body =
          next % 2 ? escapedBackticks(JSON.stringify({ query, variables })) : JSON.stringify({ query, variables });
        const r = await post(body);
        const bad = r.errors.filter((e) => !['BAD_USER_INPUT', 'NOT_FOUND'].includes(e.extensions?.code ?? ''));
        if (r.status >= 500 || bad.length)
          failures.push(
            `${t.where} <- ${JSON.stringify(p)}: ${r.status} ${bad.map((e) => `${e.extensions?.code}: ${e.message.slice(0, 160)}`).join('; ')}`,
          );
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(failures).toEqual([]);
    expect(await dumpGraph(db)).toEqual(before);
  }, 600_000);

  it('refuses hostile values for every enum argument (labels, relationship types, sort keys, units) before any database work', async () => {
    const { targets } = targetsOf(await buildGraphQLSchema());
    const enums = targets.filter((t) => t.kind === 'enum');
    expect(enums.map((t) => t.where)).toEqual(
      expect.arrayContaining([
        'Query.missions(sort.field)',
        'Query.missions(sort.direction)',
        'Query.paths(types)',
        'Query.coDeployments(unit)',
      ]),
    );
    const failures: string[] = [];
    for (const t of enums) {
      for (const p of ENUM_PAYLOADS) {
        const { query, variables } = t.request(p);
        const transactions = db.transactionCount;
        const r = await post(escapedBackticks(JSON.stringify({ query, variables })));
        if (
          r.status !== 400 ||
          !r.errors.length ||
          codes(r).some((c) => c !== 'BAD_USER_INPUT') ||
          db.transactionCount !== transactions
        ) {
          failures.push(
            `${t.where} <- ${JSON.stringify(p)}: ${r.status} ${JSON.stringify(r.errors.map((e) => e.extensions?.code))}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await dumpGraph(db)).toEqual(before);
  }, 300_000);

  it('refuses backticks written into the document itself, in enum position and as \\u0060 escapes in strings', async () => {
    const inline = [
      '{ missions(sort: {field: ID` }) { totalCount } }',
      '{ missions(sort: {field: "ID` DESC, m.id //"}) { totalCount } }',
      '{ neighbors(id: "M1", types: [DEPLOYED`]) { truncated } }',
      '{ neighbors(id: "M1", types: ["DEPLOYED|HOSTED_BY"]) { truncated } }',
      '{ coDeployments(unit: "CONFLICT`]->() DETACH DELETE n //") { months } }',
    ];
    for (const q of inline) {
      const r = await ask(q);
      expect({ q, status: r.status }).toEqual({ q, status: 400 });
      expect(codes(r).every((c) => c === 'GRAPHQL_PARSE_FAILED' || c === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
    }
    // The GraphQL lexer turns \u0060 into a backtick: it arrives as a value and matches nothing.
    const escaped = await ask(
      '{ mission(id: "M1\\u0060) DETACH DELETE n //") { id } missions(region: "\\u0060Southern Asia\\u0060") { totalCount } }',
    );
    expect(escaped.errors).toEqual([]);
    expect(escaped.data).toEqual({ mission: null, missions: { totalCount: 0 } });
    expect(await dumpGraph(db)).toEqual(before);
  });

  it('compares ids and filters as values: an injection string finds nothing, except the node whose id it exactly is', async () => {
    const trap = "x' OR 1=1 //";
    const r = await ask(
      `query($trap: ID!, $or: ID!, $region: String) {
        exact: organization(id: $trap) { name }
        or: organization(id: $or) { name }
        node(id: $or) { id }
        filtered: missions(organization: $or) { totalCount }
        all: missions { totalCount }
        states(region: $region) { totalCount }
        control: states(region: "Southern Asia") { totalCount }
        region: missions(region: $region) { totalCount }
        kind: missions(kind: $region) { totalCount }
      }`,
      { trap, or: "' OR 1=1 //", region: "Southern Asia' OR 1=1 //" },
    );
    expect(r.errors).toEqual([]);
    expect(r.data).toEqual({
      exact: { name: 'Trap' },
      or: null,
      node: null,
      filtered: { totalCount: 0 },
      all: { totalCount: 2 },
      states: { totalCount: 0 },
      control: { totalCount: 1 },
      region: { totalCount: 0 },
      kind: { totalCount: 0 },
    });
  });

  it('validates dates, sources, cursors and sort keys before they reach a statement', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['query($v: String) { sharedPersonnel(a: "M1", b: "M2", asOf: $v) { jaccard } }', { v: "2005-01' OR 1=1 //" }],
      [
        'query($v: String) { sharedPersonnel(a: "M1", b: "M2", source: $v) { jaccard } }',
        { v: "ipi-contributions' OR 1=1 //" },
      ],
      ['query($v: String) { missions(activeIn: {from: $v}) { totalCount } }', { v: '2000"}) DETACH DELETE n //' }],
      ['query($v: String) { missions(after: $v) { totalCount } }', { v: "' OR 1=1 //" }],
      ['query($v: MissionSortField!) { missions(sort: {field: $v}) { totalCount } }', { v: 'ID DESC, m.id //' }],
      [
        'query($v: SortDirection!) { missions(sort: {direction: $v}) { totalCount } }',
        { v: 'DESC; MATCH (n) DETACH DELETE n' },
      ],
      [
        'query($v: [RelationshipType!]) { paths(from: "EU", to: "UN", types: $v) { length } }',
        { v: ['DEPLOYED|HOSTED_BY'] },
      ],
    ];
    for (const [query, variables] of cases) {
      const transactions = db.transactionCount;
      const r = await ask(query, variables);
      expect({ query, codes: codes(r) }).toEqual({ query, codes: ['BAD_USER_INPUT'] });
      expect(db.transactionCount).toBe(transactions);
    }
  });

  it('searches for text with Lucene operators and Cypher quotes as words, without an error', async () => {
    // Lucene's own syntax (AND, OR, NOT, quotes, wildcards) typed into the search box is text, not query syntax.
    for (const text of [
      "' OR 1=1",
      'NOT x',
      'Bosnia AND Herzegovina',
      'OR',
      '"}) DETACH DELETE n //',
      'mission*',
      'a:b [x TO y]',
      '\\',
      '\u0060',
    ]) {
      const r = await ask('query($t: String!) { search(text: $t) { node { id } } }', { t: text });
      expect({ text, errors: r.errors.map((e) => `${e.extensions?.code}: ${e.message.slice(0, 160)}`) }).toEqual({
        text,
        errors: [],
      });
    }
    const hit = await ask('{ search(text: "mission one") { node { id } } }');
    expect(hit.data.search[0]?.node.id).toBe('M1');
  });

  describe('mutations with an editor token', () => {
    it('refuses hostile ids, types, kinds and statuses in every mutation, and writes nothing', async () => {
      const counts = await graphCounts(db);
      const attempts: [string, Record<string, unknown>][] = [];
      for (const p of STRING_PAYLOADS) {
        attempts.push([
          'mutation($v: ID!) { upsertOrganization(input: {id: $v, name: "X", sourceRef: "doc"}) { id } }',
          { v: p },
        ]);
        attempts.push([
          'mutation($v: ID!) { upsertMission(input: {id: $v, acronym: "X", name: "X", sourceRef: "doc"}) { id } }',
          { v: p },
        ]);
        attempts.push([
          'mutation($v: String) { upsertMission(input: {id: "M9", acronym: "X", name: "X", start: $v, sourceRef: "doc"}) { id } }',
          { v: p },
        ]);
        attempts.push([
          'mutation($v: [String!]) { upsertMission(input: {id: "M9", acronym: "X", name: "X", kinds: $v, sourceRef: "doc"}) { id } }',
          { v: [p] },
        ]);
        attempts.push([
          'mutation($v: String) { upsertOrganization(input: {id: "O9", name: "X", kind: $v, sourceRef: "doc"}) { id } }',
          { v: p },
        ]);
        attempts.push([
          'mutation($v: ID!) { linkEntities(input: {type: DEPLOYED, from: $v, to: "M1", sourceRef: "doc"}) { count } }',
          { v: p },
        ]);
        attempts.push([
          'mutation($v: ID!) { linkEntities(input: {type: DEPLOYED, from: "EU", to: $v, sourceRef: "doc"}) { count } }',
          { v: p },
        ]);
        attempts.push([
          'mutation($v: String) { linkEntities(input: {type: COOPERATED_WITH, from: "M1", to: "M2", kind: $v, sourceRef: "doc"}) { count } }',
          { v: p },
        ]);
        attempts.push([
          'mutation($v: String) { linkEntities(input: {type: MEMBER_OF, from: "NPL", to: "UN", status: $v, start: "2000", sourceRef: "doc"}) { count } }',
          { v: p },
        ]);
      }
      for (const p of ENUM_PAYLOADS) {
        attempts.push(['mutation($v: EntityLabel!) { deleteEntity(label: $v, id: "M1") { deleted } }', { v: p }]);
        attempts.push([
          'mutation($v: RelationshipType!) { linkEntities(input: {type: $v, from: "EU", to: "M1", sourceRef: "doc"}) { count } }',
          { v: p },
        ]);
        attempts.push([
          'mutation($v: RelationshipType!) { unlinkEntities(type: $v, from: "EU", to: "M1", source: "curated") { count } }',
          { v: p },
        ]);
      }
      // Types the API may not write at all, chosen by a valid enum value.
      attempts.push([
        'mutation { linkEntities(input: {type: CONTRIBUTED_TO, from: "NPL", to: "M1", sourceRef: "doc"}) { count } }',
        {},
      ]);
      attempts.push([
        'mutation { unlinkEntities(type: PERSONNEL_IN, from: "M1", to: "NPL", source: "ipi-missions") { count } }',
        {},
      ]);
      const failures: string[] = [];
      for (const [query, variables] of attempts) {
        const r = await asEditor(query, variables);
        if (!r.errors.length || codes(r).some((c) => c !== 'BAD_USER_INPUT'))
          failures.push(
            `${query} ${JSON.stringify(variables)}: ${JSON.stringify(r.errors.map((e) => e.extensions?.code))}`,
          );
      }
      expect(failures).toEqual([]);
      expect(await graphCounts(db)).toEqual(counts);
      expect(await dumpGraph(db)).toEqual(before);
    }, 300_000);

    it('deletes and unlinks nothing when the id or the source is an injection string', async () => {
      const counts = await graphCounts(db);
      for (const p of STRING_PAYLOADS) {
        const del = await asEditor('mutation($v: ID!) { deleteEntity(label: Organization, id: $v) { deleted } }', {
          v: p,
        });
        expect({ p, errors: del.errors, data: del.data }).toEqual({
          p,
          errors: [],
          data: { deleteEntity: { deleted: false } },
        });
        const unlink = await asEditor(
          'mutation($v: String!) { unlinkEntities(type: DEPLOYED, from: "EU", to: "M1", source: $v) { count } }',
          { v: p },
        );
        expect({ p, errors: unlink.errors, data: unlink.data }).toEqual({
          p,
          errors: [],
          data: { unlinkEntities: { count: 0 } },
        });
      }
      expect(await graphCounts(db)).toEqual(counts);
      expect(await dumpGraph(db)).toEqual(before);
    });

    it('stores hostile names, sources and roles verbatim as text, creating only what was asked for', async () => {
      const counts = await graphCounts(db);
      const name = '"}) MATCH (n) DETACH DELETE n // `x` \\\' \u0060';
      const up = await asEditor(
        'mutation($name: String!, $ref: String!) { upsertOrganization(input: {id: "INJ-1", name: $name, acronym: "INJ", sourceRef: $ref}) { id name } }',
        {
          name,
          ref: "doc' OR 1=1 //",
        },
      );
      expect(up.errors).toEqual([]);
      expect(up.data.upsertOrganization).toEqual({ id: 'INJ-1', name });
      const role = "Head' }]->(m) DETACH DELETE m //";
      const link = await asEditor(
        'mutation($role: String) { linkEntities(input: {type: SERVED_IN, from: "p-1", to: "M1", role: $role, start: "2001", sourceRef: "doc"}) { count } }',
        { role },
      );
      expect(link.errors).toEqual([]);
      expect(link.data.linkEntities).toEqual({ count: 1 });
      const stored = await db.read<{ name: string; ref: string; role: string }>(
        "MATCH (o:Organization {id: 'INJ-1'}), (:Person {id: 'p-1'})-[r:SERVED_IN {source: 'api'}]->(:Mission {id: 'M1'}) RETURN o.name AS name, o.sourceRef AS ref, r.role AS role",
      );
      expect(stored).toEqual([{ name, ref: "doc' OR 1=1 //", role }]);
      const after = await graphCounts(db);
      expect(after).toEqual({
        ...counts,
        Organization: (counts.Organization ?? 0) + 1,
        SERVED_IN: (counts.SERVED_IN ?? 0) + 1,
        AuditEntry: (counts.AuditEntry ?? 0) + 2,
      });

      // Clean up through the API, then check that what remains is the graph of the start plus the audit trail.
      const unlink = await asEditor('mutation { unlinkEntities(type: SERVED_IN, from: "p-1", to: "M1") { count } }');
      expect(unlink.data).toEqual({ unlinkEntities: { count: 1 } });
      const del = await asEditor('mutation { deleteEntity(label: Organization, id: "INJ-1") { deleted } }');
      expect(del.data).toEqual({ deleteEntity: { deleted: true } });
      await db.write('MATCH (a:AuditEntry) DELETE a');
      expect(await dumpGraph(db)).toEqual(before);
    });
  });
});
