import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection';
import { AnalysisGranularity, AnalysisUnit, BridgeDirection, CooperationNetworkTie, MembershipStatus, MissionPairType } from './analytics.args';

@ObjectType({ description: 'The missions a statistic counted: the analysis set of a universe (see the README, Methods).' })
export class AnalysisUniverse {
  @Field(() => String, { nullable: true, description: 'The import source whose missions were counted; null: the whole graph.' })
  source!: string | null;

  @Field({ description: 'In words: which missions were counted.' })
  description!: string;

  @Field(() => Int, { description: 'Missions in the analysis set.' })
  missions!: number;

  @Field(() => Int, { description: 'Missions the universe records, before the two exclusions below.' })
  recorded!: number;

  @Field(() => Int, { description: 'Missions left out because they have no start date.' })
  withoutStart!: number;

  @Field(() => Int, { description: 'Umbrella missions left out because their parts are in the universe and are counted instead.' })
  replacedByParts!: number;

  @Field(() => Int, { description: 'Missions of the set without a recorded conflict (they are placed by their host states).' })
  missionsWithoutConflict!: number;

  @Field(() => Int, { description: 'Missions of the set without a host state (maritime operations).' })
  missionsWithoutHost!: number;
}

@ObjectType({ description: 'One period of the MSPO share.' })
export class MspoPeriod {
  @Field({ description: 'The year (YYYY) or month (YYYY-MM).' })
  period!: string;

  @Field(() => Int, { description: 'Missions active in the period.' })
  activeMissions!: number;

  @Field(() => Int, { description: 'Active missions with another active mission in the same unit (part of an MSPO).' })
  mspoMissions!: number;

  @Field(() => Float, { nullable: true, description: 'mspoMissions / activeMissions; null when no mission is active.' })
  share!: number | null;

  @Field(() => [ID], { description: 'The missions that were part of an MSPO.' })
  mspoMissionIds!: string[];
}

@ObjectType({ description: 'The share of active missions that were part of a multiple simultaneous peace operation, per period.' })
export class MspoShare {
  @Field(() => AnalysisUniverse, { description: 'The missions counted.' })
  universe!: AnalysisUniverse;

  @Field(() => AnalysisUnit, { description: 'The unit used.' })
  unit!: AnalysisUnit;

  @Field(() => AnalysisGranularity, { description: 'Years or months.' })
  granularity!: AnalysisGranularity;

  @Field({ description: 'Whether the other mission had to have a different set of organizations.' })
  differentOrganization!: boolean;

  @Field(() => [MspoPeriod], { description: 'One item per period, in order.' })
  periods!: MspoPeriod[];
}

@ObjectType({ description: 'Two missions: their pair type, recorded cooperation and complementarity.' })
export class MissionPair {
  @Field(() => ID, { description: 'The first mission (ids in alphabetical order).' })
  missionA!: string;

  @Field(() => ID, { description: 'The second mission.' })
  missionB!: string;

  @Field(() => [ID], { description: 'Organizations of mission a (a lead state is left out when the mission also has an organization of another kind).' })
  organizationsA!: string[];

  @Field(() => [ID], { description: 'Organizations of mission b.' })
  organizationsB!: string[];

  @Field({ description: 'First day of mission a.' })
  startA!: string;

  @Field(() => String, { nullable: true, description: 'Last day of mission a; null while active.' })
  endA!: string | null;

  @Field({ description: 'First day of mission b.' })
  startB!: string;

  @Field(() => String, { nullable: true, description: 'Last day of mission b; null while active.' })
  endB!: string | null;

  @Field({ description: 'The later of the two starts: the day the pair came to be.' })
  pairStart!: string;

  @Field(() => [ID], { description: 'Conflicts (or host states) the two missions share.' })
  sharedUnits!: string[];

  @Field({ description: 'Whether the two missions meet the definition of a pair (shared unit and overlap or sequence, or a recorded link; and different organizations when asked).' })
  isPair!: boolean;

  @Field({ description: 'Whether the two sets of organizations differ.' })
  differentOrganizations!: boolean;

  @Field(() => Int, { description: 'Days both missions were active (to today for active ones); 0 when they never overlapped.' })
  overlapDays!: number;

  @Field(() => Int, { nullable: true, description: 'Start of the later mission minus end of the earlier one, in days (negative when they overlap); null while the earlier is active.' })
  gapDays!: number | null;

  @Field({ description: 'Whether |gapDays| is within the sequential window.' })
  sequentialByWindow!: boolean;

  @Field({ description: 'Whether a handover between the two is recorded.' })
  handoverRecorded!: boolean;

  @Field({ description: 'Whether a bridging operation between the two is recorded.' })
  bridgingRecorded!: boolean;

  @Field(() => [String], { description: 'Kinds of recorded cooperation between the two (handover, bridging, support, joint, coordination, hybrid).' })
  linkKinds!: string[];

  @Field({ description: 'Whether any cooperation between the two is recorded.' })
  cooperated!: boolean;

  @Field({ description: 'Whether either mission is run by two or more organizations.' })
  hybrid!: boolean;

  @Field(() => MissionPairType, { description: 'Hybrid, sequential, bridging or parallel (the first that applies).' })
  pairType!: MissionPairType;

  @Field(() => [String], { description: 'Tasks of mission a.' })
  tasksA!: string[];

  @Field(() => [String], { description: 'Tasks of mission b.' })
  tasksB!: string[];

  @Field(() => Float, { nullable: true, description: '1 - Jaccard similarity of the two task sets; null when neither has a task.' })
  complementarity!: number | null;
}

export const MissionPairConnection = Connection(MissionPair, 'MissionPair');

@ObjectType({ description: 'Pairs by type for one year (the year of the pair start).' })
export class PairTypeYear {
  @Field(() => Int, { description: 'Year of the pair start.' })
  year!: number;

  @Field(() => Int, { description: 'Parallel pairs.' })
  parallel!: number;

  @Field(() => Int, { description: 'Sequential pairs.' })
  sequential!: number;

  @Field(() => Int, { description: 'Hybrid pairs.' })
  hybrid!: number;

  @Field(() => Int, { description: 'Bridging pairs.' })
  bridging!: number;

  @Field(() => Int, { description: 'All pairs.' })
  total!: number;
}

@ObjectType({ description: 'How often each type of mission pair occurs.' })
export class PairTypes {
  @Field(() => AnalysisUniverse, { description: 'The missions counted.' })
  universe!: AnalysisUniverse;

  @Field(() => AnalysisUnit, { description: 'The unit used.' })
  unit!: AnalysisUnit;

  @Field({ description: 'Whether only pairs of different organizations were counted.' })
  differentOrganization!: boolean;

  @Field(() => Int, { description: 'The sequential window, in days.' })
  sequentialWindowDays!: number;

  @Field(() => Int, { description: 'All pairs.' })
  total!: number;

  @Field(() => Int, { description: 'Parallel pairs.' })
  parallel!: number;

  @Field(() => Int, { description: 'Sequential pairs.' })
  sequential!: number;

  @Field(() => Int, { description: 'Hybrid pairs.' })
  hybrid!: number;

  @Field(() => Int, { description: 'Bridging pairs.' })
  bridging!: number;

  @Field(() => [PairTypeYear], { description: 'Counts per year of the pair start.' })
  byYear!: PairTypeYear[];

  @Field(() => MissionPairConnection, { description: 'The pairs, by pair start, a page at a time.' })
  pairs!: InstanceType<typeof MissionPairConnection>;
}

@ObjectType({ description: 'Resources: personnel and active missions (strain) of the two sides in a year.' })
export class ResourceMeasures {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, { description: 'Active missions of side a (its strain).' })
  activeMissionsA!: number;

  @Field(() => Int, { description: 'Active missions of side b.' })
  activeMissionsB!: number;

  @Field(() => Float, { nullable: true, description: 'Personnel of side a: sum over its active missions of their mean monthly strength; null without figures.' })
  personnelA!: number | null;

  @Field(() => Float, { nullable: true, description: 'Personnel of side b.' })
  personnelB!: number | null;

  @Field(() => Int, { description: 'Active missions of side a with a personnel figure that year.' })
  missionsWithPersonnelA!: number;

  @Field(() => Int, { description: 'Active missions of side b with a personnel figure that year.' })
  missionsWithPersonnelB!: number;

  @Field(() => Float, { nullable: true, description: 'min / max of the two personnel figures; null when either is unknown or both are 0.' })
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

  @Field(() => Int, { nullable: true, description: 'UCDP intensity (1 minor, 2 war; for a state, the highest of its conflicts); null when UCDP records none.' })
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

  @Field(() => [UnitComplexity], { description: 'One item per year, in order (every year of the range, zeros included).' })
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

  @Field(() => Int, { description: 'Distinct earlier units (conflicts or host states) where the two were co-deployed or cooperated.' })
  count!: number;

  @Field(() => [ID], { description: 'Those units.' })
  earlierUnits!: string[];
}

@ObjectType({ description: 'Security-culture similarity (proxy): overlap of the member states of the two sides in a year.' })
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

  @Field(() => Float, { nullable: true, description: 'Overlap: shared / the smaller membership; null when a side has no members.' })
  overlap!: number | null;
}

@ObjectType({ description: 'Personnel-nationality similarity: how alike the contributing states of the two sides are.' })
export class NationalitySimilarity {
  @Field(() => Int, { nullable: true, description: 'The year of the figures; null: every year with figures (missions only).' })
  year!: number | null;

  @Field(() => Int, { description: 'Contributing states of side a.' })
  contributorsA!: number;

  @Field(() => Int, { description: 'Contributing states of side b.' })
  contributorsB!: number;

  @Field(() => Int, { description: 'States contributing to both.' })
  sharedContributors!: number;

  @Field(() => Float, { nullable: true, description: 'Cosine similarity of the personnel-by-state vectors; null when a side has no figures.' })
  cosine!: number | null;

  @Field(() => Float, { nullable: true, description: 'Jaccard similarity of the sets of contributing states; null when a side has none.' })
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

  @Field(() => ID, { nullable: true, description: 'The mission, for a post in a mission; null for a headquarters post.' })
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

  @Field(() => BridgePost, { description: 'Earliest post with side b (another organization than postA\'s).' })
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

  @Field(() => Int, { description: 'Co-deployed mission pairs: one mission of each, same unit, active at the same time in the year (a hybrid mission of both counts once).' })
  codeployedPairs!: number;

  @Field(() => [ID], { description: 'Units where they were co-deployed.' })
  codeployedUnits!: string[];

  @Field(() => Int, { description: 'Co-deployed pairs with a recorded cooperation (hybrids included).' })
  linkedPairs!: number;

  @Field(() => Float, { nullable: true, description: 'linkedPairs / codeployedPairs; null when not co-deployed.' })
  cooperationRate!: number | null;

  @Field({ description: 'The outcome: a recorded cooperation between their missions in force in the year, or a hybrid mission of both active.' })
  cooperated!: boolean;

  @Field(() => Int, { description: 'Recorded cooperations in force in the year plus hybrid missions of both.' })
  cooperationLinks!: number;

  @Field(() => [String], { description: 'Kinds of those cooperations.' })
  cooperationKinds!: string[];

  @Field(() => [ID], { description: 'Hybrid missions of both active in the year.' })
  hybridMissions!: string[];

  @Field(() => Float, { nullable: true, description: 'Mean complementarity (1 - Jaccard of tasks) of the co-deployed pairs of two missions.' })
  complementarityMean!: number | null;

  @Field(() => Float, { nullable: true, description: '1 - Jaccard of the union of the tasks of each side\'s active missions.' })
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

  @Field(() => SocialLearning, { nullable: true, description: 'Joint experience of their organizations before the pair start; null when both have the same single organization.' })
  socialLearning!: SocialLearning | null;

  @Field(() => MembershipSimilarity, { description: 'Member-state overlap of their organizations in the year of the pair start.' })
  membership!: MembershipSimilarity;

  @Field(() => NationalitySimilarity, { description: 'Contributing-state similarity of the two missions.' })
  nationality!: NationalitySimilarity;

  @Field(() => PersonBridges, { nullable: true, description: 'People with posts with both missions\' organizations by the end of the pair start year; null when both have the same single organization.' })
  personBridges!: PersonBridges | null;
}

@ObjectType({ description: 'An organization\'s place in the network.' })
export class OrganizationDegree {
  @Field(() => ID, { description: 'The organization.' })
  organization!: string;

  @Field(() => Int, { description: 'Number of organizations it is tied to.' })
  degree!: number;
}

@ObjectType({ description: 'A tie between two organizations.' })
export class NetworkTie {
  @Field(() => ID, { description: 'One organization (alphabetically first).' })
  a!: string;

  @Field(() => ID, { description: 'The other.' })
  b!: string;

  @Field(() => Int, { description: 'Distinct mission pairs behind the tie (a hybrid mission counts once).' })
  weight!: number;
}

@ObjectType({ description: 'The organization network of a period with degree, density and Freeman degree centralization.' })
export class CooperationNetwork {
  @Field(() => AnalysisUniverse, { description: 'The missions counted.' })
  universe!: AnalysisUniverse;

  @Field(() => AnalysisUnit, { description: 'The unit used.' })
  unit!: AnalysisUnit;

  @Field(() => CooperationNetworkTie, { description: 'What ties two organizations.' })
  tie!: CooperationNetworkTie;

  @Field({ description: 'First day of the period.' })
  from!: string;

  @Field({ description: 'Last day of the period.' })
  to!: string;

  @Field(() => Int, { description: 'Organizations with a mission active in the period (nodes).' })
  organizations!: number;

  @Field(() => Int, { description: 'Ties.' })
  ties!: number;

  @Field(() => Float, { nullable: true, description: '2 ties / (n (n - 1)); null with fewer than 2 organizations.' })
  density!: number | null;

  @Field(() => Float, { nullable: true, description: 'Freeman degree centralization: sum of (max degree - degree) / ((n - 1)(n - 2)); null with fewer than 3.' })
  centralization!: number | null;

  @Field(() => [OrganizationDegree], { description: 'Every organization, by degree (highest first), then id.' })
  degrees!: OrganizationDegree[];

  @Field(() => [NetworkTie], { description: 'Every tie, by weight (highest first), then ids.' })
  edges!: NetworkTie[];
}
