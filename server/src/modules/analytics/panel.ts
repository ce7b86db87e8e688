import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../db/database';
import type { AnalysisUnit, MembershipStatus } from './analytics.args';
import { AnalysisGranularity } from './analytics.args';
import { AnalyticsRepository } from './analytics.repository';
import type { DyadResult, MissionPairResult } from './analytics.service';
import { AnalyticsService } from './analytics.service';
import { describeUniverse } from './measure-rows';

/**
 * The analysis-ready panels of `npm run analysis:export`: one CSV per unit of analysis and a codebook. Each
 * panel is a list of columns (name, type, definition, value); the CSV header and the codebook are both made
 * from that list, so they cannot disagree.
 */
export type CsvValue = string | number | boolean | null | undefined | string[];

export interface PanelColumn<R> {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'list' | 'date';
  description: string;
  value: (row: R) => CsvValue;
}

/** One CSV field: empty for missing, 0/1 for booleans, `|` between list items, at most 6 decimals, RFC 4180 quoting. */
export function csvField(v: CsvValue): string {
  let s: string;
  if (v === null || v === undefined) s = '';
  else if (typeof v === 'boolean') s = v ? '1' : '0';
  else if (typeof v === 'number') s = Number.isFinite(v) ? (Number.isInteger(v) ? String(v) : String(Number(v.toFixed(6)))) : '';
  else if (Array.isArray(v)) s = v.join('|');
  else s = v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV file (header and rows, LF line ends, final newline). */
export function toCsv<R>(columns: PanelColumn<R>[], rows: R[]): string {
  const lines = [columns.map((c) => csvField(c.name)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(c.value(r))).join(','));
  return `${lines.join('\n')}\n`;
}

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

const settingColumns = <R extends { settings: PanelSettings }>(): PanelColumn<R>[] => [
  { name: 'universe', type: 'string', description: 'Import source whose missions were counted; empty: the whole graph.', value: (r) => r.settings.universe },
  { name: 'unit', type: 'string', description: 'CONFLICT (same UCDP conflict, or same host state when either mission has no conflict) or HOST_STATE.', value: (r) => r.settings.unit },
];

export const DYAD_YEAR_COLUMNS: PanelColumn<DyadPanelRow>[] = [
  { name: 'org_a', type: 'string', description: 'Organization a (alphabetically first id).', value: (r) => r.a },
  { name: 'org_b', type: 'string', description: 'Organization b.', value: (r) => r.b },
  { name: 'year', type: 'integer', description: 'Calendar year. A dyad-year is in the panel when both organizations have at least one mission of the analysis set active in the year.', value: (r) => r.year },
  ...settingColumns<DyadPanelRow>(),
  { name: 'cooperated', type: 'boolean', description: 'OUTCOME. 1 when a recorded cooperation (handover, bridging, support, joint, coordination) between a mission of a and a mission of b is in force during the year (start to end; with no end, until the earlier end of the two missions), or a mission both deploy is active in the year (a hybrid, jointly led by both, or another joint operation).', value: (r) => r.cooperation.cooperated },
  { name: 'cooperation_links', type: 'integer', description: 'Number of such cooperations in force plus missions of both active in the year.', value: (r) => r.cooperation.cooperationLinks },
  { name: 'cooperation_kinds', type: 'list', description: 'Kinds of those cooperations (hybrid for a hybrid mission of both, joint for another mission both deploy).', value: (r) => r.cooperation.cooperationKinds },
  { name: 'codeployed', type: 'boolean', description: '1 when codeployed_pairs > 0.', value: (r) => r.cooperation.codeployed },
  { name: 'codeployed_pairs', type: 'integer', description: 'Co-deployed mission pairs: a mission of a and a mission of b (not parts of one operation) that share a unit and are active at the same time at some point of the year; a mission of both counts as one pair.', value: (r) => r.cooperation.codeployedPairs },
  { name: 'codeployed_units', type: 'list', description: 'Units (UCDP conflict ids ucdp-N, or ISO-3 host states) of those pairs.', value: (r) => r.cooperation.codeployedUnits },
  { name: 'linked_pairs', type: 'integer', description: 'Co-deployed pairs with a recorded cooperation between the two missions (any kind, any date); hybrid missions count as linked.', value: (r) => r.cooperation.linkedPairs },
  { name: 'cooperation_rate', type: 'number', description: 'linked_pairs / codeployed_pairs; empty when not co-deployed.', value: (r) => r.cooperation.cooperationRate },
  { name: 'active_missions_a', type: 'integer', description: 'Resources (strain): missions of a active in the year.', value: (r) => r.resources.activeMissionsA },
  { name: 'active_missions_b', type: 'integer', description: 'Resources (strain): missions of b active in the year.', value: (r) => r.resources.activeMissionsB },
  { name: 'personnel_a', type: 'number', description: 'Resources: sum over the active missions of a of their mean monthly strength in the year, each month from the best source that has it (ipi-missions, then un-country-by-year, then geopko-tcc, then bara-hultman; cypher/analysis/personnel.cypher); a hybrid mission counts in full for each of its organizations; empty when no mission has a figure (unknown, not 0).', value: (r) => r.resources.personnelA },
  { name: 'personnel_b', type: 'number', description: 'Resources: the same for b.', value: (r) => r.resources.personnelB },
  { name: 'missions_with_personnel_a', type: 'integer', description: 'Active missions of a that have a personnel figure in the year (coverage of personnel_a).', value: (r) => r.resources.missionsWithPersonnelA },
  { name: 'missions_with_personnel_b', type: 'integer', description: 'The same for b.', value: (r) => r.resources.missionsWithPersonnelB },
  { name: 'personnel_ratio', type: 'number', description: 'Resources: min(personnel_a, personnel_b) / max(...); empty when either is empty or both are 0.', value: (r) => r.resources.personnelRatio },
  { name: 'complementarity_mean', type: 'number', description: 'Complementarity: mean over the co-deployed pairs of two different missions of 1 - Jaccard(tasks) (tasks: military, police, observer, civilian, rule_of_law, monitoring, training, support); empty when there is none.', value: (r) => r.cooperation.complementarityMean },
  { name: 'complementarity_union', type: 'number', description: 'Complementarity: 1 - Jaccard of the union of the tasks of the active missions of a and of b.', value: (r) => r.cooperation.complementarityUnion },
  { name: 'complexity_missions', type: 'integer', description: 'Conflict complexity: the most distinct missions active in the year in one of codeployed_units; empty when not co-deployed.', value: (r) => r.complexity.maxMissions },
  { name: 'complexity_organizations', type: 'integer', description: 'Conflict complexity: the most distinct organizations active in the year in one of codeployed_units.', value: (r) => r.complexity.maxOrganizations },
  { name: 'complexity_intensity', type: 'integer', description: 'Conflict complexity: the highest UCDP intensity (1 minor, 2 war) in the year of codeployed_units (for a host state, of the conflicts located in it); empty when UCDP records none.', value: (r) => r.complexity.maxIntensity },
  { name: 'social_learning', type: 'integer', description: 'Social learning: distinct units in which a and b had been co-deployed (missions active at the same time in a shared unit), had run a hybrid mission, or had a recorded cooperation, beginning before 1 January of the year.', value: (r) => r.socialLearning.count },
  { name: 'members_a', type: 'integer', description: 'Member states of a in the year (statuses in the codebook header; COW IGO v3 spells and curated changes after 2014).', value: (r) => r.membership.membersA },
  { name: 'members_b', type: 'integer', description: 'Member states of b in the year.', value: (r) => r.membership.membersB },
  { name: 'member_jaccard', type: 'number', description: 'Security-culture similarity: |Mem(a) & Mem(b)| / |Mem(a) | Mem(b)|; empty when a side has no members (lead states, coalitions).', value: (r) => r.membership.jaccard },
  { name: 'member_overlap', type: 'number', description: 'Security-culture similarity: |Mem(a) & Mem(b)| / min(|Mem(a)|, |Mem(b)|).', value: (r) => r.membership.overlap },
  { name: 'contributors_a', type: 'integer', description: 'States contributing personnel to the active missions of a in the year.', value: (r) => r.nationality.contributorsA },
  { name: 'contributors_b', type: 'integer', description: 'The same for b.', value: (r) => r.nationality.contributorsB },
  { name: 'nationality_cosine', type: 'number', description: 'Personnel-nationality similarity: cosine of the personnel-by-contributing-state vectors of a and b in the year (each the sum over its active missions); empty when a side has no figures.', value: (r) => r.nationality.cosine },
  { name: 'nationality_jaccard', type: 'number', description: 'Personnel-nationality similarity: Jaccard of the two sets of contributing states; empty when a side has none.', value: (r) => r.nationality.jaccard },
  { name: 'person_bridges', type: 'integer', description: 'Person bridges: people with a post with a and a post with b (headquarters or one of their missions) that both started by 31 December of the year.', value: (r) => r.personBridges.count },
  { name: 'bridges_a_to_b', type: 'integer', description: 'Of those, people whose first post with a came before their first with b.', value: (r) => r.personBridges.aToB },
  { name: 'bridges_b_to_a', type: 'integer', description: 'Of those, people whose first post with b came first.', value: (r) => r.personBridges.bToA },
];

export const MISSION_PAIR_COLUMNS: PanelColumn<MissionPairPanelRow>[] = [
  { name: 'mission_a', type: 'string', description: 'Mission a (alphabetically first id).', value: (r) => r.pair.missionA },
  { name: 'mission_b', type: 'string', description: 'Mission b.', value: (r) => r.pair.missionB },
  { name: 'orgs_a', type: 'list', description: 'Organizations of mission a (a lead state is left out when the mission also has an organization of another kind).', value: (r) => r.pair.organizationsA },
  { name: 'orgs_b', type: 'list', description: 'Organizations of mission b.', value: (r) => r.pair.organizationsB },
  ...settingColumns<MissionPairPanelRow>(),
  { name: 'start_a', type: 'date', description: 'First day of mission a (a date given as a year or month widened to its first day).', value: (r) => r.pair.startA },
  { name: 'end_a', type: 'date', description: 'Last day of mission a (widened to the last day); empty while active.', value: (r) => r.pair.endA },
  { name: 'start_b', type: 'date', description: 'First day of mission b.', value: (r) => r.pair.startB },
  { name: 'end_b', type: 'date', description: 'Last day of mission b; empty while active.', value: (r) => r.pair.endB },
  { name: 'pair_start', type: 'date', description: 'The later of the two starts; the pair is in the panel when this date is within the years of the export.', value: (r) => r.pair.pairStart },
  { name: 'pair_year', type: 'integer', description: 'Year of pair_start: the year of the time-varying measures below.', value: (r) => r.resources.year },
  { name: 'shared_units', type: 'list', description: 'Units the two missions share (empty for a pair linked only by a recorded cooperation).', value: (r) => r.pair.sharedUnits },
  { name: 'pair_type', type: 'string', description: 'By timing: SEQUENTIAL (a recorded handover, or |gap_days| <= the window), else BRIDGING (a recorded bridging operation), else PARALLEL.', value: (r) => r.pair.pairType },
  { name: 'hybrid', type: 'boolean', description: '1 when either mission is a hybrid operation: one operation jointly led by two or more organizations (recorded joint leads; an authorizing or supporting organization does not count).', value: (r) => r.pair.hybrid },
  { name: 'sequential_by_window', type: 'boolean', description: '1 when |gap_days| is within the window (see the codebook header).', value: (r) => r.pair.sequentialByWindow },
  { name: 'handover_recorded', type: 'boolean', description: '1 when a handover between the two is recorded.', value: (r) => r.pair.handoverRecorded },
  { name: 'bridging_recorded', type: 'boolean', description: '1 when a bridging operation between the two is recorded.', value: (r) => r.pair.bridgingRecorded },
  { name: 'link_kinds', type: 'list', description: 'Kinds of recorded cooperation between the two missions.', value: (r) => r.pair.linkKinds },
  { name: 'cooperated', type: 'boolean', description: 'OUTCOME. 1 when any cooperation between the two missions is recorded.', value: (r) => r.pair.cooperated },
  { name: 'different_organizations', type: 'boolean', description: '1 when the two sets of organizations differ.', value: (r) => r.pair.differentOrganizations },
  { name: 'overlap_days', type: 'integer', description: 'Days both were active (to the day of the export for active missions); 0 when they never overlapped.', value: (r) => r.pair.overlapDays },
  { name: 'gap_days', type: 'integer', description: 'Start of the later mission minus end of the earlier one, in days (negative when they overlap); empty while the earlier one is active.', value: (r) => r.pair.gapDays },
  { name: 'complementarity', type: 'number', description: 'Complementarity: 1 - Jaccard of the two task sets; empty when neither has a task.', value: (r) => r.pair.complementarity },
  { name: 'personnel_a', type: 'number', description: 'Resources: mean monthly strength of mission a in pair_year; empty without figures.', value: (r) => r.resources.personnelA },
  { name: 'personnel_b', type: 'number', description: 'Resources: the same for mission b.', value: (r) => r.resources.personnelB },
  { name: 'personnel_ratio', type: 'number', description: 'Resources: min / max of personnel_a and personnel_b.', value: (r) => r.resources.personnelRatio },
  { name: 'complexity_missions', type: 'integer', description: 'Conflict complexity: the most distinct missions active in pair_year in one of shared_units.', value: (r) => r.complexity.maxMissions },
  { name: 'complexity_organizations', type: 'integer', description: 'Conflict complexity: the most distinct organizations active in pair_year in one of shared_units.', value: (r) => r.complexity.maxOrganizations },
  { name: 'complexity_intensity', type: 'integer', description: 'Conflict complexity: the highest UCDP intensity of shared_units in pair_year.', value: (r) => r.complexity.maxIntensity },
  { name: 'social_learning', type: 'integer', description: 'Social learning: distinct units where an organization of a and a different organization of b had been co-deployed or had cooperated before pair_start; empty when both missions have the same single organization.', value: (r) => r.socialLearning?.count ?? null },
  { name: 'member_jaccard', type: 'number', description: 'Security-culture similarity: Jaccard of the member states of the organizations of a and of b in pair_year.', value: (r) => r.membership.jaccard },
  { name: 'member_overlap', type: 'number', description: 'Security-culture similarity: shared members / the smaller membership.', value: (r) => r.membership.overlap },
  { name: 'nationality_cosine', type: 'number', description: 'Personnel-nationality similarity: cosine of the two missions\' personnel-by-contributing-state vectors, each the mean over the mission\'s years with figures.', value: (r) => r.nationality.cosine },
  { name: 'nationality_jaccard', type: 'number', description: 'Personnel-nationality similarity: Jaccard of the two sets of contributing states.', value: (r) => r.nationality.jaccard },
  { name: 'person_bridges', type: 'integer', description: 'Person bridges: people with posts with an organization of a and a different organization of b, both started by the end of pair_year; empty when both missions have the same single organization.', value: (r) => r.personBridges?.count ?? null },
];

export const MSPO_YEAR_COLUMNS: PanelColumn<MspoPanelRow>[] = [
  { name: 'year', type: 'integer', description: 'Calendar year.', value: (r) => r.year },
  ...settingColumns<MspoPanelRow>(),
  { name: 'active_missions', type: 'integer', description: 'Missions of the analysis set active in the year.', value: (r) => r.activeMissions },
  { name: 'mspo_missions', type: 'integer', description: "Active missions with another organization's mission of the same unit active in the year (Balas's MSPO; not part of the same operation).", value: (r) => r.mspoMissions },
  { name: 'mspo_share', type: 'number', description: 'mspo_missions / active_missions.', value: (r) => r.share },
  { name: 'mspo_missions_any_org', type: 'integer', description: "A variant: the same, counting any other mission, the same organization's included.", value: (r) => r.mspoMissionsAnyOrganization },
  { name: 'mspo_share_any_org', type: 'number', description: 'mspo_missions_any_org / active_missions.', value: (r) => r.shareAnyOrganization },
];

export interface PanelFiles {
  dyadYears: string;
  missionPairs: string;
  mspoYears: string;
  codebook: string;
}

export interface ExportSummary {
  files: PanelFiles;
  dyadYears: number;
  missionPairs: number;
  years: number;
  universe: string;
}

/** The codebook (Markdown): settings, conventions and every column of every panel. */
export function codebook(settings: PanelSettings, universeText: string, counts: { dyadYears: number; missionPairs: number; years: number }): string {
  const table = <R>(columns: PanelColumn<R>[]) =>
    ['| column | type | definition |', '| --- | --- | --- |', ...columns.map((c) => `| \`${c.name}\` | ${c.type} | ${c.description.replace(/\|/g, '\\|')} |`)].join('\n');
  return `# Codebook: peace-operations analysis panels

Made by \`npm run analysis:export\` from the graph, with the measures of the README's Methods section (their
Cypher is in \`cypher/analysis/\`).

## Settings

- Universe: ${settings.universe ?? 'the whole graph'}. ${universeText}
- Unit: ${settings.unit}. Years: ${settings.fromYear} to ${settings.toYear}.
- Sequential window: ${settings.windowDays} days. Mission pairs restricted to different organizations: ${settings.differentOrganization ? 'yes' : 'no'}.
- Membership statuses counted: ${settings.statuses.join(', ')}.

## Conventions

- UTF-8, comma-separated, one header row, RFC 4180 quoting, LF line ends.
- Missing values are empty fields (R: \`read.csv(..., na.strings = "")\`; pandas reads them as NaN; Stata as missing).
- Booleans are 1 or 0. Lists are joined with \`|\`. Decimals have at most 6 digits after the point.
- Dates are ISO 8601 (YYYY-MM-DD); a date the sources give as a year or month is widened to its first day
  (starts) or last day (ends).
- Organization ids are the graph's (\`UN\`, \`EU\`, \`AU\`, \`STATE-FRA\`, \`COALITION-...\`); units are UCDP conflict
  ids (\`ucdp-309\`) or ISO-3 host states.

## dyad_years.csv (${counts.dyadYears} rows)

One row per pair of organizations (a < b) and year in which both have at least one mission of the analysis set
active. \`cooperated\` is the outcome.

${table(DYAD_YEAR_COLUMNS)}

## mission_pairs.csv (${counts.missionPairs} rows)

One row per pair of missions (see the README: missions sharing a unit that overlapped or followed each other
within the window, or linked by a recorded cooperation), whose later start falls within the years above.

${table(MISSION_PAIR_COLUMNS)}

## mspo_years.csv (${counts.years} rows)

The yearly MSPO share by the field's rule (another organization's operation), and the any-mission variant.

${table(MSPO_YEAR_COLUMNS)}
`;
}

/**
 * Builds the three panels and the codebook in `outDir`: the risk set of dyad-years from the organizations
 * active each year, every measure of each dyad-year and mission pair, and the yearly MSPO share.
 */
export async function exportPanels(db: Database, settings: PanelSettings, outDir: string, log: (msg: string) => void = () => undefined): Promise<ExportSummary> {
  const repo = new AnalyticsRepository(db);
  const service = new AnalyticsService(repo);
  const scope = { universe: settings.universe, unit: settings.unit };
  const universeRow = await repo.universe(settings.universe);
  const universeText = describeUniverse(universeRow);
  log(universeText);

  const active = await repo.personnel({ universe: settings.universe, level: 'ORGANIZATION', ids: null, fromYear: settings.fromYear, toYear: settings.toYear });
  const byYear = new Map<number, string[]>();
  for (const r of active) if (r.activeMissions > 0) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r.id]);
  const dyads: { a: string; b: string; year: number }[] = [];
  for (const [year, orgs] of [...byYear.entries()].sort((x, y) => x[0] - y[0])) {
    const ids = [...new Set(orgs)].sort();
    for (let i = 0; i < ids.length; i += 1) for (let j = i + 1; j < ids.length; j += 1) dyads.push({ a: ids[i], b: ids[j], year });
  }
  log(`${dyads.length} dyad-years`);
  const dyadRows: DyadPanelRow[] = (await service.measureDyads(scope, dyads, settings.statuses)).map((r) => ({ ...r, settings }));

  const pairRows = await repo.missionPairs({
    ...scope,
    differentOrganization: settings.differentOrganization,
    windowDays: settings.windowDays,
    missions: null,
    from: String(settings.fromYear),
    to: String(settings.toYear),
  });
  log(`${pairRows.length} mission pairs`);
  const pairs: MissionPairPanelRow[] = (await service.measurePairs(scope, pairRows, { statuses: settings.statuses, nationalityYear: null })).map((r) => ({
    ...r,
    settings,
  }));

  const mspoArgs = { ...scope, granularity: AnalysisGranularity.YEAR, from: String(settings.fromYear), to: String(settings.toYear) } as const;
  const [plain, different] = await Promise.all([
    repo.mspoShare({ ...mspoArgs, differentOrganization: false }),
    repo.mspoShare({ ...mspoArgs, differentOrganization: true }),
  ]);
  const mspo: MspoPanelRow[] = different.map((p, i) => ({
    year: Number(p.period),
    activeMissions: p.activeMissions,
    mspoMissions: p.mspoMissions,
    share: p.share,
    mspoMissionsAnyOrganization: plain[i]?.mspoMissions ?? 0,
    shareAnyOrganization: plain[i]?.share ?? null,
    settings,
  }));

  fs.mkdirSync(outDir, { recursive: true });
  const files: PanelFiles = {
    dyadYears: path.join(outDir, 'dyad_years.csv'),
    missionPairs: path.join(outDir, 'mission_pairs.csv'),
    mspoYears: path.join(outDir, 'mspo_years.csv'),
    codebook: path.join(outDir, 'codebook.md'),
  };
  fs.writeFileSync(files.dyadYears, toCsv(DYAD_YEAR_COLUMNS, dyadRows));
  fs.writeFileSync(files.missionPairs, toCsv(MISSION_PAIR_COLUMNS, pairs));
  fs.writeFileSync(files.mspoYears, toCsv(MSPO_YEAR_COLUMNS, mspo));
  fs.writeFileSync(files.codebook, codebook(settings, universeText, { dyadYears: dyadRows.length, missionPairs: pairs.length, years: mspo.length }));
  return { files, dyadYears: dyadRows.length, missionPairs: pairs.length, years: mspo.length, universe: universeText };
}
