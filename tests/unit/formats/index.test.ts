import { PUBLIC_READERS, readerForHeader, ucdpAcdReader, unPkoListReader } from '../../../server/src/import/formats';
import { FORMAT_NAMES } from '../../../server/src/model/sources';
import { fixtureRows } from './helpers';

describe('public format readers', () => {
  it('has a reader for every public format, and two layouts for cow-igo', () => {
    const names = PUBLIC_READERS.map((r) => r.name);
    expect(new Set(names)).toEqual(new Set(FORMAT_NAMES.filter((n) => n !== 'curated')));
    expect(names.filter((n) => n === 'cow-igo')).toHaveLength(2);
  });

  it('gives every reader a description and required columns without duplicates', () => {
    for (const r of PUBLIC_READERS) {
      expect(r.description).not.toBe('');
      expect(new Set(r.requiredColumns).size).toBe(r.requiredColumns.length);
    }
  });

  it('picks the reader whose required columns the header has, trimming header names', () => {
    const header = Object.keys(fixtureRows('un-pko-list.csv')[0] ?? {});
    expect(readerForHeader('un-pko-list', header)).toBe(unPkoListReader);
    expect(
      readerForHeader(
        'un-pko-list',
        header.map((h) => ` ${h} `),
      ),
    ).toBe(unPkoListReader);
    expect(readerForHeader('ucdp-acd', Object.keys(fixtureRows('ucdp-acd-201.csv')[0] ?? {}))).toBe(ucdpAcdReader);
  });

  it('finds no reader when the header belongs to another format', () => {
    const header = Object.keys(fixtureRows('un-pko-list.csv')[0] ?? {});
    expect(readerForHeader('ucdp-acd', header)).toBeUndefined();
    expect(
      readerForHeader(
        'un-pko-list',
        header.filter((h) => h !== 'mission_latitude'),
      ),
    ).toBeUndefined();
  });

  it('tells every fixture file apart: no fixture header fits the reader of another format', () => {
    const fixtures: [string, string][] = [
      ['un-pko-list', 'un-pko-list.csv'],
      ['bara-hultman', 'bara-hultman.csv'],
      ['ipi-contributions', 'ipi-contributions.csv'],
      ['ipi-missions', 'ipi-missions.csv'],
      ['ipi-snapshot', 'ipi-snapshot.csv'],
      ['geopko-tcc', 'geopko-tcc.csv'],
      ['un-country-by-year', 'un-country-by-year.csv'],
      ['cow-igo', 'cow-igo-organizations.csv'],
      ['cow-igo', 'cow-igo-memberships.csv'],
      ['cow-states', 'cow-states.csv'],
      ['ucdp-acd', 'ucdp-acd-v23_1.csv'],
    ];
    for (const [format, file] of fixtures) {
      const header = Object.keys(fixtureRows(file)[0] ?? {});
      const fits = PUBLIC_READERS.filter((r) => r.requiredColumns.every((c) => header.includes(c))).map((r) => r.name);
      expect([file, fits]).toEqual([file, [format]]);
    }
  });
});
