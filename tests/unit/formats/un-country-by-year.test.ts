import { unCountryByYearReader as reader, ZERO_CELL } from '../../../server/src/import/formats/un-country-by-year';
import { fixtureCrosswalk, fixtureRows, itMapsTheWholeFile, mapRow, modelViolations, withCells } from './helpers';

const cw = fixtureCrosswalk();
const rows = fixtureRows('un-country-by-year.csv');
const byIndex = (i: string) => rows.find((r) => r[''] === i);
const map = (r: Record<string, string> | undefined) => mapRow(reader, withCells(r, {}), cw);

describe('un-country-by-year reader', () => {
  it('maps a row to the state, the mission and a yearly average contribution', () => {
    expect(map(byIndex('2745'))).toEqual({
      errors: [],
      ops: [
        { kind: 'node', label: 'State', id: 'NPL', props: {}, onCreate: { name: 'Nepal' } },
        { kind: 'node', label: 'Mission', id: 'UNIFIL', props: {}, onCreate: { name: 'UNIFIL' } },
        {
          kind: 'rel',
          type: 'CONTRIBUTED_TO',
          from: 'NPL',
          to: 'UNIFIL',
          key: { source: 'un-country-by-year', from: '2021-01', site: '' },
          props: { to: '2021-12', granularity: 'year', average: true, total: 73, female: 2, male: 70 },
        },
      ],
    });
  });

  it('gives ops that fit the model for every fixture row', () => {
    for (const r of rows) expect(modelViolations(map(r).ops, 'un-country-by-year')).toEqual([]);
  });

  it('skips the zero cells of the full grid, before resolving any name', () => {
    expect(map(byIndex('1'))).toEqual({ ops: [], errors: [], skipped: ZERO_CELL });
    expect(map(withCells(byIndex('1'), { Country: 'Atlantis' }))).toEqual({ ops: [], errors: [], skipped: ZERO_CELL });
  });

  it('imports a rounded row whose female and male do not add up to the total as written', () => {
    expect(map(byIndex('974')).ops[2]).toMatchObject({
      from: 'CIV',
      to: 'MONUSCO',
      props: { total: 2, female: 1, male: 2 },
    });
  });

  it('resolves the UN names of states, typographic apostrophes and all', () => {
    expect(map(byIndex('974')).ops[0]).toMatchObject({ id: 'CIV', onCreate: { name: 'Côte d’Ivoire' } });
    expect(map(byIndex('4145')).ops[0]).toMatchObject({ id: 'GBR' });
  });

  it('rejects an unknown country name, an unknown mission, a wrong number and a bad year', () => {
    const base = byIndex('2745');
    expect(mapRow(reader, withCells(base, { Country: 'Atlantis' }), cw)).toEqual({
      ops: [],
      errors: [{ field: 'Country', reason: "unknown state 'Atlantis' (add it to cypher/data/curated/states.csv)" }],
    });
    expect(mapRow(reader, withCells(base, { Mission: 'UNIFILL' }), cw).errors).toEqual([
      { field: 'Mission', reason: "unknown mission 'UNIFILL' (add it to cypher/data/curated/mission_aliases.csv)" },
    ]);
    expect(mapRow(reader, withCells(base, { Total: '7 3' }), cw).errors).toEqual([
      { field: 'Total', reason: "'7 3' is not a whole number" },
    ]);
    expect(mapRow(reader, withCells(base, { Year: '21' }), cw).errors).toEqual([
      { field: 'Year', reason: '21 is below 1800' },
    ]);
  });

  itMapsTheWholeFile(reader, 'un-supplementary/un_country_mission_year_2010-2021_CountryByYear.csv', 57425);
});
