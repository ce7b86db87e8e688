// Loads the curated tables (cypher/data/curated/*.csv) with LOAD CSV, for cypher-shell and Neo4j Browser users.
// It builds exactly the graph that `npm run import -- --format curated cypher/data/curated/*.csv` builds
// (a test checks this). Run it after cypher/schema.cypher, with the tables in Neo4j's import folder:
//   cypher-shell -f cypher/import/curated.cypher            (tables under <import>/curated/)
//   npm run cypher -- cypher/import/curated.cypher --param base=file:///curated/
// Empty cells are left unset; lists in cells are split on '|'.
:param base => 'file:///curated/';

// Organizations, with the predecessor links (EU succeeded EEC).
LOAD CSV WITH HEADERS FROM $base + 'organizations.csv' AS row
CALL (row) {
  MERGE (n:Organization {id: row.id})
  SET n.name = row.name,
      n.acronym = CASE WHEN row.acronym = '' THEN null ELSE row.acronym END,
      n.kind = row.kind,
      n.founded = CASE WHEN row.founded = '' THEN null ELSE row.founded END,
      n.dissolved = CASE WHEN row.dissolved = '' THEN null ELSE row.dissolved END,
      n.cowIgo = CASE WHEN row.cow_igo = '' THEN null ELSE row.cow_igo END,
      n.aliases = [a IN split(coalesce(row.aliases, ''), '|') WHERE trim(a) <> '' | trim(a)],
      n.sourceRef = row.source,
      n.sources = CASE WHEN 'curated' IN coalesce(n.sources, []) THEN n.sources ELSE coalesce(n.sources, []) + 'curated' END,
      n.datasets = CASE WHEN 'curated:organizations.csv' IN coalesce(n.datasets, []) THEN n.datasets ELSE coalesce(n.datasets, []) + 'curated:organizations.csv' END
  SET n.aliasText = reduce(s = '', a IN n.aliases | s + CASE WHEN s = '' THEN '' ELSE ' ' END + a)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM $base + 'organizations.csv' AS row
WITH row WHERE coalesce(row.predecessor_id, '') <> ''
CALL (row) {
  MATCH (a:Organization {id: row.id}), (b:Organization {id: row.predecessor_id})
  MERGE (a)-[r:SUCCEEDED {source: 'curated'}]->(b)
  SET r.dataset = 'curated:organizations.csv'
} IN TRANSACTIONS OF 1000 ROWS;

// States with their COW and Gleditsch-Ward codes.
LOAD CSV WITH HEADERS FROM $base + 'states.csv' AS row
CALL (row) {
  MERGE (n:State {id: row.id})
  SET n.name = row.name,
      n.cowCode = toInteger(row.cow_code),
      n.cowAbb = CASE WHEN row.cow_abb = '' THEN null ELSE row.cow_abb END,
      n.gwCode = toInteger(row.gw_code),
      n.region = CASE WHEN row.region = '' THEN null ELSE row.region END,
      n.aliases = [a IN split(coalesce(row.aliases, ''), '|') WHERE trim(a) <> '' | trim(a)],
      n.sourceRef = row.source,
      n.sources = CASE WHEN 'curated' IN coalesce(n.sources, []) THEN n.sources ELSE coalesce(n.sources, []) + 'curated' END,
      n.datasets = CASE WHEN 'curated:states.csv' IN coalesce(n.datasets, []) THEN n.datasets ELSE coalesce(n.datasets, []) + 'curated:states.csv' END
  SET n.aliasText = reduce(s = '', a IN n.aliases | s + CASE WHEN s = '' THEN '' ELSE ' ' END + a)
} IN TRANSACTIONS OF 1000 ROWS;

// The capital of each state and its coordinates, for the map (Natural Earth; an id not in states.csv places nothing).
LOAD CSV WITH HEADERS FROM $base + 'state_capitals.csv' AS row
CALL (row) {
  MATCH (n:State {id: row.state_id})
  SET n.capital = row.capital,
      n.capitalLatitude = toFloat(row.latitude),
      n.capitalLongitude = toFloat(row.longitude),
      n.capitalRef = row.source,
      n.sources = CASE WHEN 'curated' IN coalesce(n.sources, []) THEN n.sources ELSE coalesce(n.sources, []) + 'curated' END,
      n.datasets = CASE WHEN 'curated:state_capitals.csv' IN coalesce(n.datasets, []) THEN n.datasets ELSE coalesce(n.datasets, []) + 'curated:state_capitals.csv' END
} IN TRANSACTIONS OF 1000 ROWS;

// Missions, and the umbrella operation each host-country part belongs to.
LOAD CSV WITH HEADERS FROM $base + 'missions.csv' AS row
CALL (row) {
  MERGE (n:Mission {id: row.id})
  SET n.acronym = row.acronym,
      n.name = row.name,
      n.start = CASE WHEN row.start = '' THEN null ELSE row.start END,
      n.end = CASE WHEN row.end = '' THEN null ELSE row.end END,
      n.lastEvidence = CASE WHEN coalesce(row.last_evidence, '') = '' THEN null ELSE row.last_evidence END,
      n.kinds = [k IN split(coalesce(row.kinds, ''), '|') WHERE trim(k) <> '' | trim(k)],
      n.mandates = [m IN split(coalesce(row.mandates, ''), '|') WHERE trim(m) <> '' | trim(m)],
      n.aliases = [a IN split(coalesce(row.aliases, ''), '|') WHERE trim(a) <> '' | trim(a)],
      n.sourceRef = row.source,
      n.sources = CASE WHEN 'curated' IN coalesce(n.sources, []) THEN n.sources ELSE coalesce(n.sources, []) + 'curated' END,
      n.datasets = CASE WHEN 'curated:missions.csv' IN coalesce(n.datasets, []) THEN n.datasets ELSE coalesce(n.datasets, []) + 'curated:missions.csv' END
  SET n.aliasText = reduce(s = '', a IN n.aliases | s + CASE WHEN s = '' THEN '' ELSE ' ' END + a)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM $base + 'missions.csv' AS row
WITH row WHERE coalesce(row.parent_id, '') <> ''
CALL (row) {
  MATCH (a:Mission {id: row.id})
  MERGE (b:Mission {id: row.parent_id})
  ON CREATE SET b.name = row.parent_id, b.acronym = row.parent_id
  SET b.sources = CASE WHEN 'curated' IN coalesce(b.sources, []) THEN b.sources ELSE coalesce(b.sources, []) + 'curated' END,
      b.datasets = CASE WHEN 'curated:missions.csv' IN coalesce(b.datasets, []) THEN b.datasets ELSE coalesce(b.datasets, []) + 'curated:missions.csv' END
  MERGE (a)-[r:PART_OF {source: 'curated'}]->(b)
  SET r.dataset = 'curated:missions.csv'
} IN TRANSACTIONS OF 1000 ROWS;


// The kind of operation of every mission (mission_universe.csv): what the measures' universe counts.
LOAD CSV WITH HEADERS FROM $base + 'mission_universe.csv' AS row
CALL (row) {
  MERGE (n:Mission {id: row.mission_id})
  ON CREATE SET n.name = row.mission_id, n.acronym = row.mission_id
  SET n.operationType = row.operation_type, n.operationTypeRef = row.source,
      n.sources = CASE WHEN 'curated' IN coalesce(n.sources, []) THEN n.sources ELSE coalesce(n.sources, []) + 'curated' END,
      n.datasets = CASE WHEN 'curated:mission_universe.csv' IN coalesce(n.datasets, []) THEN n.datasets ELSE coalesce(n.datasets, []) + 'curated:mission_universe.csv' END
} IN TRANSACTIONS OF 1000 ROWS;
// People and their nationality.
LOAD CSV WITH HEADERS FROM $base + 'people.csv' AS row
CALL (row) {
  MERGE (n:Person {id: row.id})
  SET n.name = row.name,
      n.nationality = CASE WHEN row.nationality = '' THEN null ELSE row.nationality END,
      n.sourceRef = row.source,
      n.sources = CASE WHEN 'curated' IN coalesce(n.sources, []) THEN n.sources ELSE coalesce(n.sources, []) + 'curated' END,
      n.datasets = CASE WHEN 'curated:people.csv' IN coalesce(n.datasets, []) THEN n.datasets ELSE coalesce(n.datasets, []) + 'curated:people.csv' END
  WITH n, row WHERE coalesce(row.nationality, '') <> ''
  MATCH (s:State {id: row.nationality})
  MERGE (n)-[r:NATIONAL_OF {source: 'curated'}]->(s)
  SET r.dataset = 'curated:people.csv'
} IN TRANSACTIONS OF 1000 ROWS;

// Which organizations deployed each mission (hybrids have two).
LOAD CSV WITH HEADERS FROM $base + 'mission_organizations.csv' AS row
CALL (row) {
  MATCH (o:Organization {id: row.organization_id}), (m:Mission {id: row.mission_id})
  MERGE (o)-[r:DEPLOYED {source: 'curated'}]->(m)
  SET r.lead = toBoolean(row.lead), r.role = row.role, r.sourceRef = row.source, r.dataset = 'curated:mission_organizations.csv'
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM $base + 'mission_hosts.csv' AS row
CALL (row) {
  MATCH (m:Mission {id: row.mission_id}), (s:State {id: row.state_id})
  MERGE (m)-[r:HOSTED_BY {source: 'curated'}]->(s)
  SET r.start = CASE WHEN row.start = '' THEN null ELSE row.start END,
      r.end = CASE WHEN row.end = '' THEN null ELSE row.end END,
      r.sourceRef = row.source, r.dataset = 'curated:mission_hosts.csv'
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM $base + 'mission_conflicts.csv' AS row
CALL (row) {
  MERGE (c:Conflict {id: row.conflict_id})
  SET c.sources = CASE WHEN 'curated' IN coalesce(c.sources, []) THEN c.sources ELSE coalesce(c.sources, []) + 'curated' END,
      c.datasets = CASE WHEN 'curated:mission_conflicts.csv' IN coalesce(c.datasets, []) THEN c.datasets ELSE coalesce(c.datasets, []) + 'curated:mission_conflicts.csv' END
  WITH c, row
  MATCH (m:Mission {id: row.mission_id})
  MERGE (m)-[r:IN_CONFLICT {source: 'curated'}]->(c)
  SET r.sourceRef = row.source, r.dataset = 'curated:mission_conflicts.csv'
} IN TRANSACTIONS OF 1000 ROWS;

// Recorded cooperation between missions: handovers, bridging operations, support, coordination.
LOAD CSV WITH HEADERS FROM $base + 'cooperation.csv' AS row
CALL (row) {
  MATCH (a:Mission {id: row.from_mission_id}), (b:Mission {id: row.to_mission_id})
  MERGE (a)-[r:COOPERATED_WITH {source: 'curated', kind: row.kind}]->(b)
  SET r.start = CASE WHEN row.start = '' THEN null ELSE row.start END,
      r.end = CASE WHEN row.end = '' THEN null ELSE row.end END,
      r.description = CASE WHEN row.description = '' THEN null ELSE row.description END,
      r.sourceRef = row.source, r.dataset = 'curated:cooperation.csv'
} IN TRANSACTIONS OF 1000 ROWS;

// Posts of people in missions (SERVED_IN) and in organizations' headquarters (HELD_POST); an unknown start is keyed as ''.
LOAD CSV WITH HEADERS FROM $base + 'person_posts.csv' AS row
WITH row WHERE coalesce(row.mission_id, '') <> ''
CALL (row) {
  MATCH (p:Person {id: row.person_id}), (m:Mission {id: row.mission_id})
  MERGE (p)-[r:SERVED_IN {source: 'curated', role: row.role, start: coalesce(row.start, '')}]->(m)
  SET r.end = CASE WHEN row.end = '' THEN null ELSE row.end END, r.capacity = row.capacity, r.sourceRef = row.source, r.dataset = 'curated:person_posts.csv'
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM $base + 'person_posts.csv' AS row
WITH row WHERE coalesce(row.organization_id, '') <> ''
CALL (row) {
  MATCH (p:Person {id: row.person_id}), (o:Organization {id: row.organization_id})
  MERGE (p)-[r:HELD_POST {source: 'curated', role: row.role, start: coalesce(row.start, '')}]->(o)
  SET r.end = CASE WHEN row.end = '' THEN null ELSE row.end END, r.capacity = row.capacity, r.sourceRef = row.source, r.dataset = 'curated:person_posts.csv'
} IN TRANSACTIONS OF 1000 ROWS;

// Membership changes after 2014 (COW IGO v3 ends in 2014).
LOAD CSV WITH HEADERS FROM $base + 'memberships.csv' AS row
CALL (row) {
  MATCH (s:State {id: row.state_id}), (o:Organization {id: row.organization_id})
  MERGE (s)-[r:MEMBER_OF {source: 'curated', start: row.start, status: row.status}]->(o)
  SET r.end = CASE WHEN row.end = '' THEN null ELSE row.end END, r.sourceRef = row.source, r.dataset = 'curated:memberships.csv'
} IN TRANSACTIONS OF 1000 ROWS;

// Spells COW IGO v3 lacks, from membership_corrections.csv (its rows with cow_start/cow_end correct COW spells:
// the cow-igo import applies them, not this script).
LOAD CSV WITH HEADERS FROM $base + 'membership_corrections.csv' AS row
WITH row WHERE coalesce(row.cow_start, '') = '' AND coalesce(row.cow_end, '') = ''
CALL (row) {
  MATCH (s:State {id: row.state_id}), (o:Organization {id: row.organization_id})
  MERGE (s)-[r:MEMBER_OF {source: 'curated', start: row.start, status: row.status}]->(o)
  SET r.end = CASE WHEN row.end = '' THEN null ELSE row.end END, r.sourceRef = row.source, r.correctionRef = row.source,
      r.dataset = 'curated:membership_corrections.csv'
} IN TRANSACTIONS OF 1000 ROWS;

// mission_hq_corrections.csv has nothing to load here: the headquarters pairs come from the sources, and the
// un-pko-list and ipi-missions imports apply its rows to the pairs written swapped.

// Contributions of states to non-UN operations (contributions_africa.csv); the uid is the importer's
// (endpoints and key values as a JSON list).
LOAD CSV WITH HEADERS FROM $base + 'contributions_africa.csv' AS row
CALL (row) {
  MATCH (s:State {id: row.state_id}), (m:Mission {id: row.mission_id})
  MERGE (s)-[r:CONTRIBUTED_TO {uid: '["' + row.state_id + '","' + row.mission_id + '","curated","' + row.from + '",""]'}]->(m)
  ON CREATE SET r.source = 'curated', r.from = row.from, r.site = ''
  SET r.to = row.to,
      r.granularity = CASE row.granularity WHEN 'dated' THEN 'month' WHEN 'yearly' THEN 'year' ELSE 'presence' END,
      r.total = CASE WHEN row.personnel = '' THEN null ELSE toInteger(row.personnel) END,
      r.sourceRef = row.source, r.dataset = 'curated:contributions_africa.csv'
} IN TRANSACTIONS OF 1000 ROWS;

// Contributions of states to non-UN operations (contributions_nato.csv); the uid is the importer's
// (endpoints and key values as a JSON list).
LOAD CSV WITH HEADERS FROM $base + 'contributions_nato.csv' AS row
CALL (row) {
  MATCH (s:State {id: row.state_id}), (m:Mission {id: row.mission_id})
  MERGE (s)-[r:CONTRIBUTED_TO {uid: '["' + row.state_id + '","' + row.mission_id + '","curated","' + row.from + '",""]'}]->(m)
  ON CREATE SET r.source = 'curated', r.from = row.from, r.site = ''
  SET r.to = row.to,
      r.granularity = CASE row.granularity WHEN 'dated' THEN 'month' WHEN 'yearly' THEN 'year' ELSE 'presence' END,
      r.total = CASE WHEN row.personnel = '' THEN null ELSE toInteger(row.personnel) END,
      r.sourceRef = row.source, r.dataset = 'curated:contributions_nato.csv'
} IN TRANSACTIONS OF 1000 ROWS;

// Contributions of states to non-UN operations (contributions_europe.csv); the uid is the importer's
// (endpoints and key values as a JSON list).
LOAD CSV WITH HEADERS FROM $base + 'contributions_europe.csv' AS row
CALL (row) {
  MATCH (s:State {id: row.state_id}), (m:Mission {id: row.mission_id})
  MERGE (s)-[r:CONTRIBUTED_TO {uid: '["' + row.state_id + '","' + row.mission_id + '","curated","' + row.from + '",""]'}]->(m)
  ON CREATE SET r.source = 'curated', r.from = row.from, r.site = ''
  SET r.to = row.to,
      r.granularity = CASE row.granularity WHEN 'dated' THEN 'month' WHEN 'yearly' THEN 'year' ELSE 'presence' END,
      r.total = CASE WHEN row.personnel = '' THEN null ELSE toInteger(row.personnel) END,
      r.sourceRef = row.source, r.dataset = 'curated:contributions_europe.csv'
} IN TRANSACTIONS OF 1000 ROWS;

// Contributions of states to non-UN operations (contributions_coalitions.csv); the uid is the importer's
// (endpoints and key values as a JSON list).
LOAD CSV WITH HEADERS FROM $base + 'contributions_coalitions.csv' AS row
CALL (row) {
  MATCH (s:State {id: row.state_id}), (m:Mission {id: row.mission_id})
  MERGE (s)-[r:CONTRIBUTED_TO {uid: '["' + row.state_id + '","' + row.mission_id + '","curated","' + row.from + '",""]'}]->(m)
  ON CREATE SET r.source = 'curated', r.from = row.from, r.site = ''
  SET r.to = row.to,
      r.granularity = CASE row.granularity WHEN 'dated' THEN 'month' WHEN 'yearly' THEN 'year' ELSE 'presence' END,
      r.total = CASE WHEN row.personnel = '' THEN null ELSE toInteger(row.personnel) END,
      r.sourceRef = row.source, r.dataset = 'curated:contributions_coalitions.csv'
} IN TRANSACTIONS OF 1000 ROWS;

// Support of organizations to other organizations' missions (organization_support.csv).
LOAD CSV WITH HEADERS FROM $base + 'organization_support.csv' AS row
CALL (row) {
  MATCH (o:Organization {id: row.organization_id}), (m:Mission {id: row.mission_id})
  MERGE (o)-[r:SUPPORTED {source: 'curated', kind: row.kind, start: coalesce(row.start, '')}]->(m)
  SET r.end = CASE WHEN coalesce(row.end, '') = '' THEN null ELSE row.end END,
      r.description = CASE WHEN coalesce(row.description, '') = '' THEN null ELSE row.description END,
      r.sourceRef = row.source, r.dataset = 'curated:organization_support.csv'
} IN TRANSACTIONS OF 1000 ROWS;
