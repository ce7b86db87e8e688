import { Field, Float, ObjectType } from 'type-graphql';
import { declaredEnum } from './schema-declarations';
import type { EnumValue } from './schema-declarations';
import { DatePrecision } from './period';
import { Mission } from '../mission/mission.type';
import { Organization } from '../organization/organization.type';
import { Person } from '../person/person.type';
import { State } from '../state/state.type';

@ObjectType({
  description:
    "Personnel a state had in a mission (or in several: an organization's), reduced to one figure per state.",
})
export class Contribution {
  @Field(() => State, { description: 'The state.' })
  state!: State;

  @Field(() => Mission, { nullable: true, description: 'The mission (on State.contributions).' })
  mission?: Mission | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Personnel in the month asked for, or the peak monthly figure over the period; null where the sources list the state as present without a figure.',
  })
  personnel!: number | null;

  @Field(() => [String], { description: 'Sources of the figures used (the most precise available per month).' })
  sources!: string[];
}

export const Direction = declaredEnum('Direction');
export type Direction = EnumValue<typeof Direction>;

@ObjectType({ description: 'A recorded cooperation between two missions.' })
export class Cooperation {
  @Field({ description: 'handover, bridging, hybrid, support, joint or coordination.' })
  kind!: string;

  @Field(() => Direction, {
    description: 'Whether this mission is the first (OUTGOING) or the second (INCOMING) of the pair.',
  })
  direction!: Direction;

  @Field(() => Mission, { description: 'The other mission.' })
  other!: Mission;

  @Field(() => String, { nullable: true, description: 'Start date (YYYY, YYYY-MM or YYYY-MM-DD), where known.' })
  start!: string | null;

  @Field(() => String, { nullable: true, description: 'End date, where known; empty while ongoing.' })
  end!: string | null;

  @Field(() => String, { nullable: true, description: 'What the record says happened.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'The document that records it.' })
  sourceRef!: string | null;
}

@ObjectType({ description: "A post a person held in a mission or in an organization's headquarters." })
export class Post {
  @Field(() => Person, { description: 'The person.' })
  person!: Person;

  @Field(() => Mission, { nullable: true, description: 'The mission (for a post in a mission).' })
  mission!: Mission | null;

  @Field(() => Organization, { nullable: true, description: 'The organization.' })
  organization!: Organization | null;

  @Field({ description: 'The post held.' })
  role!: string;

  @Field({
    description:
      'official: a post of the organization or mission itself; member_state: a role held for a member state (a President of the UN General Assembly, an OSCE Chairperson-in-Office), which makes no person bridge.',
  })
  capacity!: string;

  @Field(() => String, { nullable: true, description: 'Start date (YYYY, YYYY-MM or YYYY-MM-DD), where known.' })
  start!: string | null;

  @Field(() => String, { nullable: true, description: 'End date, where known; empty while ongoing.' })
  end!: string | null;

  @Field(() => DatePrecision, { nullable: true, description: 'Precision of `start`.' })
  startPrecision!: DatePrecision | null;

  @Field(() => DatePrecision, { nullable: true, description: 'Precision of `end`.' })
  endPrecision!: DatePrecision | null;

  @Field(() => String, { nullable: true, description: 'The document that records it.' })
  sourceRef!: string | null;
}

@ObjectType({ description: 'A spell of membership of a state in an organization.' })
export class Membership {
  @Field(() => State, { description: 'The state.' })
  state!: State;

  @Field(() => Organization, { description: 'The organization.' })
  organization!: Organization;

  @Field({ description: 'full, associate or observer.' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'Start date (YYYY, YYYY-MM or YYYY-MM-DD), where known.' })
  start!: string | null;

  @Field(() => String, { nullable: true, description: 'End; empty while a member (COW IGO data end in 2014).' })
  end!: string | null;

  @Field(() => DatePrecision, { nullable: true, description: 'Precision of `start` (COW IGO spells are years).' })
  startPrecision!: DatePrecision | null;

  @Field(() => DatePrecision, { nullable: true, description: 'Precision of `end`.' })
  endPrecision!: DatePrecision | null;

  @Field({ description: 'The source (cow-igo or curated).' })
  source!: string;

  @Field(() => String, {
    nullable: true,
    description: "For a COW IGO spell corrected by membership_corrections.csv: COW's own start year.",
  })
  cowStart!: string | null;

  @Field(() => String, { nullable: true, description: "For a corrected COW IGO spell: COW's own end year." })
  cowEnd!: string | null;

  @Field(() => String, { nullable: true, description: 'The document behind a correction of the COW IGO data.' })
  correctionRef!: string | null;
}
