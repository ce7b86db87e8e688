import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AnalysisUniverse } from '../analytics/mspo.type';
import { Organization } from '../organization/organization.type';

@ObjectType({ description: 'Figures of one year. A figure no source gives is null, never 0.' })
export class YearStat {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, { description: 'Missions of the universe active at some time in the year.' })
  missionsActive!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Active missions that were part of an MSPO in the year (by the rule of `mspoShare`, with its defaults).',
  })
  mspoMissions!: number | null;

  @Field(() => Float, { nullable: true, description: 'mspoMissions / missionsActive; null when no mission is active.' })
  mspoShare!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'MSPO missions that only the host-state fallback made MSPO (a mission without a recorded conflict).',
  })
  hostFallbackMissions!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Personnel: the sum over the active missions with a figure of their mean monthly strength in the year, each month from the best source that has it (IPI monthly, UN country-by-year, Geo-PKO, Bara & Hultman; cypher/analysis/personnel.cypher). Null when no mission has a figure: unknown, not zero.',
  })
  personnel!: number | null;

  @Field(() => Int, {
    description: 'Active missions with a personnel figure in the year (the coverage of `personnel`).',
  })
  missionsWithPersonnel!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'missionsWithPersonnel / missionsActive; null when no mission is active.',
  })
  personnelCoverage!: number | null;

  @Field(() => [String], { description: 'The sources the personnel figure of the year comes from.' })
  personnelSources!: string[];
}

@ObjectType({ description: 'Figures of one organization per year.' })
export class OrganizationStat {
  @Field(() => Organization, { description: 'The organization.' })
  organization!: Organization;

  @Field(() => [YearStat], { description: 'One entry per year, in order.' })
  years!: YearStat[];
}

@ObjectType({
  description:
    'Missions active, personnel and MSPO share per year, overall and per organization, with the coverage of each figure.',
})
export class Stats {
  @Field(() => AnalysisUniverse, { description: 'The missions counted: the default universe of the measures.' })
  universe!: AnalysisUniverse;

  @Field({ description: 'The MSPO rule used, in words.' })
  mspoDefinition!: string;

  @Field(() => [YearStat], {
    description: "One entry per year, in order (with `organization`: that organization's missions).",
  })
  years!: YearStat[];

  @Field(() => [OrganizationStat], { description: 'One entry per organization with missions in the period.' })
  organizations!: OrganizationStat[];
}
