// Measures 4 and 6 for pairs of organizations in a year (dyad-years): co-deployment, recorded cooperation
// (the outcome), the cooperation rate and complementarity.
//   Missions of an organization: those of the analysis set it deployed, active in the year.
//   Co-deployed mission pairs: a mission of $a and a mission of $b (not parts of one operation) that share a
//   unit (see mspo-share.cypher) and are active at the same time at some point of the year; a hybrid mission
//   deployed by both counts as one co-deployed pair (with itself).
//   linkedPairs: co-deployed pairs with a recorded cooperation between the two missions (any kind, any date);
//   a mission of both is linked by its nature. cooperationRate = linkedPairs / codeployedPairs.
//   cooperated (the outcome): a recorded cooperation between a mission of $a and a mission of $b, or support
//   of one organization to a mission of the other (SUPPORTED, kind support), that is in force during the year
//   (from its start to its end; with no end, until the earlier end of the two missions), or a mission of both active in the year: a hybrid (jointly led by both; kind 'hybrid') or
//   another operation both deploy (kind 'joint'). cooperationLinks counts those links and missions.
//   complementarityMean: mean of 1 - Jaccard(tasks) over the co-deployed pairs of two different missions;
//   complementarityUnion: 1 - Jaccard of the union of the tasks of each side's active missions.
// Parameters: $universe, $unit (as in mspo-share.cypher) and $dyads, a list of {a, b, year} with two
// organization ids and a year.
:param universe => null;
:param include => [];
:param within => null;
:param unit => 'CONFLICT';
:param dyads => [{a: 'AU', b: 'UN', year: 2007}, {a: 'EU', b: 'NATO', year: 2005}];

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
UNWIND $dyads AS d
WITH missions, d, toInteger(d.year) AS y
WITH missions, d, y, date({year: y, month: 1, day: 1}) AS first, date({year: y, month: 12, day: 31}) AS last
WITH missions, d, y, first, last,
     [m IN missions WHERE d.a IN m.orgs AND m.start <= last AND (m.end IS NULL OR m.end >= first)] AS ma,
     [m IN missions WHERE d.b IN m.orgs AND m.start <= last AND (m.end IS NULL OR m.end >= first)] AS mb
// Every pair of an active mission of a with one of b; a mission deployed by both pairs with itself.
WITH missions, d, y, first, last, ma, mb,
     reduce(acc = [], x IN ma | acc + [z IN mb | {a: x, b: z}]) AS crossed
WITH missions, d, y, first, last, ma, mb,
     [p IN crossed
      WHERE (p.a.id = p.b.id
             OR NOT (coalesce(p.a.parent, '') = p.b.id OR coalesce(p.b.parent, '') = p.a.id
                     OR coalesce(p.a.parent, '') = coalesce(p.b.parent, '-')))
        // simultaneously active at some point of the year
        AND (CASE WHEN p.a.start > p.b.start THEN p.a.start ELSE p.b.start END) <= last
        AND coalesce(p.a.end, last) >= first AND coalesce(p.b.end, last) >= first
        AND (CASE WHEN p.a.start > p.b.start THEN p.a.start ELSE p.b.start END)
            <= coalesce(CASE WHEN p.a.end IS NULL THEN p.b.end WHEN p.b.end IS NULL THEN p.a.end
                             WHEN p.a.end < p.b.end THEN p.a.end ELSE p.b.end END, last)
      | {a: p.a, b: p.b, self: p.a.id = p.b.id,
         key: CASE WHEN p.a.id < p.b.id THEN p.a.id + '|' + p.b.id ELSE p.b.id + '|' + p.a.id END,
         units: CASE WHEN $unit = 'HOST_STATE' OR size(p.a.conflicts) = 0 OR size(p.b.conflicts) = 0
                     THEN [h IN p.a.hosts WHERE h IN p.b.hosts]
                     ELSE [k IN p.a.conflicts WHERE k IN p.b.conflicts] END}] AS candidates
WITH missions, d, y, first, last, ma, mb,
     reduce(acc = [], p IN [c IN candidates WHERE size(c.units) > 0]
            | CASE WHEN p.key IN [q IN acc | q.key] THEN acc ELSE acc + p END) AS codeployed
// Recorded links between any missions of the two organizations (the analysis set only), with their dates.
WITH missions, d, y, first, last, ma, mb, codeployed,
     [m IN missions WHERE d.a IN m.orgs | m.id] AS allA, [m IN missions WHERE d.b IN m.orgs | m.id] AS allB
CALL (missions, allA, allB) {
  OPTIONAL MATCH (x:Mission)-[r:COOPERATED_WITH]-(z:Mission)
  WHERE x.id IN allA AND z.id IN allB
  WITH DISTINCT r, [m IN missions WHERE m.id = x.id][0] AS mx, [m IN missions WHERE m.id = z.id][0] AS mz
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {
    key: CASE WHEN mx.id < mz.id THEN mx.id + '|' + mz.id ELSE mz.id + '|' + mx.id END,
    kind: r.kind,
    start: coalesce(date(r.start), CASE WHEN mx.start > mz.start THEN mx.start ELSE mz.start END),
    end: CASE WHEN r.end IS NOT NULL
              THEN date(r.end) + duration(CASE size(r.end) WHEN 4 THEN {years: 1} WHEN 7 THEN {months: 1}
                                          ELSE {days: 1} END) - duration({days: 1})
              WHEN mx.end IS NULL THEN mz.end WHEN mz.end IS NULL THEN mx.end
              WHEN mx.end < mz.end THEN mx.end ELSE mz.end END} END) AS missionLinks
}
// Support of one organization to a mission of the other (SUPPORTED: funding, logistics, training...), in
// force from its start (else the mission's) to its end (else the mission's): kind 'support'.
CALL (d, missions, allA, allB) {
  OPTIONAL MATCH (o:Organization)-[r:SUPPORTED]->(z:Mission)
  WHERE (o.id = d.a AND z.id IN allB) OR (o.id = d.b AND z.id IN allA)
  WITH r, [m IN missions WHERE m.id = z.id][0] AS mz
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {
    key: null,
    kind: 'support',
    start: CASE WHEN coalesce(r.start, '') = '' THEN mz.start ELSE date(r.start) END,
    end: CASE WHEN r.end IS NOT NULL
              THEN date(r.end) + duration(CASE size(r.end) WHEN 4 THEN {years: 1} WHEN 7 THEN {months: 1}
                                          ELSE {days: 1} END) - duration({days: 1})
              ELSE mz.end END} END) AS supportLinks
}
WITH missions, d, y, first, last, ma, mb, codeployed, missionLinks + supportLinks AS links
WITH d, y, ma, mb, codeployed, links,
     [l IN links WHERE l.start <= last AND (l.end IS NULL OR l.end >= first)] AS linksInForce,
     [m IN ma WHERE d.b IN m.orgs] AS shared,
     reduce(acc = [], m IN ma | acc + [t IN m.tasks WHERE NOT t IN acc]) AS tasksA,
     reduce(acc = [], m IN mb | acc + [t IN m.tasks WHERE NOT t IN acc]) AS tasksB
WITH d, y, ma, mb, codeployed, linksInForce, shared, tasksA, tasksB,
     [p IN codeployed WHERE p.self OR p.key IN [l IN links | l.key]] AS linked,
     [p IN codeployed WHERE NOT p.self
      | CASE WHEN size(p.a.tasks + [t IN p.b.tasks WHERE NOT t IN p.a.tasks]) = 0 THEN null
             ELSE 1.0 - toFloat(size([t IN p.a.tasks WHERE t IN p.b.tasks]))
                        / size(p.a.tasks + [t IN p.b.tasks WHERE NOT t IN p.a.tasks]) END] AS complementarities
WITH d, y, ma, mb, codeployed, linksInForce, shared, linked, tasksA, tasksB,
     [c IN complementarities WHERE c IS NOT NULL] AS comps,
     tasksA + [t IN tasksB WHERE NOT t IN tasksA] AS allTasks
RETURN d.a AS a, d.b AS b, y AS year,
       size(ma) AS activeMissionsA, size(mb) AS activeMissionsB,
       size(codeployed) AS codeployedPairs,
       reduce(acc = [], p IN codeployed | acc + [u IN p.units WHERE NOT u IN acc]) AS codeployedUnits,
       size(linked) AS linkedPairs,
       CASE WHEN size(codeployed) = 0 THEN null ELSE toFloat(size(linked)) / size(codeployed) END AS cooperationRate,
       size(linksInForce) + size(shared) AS cooperationLinks,
       reduce(acc = [], k IN [l IN linksInForce | l.kind]
                             + [m IN shared | CASE WHEN m.hybrid THEN 'hybrid' ELSE 'joint' END]
              | CASE WHEN k IN acc THEN acc ELSE acc + k END) AS cooperationKinds,
       size(linksInForce) + size(shared) > 0 AS cooperated,
       [m IN shared WHERE m.hybrid | m.id] AS hybridMissions,
       CASE WHEN size(comps) = 0 THEN null ELSE reduce(s = 0.0, c IN comps | s + c) / size(comps) END
         AS complementarityMean,
       CASE WHEN size(tasksA) = 0 OR size(tasksB) = 0 THEN null
            ELSE 1.0 - toFloat(size([t IN tasksA WHERE t IN tasksB])) / size(allTasks) END AS complementarityUnion;
