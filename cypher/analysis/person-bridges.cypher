// Measure 11: person bridges, the people who held posts with two different organizations: in their
// headquarters (HELD_POST) or in missions they deployed (SERVED_IN; the mission's organizations as in the
// analysis set: a lead state is left out when the mission also has an organization of another kind).
//   A bridge is a person with a post with an organization of side a and a post with a different
//   organization of side b, both starting on or before $until (posts without a start count only when there
//   is no $until). postA is the person's earliest such post on side a, postB the earliest post on side b with
//   another organization than postA's; direction says which came first: A_TO_B, B_TO_A, or SAME_TIME (same
//   date, or dates of different precision in the same year); null when a start is unknown.
//   Only posts held in the capacities of $capacities count: by default 'official', a post of the organization
//   or mission itself; a role held for a member state (a President of the UN General Assembly, an OSCE
//   Chairperson-in-Office: capacity 'member_state') makes no bridge unless $capacities names it. A post with
//   no recorded capacity counts as official.
// Parameters: $universe (an import source name: only mission posts in missions it records count; null for
// all), $capacities (a list of official, member_state) and $dyads, a list of {a, b, until}: a and b lists of
// organization ids, until a date or null.
:param universe => null;
:param capacities => ['official'];
:param dyads => [{a: ['OSCE'], b: ['UN'], until: '2010-12-31'}, {a: ['EU'], b: ['NATO'], until: null}];

UNWIND $dyads AS d
CALL (d) {
  MATCH (p:Person)-[r:SERVED_IN|HELD_POST]->(x)
  WHERE (x:Organization OR $universe IS NULL OR $universe IN x.sources)
    AND coalesce(r.capacity, 'official') IN $capacities
  WITH d, p, r, x, CASE WHEN r.start = '' THEN null ELSE r.start END AS start
  WHERE d.until IS NULL OR (start IS NOT NULL AND date(start) <= date(d.until))
  WITH d, p, r, x, start,
       CASE WHEN x:Organization THEN [x.id]
            ELSE COLLECT { MATCH (o:Organization)-[dep:DEPLOYED]->(x)
                           WITH o, collect(dep.role) AS roles WHERE none(role IN roles WHERE role IN ['authorizing', 'supporting'])
                           RETURN o ORDER BY o.id } END AS deployers
  WITH d, p, r, x, start,
       CASE WHEN x:Organization THEN [x.id]
            WHEN any(o IN deployers WHERE coalesce(o.kind, '') <> 'lead_state')
              THEN [o IN deployers WHERE coalesce(o.kind, '') <> 'lead_state' | o.id]
            ELSE [o IN deployers | o.id] END AS orgs
  UNWIND orgs AS org
  WITH d, p, org, {organization: org, mission: CASE WHEN x:Mission THEN x.id END, role: r.role,
                   capacity: coalesce(r.capacity, 'official'), start: start, end: r.end} AS post
  WHERE org IN d.a OR org IN d.b
  ORDER BY p.id, coalesce(post.start, '9999'), org
  WITH d, p, collect(post) AS posts
  WITH p, [x IN posts WHERE x.organization IN d.a] AS postsA, [x IN posts WHERE x.organization IN d.b] AS postsB
  WITH p, postsB, [x IN postsA WHERE any(y IN postsB WHERE y.organization <> x.organization)][0] AS firstA
  WHERE firstA IS NOT NULL
  WITH p, firstA, [y IN postsB WHERE y.organization <> firstA.organization][0] AS firstB
  RETURN collect({
    person: p.id, name: p.name, postA: firstA, postB: firstB,
    direction: CASE WHEN firstA.start IS NULL OR firstB.start IS NULL THEN null
                    WHEN left(firstA.start, 4) < left(firstB.start, 4) THEN 'A_TO_B'
                    WHEN left(firstA.start, 4) > left(firstB.start, 4) THEN 'B_TO_A'
                    WHEN firstA.start < firstB.start AND size(firstA.start) = size(firstB.start) THEN 'A_TO_B'
                    WHEN firstA.start > firstB.start AND size(firstA.start) = size(firstB.start) THEN 'B_TO_A'
                    ELSE 'SAME_TIME' END
  }) AS bridges
}
RETURN d.a AS a, d.b AS b, d.until AS until, size(bridges) AS personBridges,
       size([x IN bridges WHERE x.direction = 'A_TO_B']) AS bridgesAToB,
       size([x IN bridges WHERE x.direction = 'B_TO_A']) AS bridgesBToA,
       bridges;
