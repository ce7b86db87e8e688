import { ArgsType, Field, ID, Int } from 'type-graphql';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { PeriodField, PeriodInput, USE_PERIOD } from '../common/period';
import { CoDeploymentUnit } from './codeployment.type';

/** The arguments of `coDeployments`. */
@ArgsType()
export class CoDeploymentsArgs {
  @Field(() => ID, { nullable: true, description: 'Only this conflict (ucdp-<id>).' })
  @IsOptional()
  @Length(1, 40)
  conflict?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this host state (ISO-3); implies unit HOST_STATE.' })
  @IsOptional()
  @Length(1, 20)
  host?: string | null;

  @Field(() => ID, { nullable: true, description: "Only pairs where one mission is this organization's." })
  @IsOptional()
  @Length(1, 100)
  organization?: string | null;

  @PeriodField('Only pairs whose overlap meets this period.')
  period?: PeriodInput | null;

  @PeriodField('Only pairs whose overlap meets this period: the same as period.', USE_PERIOD)
  between?: PeriodInput | null;

  @Field(() => CoDeploymentUnit, { nullable: true, description: 'CONFLICT (default) or HOST_STATE.' })
  @IsOptional()
  unit?: CoDeploymentUnit | null;

  @Field({
    defaultValue: true,
    description:
      "true (the field's rule, as in mspoShare): only pairs of missions whose sets of organizations differ; false: a variant with pairs of one organization's missions too.",
  })
  differentOrganization!: boolean;

  @Field(() => Int, { defaultValue: 200, description: 'Most pairs, 1 to 2000, longest overlap first.' })
  @Min(1)
  @Max(2000)
  first!: number;
}
