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
  }
  type State @node {
    id: ID!
    name: String
    region: String
  }
`;

export async function neo4jGraphQLSchema(driver: Driver): Promise<GraphQLSchema> {
  return new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver }).getSchema();
}

/** The same questions in both APIs' words. */
export const EQUIVALENT_QUESTIONS: { name: string; ours: string; theirs: string }[] = [
  {
    name: 'mission by id with organizations and hosts',
    ours: '{ mission(id: "UNAMID") { id acronym name start end organizations { id name } hosts { id name } } }',
    theirs: '{ missions(where: { id: { eq: "UNAMID" } }) { id acronym name start end organizations { id name } hosts { id name } } }',
  },
  {
    name: '50 missions by start with organizations and hosts',
    ours: '{ missions(first: 50, sort: {field: START, direction: DESC}) { items { id acronym start organizations { id name } hosts { id name } } } }',
    theirs: '{ missions(limit: 50, sort: [{ start: DESC }]) { id acronym start organizations { id name } hosts { id name } } }',
  },
  {
    name: 'organization with its missions',
    ours: '{ organization(id: "EU") { id name missions { id acronym start } } }',
    theirs: '{ organizations(where: { id: { eq: "EU" } }) { id name missions { id acronym start } } }',
  },
];
