import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { declaredEnum } from '../common/schema-declarations';
import type { EnumValue } from '../common/schema-declarations';
import { ArrayMaxSize, IsIn, IsOptional, Length, Max, Min } from 'class-validator';
import type { RelType } from '../../model/graph';
import { FORMAT_NAMES } from '../../model/sources';
import { ORGANIZATION_KINDS } from '../organization/organization.args';
import { PeriodField, PeriodInput, USE_PERIOD } from '../common/period';
import { RelationshipType } from './graph.type';

export const NetworkMode = declaredEnum('NetworkMode');
export type NetworkMode = EnumValue<typeof NetworkMode>;

@InputType({ description: 'What the network view shows.' })
export class NetworkFilter {
  @Field(() => NetworkMode, {
    defaultValue: NetworkMode.FULL,
    description: 'FULL (missions and their surroundings) or ORGANIZATIONS (organization network).',
  })
  mode!: NetworkMode;

  @Field(() => [ID], { nullable: true, description: 'Only missions deployed by these organizations.' })
  @IsOptional()
  @ArrayMaxSize(100)
  organizations?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only missions of these kinds (military, police, observer, civilian, ...).',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  missionKinds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only missions hosted in these UN regions (e.g. "Eastern Africa").',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  regions?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only missions in these conflicts (ucdp-<id>).' })
  @IsOptional()
  @ArrayMaxSize(100)
  conflicts?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Only missions deployed by an organization of these kinds: ${ORGANIZATION_KINDS.join(', ')} (as Organization.kind). Their other organizations still show, as with \`organizations\`.`,
  })
  @IsOptional()
  @ArrayMaxSize(ORGANIZATION_KINDS.length)
  @IsIn(ORGANIZATION_KINDS, { each: true })
  organizationKinds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Only what these datasets state (${FORMAT_NAMES.join(', ')}): missions, organizations, states and conflicts whose \`sources\` name one of them, and the relationships they record (an edge then lists only these sources). In the ORGANIZATIONS mode: the missions the co-deployment is counted over.`,
  })
  @IsOptional()
  @ArrayMaxSize(FORMAT_NAMES.length)
  @IsIn(FORMAT_NAMES, { each: true })
  sources?: string[] | null;

  @PeriodField('Only missions active in this period; default: everything.')
  period?: PeriodInput | null;

  @Field({ defaultValue: true, description: 'Include host states (FULL mode).' })
  includeStates!: boolean;

  @Field({ defaultValue: true, description: 'Include conflicts (FULL mode).' })
  includeConflicts!: boolean;
}

@ArgsType()
export class NeighborsArgs {
  @Field(() => ID, { description: 'Id of any entity.' })
  @Length(1, 100)
  id!: string;

  @Field(() => Int, { defaultValue: 1, description: 'How many steps out, 1 to 3.' })
  @Min(1)
  @Max(3)
  depth!: number;

  @Field(() => [RelationshipType], {
    nullable: true,
    description: 'Only these relationship types; default all but the monthly series (PERSONNEL_IN, PARTY_TO).',
  })
  @IsOptional()
  types?: RelType[] | null;

  @PeriodField('Only relationships active in this period.')
  period?: PeriodInput | null;

  @PeriodField('Only relationships active in this period: the same as period.', USE_PERIOD)
  activeIn?: PeriodInput | null;

  @Field(() => Int, { defaultValue: 300, description: 'Most nodes to return, 1 to 2000.' })
  @Min(1)
  @Max(2000)
  limit!: number;
}

@ArgsType()
export class PathsArgs {
  @Field(() => ID, { description: 'Id of the first entity.' })
  @Length(1, 100)
  from!: string;

  @Field(() => ID, { description: 'Id of the second entity.' })
  @Length(1, 100)
  to!: string;

  @Field(() => Int, { defaultValue: 6, description: 'Longest path, 1 to 8 relationships.' })
  @Min(1)
  @Max(8)
  maxHops!: number;

  @Field(() => Int, { defaultValue: 1, description: 'How many shortest paths, 1 to 10.' })
  @Min(1)
  @Max(10)
  k!: number;

  @Field(() => [RelationshipType], {
    nullable: true,
    description:
      'Only through these relationship types; default all but the time series (CONTRIBUTED_TO, PERSONNEL_IN, PARTY_TO).',
  })
  @IsOptional()
  types?: RelType[] | null;

  @PeriodField('Only through relationships active in this period.')
  period?: PeriodInput | null;

  @PeriodField('Only through relationships active in this period: the same as period.', USE_PERIOD)
  activeIn?: PeriodInput | null;
}

@ArgsType()
export class SearchArgs {
  @Field({ description: 'Words to look for in names, acronyms and aliases; the last word may be a prefix.' })
  @Length(1, 200)
  text!: string;

  @Field(() => Int, { defaultValue: 10, description: 'How many hits, 1 to 100.' })
  @Min(1)
  @Max(100)
  first!: number;
}
