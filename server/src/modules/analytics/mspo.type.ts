import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection';
import { AnalysisGranularity, AnalysisUnit, MissionPairType, UniverseExtension } from './analytics.args';

// Analytics types: the universe a statistic counted, the MSPO share, and mission pairs by type.
@ObjectType({
  description: 'The missions a statistic counted: the analysis set of a universe (see the README, Methods).',
})
export class AnalysisUniverse {
  @Field(() => String, {
    nullable: true,
    description: 'The import source whose missions were counted; null: the whole graph.',
  })
  source!: string | null;

  @Field({ description: 'In words: which missions were counted.' })
  description!: string;

  @Field(() => Int, { description: 'Missions in the analysis set.' })
  missions!: number;

  @Field(() => Int, { description: 'Missions the universe records, before the two exclusions below.' })
  recorded!: number;

  @Field(() => Int, { description: 'Missions left out because they have no start date.' })
  withoutStart!: number;

  @Field(() => Int, {
    description: 'Umbrella missions left out because their parts are in the universe and are counted instead.',
  })
  replacedByParts!: number;

  @Field(() => Int, {
    description: 'Missions of the set without a recorded conflict (they are placed by their host states).',
  })
  missionsWithoutConflict!: number;

  @Field(() => Int, { description: 'Missions of the set without a host state (maritime operations).' })
  missionsWithoutHost!: number;

  @Field(() => [UniverseExtension], {
    description: "Kinds of operation counted beside the default universe (empty: the field's definition).",
  })
  include!: UniverseExtension[];

  @Field(() => Int, {
    description:
      'Operations left out because of their kind: lead-state, ad hoc coalition, naval, support or enforcement operations not included, or no deploying organization recorded.',
  })
  outsideUniverse!: number;

  @Field(() => Int, {
    description:
      'Missions without a recorded end that count as active only up to their last evidence (README Methods).',
  })
  endsAtLastEvidence!: number;

  @Field(() => Int, { description: 'Hybrid operations in the set: jointly led by two or more organizations.' })
  hybridMissions!: number;
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

  @Field(() => Int, {
    description:
      'MSPO missions that only the host-state fallback made MSPO (a mission of the pair has no conflict recorded); 0 with unit HOST_STATE.',
  })
  hostFallbackMissions!: number;
}

@ObjectType({
  description: 'The share of active missions that were part of a multiple simultaneous peace operation, per period.',
})
export class MspoShare {
  @Field(() => AnalysisUniverse, { description: 'The missions counted.' })
  universe!: AnalysisUniverse;

  @Field(() => AnalysisUnit, { description: 'The unit used.' })
  unit!: AnalysisUnit;

  @Field(() => AnalysisGranularity, { description: 'Years or months.' })
  granularity!: AnalysisGranularity;

  @Field({
    description: "Whether the other mission had to have a different set of organizations (true: the field's rule).",
  })
  differentOrganization!: boolean;

  @Field({ description: 'The definition used, in words.' })
  definition!: string;

  @Field(() => [MspoPeriod], { description: 'One item per period, in order.' })
  periods!: MspoPeriod[];
}

@ObjectType({ description: 'Two missions: their pair type, recorded cooperation and complementarity.' })
export class MissionPair {
  @Field(() => ID, { description: 'The first mission (ids in alphabetical order).' })
  missionA!: string;

  @Field(() => ID, { description: 'The second mission.' })
  missionB!: string;

  @Field(() => [ID], {
    description:
      'Organizations of mission a (a lead state is left out when the mission also has an organization of another kind).',
  })
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

  @Field({
    description:
      'Whether the two missions meet the definition of a pair (shared unit and overlap or sequence, or a recorded link; and different organizations when asked).',
  })
  isPair!: boolean;

  @Field({ description: 'Whether the two sets of organizations differ.' })
  differentOrganizations!: boolean;

  @Field(() => Int, {
    description: 'Days both missions were active (to today for active ones); 0 when they never overlapped.',
  })
  overlapDays!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Start of the later mission minus end of the earlier one, in days (negative when they overlap); null while the earlier is active.',
  })
  gapDays!: number | null;

  @Field({ description: 'Whether |gapDays| is within the sequential window.' })
  sequentialByWindow!: boolean;

  @Field({ description: 'Whether a handover between the two is recorded.' })
  handoverRecorded!: boolean;

  @Field({ description: 'Whether a bridging operation between the two is recorded.' })
  bridgingRecorded!: boolean;

  @Field(() => [String], {
    description:
      'Kinds of recorded cooperation between the two (handover, bridging, support, joint, coordination, hybrid).',
  })
  linkKinds!: string[];

  @Field({ description: 'Whether any cooperation between the two is recorded.' })
  cooperated!: boolean;

  @Field({
    description:
      'Whether either mission is a hybrid: one operation jointly led by two or more organizations (recorded as joint leads; an authorizing or supporting organization does not count).',
  })
  hybrid!: boolean;

  @Field({ description: 'Whether mission a is a hybrid operation.' })
  hybridA!: boolean;

  @Field({ description: 'Whether mission b is a hybrid operation.' })
  hybridB!: boolean;

  @Field(() => MissionPairType, {
    description:
      "By timing: sequential (a recorded handover, or a start within the window of the other's end), bridging (recorded), else parallel; the first that applies.",
  })
  pairType!: MissionPairType;

  @Field(() => [String], { description: 'Tasks of mission a.' })
  tasksA!: string[];

  @Field(() => [String], { description: 'Tasks of mission b.' })
  tasksB!: string[];

  @Field(() => Float, {
    nullable: true,
    description: '1 - Jaccard similarity of the two task sets; null when neither has a task.',
  })
  complementarity!: number | null;
}

export const MissionPairConnection = Connection(MissionPair, 'MissionPair');

/** The counts of mission pairs by type, of a year or of the whole period. */
@ObjectType()
abstract class PairTypeCounts {
  @Field(() => Int, { description: 'All pairs.' })
  total!: number;

  @Field(() => Int, { description: 'Parallel pairs.' })
  parallel!: number;

  @Field(() => Int, { description: 'Sequential pairs.' })
  sequential!: number;

  @Field(() => Int, { description: 'Pairs that include a hybrid operation (also counted under their type).' })
  hybrid!: number;

  @Field(() => Int, { description: 'Bridging pairs.' })
  bridging!: number;
}

@ObjectType({ description: 'Pairs by type for one year (the year of the pair start).' })
export class PairTypeYear extends PairTypeCounts {
  @Field(() => Int, { description: 'Year of the pair start.' })
  year!: number;
}

@ObjectType({ description: 'How often each type of mission pair occurs.' })
export class PairTypes extends PairTypeCounts {
  @Field(() => AnalysisUniverse, { description: 'The missions counted.' })
  universe!: AnalysisUniverse;

  @Field(() => AnalysisUnit, { description: 'The unit used.' })
  unit!: AnalysisUnit;

  @Field({ description: 'Whether only pairs of different organizations were counted.' })
  differentOrganization!: boolean;

  @Field(() => Int, { description: 'The sequential window, in days.' })
  sequentialWindowDays!: number;

  @Field(() => [PairTypeYear], { description: 'Counts per year of the pair start.' })
  byYear!: PairTypeYear[];

  @Field(() => MissionPairConnection, { description: 'The pairs, by pair start, a page at a time.' })
  pairs!: InstanceType<typeof MissionPairConnection>;
}
