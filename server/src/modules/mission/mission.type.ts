import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node.type';
import { DatePrecision } from '../common/period';
import { GeoPoint } from '../common/geo.type';

@ObjectType({
  implements: Node,
  description:
    'A peace operation. One operation that sources split by host country has one Mission per host, part of an umbrella Mission.',
})
export class Mission extends Node {
  @Field({ description: 'Usual acronym.' })
  acronym!: string;

  @Field(() => String, { nullable: true, description: 'Start date (YYYY, YYYY-MM or YYYY-MM-DD).' })
  start!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'End date (as precise as its source: YYYY, YYYY-MM or YYYY-MM-DD); empty while active or where no end is on record.',
  })
  end!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'For a mission without a recorded end that no source says continues: the last date a source shows it active. The measures count it active up to that date only (README Methods); null otherwise.',
  })
  lastEvidence!: string | null;

  @Field(() => DatePrecision, {
    nullable: true,
    description: 'Precision of `start`: a month-precision date covers its whole month.',
  })
  startPrecision!: DatePrecision | null;

  @Field(() => DatePrecision, {
    nullable: true,
    description: 'Precision of `end` (or, without one, of `lastEvidence`).',
  })
  endPrecision!: DatePrecision | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Kind of operation (mission_universe.csv): peace_operation, naval_operation, support_office, support_operation or enforcement_operation; null where not reviewed.',
  })
  operationType!: string | null;

  @Field(() => [String], {
    description:
      'Kinds and tasks: military, police, observer, civilian, rule_of_law, monitoring, training, support, maritime.',
  })
  kinds!: string[];

  @Field(() => [String], { description: 'Mandate references, such as S/RES/1996.' })
  mandates!: string[];

  @Field(() => [String], { description: 'Other names and spellings.' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'The document the curated record cites.' })
  sourceRef!: string | null;

  @Field(() => Float, { nullable: true, description: 'Largest monthly personnel total recorded.' })
  maxPersonnel!: number | null;

  @Field(() => GeoPoint, {
    nullable: true,
    description:
      'Headquarters (city and coordinates) as its source gives it (the UN list of peacekeeping operations; `source` names it); null where no source gives coordinates.',
  })
  headquarters!: GeoPoint | null;
}

@ObjectType({
  description:
    'Personnel of a mission in one month, summed over its host states, from the most precise source of that month.',
})
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

  @Field({
    description: 'The source of the figure (ipi-missions, official monthly, before bara-hultman, interpolated).',
  })
  source!: string;
}

@ObjectType({
  description:
    'Personnel of a mission in one year: its mean monthly strength, each month from the best source that has it (cypher/analysis/personnel.cypher: IPI monthly, UN country-by-year, Geo-PKO, Bara & Hultman). Null where no source gives a figure.',
})
export class MissionPersonnelYear {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean monthly strength over the months with a figure; null: unknown.',
  })
  personnel!: number | null;

  @Field(() => Int, { description: 'Months of the year in which the mission was active.' })
  monthsActive!: number;

  @Field(() => Int, { description: 'Of those, months with a figure.' })
  monthsWithFigure!: number;

  @Field(() => [String], { description: 'The sources of the figures.' })
  sources!: string[];
}
