import type { ManagedTransaction } from 'neo4j-driver';
import type { CoDeploymentPair } from '../model/co-deployment';
import type { Span } from '../model/dates';
import { coDeploymentDyads } from '../model/co-deployment';
import { MISSION_ACTIVE_IN_SPAN, MISSIONS_OVERLAP } from '../model/mission-time';
import { CO_DEPLOYMENT_INPUTS, CO_DEPLOYMENT_PAIR } from './co-deployment-pairs';
import type { Database } from './database';
import { toNative } from './values';

/**
 * The organization network (`network(filter: {mode: ORGANIZATIONS})`): its statement, for any filter, and the
 * network without a filter kept at write time.
 *
 * The statement reads the missions that pass the filter, their co-deployments (the pairs kept by
 * db/co-deployment-pairs.ts, or computed live), their organizations with the summed peak personnel of their
 * missions, and the recorded cooperation between them; model/co-deployment.ts turns the pairs into ties.
 *
 * Without a filter (every mission, all years: the network view's opening) the answer is kept: one
 * `(a:Organization)-[:ORGANIZATION_TIE]->(b:Organization)` per tie (`kind` CO_DEPLOYED or COOPERATED, `a.id` <
 * `b.id`), and one `(o)-[:ORGANIZATION_TIE {kind: 'ORGANIZATION'}]->(o)` per organization in the network with
 * its missions and personnel, so that a read costs the size of the answer, not of the graph (at 100x, 0.28 s
 * against 1.2 s from the kept pairs and 1.5 s computed live: bench/NOTES.md). The months of a tie whose
 * missions are ongoing grow with the calendar: its open pairs are kept and counted when the answer is given. A
 * refresh recomputes the whole network with the same statement, writes the ties that changed and deletes the
 * stale ones: idempotent, and a refresh of an unchanged graph writes nothing.
 */

/** The kept ties of the organization network without a filter. */
export const ORGANIZATION_TIE = 'ORGANIZATION_TIE';

/** The relationship types whose writes change the network (with the missions' dates and peak personnel). */
export const ORGANIZATION_NETWORK_INPUTS: readonly string[] = [
  ...CO_DEPLOYMENT_INPUTS,
  'COOPERATED_WITH',
  'PERSONNEL_IN',
];

/** The filter of a NetworkQuery, as statement parameters (null: no filter on that). */
export interface NetworkFilterParams {
  organizations: string[] | null;
  missionKinds: string[] | null;
  regions: string[] | null;
  conflicts: string[] | null;
  /** Kinds of organization (Organization.kind), one of which deploys each mission. */
  organizationKinds: string[] | null;
  /** Datasets (the `source` of every fact): only what they state. */
  sources: string[] | null;
  /** The period, as the first and last day (model/dates.ts Span). */
  span: Span | null;
}

/** No filter: every mission, all years. */
export const NO_NETWORK_FILTER: NetworkFilterParams = {
  organizations: null,
  missionKinds: null,
  regions: null,
  conflicts: null,
  organizationKinds: null,
  sources: null,
  span: null,
};

/** Whether a filter keeps every mission (its answer is the kept one). */
export function isUnfiltered(q: NetworkFilterParams): boolean {
  return (Object.keys(NO_NETWORK_FILTER) as (keyof NetworkFilterParams)[]).every((k) => q[k] === null);
}

/**
 * Cypher condition: mission `m` passes the filter of a NetworkQuery (every filter is on the mission). Its own
 * variables (o, k, s, c, ko, src) must not be the caller's.
 */
export const MISSION_FILTER = (m: string): string => `
  ${MISSION_ACTIVE_IN_SPAN(m)}
  AND ($organizations IS NULL OR EXISTS { MATCH (o:Organization)-[:DEPLOYED]->(${m}) WHERE o.id IN $organizations })
  AND ($missionKinds IS NULL OR any(k IN coalesce(${m}.kinds, []) WHERE k IN $missionKinds))
  AND ($regions IS NULL OR EXISTS { MATCH (${m})-[:HOSTED_BY]->(s:State) WHERE s.region IN $regions })
  AND ($conflicts IS NULL OR EXISTS { MATCH (${m})-[:IN_CONFLICT]->(c:Conflict) WHERE c.id IN $conflicts })
  AND ($organizationKinds IS NULL OR EXISTS { MATCH (ko:Organization)-[:DEPLOYED]->(${m}) WHERE ko.kind IN $organizationKinds })
  AND ($sources IS NULL OR any(src IN coalesce(${m}.sources, []) WHERE src IN $sources))`;

/** The co-deployments of the filtered missions `ms` as `pairs`: read from the pairs kept at write time. */
export const KEPT_PAIRS = `
       CALL (ms) {
         UNWIND ms AS m1
         MATCH (m1)-[p:${CO_DEPLOYMENT_PAIR}]->(m2:Mission)
         WHERE ${MISSION_FILTER('m2')}
         RETURN collect({a: p.organizationA, b: p.organizationB, conflict: p.conflict, m1: m1.id, s1: m1.start, e1: m1.end, m2: m2.id, s2: m2.start, e2: m2.end}) AS pairs
       }`;

/**
 * The co-deployments of the filtered missions `ms` as `pairs`, computed from the whole graph (as before they
 * were kept): the reference the kept pairs are checked against (tests, the benchmark). Its cost grows with the
 * graph.
 */
export const LIVE_PAIRS = `
       CALL (ms) {
         UNWIND ms AS m1
         MATCH (o1:Organization)-[:DEPLOYED]->(m1)-[:IN_CONFLICT]->(c:Conflict)<-[:IN_CONFLICT]-(m2:Mission)<-[:DEPLOYED]-(o2:Organization)
         WHERE m2 IN ms AND o1.id < o2.id AND ${MISSIONS_OVERLAP('m1', 'm2')}
         WITH DISTINCT o1, o2, c, m1, m2
         RETURN collect({a: o1.id, b: o2.id, conflict: c.id, m1: m1.id, s1: m1.start, e1: m1.end, m2: m2.id, s2: m2.start, e2: m2.end}) AS pairs
       }`;

/**
 * The organization network of a filter: `orgs` (each `[node, personnel, missions]`, OrgRow, the node as `orgNode`
 * of `o` makes it), `pairs` (from `pairsPart`, KEPT_PAIRS or LIVE_PAIRS) and `coop` (`{a, b, n}`: the recorded
 * cooperations between their missions, both sides passing the filter).
 */
export function organizationNetworkStatement(pairsPart: string, orgNode: string): string {
  return `MATCH (m:Mission) WHERE ${MISSION_FILTER('m')}
       WITH collect(m) AS ms
       ${pairsPart}
       CALL (ms) {
         UNWIND ms AS m1
         MATCH (o1:Organization)-[:DEPLOYED]->(m1)-[link:COOPERATED_WITH]-(m2:Mission)<-[:DEPLOYED]-(o2:Organization)
         WHERE o1.id < o2.id AND ${MISSION_FILTER('m2')}
         WITH o1, o2, count(DISTINCT link) AS n
         RETURN collect({a: o1.id, b: o2.id, n: n}) AS coop
       }
       CALL (ms) {
         UNWIND ms AS m
         MATCH (o:Organization)-[:DEPLOYED]->(m)
         // Each mission once per organization (it can be DEPLOYED under two sources: the UN list and a curated row).
         WITH DISTINCT o, m
         // Unknown stays unknown: an organization none of whose missions has a figure has no personnel (null).
         WITH o, CASE WHEN count(m.maxPersonnel) = 0 THEN null ELSE sum(m.maxPersonnel) END AS personnel, count(DISTINCT m) AS missions
         RETURN collect([${orgNode}, personnel, missions]) AS orgs
       }
       RETURN orgs, pairs, coop`;
}

/**
 * The network without a filter as the kept ties hold it: `orgs` (`[node, personnel]`, the node as `orgNode` of `o`
 * makes it) and `ties` (KeptTie). Lists rather than maps: at 100x the answer holds 13,100 of them, and the driver
 * decodes a list faster than a map (no keys to read for each).
 */
export function keptOrganizationNetworkStatement(orgNode: string): string {
  return `CALL () {
         MATCH (o:Organization)-[t:${ORGANIZATION_TIE} {kind: 'ORGANIZATION'}]->(o)
         RETURN collect([${orgNode}, t.personnel]) AS orgs
       }
       CALL () {
         MATCH (a:Organization)-[t:${ORGANIZATION_TIE}]->(b:Organization)
         WHERE t.kind <> 'ORGANIZATION'
         RETURN collect([a.id, b.id, t.kind, t.weight, t.closedMonths, t.openPairs]) AS ties
       }
       RETURN orgs, ties`;
}

/** An organization as the network's statement returns it: its node (as the caller projects it), summed peak personnel, missions. */
export type OrgRow<N> = [node: N, personnel: number | null, missions: number];

/** A kept tie as the read returns it: `[a, b, kind, weight, closedMonths, openPairs]` (open pairs flattened, '' for null). */
export type KeptTie = [
  a: string,
  b: string,
  kind: string,
  weight: number,
  closedMonths: number | null,
  openPairs: string[],
];

/** What a refresh of the kept ties changed. */
export interface TieRefresh {
  ties: number;
  written: number;
  deleted: number;
}

/** Writes the ties `$ties` that differ from the kept ones. */
const WRITE_TIES = `
  UNWIND $ties AS t
  MATCH (a:Organization {id: t.a}) MATCH (b:Organization {id: t.b})
  MERGE (a)-[r:${ORGANIZATION_TIE} {key: t.key}]->(b)
  WITH r, t
  WHERE r.kind IS NULL OR r.kind <> t.kind OR r.weight <> t.weight OR r.missions <> t.missions
     OR coalesce(r.personnel, -1) <> coalesce(t.personnel, -1) OR coalesce(r.closedMonths, -1) <> coalesce(t.closedMonths, -1)
     OR r.openPairs <> t.openPairs
  SET r.kind = t.kind, r.weight = t.weight, r.missions = t.missions, r.personnel = t.personnel,
      r.closedMonths = t.closedMonths, r.openPairs = t.openPairs
  RETURN count(*) AS written`;

/** Deletes the kept ties the network no longer has. */
const DELETE_STALE_TIES = `
  MATCH ()-[r:${ORGANIZATION_TIE}]->()
  WHERE NOT r.key IN $keys
  DELETE r
  RETURN count(*) AS deleted`;

/** A tie to write: its key, endpoints and what it holds (every property set, null where it does not apply). */
interface TieRow {
  key: string;
  a: string;
  b: string;
  kind: 'ORGANIZATION' | 'CO_DEPLOYED' | 'COOPERATED';
  weight: number | null;
  missions: number | null;
  personnel: number | null;
  closedMonths: number | null;
  openPairs: string[];
}

/**
 * Recomputes the network without a filter (the statement of any filter, with none) and writes the ties that
 * changed, inside a transaction the caller holds (an API mutation: the answer changes with the write). The
 * co-deployment pairs it reads must be refreshed first.
 */
export async function refreshOrganizationTiesInTx(tx: ManagedTransaction): Promise<TieRefresh> {
  const res = await tx.run(organizationNetworkStatement(KEPT_PAIRS, 'o.id'), { ...NO_NETWORK_FILTER });
  const row = toNative(res.records[0]?.toObject() ?? {}) as {
    orgs?: OrgRow<string>[];
    pairs?: CoDeploymentPair[];
    coop?: { a: string; b: string; n: number }[];
  };
  const ties: TieRow[] = [];
  for (const [id, personnel, missions] of row.orgs ?? []) {
    ties.push({
      key: `${id}|${id}|ORGANIZATION`,
      a: id,
      b: id,
      kind: 'ORGANIZATION',
      weight: null,
      missions,
      personnel,
      closedMonths: null,
      openPairs: [],
    });
  }
  for (const d of coDeploymentDyads(row.pairs ?? [])) {
    const openPairs = d.openPairs.flatMap((p) => p.map((x) => x ?? ''));
    ties.push({
      key: `${d.a}|${d.b}|CO_DEPLOYED`,
      a: d.a,
      b: d.b,
      kind: 'CO_DEPLOYED',
      weight: d.conflicts,
      missions: null,
      personnel: null,
      closedMonths: d.closedMonths,
      openPairs,
    });
  }
  for (const c of row.coop ?? []) {
    ties.push({
      key: `${c.a}|${c.b}|COOPERATED`,
      a: c.a,
      b: c.b,
      kind: 'COOPERATED',
      weight: c.n,
      missions: null,
      personnel: null,
      closedMonths: null,
      openPairs: [],
    });
  }
  const written = await tx.run(WRITE_TIES, { ties });
  const deleted = await tx.run(DELETE_STALE_TIES, { keys: ties.map((t) => t.key) });
  return {
    ties: ties.length,
    written: Number(toNative(written.records[0]?.get('written')) ?? 0),
    deleted: Number(toNative(deleted.records[0]?.get('deleted')) ?? 0),
  };
}

/** Refreshes the kept ties in a transaction of their own (after an import, a restore, at start). */
export function refreshOrganizationTies(db: Database): Promise<TieRefresh> {
  return db.writeTx((tx) => refreshOrganizationTiesInTx(tx));
}

/** Whether an import that wrote these relationship types may have changed the network. */
export function changesOrganizationNetwork(typesWritten: ReadonlySet<string>): boolean {
  return ORGANIZATION_NETWORK_INPUTS.some((t) => typesWritten.has(t));
}
