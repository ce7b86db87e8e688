import { coverageNote, personnelSeries } from '../../../client/src/graph/stats';
import type { Stats } from '../../../client/src/graph/stats';

describe('chart series', () => {
  it('says which years have a personnel figure, its coverage and its sources, and names the gaps', () => {
    const year = (y: number, personnel: number | null, withFigure: number, sources: string[]) => ({
      year: y,
      missionsActive: 4,
      personnel,
      mspoShare: 0.5,
      missionsWithPersonnel: withFigure,
      personnelSources: sources,
    });
    const stats: Stats = {
      universe: { description: 'Peace operations deployed by international organizations' },
      mspoDefinition: 'rule',
      years: [
        year(2020, 1000, 2, ['un-country-by-year']),
        year(2021, 900, 1, ['un-country-by-year']),
        year(2022, null, 0, []),
        year(2023, null, 0, []),
      ],
      organizations: [],
    };
    expect(coverageNote(stats)).toBe(
      'Personnel: mean monthly strength of the missions with a figure, summed; 3 of 16 mission-years (19%) have one. Sources: un-country-by-year. No figure (gap, not zero): 2022-2023.',
    );
    expect(coverageNote({ ...stats, years: [year(2022, null, 0, [])] })).toBe(
      'Personnel: no source gives a figure for these years.',
    );
  });

  it('picks the organizations with the most personnel and aligns their years', () => {
    const stats: Stats = {
      universe: { description: '' },
      mspoDefinition: '',
      years: [],
      organizations: [
        {
          organization: { id: 'UN', name: 'United Nations' },
          years: [
            { year: 2000, missionsActive: 10, personnel: 30000 },
            { year: 2002, missionsActive: 11, personnel: 40000 },
          ],
        },
        {
          organization: { id: 'EU', name: 'European Union' },
          years: [{ year: 2001, missionsActive: 1, personnel: 500 }],
        },
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
