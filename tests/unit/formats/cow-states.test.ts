import { cowStatesReader as reader } from '../../../server/src/import/formats/cow-states';
import { fixtureCrosswalk, fixtureRows, itMapsTheWholeFile, mapRow, modelViolations, withCells } from './helpers';

const cw = fixtureCrosswalk();
const rows = fixtureRows('cow-states.csv');
const find = (ccode: string, styear: string) => rows.find((r) => r.ccode === ccode && r.styear === styear);
const map = (r: Record<string, string> | undefined) => mapRow(reader, withCells(r, {}), cw);

describe('cow-states reader', () => {
  it('maps a row to the state with its COW codes and its spell, open when it runs to the end of the list', () => {
    expect(map(find('2', '1816'))).toEqual({
      errors: [],
      ops: [
        {
          kind: 'node',
          label: 'State',
          id: 'USA',
          props: { cowCode: 2, cowAbb: 'USA', 'cowSpell:1816': '1816-01-01/..' },
          onCreate: { name: 'United States of America' },
        },
      ],
    });
  });

  it('gives ops that fit the model for every fixture row', () => {
    for (const r of rows) expect(modelViolations(map(r).ops, 'cow-states')).toEqual([]);
  });

  it('keeps each spell of a state that lost and regained independence under its own start year', () => {
    expect(map(find('255', '1816')).ops[0]).toMatchObject({
      id: 'DEU',
      props: { 'cowSpell:1816': '1816-01-01/1945-05-08' },
    });
    expect(map(find('255', '1990')).ops[0]).toMatchObject({ id: 'DEU', props: { 'cowSpell:1990': '1990-10-03/..' } });
  });

  it('keeps the real end of a state that ended', () => {
    expect(map(find('315', '1945')).ops[0]).toMatchObject({
      id: 'CSK',
      props: { cowAbb: 'CZE', 'cowSpell:1945': '1945-05-10/1992-12-31' },
    });
    expect(map(find('260', '1955')).ops[0]).toMatchObject({
      id: 'GFR',
      props: { 'cowSpell:1955': '1955-05-05/1990-10-02' },
    });
  });

  it('rejects an unknown COW code, an impossible day, a month out of range and an end before the start', () => {
    const base = find('2', '1816');
    expect(mapRow(reader, withCells(base, { ccode: '3' }), cw)).toEqual({
      ops: [],
      errors: [{ field: 'ccode', reason: "unknown state COW code '3' (add it to cypher/data/curated/states.csv)" }],
    });
    expect(mapRow(reader, withCells(base, { stmonth: '2', stday: '30' }), cw).errors).toEqual([
      { field: 'stday', reason: '1816-02-30 is not a date' },
    ]);
    expect(mapRow(reader, withCells(base, { endmonth: '13' }), cw).errors).toEqual([
      { field: 'endmonth', reason: '13 is above 12' },
    ]);
    expect(mapRow(reader, withCells(base, { endyear: '1815' }), cw).errors).toEqual([
      { field: 'endyear', reason: '1815-12-31 is before the start 1816-01-01' },
    ]);
  });

  itMapsTheWholeFile(reader, 'cow-igo-v3/cow_states2016.csv', 243);
});
