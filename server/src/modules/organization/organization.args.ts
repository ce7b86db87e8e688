import { ArgsType, Field, Int } from 'type-graphql';
import { Max, Min, IsOptional, IsIn } from 'class-validator';

export const ORGANIZATION_KINDS = ['global', 'regional', 'subregional', 'alliance', 'ad_hoc_coalition', 'lead_state'] as const;

@ArgsType()
export class OrganizationsArgs {
  @Field(() => Int, { defaultValue: 100, description: 'Page size, 0 to 500.' })
  @Min(0)
  @Max(500)
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (`pageInfo.endCursor`).' })
  after?: string | null;

  @Field(() => String, { nullable: true, description: 'Only organizations of this kind.' })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: string | null;
}
