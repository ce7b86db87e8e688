import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Crosswalk } from '../../../server/src/import/crosswalk';
import { CURATED_TABLES, stateCapitalsTable as reader } from '../../../server/src/import/curated/tables';
import { fixtureCrosswalk, fixtureRows, mapRow, readRows, withCells } from './helpers';

/**
 * state_capitals.csv: the reader on fixture rows (three rows of the shipped table) and on rows broken in one
 * place, then the shipped table against the shipped states.csv.
 */

const cw = fixtureCrosswalk();
const rows = fixtureRows('state-capitals.csv');
const row = (id: string) => rows.find((r) => r.state_id === id);
const CURATED = path.join(__dirname, '../../../cypher/data/curated');

describe('state_capitals.csv reader', () => {
  it('sets the capital, its coordinates and its source on the State, and creates no state', () => {
    const res = mapRow(reader, row('FRA') ?? {}, cw);
    expect(res.errors).toEqual([]);
    expect(res.ops).toEqual([
      {
        kind: 'node',
        label: 'State',
        id: 'FRA',
        props: {
          capital: 'Paris',
          capitalLatitude: 48.868639,
          capitalLongitude: 2.331389,
          capitalRef: expect.stringContaining(
            'nvkelso/natural-earth-vector @ 693f11422f4e08d2da4566b854dda53eb7c39fb3',
          ),
        },
        onCreate: {},
      },
    ]);
  });

  it('reads every fixture row: Juba lies east of Monrovia', () => {
    const at = (id: string) => mapRow(reader, row(id) ?? {}, cw).ops[0]?.props ?? {};
    for (const r of rows) expect(mapRow(reader, r, cw).errors).toEqual([]);
    expect(Number(at('SSD').capitalLongitude)).toBeGreaterThan(Number(at('LBR').capitalLongitude));
  });

  it('rejects a state id that is not an id of states.csv, also a lower-case spelling, naming the field', () => {
    for (const unknown of ['XXA', 'fra']) {
      expect(mapRow(reader, withCells(row('FRA'), { state_id: unknown }), cw)).toEqual({
        ops: [],
        errors: [{ field: 'state_id', reason: `'${unknown}' is not a state id of states.csv` }],
      });
    }
  });

  it('rejects an empty or out-of-range coordinate and an empty capital or source, naming the field', () => {
    expect(mapRow(reader, withCells(row('FRA'), { longitude: '' }), cw).errors).toEqual([
      { field: 'longitude', reason: 'is empty' },
    ]);
    expect(mapRow(reader, withCells(row('LBR'), { latitude: '96.3' }), cw).errors).toEqual([
      { field: 'latitude', reason: '96.3 is above 90' },
    ]);
    expect(mapRow(reader, withCells(row('LBR'), { longitude: '-181' }), cw).errors).toEqual([
      { field: 'longitude', reason: '-181 is below -180' },
    ]);
    expect(mapRow(reader, withCells(row('SSD'), { capital: ' ' }), cw).errors).toEqual([
      { field: 'capital', reason: 'is empty' },
    ]);
    expect(mapRow(reader, withCells(row('SSD'), { source: '' }), cw).errors).toEqual([
      { field: 'source', reason: 'is empty' },
    ]);
  });

  it('runs right after states.csv in a full load', () => {
    const names = CURATED_TABLES.map(([name]) => name);
    expect(names.indexOf('state_capitals.csv')).toBe(names.indexOf('states.csv') + 1);
  });
});

describe('the shipped state_capitals.csv', () => {
  const capitals = readRows(path.join(CURATED, 'state_capitals.csv'));
  const byId = new Map(capitals.map((r) => [r.state_id, r]));

  it('reads every row without an error against the shipped crosswalk, one row per state', () => {
    const real = Crosswalk.load(CURATED);
    const failures = capitals
      .map((r, i) => ({ line: i + 2, errors: mapRow(reader, r, real, i + 2).errors }))
      .filter((f) => f.errors.length);
    expect(failures).toEqual([]);
    expect(byId.size).toBe(capitals.length);
  });

  it('names its file, repository and commit on every row, and places the cases the README names', () => {
    expect(
      capitals.filter(
        (r) =>
          !/ne_110m_populated_places_simple\.geojson.*693f11422f4e08d2da4566b854dda53eb7c39fb3/.test(r.source ?? ''),
      ),
    ).toEqual([]);
    expect(byId.get('FRA')).toMatchObject({ capital: 'Paris', latitude: '48.868639', longitude: '2.331389' });
    expect(byId.get('ZAF')?.capital).toBe('Pretoria');
    expect(byId.get('BOL')?.capital).toBe('La Paz');
    expect(byId.get('XKX')?.capital).toBe('Pristina');
    expect(byId.get('ESH')?.capital).toBe('Bir Lehlou');
    for (const gone of ['CSK', 'DDR', 'YMD', 'PSE', 'NRU']) expect(byId.has(gone)).toBe(false);
  });

  it('is the file the PROVENANCE note describes', () => {
    const note = fs.readFileSync(path.join(CURATED, 'PROVENANCE.md'), 'utf8');
    const sha = crypto
      .createHash('sha256')
      .update(fs.readFileSync(path.join(CURATED, 'state_capitals.csv')))
      .digest('hex');
    expect(note).toContain(`${capitals.length} rows, sha256 \`${sha}\``);
  });
});
