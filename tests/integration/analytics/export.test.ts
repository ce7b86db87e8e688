import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../../server/src/db/database';
import { isStataName } from '../../../server/src/export/column-names';
import { AnalysisUnit, MembershipStatus } from '../../../server/src/modules/analytics/analytics.args';
import {
  CONTRIBUTION_COLUMNS,
  DYAD_YEAR_COLUMNS,
  DYAD_YEAR_UNIT_COLUMNS,
  MISSION_ORGANIZATION_COLUMNS,
  MISSION_PAIR_COLUMNS,
  MISSION_PAIR_UNIT_COLUMNS,
  MSPO_YEAR_COLUMNS,
  exportPanels,
} from '../../../server/src/modules/analytics/panel';
import type { PanelSettings } from '../../../server/src/modules/analytics/panel';
import { readCodes } from '../../../server/src/modules/analytics/panel-codes';
import { resetGraph, testConfig, testDatabase } from '../../helpers/db';
import { buildTestGraph } from './test-graph';

/** Reads a CSV written by the export with a CSV parser: the header, and the rows as objects keyed by it. */
function readCsvFile(file: string): { header: string[]; rows: Record<string, string>[] } {
  const text = fs.readFileSync(file, 'utf8');
  const header: string[] = parse(text, { to_line: 1 })[0] ?? [];
  return { header, rows: parse<Record<string, string>>(text, { columns: true }) };
}

function readCsv(file: string): Record<string, string>[] {
  return readCsvFile(file).rows;
}

const SHA = 'c0ffee'.padEnd(64, '0');

describe('the analysis panels (npm run analysis:export)', () => {
  const config = testConfig();
  let db: Database;
  let dir: string;
  const settings: PanelSettings = {
    universe: null,
    unit: AnalysisUnit.CONFLICT,
    fromYear: 2002,
    toYear: 2003,
    windowDays: 180,
    differentOrganization: false,
    statuses: [MembershipStatus.FULL],
  };

  beforeAll(async () => {
    db = testDatabase(config);
    await resetGraph(db);
    await buildTestGraph(db);
    // The codes the panels carry: COW IGO numbers, COW state numbers, a lead state's state, an imported dataset.
    await db.write(`UNWIND $orgs AS o MATCH (x:Organization {id: o[0]}) SET x.cowNumber = o[1], x.cowIgo = o[2]`, {
      orgs: [
        ['UN', 4400, 'UN'],
        ['EU', 1830, 'EU'],
        ['AU', 3761, 'AU'],
        ['NATO', 3700, 'NATO'],
      ],
    });
    await db.write(`UNWIND $states AS s MATCH (x:State {id: s[0]}) SET x.cowCode = s[1]`, {
      states: [
        ['AAA', 701],
        ['BBB', 702],
        ['KKK', 711],
        ['LLL', 712],
      ],
    });
    await db.write(`CREATE (:State {id: 'FRA', name: 'France', cowCode: 220, sources: ['curated']})`);
    await db.write(
      `CREATE (:Dataset {id: 'ipi-contributions:test.csv', format: 'ipi-contributions', file: 'test.csv', sha256: $sha,
                         version: 'sha256:c0ffee000000', importedAt: '2026-01-01T00:00:00Z', rowsRead: 3, rowsImported: 3, rowsRejected: 0})`,
      { sha: SHA },
    );
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peaceops-panels-'));
  });

  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await resetGraph(db);
    await db.close();
  });

  it('writes one row per dyad-year of active organizations, one per mission pair, one per year, and a codebook', async () => {
    const summary = await exportPanels(db, settings, dir);
    // 2002: UN, EU, AU, NATO active (6 dyads); 2003: UN, EU, AU (3 dyads).
    expect(summary).toMatchObject({ dyadYears: 9, missionPairs: 6, years: 2, contributions: 9 });
    // Every file reads back with a CSV parser, with unique, Stata-valid column names.
    for (const file of Object.values(summary.files).filter((f) => f.endsWith('.csv'))) {
      const { header } = readCsvFile(file);
      expect(header.length).toBeGreaterThan(2);
      expect(new Set(header).size).toBe(header.length);
      for (const name of header) expect(isStataName(name)).toBe(true);
    }

    const dyads = readCsv(summary.files.dyadYears);
    expect(dyads.map((r) => `${r.org_a}-${r.org_b}-${r.year}`)).toEqual([
      'AU-EU-2002',
      'AU-NATO-2002',
      'AU-UN-2002',
      'EU-NATO-2002',
      'EU-UN-2002',
      'NATO-UN-2002',
      'AU-EU-2003',
      'AU-UN-2003',
      'EU-UN-2003',
    ]);
    // The same dyad-year as the API test, read from the file (a = AU here, b = UN).
    expect(dyads.find((r) => r.org_a === 'AU' && r.org_b === 'UN' && r.year === '2003')).toMatchObject({
      universe: '',
      unit: 'CONFLICT',
      cooperated: '1',
      org_kind_a: 'regional',
      cow_igo_a: '3761',
      cow_igo_name_a: 'AU',
      cow_igo_b: '4400',
      state_iso3_b: '',
      cooperation_links: '2',
      cooperation_handover: '1',
      cooperation_hybrid: '1',
      cooperation_bridging: '0',
      cooperation_support: '0',
      cooperation_joint: '0',
      cooperation_coordination: '0',
      codeployed: '1',
      codeployed_pairs: '3',
      codeployed_units: '1',
      linked_pairs: '1',
      cooperation_rate: '0.333333',
      active_missions_a: '3',
      active_missions_b: '2',
      personnel_a: '2046.666667', // M-HY: (5000 + 7000 + 4 * 70) / 6, as in the API test
      personnel_b: '2220', // + M-UN2: (1200 + 11 * 80) / 12
      personnel_ratio: '0.921922',
      complementarity_mean: '0.5',
      complementarity_union: '0.25',
      complexity_missions: '3',
      complexity_organizations: '2',
      complexity_intensity: '1',
      social_learning: '1',
      person_bridges: '0',
    });
    // EU and NATO in 2002: co-deployed in BBB (no conflict for M-NATO), the support link in force from June;
    // BBB's intensity in 2002 is that of ucdp-2, located there.
    expect(dyads.find((r) => r.org_a === 'EU' && r.org_b === 'NATO' && r.year === '2002')).toMatchObject({
      cooperated: '1',
      cooperation_support: '1',
      cooperation_handover: '0',
      cooperation_hybrid: '0',
      codeployed_pairs: '1',
      codeployed_units: '1',
      cooperation_rate: '1',
      complexity_missions: '2',
      complexity_intensity: '1',
      members_a: '3',
      members_b: '2',
      member_jaccard: '0.25',
    });

    // The units of those dyad-years, one row each, with the integer UCDP id or the host's codes.
    const units = readCsv(summary.files.dyadYearUnits);
    expect(units.filter((r) => r.org_a === 'AU' && r.org_b === 'UN' && r.year === '2003')).toEqual([
      {
        org_a: 'AU',
        org_b: 'UN',
        year: '2003',
        unit: 'ucdp-1',
        unit_type: 'conflict',
        ucdp_conflict_id: '1',
        host_iso3: '',
        host_cow_code: '',
      },
    ]);
    expect(units.filter((r) => r.org_a === 'EU' && r.org_b === 'NATO' && r.year === '2002')).toEqual([
      {
        org_a: 'EU',
        org_b: 'NATO',
        year: '2002',
        unit: 'BBB',
        unit_type: 'host_state',
        ucdp_conflict_id: '',
        host_iso3: 'BBB',
        host_cow_code: '702',
      },
    ]);
    expect(units).toHaveLength(dyads.reduce((n, r) => n + Number(r.codeployed_units), 0));

    const pairs = readCsv(summary.files.missionPairs);
    expect(pairs.map((r) => `${r.mission_a}/${r.mission_b}:${r.pair_type}`).sort()).toEqual([
      'M-AU1/M-EU1:PARALLEL',
      'M-AU1/M-HY:SEQUENTIAL', // a handover to the hybrid M-HY
      'M-AU2/M-NATO:SEQUENTIAL',
      'M-EU1/M-UN2:BRIDGING',
      'M-EU2/M-NATO:PARALLEL',
      'M-HY/M-UN2:PARALLEL', // a hybrid beside another operation is typed by timing
    ]);
    expect(pairs.find((r) => r.mission_a === 'M-EU1')).toMatchObject({
      orgs_a: '1',
      orgs_b: '1',
      shared_units: '1',
      link_bridging: '1',
      link_handover: '0',
      pair_start: '2002-03-01',
      pair_year: '2002',
      end_b: '2004-12-31',
      cooperated: '1',
      overlap_days: '214',
      gap_days: '-1036',
      complementarity: '0.5',
      social_learning: '1',
      nationality_jaccard: '0.5',
      nationality_cosine: '',
      person_bridges: '1',
    });

    expect(readCsv(summary.files.missionPairUnits).filter((r) => r.mission_a === 'M-EU1')).toEqual([
      {
        mission_a: 'M-EU1',
        mission_b: 'M-UN2',
        unit: 'ucdp-1',
        unit_type: 'conflict',
        ucdp_conflict_id: '1',
        host_iso3: '',
        host_cow_code: '',
      },
    ]);
    const missionOrgs = readCsv(summary.files.missionOrganizations);
    expect(missionOrgs.filter((r) => r.mission === 'M-EU1' || r.mission === 'M-UN2' || r.mission === 'M-HY')).toEqual([
      {
        mission: 'M-EU1',
        organization: 'EU',
        org_kind: 'regional',
        cow_igo: '1830',
        cow_igo_name: 'EU',
        state_iso3: '',
        state_cow: '',
      },
      {
        mission: 'M-HY',
        organization: 'AU',
        org_kind: 'regional',
        cow_igo: '3761',
        cow_igo_name: 'AU',
        state_iso3: '',
        state_cow: '',
      },
      {
        mission: 'M-HY',
        organization: 'UN',
        org_kind: 'global',
        cow_igo: '4400',
        cow_igo_name: 'UN',
        state_iso3: '',
        state_cow: '',
      },
      {
        mission: 'M-UN2',
        organization: 'UN',
        org_kind: 'global',
        cow_igo: '4400',
        cow_igo_name: 'UN',
        state_iso3: '',
        state_cow: '',
      },
    ]);
    expect(new Set(missionOrgs.map((r) => r.mission))).toEqual(
      new Set(pairs.flatMap((r) => [r.mission_a, r.mission_b])),
    );

    expect(readCsv(summary.files.mspoYears)).toEqual([
      {
        year: '2002',
        universe: '',
        unit: 'CONFLICT',
        active_missions: '5',
        mspo_missions: '5',
        mspo_share: '1',
        mspo_missions_any_org: '5',
        mspo_share_any_org: '1',
      },
      {
        year: '2003',
        universe: '',
        unit: 'CONFLICT',
        active_missions: '5',
        mspo_missions: '3',
        mspo_share: '0.6',
        mspo_missions_any_org: '3',
        mspo_share_any_org: '0.6',
      },
    ]);

    const codebook = fs.readFileSync(summary.files.codebook, 'utf8');
    const allColumns = [
      DYAD_YEAR_COLUMNS,
      DYAD_YEAR_UNIT_COLUMNS,
      MISSION_PAIR_COLUMNS,
      MISSION_PAIR_UNIT_COLUMNS,
      MISSION_ORGANIZATION_COLUMNS,
      MSPO_YEAR_COLUMNS,
      CONTRIBUTION_COLUMNS,
    ].flat() as { name: string }[];
    for (const c of allColumns) expect(codebook).toContain(`| \`${c.name}\` |`);
    expect(codebook).toContain('dyad_years.csv (9 rows)');
    expect(codebook).toContain('contributions.csv (9 rows)');
    expect(codebook).toContain(SHA);
  });

  it('writes contributions.csv, one row per state, mission, period and source, matching the graph', async () => {
    const summary = await exportPanels(db, settings, dir);
    const rows = readCsv(summary.files.contributions);
    expect(rows).toHaveLength(9);
    const [fromGraph] = await db.read<{ total: number }>(
      `MATCH (:State {id: 'KKK'})-[c:CONTRIBUTED_TO {source: 'ipi-contributions', from: '2003-01'}]->(:Mission {id: 'M-UN2'}) RETURN c.total AS total`,
    );
    const kkkJanuary = rows.filter(
      (r) => r.state === 'KKK' && r.mission === 'M-UN2' && r.year === '2003' && r.month === '1',
    );
    expect(kkkJanuary).toEqual([
      expect.objectContaining({
        state: 'KKK',
        iso3: 'KKK',
        cow_code: '711',
        period_start: '2003-01-01',
        period_end: '2003-01-31',
        granularity: 'month',
        personnel: String(fromGraph?.total),
        source: 'ipi-contributions',
        sites: '0',
      }),
    ]);
    expect(kkkJanuary[0]?.personnel).toBe('100');
    // The same state's yearly figure from another source is its own row (a year: no month).
    expect(
      rows.find(
        (r) => r.state === 'KKK' && r.mission === 'M-UN2' && r.source === 'un-country-by-year' && r.year === '2003',
      ),
    ).toMatchObject({
      period_start: '2003-01-01',
      period_end: '2003-12-31',
      month: '',
      granularity: 'year',
      personnel: '80',
    });
    // Geo-PKO without a figure: unknown stays empty, never 0.
    expect(rows.find((r) => r.state === 'LLL' && r.mission === 'M-EU1')).toMatchObject({
      source: 'geopko-tcc',
      personnel: '',
      sites: '1',
      year: '2002',
    });
    // A state without a COW code has an empty cow_code.
    expect(rows.find((r) => r.state === 'MMM')).toMatchObject({ iso3: 'MMM', cow_code: '', personnel: '40' });
  });

  it('writes codebook.json with the version, the commit, the datasets with their hashes and every column of every file described', async () => {
    const summary = await exportPanels(db, settings, dir);
    const json = JSON.parse(fs.readFileSync(summary.files.codebookJson, 'utf8')) as {
      project: { name: string; version: string };
      commit: string | null;
      exportedAt: string;
      datasets: { id: string; sha256: string }[];
      settings: { fromYear: number; toYear: number };
      files: { file: string; rows: number; columns: { name: string; type: string; description: string }[] }[];
    };
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(json.project).toEqual({ name: pkg.name, version: pkg.version });
    expect(json.commit === null || /^[0-9a-f]{40}$/.test(json.commit)).toBe(true);
    expect(Date.now() - Date.parse(json.exportedAt)).toBeLessThan(10 * 60_000);
    expect(json.datasets).toEqual([expect.objectContaining({ id: 'ipi-contributions:test.csv', sha256: SHA })]);
    expect(json.settings).toMatchObject({ fromYear: 2002, toYear: 2003 });
    const csvFiles = Object.values(summary.files).filter((f) => f.endsWith('.csv'));
    expect(json.files.map((f) => f.file).sort()).toEqual(csvFiles.map((f) => path.basename(f)).sort());
    for (const f of json.files) {
      const { header, rows } = readCsvFile(path.join(dir, f.file));
      expect(f.columns.map((c) => c.name)).toEqual(header);
      expect(f.rows).toBe(rows.length);
      for (const c of f.columns) {
        expect(['string', 'integer', 'number', 'boolean', 'date']).toContain(c.type);
        expect(c.description.length).toBeGreaterThan(5);
        // The declared type holds for every value of the column.
        for (const r of rows) {
          const v = r[c.name] ?? '';
          if (v === '') continue;
          if (c.type === 'integer') expect(v).toMatch(/^-?\d+$/);
          if (c.type === 'number') expect(Number.isFinite(Number(v))).toBe(true);
          if (c.type === 'boolean') expect(['0', '1']).toContain(v);
          if (c.type === 'date') expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }
    }
  });

  it("gives a lead state its state's codes", async () => {
    const codes = await readCodes(db);
    expect(codes.organizations.get('STATE-FRA')).toMatchObject({
      kind: 'lead_state',
      cowIgo: null,
      state: { id: 'FRA', iso3: 'FRA', cowCode: 220 },
    });
    expect(codes.organizations.get('UN')).toMatchObject({ cowIgo: 4400, cowIgoName: 'UN', state: null });
  });
});
