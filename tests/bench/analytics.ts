import { execute, parse, validate } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import type { Database } from '../../server/src/db/database';
import type { Logger } from '../../server/src/logger';
import { Loaders } from '../../server/src/request/loaders';
import { fullSelection } from '../helpers/full-selection';
import type { Timing } from './measure';
import { summarize } from './measure';

/** An analytics question of issue 19: a query field with its arguments and the type of its answer (asked in full). */
export interface AnalyticsQuestion {
  name: string;
  call: string;
  type: string;
}

/** The analytics questions the goal "analytics in interactive time" names, and the other analytics queries. */
export const ANALYTICS_QUESTIONS: AnalyticsQuestion[] = [
  { name: 'dyadMeasures(UN, AU, 2005)', call: 'dyadMeasures(a: "UN", b: "AU", year: 2005)', type: 'DyadMeasures' },
  { name: 'missionPairMeasures(UNAMID, UNMIS)', call: 'missionPairMeasures(a: "UNAMID", b: "UNMIS")', type: 'MissionPairMeasures' },
  { name: 'sharedPersonnel(UN, AU)', call: 'sharedPersonnel(a: "UN", b: "AU")', type: 'SharedPersonnel' },
  { name: 'cooperationNetwork (all years)', call: 'cooperationNetwork(period: {from: "1945", to: "2030"})', type: 'CooperationNetwork' },
  { name: 'neighbors(UN, depth 3)', call: 'neighbors(id: "UN", depth: 3)', type: 'Subgraph' },
  { name: 'pairTypes (2000-2010)', call: 'pairTypes(period: {from: "2000", to: "2010"})', type: 'PairTypes' },
  { name: 'conflictComplexity(ucdp-309)', call: 'conflictComplexity(unitId: "ucdp-309", period: {from: "2000", to: "2020"})', type: 'UnitComplexitySeries' },
  { name: 'mspoShare (1990-2020)', call: 'mspoShare(period: {from: "1990", to: "2020"})', type: 'MspoShare' },
  { name: 'analysisUniverse', call: 'analysisUniverse', type: 'AnalysisUniverse' },
];

/** The timing of one analytics question: its first run (plans and caches cold for it) and the repeated runs. */
export interface AnalyticsTiming {
  question: string;
  firstMs: number;
  timing: Timing;
}

/** The document of a question, asking for every field of its answer. */
export function analyticsDocument(schema: GraphQLSchema, q: AnalyticsQuestion): string {
  return `{ ${q.call} { ${fullSelection(schema, q.type, 4)} } }`;
}

/**
 * Each analytics question executed in-process (`graphql` `execute()`, no HTTP): its first run, then 2 warm-up
 * runs and `runs` timed runs, question after question.
 */
export async function analyticsFigures(db: Database, schema: GraphQLSchema, logger: Logger, runs: number, log: (m: string) => void): Promise<AnalyticsTiming[]> {
  const out: AnalyticsTiming[] = [];
  for (const q of ANALYTICS_QUESTIONS) {
    const document = parse(analyticsDocument(schema, q));
    const invalid = validate(schema, document);
    if (invalid.length) throw new Error(`${q.name}: ${invalid[0]?.message}`);
    const once = async (): Promise<number> => {
      const t = process.hrtime.bigint();
      const res = await execute({ schema, document, contextValue: { db, config: null, logger, requestId: 'bench', loaders: new Loaders(db), caller: () => Promise.resolve(null) } });
      if (res.errors) throw new Error(`${q.name}: ${res.errors[0]?.message}`);
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const firstMs = await once();
    for (let i = 0; i < 2; i += 1) await once();
    const samples: number[] = [];
    for (let i = 0; i < runs; i += 1) samples.push(await once());
    const timing = summarize(samples);
    log(`  ${q.name.padEnd(36)} first ${firstMs.toFixed(0)} ms, median ${timing.median.toFixed(0)} ms, p95 ${timing.p95.toFixed(0)} ms`);
    out.push({ question: q.name, firstMs, timing });
  }
  return out;
}
