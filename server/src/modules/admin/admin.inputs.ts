import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsIn, IsOptional, Length, Matches } from 'class-validator';
import { DateField } from '../common/period';
import { ID_PATTERN, MISSION_KINDS, ORGANIZATION_KINDS } from '../../model/graph';
import type { RelType } from '../../model/graph';
import { RelationshipType } from '../graph/graph.type';

const ID_MESSAGE = 'id must be 1-64 letters, digits, ".", "_" or "-"';

@InputType({ description: 'An organization to create or update (matched on id).' })
export class OrganizationInput {
  @Field(() => ID, { description: 'Readable id (the key).' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  id!: string;

  @Field({ description: 'Name.' })
  @Length(1, 300)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Usual acronym.' })
  @IsOptional()
  @Length(1, 40)
  acronym?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'global, regional, subregional, alliance, ad_hoc_coalition or lead_state.',
  })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: string | null;

  @DateField('founded', 'Founding date (YYYY, YYYY-MM or YYYY-MM-DD).')
  founded?: string | null;

  @DateField('dissolved', 'Dissolution date, empty while it exists.')
  dissolved?: string | null;

  @Field({ description: 'The document that states these facts (required).' })
  @Length(3, 1000)
  sourceRef!: string;
}

@InputType({ description: 'A mission to create or update (matched on id).' })
export class MissionInput {
  @Field(() => ID, { description: 'Readable id (the key).' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  id!: string;

  @Field({ description: 'Usual acronym.' })
  @Length(1, 40)
  acronym!: string;

  @Field({ description: 'Name.' })
  @Length(1, 300)
  name!: string;

  @DateField('start', 'Start date (YYYY, YYYY-MM or YYYY-MM-DD), where known.')
  start?: string | null;

  @DateField('end', 'End date, where known; empty while ongoing.')
  end?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: `Kinds and tasks: ${MISSION_KINDS.join(', ')}.`,
  })
  @IsOptional()
  @ArrayMaxSize(MISSION_KINDS.length)
  @IsIn([...MISSION_KINDS], { each: true })
  kinds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Mandate references (S/RES/1996).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 100, { each: true })
  mandates?: string[] | null;

  @Field({ description: 'The document that states these facts (required).' })
  @Length(3, 1000)
  sourceRef!: string;
}

/** Relationship types that the API may write. */
export const WRITABLE_TYPES: RelType[] = [
  'DEPLOYED',
  'HOSTED_BY',
  'IN_CONFLICT',
  'COOPERATED_WITH',
  'SERVED_IN',
  'HELD_POST',
  'MEMBER_OF',
  'PART_OF',
  'SUCCEEDED',
];

@InputType({
  description:
    'A relationship to create or update. Its key is the type, the two ids and, where the type needs one, kind / role / start / status.',
})
export class LinkInput {
  @Field(() => RelationshipType, { description: `One of ${WRITABLE_TYPES.join(', ')}.` })
  @IsIn(WRITABLE_TYPES)
  type!: RelType;

  @Field(() => ID, { description: 'Id of the start entity.' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  from!: string;

  @Field(() => ID, { description: 'Id of the end entity.' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  to!: string;

  @Field(() => String, {
    nullable: true,
    description: 'COOPERATED_WITH: handover, bridging, hybrid, support, joint or coordination.',
  })
  @IsOptional()
  @IsIn(['handover', 'bridging', 'hybrid', 'support', 'joint', 'coordination'])
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'SERVED_IN, HELD_POST: the post.' })
  @IsOptional()
  @Length(1, 300)
  role?: string | null;

  @Field(() => String, { nullable: true, description: 'MEMBER_OF: full, associate or observer.' })
  @IsOptional()
  @IsIn(['full', 'associate', 'observer'])
  status?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'DEPLOYED: whether the organization leads.' })
  @IsOptional()
  lead?: boolean | null;

  @DateField('start', 'Start date (YYYY, YYYY-MM or YYYY-MM-DD), where known.')
  start?: string | null;

  @DateField('end', 'End date, where known; empty while ongoing.')
  end?: string | null;

  @Field({ description: 'The document that states this fact (required).' })
  @Length(3, 1000)
  sourceRef!: string;
}
