// Operations active per year, by who conducts them, as SIPRI counts them (README Methods, "The universe against
// SIPRI's counts"): UN (the UN deploys it, alone or jointly: SIPRI counts UNAMID as a UN operation), regional
// (another international organization: regional, subregional, alliance or global body), ad hoc (coalitions of
// states and lead states, counted when $include brings them in). A mission is active in y as in
// mspo-share.cypher; an operation split by host country is counted once, by its umbrella.
// Parameters: $universe and $include (the analysis set), $fromYear and $toYear.
:param universe => null;
:param include => ['ad_hoc_coalition'];
:param within => null;
:param fromYear => 2010;
:param toYear => 2023;

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
WITH y, [m IN missions WHERE m.start.year <= y AND (m.end IS NULL OR m.end.year >= y)] AS active
// Parts of one umbrella operation count once.
WITH y, reduce(acc = [], m IN active | CASE WHEN m.parent IS NOT NULL AND m.parent IN [x IN acc | x.key] THEN acc
                                           ELSE acc + {key: coalesce(m.parent, m.id), orgs: m.orgs} END) AS operations
WITH y, [o IN operations | {
       key: o.key,
       kinds: COLLECT { MATCH (x:Organization) WHERE x.id IN o.orgs RETURN coalesce(x.kind, '') AS kind },
       un: 'UN' IN o.orgs
     }] AS ops
RETURN y AS year, size(ops) AS total,
       size([o IN ops WHERE o.un]) AS un,
       size([o IN ops WHERE NOT o.un AND any(k IN o.kinds WHERE NOT k IN ['ad_hoc_coalition', 'lead_state'])]) AS regional,
       size([o IN ops WHERE NOT o.un AND all(k IN o.kinds WHERE k IN ['ad_hoc_coalition', 'lead_state'])]) AS adHoc,
       [o IN ops | o.key] AS operationIds
ORDER BY year;
