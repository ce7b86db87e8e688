import 'reflect-metadata';
import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { AppError } from '../../server/src/errors';
import { COSTS } from '../../server/src/modules/common/costs';
import type { FieldCost } from '../../server/src/modules/common/costs';
import {
  legacyDate,
  legacyEnds,
  legacyPeriod,
  legacyYear,
  periodArg,
  periodYears,
  requiredPeriod,
} from '../../server/src/modules/common/period';

/** The error a call throws, with its code and the argument it names. */
function refusal(call: () => unknown): { code: unknown; argument: unknown; message: string } {
  try {
    call();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { code: e.extensions.code, argument: e.extensions.argument, message: e.message };
  }
  throw new Error('no error');
}

describe('one period input: periodArg', () => {
  it('takes period, or the one older argument given instead, as the same period', () => {
    expect(periodArg('f', { from: '2008-03', to: '2008-03' })).toEqual({ from: '2008-03', to: '2008-03' });
    expect(periodArg('f', null, [legacyDate('asOf', '2008-03'), legacyPeriod('between', null)])).toEqual({
      from: '2008-03',
      to: '2008-03',
    });
    expect(periodArg('f', undefined, [legacyYear('activeInYear', 2008)])).toEqual({ from: '2008', to: '2008' });
    expect(periodArg('f', undefined, [legacyEnds(['fromYear', 'toYear'], 2002, 2004)])).toEqual({
      from: '2002',
      to: '2004',
    });
    expect(periodArg('f', undefined, [legacyEnds(['from', 'to'], 2002, null)])).toEqual({ from: '2002', to: null });
    expect(periodArg('f', { from: null, to: '2010' })).toEqual({ from: null, to: '2010' });
    expect(periodArg('f', null, [legacyPeriod('activeIn', undefined), legacyYear('activeInYear', null)])).toBeNull();
  });

  it('refuses two forms at once with BAD_USER_INPUT naming period, and two older ones naming the first', () => {
    const both = refusal(() => periodArg('sharedPersonnel', { from: '2008' }, [legacyDate('asOf', '2008-03')]));
    expect(both).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'period',
      message: expect.stringMatching(
        /sharedPersonnel takes one period: give period or asOf, not both \(asOf is deprecated: use period\)/,
      ),
    });
    const older = refusal(() =>
      periodArg('sharedPersonnel', null, [legacyDate('asOf', '2008-03'), legacyPeriod('between', { from: '2008' })]),
    );
    expect(older).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'asOf',
      message: expect.stringMatching(/give asOf or between, not both/),
    });
  });

  it('refuses none, or an open end, where the field needs a period, naming the argument', () => {
    expect(refusal(() => requiredPeriod('mspoShare', null, [legacyEnds(['from', 'to'], null, null)]))).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'period',
      message: expect.stringMatching(
        /mspoShare needs a period: give period \{from, to\} \(or the deprecated from\/to\)/,
      ),
    });
    expect(refusal(() => requiredPeriod('mspoShare', { from: '2000' }))).toMatchObject({ argument: 'period.to' });
    expect(refusal(() => requiredPeriod('mspoShare', null, [legacyEnds(['from', 'to'], null, '2010')]))).toMatchObject({
      argument: 'from',
    });
    expect(requiredPeriod('mspoShare', null, [legacyEnds(['from', 'to'], '2000', '2010')])).toEqual({
      from: '2000',
      to: '2010',
    });
  });

  it('checks each date under the name the client wrote, and the order of the ends', () => {
    expect(refusal(() => periodArg('f', null, [legacyDate('asOf', '2013-02-31')]))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'asOf',
      message: 'asOf must be a calendar date written YYYY, YYYY-MM or YYYY-MM-DD.',
    });
    expect(refusal(() => periodArg('f', { from: 'last year' }))).toMatchObject({ argument: 'period.from' });
    expect(refusal(() => periodArg('f', null, [legacyPeriod('between', { to: '2013-13' })]))).toMatchObject({
      argument: 'between.to',
    });
    expect(refusal(() => periodArg('f', { from: '2011', to: '2010-12' }))).toMatchObject({
      argument: 'period.from',
      message: expect.stringMatching(/starts \(2011\) after it ends \(2010-12\)/),
    });
    // The same month at both ends is that month.
    expect(periodArg('f', { from: '2010-12', to: '2010-12' })).toEqual({ from: '2010-12', to: '2010-12' });
  });

  it('gives the years a period covers, open ends taking the defaults', () => {
    expect(periodYears({ from: '2008-03', to: '2010-06-30' }, { from: 1945, to: 2026 })).toEqual({
      from: 2008,
      to: 2010,
    });
    expect(periodYears({ from: null, to: '2010' }, { from: 1990, to: 2026 })).toEqual({ from: 1990, to: 2010 });
    expect(periodYears(null, { from: 1990, to: 2026 })).toEqual({ from: 1990, to: 2026 });
  });
});

describe('costs read period as they read the older arguments', () => {
  const cost = (rule: FieldCost, args: Record<string, unknown>): number =>
    rule.estimate({ args, childComplexity: 1 } as unknown as ComplexityEstimatorArgs) as number;

  it('prices a period of 78 years as from/to of 78 years, on every field priced per year', () => {
    const period = { period: { from: '1948', to: '2025' } };
    expect(cost(COSTS.stats, period)).toBe(cost(COSTS.stats, { from: 1948, to: 2025 }));
    expect(cost(COSTS.stats, period)).toBe(1000 + 100 * 78 + 1);
    expect(cost(COSTS.mspoShare, { ...period, granularity: 'YEAR' })).toBe(
      cost(COSTS.mspoShare, { from: '1948', to: '2025', granularity: 'YEAR' }),
    );
    expect(cost(COSTS.mspoShare, { ...period, granularity: 'MONTH' })).toBe(
      cost(COSTS.mspoShare, { from: '1948', to: '2025', granularity: 'MONTH' }),
    );
    expect(cost(COSTS.pairTypes, { ...period, first: 10 })).toBe(
      cost(COSTS.pairTypes, { from: '1948', to: '2025', first: 10 }),
    );
    expect(cost(COSTS.cooperationNetwork, period)).toBe(cost(COSTS.cooperationNetwork, { from: '1948', to: '2025' }));
    expect(cost(COSTS.cooperationNetwork, period)).toBe(500 + 20 * 78 + 1);
    expect(cost(COSTS.conflictComplexity, period)).toBe(
      cost(COSTS.conflictComplexity, { fromYear: 1948, toYear: 2025 }),
    );
  });

  it('prices an open start of stats from its default first year, as before', () => {
    const thisYear = new Date().getUTCFullYear();
    expect(cost(COSTS.stats, {})).toBe(1000 + 100 * (thisYear - 1990 + 1) + 1);
    expect(cost(COSTS.stats, { period: { to: '2000' } })).toBe(cost(COSTS.stats, { to: 2000 }));
  });
});
