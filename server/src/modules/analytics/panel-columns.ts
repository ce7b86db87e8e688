/**
 * The columns of the analysis panels (`peaceops analysis:export`): for each file, its columns with name, type,
 * definition and value. The CSV header, codebook.md and codebook.json are all made from these lists, so they cannot
 * disagree. Every name is a valid Stata name (tests check it); no cell holds a list: a fixed vocabulary becomes one
 * 0/1 column per value (`cooperation_handover`, ...), an open list becomes a long file of its own (units,
 * organizations of a mission) with a count column in the panel.
 */
import type { AnalysisUnit, MembershipStatus } from './analytics.args';
import type { DyadResult, MissionPairResult } from './analytics.service';
import type { OrganizationCodes, UnitCodes } from './panel-codes';

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

const settingColumns = <R extends { settings: PanelSettings }>(): PanelColumn<R>[] => [
  {
    name: 'universe',
    type: 'string',
    description: 'Import source whose missions were counted; empty: the whole graph.',
    value: (r) => r.settings.universe,
  },
  {
    name: 'unit',
    type: 'string',
    description: 'CONFLICT (same UCDP conflict, or same host state when either mission has no conflict) or HOST_STATE.',
    value: (r) => r.settings.unit,
  },
];

/** One 0/1 column per kind of cooperation, in place of a list. */
const kindColumns = <R>(prefix: string, what: string, kindsOf: (row: R) => readonly string[]): PanelColumn<R>[] =>
  COOPERATION_KINDS.map((kind) => ({
    name: `${prefix}_${kind}`,
    type: 'boolean',
    description: `1 when ${what} include a ${kind}.`,
    value: (r) => kindsOf(r).includes(kind),
  }));

/** The codes of an organization: `suffix` is `_a` or `_b` for a side of a dyad, empty in the long file. */
const organizationColumns = <R>(suffix: '' | '_a' | '_b', codesOf: (row: R) => OrganizationCodes): PanelColumn<R>[] => {
  const who = suffix ? `organization ${suffix.slice(1)}` : 'the organization';
  return [
    {
      name: `org_kind${suffix}`,
      type: 'string',
      description: `Kind of ${who}: global, regional, subregional, alliance, ad_hoc_coalition or lead_state.`,
      value: (r) => codesOf(r).kind,
    },
    {
      name: `cow_igo${suffix}`,
      type: 'integer',
      description: `COW IGO v3 number (ionum) of ${who}; empty when COW does not list it (coalitions, lead states, bodies COW leaves out).`,
      value: (r) => codesOf(r).cowIgo,
    },
    {
      name: `cow_igo_name${suffix}`,
      type: 'string',
      description: `COW IGO v3 short name (ioname) of ${who}.`,
      value: (r) => codesOf(r).cowIgoName,
    },
    {
      name: `state_iso3${suffix}`,
      type: 'string',
      description: `When ${who} is a lead state (STATE-XXX): its ISO 3166-1 alpha-3 code; empty otherwise.`,
      value: (r) => codesOf(r).state?.iso3,
    },
    {
      name: `state_cow${suffix}`,
      type: 'integer',
      description: `When ${who} is a lead state: its COW state number (ccode); empty otherwise.`,
      value: (r) => codesOf(r).state?.cowCode,
    },
  ];
};

/** The codes of a unit of co-deployment. */
const unitCodeColumns = <R>(codesOf: (row: R) => UnitCodes): PanelColumn<R>[] => [
  {
    name: 'unit',
    type: 'string',
    description: "The unit as the graph names it: a UCDP conflict id (ucdp-N), or a host state's id.",
    value: (r) => codesOf(r).unit,
  },
  {
    name: 'unit_type',
    type: 'string',
    description: 'conflict (a UCDP conflict) or host_state (missions without a conflict are grouped by host state).',
    value: (r) => codesOf(r).unitType,
  },
  {
    name: 'ucdp_conflict_id',
    type: 'integer',
    description: 'UCDP/PRIO conflict id (conflict_id) of a conflict unit; empty for a host state.',
    value: (r) => codesOf(r).ucdpConflictId,
  },
  {
    name: 'host_iso3',
    type: 'string',
    description: 'ISO 3166-1 alpha-3 code of a host-state unit; empty for a conflict.',
    value: (r) => codesOf(r).hostIso3,
  },
  {
    name: 'host_cow_code',
    type: 'integer',
    description: 'COW state number of a host-state unit; empty for a conflict or a state COW does not list.',
    value: (r) => codesOf(r).hostCowCode,
  },
];

export const DYAD_YEAR_COLUMNS: PanelColumn<DyadPanelRow>[] = [
  { name: 'org_a', type: 'string', description: 'Organization a (alphabetically first id).', value: (r) => r.a },
  { name: 'org_b', type: 'string', description: 'Organization b.', value: (r) => r.b },
  {
    name: 'year',
    type: 'integer',
    description:
      'Calendar year. A dyad-year is in the panel when both organizations have at least one mission of the analysis set active in the year.',
    value: (r) => r.year,
  },
  ...organizationColumns<DyadPanelRow>('_a', (r) => r.orgA),
  ...organizationColumns<DyadPanelRow>('_b', (r) => r.orgB),
  ...settingColumns<DyadPanelRow>(),
  {
    name: 'cooperated',
    type: 'boolean',
    description:
      'OUTCOME. 1 when a recorded cooperation (handover, bridging, support, joint, coordination) between a mission of a and a mission of b is in force during the year (start to end; with no end, until the earlier end of the two missions), or a mission both deploy is active in the year (a hybrid, jointly led by both, or another joint operation).',
    value: (r) => r.cooperation.cooperated,
  },
  {
    name: 'cooperation_links',
    type: 'integer',
    description: 'Number of such cooperations in force plus missions of both active in the year.',
    value: (r) => r.cooperation.cooperationLinks,
  },
  ...kindColumns<DyadPanelRow>(
    'cooperation',
    'the cooperations in force (hybrid: a hybrid mission of both; joint: another mission both deploy)',
    (r) => r.cooperation.cooperationKinds,
  ),
  {
    name: 'codeployed',
    type: 'boolean',
    description: '1 when codeployed_pairs > 0.',
    value: (r) => r.cooperation.codeployed,
  },
  {
    name: 'codeployed_pairs',
    type: 'integer',
    description:
      'Co-deployed mission pairs: a mission of a and a mission of b (not parts of one operation) that share a unit and are active at the same time at some point of the year; a mission of both counts as one pair.',
    value: (r) => r.cooperation.codeployedPairs,
  },
  {
    name: 'codeployed_units',
    type: 'integer',
    description:
      'Number of distinct units (UCDP conflicts, or host states) of those pairs; each is a row of dyad_year_units.csv.',
    value: (r) => r.cooperation.codeployedUnits.length,
  },
  {
    name: 'linked_pairs',
    type: 'integer',
    description:
      'Co-deployed pairs with a recorded cooperation between the two missions (any kind, any date); hybrid missions count as linked.',
    value: (r) => r.cooperation.linkedPairs,
  },
  {
    name: 'cooperation_rate',
    type: 'number',
    description: 'linked_pairs / codeployed_pairs; empty when not co-deployed.',
    value: (r) => r.cooperation.cooperationRate,
  },
  {
    name: 'active_missions_a',
    type: 'integer',
    description: 'Resources (strain): missions of a active in the year.',
    value: (r) => r.resources.activeMissionsA,
  },
  {
    name: 'active_missions_b',
    type: 'integer',
    description: 'Resources (strain): missions of b active in the year.',
    value: (r) => r.resources.activeMissionsB,
  },
  {
    name: 'personnel_a',
    type: 'number',
    description:
      'Resources: sum over the active missions of a of their mean monthly strength in the year, each month from the best source that has it (ipi-missions, then un-country-by-year, then geopko-tcc, then bara-hultman; cypher/analysis/personnel.cypher); a hybrid mission counts in full for each of its organizations; empty when no mission has a figure (unknown, not 0).',
    value: (r) => r.resources.personnelA,
  },
  {
    name: 'personnel_b',
    type: 'number',
    description: 'Resources: the same for b.',
    value: (r) => r.resources.personnelB,
  },
  {
    name: 'missions_with_personnel_a',
    type: 'integer',
    description: 'Active missions of a that have a personnel figure in the year (coverage of personnel_a).',
    value: (r) => r.resources.missionsWithPersonnelA,
  },
  {
    name: 'missions_with_personnel_b',
    type: 'integer',
    description: 'The same for b.',
    value: (r) => r.resources.missionsWithPersonnelB,
  },
  {
    name: 'personnel_ratio',
    type: 'number',
    description: 'Resources: min(personnel_a, personnel_b) / max(...); empty when either is empty or both are 0.',
    value: (r) => r.resources.personnelRatio,
  },
  {
    name: 'complementarity_mean',
    type: 'number',
    description:
      'Complementarity: mean over the co-deployed pairs of two different missions of 1 - Jaccard(tasks) (tasks: military, police, observer, civilian, rule_of_law, monitoring, training, support); empty when there is none.',
    value: (r) => r.cooperation.complementarityMean,
  },
  {
    name: 'complementarity_union',
    type: 'number',
    description: 'Complementarity: 1 - Jaccard of the union of the tasks of the active missions of a and of b.',
    value: (r) => r.cooperation.complementarityUnion,
  },
  {
    name: 'complexity_missions',
    type: 'integer',
    description:
      'Conflict complexity: the most distinct missions active in the year in one of codeployed_units; empty when not co-deployed.',
    value: (r) => r.complexity.maxMissions,
  },
  {
    name: 'complexity_organizations',
    type: 'integer',
    description: 'Conflict complexity: the most distinct organizations active in the year in one of codeployed_units.',
    value: (r) => r.complexity.maxOrganizations,
  },
  {
    name: 'complexity_intensity',
    type: 'integer',
    description:
      'Conflict complexity: the highest UCDP intensity (1 minor, 2 war) in the year of codeployed_units (for a host state, of the conflicts located in it); empty when UCDP records none.',
    value: (r) => r.complexity.maxIntensity,
  },
  {
    name: 'social_learning',
    type: 'integer',
    description:
      'Social learning: distinct units in which a and b had been co-deployed (missions active at the same time in a shared unit), had run a hybrid mission, or had a recorded cooperation, beginning before 1 January of the year.',
    value: (r) => r.socialLearning.count,
  },
  {
    name: 'members_a',
    type: 'integer',
    description:
      'Member states of a in the year (statuses in the codebook header; COW IGO v3 spells and curated changes after 2014).',
    value: (r) => r.membership.membersA,
  },
  {
    name: 'members_b',
    type: 'integer',
    description: 'Member states of b in the year.',
    value: (r) => r.membership.membersB,
  },
  {
    name: 'member_jaccard',
    type: 'number',
    description:
      'Security-culture similarity: |Mem(a) & Mem(b)| / |Mem(a) | Mem(b)|; empty when a side has no members (lead states, coalitions).',
    value: (r) => r.membership.jaccard,
  },
  {
    name: 'member_overlap',
    type: 'number',
    description: 'Security-culture similarity: |Mem(a) & Mem(b)| / min(|Mem(a)|, |Mem(b)|).',
    value: (r) => r.membership.overlap,
  },
  {
    name: 'contributors_a',
    type: 'integer',
    description: 'States contributing personnel to the active missions of a in the year.',
    value: (r) => r.nationality.contributorsA,
  },
  {
    name: 'contributors_b',
    type: 'integer',
    description: 'The same for b.',
    value: (r) => r.nationality.contributorsB,
  },
  {
    name: 'nationality_cosine',
    type: 'number',
    description:
      'Personnel-nationality similarity: cosine of the personnel-by-contributing-state vectors of a and b in the year (each the sum over its active missions); empty when a side has no figures.',
    value: (r) => r.nationality.cosine,
  },
  {
    name: 'nationality_jaccard',
    type: 'number',
    description:
      'Personnel-nationality similarity: Jaccard of the two sets of contributing states; empty when a side has none.',
    value: (r) => r.nationality.jaccard,
  },
  {
    name: 'person_bridges',
    type: 'integer',
    description:
      'Person bridges: people with a post with a and a post with b (headquarters or one of their missions) that both started by 31 December of the year.',
    value: (r) => r.personBridges.count,
  },
  {
    name: 'bridges_a_to_b',
    type: 'integer',
    description: 'Of those, people whose first post with a came before their first with b.',
    value: (r) => r.personBridges.aToB,
  },
  {
    name: 'bridges_b_to_a',
    type: 'integer',
    description: 'Of those, people whose first post with b came first.',
    value: (r) => r.personBridges.bToA,
  },
];

export const MISSION_PAIR_COLUMNS: PanelColumn<MissionPairPanelRow>[] = [
  {
    name: 'mission_a',
    type: 'string',
    description: 'Mission a (alphabetically first id).',
    value: (r) => r.pair.missionA,
  },
  { name: 'mission_b', type: 'string', description: 'Mission b.', value: (r) => r.pair.missionB },
  {
    name: 'orgs_a',
    type: 'integer',
    description:
      'Number of organizations of mission a (a lead state is left out when the mission also has an organization of another kind); each is a row of mission_organizations.csv.',
    value: (r) => r.pair.organizationsA.length,
  },
  {
    name: 'orgs_b',
    type: 'integer',
    description: 'Number of organizations of mission b.',
    value: (r) => r.pair.organizationsB.length,
  },
  ...settingColumns<MissionPairPanelRow>(),
  {
    name: 'start_a',
    type: 'date',
    description: 'First day of mission a (a date given as a year or month widened to its first day).',
    value: (r) => r.pair.startA,
  },
  {
    name: 'end_a',
    type: 'date',
    description: 'Last day of mission a (widened to the last day); empty while active.',
    value: (r) => r.pair.endA,
  },
  { name: 'start_b', type: 'date', description: 'First day of mission b.', value: (r) => r.pair.startB },
  { name: 'end_b', type: 'date', description: 'Last day of mission b; empty while active.', value: (r) => r.pair.endB },
  {
    name: 'pair_start',
    type: 'date',
    description:
      'The later of the two starts; the pair is in the panel when this date is within the years of the export.',
    value: (r) => r.pair.pairStart,
  },
  {
    name: 'pair_year',
    type: 'integer',
    description: 'Year of pair_start: the year of the time-varying measures below.',
    value: (r) => r.resources.year,
  },
  {
    name: 'shared_units',
    type: 'integer',
    description:
      'Number of units the two missions share (0 for a pair linked only by a recorded cooperation); each is a row of mission_pair_units.csv.',
    value: (r) => r.pair.sharedUnits.length,
  },
  {
    name: 'pair_type',
    type: 'string',
    description:
      'By timing: SEQUENTIAL (a recorded handover, or |gap_days| <= the window), else BRIDGING (a recorded bridging operation), else PARALLEL.',
    value: (r) => r.pair.pairType,
  },
  {
    name: 'hybrid',
    type: 'boolean',
    description:
      '1 when either mission is a hybrid operation: one operation jointly led by two or more organizations (recorded joint leads; an authorizing or supporting organization does not count).',
    value: (r) => r.pair.hybrid,
  },
  {
    name: 'sequential_by_window',
    type: 'boolean',
    description: '1 when |gap_days| is within the window (see the codebook header).',
    value: (r) => r.pair.sequentialByWindow,
  },
  {
    name: 'handover_recorded',
    type: 'boolean',
    description: '1 when a handover between the two is recorded.',
    value: (r) => r.pair.handoverRecorded,
  },
  {
    name: 'bridging_recorded',
    type: 'boolean',
    description: '1 when a bridging operation between the two is recorded.',
    value: (r) => r.pair.bridgingRecorded,
  },
  ...kindColumns<MissionPairPanelRow>(
    'link',
    'the recorded cooperations between the two missions',
    (r) => r.pair.linkKinds,
  ),
  {
    name: 'cooperated',
    type: 'boolean',
    description: 'OUTCOME. 1 when any cooperation between the two missions is recorded.',
    value: (r) => r.pair.cooperated,
  },
  {
    name: 'different_organizations',
    type: 'boolean',
    description: '1 when the two sets of organizations differ.',
    value: (r) => r.pair.differentOrganizations,
  },
  {
    name: 'overlap_days',
    type: 'integer',
    description: 'Days both were active (to the day of the export for active missions); 0 when they never overlapped.',
    value: (r) => r.pair.overlapDays,
  },
  {
    name: 'gap_days',
    type: 'integer',
    description:
      'Start of the later mission minus end of the earlier one, in days (negative when they overlap); empty while the earlier one is active.',
    value: (r) => r.pair.gapDays,
  },
  {
    name: 'complementarity',
    type: 'number',
    description: 'Complementarity: 1 - Jaccard of the two task sets; empty when neither has a task.',
    value: (r) => r.pair.complementarity,
  },
  {
    name: 'personnel_a',
    type: 'number',
    description: 'Resources: mean monthly strength of mission a in pair_year; empty without figures.',
    value: (r) => r.resources.personnelA,
  },
  {
    name: 'personnel_b',
    type: 'number',
    description: 'Resources: the same for mission b.',
    value: (r) => r.resources.personnelB,
  },
  {
    name: 'personnel_ratio',
    type: 'number',
    description: 'Resources: min / max of personnel_a and personnel_b.',
    value: (r) => r.resources.personnelRatio,
  },
  {
    name: 'complexity_missions',
    type: 'integer',
    description: 'Conflict complexity: the most distinct missions active in pair_year in one of shared_units.',
    value: (r) => r.complexity.maxMissions,
  },
  {
    name: 'complexity_organizations',
    type: 'integer',
    description: 'Conflict complexity: the most distinct organizations active in pair_year in one of shared_units.',
    value: (r) => r.complexity.maxOrganizations,
  },
  {
    name: 'complexity_intensity',
    type: 'integer',
    description: 'Conflict complexity: the highest UCDP intensity of shared_units in pair_year.',
    value: (r) => r.complexity.maxIntensity,
  },
  {
    name: 'social_learning',
    type: 'integer',
    description:
      'Social learning: distinct units where an organization of a and a different organization of b had been co-deployed or had cooperated before pair_start; empty when both missions have the same single organization.',
    value: (r) => r.socialLearning?.count ?? null,
  },
  {
    name: 'member_jaccard',
    type: 'number',
    description:
      'Security-culture similarity: Jaccard of the member states of the organizations of a and of b in pair_year.',
    value: (r) => r.membership.jaccard,
  },
  {
    name: 'member_overlap',
    type: 'number',
    description: 'Security-culture similarity: shared members / the smaller membership.',
    value: (r) => r.membership.overlap,
  },
  {
    name: 'nationality_cosine',
    type: 'number',
    description:
      "Personnel-nationality similarity: cosine of the two missions' personnel-by-contributing-state vectors, each the mean over the mission's years with figures.",
    value: (r) => r.nationality.cosine,
  },
  {
    name: 'nationality_jaccard',
    type: 'number',
    description: 'Personnel-nationality similarity: Jaccard of the two sets of contributing states.',
    value: (r) => r.nationality.jaccard,
  },
  {
    name: 'person_bridges',
    type: 'integer',
    description:
      'Person bridges: people with posts with an organization of a and a different organization of b, both started by the end of pair_year; empty when both missions have the same single organization.',
    value: (r) => r.personBridges?.count ?? null,
  },
];

export const MSPO_YEAR_COLUMNS: PanelColumn<MspoPanelRow>[] = [
  { name: 'year', type: 'integer', description: 'Calendar year.', value: (r) => r.year },
  ...settingColumns<MspoPanelRow>(),
  {
    name: 'active_missions',
    type: 'integer',
    description: 'Missions of the analysis set active in the year.',
    value: (r) => r.activeMissions,
  },
  {
    name: 'mspo_missions',
    type: 'integer',
    description:
      "Active missions with another organization's mission of the same unit active in the year (Balas's MSPO; not part of the same operation).",
    value: (r) => r.mspoMissions,
  },
  { name: 'mspo_share', type: 'number', description: 'mspo_missions / active_missions.', value: (r) => r.share },
  {
    name: 'mspo_missions_any_org',
    type: 'integer',
    description: "A variant: the same, counting any other mission, the same organization's included.",
    value: (r) => r.mspoMissionsAnyOrganization,
  },
  {
    name: 'mspo_share_any_org',
    type: 'number',
    description: 'mspo_missions_any_org / active_missions.',
    value: (r) => r.shareAnyOrganization,
  },
];

export const DYAD_YEAR_UNIT_COLUMNS: PanelColumn<DyadUnitRow>[] = [
  {
    name: 'org_a',
    type: 'string',
    description: 'Organization a of the dyad-year (dyad_years.csv).',
    value: (r) => r.a,
  },
  { name: 'org_b', type: 'string', description: 'Organization b.', value: (r) => r.b },
  { name: 'year', type: 'integer', description: 'Calendar year.', value: (r) => r.year },
  ...unitCodeColumns<DyadUnitRow>((r) => r.unit),
];

export const MISSION_PAIR_UNIT_COLUMNS: PanelColumn<MissionPairUnitRow>[] = [
  {
    name: 'mission_a',
    type: 'string',
    description: 'Mission a of the pair (mission_pairs.csv).',
    value: (r) => r.missionA,
  },
  { name: 'mission_b', type: 'string', description: 'Mission b.', value: (r) => r.missionB },
  ...unitCodeColumns<MissionPairUnitRow>((r) => r.unit),
];

export const MISSION_ORGANIZATION_COLUMNS: PanelColumn<MissionOrganizationRow>[] = [
  {
    name: 'mission',
    type: 'string',
    description: 'A mission of mission_pairs.csv (mission_a or mission_b).',
    value: (r) => r.mission,
  },
  {
    name: 'organization',
    type: 'string',
    description:
      'One of its organizations as the pairs count them (a lead state is left out when the mission also has an organization of another kind).',
    value: (r) => r.organization.id,
  },
  ...organizationColumns<MissionOrganizationRow>('', (r) => r.organization),
];
