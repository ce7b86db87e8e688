import { ArgsType, ClassType, Field, ID, Int } from 'type-graphql';
import { composeDecorators, declaredEnum, graphqlEnum } from '../common/schema-declarations';
import type { EnumValue } from '../common/schema-declarations';
import { ArrayMaxSize, ArrayNotEmpty, IsIn, IsOptional, Matches, Max, Min } from 'class-validator';
import { FORMAT_NAMES } from '../../model/sources';
import { DateField, PeriodField, PeriodInput, USE_PERIOD } from '../common/period';
import { ID_PATTERN } from '../../model/graph';

/** What two missions must share to be in the same place: a conflict (or a host state where none is known), or a host state. */
export const AnalysisUnit = declaredEnum('AnalysisUnit');
export type AnalysisUnit = EnumValue<typeof AnalysisUnit>;

/** Years or months. */
export const AnalysisGranularity = declaredEnum('AnalysisGranularity');
export type AnalysisGranularity = EnumValue<typeof AnalysisGranularity>;

/** Balas's typology of two missions by their timing, in the order the rule tests it (HYBRID is kept for old clients, never returned). */
export const MissionPairType = declaredEnum('MissionPairType');
export type MissionPairType = EnumValue<typeof MissionPairType>;

/** What ties two organizations in the network. */
export const CooperationNetworkTie = declaredEnum('CooperationNetworkTie');
export type CooperationNetworkTie = EnumValue<typeof CooperationNetworkTie>;

/** Membership statuses of the Correlates of War IGO data. */
export const MembershipStatus = graphqlEnum(
  'MembershipStatus',
  'A status of membership of a state in an organization.',
  {
    FULL: { description: 'Full member.', value: 'full' },
    ASSOCIATE: { description: 'Associate member.', value: 'associate' },
    OBSERVER: { description: 'Observer.', value: 'observer' },
  },
);
export type MembershipStatus = EnumValue<typeof MembershipStatus>;

/** Which came first in a person bridge. */
export const BridgeDirection = declaredEnum('BridgeDirection');
export type BridgeDirection = EnumValue<typeof BridgeDirection>;

/** Import source names that can define a universe. */
export const UNIVERSES = FORMAT_NAMES;
const ID_MESSAGE = 'must be an id such as UN, EU, UNMISS or ucdp-309';

/** An id argument (`a`, `b`, `unitId`), checked against the graph's id rule; the message names the argument. */
function IdArg(name: string, description: string): PropertyDecorator {
  return composeDecorators(
    Field(() => ID, { description }),
    Matches(ID_PATTERN, { message: `${name} ${ID_MESSAGE}` }),
  );
}
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
/** Longest series a query returns: periods of mspoShare, years of conflictComplexity. */
export const MAX_YEARS = 200;
export const MAX_MONTHS = 600;
/** Largest page of mission pairs. */
export const MAX_PAIR_PAGE = 500;

/**
 * Kinds of operation outside the field's default universe (peace operations deployed by international
 * organizations, README Methods) that a measure can bring in. The values are the graph's own words: an
 * organization's `kind` or a mission's `operationType`.
 */
export const UniverseExtension = graphqlEnum(
  'UniverseExtension',
  'A kind of operation that the default universe (peace operations deployed by international organizations) leaves out.',
  {
    AD_HOC_COALITIONS: {
      description: 'Operations of ad hoc coalitions of states (UNITAF, INTERFET, the MFO).',
      value: 'ad_hoc_coalition',
    },
    LEAD_STATES: {
      description: 'Operations of one state alone (Licorne, Serval, Sangaris, Turquoise).',
      value: 'lead_state',
    },
    NAVAL_OPERATIONS: {
      description: 'Operations at sea (Atalanta, Sophia, Irini, Aspides).',
      value: 'naval_operation',
    },
    SUPPORT_OFFICES: {
      description: 'Offices that support other operations (UNSOA/UNSOS, the UN Logistics Base).',
      value: 'support_office',
    },
    SUPPORT_OPERATIONS: {
      description: "Operations whose mandate is to support another organization's operation (EU support to AMIS).",
      value: 'support_operation',
    },
    ENFORCEMENT_OPERATIONS: {
      description: 'Enforcement and counter-terrorism operations (Unified Protector).',
      value: 'enforcement_operation',
    },
  },
);
export type UniverseExtension = EnumValue<typeof UniverseExtension>;
export const UNIVERSE_EXTENSIONS = Object.values(UniverseExtension);

@ArgsType()
export class UniverseArgs {
  @Field(() => String, {
    nullable: true,
    description: `Count only the missions recorded by this import source (${UNIVERSES.join(', ')}); null: the whole graph.`,
  })
  @IsOptional()
  @IsIn(UNIVERSES, { message: `universe must be one of ${UNIVERSES.join(', ')}` })
  universe?: string | null;

  @Field(() => [UniverseExtension], {
    defaultValue: [],
    description:
      "Kinds of operation to count beside the default universe, peace operations deployed by international organizations (a variant of the field's definition; the answer's universe says which were counted).",
  })
  @ArrayMaxSize(UNIVERSE_EXTENSIONS.length)
  include!: UniverseExtension[];
}

@ArgsType()
export class UnitArgs extends UniverseArgs {
  @Field(() => AnalysisUnit, {
    defaultValue: AnalysisUnit.CONFLICT,
    description: 'The unit in which missions count as deployed together.',
  })
  unit!: AnalysisUnit;
}

/**
 * The arguments `base` takes with a `period`, and the deprecated `from` and `to` that it replaced, described for the
 * query that takes them.
 */
function WithPeriodFromTo<TBase extends ClassType>(base: TBase, text: { period: string; from: string; to: string }) {
  @ArgsType()
  class PeriodFromToArgs extends base {
    @PeriodField(text.period)
    period?: PeriodInput | null;

    @DateField('from', text.from, USE_PERIOD)
    from?: string | null;

    @DateField('to', text.to, USE_PERIOD)
    to?: string | null;
  }
  return PeriodFromToArgs;
}

@ArgsType()
export class MspoShareArgs extends WithPeriodFromTo(UnitArgs, {
  period:
    'The periods counted, both ends given: from the year or month of `from` to that of `to`, included (`{from: "2000", to: "2010"}` by year, `{from: "2008-01", to: "2008-12"}` by month). Required (or the deprecated from and to).',
  from: 'First period: YYYY (years) or YYYY-MM (months): period.from.',
  to: 'Last period, included: period.to.',
}) {
  @Field(() => AnalysisGranularity, {
    defaultValue: AnalysisGranularity.YEAR,
    description: `Years (at most ${MAX_YEARS}) or months (at most ${MAX_MONTHS}).`,
  })
  granularity!: AnalysisGranularity;

  @Field({
    defaultValue: true,
    description:
      "true (the field's rule, Balas): only another organization's operation makes an MSPO (the two missions' sets of organizations differ); false: a variant in which any other mission counts, the same organization's included.",
  })
  differentOrganization!: boolean;
}

@ArgsType()
export class PairTypesArgs extends WithPeriodFromTo(UnitArgs, {
  period:
    'Pairs whose start (the later of the two starts) falls in this period, both ends given (a year or month at the end means its last day). Required (or the deprecated from and to).',
  from: 'Pairs whose start (the later of the two starts) is on or after this date (YYYY, YYYY-MM or YYYY-MM-DD): period.from.',
  to: 'Pairs whose start is on or before this date (a year or month means its last day): period.to.',
}) {
  @Field({
    defaultValue: true,
    description:
      "true (the field's rule): only pairs of missions whose sets of organizations differ, two organizations' operations; false: a variant with pairs of one organization's missions too.",
  })
  differentOrganization!: boolean;

  @Field(() => Int, {
    defaultValue: 180,
    description:
      'Days between the end of one mission and the start of the other within which the two are sequential (0 to 3650).',
  })
  @Min(0)
  @Max(3650)
  sequentialWindowDays!: number;

  @Field(() => Int, { defaultValue: 100, description: `Page size of the list of pairs, 0 to ${MAX_PAIR_PAGE}.` })
  @Min(0)
  @Max(MAX_PAIR_PAGE)
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor after which the page of pairs starts (`pageInfo.endCursor`).',
  })
  after?: string | null;
}

/** The arguments of the measures that count members of organizations (the COW IGO data): which statuses count. */
@ArgsType()
export class MembershipArgs extends UnitArgs {
  @Field(() => [MembershipStatus], {
    defaultValue: [MembershipStatus.FULL],
    description: 'Membership statuses that make a state a member.',
  })
  @ArrayNotEmpty()
  @ArrayMaxSize(3)
  membershipStatuses!: MembershipStatus[];
}

@ArgsType()
export class MissionPairArgs extends MembershipArgs {
  @IdArg('a', 'One mission.')
  a!: string;

  @IdArg('b', 'The other mission.')
  b!: string;

  @Field({
    defaultValue: true,
    description:
      "Whether the pair must be of missions whose sets of organizations differ (the field's rule; isPair says whether it is).",
  })
  differentOrganization!: boolean;

  @Field(() => Int, { defaultValue: 180, description: 'Days that make two missions sequential (0 to 3650).' })
  @Min(0)
  @Max(3650)
  sequentialWindowDays!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Year of the contributor figures compared; null: every year with figures. A year, not a period: the similarity compares the contributors of one year (the yearly figures of the sources).',
  })
  @IsOptional()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number | null;
}

@ArgsType()
export class DyadArgs extends MembershipArgs {
  @IdArg('a', 'One organization (`UN`, `EU`, `AU`, ...).')
  a!: string;

  @IdArg('b', 'The other organization.')
  b!: string;

  @Field(() => Int, {
    description: `The year (${MIN_YEAR} to ${MAX_YEAR}). A year, not a period: the dyad-year is the unit of these measures (one row of the dyad panel).`,
  })
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year!: number;
}

@ArgsType()
export class CooperationNetworkArgs extends WithPeriodFromTo(UnitArgs, {
  period:
    'The period of the network, both ends given (a year or month at the end means its last day). Required (or the deprecated from and to).',
  from: 'First day of the period (YYYY, YYYY-MM or YYYY-MM-DD): period.from.',
  to: 'Last day of the period (a year or month means its last day): period.to.',
}) {
  @Field(() => CooperationNetworkTie, {
    defaultValue: CooperationNetworkTie.CODEPLOYMENT,
    description: 'What ties two organizations.',
  })
  tie!: CooperationNetworkTie;
}

@ArgsType()
export class ConflictComplexityArgs extends UniverseArgs {
  @IdArg('unitId', 'A conflict (`ucdp-309`) or a host state (`SDN`).')
  unitId!: string;

  @PeriodField(
    `The years reported: those the period's dates fall in (\`{from: "2002", to: "2004"}\`), both ends given, ${MIN_YEAR} to ${MAX_YEAR}, at most ${MAX_YEARS} years. Required (or the deprecated fromYear and toYear).`,
  )
  period?: PeriodInput | null;

  @Field(() => Int, { nullable: true, description: 'First year: period.from.', deprecationReason: USE_PERIOD })
  @IsOptional()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  fromYear?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Last year (at most ${MAX_YEARS} years after the first): period.to.`,
    deprecationReason: USE_PERIOD,
  })
  @IsOptional()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  toYear?: number | null;
}
