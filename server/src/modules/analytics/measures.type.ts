import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AnalysisUnit, BridgeDirection, MembershipStatus } from './analytics.args';
import { AnalysisUniverse, MissionPair } from './mspo.type';

// Analytics types: the six explanations of cooperation, measured for a dyad-year or a mission pair.
@ObjectType({ description: 'Resources: personnel and active missions (strain) of the two sides in a year.' })
export class ResourceMeasures {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, { description: 'Active missions of side a (its strain).' })
  activeMissionsA!: number;

  @Field(() => Int, { description: 'Active missions of side b.' })
  activeMissionsB!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Personnel of side a: sum over its active missions of their mean monthly strength; null without figures.',
  })
  personnelA!: number | null;

  @Field(() => Float, { nullable: true, description: 'Personnel of side b.' })
  personnelB!: number | null;

  @Field(() => Int, { description: 'Active missions of side a with a personnel figure that year.' })
  missionsWithPersonnelA!: number;

  @Field(() => Int, { description: 'Active missions of side b with a personnel figure that year.' })
  missionsWithPersonnelB!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'min / max of the two personnel figures; null when either is unknown or both are 0.',
  })
  personnelRatio!: number | null;
}

@ObjectType({ description: 'Complexity of one unit (conflict or host state) in one year.' })
export class UnitComplexity {
  @Field(() => ID, { description: 'The conflict or host state.' })
  unit!: string;

  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, { description: 'Distinct missions active there.' })
  missions!: number;

  @Field(() => Int, { description: 'Distinct organizations of those missions.' })
  organizations!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'UCDP intensity (1 minor, 2 war; for a state, the highest of its conflicts); null when UCDP records none.',
  })
  intensity!: number | null;

  @Field(() => [ID], { description: 'The missions.' })
  missionIds!: string[];

  @Field(() => [ID], { description: 'The organizations.' })
  organizationIds!: string[];
}

@ObjectType({ description: 'Complexity of a unit, year by year.' })
export class UnitComplexitySeries {
  @Field(() => AnalysisUniverse, { description: 'The missions counted.' })
  universe!: AnalysisUniverse;

  @Field(() => ID, { description: 'The conflict or host state.' })
  unitId!: string;

  @Field(() => [UnitComplexity], {
    description: 'One item per year, in order (every year of the range, zeros included).',
  })
  years!: UnitComplexity[];
}

@ObjectType({ description: 'Conflict complexity where the two sides were deployed together.' })
export class ComplexityMeasures {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => [UnitComplexity], { description: 'Each shared unit in the year.' })
  units!: UnitComplexity[];

  @Field(() => Int, { nullable: true, description: 'Most missions in one of the units; null without a shared unit.' })
  maxMissions!: number | null;

  @Field(() => Int, { nullable: true, description: 'Most organizations in one of the units.' })
  maxOrganizations!: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest UCDP intensity of the units.' })
  maxIntensity!: number | null;
}

@ObjectType({ description: 'Social learning: earlier joint experience of the two sides.' })
export class SocialLearning {
  @Field({ description: 'Experience counts when it began strictly before this date.' })
  before!: string;

  @Field(() => Int, {
    description: 'Distinct earlier units (conflicts or host states) where the two were co-deployed or cooperated.',
  })
  count!: number;

  @Field(() => [ID], { description: 'Those units.' })
  earlierUnits!: string[];
}

@ObjectType({
  description: 'Security-culture similarity (proxy): overlap of the member states of the two sides in a year.',
})
export class MembershipSimilarity {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => [MembershipStatus], { description: 'Statuses counted as membership.' })
  statuses!: MembershipStatus[];

  @Field(() => Int, { description: 'Members of side a.' })
  membersA!: number;

  @Field(() => Int, { description: 'Members of side b.' })
  membersB!: number;

  @Field(() => Int, { description: 'States members of both.' })
  sharedMembers!: number;

  @Field(() => Float, { nullable: true, description: 'Jaccard: shared / union; null when a side has no members.' })
  jaccard!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Overlap: shared / the smaller membership; null when a side has no members.',
  })
  overlap!: number | null;
}

@ObjectType({
  description: 'Personnel-nationality similarity: how alike the contributing states of the two sides are.',
})
export class NationalitySimilarity {
  @Field(() => Int, {
    nullable: true,
    description: 'The year of the figures; null: every year with figures (missions only).',
  })
  year!: number | null;

  @Field(() => Int, { description: 'Contributing states of side a.' })
  contributorsA!: number;

  @Field(() => Int, { description: 'Contributing states of side b.' })
  contributorsB!: number;

  @Field(() => Int, { description: 'States contributing to both.' })
  sharedContributors!: number;

  @Field(() => Int, {
    description:
      'Contributing states of side a with a personnel figure (the rows the cosine reads; the Jaccard reads every contributor).',
  })
  contributorsWithFigureA!: number;

  @Field(() => Int, { description: 'Contributing states of side b with a personnel figure.' })
  contributorsWithFigureB!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Cosine similarity of the personnel-by-state vectors; null when a side has no figures.',
  })
  cosine!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Jaccard similarity of the sets of contributing states; null when a side has none.',
  })
  jaccard!: number | null;

  @Field(() => [String], { description: 'Sources of the figures of side a.' })
  sourcesA!: string[];

  @Field(() => [String], { description: 'Sources of the figures of side b.' })
  sourcesB!: string[];
}

@ObjectType({ description: 'A post of a person bridge.' })
export class BridgePost {
  @Field(() => ID, { description: 'The organization.' })
  organization!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The mission, for a post in a mission; null for a headquarters post.',
  })
  mission!: string | null;

  @Field(() => String, { nullable: true, description: 'The role.' })
  role!: string | null;

  @Field(() => String, { nullable: true, description: 'Start (YYYY, YYYY-MM or YYYY-MM-DD).' })
  start!: string | null;

  @Field(() => String, { nullable: true, description: 'End.' })
  end!: string | null;
}

@ObjectType({ description: 'A person who held posts with both sides.' })
export class PersonBridge {
  @Field(() => ID, { description: 'The person.' })
  person!: string;

  @Field(() => String, { nullable: true, description: 'Name.' })
  name!: string | null;

  @Field(() => BridgePost, { description: 'Earliest post with side a.' })
  postA!: BridgePost;

  @Field(() => BridgePost, { description: "Earliest post with side b (another organization than postA's)." })
  postB!: BridgePost;

  @Field(() => BridgeDirection, { nullable: true, description: 'Which came first; null when a start is unknown.' })
  direction!: BridgeDirection | null;
}

@ObjectType({ description: 'Person bridges: people who held posts with both sides.' })
export class PersonBridges {
  @Field(() => String, { nullable: true, description: 'Posts that started after this date were left out.' })
  until!: string | null;

  @Field(() => Int, { description: 'People.' })
  count!: number;

  @Field(() => Int, { description: 'People who served side a first.' })
  aToB!: number;

  @Field(() => Int, { description: 'People who served side b first.' })
  bToA!: number;

  @Field(() => [PersonBridge], { description: 'The people.' })
  bridges!: PersonBridge[];
}

@ObjectType({ description: 'Co-deployment and cooperation of two organizations in a year.' })
export class DyadCooperation {
  @Field({ description: 'Whether the two were co-deployed (a co-deployed mission pair exists).' })
  codeployed!: boolean;

  @Field(() => Int, {
    description:
      'Co-deployed mission pairs: one mission of each, same unit, active at the same time in the year (a hybrid mission of both counts once).',
  })
  codeployedPairs!: number;

  @Field(() => [ID], { description: 'Units where they were co-deployed.' })
  codeployedUnits!: string[];

  @Field(() => Int, { description: 'Co-deployed pairs with a recorded cooperation (hybrids included).' })
  linkedPairs!: number;

  @Field(() => Float, { nullable: true, description: 'linkedPairs / codeployedPairs; null when not co-deployed.' })
  cooperationRate!: number | null;

  @Field({
    description:
      'The outcome: a recorded cooperation between their missions in force in the year, or a hybrid mission of both active.',
  })
  cooperated!: boolean;

  @Field(() => Int, { description: 'Recorded cooperations in force in the year plus hybrid missions of both.' })
  cooperationLinks!: number;

  @Field(() => [String], { description: 'Kinds of those cooperations.' })
  cooperationKinds!: string[];

  @Field(() => [ID], { description: 'Hybrid missions of both active in the year.' })
  hybridMissions!: string[];

  @Field(() => Float, {
    nullable: true,
    description: 'Mean complementarity (1 - Jaccard of tasks) of the co-deployed pairs of two missions.',
  })
  complementarityMean!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "1 - Jaccard of the union of the tasks of each side's active missions.",
  })
  complementarityUnion!: number | null;
}

@ObjectType({ description: 'Every measure for two organizations in a year (a dyad-year).' })
export class DyadMeasures {
  @Field(() => AnalysisUniverse, { description: 'The missions counted.' })
  universe!: AnalysisUniverse;

  @Field(() => AnalysisUnit, { description: 'The unit used.' })
  unit!: AnalysisUnit;

  @Field(() => ID, { description: 'Organization a.' })
  a!: string;

  @Field(() => ID, { description: 'Organization b.' })
  b!: string;

  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => DyadCooperation, { description: 'Co-deployment, cooperation outcome and rate, complementarity.' })
  cooperation!: DyadCooperation;

  @Field(() => ResourceMeasures, { description: 'Resources.' })
  resources!: ResourceMeasures;

  @Field(() => ComplexityMeasures, { description: 'Complexity of the units where they were co-deployed.' })
  complexity!: ComplexityMeasures;

  @Field(() => SocialLearning, { description: 'Joint experience before 1 January of the year.' })
  socialLearning!: SocialLearning;

  @Field(() => MembershipSimilarity, { description: 'Member-state overlap.' })
  membership!: MembershipSimilarity;

  @Field(() => NationalitySimilarity, { description: 'Contributing-state similarity of their active missions.' })
  nationality!: NationalitySimilarity;

  @Field(() => PersonBridges, { description: 'People with posts with both by the end of the year.' })
  personBridges!: PersonBridges;
}

@ObjectType({ description: 'Every measure for two missions.' })
export class MissionPairMeasures {
  @Field(() => AnalysisUniverse, { description: 'The missions counted.' })
  universe!: AnalysisUniverse;

  @Field(() => AnalysisUnit, { description: 'The unit used.' })
  unit!: AnalysisUnit;

  @Field(() => Int, { description: 'The sequential window, in days.' })
  sequentialWindowDays!: number;

  @Field(() => MissionPair, { description: 'Pair type, recorded cooperation, complementarity.' })
  pair!: MissionPair;

  @Field(() => ResourceMeasures, { description: 'Personnel of the two missions in the year of the pair start.' })
  resources!: ResourceMeasures;

  @Field(() => ComplexityMeasures, { description: 'Complexity of their shared units in the year of the pair start.' })
  complexity!: ComplexityMeasures;

  @Field(() => SocialLearning, {
    nullable: true,
    description:
      'Joint experience of their organizations before the pair start; null when both have the same single organization.',
  })
  socialLearning!: SocialLearning | null;

  @Field(() => MembershipSimilarity, {
    description: 'Member-state overlap of their organizations in the year of the pair start.',
  })
  membership!: MembershipSimilarity;

  @Field(() => NationalitySimilarity, { description: 'Contributing-state similarity of the two missions.' })
  nationality!: NationalitySimilarity;

  @Field(() => PersonBridges, {
    nullable: true,
    description:
      "People with posts with both missions' organizations by the end of the pair start year; null when both have the same single organization.",
  })
  personBridges!: PersonBridges | null;
}
