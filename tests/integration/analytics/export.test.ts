import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../../server/src/db/database';
import { AnalysisUnit, MembershipStatus } from '../../../server/src/modules/analytics/analytics.args';
import { DYAD_YEAR_COLUMNS, MISSION_PAIR_COLUMNS, MSPO_YEAR_COLUMNS, exportPanels } from '../../../server/src/modules/analytics/panel';
import type { PanelSettings } from '../../../server/src/modules/analytics/panel';
import { resetGraph, testConfig, testDatabase } from '../../helpers/db';
import { buildTestGraph } from './test-graph';

/** Reads a CSV written by the export (no quoted commas in these panels) into objects keyed by the header. */
function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const names = (header).split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])));
}

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
    expect(summary).toMatchObject({ dyadYears: 9, missionPairs: 6, years: 2 });

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
      cooperation_links: '2',
      cooperation_kinds: 'handover|hybrid',
      codeployed: '1',
      codeployed_pairs: '3',
      codeployed_units: 'ucdp-1',
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
      cooperation_kinds: 'support',
      codeployed_pairs: '1',
      codeployed_units: 'BBB',
      cooperation_rate: '1',
      complexity_missions: '2',
      complexity_intensity: '1',
      members_a: '3',
      members_b: '2',
      member_jaccard: '0.25',
    });

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
      orgs_a: 'EU',
      orgs_b: 'UN',
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

    expect(readCsv(summary.files.mspoYears)).toEqual([
      { year: '2002', universe: '', unit: 'CONFLICT', active_missions: '5', mspo_missions: '5', mspo_share: '1', mspo_missions_any_org: '5', mspo_share_any_org: '1' },
      { year: '2003', universe: '', unit: 'CONFLICT', active_missions: '5', mspo_missions: '3', mspo_share: '0.6', mspo_missions_any_org: '3', mspo_share_any_org: '0.6' },
    ]);

    const codebook = fs.readFileSync(summary.files.codebook, 'utf8');
    for (const c of [...DYAD_YEAR_COLUMNS, ...MISSION_PAIR_COLUMNS, ...MSPO_YEAR_COLUMNS]) expect(codebook).toContain(`| \`${c.name}\` |`);
    expect(codebook).toContain('dyad_years.csv (9 rows)');
  });
});
