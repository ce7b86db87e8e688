import { ArgsType, Field } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { PageArgs } from '../common/connection';

/** A page of states, conflicts or people, optionally of one region. */
@ArgsType()
export class ListArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Only this region (UN region for states, UCDP region for conflicts).',
  })
  @IsOptional()
  @Length(1, 60)
  region?: string | null;
}
