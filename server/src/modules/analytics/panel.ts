import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../db/database';
import { repoRoot } from '../../paths';
import { writeCsv } from '../../export/csv';
import { AnalysisGranularity } from './analytics.args';
import { AnalyticsRepository } from './analytics.repository';
import { AnalyticsService } from './analytics.service';
import { describeUniverse } from './measure-rows';
import type { PanelFileSpec } from './panel-codebook';
import { codebookJson, codebookMarkdown, readProvenance } from './panel-codebook';
import { organizationCodes, readCodes, unitCodes } from './panel-codes';
import type {
  DyadPanelRow,
  DyadUnitRow,
  MissionOrganizationRow,
  MissionPairPanelRow,
  MissionPairUnitRow,
  MspoPanelRow,
  PanelColumn,
  PanelSettings,
} from './panel-columns';
import {
  COOPERATION_KINDS,
  DYAD_YEAR_COLUMNS,
  DYAD_YEAR_UNIT_COLUMNS,
  MISSION_ORGANIZATION_COLUMNS,
  MISSION_PAIR_COLUMNS,
  MISSION_PAIR_UNIT_COLUMNS,
  MSPO_YEAR_COLUMNS,
} from './panel-columns';
import { CONTRIBUTION_COLUMNS, contributionRows } from './panel-contributions';

/**
 * The analysis-ready panels of `peaceops analysis:export`: one CSV per unit of analysis, in long, tidy form, and a
 * codebook (Markdown and JSON). Each panel is a list of columns (name, type, definition, value: panel-columns.ts);
 * the CSV header and the codebooks are all made from that list, so they cannot disagree.
 */
export * from './panel-columns';
export { CONTRIBUTION_COLUMNS } from './panel-contributions';

/** A whole panel as CSV, by the one CSV writer (export/csv.ts): unknown empty, booleans 1/0, at most 6 decimals. */
export function toCsv<R>(columns: PanelColumn<R>[], rows: R[]): string {
  return writeCsv(
    columns.map((c) => c.name),
    rows.map((r) => columns.map((c) => c.value(r))),
    { decimals: 6 },
  );
}

export interface PanelFiles {
  dyadYears: string;
  dyadYearUnits: string;
  missionPairs: string;
  missionPairUnits: string;
  missionOrganizations: string;
  mspoYears: string;
  contributions: string;
  codebook: string;
  codebookJson: string;
}

export interface ExportSummary {
  files: PanelFiles;
  dyadYears: number;
  missionPairs: number;
  years: number;
  contributions: number;
  universe: string;
}

/** What one row of each file is (the codebooks' text). */
const FILE_DESCRIPTIONS = {
  dyadYears:
    'One row per pair of organizations (a < b) and year in which both have at least one mission of the analysis set active. `cooperated` is the outcome.',
  dyadYearUnits:
    'One row per dyad-year of dyad_years.csv and unit in which the two were co-deployed that year (its codeployed_units rows).',
  missionPairs:
    'One row per pair of missions (see the README: missions sharing a unit that overlapped or followed each other within the window, or linked by a recorded cooperation), whose later start falls within the years above.',
  missionPairUnits: 'One row per mission pair of mission_pairs.csv and unit the two share (its shared_units rows).',
  missionOrganizations:
    'One row per mission of mission_pairs.csv and organization of that mission (its orgs_a or orgs_b rows).',
  mspoYears:
    "The yearly MSPO share by the field's rule (another organization's operation), and the any-mission variant.",
  contributions:
    'One row per contributing state, mission, period and source, as the source gives it (a month, a year, or a span of known presence), whose period overlaps the years above; every mission of the graph with recorded contributors (with a universe, the missions that source records), not only the analysis set. Sources overlap (the same month may come from several): choose one per analysis, or take the best as cypher/analysis/personnel.cypher does.',
} as const;

/** Checks that every kind of cooperation is one of the 0/1 columns (a new kind must get its column, not vanish). */
function checkKinds(kinds: Iterable<string>): void {
  const unknown = [...new Set(kinds)].filter((k) => !(COOPERATION_KINDS as readonly string[]).includes(k));
  if (unknown.length)
    throw new Error(
      `Cooperation kinds without a column in the panels: ${unknown.join(', ')} (panel-columns.ts, COOPERATION_KINDS).`,
    );
}

/**
 * Builds the panels and the codebooks in `outDir`: the risk set of dyad-years from the organizations active each
 * year, every measure of each dyad-year and mission pair (with their units and organizations in long files), the
 * yearly MSPO share, and the contributions of states to missions.
 */
export async function exportPanels(
  db: Database,
  settings: PanelSettings,
  outDir: string,
  log: (msg: string) => void = () => undefined,
): Promise<ExportSummary> {
  const repo = new AnalyticsRepository(db);
  const service = new AnalyticsService(repo);
  const scope = { universe: settings.universe, unit: settings.unit };
  const universeRow = await repo.universe(settings.universe);
  const universeText = describeUniverse(universeRow);
  log(universeText);
  const codes = await readCodes(db);

  const active = await repo.personnel({
    universe: settings.universe,
    level: 'ORGANIZATION',
    ids: null,
    fromYear: settings.fromYear,
    toYear: settings.toYear,
  });
  const byYear = new Map<number, string[]>();
  for (const r of active) if (r.activeMissions > 0) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r.id]);
  const dyads: { a: string; b: string; year: number }[] = [];
  for (const [year, orgs] of [...byYear.entries()].sort((x, y) => x[0] - y[0])) {
    const ids = [...new Set(orgs)].sort();
    for (let i = 0; i < ids.length; i += 1)
      for (let j = i + 1; j < ids.length; j += 1) dyads.push({ a: ids[i], b: ids[j], year });
  }
  log(`${dyads.length} dyad-years`);
  const dyadRows: DyadPanelRow[] = (await service.measureDyads(scope, dyads, settings.statuses)).map((r) => ({
    ...r,
    settings,
    orgA: organizationCodes(codes, r.a),
    orgB: organizationCodes(codes, r.b),
  }));
  checkKinds(dyadRows.flatMap((r) => r.cooperation.cooperationKinds));
  const dyadUnits: DyadUnitRow[] = dyadRows.flatMap((r) =>
    r.cooperation.codeployedUnits.map((u) => ({ a: r.a, b: r.b, year: r.year, unit: unitCodes(codes, u) })),
  );

  const pairRows = await repo.missionPairs({
    ...scope,
    differentOrganization: settings.differentOrganization,
    windowDays: settings.windowDays,
    missions: null,
    from: String(settings.fromYear),
    to: String(settings.toYear),
  });
  log(`${pairRows.length} mission pairs`);
  const pairs: MissionPairPanelRow[] = (
    await service.measurePairs(scope, pairRows, { statuses: settings.statuses, nationalityYear: null })
  ).map((r) => ({
    ...r,
    settings,
  }));
  checkKinds(pairs.flatMap((r) => r.pair.linkKinds));
  const pairUnits: MissionPairUnitRow[] = pairs.flatMap((r) =>
    r.pair.sharedUnits.map((u) => ({
      missionA: r.pair.missionA,
      missionB: r.pair.missionB,
      unit: unitCodes(codes, u),
    })),
  );
  const missionOrgs = new Map<string, string[]>();
  for (const r of pairs) {
    missionOrgs.set(r.pair.missionA, r.pair.organizationsA);
    missionOrgs.set(r.pair.missionB, r.pair.organizationsB);
  }
  const missionOrganizations: MissionOrganizationRow[] = [...missionOrgs.entries()]
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .flatMap(([mission, orgs]) => orgs.map((o) => ({ mission, organization: organizationCodes(codes, o) })));

  const mspoArgs = {
    ...scope,
    granularity: AnalysisGranularity.YEAR,
    from: String(settings.fromYear),
    to: String(settings.toYear),
  } as const;
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

  const contributions = await contributionRows(db, codes, settings);
  log(`${contributions.length} contributions`);
  const provenance = await readProvenance(db, repoRoot());

  fs.mkdirSync(outDir, { recursive: true });
  const file = (name: string) => path.join(outDir, name);
  const files: PanelFiles = {
    dyadYears: file('dyad_years.csv'),
    dyadYearUnits: file('dyad_year_units.csv'),
    missionPairs: file('mission_pairs.csv'),
    missionPairUnits: file('mission_pair_units.csv'),
    missionOrganizations: file('mission_organizations.csv'),
    mspoYears: file('mspo_years.csv'),
    contributions: file('contributions.csv'),
    codebook: file('codebook.md'),
    codebookJson: file('codebook.json'),
  };
  const specs: PanelFileSpec[] = [];
  const write = <R>(key: keyof typeof FILE_DESCRIPTIONS, columns: PanelColumn<R>[], rows: R[]) => {
    fs.writeFileSync(files[key], toCsv(columns, rows));
    specs.push({ file: path.basename(files[key]), description: FILE_DESCRIPTIONS[key], columns, rows: rows.length });
  };
  write('dyadYears', DYAD_YEAR_COLUMNS, dyadRows);
  write('dyadYearUnits', DYAD_YEAR_UNIT_COLUMNS, dyadUnits);
  write('missionPairs', MISSION_PAIR_COLUMNS, pairs);
  write('missionPairUnits', MISSION_PAIR_UNIT_COLUMNS, pairUnits);
  write('missionOrganizations', MISSION_ORGANIZATION_COLUMNS, missionOrganizations);
  write('mspoYears', MSPO_YEAR_COLUMNS, mspo);
  write('contributions', CONTRIBUTION_COLUMNS, contributions);
  fs.writeFileSync(files.codebook, codebookMarkdown(settings, universeText, specs, provenance));
  fs.writeFileSync(files.codebookJson, codebookJson(settings, universeText, specs, provenance));
  return {
    files,
    dyadYears: dyadRows.length,
    missionPairs: pairs.length,
    years: mspo.length,
    contributions: contributions.length,
    universe: universeText,
  };
}
