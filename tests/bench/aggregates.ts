import type { Database } from '../../server/src/db/database';
import { refreshCoDeploymentPairs } from '../../server/src/db/co-deployment-pairs';
import { toSpan } from '../../server/src/modules/common/period';
import { GraphRepository } from '../../server/src/modules/graph/graph.repository';
import { AnalyticsRepository } from '../../server/src/modules/analytics/analytics.repository';
import { mspoMissionsIn } from '../../server/src/modules/analytics/mspo-flags';
import type { Span } from '../../server/src/modules/common/period';
import type { NetworkQuery } from '../../server/src/modules/graph/graph.repository';
import type { Timing } from './measure';
import { round, sideBySide } from './measure';

const ALL: NetworkQuery = { organizations: null, missionKinds: null, regions: null, conflicts: null, organizationKinds: null, sources: null, span: null, includeStates: true, includeConflicts: true };

/** The organization network's questions measured both ways: the whole graph, and one period. */
const QUESTIONS: { name: string; query: NetworkQuery }[] = [
  { name: 'network(ORGANIZATIONS), whole graph', query: ALL },
  { name: 'network(ORGANIZATIONS), 2005-2010', query: { ...ALL, span: toSpan({ from: '2005', to: '2010' }) } },
];

export interface KeptVersusLive {
  question: string;
  kept: Timing;
  live: Timing;
  ratio: number;
}

/**
 * The co-deployments kept at write time (db/co-deployment-pairs.ts) against the statement that computed them on
 * each call before (GraphRepository.organizationNetworkLive), side by side in one run, through the repository.
 */
export async function keptVersusLive(db: Database, runs: number, log: (m: string) => void): Promise<KeptVersusLive[]> {
  const repo = new GraphRepository(db);
  const out: KeptVersusLive[] = [];
  for (const q of QUESTIONS) {
    const [kept, live] = await sideBySide(() => repo.organizationNetwork(q.query), () => repo.organizationNetworkLive(q.query), runs, 3);
    const r = { question: q.name, kept, live, ratio: round(kept.median / live.median) };
    log(`  ${q.name.padEnd(40)} kept ${kept.median.toFixed(2)} ms, live ${live.median.toFixed(2)} ms, ratio ${r.ratio}`);
    out.push(r);
  }
  return out;
}

/** The MSPO marks of the network view for the AU's missions, as a view around the AU shows them. */
const MARK_SPANS: { name: string; span: Span | null }[] = [
  { name: 'no period (1945 to this year)', span: null },
  { name: '2005-2010', span: toSpan({ from: '2005', to: '2010' }) },
];

export interface MarksWithinVersusWhole {
  question: string;
  missions: number;
  within: Timing;
  whole: Timing;
  ratio: number;
}

/**
 * The network view's MSPO marks computed within the missions shown and their place-mates (`$within`, as the API
 * asks them) against the rule run over the whole graph (as before), side by side in one run; the two answers are
 * checked equal first.
 */
export async function marksWithinVersusWhole(db: Database, runs: number, log: (m: string) => void): Promise<MarksWithinVersusWhole[]> {
  const repo = new AnalyticsRepository(db);
  const rows = await db.read<{ ids: string[] }>("MATCH (:Organization {id: 'AU'})-[:DEPLOYED]->(m:Mission) RETURN collect(DISTINCT m.id) AS ids");
  const ids = rows[0]?.ids ?? [];
  const out: MarksWithinVersusWhole[] = [];
  for (const { name, span } of MARK_SPANS) {
    const within = [...(await mspoMissionsIn(repo, span, ids))].sort();
    const whole = await mspoMissionsIn(repo, span);
    const expected = ids.filter((id) => whole.has(id)).sort();
    if (JSON.stringify(within) !== JSON.stringify(expected)) throw new Error(`MSPO marks of the AU's missions, ${name}: within ${within.join(',')} but whole graph ${expected.join(',')}`);
    const [w, all] = await sideBySide(() => mspoMissionsIn(repo, span, ids), () => mspoMissionsIn(repo, span), runs, 3);
    const r = { question: `MSPO marks of the AU's ${ids.length} missions, ${name}`, missions: ids.length, within: w, whole: all, ratio: round(w.median / all.median) };
    log(`  ${r.question.padEnd(58)} within ${w.median.toFixed(2)} ms, whole graph ${all.median.toFixed(2)} ms, ratio ${r.ratio}`);
    out.push(r);
  }
  return out;
}

/** Refreshes the kept co-deployments of the whole graph (the scaled copies are written without the importer) and times it. */
export async function refreshAggregates(db: Database, log: (m: string) => void): Promise<{ seconds: number; created: number; deleted: number; missions: number }> {
  const t = Date.now();
  const r = await refreshCoDeploymentPairs(db);
  const seconds = round((Date.now() - t) / 1000, 1);
  log(`  co-deployments refreshed in ${seconds} s (${r.missions} missions, ${r.created} pairs created, ${r.deleted} deleted)`);
  return { seconds, ...r };
}
