import { ipiContributionsReader as reader } from '../../../server/src/import/formats/ipi-contributions';
import { fixtureCrosswalk, fixtureRows, itMapsTheWholeFile, mapRow, modelViolations, withCells } from './helpers';

const cw = fixtureCrosswalk();
const rows = fixtureRows('ipi-contributions.csv');
const byIndex = (i: string) => rows.find((r) => r[''] === i);

describe('ipi-contributions reader', () => {
  it('maps a row to the contributing state, the mission and a one-month contribution with its breakdown', () => {
    expect(mapRow(reader, withCells(byIndex('2'), {}), cw)).toEqual({
      errors: [],
      ops: [
        { kind: 'node', label: 'State', id: 'ALB', props: {}, onCreate: { name: 'Albania' } },
        { kind: 'node', label: 'Mission', id: 'UNMIL', props: {}, onCreate: { name: 'UNMIL' } },
        {
          kind: 'rel',
          type: 'CONTRIBUTED_TO',
          from: 'ALB',
          to: 'UNMIL',
          key: { source: 'ipi-contributions', from: '2011-06', site: '' },
          props: {
            to: '2011-06',
            granularity: 'month',
            police: 13,
            formedPolice: 0,
            experts: 0,
            troops: 0,
            total: 13,
            female: 1,
            male: 12,
          },
        },
      ],
    });
  });

  it('gives ops that fit the model for every fixture row', () => {
    for (const r of rows) expect(modelViolations(mapRow(reader, r, cw).ops, 'ipi-contributions')).toEqual([]);
  });

  it('reads troops-only and mixed rows', () => {
    expect(mapRow(reader, withCells(byIndex('1062'), {}), cw).ops[2]).toMatchObject({
      from: 'BGD',
      to: 'UNMISS',
      key: { from: '2012-07' },
      props: { police: 9, troops: 275, total: 284, female: 0, male: 284 },
    });
  });

  it('accepts months it has never seen, as in the later part of the same IPI file', () => {
    const out = mapRow(reader, withCells(byIndex('2'), { Date: '2014-02-28' }), cw);
    expect(out.ops[2]).toMatchObject({ key: { from: '2014-02' }, props: { to: '2014-02' } });
  });

  it('keeps a row whose totals are all 0, and reads NA as a missing figure', () => {
    const zeros = Object.fromEntries(
      Object.keys(byIndex('2') ?? {})
        .filter((k) => /Male|Female|Total/.test(k))
        .map((k) => [k, '0']),
    );
    expect(mapRow(reader, withCells(byIndex('2'), zeros), cw).ops[2]).toMatchObject({
      props: { total: 0, troops: 0, police: 0 },
    });
    expect(mapRow(reader, withCells(byIndex('2'), { 'Troops Total': 'NA' }), cw).ops[2]).toMatchObject({
      props: { troops: null },
    });
  });

  it('rejects an unknown ISO-3 code, an unknown mission, a fractional count and an impossible date', () => {
    const base = byIndex('2');
    expect(mapRow(reader, withCells(base, { 'Contributor ISO-3': 'XAL' }), cw)).toEqual({
      ops: [],
      errors: [
        {
          field: 'Contributor ISO-3',
          reason: "unknown state ISO-3 code 'XAL' (add it to cypher/data/curated/states.csv)",
        },
      ],
    });
    expect(mapRow(reader, withCells(base, { Mission: 'UNMILL' }), cw).errors).toEqual([
      { field: 'Mission', reason: "unknown mission 'UNMILL' (add it to cypher/data/curated/mission_aliases.csv)" },
    ]);
    expect(mapRow(reader, withCells(base, { 'Troops Total': '1.5' }), cw).errors).toEqual([
      { field: 'Troops Total', reason: "'1.5' is not a whole number" },
    ]);
    expect(mapRow(reader, withCells(base, { Date: '2011-06-31' }), cw).errors).toEqual([
      { field: 'Date', reason: "'2011-06-31' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or M/D/YYYY)" },
    ]);
    expect(mapRow(reader, withCells(base, { Date: '2011' }), cw).errors).toEqual([
      { field: 'Date', reason: "'2011' has no month" },
    ]);
  });

  itMapsTheWholeFile(reader, 'ipi-peacekeeping/ipi_gender_full_2009-11_to_2012-12.csv', 21529);
});
