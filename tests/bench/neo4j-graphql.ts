import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';
import type { GraphQLSchema } from 'graphql';

/** The same part of the model as an @neo4j/graphql schema over the same database: the reference engine. */
const TYPE_DEFS = /* GraphQL */ `
  type Organization @node {
    id: ID!
    name: String
    acronym: String
    kind: String
    missions: [Mission!]! @relationship(type: "DEPLOYED", direction: OUT)
  }
  type Mission @node {
    id: ID!
    acronym: String
    name: String
    start: String
    end: String
    organizations: [Organization!]! @relationship(type: "DEPLOYED", direction: IN)
    hosts: [State!]! @relationship(type: "HOSTED_BY", direction: OUT)
    contributors: [State!]! @relationship(type: "CONTRIBUTED_TO", direction: IN, properties: "Contributed")
  }
  type Contributed @relationshipProperties {
    source: String
    from: String
    to: String
    total: Int
  }
  type State @node {
    id: ID!
    name: String
    region: String
  }
`;

export async function neo4jGraphQLSchema(driver: Driver): Promise<GraphQLSchema> {
  // String comparisons (`gt`) are off by default in @neo4j/graphql: the list by start below needs one.
  return new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver, features: { filters: { String: { GT: true } } } }).getSchema();
}

/** Data of a GraphQL answer. */
type Data = Record<string, any>;

/**
 * The same questions in both APIs' words, with what each answer says in a common form (`same`), so that the
 * benchmark checks that both give the same answer before it times them.
 */
export const EQUIVALENT_QUESTIONS: { name: string; ours: string; theirs: string; same: { ours: (d: Data) => unknown; theirs: (d: Data) => unknown } }[] = [
  {
    name: 'mission by id with organizations and hosts',
    ours: '{ mission(id: "UNAMID") { id acronym name start end organizations { id name } hosts { id name } } }',
    theirs: '{ missions(where: { id: { eq: "UNAMID" } }) { id acronym name start end organizations { id name } hosts { id name } } }',
    same: { ours: (d) => d.mission, theirs: (d) => d.missions[0] },
  },
  {
    name: '50 missions by start with organizations and hosts',
    ours: '{ missions(first: 50, sort: {field: START, direction: DESC}) { items { id acronym start organizations { id name } hosts { id name } } } }',
    // Neo4j sorts missing starts first in descending order, this API last (`coalesce(m.start, '')`): both lists
    // leave them out (the first 50 have a start).
    theirs: '{ missions(limit: 50, sort: [{ start: DESC }], where: { start: { gt: "" } }) { id acronym start organizations { id name } hosts { id name } } }',
    // Missions that start on the same day may be cut at the 50th in either order: the starts must agree.
    same: { ours: (d) => d.missions.items.map((m: Data) => m.start), theirs: (d) => d.missions.map((m: Data) => m.start) },
  },
  {
    name: 'organization with its missions',
    ours: '{ organization(id: "EU") { id name missions { id acronym start } } }',
    theirs: '{ organizations(where: { id: { eq: "EU" } }) { id name missions { id acronym start } } }',
    same: { ours: (d) => d.organization, theirs: (d) => d.organizations[0] },
  },
  {
    name: 'filtered list: missions deployed by the AU',
    ours: '{ missions(organization: "AU", first: 200) { items { id acronym start end } } }',
    theirs: '{ missions(where: { organizations: { some: { id: { eq: "AU" } } } }, sort: [{ start: ASC }]) { id acronym start end } }',
    same: { ours: (d) => d.missions.items, theirs: (d) => d.missions },
  },
  {
    name: 'nested list of contributions: the contributing states of UNMISS',
    ours: '{ mission(id: "UNMISS") { id contributors { state { id name } } } }',
    // @neo4j/graphql reads one State per monthly record (it has no reduction): the states are compared as a set.
    theirs: '{ missions(where: { id: { eq: "UNMISS" } }) { id contributors { id name } } }',
    same: { ours: (d) => distinct(d.mission.contributors.map((c: Data) => c.state)), theirs: (d) => distinct(d.missions[0].contributors) },
  },
  {
    name: 'two-level traversal: the AU, its missions and their hosts',
    ours: '{ organization(id: "AU") { id missions { id acronym hosts { id name } } } }',
    theirs: '{ organizations(where: { id: { eq: "AU" } }) { id missions { id acronym hosts { id name } } } }',
    same: { ours: (d) => d.organization, theirs: (d) => d.organizations[0] },
  },
];

/** The distinct values of a list (by their JSON). */
const distinct = (xs: unknown[]): unknown[] => [...new Map(xs.map((x) => [JSON.stringify(canonical(x)), x])).values()];

/** A value with every list sorted (by the JSON of its canonical items) and every object's keys in order: two answers that differ only in order compare equal. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}
