import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from '../common/node.type';

@ObjectType({ implements: Node, description: 'A peace operation. One operation that sources split by host country has one Mission per host, part of an umbrella Mission.' })
export class Mission extends Node {
  @Field({ description: 'Usual acronym.' })
  acronym!: string;

  @Field(() => String, { nullable: true, description: 'Start date (YYYY, YYYY-MM or YYYY-MM-DD).' })
  start!: string | null;

  @Field(() => String, { nullable: true, description: 'End date; empty while active.' })
  end!: string | null;

  @Field(() => [String], { description: 'Kinds and tasks: military, police, observer, civilian, rule_of_law, monitoring, training, support, maritime.' })
  kinds!: string[];

  @Field(() => [String], { description: 'Mandate references, such as S/RES/1996.' })
  mandates!: string[];

  @Field(() => [String], { description: 'Other names and spellings.' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'The document the curated record cites.' })
  sourceRef!: string | null;

  @Field(() => Float, { nullable: true, description: 'Largest monthly personnel total recorded.' })
  maxPersonnel!: number | null;
}

@ObjectType({ description: 'Personnel of a mission in one month, summed over its host states, from the most precise source of that month.' })
export class PersonnelPoint {
  @Field({ description: 'Month, YYYY-MM.' })
  month!: string;

  @Field(() => Float, { nullable: true, description: 'Troops.' })
  troops!: number | null;

  @Field(() => Float, { nullable: true, description: 'Police (individual and formed units).' })
  police!: number | null;

  @Field(() => Float, { nullable: true, description: 'Military observers and experts on mission.' })
  observers!: number | null;

  @Field(() => Float, { nullable: true, description: 'All uniformed personnel.' })
  total!: number | null;

  @Field({ description: 'The source of the figure (ipi-missions, official monthly, before bara-hultman, interpolated).' })
  source!: string;
}
