/**
 * The columns of the analysis panels (`peaceops analysis:export`): for each file, its columns with name, type,
 * definition and value; the types and definitions are in panel-definitions.json, the values here. The CSV header,
 * codebook.md and codebook.json are all made from these lists, so they cannot disagree. Every name is a valid Stata name (tests check it); no cell holds a list: a fixed vocabulary becomes one
 * 0/1 column per value (`cooperation_handover`, ...), an open list becomes a long file of its own (units,
 * organizations of a mission) with a count column in the panel.
 */
import type { AnalysisUnit, MembershipStatus } from './analytics.args';
import type { DyadResult, MissionPairResult } from './analytics.service';
import type { OrganizationCodes, UnitCodes } from './panel-codes';
import CODEBOOK from './panel-definitions.json';

export type CsvValue = string | number | boolean | null | undefined;

/** What a column holds: text, whole numbers, numbers, 1/0, or ISO 8601 dates (YYYY-MM-DD). */
export type ColumnKind = 'string' | 'integer' | 'number' | 'boolean' | 'date';

export interface PanelColumn<R> {
  name: string;
  type: ColumnKind;
  description: string;
  value: (row: R) => CsvValue;
}

/** The kinds of recorded cooperation (COOPERATED_WITH `kind`; the curated tables allow these alone). */
export const COOPERATION_KINDS = ['handover', 'bridging', 'hybrid', 'support', 'joint', 'coordination'] as const;

/** The settings every row of a panel shares. */
export interface PanelSettings {
  universe: string | null;
  unit: AnalysisUnit;
  fromYear: number;
  toYear: number;
  windowDays: number;
  differentOrganization: boolean;
  statuses: MembershipStatus[];
}

export interface DyadPanelRow extends DyadResult {
  settings: PanelSettings;
  /** The codes of organizations a and b. */
  orgA: OrganizationCodes;
  orgB: OrganizationCodes;
}

export interface MissionPairPanelRow extends MissionPairResult {
  settings: PanelSettings;
}

export interface MspoPanelRow {
  year: number;
  activeMissions: number;
  mspoMissions: number;
  share: number | null;
  mspoMissionsAnyOrganization: number;
  shareAnyOrganization: number | null;
  settings: PanelSettings;
}

/** One row of dyad_year_units.csv: a unit in which a dyad was co-deployed in a year. */
export interface DyadUnitRow {
  a: string;
  b: string;
  year: number;
  unit: UnitCodes;
}

/** One row of mission_pair_units.csv: a unit two missions share. */
export interface MissionPairUnitRow {
  missionA: string;
  missionB: string;
  unit: UnitCodes;
}

/** One row of mission_organizations.csv: an organization of a mission of the pairs panel. */
export interface MissionOrganizationRow {
  mission: string;
  organization: OrganizationCodes;
}

const COLUMN_KINDS: readonly ColumnKind[] = ['string', 'integer', 'number', 'boolean', 'date'];

/** A part of panel-definitions.json: the columns of one file, or a family of columns several files share. */
export type CodebookSection = keyof typeof CODEBOOK;

/**
 * The columns of a codebook section, in the order of `values`: each one's type and definition from panel-definitions.json
 * (`{who}` in a definition is filled from `options.who`), its value from `values`; `options.suffix` is added to
 * each name (`_a`, `_b` for the sides of a dyad). A name the section does not define fails when this module loads.
 */
export function codebookColumns<R>(
  section: CodebookSection,
  values: Record<string, (row: R) => CsvValue>,
  options: { suffix?: string; who?: string } = {},
): PanelColumn<R>[] {
  const definitions: Record<string, { type: string; description: string } | undefined> = CODEBOOK[section];
  return Object.entries(values).map(([name, value]) => {
    const definition = definitions[name];
    const type = COLUMN_KINDS.find((kind) => kind === definition?.type);
    if (!definition || !type)
      throw new Error(`panel-definitions.json: no column ${name} of type ${COLUMN_KINDS.join('/')} in ${section}`);
    const description = options.who ? definition.description.replaceAll('{who}', options.who) : definition.description;
    return { name: name + (options.suffix ?? ''), type, description, value };
  });
}

const settingColumns = <R extends { settings: PanelSettings }>(): PanelColumn<R>[] =>
  codebookColumns<R>('settings', { universe: (r) => r.settings.universe, unit: (r) => r.settings.unit });

/** One 0/1 column per kind of cooperation, in place of a list. */
const kindColumns = <R>(prefix: string, what: string, kindsOf: (row: R) => readonly string[]): PanelColumn<R>[] =>
  COOPERATION_KINDS.map((kind) => ({
    name: `${prefix}_${kind}`,
    type: 'boolean',
    description: `1 when ${what} include a ${kind}.`,
    value: (r) => kindsOf(r).includes(kind),
  }));

/** The codes of an organization: `suffix` is `_a` or `_b` for a side of a dyad, empty in the long file. */
const organizationColumns = <R>(suffix: '' | '_a' | '_b', codesOf: (row: R) => OrganizationCodes): PanelColumn<R>[] =>
  codebookColumns<R>(
    'organizationCodes',
    {
      org_kind: (r) => codesOf(r).kind,
      cow_igo: (r) => codesOf(r).cowIgo,
      cow_igo_name: (r) => codesOf(r).cowIgoName,
      state_iso3: (r) => codesOf(r).state?.iso3,
      state_cow: (r) => codesOf(r).state?.cowCode,
    },
    { suffix, who: suffix ? `organization ${suffix.slice(1)}` : 'the organization' },
  );

/** The codes of a unit of co-deployment. */
const unitCodeColumns = <R>(codesOf: (row: R) => UnitCodes): PanelColumn<R>[] =>
  codebookColumns<R>('unitCodes', {
    unit: (r) => codesOf(r).unit,
    unit_type: (r) => codesOf(r).unitType,
    ucdp_conflict_id: (r) => codesOf(r).ucdpConflictId,
    host_iso3: (r) => codesOf(r).hostIso3,
    host_cow_code: (r) => codesOf(r).hostCowCode,
  });

export const DYAD_YEAR_COLUMNS: PanelColumn<DyadPanelRow>[] = [
  ...codebookColumns<DyadPanelRow>('dyadYears', {
    org_a: (r) => r.a,
    org_b: (r) => r.b,
    year: (r) => r.year,
  }),
  ...organizationColumns<DyadPanelRow>('_a', (r) => r.orgA),
  ...organizationColumns<DyadPanelRow>('_b', (r) => r.orgB),
  ...settingColumns<DyadPanelRow>(),
  ...codebookColumns<DyadPanelRow>('dyadYears', {
    cooperated: (r) => r.cooperation.cooperated,
    cooperation_links: (r) => r.cooperation.cooperationLinks,
  }),
  ...kindColumns<DyadPanelRow>(
    'cooperation',
    'the cooperations in force (hybrid: a hybrid mission of both; joint: another mission both deploy)',
    (r) => r.cooperation.cooperationKinds,
  ),
  ...codebookColumns<DyadPanelRow>('dyadYears', {
    codeployed: (r) => r.cooperation.codeployed,
    codeployed_pairs: (r) => r.cooperation.codeployedPairs,
    codeployed_units: (r) => r.cooperation.codeployedUnits.length,
    linked_pairs: (r) => r.cooperation.linkedPairs,
    cooperation_rate: (r) => r.cooperation.cooperationRate,
    active_missions_a: (r) => r.resources.activeMissionsA,
    active_missions_b: (r) => r.resources.activeMissionsB,
    personnel_a: (r) => r.resources.personnelA,
    personnel_b: (r) => r.resources.personnelB,
    missions_with_personnel_a: (r) => r.resources.missionsWithPersonnelA,
    missions_with_personnel_b: (r) => r.resources.missionsWithPersonnelB,
    personnel_ratio: (r) => r.resources.personnelRatio,
    complementarity_mean: (r) => r.cooperation.complementarityMean,
    complementarity_union: (r) => r.cooperation.complementarityUnion,
    complexity_missions: (r) => r.complexity.maxMissions,
    complexity_organizations: (r) => r.complexity.maxOrganizations,
    complexity_intensity: (r) => r.complexity.maxIntensity,
    social_learning: (r) => r.socialLearning.count,
    members_a: (r) => r.membership.membersA,
    members_b: (r) => r.membership.membersB,
    member_jaccard: (r) => r.membership.jaccard,
    member_overlap: (r) => r.membership.overlap,
    contributors_a: (r) => r.nationality.contributorsA,
    contributors_b: (r) => r.nationality.contributorsB,
    nationality_cosine: (r) => r.nationality.cosine,
    nationality_jaccard: (r) => r.nationality.jaccard,
    person_bridges: (r) => r.personBridges.count,
    bridges_a_to_b: (r) => r.personBridges.aToB,
    bridges_b_to_a: (r) => r.personBridges.bToA,
  }),
];

export const MISSION_PAIR_COLUMNS: PanelColumn<MissionPairPanelRow>[] = [
  ...codebookColumns<MissionPairPanelRow>('missionPairs', {
    mission_a: (r) => r.pair.missionA,
    mission_b: (r) => r.pair.missionB,
    orgs_a: (r) => r.pair.organizationsA.length,
    orgs_b: (r) => r.pair.organizationsB.length,
  }),
  ...settingColumns<MissionPairPanelRow>(),
  ...codebookColumns<MissionPairPanelRow>('missionPairs', {
    start_a: (r) => r.pair.startA,
    end_a: (r) => r.pair.endA,
    start_b: (r) => r.pair.startB,
    end_b: (r) => r.pair.endB,
    pair_start: (r) => r.pair.pairStart,
    pair_year: (r) => r.resources.year,
    shared_units: (r) => r.pair.sharedUnits.length,
    pair_type: (r) => r.pair.pairType,
    hybrid: (r) => r.pair.hybrid,
    sequential_by_window: (r) => r.pair.sequentialByWindow,
    handover_recorded: (r) => r.pair.handoverRecorded,
    bridging_recorded: (r) => r.pair.bridgingRecorded,
  }),
  ...kindColumns<MissionPairPanelRow>(
    'link',
    'the recorded cooperations between the two missions',
    (r) => r.pair.linkKinds,
  ),
  ...codebookColumns<MissionPairPanelRow>('missionPairs', {
    cooperated: (r) => r.pair.cooperated,
    different_organizations: (r) => r.pair.differentOrganizations,
    overlap_days: (r) => r.pair.overlapDays,
    gap_days: (r) => r.pair.gapDays,
    complementarity: (r) => r.pair.complementarity,
    personnel_a: (r) => r.resources.personnelA,
    personnel_b: (r) => r.resources.personnelB,
    personnel_ratio: (r) => r.resources.personnelRatio,
    complexity_missions: (r) => r.complexity.maxMissions,
    complexity_organizations: (r) => r.complexity.maxOrganizations,
    complexity_intensity: (r) => r.complexity.maxIntensity,
    social_learning: (r) => r.socialLearning?.count ?? null,
    member_jaccard: (r) => r.membership.jaccard,
    member_overlap: (r) => r.membership.overlap,
    nationality_cosine: (r) => r.nationality.cosine,
    nationality_jaccard: (r) => r.nationality.jaccard,
    person_bridges: (r) => r.personBridges?.count ?? null,
  }),
];

export const MSPO_YEAR_COLUMNS: PanelColumn<MspoPanelRow>[] = [
  ...codebookColumns<MspoPanelRow>('mspoYears', {
    year: (r) => r.year,
  }),
  ...settingColumns<MspoPanelRow>(),
  ...codebookColumns<MspoPanelRow>('mspoYears', {
    active_missions: (r) => r.activeMissions,
    mspo_missions: (r) => r.mspoMissions,
    mspo_share: (r) => r.share,
    mspo_missions_any_org: (r) => r.mspoMissionsAnyOrganization,
    mspo_share_any_org: (r) => r.shareAnyOrganization,
  }),
];

export const DYAD_YEAR_UNIT_COLUMNS: PanelColumn<DyadUnitRow>[] = [
  ...codebookColumns<DyadUnitRow>('dyadYearUnits', {
    org_a: (r) => r.a,
    org_b: (r) => r.b,
    year: (r) => r.year,
  }),
  ...unitCodeColumns<DyadUnitRow>((r) => r.unit),
];

export const MISSION_PAIR_UNIT_COLUMNS: PanelColumn<MissionPairUnitRow>[] = [
  ...codebookColumns<MissionPairUnitRow>('missionPairUnits', {
    mission_a: (r) => r.missionA,
    mission_b: (r) => r.missionB,
  }),
  ...unitCodeColumns<MissionPairUnitRow>((r) => r.unit),
];

export const MISSION_ORGANIZATION_COLUMNS: PanelColumn<MissionOrganizationRow>[] = [
  ...codebookColumns<MissionOrganizationRow>('missionOrganizations', {
    mission: (r) => r.mission,
    organization: (r) => r.organization.id,
  }),
  ...organizationColumns<MissionOrganizationRow>('', (r) => r.organization),
];
