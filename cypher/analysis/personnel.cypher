// Measure 5: resources, the personnel and the number of active missions (strain) of organizations, or of
// missions, per year.
//   Strength of mission m in month t: the total of its PERSONNEL_IN figures summed over host states, from
//   ipi-missions when that source has the mission-month, else from bara-hultman.
//   personnel(m, y) = mean strength over the months of y with a figure (null when none).
//   ORGANIZATION level: activeMissions = missions of the analysis set the organization deployed that are
//   active in y (the strain); personnel = sum of personnel(m, y) over them, each mission counted in full for
//   every organization that deployed it; null when none has a figure; missionsWithPersonnel says how many did.
//   MISSION level: the same for one mission (activeMissions is 1 or 0).
//   The dyadic ratio min / max of the two organizations' personnel is computed from these rows.
// Parameters: $universe (as in mspo-share.cypher), $level (ORGANIZATION or MISSION), $ids (the organization
// or mission ids; null for all), $fromYear and $toYear.
:param universe => null;
:param level => 'ORGANIZATION';
:param ids => ['AU', 'EU', 'UN'];
:param fromYear => 2005;
:param toYear => 2008;

// ---- analysis set: the same block opens every file of cypher/analysis (a test checks it) ----
// Missions of the universe that have a start date; an umbrella mission whose parts are in the universe is
// replaced by its parts. Organizations: the deploying ones, leaving out a lead state when the mission also has
// an organization of another kind (a coalition or a regional body it leads). Dates widened to whole days.
CALL () {
  MATCH (m:Mission)
  WHERE m.start IS NOT NULL
    AND ($universe IS NULL OR $universe IN m.sources)
    AND NOT EXISTS {
      MATCH (part:Mission)-[:PART_OF]->(m)
      WHERE $universe IS NULL OR $universe IN part.sources
    }
  WITH m, COLLECT { MATCH (o:Organization)-[:DEPLOYED]->(m) WITH DISTINCT o ORDER BY o.id RETURN o } AS deployers
  WITH m, [o IN deployers | o.id] AS everyOrg,
       [o IN deployers WHERE coalesce(o.kind, '') <> 'lead_state' | o.id] AS bodies
  RETURN collect({
    id: m.id,
    parent: head(COLLECT { MATCH (m)-[:PART_OF]->(p:Mission) RETURN p.id }),
    orgs: CASE WHEN size(bodies) > 0 THEN bodies ELSE everyOrg END,
    conflicts: COLLECT { MATCH (m)-[:IN_CONFLICT]->(k:Conflict) WITH DISTINCT k.id AS id ORDER BY id RETURN id },
    hosts: COLLECT { MATCH (m)-[:HOSTED_BY]->(s:State) WITH DISTINCT s.id AS id ORDER BY id RETURN id },
    tasks: [t IN coalesce(m.kinds, [])
            WHERE t IN ['military', 'police', 'observer', 'civilian', 'rule_of_law', 'monitoring', 'training', 'support']],
    start: date(m.start),
    end: CASE WHEN m.end IS NULL THEN null
         ELSE date(m.end) + duration(CASE size(m.end) WHEN 4 THEN {years: 1} WHEN 7 THEN {months: 1} ELSE {days: 1} END)
              - duration({days: 1}) END
  }) AS missions
}
// ---- end of the analysis set ----
UNWIND range(toInteger($fromYear), toInteger($toYear)) AS y
UNWIND missions AS m
WITH y, m WHERE m.start.year <= y AND (m.end IS NULL OR m.end.year >= y)
UNWIND CASE $level WHEN 'MISSION' THEN [m.id] ELSE m.orgs END AS id
WITH y, m, id WHERE $ids IS NULL OR id IN $ids
CALL (m, y) {
  OPTIONAL MATCH (:Mission {id: m.id})-[p:PERSONNEL_IN]->(:State)
  WHERE p.month STARTS WITH toString(y) AND p.source IN ['ipi-missions', 'bara-hultman']
  WITH p.month AS month, p.source AS source,
       CASE WHEN count(p.total) = 0 THEN null ELSE sum(p.total) END AS total
  WITH month, collect({source: source, total: total}) AS bySource
  WITH month, coalesce([b IN bySource WHERE b.source = 'ipi-missions'][0].total,
                       [b IN bySource WHERE b.source = 'bara-hultman'][0].total) AS strength
  RETURN avg(strength) AS personnel
}
WITH id, y, count(m) AS activeMissions, count(personnel) AS missionsWithPersonnel,
     CASE WHEN count(personnel) = 0 THEN null ELSE sum(personnel) END AS personnel
RETURN id, y AS year, activeMissions, personnel, missionsWithPersonnel
ORDER BY id, year;
