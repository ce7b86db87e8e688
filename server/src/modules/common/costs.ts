import type { ComplexityEstimator, ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { Query } from 'type-graphql';
import { STATS_FIRST_YEAR } from '../stats/stats.args';

/**
 * What each expensive field costs, in one place: the complexity plugin (http/complexity.ts) adds these up before
 * an operation runs, and each field's description quotes its rule. A unit is about 0.1 ms of database work on the
 * seeded graph (measured warm, BENCHMARKS.md), so the default limit of 20,000 is about two seconds. Costs follow
 * the arguments that drive the work: steps and nodes of a traversal, paths and their length, years of a period,
 * comparisons over all of an organization's missions. An expensive root field also counts against the cap of
 * expensive fields per operation (GRAPHQL_MAX_EXPENSIVE_FIELDS).
 */

/** A field's cost rule: the estimator type-graphql stores in the field's extensions, and its text. */
export interface FieldCost {
  /** The estimator; `expensive(args)` says whether the call counts against the per-operation cap. */
  estimate: ComplexityEstimator & { expensive: (args: Args) => boolean };
  /** The rule in words, appended to the field's description. */
  text: string;
}

type Args = Record<string, unknown>;

const int = (v: unknown, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.trunc(v)) : fallback;

/** Years from `from` to `to` (strings "YYYY..." or numbers), at least 1; an unreadable bound counts as 80 years. */
export function yearsBetween(from: unknown, to: unknown): number {
  const year = (v: unknown): number | null => {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^\d{4}/.test(v)) return Number(v.slice(0, 4));
    return null;
  };
  const a = year(from);
  const b = year(to) ?? new Date().getUTCFullYear();
  if (a === null) return 80;
  return Math.max(1, Math.min(200, b - a + 1));
}

/**
 * Years of a field's period: its `period` when given, else its older pair of ends (`from`/`to`, `fromYear`/`toYear`,
 * deprecated), so that both forms of the same time cost the same. An open start is `firstYear` where the field has
 * a default start, else counts as 80 years; an open end is the current year.
 */
export function yearsOfPeriodArgs(
  a: Args,
  older: readonly [string, string] = ['from', 'to'],
  firstYear?: number,
): number {
  const period = a.period;
  const [from, to] =
    period !== null && typeof period === 'object'
      ? [(period as Args).from, (period as Args).to]
      : [a[older[0]], a[older[1]]];
  return yearsBetween(from ?? firstYear, to);
}

/**
 * A cost rule: `own(args)` plus the selection's cost once (the rule already prices the lists it returns); the
 * call counts as expensive unless `expensive(args)` says otherwise.
 */
function rule(own: (args: Args) => number, text: string, expensive: (args: Args) => boolean = () => true): FieldCost {
  const estimate = Object.assign((o: ComplexityEstimatorArgs) => Math.ceil(own(o.args)) + o.childComplexity, {
    expensive,
  });
  return { estimate, text: `Cost: ${text}.` };
}

/**
 * A cost rule for a field that returns up to `items(args)` items: `own(args)` plus, for each item, twice the cost
 * of the fields selected on it (turning a long list into JSON holds the event loop in proportion to its fields).
 */
function listRule(own: (args: Args) => number, items: (args: Args) => number, text: string): FieldCost {
  const estimate = Object.assign(
    (o: ComplexityEstimatorArgs) => Math.ceil(own(o.args)) + items(o.args) * 2 * Math.max(1, o.childComplexity),
    {
      expensive: () => true,
    },
  );
  return { estimate, text: `Cost: ${text}.` };
}

/** The cost rules of the API's expensive fields. */
export const COSTS = {
  neighbors: rule(
    (a) => 50 + 6 * int(a.limit, 300) * int(a.depth, 1) ** 2,
    '50 + 6 x limit x depth^2 (depth 1, limit 300: 1,850; depth 2 admits about 800 nodes, depth 3 about 350); expensive from depth 2',
    (a) => int(a.depth, 1) > 1,
  ),
  paths: rule((a) => 200 + 50 * int(a.maxHops, 6) * int(a.k, 1), '200 + 50 x maxHops x k (8 steps, 10 paths: 4,200)'),
  network: rule(() => 2000, '2,000 (every mission and its surroundings, with the MSPO flags of the period)'),
  sharedPersonnel: rule(() => 8000, '8,000 (two organizations compare every contribution of all their missions)'),
  stats: rule(
    (a) => 1000 + 100 * yearsOfPeriodArgs(a, ['from', 'to'], STATS_FIRST_YEAR),
    '1,000 + 100 per year of the period',
  ),
  analysisUniverse: rule(
    () => 300,
    '300; not counted as expensive',
    () => false,
  ),
  mspoShare: rule(
    (a) => 300 + (a.granularity === 'MONTH' ? 2 : 20) * yearsOfPeriodArgs(a) * (a.granularity === 'MONTH' ? 12 : 1),
    '300 + 20 per year (2 per month at MONTH granularity)',
  ),
  pairTypes: listRule(
    (a) => 500 + 20 * yearsOfPeriodArgs(a),
    (a) => int(a.first, 100),
    '500 + 20 per year, plus twice the fields selected per pair listed (first)',
  ),
  missionPairMeasures: rule(() => 5000, '5,000 (every measure of the pair)'),
  dyadMeasures: rule(() => 4000, '4,000 (every measure of the dyad-year)'),
  cooperationNetwork: rule((a) => 500 + 20 * yearsOfPeriodArgs(a), '500 + 20 per year of the period'),
  conflictComplexity: rule((a) => 300 + 10 * yearsOfPeriodArgs(a, ['fromYear', 'toYear']), '300 + 10 per year'),
  coDeployments: listRule(
    () => 1000,
    (a) => int(a.first, 200),
    '1,000, plus twice the fields selected per pair asked for (first)',
  ),
} satisfies Record<string, FieldCost>;

/** A field description followed by its cost rule. */
export const describeCost = (description: string, cost: FieldCost): string => `${description} ${cost.text}`;

/**
 * A query with a cost (a field of COSTS): its description ends with what the cost depends on, and the complexity
 * limit estimates it by the same entry.
 */
export function CostedQuery(
  returns: Parameters<typeof Query>[0],
  description: string,
  cost: FieldCost,
  options: { nullable?: boolean } = {},
): MethodDecorator {
  return Query(returns, { ...options, description: describeCost(description, cost), complexity: cost.estimate });
}
