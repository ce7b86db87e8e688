// Measure 8: social learning, the distinct earlier units (conflicts, or host states; see mspo-share.cypher) in
// which two organizations had been co-deployed or had cooperated before a date.
//   Experiences: two missions (not parts of one operation) that share a unit and were active at the same
//   time, from the later of their starts, in their shared units; a hybrid mission deployed by both, from its
//   start, in its own units; a recorded cooperation between two missions, from its start, in their shared
//   units or, when they share none, in the units of the mission it went to.
//   socialLearning = number of distinct units with an experience of an organization of side a with a
//   different organization of side b that began strictly before $before.
// Parameters: $universe, $unit (as in mspo-share.cypher) and $dyads, a list of {a, b, before}: a and b are
// lists of organization ids (one id for a pair of organizations; the organizations of each mission for a
// pair of missions), before a date (YYYY, YYYY-MM or YYYY-MM-DD; for a dyad-year, 1 January of the year).
:param universe => null;
:param include => [];
:param within => null;
:param unit => 'CONFLICT';
:param dyads => [{a: ['EU'], b: ['UN'], before: '2008-01-01'}, {a: ['EU'], b: ['NATO'], before: '2004-12-02'}];

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
// Only missions of an organization of some dyad can make an experience that counts for a dyad (both of its
// organizations are on one side or the other): the pairs are sought from those missions alone, and in the
// history each pair of organizations and unit keeps the first day of every experience it had.
WITH missions, reduce(acc = [], d IN $dyads | acc + [o IN d.a + d.b WHERE NOT o IN acc]) AS dyadOrgs
WITH [m IN missions WHERE any(o IN m.orgs WHERE o IN dyadOrgs)] AS missions
CALL (missions) {
  WITH missions, [m IN missions | m.id] AS ids
  UNWIND range(0, size(missions) - 1) AS i
  MATCH (x:Mission {id: ids[i]})
  CALL (x) {
    MATCH (x)-[:IN_CONFLICT|HOSTED_BY]->()<-[:IN_CONFLICT|HOSTED_BY]-(y:Mission)
    RETURN y
    UNION
    MATCH (x)-[:COOPERATED_WITH]-(y:Mission)
    RETURN y
  }
  WITH missions, ids, i, x, y WHERE x.id < y.id AND y.id IN ids
  WITH missions[i] AS a, missions[[j IN range(0, size(ids) - 1) WHERE ids[j] = y.id][0]] AS b
  WHERE NOT (coalesce(a.parent, '') = b.id OR coalesce(b.parent, '') = a.id
             OR coalesce(a.parent, '') = coalesce(b.parent, '-'))
  WITH a, b,
       CASE WHEN $unit = 'HOST_STATE' OR size(a.conflicts) = 0 OR size(b.conflicts) = 0
            THEN [h IN a.hosts WHERE h IN b.hosts]
            ELSE [k IN a.conflicts WHERE k IN b.conflicts] END AS shared,
       CASE WHEN a.start > b.start THEN a.start ELSE b.start END AS laterStart,
       COLLECT { MATCH (ma:Mission {id: a.id})-[r:COOPERATED_WITH]-(:Mission {id: b.id})
                 RETURN {start: r.start, to: endNode(r).id} AS link } AS links
  WITH a, b, shared, laterStart, links,
       laterStart <= coalesce(a.end, date('9999-12-31')) AND laterStart <= coalesce(b.end, date('9999-12-31'))
         AS overlap
  WITH CASE WHEN size(shared) > 0 AND overlap
            THEN [{x: a.orgs, y: b.orgs, units: shared, since: laterStart}] ELSE [] END
       + [l IN links | {
           x: a.orgs, y: b.orgs,
           units: CASE WHEN size(shared) > 0 THEN shared
                       ELSE [m IN [a, b] WHERE m.id = l.to
                             | CASE WHEN $unit = 'HOST_STATE' OR size(m.conflicts) = 0 THEN m.hosts
                                    ELSE m.conflicts END][0] END,
           since: coalesce(date(l.start), laterStart)}] AS found
  RETURN reduce(acc = [], f IN collect(found) | acc + f) AS pairExperiences
}
WITH missions, pairExperiences
     + [m IN missions WHERE size(m.orgs) > 1
        | {x: m.orgs, y: m.orgs, since: m.start,
           units: CASE WHEN $unit = 'HOST_STATE' OR size(m.conflicts) = 0 THEN m.hosts ELSE m.conflicts END}]
     AS experiences
// The history: for each pair of organizations and unit, the first day of a shared experience.
UNWIND experiences AS e
UNWIND e.x AS o1
UNWIND e.y AS o2
UNWIND e.units AS unit
WITH e, o1, o2, unit WHERE o1 <> o2
WITH CASE WHEN o1 < o2 THEN o1 ELSE o2 END AS p, CASE WHEN o1 < o2 THEN o2 ELSE o1 END AS q, unit,
     min(e.since) AS since
WITH collect({p: p, q: q, unit: unit, since: since}) AS history
UNWIND $dyads AS d
WITH d, [h IN history
         WHERE h.since < date(d.before) AND ((h.p IN d.a AND h.q IN d.b) OR (h.q IN d.a AND h.p IN d.b))] AS matched
WITH d, reduce(acc = [], h IN matched | CASE WHEN h.unit IN acc THEN acc ELSE acc + h.unit END) AS units
RETURN d.a AS a, d.b AS b, d.before AS before, size(units) AS socialLearning, units AS earlierUnits;
