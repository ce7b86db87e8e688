import { ArgsType, Field, ID } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { PeriodField, PeriodInput, USE_PERIOD } from '../common/period';

/** The arguments of `sharedPersonnel`: two missions or organizations, a period, a source. */
@ArgsType()
export class SharedPersonnelArgs {
  @Field(() => ID, { description: 'A mission or an organization.' })
  @Length(1, 100)
  a!: string;

  @Field(() => ID, { description: 'Another mission or organization.' })
  @Length(1, 100)
  b!: string;

  @PeriodField(
    'The months compared: a state\'s figure is its peak monthly personnel in them. One month (`{from: "2013-12", to: "2013-12"}`) gives that month\'s figure, a year the peak month of the year; default all months.',
  )
  period?: PeriodInput | null;

  @Field(() => String, {
    nullable: true,
    description:
      'One month (YYYY-MM; a day means its month, a year means the peak month of the year): period {from: asOf, to: asOf}.',
    deprecationReason: USE_PERIOD,
  })
  @IsOptional()
  asOf?: string | null;

  @PeriodField(
    "A period: a state's figure is its peak monthly personnel in the period: the same as period.",
    USE_PERIOD,
  )
  between?: PeriodInput | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Count only this source (ipi-contributions, ipi-snapshot, un-country-by-year, geopko-tcc, curated: public documents on non-UN operations); default: per state and month the most precise available.',
  })
  @IsOptional()
  source?: string | null;
}
