import { mspoShareByYear, personnelSeries } from '../../../client/src/graph/stats';
import type { Stats } from '../../../client/src/graph/stats';
import { sampleGraph } from './fixtures';

describe('chart series', () => {
  it('computes the yearly share of active missions in an MSPO', () => {
    const g = sampleGraph();
    const years = mspoShareByYear(g.nodes, g.edges, 1995, 2005);
    expect(years.map((y) => y.year)).toEqual([1995, 1996, 1997, 1998, 1999, 2000, 2001, 2002, 2003, 2004, 2005]);
    expect(years.find((y) => y.year === 1995)).toEqual({ year: 1995, missionsActive: 0, mspoShare: null });
    // 2000: SFOR alone in Bosnia.
    expect(years.find((y) => y.year === 2000)).toEqual({ year: 2000, missionsActive: 1, mspoShare: 0 });
    // 2004: SFOR, EUPM and EUFOR Althea in Bosnia (all in an MSPO); AMIS alone in Darfur.
    expect(years.find((y) => y.year === 2004)).toEqual({ year: 2004, missionsActive: 4, mspoShare: 0.75 });
  });

  it('picks the organizations with the most personnel and aligns their years', () => {
    const stats: Stats = {
      years: [],
      organizations: [
        { organization: { id: 'UN', name: 'United Nations' }, years: [{ year: 2000, missionsActive: 10, personnel: 30000 }, { year: 2002, missionsActive: 11, personnel: 40000 }] },
        { organization: { id: 'EU', name: 'European Union' }, years: [{ year: 2001, missionsActive: 1, personnel: 500 }] },
        { organization: { id: 'OSCE', name: 'OSCE' }, years: [{ year: 2001, missionsActive: 5, personnel: 0 }] },
      ],
    };
    const s = personnelSeries(stats, 5);
    expect(s.years).toEqual([2000, 2001, 2002]);
    expect(s.lines.map((l) => l.id)).toEqual(['UN', 'EU']);
    expect(s.lines[0].values).toEqual([30000, null, 40000]);
    expect(personnelSeries(stats, 1).lines).toHaveLength(1);
  });
});
