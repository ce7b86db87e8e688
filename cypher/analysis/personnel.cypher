// Measure 5: resources, the personnel and the number of active missions (strain) of organizations, or of
// missions, per year. The one definition of a mission's personnel: the stats query, the charts and the
// measures read it here.
//   Strength of mission m in a month t in which it is active, from the best source that has it, in this order:
//   1. ipi-missions: IPI's monthly total (PERSONNEL_IN, summed over host states);
//   2. un-country-by-year: the UN's average monthly personnel of the year, summed over contributing states;
//   3. geopko-tcc: Geo-PKO's estimated troops of the year, summed over contributors and sites, only where
//      every contributor of the mission-year has an estimate;
//   4. bara-hultman: Bara & Hultman's monthly total (PERSONNEL_IN, summed over host states).
//   A month no source covers has no strength: unknown, never 0.
//   personnel(m, y) = mean strength over the months of y with a strength (null when none); sources lists the
//   sources used. monthsWithFigure / monthsActive say how much of the year the figure covers; missionIds
//   lists the active missions counted.
//   ORGANIZATION level: activeMissions = missions of the analysis set the organization deployed that are
//   active in y (the strain); personnel = sum of personnel(m, y) over them, each mission counted in full for
//   every organization that deployed it; null when none has a figure; missionsWithPersonnel says how many did.
//   ALL level: the same over every mission of the analysis set (id '*'), each mission counted once.
//   MISSION level: the same for one mission (activeMissions is 1 or 0).
//   The dyadic ratio min / max of the two organizations' personnel is computed from these rows.
// Parameters: $universe and $include (the analysis set), $level (ORGANIZATION, ALL or MISSION), $ids (the
// organization or mission ids; null for all), $fromYear and $toYear.
:param universe => null;
:param include => [];
:param within => null;
:param level => 'ORGANIZATION';
:param ids => ['AU', 'EU', 'UN'];
:param fromYear => 2005;
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
UNWIND range(toInteger($fromYear), toInteger($toYear)) AS y
UNWIND missions AS m
WITH y, m WHERE m.start.year <= y AND (m.end IS NULL OR m.end.year >= y)
UNWIND CASE $level WHEN 'MISSION' THEN [m.id] WHEN 'ALL' THEN ['*'] ELSE m.orgs END AS id
WITH y, m, id WHERE $ids IS NULL OR id IN $ids
CALL (m, y) {
  OPTIONAL MATCH (:Mission {id: m.id})-[p:PERSONNEL_IN]->(:State)
  WHERE p.month STARTS WITH toString(y) AND p.source IN ['ipi-missions', 'bara-hultman'] AND p.total IS NOT NULL
  WITH p.source AS source, p.month AS month, sum(p.total) AS total
  RETURN collect(CASE WHEN source IS NULL THEN null ELSE {source: source, month: month, total: total} END) AS monthly
}
CALL (m, y) {
  OPTIONAL MATCH (:State)-[c:CONTRIBUTED_TO]->(:Mission {id: m.id})
  WHERE c.from = toString(y) + '-01' AND c.source IN ['un-country-by-year', 'geopko-tcc']
  WITH c.source AS source, collect(coalesce(c.total, c.troopsEstimate)) AS figures, count(c) AS records
  RETURN collect(CASE WHEN source IS NULL OR size(figures) < records THEN null
                      ELSE {source: source, total: reduce(t = 0.0, f IN figures | t + f)} END) AS yearly
}
WITH y, m, id, monthly,
     [x IN yearly WHERE x.source = 'un-country-by-year'][0] AS countryByYear,
     [x IN yearly WHERE x.source = 'geopko-tcc'][0] AS geoPko,
     [i IN range(1, 12) WHERE date({year: y, month: i, day: 1}) <= coalesce(m.end, date({year: y, month: 12, day: 31}))
                          AND date({year: y, month: i, day: 1}) + duration({months: 1}) > m.start
      | toString(y) + '-' + right('0' + toString(i), 2)] AS months
WITH y, m, id, size(months) AS monthsActive,
     [t IN [month IN months
            | coalesce([x IN monthly WHERE x.month = month AND x.source = 'ipi-missions'][0],
                       countryByYear, geoPko,
                       [x IN monthly WHERE x.month = month AND x.source = 'bara-hultman'][0])]
      WHERE t IS NOT NULL] AS strengths
WITH y, m, id, monthsActive, size(strengths) AS monthsWithFigure,
     CASE WHEN size(strengths) = 0 THEN null
          ELSE reduce(t = 0.0, x IN strengths | t + x.total) / size(strengths) END AS personnel,
     reduce(acc = [], x IN strengths | CASE WHEN x.source IN acc THEN acc ELSE acc + x.source END) AS sources
WITH id, y, count(m) AS activeMissions, count(personnel) AS missionsWithPersonnel,
     CASE WHEN count(personnel) = 0 THEN null ELSE sum(personnel) END AS personnel,
     reduce(acc = [], s IN collect(sources) | acc + [x IN s WHERE NOT x IN acc]) AS sources,
     sum(monthsActive) AS monthsActive, sum(monthsWithFigure) AS monthsWithFigure, collect(m.id) AS missionIds
RETURN id, y AS year, activeMissions, personnel, missionsWithPersonnel, sources, monthsActive, monthsWithFigure,
       missionIds
ORDER BY id, year;
