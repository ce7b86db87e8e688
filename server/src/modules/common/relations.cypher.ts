import { END_PRECISION, MISSION_ACTIVE_IN_SPAN, START_PRECISION } from './period';
import { CONFLICT, MISSION, ORGANIZATION, PERSON, STATE } from './projections';
import type { Selection } from '../../request/relation-field';
import { CONTRIBUTION_PEAK } from '../../db/contribution-peaks';
import { RECORD_COUNTED, RECORD_RUN } from '../../model/contributions.cypher';

/** Whether a contribution question reads the kept peaks: it asks for all months and every source. */
const KEPT_PEAKS_APPLY = '($window IS NULL AND $source IS NULL)';

/**
 * The relation statements of the entity types, one per nested field, each reading `$ids` (parent ids) and
 * returning `key, item` for the per-request loaders. A relation whose items are entities is a function of the
 * selection asked for on them (projections.ts): it reads only those fields.
 */
export const REL = {
  missionOrganizations: (f?: Selection) => `UNWIND $ids AS id MATCH (m:Mission {id: id})<-[d:DEPLOYED]-(o:Organization)
    WITH id, o, any(l IN collect(d.lead) WHERE l) AS lead ORDER BY lead DESC, o.id
    RETURN id AS key, ${ORGANIZATION('o', f)} AS item`,
  missionHosts: (f?: Selection) => `UNWIND $ids AS id MATCH (m:Mission {id: id})-[:HOSTED_BY]->(s:State)
    WITH DISTINCT id, s ORDER BY s.id RETURN id AS key, ${STATE('s', f)} AS item`,
  missionConflicts: (f?: Selection) => `UNWIND $ids AS id MATCH (m:Mission {id: id})-[:IN_CONFLICT]->(c:Conflict)
    WITH DISTINCT id, c ORDER BY c.id RETURN id AS key, ${CONFLICT('c', f)} AS item`,
  missionCooperations: `UNWIND $ids AS id MATCH (m:Mission {id: id})-[r:COOPERATED_WITH]-(o:Mission)
    WITH id, r, o, startNode(r) = m AS outgoing ORDER BY coalesce(r.start, ''), o.id
    RETURN id AS key, {kind: r.kind, direction: CASE WHEN outgoing THEN 'OUTGOING' ELSE 'INCOMING' END, other: ${MISSION('o')},
      start: r.start, end: r.end, description: r.description, sourceRef: r.sourceRef} AS item`,
  missionPosts: `UNWIND $ids AS id MATCH (m:Mission {id: id})<-[r:SERVED_IN]-(p:Person)
    WITH id, m, r, p ORDER BY r.start, p.id
    RETURN id AS key, {person: ${PERSON('p')}, mission: ${MISSION('m')}, organization: null, role: r.role,
      capacity: coalesce(r.capacity, 'official'), start: CASE r.start WHEN '' THEN null ELSE r.start END, end: r.end,
      startPrecision: ${START_PRECISION('r')}, endPrecision: ${END_PRECISION('r')}, sourceRef: r.sourceRef} AS item`,
  missionPersonnel: `UNWIND $ids AS id MATCH (m:Mission {id: id})-[p:PERSONNEL_IN]->()
    WHERE $source IS NULL OR p.source = $source
    RETURN id AS key, {month: p.month, source: p.source, troops: p.troops, police: p.police, observers: p.observers, total: p.total} AS item`,
  // One item per contributing state: the state once, then without a period or a source its kept peak
  // (db/contribution-peaks.ts), else its records as runs, one per source (a state has a record a month; parallel
  // lists travel and convert faster than a list or a map per record). The state reads the fields asked for on it.
  missionContributions: (f?: Selection) => `UNWIND $ids AS id
    CALL (id) {
      WITH id WHERE ${KEPT_PEAKS_APPLY}
      MATCH (m:Mission {id: id})<-[k:${CONTRIBUTION_PEAK}]-(s:State)
      RETURN s, null AS runs, [k.personnel, k.sources] AS peak
      UNION ALL
      WITH id WHERE NOT ${KEPT_PEAKS_APPLY}
      MATCH (m:Mission {id: id})<-[c:CONTRIBUTED_TO]-(s:State)
      WHERE ${RECORD_COUNTED('c')}
      WITH s, c.source AS source, collect(c) AS cs
      WITH s, collect(${RECORD_RUN('cs')}) AS runs
      RETURN s, runs, null AS peak
    }
    RETURN id AS key, {node: ${STATE('s', f)}, runs: runs, peak: peak} AS item`,
  missionParent: (f?: Selection) =>
    `UNWIND $ids AS id MATCH (m:Mission {id: id})-[:PART_OF]->(p:Mission) RETURN DISTINCT id AS key, ${MISSION('p', f)} AS item`,
  missionParts: (f?: Selection) =>
    `UNWIND $ids AS id MATCH (m:Mission {id: id})<-[:PART_OF]-(p:Mission) WITH DISTINCT id, p ORDER BY p.id RETURN id AS key, ${MISSION('p', f)} AS item`,

  organizationMissions: (f?: Selection) => `UNWIND $ids AS id MATCH (o:Organization {id: id})-[:DEPLOYED]->(m:Mission)
    WHERE ${MISSION_ACTIVE_IN_SPAN('m')}
    WITH DISTINCT id, m ORDER BY coalesce(m.start, ''), m.id RETURN id AS key, ${MISSION('m', f)} AS item`,
  organizationMembers: `UNWIND $ids AS id MATCH (o:Organization {id: id})<-[r:MEMBER_OF]-(s:State)
    WHERE $year IS NULL OR (r.start <= $year + '-12-31' AND (r.end IS NULL OR r.end >= $year))
    WITH id, o, r, s ORDER BY s.id, r.start
    RETURN id AS key, {state: ${STATE('s')}, organization: ${ORGANIZATION('o')}, status: r.status, start: r.start, end: r.end,
      startPrecision: ${START_PRECISION('r')}, endPrecision: ${END_PRECISION('r')}, source: r.source,
      cowStart: r.cowStart, cowEnd: r.cowEnd, correctionRef: r.correctionRef} AS item`,
  organizationPredecessors: (f?: Selection) =>
    `UNWIND $ids AS id MATCH (o:Organization {id: id})-[:SUCCEEDED]->(p:Organization) RETURN DISTINCT id AS key, ${ORGANIZATION('p', f)} AS item`,
  organizationSuccessors: (f?: Selection) =>
    `UNWIND $ids AS id MATCH (o:Organization {id: id})<-[:SUCCEEDED]-(p:Organization) RETURN DISTINCT id AS key, ${ORGANIZATION('p', f)} AS item`,
  organizationPosts: `UNWIND $ids AS id MATCH (o:Organization {id: id})<-[r:HELD_POST]-(p:Person)
    WITH id, o, r, p ORDER BY r.start, p.id
    RETURN id AS key, {person: ${PERSON('p')}, mission: null, organization: ${ORGANIZATION('o')}, role: r.role,
      capacity: coalesce(r.capacity, 'official'), start: CASE r.start WHEN '' THEN null ELSE r.start END, end: r.end,
      startPrecision: ${START_PRECISION('r')}, endPrecision: ${END_PRECISION('r')}, sourceRef: r.sourceRef} AS item`,

  stateHosted: (f?: Selection) => `UNWIND $ids AS id MATCH (s:State {id: id})<-[:HOSTED_BY]-(m:Mission)
    WITH DISTINCT id, m ORDER BY coalesce(m.start, ''), m.id RETURN id AS key, ${MISSION('m', f)} AS item`,
  stateMemberships: `UNWIND $ids AS id MATCH (s:State {id: id})-[r:MEMBER_OF]->(o:Organization)
    WHERE $year IS NULL OR (r.start <= $year + '-12-31' AND (r.end IS NULL OR r.end >= $year))
    WITH id, s, r, o ORDER BY o.id, r.start
    RETURN id AS key, {state: ${STATE('s')}, organization: ${ORGANIZATION('o')}, status: r.status, start: r.start, end: r.end,
      startPrecision: ${START_PRECISION('r')}, endPrecision: ${END_PRECISION('r')}, source: r.source,
      cowStart: r.cowStart, cowEnd: r.cowEnd, correctionRef: r.correctionRef} AS item`,
  // One item per mission: the mission once (the fields asked for on it), then its kept peak or the state's records
  // in it as runs, as above.
  stateContributions: (f?: Selection) => `UNWIND $ids AS id
    CALL (id) {
      WITH id WHERE ${KEPT_PEAKS_APPLY}
      MATCH (s:State {id: id})-[k:${CONTRIBUTION_PEAK}]->(m:Mission)
      RETURN m, null AS runs, [k.personnel, k.sources] AS peak
      UNION ALL
      WITH id WHERE NOT ${KEPT_PEAKS_APPLY}
      MATCH (s:State {id: id})-[c:CONTRIBUTED_TO]->(m:Mission)
      WHERE ${RECORD_COUNTED('c')}
      WITH m, c.source AS source, collect(c) AS cs
      WITH m, collect(${RECORD_RUN('cs')}) AS runs
      RETURN m, runs, null AS peak
    }
    RETURN id AS key, {node: ${MISSION('m', f)}, runs: runs, peak: peak} AS item`,

  conflictMissions: (f?: Selection) => `UNWIND $ids AS id MATCH (c:Conflict {id: id})<-[:IN_CONFLICT]-(m:Mission)
    WITH DISTINCT id, m ORDER BY coalesce(m.start, ''), m.id RETURN id AS key, ${MISSION('m', f)} AS item`,
  conflictLocations: (f?: Selection) => `UNWIND $ids AS id MATCH (c:Conflict {id: id})-[:LOCATED_IN]->(s:State)
    WITH DISTINCT id, s ORDER BY s.id RETURN id AS key, ${STATE('s', f)} AS item`,

  personPosts: `UNWIND $ids AS id MATCH (p:Person {id: id})-[r:SERVED_IN|HELD_POST]->(x)
    WITH id, p, r, x ORDER BY CASE r.start WHEN '' THEN '9999' ELSE r.start END, x.id
    RETURN id AS key, {person: ${PERSON('p')}, mission: CASE WHEN x:Mission THEN ${MISSION('x')} END,
      organization: CASE WHEN x:Organization THEN ${ORGANIZATION('x')} END, role: r.role,
      capacity: coalesce(r.capacity, 'official'), start: CASE r.start WHEN '' THEN null ELSE r.start END, end: r.end,
      startPrecision: ${START_PRECISION('r')}, endPrecision: ${END_PRECISION('r')}, sourceRef: r.sourceRef} AS item`,
  personNationality: (f?: Selection) =>
    `UNWIND $ids AS id MATCH (p:Person {id: id})-[:NATIONAL_OF]->(s:State) RETURN DISTINCT id AS key, ${STATE('s', f)} AS item`,
} as const;
