import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execute, parse } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import type { Database } from '../../../server/src/db/database';
import { Loaders } from '../../../server/src/request/loaders';
import { buildGraphQLSchema } from '../../../server/src/schema';
import { testConfig, testDatabase, testLogger } from '../../helpers/db';
import { fullSelection } from '../../helpers/full-selection';
import { ensureSeeded } from '../../helpers/seeded';

/**
 * The analytics answers on the shipped graph, every field of each, compared with the answers the code gave
 * before the analytics were made fast (issue 19), recorded in tests/fixtures/analytics/reference-answers.json
 * (how: tests/fixtures/analytics/README.md). Run with RECORD_ANALYTICS_REFERENCE=1 to record them again: the
 * answers obtained replace those recorded, the others stay.
 */
const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'analytics', 'reference-answers.json.gz');
const RECORD = process.env.RECORD_ANALYTICS_REFERENCE === '1';

/** The recorded answers by question (gzipped JSON: several megabytes of answers asked in full). */
function readReference(): Record<string, unknown> {
  if (!fs.existsSync(FIXTURE)) return {};
  return (
    JSON.parse(zlib.gunzipSync(fs.readFileSync(FIXTURE)).toString('utf8')) as { answers: Record<string, unknown> }
  ).answers;
}

const ORGANIZATION_PAIRS = [
  ['UN', 'AU'],
  ['AU', 'UN'],
  ['UN', 'EU'],
  ['EU', 'NATO'],
  ['AU', 'ECOWAS'],
  ['EU', 'OSCE'],
  ['UN', 'OAS'],
  ['NATO', 'OSCE'],
  ['AU', 'IGAD'],
];
const YEARS = [1995, 2003, 2005, 2008, 2014];
const MISSION_PAIRS = [
  ['UNAMID', 'UNMIS'],
  ['SFOR', 'EUFOR-ALTHEA'],
  ['ARTEMIS', 'MONUC'],
  ['AMIS', 'UNAMID'],
  ['MINUSMA', 'EUTM-MALI'],
  ['UNMIK', 'KFOR'],
  ['MINURCAT', 'EUFOR-TCHAD-RCA'],
  ['MISCA', 'MINUSCA'],
  ['MINUSCA', 'EUFOR-RCA'],
];

/** Each question: a query field with its arguments and the type of its answer, asked in full. */
const QUESTIONS: { call: string; type: string }[] = [
  ...ORGANIZATION_PAIRS.flatMap(([a, b]) =>
    YEARS.map((year) => ({ call: `dyadMeasures(a: "${a}", b: "${b}", year: ${year})`, type: 'DyadMeasures' })),
  ),
  { call: 'dyadMeasures(a: "UN", b: "AU", year: 2008, unit: HOST_STATE)', type: 'DyadMeasures' },
  { call: 'dyadMeasures(a: "UN", b: "EU", year: 2008, universe: "bara-hultman")', type: 'DyadMeasures' },
  {
    call: 'dyadMeasures(a: "UN", b: "AU", year: 2008, membershipStatuses: [FULL, ASSOCIATE, OBSERVER])',
    type: 'DyadMeasures',
  },
  {
    call: 'dyadMeasures(a: "UN", b: "EU", year: 2003, include: [AD_HOC_COALITIONS, LEAD_STATES])',
    type: 'DyadMeasures',
  },
  ...MISSION_PAIRS.map(([a, b]) => ({
    call: `missionPairMeasures(a: "${a}", b: "${b}")`,
    type: 'MissionPairMeasures',
  })),
  {
    call: 'missionPairMeasures(a: "UNAMID", b: "UNMIS", year: 2010, unit: HOST_STATE, sequentialWindowDays: 365)',
    type: 'MissionPairMeasures',
  },
  { call: 'missionPairMeasures(a: "UNMIS", b: "UNMISS", differentOrganization: false)', type: 'MissionPairMeasures' },
  { call: 'sharedPersonnel(a: "UN", b: "AU")', type: 'SharedPersonnel' },
  { call: 'sharedPersonnel(a: "UN", b: "EU")', type: 'SharedPersonnel' },
  { call: 'sharedPersonnel(a: "AU", b: "ECOWAS")', type: 'SharedPersonnel' },
  { call: 'sharedPersonnel(a: "UN", b: "AU", period: {from: "2012", to: "2012"})', type: 'SharedPersonnel' },
  { call: 'sharedPersonnel(a: "UN", b: "AU", source: "un-country-by-year")', type: 'SharedPersonnel' },
  {
    call: 'sharedPersonnel(a: "UNMISS", b: "UNAMID", period: {from: "2013-12", to: "2013-12"})',
    type: 'SharedPersonnel',
  },
  { call: 'sharedPersonnel(a: "UN", b: "UNAMID")', type: 'SharedPersonnel' },
  { call: 'cooperationNetwork(period: {from: "1945", to: "2030"})', type: 'CooperationNetwork' },
  { call: 'cooperationNetwork(period: {from: "1945", to: "2030"}, tie: COOPERATION)', type: 'CooperationNetwork' },
  { call: 'cooperationNetwork(period: {from: "2005", to: "2005"})', type: 'CooperationNetwork' },
  { call: 'cooperationNetwork(period: {from: "1990", to: "1999"}, unit: HOST_STATE)', type: 'CooperationNetwork' },
  { call: 'neighbors(id: "UN", depth: 3)', type: 'Subgraph' },
  { call: 'neighbors(id: "UN", depth: 3, limit: 2000)', type: 'Subgraph' },
  { call: 'neighbors(id: "AU", depth: 3)', type: 'Subgraph' },
  { call: 'neighbors(id: "UNAMID", depth: 3)', type: 'Subgraph' },
  { call: 'neighbors(id: "EU", depth: 2)', type: 'Subgraph' },
  { call: 'neighbors(id: "UN", depth: 3, types: [DEPLOYED, COOPERATED_WITH, HOSTED_BY])', type: 'Subgraph' },
  { call: 'neighbors(id: "UN", depth: 3, period: {from: "2005", to: "2005"})', type: 'Subgraph' },
  { call: 'pairTypes(period: {from: "2000", to: "2010"})', type: 'PairTypes' },
  { call: 'conflictComplexity(unitId: "ucdp-309", period: {from: "2000", to: "2020"})', type: 'UnitComplexitySeries' },
  { call: 'conflictComplexity(unitId: "SDN", period: {from: "2000", to: "2020"})', type: 'UnitComplexitySeries' },
  { call: 'analysisUniverse', type: 'AnalysisUniverse' },
];

/**
 * Floating-point figures to 12 significant digits (a sum taken in another order may differ in its last bits), and
 * the two lists whose order no code sets, which follow the store's order of relationships (it differs from one
 * seeding to the next, as the recording and a later run showed with the same code): a subgraph's edges, sorted by
 * id, a dyad's cooperation kinds, sorted, the people on both sides of sharedPersonnel, sorted by id, and the capitals
 * named in a place at its host capitals, sorted (the fresh seed of a CI run gave them in another order).
 */
function normalized(value: unknown, key = ''): unknown {
  if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(12));
  if (Array.isArray(value)) {
    const items = value.map((v) => normalized(v));
    if (key === 'cooperationKinds') return [...(items as string[])].sort();
    if ((key === 'edges' || key === 'people') && items.every((e) => typeof (e as { id?: unknown }).id === 'string')) {
      return [...(items as { id: string }[])].sort((x, y) => x.id.localeCompare(y.id));
    }
    return items;
  }
  if (value && typeof value === 'object') {
    const place = value as { basis?: unknown; label?: unknown };
    const node = value as { region?: unknown; place?: { basis?: unknown; count?: unknown } | null };
    // The region of a mission with several host states was one of theirs, picked in the store's order when these
    // answers were recorded (MNJTF: Western or Middle Africa from one seed to the next): not compared. The API now
    // picks it by a rule (graph.cypher.ts MISSION_REGION), which faithful-answers.test.ts checks; likewise the
    // order of the people and of the capitals below, compared sorted.
    const anyHostRegion = "(one of its host states' regions)";
    if (
      typeof node.region === 'string' &&
      node.region !== anyHostRegion &&
      node.place?.basis === 'HOST_CAPITALS' &&
      Number(node.place.count) > 1
    ) {
      return normalized({ ...value, region: anyHostRegion }, key);
    }
    const entries = Object.entries(value).map(([k, v]) => [k, normalized(v, k)] as const);
    // A place made of several points names them in order: the store's when these answers were recorded, the
    // points' ids since (geo.cypher.ts DISTINCT_BY_ID). Compared as sets of names.
    const pointsBases = ['HOST_CAPITALS', 'LOCATION_CAPITALS', 'MISSION_HEADQUARTERS'];
    if (typeof place.basis === 'string' && pointsBases.includes(place.basis) && typeof place.label === 'string') {
      return Object.fromEntries(
        entries.map(([k, v]) => [k, k === 'label' ? (v as string).split(', ').sort().join(', ') : v]),
      );
    }
    return Object.fromEntries(entries);
  }
  return value;
}

describe('analytics answers on the shipped graph: the same as before they were made fast', () => {
  let db: Database;
  let schema: GraphQLSchema;
  const reference = readReference();

  beforeAll(async () => {
    // A cold plan cache on a busy machine: the first statements of a question can take longer than the default.
    db = testDatabase(testConfig({ NEO4J_TX_TIMEOUT_MS: '300000' }));
    await ensureSeeded(db);
    schema = await buildGraphQLSchema();
  }, 600_000);

  afterAll(async () => {
    if (RECORD) {
      const answers = Object.fromEntries(
        Object.keys(reference)
          .sort()
          .map((k) => [k, reference[k]]),
      );
      fs.writeFileSync(
        FIXTURE,
        zlib.gzipSync(
          JSON.stringify({
            recordedBy: 'RECORD_ANALYTICS_REFERENCE=1 npx jest tests/integration/seeded/analytics-reference.test.ts',
            answers,
          }),
          { level: 9 },
        ),
      );
    }
    await db?.close();
  });

  async function answer(call: string, type: string): Promise<unknown> {
    const document = parse(`{ answer: ${call} { ${fullSelection(schema, type, 4)} } }`);
    const res = await execute({
      schema,
      document,
      contextValue: {
        db,
        config: null,
        logger: testLogger,
        requestId: 'test',
        loaders: new Loaders(db),
        caller: () => Promise.resolve(null),
      },
    });
    if (res.errors?.length) throw new Error(`${call}: ${res.errors[0]?.message}`);
    return normalized(res.data?.answer);
  }

  (RECORD ? it.skip : it)('has a recorded answer for every question and no other', () => {
    expect(Object.keys(reference).sort()).toEqual(QUESTIONS.map((q) => q.call).sort());
  });

  it.each(QUESTIONS)(
    '$call',
    async ({ call, type }) => {
      const got = await answer(call, type);
      if (RECORD) {
        reference[call] = got;
        return;
      }
      expect(got).toEqual(normalized(reference[call]));
    },
    600_000,
  );
});
