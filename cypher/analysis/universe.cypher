// The universe a statistic counts: how many missions the analysis set holds for $universe (an import source
// name, or null for the whole graph), and how many missions of that universe it leaves out: those without a
// start date, and umbrella missions replaced by their parts.
:param universe => null;

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
CALL () {
  MATCH (m:Mission)
  WHERE $universe IS NULL OR $universe IN m.sources
  RETURN count(m) AS recorded,
         count(CASE WHEN m.start IS NULL THEN m END) AS withoutStart,
         count(CASE WHEN m.start IS NOT NULL AND EXISTS {
                 MATCH (part:Mission)-[:PART_OF]->(m) WHERE $universe IS NULL OR $universe IN part.sources
               } THEN m END) AS replacedByParts
}
RETURN $universe AS universe, size(missions) AS missions, recorded, withoutStart, replacedByParts,
       size([m IN missions WHERE size(m.conflicts) = 0]) AS missionsWithoutConflict,
       size([m IN missions WHERE size(m.hosts) = 0]) AS missionsWithoutHost;
