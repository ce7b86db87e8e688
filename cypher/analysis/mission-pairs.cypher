// Measures 3, 4 and 6 for pairs of missions: pair type, recorded cooperation, complementarity.
//   A pair is two missions of the analysis set, not parts of one operation, that either share a unit (see
//   mspo-share.cypher) and overlap in time or follow each other within the window, or are linked by a recorded
//   cooperation (COOPERATED_WITH, any kind). With $differentOrganization their organization sets must differ.
//   Type, in this order: SEQUENTIAL if a handover is recorded between them or one starts within $windowDays
//   days (before or after) of the end of the other, which started no later; BRIDGING if a bridging operation
//   is recorded between them; else PARALLEL. Hybrid is not a pair type: it is one operation jointly led by
//   two or more organizations (recorded as joint leads); hybridA / hybridB say whether a mission of the pair
//   is one, and the pair is typed by its timing like any other. An organization that authorizes or supports
//   a mission is not one of its organizations.
//   complementarity = 1 - |T(a) & T(b)| / |T(a) | T(b)| over the tasks military, police, observer, civilian,
//   rule_of_law, monitoring, training, support (null when neither has one).
//   pairStart: the later of the two starts (the day the pair came to be). overlapDays counts the days both
//   were active (to today for missions still active); gapDays is the successor's start minus the
//   predecessor's end (negative when they overlap; null while the predecessor is active).
// Parameters: $universe, $unit, $differentOrganization (as in mspo-share.cypher), $windowDays (180),
// $missions (null for every pair whose pairStart is in [$from, $to]; or two mission ids to measure that pair,
// whatever its dates, with isPair saying whether it meets the definition), $from and $to (YYYY, YYYY-MM or
// YYYY-MM-DD).
:param universe => null;
:param include => [];
:param within => null;
:param unit => 'CONFLICT';
:param differentOrganization => true;
:param windowDays => 180;
:param missions => null;
:param from => '1990';
:param to => '2024';

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
// Candidates, as positions i and j in the analysis set: the two missions asked for ($missions) or else the
// missions of the analysis set that share a conflict or a host state (the pairs within each, each pair once,
// in id order, and only those whose later start falls in the period: the pairs the last filter keeps; at ten
// times the data, every ordered pair of every place filled the transaction's memory) and those with a
// recorded link (only these can be pairs), the position of the other end found by a binary search in the set,
// ordered by id for it (a scan of the set for each link took over a second at ten times the data).
WITH COLLECT { UNWIND missions AS m RETURN m ORDER BY m.id } AS missions
WITH missions, [m IN missions | m.id] AS ids,
     date($from) AS periodFirst,
     date($to) + duration(CASE size($to) WHEN 4 THEN {years: 1} WHEN 7 THEN {months: 1} ELSE {days: 1} END)
       - duration({days: 1}) AS periodLast
CALL (missions, ids, periodFirst, periodLast) {
  UNWIND CASE WHEN $missions IS NULL THEN range(0, size(missions) - 1) ELSE [] END AS i
  WITH i WHERE missions[i].start <= periodLast
  UNWIND missions[i].conflicts + missions[i].hosts AS place
  WITH place, collect(i) AS here
  UNWIND here AS i
  UNWIND here AS j
  WITH i, j WHERE ids[i] < ids[j] AND (missions[i].start >= periodFirst OR missions[j].start >= periodFirst)
  RETURN i, j
  UNION ALL
  UNWIND CASE WHEN $missions IS NULL THEN range(0, size(ids) - 1) ELSE [] END AS i
  MATCH (:Mission {id: ids[i]})-[:COOPERATED_WITH]-(y:Mission)
  WITH i, y.id AS other,
       reduce(lh = [0, size(ids) - 1], step IN range(0, toInteger(log(size(ids) + 1) / log(2)) + 1) |
         CASE WHEN lh[0] >= lh[1] THEN lh
              WHEN ids[(lh[0] + lh[1]) / 2] < y.id THEN [(lh[0] + lh[1]) / 2 + 1, lh[1]]
              ELSE [lh[0], (lh[0] + lh[1]) / 2] END)[0] AS k
  WITH i, CASE WHEN ids[k] = other THEN k END AS j
  WHERE j IS NOT NULL
  RETURN i, j
  UNION ALL
  UNWIND [k IN range(0, size(ids) - 1) WHERE ids[k] IN coalesce($missions, [])] AS i
  UNWIND [k IN range(0, size(ids) - 1) WHERE ids[k] IN coalesce($missions, [])] AS j
  RETURN i, j
}
// Each pair once. Not by UNION: its distinct rows would hold the imported analysis set, every row a copy of the
// whole list as Neo4j counts memory (at ten times the data that passed the transaction's limit).
WITH missions, periodFirst, periodLast, collect(DISTINCT [i, j]) AS candidates
UNWIND candidates AS candidate
WITH missions[candidate[0]] AS a, missions[candidate[1]] AS b, periodFirst, periodLast
WHERE a.id < b.id
  AND NOT (coalesce(a.parent, '') = b.id OR coalesce(b.parent, '') = a.id
           OR coalesce(a.parent, '') = coalesce(b.parent, '-'))
WITH a, b, periodFirst, periodLast,
     CASE WHEN $unit = 'HOST_STATE' OR size(a.conflicts) = 0 OR size(b.conflicts) = 0
          THEN [h IN a.hosts WHERE h IN b.hosts]
          ELSE [k IN a.conflicts WHERE k IN b.conflicts] END AS sharedUnits,
     COLLECT { MATCH (:Mission {id: a.id})-[r:COOPERATED_WITH]-(:Mission {id: b.id})
               WITH DISTINCT r.kind AS kind ORDER BY kind RETURN kind } AS linkKinds,
     CASE WHEN a.start <= b.start THEN a ELSE b END AS earlier,
     CASE WHEN a.start <= b.start THEN b ELSE a END AS later
WITH a, b, periodFirst, periodLast, sharedUnits, linkKinds, later.start AS pairStart,
     a.start <= coalesce(b.end, date('9999-12-31')) AND b.start <= coalesce(a.end, date('9999-12-31')) AS overlap,
     CASE WHEN earlier.end IS NULL THEN null ELSE duration.inDays(earlier.end, later.start).days END AS gapDays,
     CASE WHEN a.end IS NULL THEN b.end WHEN b.end IS NULL THEN a.end WHEN a.end < b.end THEN a.end ELSE b.end END
       AS overlapEnd,
     (size(a.orgs) > 0 AND size(b.orgs) > 0
      AND NOT (size(a.orgs) = size(b.orgs) AND all(o IN a.orgs WHERE o IN b.orgs))) AS differentOrganizations
WITH a, b, periodFirst, periodLast, sharedUnits, linkKinds, pairStart, overlap, gapDays, differentOrganizations,
     CASE WHEN overlap THEN duration.inDays(pairStart, coalesce(overlapEnd, date())).days + 1 ELSE 0 END AS overlapDays,
     gapDays IS NOT NULL AND abs(gapDays) <= toInteger($windowDays) AS withinWindow,
     a.hybrid OR b.hybrid AS hybrid,
     [t IN a.tasks WHERE t IN b.tasks] AS commonTasks,
     a.tasks + [t IN b.tasks WHERE NOT t IN a.tasks] AS allTasks
WITH *, ((size(sharedUnits) > 0 AND (overlap OR withinWindow)) OR size(linkKinds) > 0)
        AND (NOT $differentOrganization OR differentOrganizations) AS isPair
WHERE $missions IS NOT NULL OR (isPair AND pairStart >= periodFirst AND pairStart <= periodLast)
RETURN a.id AS missionA, b.id AS missionB, a.orgs AS organizationsA, b.orgs AS organizationsB,
       toString(a.start) AS startA, toString(a.end) AS endA, toString(b.start) AS startB, toString(b.end) AS endB,
       toString(pairStart) AS pairStart, sharedUnits, isPair, differentOrganizations,
       overlapDays, gapDays, withinWindow AS sequentialByWindow,
       'handover' IN linkKinds AS handoverRecorded, 'bridging' IN linkKinds AS bridgingRecorded,
       linkKinds, size(linkKinds) > 0 AS cooperated, hybrid, a.hybrid AS hybridA, b.hybrid AS hybridB,
       CASE WHEN 'handover' IN linkKinds OR withinWindow THEN 'SEQUENTIAL'
            WHEN 'bridging' IN linkKinds THEN 'BRIDGING'
            ELSE 'PARALLEL' END AS pairType,
       a.tasks AS tasksA, b.tasks AS tasksB,
       CASE WHEN size(allTasks) = 0 THEN null ELSE 1.0 - toFloat(size(commonTasks)) / size(allTasks) END
         AS complementarity
ORDER BY pairStart, missionA, missionB;
