import { ArgsType, Field, ID, Int } from 'type-graphql';
import { IsOptional, Length, Max, Min } from 'class-validator';

@ArgsType()
export class StatsArgs {
  @Field(() => Int, { defaultValue: 1990, description: 'First year.' })
  @Min(1945)
  @Max(2100)
  from!: number;

  @Field(() => Int, { nullable: true, description: 'Last year; default the current year.' })
  @IsOptional()
  @Min(1945)
  @Max(2100)
  to?: number | null;

  @Field(() => ID, { nullable: true, description: 'Only this organization\'s missions.' })
  @IsOptional()
  @Length(1, 100)
  organization?: string | null;
}
