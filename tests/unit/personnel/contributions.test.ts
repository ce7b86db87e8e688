import type { ContributionRecord } from '../../../server/src/model/contributions';
import { figuresByState, figuresOfRuns, monthWindow } from '../../../server/src/model/contributions';

const rec = (
  r: Partial<ContributionRecord> & Pick<ContributionRecord, 'state' | 'source' | 'from' | 'to'>,
): ContributionRecord => ({
  stateName: r.state,
  mission: 'M1',
  total: null,
  ...r,
});

/** The reduction of contribution records to one figure per state (pure; the API answers built on it are tested in seeded/). */
describe('figuresByState', () => {
  it('turns dates into month windows', () => {
    expect(monthWindow('2012', null)).toEqual({ from: '2012-01', to: '9999-12' });
    expect(monthWindow('2011-11-05', '2012')).toEqual({ from: '2011-11', to: '2012-12' });
    expect(monthWindow(null, undefined)).toBeNull();
  });

  it('counts a record in every month it covers, across years', () => {
    const figures = figuresByState(
      [rec({ state: 'FJI', source: 'ipi-contributions', from: '2011-11', to: '2012-02', total: 7 })],
      monthWindow('2012-02', '2012-02'),
    );
    expect(figures.get('FJI')?.personnel).toBe(7);
    expect(
      figuresByState(
        [rec({ state: 'FJI', source: 'ipi-contributions', from: '2011-11', to: '2012-02', total: 7 })],
        monthWindow('2012-03', null),
      ).size,
    ).toBe(0);
  });

  it('prefers the most precise source per state, mission and month, and sums the sites of one source', () => {
    const figures = figuresByState(
      [
        rec({ state: 'NPL', source: 'un-country-by-year', from: '2012-01', to: '2012-12', total: 900 }),
        rec({ state: 'NPL', source: 'ipi-contributions', from: '2012-06', to: '2012-06', total: 500 }),
        rec({ state: 'NPL', source: 'geopko-tcc', from: '2012-01', to: '2012-12', total: 5000 }),
        rec({ state: 'IND', source: 'geopko-tcc', from: '2012-03', to: '2012-03', total: 300 }),
        rec({ state: 'IND', source: 'geopko-tcc', from: '2012-03', to: '2012-03', total: 200 }), // another site
      ],
      monthWindow('2012-06', '2012-06'),
    );
    expect(figures.get('NPL')).toEqual({
      state: 'NPL',
      stateName: 'NPL',
      personnel: 500,
      sources: ['ipi-contributions'],
    });
    expect(figures.has('IND')).toBe(false); // outside the window
  });

  it('takes the peak month over a window, summed over missions, and lists every source used', () => {
    const figures = figuresByState(
      [
        rec({ state: 'GHA', mission: 'M1', source: 'ipi-contributions', from: '2011-01', to: '2011-01', total: 100 }),
        rec({ state: 'GHA', mission: 'M2', source: 'ipi-contributions', from: '2011-01', to: '2011-01', total: 50 }),
        rec({ state: 'GHA', mission: 'M1', source: 'un-country-by-year', from: '2011-02', to: '2011-12', total: 120 }),
        rec({ state: 'GHA', mission: 'M2', source: 'geopko-tcc', from: '2010-06', to: '2011-06', total: 10 }),
        rec({ state: 'BGD', mission: 'M1', source: 'ipi-contributions', from: '2011-05', to: '2011-05', total: null }),
      ],
      null,
    );
    // January: 100 + 50; February to June: 120 + 10; July on: 120.
    expect(figures.get('GHA')).toEqual({
      state: 'GHA',
      stateName: 'GHA',
      personnel: 150,
      sources: ['ipi-contributions', 'un-country-by-year', 'geopko-tcc'],
    }); // the most precise first
    expect(figures.get('BGD')?.personnel).toBeNull(); // named without a size: unknown, not 0
  });

  it('lists the sources the most precise first, whatever order the records come in', () => {
    const records = [
      rec({ state: 'GHA', source: 'geopko-tcc', from: '2010-06', to: '2011-06', total: 10 }),
      rec({ state: 'GHA', source: 'un-country-by-year', from: '2011-02', to: '2011-12', total: 120 }),
      rec({ state: 'GHA', source: 'ipi-snapshot', from: '2011-01', to: '2011-01', total: 5 }),
      rec({ state: 'GHA', source: 'ipi-contributions', from: '2010-01', to: '2010-01', total: 100 }),
    ];
    const expected = ['ipi-contributions', 'ipi-snapshot', 'un-country-by-year', 'geopko-tcc'];
    expect(figuresByState(records, null).get('GHA')?.sources).toEqual(expected);
    expect(figuresByState([...records].reverse(), null).get('GHA')?.sources).toEqual(expected);
  });

  it('keeps only one source when asked, and clips records to the window', () => {
    const records = [
      rec({ state: 'PAK', source: 'ipi-contributions', from: '2012-01', to: '2012-01', total: 800 }),
      rec({ state: 'PAK', source: 'geopko-tcc', from: '2008-01', to: '2013-12', total: 3000 }),
    ];
    expect(figuresByState(records, monthWindow('2012', '2012'), 'geopko-tcc').get('PAK')?.personnel).toBe(3000);
    expect(figuresByState(records, monthWindow('2012-01', '2012-01')).get('PAK')).toEqual({
      state: 'PAK',
      stateName: 'PAK',
      personnel: 800,
      sources: ['ipi-contributions'],
    });
    expect(figuresByState(records, monthWindow('2014', '2015')).size).toBe(0);
  });
});

describe('figuresOfRuns (the records as the statements read them)', () => {
  it('gives what figuresByState gives for the same records, a null total kept in its place', () => {
    const records = [
      rec({ state: 'KEN', mission: 'M1', source: 'curated', from: '2013-04', to: '2013-04', total: 10 }),
      rec({ state: 'KEN', mission: 'M1', source: 'curated', from: '2013-05', to: '2013-05', total: null }),
      rec({ state: 'KEN', mission: 'M1', source: 'curated', from: '2013-06', to: '2013-06', total: 30 }),
      rec({ state: 'KEN', mission: 'M2', source: 'geopko-tcc', from: '2013-01', to: '2013-12', total: 7 }),
      rec({ state: 'KEN', mission: 'M2', source: 'ipi-contributions', from: '2013-06', to: '2013-06', total: 5 }),
      rec({ state: 'UGA', mission: 'M1', source: 'curated', from: '2013-01', to: '2013-12', total: null }),
    ];
    const runs = [
      {
        side: { state: 'KEN', stateName: 'KEN', mission: 'M1' },
        runs: [['curated', ['2013-04', '2013-05', '2013-06'], ['2013-04', '2013-05', '2013-06'], [10, null, 30]]],
      },
      {
        side: { state: 'KEN', stateName: 'KEN', mission: 'M2' },
        runs: [
          ['ipi-contributions', ['2013-06'], ['2013-06'], [5]],
          ['geopko-tcc', ['2013-01'], ['2013-12'], [7]],
        ],
      },
      {
        side: { state: 'UGA', stateName: 'UGA', mission: 'M1' },
        runs: [['curated', ['2013-01'], ['2013-12'], [null]]],
      },
    ] as Parameters<typeof figuresOfRuns>[0];
    for (const window of [
      null,
      monthWindow('2013-05', '2013-05'),
      monthWindow('2013-06', '2013-06'),
      monthWindow('2014', null),
    ]) {
      for (const source of [null, 'curated', 'geopko-tcc']) {
        expect(figuresOfRuns(runs, window, source)).toEqual(figuresByState(records, window, source));
      }
    }
    // June: 30 (M1) + 5 (M2, IPI over GeoPKO); May: M1 listed without a figure, M2 7.
    expect(figuresOfRuns(runs, null).get('KEN')?.personnel).toBe(35);
    expect(figuresOfRuns(runs, monthWindow('2013-05', '2013-05')).get('KEN')?.personnel).toBe(7);
    expect(figuresOfRuns(runs, monthWindow('2013-05', '2013-05'), 'curated').get('KEN')?.personnel).toBeNull();
  });
});

describe('figuresByState with states listed without a figure', () => {
  it('keeps a state present without a figure as null, never 0, and takes the peak of the months with one', () => {
    const figures = figuresByState(
      [
        rec({ state: 'UGA', source: 'curated', from: '2013-01', to: '2013-12', total: null }),
        rec({ state: 'KEN', source: 'curated', from: '2013-04', to: '2013-04', total: null }),
        rec({ state: 'KEN', source: 'curated', from: '2013-07', to: '2013-07', total: 4664 }),
      ],
      monthWindow('2013', '2013'),
    );
    expect(figures.get('UGA')).toEqual({ state: 'UGA', stateName: 'UGA', personnel: null, sources: ['curated'] });
    expect(figures.get('KEN')?.personnel).toBe(4664);
  });
});
