import 'reflect-metadata';
import { parseExportArgs } from '../../../server/src/cli/analysis-export-args';
import { endOf, startOf } from '../../../server/src/modules/common/period';
import {
  AnalysisGranularity,
  AnalysisUnit,
  MembershipStatus,
  MissionPairType,
} from '../../../server/src/modules/analytics/analytics.args';
import {
  countTypes,
  describeUniverse,
  hasDistinctPair,
  maxOf,
  periodCount,
  ratio,
} from '../../../server/src/modules/analytics/measure-rows';
import { isStataName } from '../../../server/src/export/column-names';
import { csvCell } from '../../../server/src/export/csv';
import {
  CONTRIBUTION_COLUMNS,
  DYAD_YEAR_COLUMNS,
  DYAD_YEAR_UNIT_COLUMNS,
  MISSION_ORGANIZATION_COLUMNS,
  MISSION_PAIR_COLUMNS,
  MISSION_PAIR_UNIT_COLUMNS,
  MSPO_YEAR_COLUMNS,
  toCsv,
} from '../../../server/src/modules/analytics/panel';
import { codebookJson, codebookMarkdown } from '../../../server/src/modules/analytics/panel-codebook';
import { codebookColumns } from '../../../server/src/modules/analytics/panel-columns';
import type { PanelFileSpec, Provenance } from '../../../server/src/modules/analytics/panel-codebook';
import { iso3Of, ucdpConflictId } from '../../../server/src/modules/analytics/panel-codes';

const ALL_COLUMNS = [
  DYAD_YEAR_COLUMNS,
  DYAD_YEAR_UNIT_COLUMNS,
  MISSION_PAIR_COLUMNS,
  MISSION_PAIR_UNIT_COLUMNS,
  MISSION_ORGANIZATION_COLUMNS,
  MSPO_YEAR_COLUMNS,
  CONTRIBUTION_COLUMNS,
] as {
  name: string;
  type: string;
  description: string;
}[][];

describe('CSV conventions of the panels', () => {
  it('writes missing values empty, booleans as 1/0, at most 6 decimals, and quotes when needed', () => {
    expect(
      [null, undefined, true, false, 3, 1 / 3, 0.5, 'x,y', 'say "hi"', Number.NaN].map((v) =>
        csvCell(v, { decimals: 6 }),
      ),
    ).toEqual([
      '',
      '',
      '1',
      '0',
      '3',
      '0.333333',
      '0.5',
      'x,y', // quoting is the writer's (csv-stringify), below
      'say "hi"',
      '',
    ]);
    const csv = toCsv(
      [{ name: 'a', type: 'string', description: 'A.', value: (r: { a: string }) => r.a }],
      [{ a: 'x,y' }, { a: 'say "hi"' }],
    );
    expect(csv).toBe('a\n"x,y"\n"say ""hi"""\n');
  });

  it('makes a header from the columns and one line per row', () => {
    const csv = toCsv(
      [{ name: 'a', type: 'integer', description: 'A.', value: (r: { a: number }) => r.a }],
      [{ a: 1 }, { a: 2 }],
    );
    expect(csv).toBe('a\n1\n2\n');
  });

  it('names every column once, as a Stata name, with no list cells, and defines it in both codebooks', () => {
    for (const columns of ALL_COLUMNS) {
      const names = columns.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const c of columns) {
        expect(isStataName(c.name)).toBe(true);
        expect(['string', 'integer', 'number', 'boolean', 'date']).toContain(c.type);
        expect(c.description.length).toBeGreaterThan(5);
      }
    }
    const settings = {
      universe: 'bara-hultman',
      unit: AnalysisUnit.CONFLICT,
      fromYear: 1993,
      toYear: 2016,
      windowDays: 180,
      differentOrganization: false,
      statuses: [MembershipStatus.FULL],
    };
    const files: PanelFileSpec[] = ALL_COLUMNS.map((columns, i) => ({
      file: `file${i}.csv`,
      description: 'Rows.',
      columns: columns as PanelFileSpec['columns'],
      rows: i * 5,
    }));
    const provenance: Provenance = {
      project: { name: 'peaceops-graph', version: '9.9.9' },
      commit: 'a'.repeat(40),
      commitDirty: false,
      exportedAt: '2026-01-02T03:04:05.000Z',
      datasets: [
        {
          id: 'curated:missions.csv',
          format: 'curated',
          file: 'missions.csv',
          sha256: 'b'.repeat(64),
          version: 'sha256:bbbbbbbbbbbb',
          importedAt: '2026-01-01T00:00:00Z',
          rowsRead: 3,
          rowsImported: 3,
          rowsRejected: 0,
        },
      ],
    };
    const text = codebookMarkdown(settings, 'Missions recorded by the source.', files, provenance);
    for (const c of ALL_COLUMNS.flat()) expect(text).toContain(`| \`${c.name}\` |`);
    expect(text).toContain('Universe: bara-hultman');
    expect(text).toContain('file2.csv (10 rows)');
    expect(text).toContain(`peaceops-graph 9.9.9, commit ${'a'.repeat(40)}`);
    expect(text).toContain('b'.repeat(64));
    const json = JSON.parse(codebookJson(settings, 'Missions recorded by the source.', files, provenance)) as {
      project: { version: string };
      commit: string;
      exportedAt: string;
      datasets: { id: string; sha256: string }[];
      files: { file: string; rows: number; columns: { name: string; type: string; description: string }[] }[];
    };
    expect(json.project.version).toBe('9.9.9');
    expect(json.commit).toBe('a'.repeat(40));
    expect(json.exportedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(json.datasets).toEqual([expect.objectContaining({ id: 'curated:missions.csv', sha256: 'b'.repeat(64) })]);
    expect(json.files.map((f) => f.columns.map((c) => c.name))).toEqual(
      ALL_COLUMNS.map((cols) => cols.map((c) => c.name)),
    );
    expect(json.files[2]?.rows).toBe(10);
  });

  it('uses every definition of panel-definitions.json, and refuses a column it does not define', async () => {
    const { default: definitions } = await import('../../../server/src/modules/analytics/panel-definitions.json');
    const names = new Set(ALL_COLUMNS.flat().map((c) => c.name));
    const unused = Object.entries(definitions).flatMap(([section, columns]) =>
      Object.keys(columns)
        .filter((name) => !['', '_a', '_b'].some((suffix) => names.has(name + suffix)))
        .map((name) => `${section}.${name}`),
    );
    expect(unused).toEqual([]);
    expect(() => codebookColumns<{ x: number }>('mspoYears', { no_such_column: (r) => r.x })).toThrow(
      'panel-definitions.json: no column no_such_column of type string/integer/number/boolean/date in mspoYears',
    );
  });

  it('reads the codes of states and conflicts from their ids', () => {
    expect([iso3Of('FRA'), iso3Of('XKX'), iso3Of('GFR'), iso3Of('COW-KOR'), iso3Of('HYD')]).toEqual([
      'FRA',
      'XKX',
      null,
      null,
      null,
    ]);
    expect([ucdpConflictId('ucdp-283'), ucdpConflictId('ucdp-x'), ucdpConflictId('AAA')]).toEqual([283, null, null]);
  });
});

describe('the arithmetic that joins query rows', () => {
  it('widens dates to whole periods', () => {
    expect([startOf('2003'), startOf('2003-07'), startOf('2003-07-09')]).toEqual([
      '2003-01-01',
      '2003-07-01',
      '2003-07-09',
    ]);
    expect([endOf('2003'), endOf('2004-02'), endOf('2003-02'), endOf('2003-07-09')]).toEqual([
      '2003-12-31',
      '2004-02-29',
      '2003-02-28',
      '2003-07-09',
    ]);
  });

  it('counts the periods of a series', () => {
    expect(periodCount('1990', '2024', AnalysisGranularity.YEAR)).toBe(35);
    expect(periodCount('2003-06', '2004-05', AnalysisGranularity.MONTH)).toBe(12);
    expect(periodCount('2003', '2003', AnalysisGranularity.MONTH)).toBe(1);
  });

  it('takes min / max of two figures, null when unknown or both 0', () => {
    expect([ratio(6000, 7100), ratio(7100, 6000), ratio(0, 10), ratio(null, 10), ratio(0, 0)]).toEqual([
      6000 / 7100,
      6000 / 7100,
      0,
      null,
      null,
    ]);
  });

  it('tells whether two organization sets hold two different organizations', () => {
    expect([
      hasDistinctPair(['UN'], ['UN']),
      hasDistinctPair(['UN'], ['AU', 'UN']),
      hasDistinctPair([], ['UN']),
    ]).toEqual([false, true, false]);
    expect([maxOf([1, null, 3]), maxOf([null])]).toEqual([3, null]);
  });

  it('counts pairs per type by timing, and the pairs that include a hybrid operation apart', () => {
    const t = (pairType: MissionPairType, hybrid = false) => ({ pairType, hybrid });
    expect(
      countTypes([
        t(MissionPairType.SEQUENTIAL, true),
        t(MissionPairType.PARALLEL),
        t(MissionPairType.PARALLEL, true),
        t(MissionPairType.BRIDGING),
      ]),
    ).toEqual({
      total: 4,
      parallel: 2,
      sequential: 1,
      hybrid: 2,
      bridging: 1,
    });
  });

  it('says which missions a universe counted', () => {
    const row = {
      universe: 'bara-hultman',
      missions: 121,
      recorded: 125,
      withoutStart: 0,
      replacedByParts: 1,
      outsideUniverse: 3,
      missionsWithoutConflict: 0,
      missionsWithoutHost: 0,
      endsAtLastEvidence: 2,
      hybridMissions: 1,
    };
    expect(describeUniverse(row)).toBe(
      "Peace operations deployed by international organizations, recorded by the source 'bara-hultman': 121 missions (1 umbrella missions counted through their parts; 3 operations of other kinds left out; 2 without a recorded end counted active up to their last evidence).",
    );
    expect(
      describeUniverse({ ...row, universe: null, replacedByParts: 0, outsideUniverse: 0, endsAtLastEvidence: 0 }, [
        'ad_hoc_coalition',
      ]),
    ).toBe(
      'Peace operations deployed by international organizations, with ad hoc coalition operations brought in (a variant), of the graph: 121 missions.',
    );
  });
});

describe('npm run analysis:export arguments', () => {
  it('reads the options and fills in the defaults', () => {
    expect(parseExportArgs(['--out', 'panels'])).toEqual({
      outDir: 'panels',
      settings: {
        universe: null,
        unit: 'CONFLICT',
        fromYear: 1990,
        toYear: 2024,
        windowDays: 180,
        differentOrganization: true,
        statuses: ['full'],
      },
    });
    expect(
      parseExportArgs([
        '--out',
        'p',
        '--universe',
        'bara-hultman',
        '--unit',
        'HOST_STATE',
        '--from',
        '1993',
        '--to',
        '2016',
        '--window',
        '90',
        '--same-organization',
        '--statuses',
        'full,associate',
      ]).settings,
    ).toEqual({
      universe: 'bara-hultman',
      unit: 'HOST_STATE',
      fromYear: 1993,
      toYear: 2016,
      windowDays: 90,
      differentOrganization: false,
      statuses: ['full', 'associate'],
    });
  });

  it('refuses bad options with a usage message', () => {
    expect(() => parseExportArgs([])).toThrow(/--out <dir> is required/);
    expect(() => parseExportArgs(['--out', 'p', '--universe', 'sipri'])).toThrow(/--universe must be one of/);
    expect(() => parseExportArgs(['--out', 'p', '--unit', 'REGION'])).toThrow(/--unit must be/);
    expect(() => parseExportArgs(['--out', 'p', '--from', '2010', '--to', '2000'])).toThrow(/--to is before --from/);
    expect(() => parseExportArgs(['--out', 'p', '--statuses', 'member'])).toThrow(/--statuses/);
    expect(() => parseExportArgs(['--out', 'p', '--bogus'])).toThrow(/Unknown argument/);
  });
});
