import { baraHultmanReader as reader } from '../../../server/src/import/formats/bara-hultman';
import { fixtureCrosswalk, fixtureRows, itMapsTheWholeFile, mapRow, modelViolations, withCells } from './helpers';

const cw = fixtureCrosswalk();
const rows = fixtureRows('bara-hultman.csv');
const row = (ccode: string, mission: string, date: string) => {
  const r = rows.find((x) => x.ccode === ccode && x.mission === mission && x.date === date);
  if (!r) throw new Error(`no fixture row ${ccode} ${mission} ${date}`);
  return r;
};

describe('bara-hultman reader', () => {
  it('maps a row to the host, the mission, the UCDP conflict, the month of personnel, hosting and the conflict link', () => {
    expect(mapRow(reader, row('346', 'UNPROFOR', '1993m1'), cw)).toEqual({
      errors: [],
      ops: [
        { kind: 'node', label: 'State', id: 'BIH', props: {}, onCreate: { name: 'Bosnia-Herzegovina' } },
        {
          kind: 'node',
          label: 'Mission',
          id: 'UNPROFOR-BIH',
          props: { 'orgType@bara-hultman': 'UN', 'missionid@bara-hultman': '3460110' },
          onCreate: { name: 'UNPROFOR' },
        },
        { kind: 'node', label: 'Conflict', id: 'ucdp-389', props: {}, onCreate: {} },
        {
          kind: 'rel',
          type: 'PERSONNEL_IN',
          from: 'UNPROFOR-BIH',
          to: 'BIH',
          key: { source: 'bara-hultman', month: '1993-01' },
          props: {
            troops: 5369,
            police: 45,
            observers: 293,
            total: 5707,
            sipriTotal: null,
            ipiTotal: 7235,
            activity: 1,
            onlyPolice: false,
          },
        },
        { kind: 'rel', type: 'HOSTED_BY', from: 'UNPROFOR-BIH', to: 'BIH', key: { source: 'bara-hultman' }, props: {} },
        {
          kind: 'rel',
          type: 'IN_CONFLICT',
          from: 'UNPROFOR-BIH',
          to: 'ucdp-389',
          key: { source: 'bara-hultman' },
          props: {},
        },
      ],
    });
  });

  it('gives ops that fit the model for every fixture row', () => {
    for (const r of rows) expect(modelViolations(mapRow(reader, r, cw).ops, 'bara-hultman')).toEqual([]);
  });

  it('resolves one operation split per host country to the mission of that host', () => {
    expect(mapRow(reader, row('344', 'UNPROFOR', '1993m1'), cw).ops[1]).toMatchObject({ id: 'UNPROFOR-HRV' });
  });

  it('reads two-digit Stata months and keeps missing SIPRI and IPI figures null, not 0', () => {
    const out = mapRow(reader, row('90', 'MINUGUA', '1997m11'), cw);
    expect(out.ops[3]).toMatchObject({
      key: { month: '1997-11' },
      props: { troops: 0, police: 51, observers: 20, total: 71, sipriTotal: null, ipiTotal: null, activity: 0 },
    });
  });

  it('keeps the decimals of the interpolated series', () => {
    expect(mapRow(reader, row('811', 'UNTAC', '1993m2'), cw).ops[3]).toMatchObject({
      props: {
        troops: 13028.66666666669,
        police: 3840.666666666686,
        observers: 445.5555555555557,
        total: 17314.889,
        ipiTotal: 18375,
      },
    });
  });

  it('reads a regional mission as such and trims a trailing space in the mission name', () => {
    expect(mapRow(reader, row('346', 'EUFOR Althea', '2004m12'), cw).ops[1]).toMatchObject({
      id: 'EUFOR-ALTHEA',
      props: { 'orgType@bara-hultman': 'regional' },
    });
    expect(mapRow(reader, row('346', 'UNMIBH ', '1996m1'), cw).ops[1]).toMatchObject({
      id: 'UNMIBH',
      onCreate: { name: 'UNMIBH' },
    });
  });

  it('rejects an unknown mission, naming the host the alias table needs', () => {
    const out = mapRow(reader, withCells(row('346', 'UNPROFOR', '1993m1'), { mission: 'EUFOR Concordia' }), cw);
    expect(out).toEqual({
      ops: [],
      errors: [
        {
          field: 'mission',
          reason: "unknown mission 'EUFOR Concordia' in host BIH (add it to cypher/data/curated/mission_aliases.csv)",
        },
      ],
    });
  });

  it('rejects an unknown COW code, a wrong number, a bad month and an organization type outside 1-3', () => {
    const base = row('346', 'UNPROFOR', '1993m1');
    expect(mapRow(reader, withCells(base, { ccode: '999' }), cw).errors).toEqual([
      { field: 'ccode', reason: "unknown state COW code '999' (add it to cypher/data/curated/states.csv)" },
    ]);
    expect(mapRow(reader, withCells(base, { troops_iepo: '5369a' }), cw).errors).toEqual([
      { field: 'troops_iepo', reason: "'5369a' is not a number" },
    ]);
    expect(mapRow(reader, withCells(base, { police_iepo: '-4' }), cw).errors).toEqual([
      { field: 'police_iepo', reason: '-4 is below 0' },
    ]);
    expect(mapRow(reader, withCells(base, { date: '1993m13' }), cw).errors).toEqual([
      { field: 'date', reason: "'1993m13' is not a Stata month (like 1997m1)" },
    ]);
    expect(mapRow(reader, withCells(base, { org: '4' }), cw).errors).toEqual([
      { field: 'org', reason: "'4' is not one of 1, 2, 3" },
    ]);
  });

  itMapsTheWholeFile(reader, 'sipri-bara-hultman/un_nonun_peacekeeping_v2-2019.csv', 8100);
});
