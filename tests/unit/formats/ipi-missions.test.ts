import { ipiMissionsReader as reader } from '../../../server/src/import/formats/ipi-missions';
import { fixtureCrosswalk, fixtureRows, itMapsTheWholeFile, mapRow, modelViolations, withCells } from './helpers';

const cw = fixtureCrosswalk();
const rows = fixtureRows('ipi-missions.csv');
const byMission = (m: string) => rows.find((r) => r.Mission === m);
const map = (r: Record<string, string> | undefined) => mapRow(reader, withCells(r, {}), cw);

describe('ipi-missions reader', () => {
  it('maps a row to the host, the mission with its HQ, the month of personnel and hosting', () => {
    expect(map(byMission('ONUCA'))).toEqual({
      errors: [],
      ops: [
        { kind: 'node', label: 'State', id: 'HND', props: {}, onCreate: { name: 'Honduras' } },
        {
          kind: 'node',
          label: 'Mission',
          id: 'ONUCA',
          props: {},
          onCreate: { name: 'ONUCA', hq: 'Tegucigalpa', hqLatitude: 14.1, hqLongitude: -87.2167 },
        },
        {
          kind: 'rel',
          type: 'PERSONNEL_IN',
          from: 'ONUCA',
          to: 'HND',
          key: { source: 'ipi-missions', month: '1990-11' },
          props: { troops: 423, police: null, observers: null, total: 423, contributors: 11 },
        },
        { kind: 'rel', type: 'HOSTED_BY', from: 'ONUCA', to: 'HND', key: { source: 'ipi-missions' }, props: {} },
      ],
    });
  });

  it('gives ops that fit the model for every fixture row it resolves', () => {
    for (const r of rows) expect(modelViolations(map(r).ops, 'ipi-missions')).toEqual([]);
  });

  it('reads the swapped coordinate columns the right way round', () => {
    expect(map(byMission('UNAMET')).ops[1]).toMatchObject({
      onCreate: { hq: 'Dili', hqLatitude: -8.5667, hqLongitude: 125.567 },
    });
    expect(map(byMission('UNMISS')).ops[1]).toMatchObject({
      onCreate: { hq: 'Juba', hqLatitude: 4.85, hqLongitude: 31.6 },
    });
  });

  it('swaps back a row whose columns happen to be in the right order when the latitude proves it', () => {
    const row = withCells(byMission('UNAMET'), { 'Mission HQ Longitude': '125.567', 'Mission HQ Latitude': '-8.5667' });
    expect(mapRow(reader, row, cw).ops[1]).toMatchObject({ onCreate: { hqLatitude: -8.5667, hqLongitude: 125.567 } });
  });

  it('strips the stray apostrophe of a host name and keeps empty HQ and NA coordinates null', () => {
    expect(map(byMission('UNMISS')).ops[0]).toEqual({
      kind: 'node',
      label: 'State',
      id: 'SSD',
      props: {},
      onCreate: { name: 'South Sudan' },
    });
    expect(map(byMission('UNMC')).ops[1]).toMatchObject({
      onCreate: { hq: null, hqLatitude: null, hqLongitude: null },
    });
    expect(map(byMission('UNMC')).ops[2]).toMatchObject({
      props: { troops: null, police: null, observers: 80, total: 80, contributors: 8 },
    });
  });

  it('rejects a mission the crosswalk does not know, naming the host', () => {
    expect(map(byMission('UNAVEM'))).toEqual({
      ops: [],
      errors: [
        {
          field: 'Mission',
          reason: "unknown mission 'UNAVEM' in host AGO (add it to cypher/data/curated/mission_aliases.csv)",
        },
      ],
    });
  });

  it('rejects an unknown ISO-3 code, a wrong number and a bad date', () => {
    const base = byMission('ONUCA');
    expect(mapRow(reader, withCells(base, { 'Country of Mission ISO-3': 'HON' }), cw).errors).toEqual([
      {
        field: 'Country of Mission ISO-3',
        reason: "unknown state ISO-3 code 'HON' (add it to cypher/data/curated/states.csv)",
      },
    ]);
    expect(mapRow(reader, withCells(base, { Troops: 'many' }), cw).errors).toEqual([
      { field: 'Troops', reason: "'many' is not a whole number" },
    ]);
    expect(mapRow(reader, withCells(base, { Date: '30/11/1990' }), cw).errors).toEqual([
      { field: 'Date', reason: "'30/11/1990' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or M/D/YYYY)" },
    ]);
  });

  itMapsTheWholeFile(reader, 'ipi-peacekeeping/ipi_data_mission_1990-11_to_2017-03.csv', 5330);
});
