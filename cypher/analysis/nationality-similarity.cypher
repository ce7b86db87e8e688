// Measure 10: personnel-nationality similarity, how alike the contributing states of two missions (or of the
// active missions of two organizations) are.
//   x_m[c] for mission m, year y, contributing state c, from ONE source per mission-year: the one that names
//   the most contributing states that year, ties going in this order: ipi-contributions (monthly),
//   un-country-by-year (yearly averages), ipi-snapshot (one month), geopko-tcc (estimated troops per site,
//   summed over sites), curated (public documents on non-UN operations: figures as of a month, or a state
//   listed as present without one):
//   x_m[c] = the state's total over the source's rows of that year / the number of months the source reports
//   for the mission that year (1 for the yearly sources). Without a year (MISSION level only), x_m[c] is
//   the mean of x_m[c] over the mission's years with figures.
//   ORGANIZATION level: x_o[c] = sum of x_m[c] over the organization's missions of the analysis set active in
//   the year.
//   nationalityCosine = sum_c x_a[c] x_b[c] / (|x_a| |x_b|); nationalityJaccard = |C_a & C_b| / |C_a | C_b|
//   where C is the set of states with a figure above 0 (or listed without a figure); both null when a side
//   has no figures. contributorsWithFigureA / B: the states of each side with a figure above 0 (the cosine's
//   rows; the Jaccard reads every contributor).
// Parameters: $universe (as in mspo-share.cypher; used at ORGANIZATION level), $level (MISSION or
// ORGANIZATION) and $pairs, a list of {a, b, year} with two mission or organization ids and a year (null at
// MISSION level: all years).
:param universe => null;
:param include => [];
:param within => null;
:param level => 'MISSION';
:param pairs => [{a: 'UNMIS', b: 'UNAMID', year: 2010}, {a: 'MONUC', b: 'UNMIS', year: null}];

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
// Each side-year once (-1 stands for "all years").
WITH missions, $pairs AS pairs
WITH missions, pairs,
     reduce(acc = [], p IN pairs | acc + [k IN [{id: p.a, year: coalesce(toInteger(p.year), -1)},
                                               {id: p.b, year: coalesce(toInteger(p.year), -1)}]
                                         WHERE NOT k IN acc]) AS keys
UNWIND keys AS key
CALL (missions, key) {
  WITH missions, key, CASE WHEN key.year = -1 THEN null ELSE key.year END AS y
  UNWIND CASE $level
           WHEN 'MISSION' THEN [key.id]
           ELSE [m IN missions WHERE key.id IN m.orgs AND m.start.year <= y AND (m.end IS NULL OR m.end.year >= y)
                 | m.id] END AS mid
  MATCH (s:State)-[c:CONTRIBUTED_TO]->(:Mission {id: mid})
  WHERE y IS NULL OR (toInteger(left(c.from, 4)) <= y AND toInteger(left(c.to, 4)) >= y)
  WITH mid, toInteger(left(c.from, 4)) AS cy, c.source AS source,
       collect({state: s.id, month: c.from,
                value: CASE c.source WHEN 'geopko-tcc' THEN c.troopsEstimate ELSE c.total END}) AS rows
  // The source naming the most states for the mission-year; ties go to the first in the list below.
  WITH mid, cy, source, rows,
       size(reduce(acc = [], r IN rows | CASE WHEN r.state IN acc THEN acc ELSE acc + r.state END)) AS states,
       [i IN range(0, 4) WHERE ['ipi-contributions', 'un-country-by-year', 'ipi-snapshot', 'geopko-tcc', 'curated'][i] = source][0]
         AS rank
  ORDER BY states DESC, rank
  WITH mid, cy, head(collect({source: source, rows: rows})) AS best
  WITH mid, cy, best.source AS chosen, best.rows AS rows
  WITH mid, cy, chosen, rows,
       size(reduce(acc = [], r IN rows | CASE WHEN r.month IN acc THEN acc ELSE acc + r.month END)) AS months
  UNWIND rows AS r
  WITH mid, cy, chosen, months, r.state AS state, sum(r.value) AS total, count(r.value) AS known
  WITH mid, collect({year: cy, source: chosen, state: state,
                     x: CASE WHEN known = 0 THEN null ELSE toFloat(total) / months END}) AS cells
  WITH mid, cells,
       size(reduce(acc = [], c IN cells | CASE WHEN c.year IN acc THEN acc ELSE acc + c.year END)) AS years
  UNWIND cells AS c
  WITH mid, years, c.state AS state, collect(DISTINCT c.source) AS sources,
       sum(coalesce(c.x, 0.0)) AS sx, count(c.x) AS known
  WITH state, sum(sx / years) AS x, sum(known) AS known, collect(sources) AS sourceLists
  RETURN collect({state: state, x: x, inSet: x > 0 OR known = 0,
                  sources: reduce(acc = [], l IN sourceLists | acc + [s IN l WHERE NOT s IN acc])}) AS vector
}
WITH pairs, collect({key: key, vector: vector}) AS vectors
UNWIND pairs AS p
WITH p, toInteger(p.year) AS y, coalesce(toInteger(p.year), -1) AS yk, vectors
WITH p, y, [v IN vectors WHERE v.key.id = p.a AND v.key.year = yk][0].vector AS va,
     [v IN vectors WHERE v.key.id = p.b AND v.key.year = yk][0].vector AS vb
WITH p, y, va, vb,
     reduce(s = 0.0, u IN va | s + u.x * coalesce([w IN vb WHERE w.state = u.state][0].x, 0.0)) AS dot,
     sqrt(reduce(s = 0.0, u IN va | s + u.x * u.x)) AS normA,
     sqrt(reduce(s = 0.0, u IN vb | s + u.x * u.x)) AS normB,
     [u IN va WHERE u.inSet | u.state] AS setA, [u IN vb WHERE u.inSet | u.state] AS setB
WITH p, y, va, vb, dot, normA, normB, setA, setB, size([s IN setA WHERE s IN setB]) AS shared
RETURN p.a AS a, p.b AS b, y AS year,
       size(setA) AS contributorsA, size(setB) AS contributorsB, shared AS sharedContributors,
       size([u IN va WHERE u.x > 0]) AS contributorsWithFigureA, size([u IN vb WHERE u.x > 0]) AS contributorsWithFigureB,
       CASE WHEN normA = 0 OR normB = 0 THEN null ELSE dot / (normA * normB) END AS nationalityCosine,
       CASE WHEN size(setA) = 0 OR size(setB) = 0 THEN null
            ELSE toFloat(shared) / (size(setA) + size(setB) - shared) END AS nationalityJaccard,
       reduce(acc = [], u IN va | acc + [s IN u.sources WHERE NOT s IN acc]) AS sourcesA,
       reduce(acc = [], u IN vb | acc + [s IN u.sources WHERE NOT s IN acc]) AS sourcesB;
