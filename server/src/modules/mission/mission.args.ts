import { ArgsType, Field, ID, Int } from 'type-graphql';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { PageArgs } from '../common/connection';
import { PeriodField, PeriodInput, USE_PERIOD } from '../common/period';
import { MissionSort } from '../common/sort';

@ArgsType()
export class MissionsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only missions deployed by this organization.' })
  @IsOptional()
  @Length(1, 100)
  organization?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only missions of this kind (military, police, observer, civilian, ...).',
  })
  @IsOptional()
  @Length(1, 40)
  kind?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only missions hosted by this state (ISO-3).' })
  @IsOptional()
  @Length(1, 20)
  hostState?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only missions in this conflict (ucdp-<id>).' })
  @IsOptional()
  @Length(1, 40)
  conflict?: string | null;

  @Field(() => String, { nullable: true, description: 'Only missions hosted in this UN region.' })
  @IsOptional()
  @Length(1, 60)
  region?: string | null;

  @PeriodField('Only missions active at some time in this period (a year: `{from: "2008", to: "2008"}`).')
  period?: PeriodInput | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Only missions active at some time in this year: period {from: year, to: year}.',
    deprecationReason: USE_PERIOD,
  })
  @IsOptional()
  @Min(1900)
  @Max(2100)
  activeInYear?: number | null;

  @PeriodField('Only missions active at some time in this period: the same as period.', USE_PERIOD)
  activeIn?: PeriodInput | null;

  @Field(() => MissionSort, { nullable: true, description: 'Order; default by start date.' })
  @IsOptional()
  sort?: MissionSort | null;
}
