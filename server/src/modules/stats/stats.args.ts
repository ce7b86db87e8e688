import { ArgsType, Field, ID, Int } from 'type-graphql';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { PeriodField, PeriodInput, USE_PERIOD } from '../common/period';

/** The first year `stats` reports when the period leaves its start open. */
export const STATS_FIRST_YEAR = 1990;

@ArgsType()
export class StatsArgs {
  @PeriodField(
    `The years reported: those the period's dates fall in (\`{from: "2000", to: "2010"}\`), 1945 to 2100; an open start is ${STATS_FIRST_YEAR}, an open end the current year; default ${STATS_FIRST_YEAR} to the current year.`,
  )
  period?: PeriodInput | null;

  @Field(() => Int, {
    nullable: true,
    description: `First year (default ${STATS_FIRST_YEAR}): period.from.`,
    deprecationReason: USE_PERIOD,
  })
  @IsOptional()
  @Min(1945)
  @Max(2100)
  from?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Last year (default the current year): period.to.',
    deprecationReason: USE_PERIOD,
  })
  @IsOptional()
  @Min(1945)
  @Max(2100)
  to?: number | null;

  @Field(() => ID, { nullable: true, description: "Only this organization's missions." })
  @IsOptional()
  @Length(1, 100)
  organization?: string | null;
}
