import { unPkoListReader as reader } from '../../../server/src/import/formats/un-pko-list';
import { fixtureCrosswalk, fixtureRows, itMapsTheWholeFile, mapRow, modelViolations, withCells } from './helpers';

const cw = fixtureCrosswalk();
const rows = fixtureRows('un-pko-list.csv');
const byAcronym = (a: string) => rows.find((r) => r.mission_acronym === a);
const map = (row: Record<string, string> | undefined) => mapRow(reader, withCells(row, {}), cw);
const missionOf = (row: Record<string, string> | undefined) => map(row).ops[0];

describe('un-pko-list reader', () => {
  it('maps a row to the mission with its dates and HQ as this source states them, the UN, and UN deploying it as lead', () => {
    expect(map(byAcronym('UNPROFOR'))).toEqual({
      errors: [],
      ops: [
        {
          kind: 'node',
          label: 'Mission',
          id: 'UNPROFOR',
          props: {
            'start@un-pko-list': '1992-02-01',
            'end@un-pko-list': '1995-03-01',
            'active@un-pko-list': false,
            hq: 'Zagreb',
            hqLatitude: 45.8167,
            hqLongitude: 15.9833,
          },
          onCreate: {
            acronym: 'UNPROFOR',
            name: 'United Nations Protection Force',
            start: '1992-02-01',
            end: '1995-03-01',
          },
        },
        { kind: 'node', label: 'Organization', id: 'UN', props: {}, onCreate: { name: 'United Nations' } },
        {
          kind: 'rel',
          type: 'DEPLOYED',
          from: 'UN',
          to: 'UNPROFOR',
          key: { source: 'un-pko-list' },
          props: { lead: true },
        },
      ],
    });
  });

  it('gives ops that fit the model for every fixture row', () => {
    for (const row of rows) expect(modelViolations(map(row).ops, 'un-pko-list')).toEqual([]);
  });

  it('reads the active flag written Yes, No or NO and keeps a missing end date null, never a made-up date', () => {
    expect(missionOf(byAcronym('UNMOGIP'))).toMatchObject({
      props: { 'active@un-pko-list': true, 'end@un-pko-list': null, hq: 'Islamabad (Nov-Apr) and Srinagar (May-Oct)' },
    });
    expect(missionOf(byAcronym('MINUSTAH'))).toMatchObject({ props: { 'active@un-pko-list': false } });
  });

  it('keeps missing dates and coordinates null', () => {
    expect(missionOf(byAcronym('UNOHCI'))).toMatchObject({
      props: { 'start@un-pko-list': null, 'end@un-pko-list': null },
    });
    expect(missionOf(byAcronym('UNTSO'))).toMatchObject({
      props: { hq: 'Jerusalem', hqLatitude: null, hqLongitude: null },
    });
  });

  it('resolves the umbrella rows through the crosswalk like any other row', () => {
    expect(missionOf(byAcronym('UNOSOM'))).toMatchObject({
      id: 'UNOSOM',
      props: { hqLatitude: 2.0333, hqLongitude: 45.35 },
    });
  });

  it('resolves DOMREP by its acronym and drops the stray opening quote of its truncated name', () => {
    expect(missionOf(byAcronym('DOMREP'))).toMatchObject({
      id: 'DOMREP',
      onCreate: { name: 'Mission of the Representative of the Secretary-General in the' },
    });
  });

  it('falls back to the full name when the acronym is not in the crosswalk', () => {
    const row = withCells(byAcronym('UNPROFOR'), { mission_acronym: 'UNPROFOR I' });
    expect(mapRow(reader, row, cw).ops[0]).toMatchObject({ id: 'UNPROFOR', onCreate: { acronym: 'UNPROFOR I' } });
  });

  it('swaps back a coordinate pair whose latitude is impossible and whose longitude would be a valid latitude', () => {
    const row = withCells(byAcronym('UNPROFOR'), { mission_longitude: '-8,5667', mission_latitude: '125,5670' });
    expect(mapRow(reader, row, cw).ops[0]).toMatchObject({ props: { hqLatitude: -8.5667, hqLongitude: 125.567 } });
  });

  it('rejects coordinates that no swap can explain, and a latitude without a longitude', () => {
    const out = mapRow(
      reader,
      withCells(byAcronym('UNPROFOR'), { mission_longitude: '120,0', mission_latitude: '95,0' }),
      cw,
    );
    expect(out).toEqual({
      ops: [],
      errors: [
        { field: 'mission_latitude', reason: '95 is not a latitude (outside -90..90), nor is mission_longitude 120' },
      ],
    });
    const half = mapRow(reader, withCells(byAcronym('UNPROFOR'), { mission_longitude: '' }), cw);
    expect(half.errors).toEqual([{ field: 'mission_longitude', reason: 'is empty while mission_latitude is 45.8167' }]);
  });

  it('rejects a coordinate that is not a number', () => {
    const out = mapRow(reader, withCells(byAcronym('UNPROFOR'), { mission_latitude: '45°49' }), cw);
    expect(out.errors).toEqual([{ field: 'mission_latitude', reason: "'45°49' is not a number" }]);
    expect(out.ops).toEqual([]);
  });

  it('rejects an unknown mission, naming the table to extend', () => {
    const out = mapRow(
      reader,
      withCells(byAcronym('UNPROFOR'), { mission_acronym: 'UNXYZ', mission_name: 'United Nations Nothing' }),
      cw,
    );
    expect(out).toEqual({
      ops: [],
      errors: [
        {
          field: 'mission_acronym',
          reason: "unknown mission 'UNXYZ' (add it to cypher/data/curated/mission_aliases.csv)",
        },
      ],
    });
  });

  it('rejects an impossible date, an end before the start and an active flag that is not yes or no', () => {
    expect(mapRow(reader, withCells(byAcronym('UNPROFOR'), { start_date: '1992-13-01' }), cw).errors).toEqual([
      { field: 'start_date', reason: "'1992-13-01' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or M/D/YYYY)" },
    ]);
    expect(mapRow(reader, withCells(byAcronym('UNPROFOR'), { end_date: '1991-01-01' }), cw).errors).toEqual([
      { field: 'end_date', reason: '1991-01-01 is before the start 1992-02-01' },
    ]);
    expect(mapRow(reader, withCells(byAcronym('UNPROFOR'), { mission_isactive: 'Maybe' }), cw).errors).toEqual([
      { field: 'mission_isactive', reason: "'Maybe' is not true or false" },
    ]);
  });

  itMapsTheWholeFile(reader, 'un-supplementary/un_psdata_DPPADPOSS-PKO.csv', 81);
});
