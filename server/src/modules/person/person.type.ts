import { Field, ObjectType } from 'type-graphql';
import { Node } from '../common/node.type';

@ObjectType({ implements: Node, description: 'An official who held posts in missions or organizations.' })
export class Person extends Node {
  @Field(() => String, { nullable: true, description: 'ISO-3 code of the nationality.' })
  nationality!: string | null;

  @Field(() => String, { nullable: true, description: 'The document the curated record cites.' })
  sourceRef!: string | null;
}
