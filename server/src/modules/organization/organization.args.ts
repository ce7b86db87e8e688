import { ArgsType, Field, Int } from 'type-graphql';
import { Max, Min, IsOptional, IsIn } from 'class-validator';
import { ORGANIZATION_KINDS } from '../../model/graph';

/** The kinds of organization (model/graph.ts), also the `kind` filter's allow-list. */
export { ORGANIZATION_KINDS };

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
