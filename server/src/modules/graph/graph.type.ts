import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { declaredEnum, graphqlEnum } from '../common/schema-declarations';
import type { EnumValue } from '../common/schema-declarations';
import { REL_SPECS } from '../../model/graph';
import { GeoPoint } from '../common/geo.type';
import type { RelType } from '../../model/graph';

/** The relationship types of the model, as a GraphQL enum: the allow-list for `types` arguments. */
export const RelationshipType = graphqlEnum(
  'RelationshipType',
  'A relationship type of the graph.',
  Object.fromEntries(Object.entries(REL_SPECS).map(([type, spec]) => [type, spec.description])) as Record<
    RelType,
    string
  >,
);

export const EntityLabel = declaredEnum('EntityLabel');
export type EntityLabel = EnumValue<typeof EntityLabel>;

@ObjectType({ description: 'A node as the network view draws it.' })
export class GraphNode {
  @Field(() => ID, { description: 'The entity id.' })
  id!: string;

  @Field(() => EntityLabel, { description: 'Organization, Mission, Conflict, State or Person.' })
  label!: EntityLabel;

  @Field({ description: 'Display name: the acronym of missions and organizations, else the name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Full name.' })
  fullName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Start (missions), founding (organizations), first year (conflicts).',
  })
  start!: string | null;

  @Field(() => String, { nullable: true, description: 'End, empty while active.' })
  end!: string | null;

  @Field(() => [String], { description: 'Mission kinds, or the organization kind.' })
  kinds!: string[];

  @Field(() => [ID], {
    description:
      "Organizations behind the node (a mission's deploying organizations; an organization itself): the view colours by the first.",
  })
  organizations!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'UN region of a state; of a mission, that of most of its host states, the first by name on a tie.',
  })
  region!: string | null;

  @Field(() => Float, { nullable: true, description: 'Largest monthly personnel total recorded for a mission.' })
  personnel!: number | null;

  @Field({
    description:
      'Whether the mission was part of a multiple simultaneous peace operation at some time in the period asked for (all years when none), by the rule and defaults of mspoShare; false for other nodes and in search hits.',
  })
  mspo!: boolean;

  @Field(() => GeoPoint, {
    nullable: true,
    description:
      "Where the map draws the node: a mission's headquarters (else its host state's capital), a state's capital, a conflict's located state(s) or missions (GeoPoint.basis says which); null where no sourced coordinate places it (organizations, people, states without a capital in state_capitals.csv, missions at sea).",
  })
  place!: GeoPoint | null;
}

@ObjectType({ description: 'A relationship as the network view draws it.' })
export class GraphEdge {
  @Field(() => ID, { description: 'Stable id of the edge (type, endpoints and distinguishing key).' })
  id!: string;

  @Field(() => ID, { description: 'Id of the start node.' })
  source!: string;

  @Field(() => ID, { description: 'Id of the end node.' })
  target!: string;

  @Field({ description: 'Relationship type (RelationshipType), or CO_DEPLOYED in the organization network.' })
  type!: string;

  @Field(() => String, { nullable: true, description: 'Cooperation kind, membership status or post role.' })
  kind!: string | null;

  @Field(() => String, { nullable: true, description: 'Start of the relationship, where known.' })
  start!: string | null;

  @Field(() => String, { nullable: true, description: 'End of the relationship, where known.' })
  end!: string | null;

  @Field(() => Float, { nullable: true, description: 'Weight: shared conflicts (organization network), or personnel.' })
  weight!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Overlapping months of the two organizations' missions (organization network).",
  })
  months!: number | null;

  @Field(() => [String], { description: 'Import sources that state this relationship.' })
  sources!: string[];

  @Field(() => [String], {
    description:
      "The documents the relationship's records cite (curated rows: resolutions, press releases, with their URLs), as written; empty when the sources cite none.",
  })
  sourceRefs!: string[];
}

@ObjectType({ description: 'A set of nodes and the edges between them.' })
export class Subgraph {
  @Field(() => [GraphNode], { description: 'The nodes.' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: 'The edges.' })
  edges!: GraphEdge[];

  @Field({ description: 'True when a size limit cut the answer.' })
  truncated!: boolean;
}

@ObjectType({ description: 'One path between two entities.' })
export class GraphPath {
  @Field(() => [GraphNode], { description: 'Nodes in path order.' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: 'Relationships in path order.' })
  edges!: GraphEdge[];

  @Field(() => Int, { description: 'Number of relationships.' })
  length!: number;

  @Field({
    description:
      'The path as a sentence, e.g. "NATO deployed SFOR, which handed over to EUFOR-ALTHEA, which was deployed by EU".',
  })
  sentence!: string;
}

@ObjectType({ description: 'A full-text search hit.' })
export class SearchHit {
  @Field(() => GraphNode, { description: 'The entity found.' })
  node!: GraphNode;

  @Field(() => Float, { description: 'Relevance score (higher first).' })
  score!: number;
}
