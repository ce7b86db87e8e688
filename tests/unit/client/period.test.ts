import { peakIn, peakText } from '../../../client/src/graph/figures';
import {
  crossedTypes,
  DEFAULT_PATH_TYPES,
  normaliseTypes,
  parsePathPeriod,
  pathPeriodOf,
  pathQuery,
} from '../../../client/src/graph/path-options';
import { datePrecision, periodInput, viewPeriod } from '../../../client/src/graph/period';
import { decodeState, defaultState, encodeState } from '../../../client/src/graph/view-state';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('the period the view asks for', () => {
  it('is the slider’s year or month when it sits on one, else the period filter, else all years', () => {
    const d = defaultState(NOW);
    expect(viewPeriod({ ...d, time: '2008' })).toEqual({ from: '2008', to: '2008', label: '2008', origin: 'slider' });
    expect(viewPeriod({ ...d, time: '2008-03' })).toMatchObject({ from: '2008-03', to: '2008-03', origin: 'slider' });
    expect(viewPeriod(d)).toEqual({ from: '1997', to: '2026', label: '1997–2026', origin: 'filter' });
    expect(viewPeriod({ ...d, from: '2000', to: null })).toMatchObject({ label: 'since 2000', origin: 'filter' });
    expect(viewPeriod({ ...d, from: null, to: null })).toEqual({
      from: null,
      to: null,
      label: 'all years',
      origin: 'all',
    });
    expect(periodInput(viewPeriod({ ...d, from: null, to: null }))).toBeNull();
    expect(periodInput({ from: '2000', to: null })).toEqual({ from: '2000' });
  });

  it('tells a date’s precision as written', () => {
    expect(['2013', '2013-06', '2013-06-12', '13/06/2013', null].map(datePrecision)).toEqual([
      'year',
      'month',
      'day',
      null,
      null,
    ]);
  });
});

describe('path options', () => {
  it('reads and writes types, step limit, number of paths and period, and old links keep the defaults', () => {
    const old = decodeState('period=all&from=EU&to=AU', NOW);
    expect(old).toMatchObject({ pathTypes: null, pathHops: 6, pathK: 3, pathPeriod: null });
    expect(encodeState(old)).toBe('period=all&from=EU&to=AU');
    const s = {
      ...old,
      pathTypes: DEFAULT_PATH_TYPES.filter((t) => t !== 'SUPPORTED'),
      pathHops: 3,
      pathK: 1,
      pathPeriod: { from: '2003', to: '2005-06' },
    };
    const query = encodeState(s);
    expect(query).toContain('phops=3');
    expect(query).toContain('pperiod=2003..2005-06');
    expect(decodeState(query, NOW)).toEqual(s);
    expect(decodeState('pperiod=all', NOW).pathPeriod).toBe('all');
  });

  it('ignores malformed options', () => {
    const s = decodeState('ptypes=NOPE,DROP%20TABLE&phops=99&pk=-1&pperiod=x..y', NOW);
    expect(s).toMatchObject({ pathTypes: null, pathHops: 6, pathK: 3, pathPeriod: null });
    expect(parsePathPeriod('2010..2001')).toEqual({ from: '2001', to: '2010' });
  });

  it('keeps the default set as null and lists types in the enum’s order', () => {
    expect(normaliseTypes([...DEFAULT_PATH_TYPES].reverse())).toBeNull();
    expect(normaliseTypes(['MEMBER_OF', 'DEPLOYED'])).toEqual(['DEPLOYED', 'MEMBER_OF']);
    expect(crossedTypes({ pathTypes: null })).toEqual([...DEFAULT_PATH_TYPES]);
  });

  it('asks for the view’s period unless the options fix one', () => {
    const d = { ...defaultState(NOW), time: '2003' };
    expect(pathQuery(d)).toEqual({ k: 3, maxHops: 6, types: null, period: { from: '2003', to: '2003' } });
    expect(pathQuery({ ...d, pathPeriod: 'all' }).period).toBeNull();
    expect(pathPeriodOf({ ...d, pathPeriod: { from: '1990', to: null } })).toMatchObject({ label: 'since 1990' });
  });
});

describe('figures that say what they are', () => {
  const series = [
    { month: '2007-12', total: 900, source: 'bara-hultman' },
    { month: '2008-03', total: 1200, source: 'ipi-missions' },
    { month: '2008-07', total: 1200, source: 'ipi-missions' },
    { month: '2009-01', total: null, source: 'ipi-missions' },
    { month: '2011-07', total: 2500, source: 'ipi-missions' },
  ];

  it('gives the peak of a period with its month and source, the earliest month on a tie', () => {
    expect(peakIn(series)).toEqual({ value: 2500, month: '2011-07', source: 'ipi-missions' });
    expect(peakIn(series, { from: '2008', to: '2008' })).toEqual({
      value: 1200,
      month: '2008-03',
      source: 'ipi-missions',
    });
    expect(peakIn(series, { from: '2009', to: '2009' })).toBeNull();
    expect(peakText({ value: 2500, month: '2011-07', source: 'ipi-missions' })).toBe(
      '2,500 (2011-07; source ipi-missions)',
    );
  });
});
