import { ipiSnapshotReader as reader } from '../../../server/src/import/formats/ipi-snapshot';
import { fixtureCrosswalk, fixtureRows, itMapsTheWholeFile, mapRow, modelViolations, withCells } from './helpers';

const cw = fixtureCrosswalk();
const rows = fixtureRows('ipi-snapshot.csv');
const find = (iso: string, mission: string) =>
  rows.find((r) => r['Contributor_ISO-3'] === iso && r.Mission === mission);
const map = (r: Record<string, string> | undefined) => mapRow(reader, withCells(r, {}), cw);

describe('ipi-snapshot reader', () => {
  it('maps a row to the contributing state, the mission and the month of contribution, reading the misspelt police column', () => {
    expect(map(find('ALB', 'UNMISS'))).toEqual({
      errors: [],
      ops: [
        { kind: 'node', label: 'State', id: 'ALB', props: {}, onCreate: { name: 'Albania' } },
        { kind: 'node', label: 'Mission', id: 'UNMISS', props: {}, onCreate: { name: 'UNMISS' } },
        {
          kind: 'rel',
          type: 'CONTRIBUTED_TO',
          from: 'ALB',
          to: 'UNMISS',
          key: { source: 'ipi-snapshot', from: '2014-03', site: '' },
          props: {
            to: '2014-03',
            granularity: 'month',
            experts: null,
            formedPolice: null,
            police: 1,
            civilianPolice: 1,
            troops: null,
            observers: null,
            total: 1,
          },
        },
      ],
    });
  });

  it('gives ops that fit the model for every fixture row', () => {
    for (const r of rows) expect(modelViolations(map(r).ops, 'ipi-snapshot')).toEqual([]);
  });

  it('reads experts, observers and troops as given, NA as missing (the file ends its lines with CRLF)', () => {
    expect(map(find('BEN', 'UNISFA')).ops[2]).toMatchObject({
      props: { experts: 3, observers: 3, troops: 1, police: null, total: 4 },
    });
  });

  it('strips a stray trailing apostrophe from names', () => {
    const out = map(withCells(find('ALB', 'UNMISS'), { Contributor: "Albania'", Mission: "UNMISS'" }));
    expect(out.ops.slice(0, 2).map((o) => o.kind === 'node' && [o.id, o.onCreate])).toEqual([
      ['ALB', { name: 'Albania' }],
      ['UNMISS', { name: 'UNMISS' }],
    ]);
  });

  it('uses the host to pick a per-host alias of the mission name', () => {
    const row = withCells(find('ALB', 'UNMISS'), {
      Mission: 'UNPROFOR',
      Mission_Country: 'Croatia',
      'Mission_Country_ISO-3': 'HRV',
    });
    expect(mapRow(reader, row, cw).ops[1]).toMatchObject({ id: 'UNPROFOR-HRV' });
  });

  it('rejects an unknown state code, an unknown mission, a wrong number and a bad date', () => {
    const base = find('ALB', 'UNMISS');
    expect(mapRow(reader, withCells(base, { 'Contributor_ISO-3': 'ALX' }), cw).errors).toEqual([
      {
        field: 'Contributor_ISO-3',
        reason: "unknown state ISO-3 code 'ALX' (add it to cypher/data/curated/states.csv)",
      },
    ]);
    expect(mapRow(reader, withCells(base, { Mission: 'UNMISSS' }), cw).errors).toEqual([
      {
        field: 'Mission',
        reason: "unknown mission 'UNMISSS' in host SSD (add it to cypher/data/curated/mission_aliases.csv)",
      },
    ]);
    expect(mapRow(reader, withCells(base, { Troops: '-1' }), cw).errors).toEqual([
      { field: 'Troops', reason: '-1 is below 0' },
    ]);
    expect(mapRow(reader, withCells(base, { Date: '2014-02-30' }), cw).errors).toEqual([
      { field: 'Date', reason: "'2014-02-30' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or M/D/YYYY)" },
    ]);
  });

  itMapsTheWholeFile(reader, 'ipi-peacekeeping/ipi_contributions_2014-03_snapshot.csv', 573);
});
