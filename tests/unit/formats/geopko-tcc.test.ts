import { geopkoTccReader as reader, parseOverview } from '../../../server/src/import/formats/geopko-tcc';
import { fixtureCrosswalk, fixtureRows, itMapsTheWholeFile, mapRow, modelViolations, withCells } from './helpers';

const cw = fixtureCrosswalk();
const rows = fixtureRows('geopko-tcc.csv');
const find = (mission: string, location: string) => rows.find((r) => r.mission === mission && r.location === location);
const map = (r: Record<string, string> | undefined) => mapRow(reader, withCells(r, {}), cw);

describe('parseOverview', () => {
  it('reads names with their estimated sizes or size unknown', () => {
    expect(
      parseOverview('Bangladesh (150), Cambodia (35), Drc (size unknown), TCC name unknown (size unknown)'),
    ).toEqual([
      { name: 'Bangladesh', size: 150 },
      { name: 'Cambodia', size: 35 },
      { name: 'Drc', size: null },
      { name: 'TCC name unknown', size: null },
    ]);
  });

  it('keeps parentheses and commas that belong to a name', () => {
    expect(parseOverview('Korea (ROK) (150), Korea, Republic of (35)')).toEqual([
      { name: 'Korea (ROK)', size: 150 },
      { name: 'Korea, Republic of', size: 35 },
    ]);
  });

  it('says what it cannot read', () => {
    expect(parseOverview('Bangladesh (about 150)')).toBe(
      "cannot read 'Bangladesh (about 150)' (expected 'Name (number)' or 'Name (size unknown)')",
    );
    expect(parseOverview('Chad (35), (150)')).toBe("an entry has no name: '(150)'");
  });
});

describe('geopko-tcc reader', () => {
  it('maps a row to the mission, each contributing state and a yearly estimated contribution at the site', () => {
    expect(map(find('MINUSTAH', 'Leogâne'))).toEqual({
      errors: [],
      ops: [
        { kind: 'node', label: 'Mission', id: 'MINUSTAH', props: {}, onCreate: { name: 'MINUSTAH' } },
        { kind: 'node', label: 'State', id: 'KOR', props: {}, onCreate: { name: 'Korea (ROK)' } },
        { kind: 'node', label: 'State', id: 'LKA', props: {}, onCreate: { name: 'Sri Lanka' } },
        {
          kind: 'rel',
          type: 'CONTRIBUTED_TO',
          from: 'KOR',
          to: 'MINUSTAH',
          key: { source: 'geopko-tcc', from: '2010-01', site: 'Leogâne' },
          props: {
            to: '2010-12',
            granularity: 'year',
            estimated: true,
            troopsEstimate: 150,
            latitude: 18.512036,
            longitude: -72.624434,
          },
        },
        {
          kind: 'rel',
          type: 'CONTRIBUTED_TO',
          from: 'LKA',
          to: 'MINUSTAH',
          key: { source: 'geopko-tcc', from: '2010-01', site: 'Leogâne' },
          props: {
            to: '2010-12',
            granularity: 'year',
            estimated: true,
            troopsEstimate: 950,
            latitude: 18.512036,
            longitude: -72.624434,
          },
        },
      ],
    });
  });

  it('gives ops that fit the model for every fixture row', () => {
    for (const r of rows) expect(modelViolations(map(r).ops, 'geopko-tcc')).toEqual([]);
  });

  it('keeps an unknown size as null and reads the title-case spellings through the crosswalk', () => {
    expect(map(find('MINUJUSTH', 'Cap-Haïtien')).ops[2]).toMatchObject({
      from: 'NPL',
      props: { troopsEstimate: null },
    });
    expect(map(find('MINUSCA', 'Bambari')).ops[2]).toMatchObject({ from: 'COD', props: { troopsEstimate: 650 } });
  });

  it('leaves out the non-state entries and counts nothing for them', () => {
    const out = map(find('MINUSMA', 'Bamako'));
    const rels = out.ops.filter((o) => o.kind === 'rel');
    expect(rels.map((r) => r.from)).toEqual(['BGD', 'BEN', 'DEU', 'GHA', 'NGA', 'PRT', 'SEN']);
  });

  it('skips a row that names only non-state contributors', () => {
    expect(map(find('MINURSO', 'Laayoune'))).toEqual({
      ops: [],
      errors: [],
      skipped: 'names no contributing state (only entries of non_state_contributors.csv)',
    });
  });

  it('rejects a row naming an unknown state, the same state twice, or an unreadable list', () => {
    const base = find('MINUSTAH', 'Leogâne');
    expect(mapRow(reader, withCells(base, { 'year.overview': 'Korea (ROK) (150), Ruritania (35)' }), cw)).toEqual({
      ops: [],
      errors: [
        { field: 'year.overview', reason: "unknown state 'Ruritania' (add it to cypher/data/curated/states.csv)" },
      ],
    });
    expect(
      mapRow(reader, withCells(base, { 'year.overview': 'Korea (ROK) (150), South Korea (35)' }), cw).errors,
    ).toEqual([{ field: 'year.overview', reason: "names KOR twice ('Korea (ROK)' and 'South Korea')" }]);
    expect(mapRow(reader, withCells(base, { 'year.overview': 'Korea (ROK) 150' }), cw).errors).toEqual([
      {
        field: 'year.overview',
        reason: "cannot read 'Korea (ROK) 150' (expected 'Name (number)' or 'Name (size unknown)')",
      },
    ]);
  });

  it('rejects an unknown mission, a year that is not a number and an impossible latitude', () => {
    const base = find('MINUSTAH', 'Leogâne');
    expect(mapRow(reader, withCells(base, { mission: 'MINUSTAHH' }), cw).errors).toEqual([
      { field: 'mission', reason: "unknown mission 'MINUSTAHH' (add it to cypher/data/curated/mission_aliases.csv)" },
    ]);
    expect(mapRow(reader, withCells(base, { year: '2010s' }), cw).errors).toEqual([
      { field: 'year', reason: "'2010s' is not a whole number" },
    ]);
    expect(mapRow(reader, withCells(base, { latitude: '118.5', longitude: '-172.6' }), cw).errors).toEqual([
      { field: 'latitude', reason: '118.5 is not a latitude (outside -90..90), nor is longitude -172.6' },
    ]);
  });

  itMapsTheWholeFile(reader, 'un-supplementary/geopko_TCCMap_v2.3.csv', 4927);
});
