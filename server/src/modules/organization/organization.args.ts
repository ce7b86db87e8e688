import { ArgsType, Field } from 'type-graphql';
import { IsOptional, IsIn } from 'class-validator';
import { PageArgs } from '../common/connection';
import { ORGANIZATION_KINDS } from '../../model/graph';

/** The kinds of organization (model/graph.ts), also the `kind` filter's allow-list. */
export { ORGANIZATION_KINDS };

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only organizations of this kind.' })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: string | null;
}
