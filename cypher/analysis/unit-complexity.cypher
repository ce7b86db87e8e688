// Measure 7: conflict complexity, per unit and year: the distinct missions and organizations active there,
// and the UCDP intensity.
//   A unit is a conflict (missions linked to it by IN_CONFLICT) or a host state (missions linked by
//   HOSTED_BY). missions / organizations: distinct missions of the analysis set active in the year, and
//   their distinct organizations. intensity: for a conflict, its UCDP intensity that year (1 minor, 2 war;
//   null when UCDP records no conflict-year); for a host state, the highest intensity that year of the
//   conflicts located in it (LOCATED_IN).
// Parameters: $universe (as in mspo-share.cypher), $units (conflict and state ids: a row for each year; null:
// every unit, for the years it has an active mission), $fromYear and $toYear.
:param universe => null;
:param include => [];
:param within => null;
:param units => ['ucdp-309', 'SDN'];
:param fromYear => 2004;
:param toYear => 2008;

// ---- analysis set: the same block opens every file of cypher/analysis (a test checks it) ----
// The universe (README, Methods): peace operations deployed by international organizations. A mission counts
// when it has a start date, its operation type is peace_operation (naval operations, support offices,
// support and enforcement operations only when $include names them) and an organization of its own deploys
// it: a deploying organization leads or takes part, never only authorizes or supports (ad hoc coalitions and
// lead states only when $include names them). With $universe, only missions that import source records; an
// umbrella mission whose parts are counted is replaced by its parts. orgs: the deploying organizations,
// leaving out a lead state beside an organization of another kind. hybrid: jointly led by two or more
// organizations (a recorded joint lead). Dates widened to what their precision covers (2017-05 ends on the
// 31st); without an end, a mission with a recorded last evidence ends there (endBasis 'last_evidence'), else
// it is ongoing (endBasis 'open'). $within (null: every mission) keeps only the missions it lists: an answer
// about a few missions needs only them and the missions that share a conflict or a host state with them (the
// network view's MSPO marks).
CALL () {
  MATCH (m:Mission)
  WHERE m.start IS NOT NULL
    AND ($within IS NULL OR m.id IN $within)
    AND ($universe IS NULL OR $universe IN m.sources)
    AND (coalesce(m.operationType, 'peace_operation') = 'peace_operation' OR m.operationType IN $include)
    AND NOT EXISTS {
      MATCH (part:Mission)-[:PART_OF]->(m)
      WHERE part.start IS NOT NULL AND ($universe IS NULL OR $universe IN part.sources)
        AND (coalesce(part.operationType, 'peace_operation') = 'peace_operation' OR part.operationType IN $include)
    }
  WITH m, COLLECT {
         MATCH (o:Organization)-[d:DEPLOYED]->(m)
         WITH o, collect(d.role) AS roles
         WHERE none(r IN roles WHERE r IN ['authorizing', 'supporting'])
         RETURN o ORDER BY o.id
       } AS deployers
  WHERE any(o IN deployers WHERE NOT coalesce(o.kind, '') IN ['ad_hoc_coalition', 'lead_state'] OR o.kind IN $include)
  WITH m, deployers, [o IN deployers WHERE coalesce(o.kind, '') <> 'lead_state' | o.id] AS bodies,
       coalesce(m.end, m.lastEvidence) AS lastDay
  RETURN collect({
    id: m.id,
    parent: head(COLLECT { MATCH (m)-[:PART_OF]->(p:Mission) RETURN p.id }),
    orgs: CASE WHEN size(bodies) > 0 THEN bodies ELSE [o IN deployers | o.id] END,
    hybrid: size(COLLECT { MATCH (o:Organization)-[:DEPLOYED {role: 'joint_lead'}]->(m) RETURN DISTINCT o.id }) >= 2,
    conflicts: COLLECT { MATCH (m)-[:IN_CONFLICT]->(k:Conflict) WITH DISTINCT k.id AS id ORDER BY id RETURN id },
    hosts: COLLECT { MATCH (m)-[:HOSTED_BY]->(s:State) WITH DISTINCT s.id AS id ORDER BY id RETURN id },
    tasks: [t IN coalesce(m.kinds, [])
            WHERE t IN ['military', 'police', 'observer', 'civilian', 'rule_of_law', 'monitoring', 'training', 'support']],
    start: date(m.start),
    end: CASE WHEN lastDay IS NULL THEN null
         ELSE date(lastDay) + duration(CASE size(lastDay) WHEN 4 THEN {years: 1} WHEN 7 THEN {months: 1} ELSE {days: 1} END)
              - duration({days: 1}) END,
    endBasis: CASE WHEN m.end IS NOT NULL THEN 'recorded' WHEN m.lastEvidence IS NOT NULL THEN 'last_evidence' ELSE 'open' END
  }) AS missions
}
// ---- end of the analysis set ----
WITH missions,
     coalesce($units, reduce(acc = [], m IN missions | acc + [u IN m.conflicts + m.hosts WHERE NOT u IN acc])) AS units
UNWIND units AS unit
UNWIND range(toInteger($fromYear), toInteger($toYear)) AS y
WITH unit, y, [m IN missions WHERE (unit IN m.conflicts OR unit IN m.hosts)
                                   AND m.start.year <= y AND (m.end IS NULL OR m.end.year >= y)] AS active
// Every year of the units asked for; only years with an active mission when all units are asked for.
WHERE $units IS NOT NULL OR size(active) > 0
WITH unit, y, [m IN active | m.id] AS missionIds,
     reduce(acc = [], m IN active | acc + [o IN m.orgs WHERE NOT o IN acc]) AS organizationIds
OPTIONAL MATCH (k:Conflict {id: unit})
CALL (unit, y) {
  OPTIONAL MATCH (c:Conflict)-[:LOCATED_IN]->(:State {id: unit})
  RETURN max(c['intensity_' + toString(y)]) AS hostIntensity
}
RETURN unit, y AS year, size(missionIds) AS missions, size(organizationIds) AS organizations,
       CASE WHEN k IS NOT NULL THEN k['intensity_' + toString(y)] ELSE hostIntensity END AS intensity,
       missionIds, organizationIds
ORDER BY unit, year;
