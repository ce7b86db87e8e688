import type { ManagedTransaction } from 'neo4j-driver';
import type { RecordRun } from '../model/contributions';
import { groupFigure } from '../model/contributions';
import { RECORD_RUN } from '../model/contributions.cypher';
import type { Database } from './database';
import { refreshMissionsInBatches } from './mission-batches';
import { toNative } from './values';

/**
 * The contribution of each state to each mission over all months and sources, kept at write time: one
 * `(s:State)-[:CONTRIBUTION_PEAK {key, personnel, sources}]->(m:Mission)` per state with records in the mission, its
 * figure reduced from the records by the rule of every contribution question (model/contributions.ts: per month
 * the most precise source, the peak month; `personnel` absent where the sources name the state without a size).
 *
 * `Mission.contributors` and `State.contributions` asked without a period or a source (the lists, the network
 * view's panels, the states of `sharedPersonnel`) read these instead of every monthly record: a mission's
 * contributors are a few dozen relationships, not thousands of records. With a period or a source they read the
 * records. A refresh recomputes the peaks of the given missions (all: in batches) from their records, writes the
 * ones that changed and deletes those whose records are gone: idempotent, and a refresh of an unchanged graph
 * writes nothing.
 */

/** The kept contribution of a state to a mission. */
export const CONTRIBUTION_PEAK = 'CONTRIBUTION_PEAK';

/** The relationship type whose writes change the peaks. */
export const CONTRIBUTION_PEAK_INPUTS: readonly string[] = ['CONTRIBUTED_TO'];

/** The records of the missions `$missions`, in runs per state and source (RECORD_RUN), one row per state and mission. */
const READ_RUNS = `
  UNWIND $missions AS mid
  MATCH (m:Mission {id: mid})<-[c:CONTRIBUTED_TO]-(s:State)
  WITH m, s, c.source AS source, collect(c) AS cs
  WITH m, s, collect(${RECORD_RUN('cs')}) AS runs
  RETURN m.id AS mission, s.id AS state, runs`;

/** Writes the peaks `$peaks` that differ from the kept ones. */
const WRITE_PEAKS = `
  UNWIND $peaks AS p
  MATCH (s:State {id: p.state}) MATCH (m:Mission {id: p.mission})
  MERGE (s)-[k:${CONTRIBUTION_PEAK} {key: p.key}]->(m)
  WITH k, p
  WHERE k.sources IS NULL OR k.sources <> p.sources OR coalesce(k.personnel, -1) <> coalesce(p.personnel, -1)
  SET k.personnel = p.personnel, k.sources = p.sources
  RETURN count(*) AS written`;

/** Deletes the peaks of the missions `$missions` that are not among `$keys` (their records are gone). */
const DELETE_STALE_PEAKS = `
  UNWIND $missions AS mid
  MATCH (:Mission {id: mid})<-[k:${CONTRIBUTION_PEAK}]-(:State)
  WHERE NOT k.key IN $keys
  DELETE k
  RETURN count(*) AS deleted`;

/** Missions refreshed per transaction in a refresh of every mission. */
const MISSIONS_PER_BATCH = 200;

/** What a refresh of the peaks changed. */
export interface PeakRefresh {
  missions: number;
  peaks: number;
  written: number;
  deleted: number;
}

/** Recomputes and writes the peaks of the given missions inside a transaction the caller holds. */
export async function refreshContributionPeaksInTx(
  tx: ManagedTransaction,
  missions: readonly string[],
): Promise<PeakRefresh> {
  if (!missions.length) return { missions: 0, peaks: 0, written: 0, deleted: 0 };
  const res = await tx.run(READ_RUNS, { missions });
  const peaks: { key: string; state: string; mission: string; personnel: number | null; sources: string[] }[] = [];
  for (const record of res.records) {
    const { mission, state, runs } = toNative(record.toObject()) as {
      mission: string;
      state: string;
      runs: RecordRun[];
    };
    // The figure every contribution question gives without a period or a source.
    const fig = groupFigure({ node: state, runs }, { state, stateName: state, mission }, null, null);
    if (fig) peaks.push({ key: `${state}|${mission}`, state, mission, personnel: fig.personnel, sources: fig.sources });
  }
  const written = await tx.run(WRITE_PEAKS, { peaks });
  const deleted = await tx.run(DELETE_STALE_PEAKS, { missions, keys: peaks.map((p) => p.key) });
  return {
    missions: missions.length,
    peaks: peaks.length,
    written: Number(toNative(written.records[0]?.get('written')) ?? 0),
    deleted: Number(toNative(deleted.records[0]?.get('deleted')) ?? 0),
  };
}

/**
 * Refreshes the peaks of the given missions, or of every mission (in transactions of MISSIONS_PER_BATCH missions:
 * after an import, a restore, at start). A mission deleted since takes its peaks with it (DETACH DELETE).
 */
export async function refreshContributionPeaks(db: Database, missions?: readonly string[]): Promise<PeakRefresh> {
  return refreshMissionsInBatches(db, missions, MISSIONS_PER_BATCH, refreshContributionPeaksInTx, {
    missions: 0,
    peaks: 0,
    written: 0,
    deleted: 0,
  });
}

/** Whether an import that wrote these relationship types may have changed the peaks. */
export function changesContributionPeaks(typesWritten: ReadonlySet<string>): boolean {
  return CONTRIBUTION_PEAK_INPUTS.some((t) => typesWritten.has(t));
}
