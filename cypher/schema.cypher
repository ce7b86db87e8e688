// Schema of the peace-operations graph: one uniqueness constraint on the key of every node label, and the
// indexes the API's queries use. Every statement is IF NOT EXISTS, so applying the file again changes nothing.
// Applied at start-up and by `npm run schema:apply`; cypher-shell users can run it unchanged.

// Keys: readable ids that users type (EU, UNMISS, ucdp-333, NPL, jan-kubis).
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mission_id IF NOT EXISTS FOR (n:Mission) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT conflict_id IF NOT EXISTS FOR (n:Conflict) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT state_id IF NOT EXISTS FOR (n:State) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
// One Dataset node per imported file (format, file name, version, checksum): the evidence behind each fact.
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
// API tokens (stored hashed) and the audit trail of writes.
CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT audit_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE;

// Lookups and filters.
CREATE INDEX state_cow IF NOT EXISTS FOR (n:State) ON (n.cowCode);
CREATE INDEX state_gw IF NOT EXISTS FOR (n:State) ON (n.gwCode);
CREATE INDEX state_region IF NOT EXISTS FOR (n:State) ON (n.region);
CREATE INDEX mission_start IF NOT EXISTS FOR (n:Mission) ON (n.start);
CREATE INDEX mission_end IF NOT EXISTS FOR (n:Mission) ON (n.end);
CREATE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind);
CREATE INDEX conflict_region IF NOT EXISTS FOR (n:Conflict) ON (n.region);
CREATE INDEX api_token_hash IF NOT EXISTS FOR (n:ApiToken) ON (n.hash);

// Time series: a pair of nodes holds one relationship per month or year, so the importer merges them on one key
// property, `uid` (the endpoints and the key values), and this constraint lets MERGE seek it (REL_SPECS `series`).
CREATE CONSTRAINT contributed_uid IF NOT EXISTS FOR ()-[r:CONTRIBUTED_TO]-() REQUIRE r.uid IS UNIQUE;
CREATE CONSTRAINT personnel_in_uid IF NOT EXISTS FOR ()-[r:PERSONNEL_IN]-() REQUIRE r.uid IS UNIQUE;

// Derived: the co-deployments of the organization network, kept at write time (server/src/db/co-deployment-pairs.ts);
// the refresh merges each pair on its key (missions, organizations, conflict).
CREATE CONSTRAINT co_deployment_pair_key IF NOT EXISTS FOR ()-[r:CO_DEPLOYMENT_PAIR]-() REQUIRE r.key IS UNIQUE;
// Derived: the organization network without a filter, kept at write time (server/src/db/organization-network.ts);
// the refresh merges each tie on its key (organizations and kind).
CREATE CONSTRAINT organization_tie_key IF NOT EXISTS FOR ()-[r:ORGANIZATION_TIE]-() REQUIRE r.key IS UNIQUE;
// Derived: each state's peak contribution to each mission over all months and sources (server/src/db/contribution-peaks.ts);
// the refresh merges each on its key (state and mission).
CREATE CONSTRAINT contribution_peak_key IF NOT EXISTS FOR ()-[r:CONTRIBUTION_PEAK]-() REQUIRE r.key IS UNIQUE;

// Time series: "as of a month" and "over a period" are range seeks on these relationship properties.
CREATE INDEX contributed_from IF NOT EXISTS FOR ()-[r:CONTRIBUTED_TO]-() ON (r.from);
CREATE INDEX contributed_source IF NOT EXISTS FOR ()-[r:CONTRIBUTED_TO]-() ON (r.source);
CREATE INDEX personnel_month IF NOT EXISTS FOR ()-[r:PERSONNEL_IN]-() ON (r.month);
CREATE INDEX member_start IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.start);

// Full-text search over names, acronyms and aliases of every entity.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Organization|Mission|Conflict|State|Person) ON EACH [n.name, n.acronym, n.aliasText, n.id];
