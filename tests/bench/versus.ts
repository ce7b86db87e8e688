import { isDeepStrictEqual } from 'node:util';
import { graphql } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../../server/src/logger';
import { Loaders } from '../../server/src/request/loaders';
import type { Timing } from './measure';
import { round, sideBySide } from './measure';
import { canonical, EQUIVALENT_QUESTIONS } from './neo4j-graphql';
import type { RecordingDatabase } from './recording-database';

/** One question's figures against @neo4j/graphql. */
export interface VersusResult {
  question: string;
  ours: Timing;
  neo4jGraphql: Timing;
  ratio: number;
  runs: number;
}

/**
 * The same questions through this API and through @neo4j/graphql, both executed in-process on the same database,
 * alternately; each pair of answers is first checked to say the same thing (the benchmark stops if not).
 */
export async function versusNeo4jGraphQL(db: RecordingDatabase, ours: GraphQLSchema, theirs: GraphQLSchema, opts: { runs: number; logger: Logger; log: (m: string) => void }): Promise<VersusResult[]> {
  const { logger, log } = opts;
  const out: VersusResult[] = [];
  for (const q of EQUIVALENT_QUESTIONS) {
    const askOurs = async () => {
      const r = await graphql({ schema: ours, source: q.ours, contextValue: { db, logger, requestId: 'bench', loaders: new Loaders(db), caller: () => Promise.resolve(null) } });
      if (r.errors) throw new Error(`ours: ${r.errors[0]?.message}`);
      return r.data as Record<string, unknown>;
    };
    const askTheirs = async () => {
      const r = await graphql({ schema: theirs, source: q.theirs, contextValue: {} });
      if (r.errors) throw new Error(`@neo4j/graphql: ${r.errors[0]?.message}`);
      return r.data as Record<string, unknown>;
    };
    const a = canonical(q.same.ours(await askOurs()));
    const b = canonical(q.same.theirs(await askTheirs()));
    if (!isDeepStrictEqual(a, b)) throw new Error(`${q.name}: the two answers differ:\nours   ${JSON.stringify(a).slice(0, 600)}\ntheirs ${JSON.stringify(b).slice(0, 600)}`);
    // Short questions on a noisy machine: three times the runs of the families (at least 60) steady the medians.
    const n = Math.max(opts.runs * 3, 60);
    const [x, y] = await sideBySide(askOurs, askTheirs, n);
    log(`  vs @neo4j/graphql: ${q.name.padEnd(64)} ours ${x.median.toFixed(2)} ms, theirs ${y.median.toFixed(2)} ms (same answer)`);
    out.push({ question: q.name, ours: x, neo4jGraphql: y, ratio: round(x.median / y.median), runs: n });
  }
  return out;
}
