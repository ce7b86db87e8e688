import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
import { execute, parse } from 'graphql';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import pino from 'pino';
import type { Caller } from '../../../server/src/auth/tokens';
import { loadConfig } from '../../../server/src/config';
import { ANALYSIS_QUERY_NAMES, analysisQueries } from '../../../server/src/modules/analytics/analysis-queries';
import type { AnalysisQueryName } from '../../../server/src/modules/analytics/analysis-queries';
import { requestContext } from '../../../server/src/http/request-context';
import { buildGraphQLSchema } from '../../../server/src/schema';
import { NODE_FIELD_NAMES } from '../../../server/src/modules/graph/graph.cypher';
import type { CannedAnswer, RecordedStatement, StatementKind } from '../../helpers/cypher-recorder';
import { CypherRecorder } from '../../helpers/cypher-recorder';

/** The caller of an editor token, given to the context directly (http/request-context.ts reads it from the bearer token). */
export const EDITOR: Caller = { tokenId: 'tok-editor', name: 'snapshot-editor', role: 'editor' };

/** The clock the operations see: defaults that run to "this year" give the same parameters every year. */
export const NOW = new Date('2025-06-15T12:00:00Z');

/**
 * Gives the tests of a file the clock NOW (only Date: timers, ticks and microtasks stay real, for the loaders'
 * batching), so that open ends that run to this year give the same parameters every year.
 */
export function fixTheClock(): void {
  beforeAll(() => {
    jest.useFakeTimers({
      now: NOW,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
  });
  afterAll(() => {
    jest.useRealTimers();
  });
}

/** A statement as the snapshots keep it: its text with the indentation gone, and its parameters. */
export interface SnapshotStatement {
  kind: StatementKind;
  cypher: string;
  params: Record<string, unknown>;
}

/** What one operation sent to the database, and what it answered. */
export interface Recorded {
  statements: SnapshotStatement[];
  /** The transactions they were sent in (Database.transactionCount). */
  transactions: number;
  result: ExecutionResult;
}

let schema: Promise<GraphQLSchema> | undefined;

/** The real schema (server/src/schema.ts), built once per test file. */
export function theSchema(): Promise<GraphQLSchema> {
  return (schema ??= buildGraphQLSchema());
}

/** The statements of cypher/analysis/*.cypher, each as it is sent (normalized), by the file that holds it. */
function analysisFiles(): Map<string, string> {
  const queries = analysisQueries();
  return new Map(
    ANALYSIS_QUERY_NAMES.map((name) => [
      normalizeCypher(queries.get(name).statement),
      `cypher/analysis/${name}.cypher`,
    ]),
  );
}
let analysisStatements: Map<string, string> | undefined;

/**
 * A statement's text without what does not change its meaning: each line trimmed, runs of blanks collapsed,
 * empty lines and whole-line comments dropped, so that re-indenting a statement leaves its snapshot alone.
 */
export function normalizeCypher(cypher: string): string {
  return cypher
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line && !line.startsWith('//'))
    .join('\n');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parameters with the values that change on every run (random ids) replaced by a placeholder. */
function stableParams(value: unknown): unknown {
  if (typeof value === 'string' && UUID.test(value)) return '<uuid>';
  if (Array.isArray(value)) return value.map(stableParams);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stableParams(v)]));
  return value;
}

/**
 * A statement for the snapshot. A research measure's statement is the text of its file in cypher/analysis
 * (reviewed there): it is named by its file, its parameters kept; any other text is kept whole.
 */
function forSnapshot(s: RecordedStatement): SnapshotStatement {
  analysisStatements ??= analysisFiles();
  const cypher = normalizeCypher(s.cypher);
  const file = analysisStatements.get(cypher);
  return {
    kind: s.kind,
    cypher: file ? `<${file}>` : cypher,
    params: stableParams(s.params) as Record<string, unknown>,
  };
}

/** Runs an operation through the real schema against a recording database, with the context http/app.ts builds (http/request-context.ts). */
export async function record(
  source: string,
  opts: { variables?: Record<string, unknown>; answers?: CannedAnswer[]; caller?: Caller | null } = {},
): Promise<Recorded> {
  const recorder = new CypherRecorder(opts.answers);
  const db = recorder.asDatabase();
  // The context of http/app.ts, for a request without a bearer token; the caller is then given directly.
  const request = { headers: { 'x-request-id': 'snapshot' } } as unknown as IncomingMessage;
  const context = await requestContext({
    db,
    config: loadConfig({ NODE_ENV: 'test' }),
    logger: pino({ level: 'silent' }),
  })(request);
  const caller = opts.caller ?? null;
  // Assigned onto the context itself: its id and logger are getters of its class (http/request-context.ts), which a spread would drop.
  const contextValue = Object.assign(context, { caller: () => Promise.resolve(caller) });
  const result = await execute({
    schema: await theSchema(),
    document: parse(source),
    variableValues: opts.variables,
    contextValue,
  });
  return { statements: recorder.statements.map(forSnapshot), transactions: recorder.transactionCount, result };
}

/**
 * Runs an operation that must succeed and gives what it sent; its errors (a canned answer too thin for the
 * selection, a refused argument) fail the test with their messages.
 */
export async function statementsOf(
  source: string,
  opts: Parameters<typeof record>[1] = {},
): Promise<SnapshotStatement[]> {
  const { statements, result } = await record(source, opts);
  expect(result.errors?.map((e) => `${e.path?.join('.') ?? ''}: ${e.message}`) ?? []).toEqual([]);
  return statements;
}

/**
 * The root row of a statement that reads nested lists ahead (prefetch.ts's withRelations): the root's columns
 * on the row whose `__rel` is -1.
 */
export function rootRow(columns: Record<string, unknown>): Record<string, unknown> {
  return { __rel: -1, __key: null, __item: null, ...columns };
}

/** The statement of a research measure (cypher/analysis/<name>.cypher) as the server sends it: for a canned answer's `when`. */
export function analysisStatement(name: AnalysisQueryName): string {
  return analysisQueries().get(name).statement;
}

/** The universe every research measure reports (universe.cypher's one row), empty: the measures go on to their own statements. */
export const UNIVERSE_ANSWER: CannedAnswer = {
  when: analysisStatement('universe'),
  rows: [
    {
      universe: null,
      missions: 0,
      recorded: 0,
      withoutStart: 0,
      replacedByParts: 0,
      outsideUniverse: 0,
      missionsWithoutConflict: 0,
      missionsWithoutHost: 0,
      endsAtLastEvidence: 0,
      hybridMissions: 0,
    },
  ],
};

/** The first row of sharedPersonnel's statement for two sides found, with no runs of records, people or states. */
export function sharedPersonnelSides(a: string, b: string, label: 'Mission' | 'Organization'): CannedAnswer {
  return {
    when: 'AS sides',
    rows: [
      {
        sides: [
          { id: a, label },
          { id: b, label },
        ],
        runs: [],
        people: [],
        states: [],
      },
    ],
  };
}

/** A node as the graph statements project it (graph.cypher.ts's NODE_PROJECTION). */
export function graphNode(id: string, label: string): Record<string, unknown> {
  return {
    id,
    label,
    name: id,
    fullName: null,
    start: null,
    end: null,
    kinds: [],
    orgs: [],
    region: null,
    personnel: null,
  };
}

/** A node as the statements that return many project it (graph.cypher.ts's NODE_ROW): graphNode's values as a list. */
export function graphNodeRow(id: string, label: string): unknown[] {
  const node = graphNode(id, label);
  return NODE_FIELD_NAMES.map((k) => node[k] ?? null);
}

/** A relationship as the graph statements project it (EDGE_PROJECTION). */
export function graphEdge(source: string, target: string, type: string): Record<string, unknown> {
  return { source, target, type, kind: null, start: null, end: null, weight: null, src: 'un-pko-list' };
}
