import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node.type';
import type { RelType } from '../../model/graph';
import { EntityLabel, RelationshipType } from '../graph/graph.type';

/**
 * What the writes answer: the entities they changed (so that a client cache can update them) beside what
 * happened, rather than a bare Boolean.
 */
@ObjectType({ description: 'The answer of deleteEntity: which entity, and whether there was one to delete.' })
export class DeleteEntityPayload {
  @Field(() => EntityLabel, { description: 'Its kind.' })
  label!: EntityLabel;

  @Field(() => ID, { description: 'Its id (a client cache evicts it).' })
  id!: string;

  @Field({ description: 'False when there was no such entity.' })
  deleted!: boolean;
}

@ObjectType({ description: 'The answer of linkEntities and unlinkEntities: the two entities, as they are now.' })
export class LinkPayload {
  @Field(() => RelationshipType, { description: 'The relationship type.' })
  type!: RelType;

  @Field(() => Node, { nullable: true, description: 'The start entity; null when it does not exist.' })
  from!: Node | null;

  @Field(() => Node, { nullable: true, description: 'The end entity; null when it does not exist.' })
  to!: Node | null;

  @Field(() => Int, {
    description: 'Relationships created or updated (linkEntities: 0 or 1) or deleted (unlinkEntities).',
  })
  count!: number;
}
