import type { ContributionRecord } from '../../../server/src/modules/personnel/contributions';
import { figuresByState, monthWindow } from '../../../server/src/modules/personnel/contributions';

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
    }); // in the order first met
    expect(figures.get('BGD')?.personnel).toBeNull(); // named without a size: unknown, not 0
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
