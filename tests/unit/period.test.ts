import 'reflect-metadata';
import { isCalendarDate } from '../../server/src/modules/common/period';

describe('calendar dates of any precision', () => {
  it('accepts a year, a month and a real day, and refuses a day the calendar lacks', () => {
    expect(['2013', '2013-02', '2013-02-28', '2012-02-29'].map(isCalendarDate)).toEqual([true, true, true, true]);
    expect(
      ['2013-02-31', '2013-02-29', '2013-04-31', '2013-13', '13-02-01', '2013-2-1', ''].map(isCalendarDate),
    ).toEqual([false, false, false, false, false, false, false]);
  });
});
