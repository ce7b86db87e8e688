// Measure 9: security-culture similarity (proxy), the overlap of the member states of two organizations in a
// year.
//   Mem(o, y): states with a MEMBER_OF spell of one of the statuses in $statuses that covers the year: it
//   starts in or before y and ends in or after y (a spell without an end runs on; a Correlates of War spell
//   without an end stops at its last observed year, observedUntil, when a curated spell of the same state and
//   organization records what happened after COW's data end, 2014). A side of several organizations (the
//   organizations of a mission) has the union of their members.
//   memberJaccard = |Mem(a) & Mem(b)| / |Mem(a) | Mem(b)|; memberOverlap = |Mem(a) & Mem(b)| / min(|Mem(a)|,
//   |Mem(b)|); both null when a side has no members (lead states, coalitions, organizations COW does not
//   cover).
// Parameters: $statuses (a list of full, associate, observer) and $dyads, a list of {a, b, year} where a and
// b are lists of organization ids.
:param statuses => ['full'];
:param dyads => [{a: ['EU'], b: ['NATO'], year: 2005}, {a: ['AU'], b: ['UN'], year: 2008}];

// Each side-year once.
WITH $dyads AS dyads
WITH dyads,
     reduce(acc = [], d IN dyads | acc + [k IN [{orgs: d.a, year: toInteger(d.year)}, {orgs: d.b, year: toInteger(d.year)}]
                                         WHERE NOT k IN acc]) AS keys
UNWIND keys AS key
CALL (key) {
  UNWIND key.orgs AS orgId
  OPTIONAL MATCH (s:State)-[r:MEMBER_OF]->(o:Organization {id: orgId})
  WHERE r.status IN $statuses
    AND toInteger(left(r.start, 4)) <= key.year
    AND key.year <= CASE
                      WHEN r.end IS NOT NULL THEN toInteger(left(r.end, 4))
                      WHEN r.source = 'cow-igo' AND EXISTS { (s)-[:MEMBER_OF {source: 'curated'}]->(o) }
                        THEN toInteger(r.observedUntil)
                      ELSE 9999 END
  RETURN collect(DISTINCT s.id) AS members
}
WITH dyads, collect({key: key, members: members}) AS memberships
UNWIND dyads AS d
WITH d, toInteger(d.year) AS y, memberships
WITH d, y, [x IN memberships WHERE x.key.orgs = d.a AND x.key.year = y][0].members AS ma,
     [x IN memberships WHERE x.key.orgs = d.b AND x.key.year = y][0].members AS mb
WITH d, y, ma, mb, size([s IN ma WHERE s IN mb]) AS shared
RETURN d.a AS a, d.b AS b, y AS year, size(ma) AS membersA, size(mb) AS membersB, shared AS sharedMembers,
       CASE WHEN size(ma) = 0 OR size(mb) = 0 THEN null
            ELSE toFloat(shared) / (size(ma) + size(mb) - shared) END AS memberJaccard,
       CASE WHEN size(ma) = 0 OR size(mb) = 0 THEN null
            ELSE toFloat(shared) / CASE WHEN size(ma) < size(mb) THEN size(ma) ELSE size(mb) END END AS memberOverlap;
