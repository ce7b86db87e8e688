// Measures 1 and 2: missions active per period, and the share of them that are part of a multiple simultaneous
// peace operation (MSPO), after Balas: operations deployed where other international organizations' peace
// operations were active at the same time.
//   active(m, t): m starts on or before the last day of t and its end (recorded, else its last evidence) is
//   open or on or after the first day of t (dates cover what their precision covers).
//   m is part of an MSPO in t when another mission m' of the same unit is active in t too (the two need not
//   overlap inside t), m' is not part of the same operation (umbrella and parts, two parts of one umbrella),
//   and the two missions' sets of organizations differ: another organization's operation. With
//   $differentOrganization false (a variant, not the field's rule), any other mission counts, the same
//   organization's included.
//   Same unit: CONFLICT = a shared UCDP conflict; only where either mission has no conflict recorded, a shared
//   host state (the fallback: hostFallbackMissionIds lists the MSPO missions that only it made MSPO);
//   HOST_STATE = a shared host state.
//   share(t) = MSPO missions active in t / missions active in t (null when none is active).
// Parameters: $universe and $include (the analysis set, README Methods), $unit (CONFLICT or HOST_STATE),
// $granularity (YEAR or MONTH), $from and $to (YYYY or YYYY-MM; every year or month between them, inclusive),
// $differentOrganization (true: the field's rule; false: the variant).
// Returns one row per period: period, activeMissions, mspoMissions, share, mspoMissionIds, hostFallbackMissionIds.
:param universe => null;
:param include => [];
:param within => null;
:param unit => 'CONFLICT';
:param granularity => 'YEAR';
:param from => '1990';
:param to => '2024';
:param differentOrganization => true;

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
// Pairs of missions of the same unit (candidates: missions that share a conflict or a host state), with each
// mission's place in the list (i), so that the periods below keep the list's order.
CALL (missions) {
  UNWIND range(0, size(missions) - 1) AS i
  WITH i, missions[i] AS m
  UNWIND [k IN m.conflicts | 'conflict:' + k] + [h IN m.hosts | 'host:' + h] AS place
  WITH place, collect({i: i, m: m}) AS here
  UNWIND here AS x
  UNWIND here AS y
  WITH x, y WHERE x.m.id < y.m.id
  WITH DISTINCT x.i AS ai, y.i AS bi, x.m AS a, y.m AS b
  WHERE NOT (coalesce(a.parent, '') = b.id OR coalesce(b.parent, '') = a.id
             OR coalesce(a.parent, '') = coalesce(b.parent, '-'))
    AND (NOT $differentOrganization
         OR (size(a.orgs) > 0 AND size(b.orgs) > 0
             AND NOT (size(a.orgs) = size(b.orgs) AND all(o IN a.orgs WHERE o IN b.orgs))))
  WITH ai, bi, a, b, $unit = 'CONFLICT' AND (size(a.conflicts) = 0 OR size(b.conflicts) = 0) AS fallback
  WHERE size(CASE WHEN $unit = 'HOST_STATE' OR fallback
                  THEN [h IN a.hosts WHERE h IN b.hosts]
                  ELSE [k IN a.conflicts WHERE k IN b.conflicts] END) > 0
  RETURN collect({a: a, b: b, ai: ai, bi: bi, fallback: fallback}) AS pairs
}
// The periods: every year (or month) from $from to $to, numbered from 0 (n the last). A date's period number:
// its year (or month) counted from $from's.
WITH missions, pairs, date($from) AS f, date($to) AS t
WITH missions, pairs, f,
     CASE $granularity WHEN 'MONTH' THEN (t.year - f.year) * 12 + t.month - f.month ELSE t.year - f.year END AS n
// One row per period, per MSPO mission in it (with its place in the list) and per mission active in it, grouped
// by period below. A pair counts in the periods both its missions are active in: from the period of the later
// start to that of the earlier end (both open: to the last period). byConflict 0: only the host fallback pairs
// the mission in that period (no pair by a shared conflict).
CALL (missions, pairs, f, n) {
  UNWIND range(0, n) AS k
  RETURN k, null AS i, null AS id, null AS byConflict, 0 AS active
  UNION ALL
  UNWIND pairs AS p
  WITH p, CASE WHEN p.a.start >= p.b.start THEN p.a.start ELSE p.b.start END AS lo,
       CASE WHEN p.b.end IS NULL OR (p.a.end IS NOT NULL AND p.a.end <= p.b.end) THEN p.a.end ELSE p.b.end END AS hi
  WITH p, CASE $granularity WHEN 'MONTH' THEN (lo.year - f.year) * 12 + lo.month - f.month
                            ELSE lo.year - f.year END AS k0,
       CASE WHEN hi IS NULL THEN n
            WHEN $granularity = 'MONTH' THEN (hi.year - f.year) * 12 + hi.month - f.month
            ELSE hi.year - f.year END AS k1
  UNWIND range(CASE WHEN k0 < 0 THEN 0 ELSE k0 END, CASE WHEN k1 > n THEN n ELSE k1 END) AS k
  UNWIND [{i: p.ai, id: p.a.id}, {i: p.bi, id: p.b.id}] AS x
  WITH k, x.i AS i, x.id AS id, max(CASE WHEN p.fallback THEN 0 ELSE 1 END) AS byConflict
  RETURN k, i, id, byConflict, 0 AS active
  UNION ALL
  UNWIND missions AS m
  WITH m, CASE $granularity WHEN 'MONTH' THEN (m.start.year - f.year) * 12 + m.start.month - f.month
                            ELSE m.start.year - f.year END AS k0,
       CASE WHEN m.end IS NULL THEN n
            WHEN $granularity = 'MONTH' THEN (m.end.year - f.year) * 12 + m.end.month - f.month
            ELSE m.end.year - f.year END AS k1
  UNWIND range(CASE WHEN k0 < 0 THEN 0 ELSE k0 END, CASE WHEN k1 > n THEN n ELSE k1 END) AS k
  RETURN k, null AS i, null AS id, null AS byConflict, 1 AS active
}
// The MSPO missions of a period in the list's order.
WITH f, k, i, id, byConflict, active ORDER BY k, i
WITH f, k, collect(id) AS mspo, collect(CASE WHEN byConflict = 0 THEN id END) AS fallbackOnly, sum(active) AS active
WITH CASE $granularity WHEN 'MONTH' THEN f + duration({months: k})
                       ELSE date({year: f.year + k, month: 1, day: 1}) END AS first,
     active, mspo, fallbackOnly
RETURN CASE $granularity WHEN 'MONTH' THEN left(toString(first), 7) ELSE toString(first.year) END AS period,
       active AS activeMissions,
       size(mspo) AS mspoMissions,
       CASE WHEN active = 0 THEN null ELSE toFloat(size(mspo)) / active END AS share,
       mspo AS mspoMissionIds,
       fallbackOnly AS hostFallbackMissionIds
ORDER BY period;
