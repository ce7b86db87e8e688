import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node.type';

@ObjectType({
  description: 'UCDP intensity of a conflict in one year: 1 minor (25-999 battle deaths), 2 war (1,000 or more).',
})
export class ConflictYear {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'UCDP intensity level: 1 minor (25-999 battle deaths), 2 war (1,000 or more).',
  })
  level!: number | null;
}

@ObjectType({ implements: Node, description: 'An armed conflict of the UCDP/PRIO Armed Conflict Dataset.' })
export class Conflict extends Node {
  @Field(() => String, { nullable: true, description: 'Where it took place, as UCDP writes it.' })
  location!: string | null;

  @Field(() => String, { nullable: true, description: 'Side A (a government).' })
  sideA!: string | null;

  @Field(() => String, { nullable: true, description: 'Side B.' })
  sideB!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'extrasystemic, interstate, intrastate or internationalized intrastate.',
  })
  type!: string | null;

  @Field(() => String, { nullable: true, description: 'territory, government, or both.' })
  incompatibility!: string | null;

  @Field(() => String, { nullable: true, description: 'The territory contested, if any.' })
  territory!: string | null;

  @Field(() => [String], { description: 'UCDP regions.' })
  region!: string[];

  @Field(() => String, { nullable: true, description: 'Start date of the conflict.' })
  start!: string | null;

  @Field(() => Int, { nullable: true, description: 'First year with 25 or more battle deaths.' })
  firstYear!: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year with 25 or more battle deaths in the data.' })
  lastYear!: number | null;

  @Field(() => [ConflictYear], { description: 'Intensity per active year.' })
  intensity!: ConflictYear[];
}
