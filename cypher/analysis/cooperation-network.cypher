// Measure 12: the network of organizations in a period: who was co-deployed with (or cooperated with) whom,
// each organization's degree, the density and Freeman's degree centralization.
//   Nodes: organizations with a mission of the analysis set active in the period.
//   Ties, CODEPLOYMENT: two organizations are tied when a mission of one and a mission of the other (not
//   parts of one operation) share a unit (see mspo-share.cypher) and are active at the same time within the
//   period, or one hybrid mission active in the period has both. COOPERATION: when a recorded cooperation
//   between a mission of one and a mission of the other is in force during the period (from its start to its
//   end; with no end, until the earlier end of the two missions), when one supported a mission of the other
//   in the period (SUPPORTED; the supporter must have a mission of its own in the period), or one hybrid
//   mission active in the period has both. weight = number of distinct mission pairs (a hybrid mission counting as one) behind the tie.
//   degree(i) = number of organizations tied to i; density = 2 L / (n (n - 1)) (null when n < 2);
//   centralization = sum_i (max degree - degree(i)) / ((n - 1)(n - 2)) (null when n < 3).
// Parameters: $universe, $unit (as in mspo-share.cypher), $tie (CODEPLOYMENT or COOPERATION), $from and $to
// (YYYY, YYYY-MM or YYYY-MM-DD).
:param universe => null;
:param include => [];
:param within => null;
:param unit => 'CONFLICT';
:param tie => 'CODEPLOYMENT';
:param from => '2008';
:param to => '2008';

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
WITH missions, date($from) AS first,
     date($to) + duration(CASE size($to) WHEN 4 THEN {years: 1} WHEN 7 THEN {months: 1} ELSE {days: 1} END)
       - duration({days: 1}) AS last
WITH first, last, [m IN missions WHERE m.start <= last AND (m.end IS NULL OR m.end >= first)] AS active
CALL (first, last, active) {
  // Co-deployed pairs of two different missions. Only missions that share a conflict or a host state can
  // share a unit: the candidates are the pairs within each conflict and each host (each pair once), not every
  // pair of active missions; the test below is the rule itself.
  CALL (active) {
    UNWIND CASE WHEN $tie = 'CODEPLOYMENT' THEN range(0, size(active) - 1) ELSE [] END AS i
    UNWIND active[i].conflicts + active[i].hosts AS place
    WITH place, collect(i) AS here
    UNWIND here AS i
    UNWIND here AS j
    WITH DISTINCT i, j
    RETURN collect([i, j]) AS candidates
  }
  UNWIND candidates AS c
  WITH first, last, active[c[0]] AS a, active[c[1]] AS b
  WITH first, last, a, b,
       CASE WHEN a.start > b.start THEN a.start ELSE b.start END AS overlapStart,
       CASE WHEN a.end IS NULL THEN b.end WHEN b.end IS NULL THEN a.end WHEN a.end < b.end THEN a.end ELSE b.end END
         AS overlapEnd
  WHERE a.id < b.id
    AND NOT (coalesce(a.parent, '') = b.id OR coalesce(b.parent, '') = a.id
             OR coalesce(a.parent, '') = coalesce(b.parent, '-'))
    AND overlapStart <= last AND overlapStart <= coalesce(overlapEnd, last) AND coalesce(overlapEnd, last) >= first
    AND size(CASE WHEN $unit = 'HOST_STATE' OR size(a.conflicts) = 0 OR size(b.conflicts) = 0
                  THEN [h IN a.hosts WHERE h IN b.hosts]
                  ELSE [k IN a.conflicts WHERE k IN b.conflicts] END) > 0
  RETURN collect({a: a.orgs, b: b.orgs, key: a.id + '|' + b.id}) AS codeployed
}
CALL (first, last, active) {
  // Recorded cooperation in force during the period.
  UNWIND CASE WHEN $tie = 'COOPERATION' THEN active ELSE [] END AS a
  MATCH (:Mission {id: a.id})-[r:COOPERATED_WITH]->(z:Mission)
  WITH first, last, a, r, [m IN active WHERE m.id = z.id][0] AS b
  WHERE b IS NOT NULL
  WITH first, last, a, b, r,
       coalesce(date(r.start), CASE WHEN a.start > b.start THEN a.start ELSE b.start END) AS linkStart,
       CASE WHEN r.end IS NOT NULL
            THEN date(r.end) + duration(CASE size(r.end) WHEN 4 THEN {years: 1} WHEN 7 THEN {months: 1}
                                        ELSE {days: 1} END) - duration({days: 1})
            WHEN a.end IS NULL THEN b.end WHEN b.end IS NULL THEN a.end
            WHEN a.end < b.end THEN a.end ELSE b.end END AS linkEnd
  WHERE linkStart <= last AND (linkEnd IS NULL OR linkEnd >= first)
  RETURN collect({a: a.orgs, b: b.orgs,
                  key: CASE WHEN a.id < b.id THEN a.id + '|' + b.id ELSE b.id + '|' + a.id END}) AS linked
}
CALL (first, last, active) {
  // Support of an organization with a mission in the period to another organization's mission (SUPPORTED),
  // in force during the period.
  UNWIND CASE WHEN $tie = 'COOPERATION' THEN active ELSE [] END AS b
  MATCH (o:Organization)-[r:SUPPORTED]->(:Mission {id: b.id})
  WHERE NOT o.id IN b.orgs AND any(m IN active WHERE o.id IN m.orgs)
  WITH first, last, b, o,
       CASE WHEN coalesce(r.start, '') = '' THEN b.start ELSE date(r.start) END AS supportStart,
       CASE WHEN r.end IS NULL THEN b.end
            ELSE date(r.end) + duration(CASE size(r.end) WHEN 4 THEN {years: 1} WHEN 7 THEN {months: 1}
                                        ELSE {days: 1} END) - duration({days: 1}) END AS supportEnd
  WHERE supportStart <= last AND (supportEnd IS NULL OR supportEnd >= first)
  RETURN collect({a: [o.id], b: b.orgs, key: 'support|' + o.id + '|' + b.id}) AS supported
}
WITH active, codeployed + linked + supported
     + [m IN active WHERE size(m.orgs) > 1 | {a: m.orgs, b: m.orgs, key: m.id}] AS ties
UNWIND CASE WHEN size(ties) = 0 THEN [null] ELSE ties END AS t
UNWIND CASE WHEN t IS NULL THEN [null] ELSE t.a END AS o1
UNWIND CASE WHEN t IS NULL THEN [null] ELSE t.b END AS o2
WITH active, t, CASE WHEN o1 < o2 THEN o1 ELSE o2 END AS x, CASE WHEN o1 < o2 THEN o2 ELSE o1 END AS y
WITH active, x, y, collect(DISTINCT t.key) AS keys
WITH active, collect(CASE WHEN x IS NOT NULL AND x <> y THEN {a: x, b: y, weight: size(keys)} END) AS edges
WITH edges, reduce(acc = [], m IN active | acc + [o IN m.orgs WHERE NOT o IN acc]) AS nodes
WITH edges, nodes, size(nodes) AS n,
     [o IN nodes | {organization: o, degree: size([e IN edges WHERE e.a = o OR e.b = o])}] AS degrees
WITH edges, n, degrees, reduce(mx = 0, d IN degrees | CASE WHEN d.degree > mx THEN d.degree ELSE mx END) AS maxDegree
RETURN n AS organizations, size(edges) AS ties,
       CASE WHEN n < 2 THEN null ELSE 2.0 * size(edges) / (n * (n - 1)) END AS density,
       CASE WHEN n < 3 THEN null
            ELSE toFloat(reduce(s = 0, d IN degrees | s + maxDegree - d.degree)) / ((n - 1) * (n - 2)) END
         AS centralization,
       degrees, edges;
