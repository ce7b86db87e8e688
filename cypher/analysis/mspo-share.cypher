// Measures 1 and 2: missions active per period, and the share of them that are part of a multiple simultaneous
// peace operation (MSPO).
//   active(m, t): m starts on or before the last day of t and has no end or ends on or after its first day.
//   m is part of an MSPO in t when another mission m' of the same unit is active in t too (the two need not
//   overlap inside t), m' is not part of the same operation (umbrella and parts, two parts of one umbrella),
//   and, with $differentOrganization, the two missions' sets of organizations differ.
//   Same unit: CONFLICT = a shared UCDP conflict, or a shared host state when either mission has no conflict;
//   HOST_STATE = a shared host state.
//   share(t) = MSPO missions active in t / missions active in t (null when none is active).
// Parameters: $universe (an import source name, or null for the whole graph), $unit (CONFLICT or HOST_STATE),
// $granularity (YEAR or MONTH), $from and $to (YYYY or YYYY-MM; every year or month between them, inclusive),
// $differentOrganization (true or false).
// Returns one row per period: period, activeMissions, mspoMissions, share, mspoMissionIds.
:param universe => null;
:param unit => 'CONFLICT';
:param granularity => 'YEAR';
:param from => '1990';
:param to => '2024';
:param differentOrganization => false;

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
// Pairs of missions of the same unit (candidates: missions linked to a common conflict or host state).
CALL (missions) {
  MATCH (x:Mission)-[:IN_CONFLICT|HOSTED_BY]->()<-[:IN_CONFLICT|HOSTED_BY]-(y:Mission)
  WHERE x.id < y.id
  WITH DISTINCT x.id AS xid, y.id AS yid
  WITH [m IN missions WHERE m.id = xid][0] AS a, [m IN missions WHERE m.id = yid][0] AS b
  WHERE a IS NOT NULL AND b IS NOT NULL
    AND NOT (coalesce(a.parent, '') = b.id OR coalesce(b.parent, '') = a.id
             OR coalesce(a.parent, '') = coalesce(b.parent, '-'))
    AND size(CASE WHEN $unit = 'HOST_STATE' OR size(a.conflicts) = 0 OR size(b.conflicts) = 0
                  THEN [h IN a.hosts WHERE h IN b.hosts]
                  ELSE [k IN a.conflicts WHERE k IN b.conflicts] END) > 0
    AND (NOT $differentOrganization
         OR (size(a.orgs) > 0 AND size(b.orgs) > 0
             AND NOT (size(a.orgs) = size(b.orgs) AND all(o IN a.orgs WHERE o IN b.orgs))))
  RETURN collect({a: a, b: b}) AS pairs
}
// The periods: every year (or month) from $from to $to.
WITH missions, pairs, date($from) AS f, date($to) AS t
UNWIND CASE $granularity
         WHEN 'MONTH' THEN [i IN range(0, (t.year - f.year) * 12 + t.month - f.month)
                            | date({year: f.year, month: f.month, day: 1}) + duration({months: i})]
         ELSE [y IN range(f.year, t.year) | date({year: y, month: 1, day: 1})] END AS first
WITH missions, pairs, first,
     CASE $granularity WHEN 'MONTH' THEN first + duration({months: 1}) - duration({days: 1})
                       ELSE date({year: first.year, month: 12, day: 31}) END AS last
WITH first,
     [m IN missions WHERE m.start <= last AND (m.end IS NULL OR m.end >= first) | m.id] AS active,
     [p IN pairs WHERE p.a.start <= last AND (p.a.end IS NULL OR p.a.end >= first)
                   AND p.b.start <= last AND (p.b.end IS NULL OR p.b.end >= first)] AS live
WITH first, active, reduce(ids = [], p IN live | ids + [p.a.id, p.b.id]) AS paired
WITH first, active, [id IN active WHERE id IN paired] AS mspo
RETURN CASE $granularity WHEN 'MONTH' THEN left(toString(first), 7) ELSE toString(first.year) END AS period,
       size(active) AS activeMissions,
       size(mspo) AS mspoMissions,
       CASE WHEN size(active) = 0 THEN null ELSE toFloat(size(mspo)) / size(active) END AS share,
       mspo AS mspoMissionIds
ORDER BY period;
