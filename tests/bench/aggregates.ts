import type { Database } from '../../server/src/db/database';
import { refreshCoDeploymentPairs } from '../../server/src/db/co-deployment-pairs';
import { refreshContributionPeaks } from '../../server/src/db/contribution-peaks';
import { refreshOrganizationTies } from '../../server/src/db/organization-network';
import { toSpan } from '../../server/src/modules/common/period';
import { GraphRepository } from '../../server/src/modules/graph/graph.repository';
import { AnalyticsRepository } from '../../server/src/modules/analytics/analytics.repository';
import { mspoMissionsIn } from '../../server/src/modules/analytics/mspo-flags';
import type { Span } from '../../server/src/modules/common/period';
import type { NetworkQuery } from '../../server/src/modules/graph/graph.repository';
import type { Timing } from './measure';
import { interleaved, round, sideBySide } from './measure';

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
  /** The whole graph only: the same question through the kept co-deployment pairs (as a filtered question reads them). */
  pairs?: Timing;
}

/** A period that holds every mission: the whole graph's question, asked through the path of a filtered one. */
const EVERY_YEAR = toSpan({ from: '0001', to: '9999' });

/**
 * The organization network as the API reads it (without a filter: the ties kept at write time,
 * db/organization-network.ts; with a period: the co-deployment pairs kept at write time, db/co-deployment-pairs.ts)
 * against the statement that computed it on each call before (GraphRepository.organizationNetworkLive), side by
 * side in one run, through the repository. For the whole graph, also through the kept pairs (the read before the
 * ties were kept), all three alternately; the answers are checked equal first.
 */
export async function keptVersusLive(db: Database, runs: number, log: (m: string) => void): Promise<KeptVersusLive[]> {
  const repo = new GraphRepository(db);
  const out: KeptVersusLive[] = [];
  for (const q of QUESTIONS) {
    const whole = q.query.span === null;
    const ask = () => repo.organizationNetwork(q.query);
    const live = () => repo.organizationNetworkLive(q.query);
    const pairs = () => repo.organizationNetwork({ ...q.query, span: EVERY_YEAR });
    const answer = JSON.stringify(await ask());
    const others: [string, () => Promise<unknown>][] = [['live', live], ...(whole ? [['kept pairs', pairs] as [string, () => Promise<unknown>]] : [])];
    for (const [name, other] of others) if (JSON.stringify(await other()) !== answer) throw new Error(`${q.name}: the ${name} answer differs from the API's`);
    const [kept, liveTiming, pairsTiming] = (await interleaved([ask, live, ...(whole ? [pairs] : [])], runs, 3)) as [Timing, Timing, Timing?];
    const r = { question: q.name, kept, live: liveTiming, ratio: round(kept.median / liveTiming.median), ...(pairsTiming ? { pairs: pairsTiming } : {}) };
    log(`  ${q.name.padEnd(40)} kept ${kept.median.toFixed(2)} ms, live ${liveTiming.median.toFixed(2)} ms, ratio ${r.ratio}${pairsTiming ? `; through the kept pairs ${pairsTiming.median.toFixed(2)} ms` : ''}`);
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

/**
 * Refreshes the kept co-deployments and organization network of the whole graph (the scaled copies are written
 * without the importer) and times each.
 */
export async function refreshAggregates(
  db: Database,
  log: (m: string) => void,
): Promise<{
  seconds: number;
  created: number;
  deleted: number;
  missions: number;
  tiesSeconds: number;
  ties: number;
  peaksSeconds: number;
  peaks: number;
}> {
  let t = Date.now();
  const r = await refreshCoDeploymentPairs(db);
  const seconds = round((Date.now() - t) / 1000, 1);
  log(`  co-deployments refreshed in ${seconds} s (${r.missions} missions, ${r.created} pairs created, ${r.deleted} deleted)`);
  t = Date.now();
  const ties = await refreshOrganizationTies(db);
  const tiesSeconds = round((Date.now() - t) / 1000, 1);
  log(`  organization network refreshed in ${tiesSeconds} s (${ties.ties} ties, ${ties.written} written, ${ties.deleted} deleted)`);
  t = Date.now();
  const peaks = await refreshContributionPeaks(db);
  const peaksSeconds = round((Date.now() - t) / 1000, 1);
  log(`  contribution peaks refreshed in ${peaksSeconds} s (${peaks.peaks} peaks, ${peaks.written} written, ${peaks.deleted} deleted)`);
  return { seconds, ...r, tiesSeconds, ties: ties.ties, peaksSeconds, peaks: peaks.peaks };
}
