import { ucdpAcdReader as reader } from '../../../server/src/import/formats/ucdp-acd';
import type { GraphOp } from '../../../server/src/import/types';
import { fixtureCrosswalk, fixtureRows, itMapsTheWholeFile, mapRow, modelViolations, withCells } from './helpers';

const cw = fixtureCrosswalk();
const v23 = fixtureRows('ucdp-acd-v23_1.csv');
const v20 = fixtureRows('ucdp-acd-201.csv');
const find = (rows: Record<string, string>[], id: string, year: string) =>
  rows.find((r) => r.conflict_id === id && r.year === year);
const map = (r: Record<string, string> | undefined) => mapRow(reader, withCells(r, {}), cw);
const rels = (ops: GraphOp[]) => ops.flatMap((o) => (o.kind === 'rel' ? [[o.type, o.from, o.to, o.key]] : []));

describe('ucdp-acd reader', () => {
  it('maps a conflict-year to the conflict with its yearly intensity, its locations and the state parties of each side', () => {
    expect(map(find(v23, '11343', '1967'))).toEqual({
      errors: [],
      ops: [
        {
          kind: 'node',
          label: 'Conflict',
          id: 'ucdp-11343',
          props: {
            name: 'Egypt, Israel: Government of Egypt vs Government of Israel',
            location: 'Egypt, Israel',
            sideA: 'Government of Egypt',
            sideB: 'Government of Israel',
            incompatibility: 'territory',
            territory: 'Suez/Sinai',
            type: 'interstate',
            region: ['Middle East'],
            start: '1967-06-05',
            intensity_1967: 2,
            episodeEnd_1967: '1967-06-10',
          },
          onCreate: {},
        },
        { kind: 'node', label: 'State', id: 'EGY', props: {}, onCreate: {} },
        { kind: 'node', label: 'State', id: 'ISR', props: {}, onCreate: {} },
        { kind: 'rel', type: 'LOCATED_IN', from: 'ucdp-11343', to: 'EGY', key: { source: 'ucdp-acd' }, props: {} },
        { kind: 'rel', type: 'LOCATED_IN', from: 'ucdp-11343', to: 'ISR', key: { source: 'ucdp-acd' }, props: {} },
        {
          kind: 'rel',
          type: 'PARTY_TO',
          from: 'EGY',
          to: 'ucdp-11343',
          key: { source: 'ucdp-acd', side: 'A', role: 'primary', year: 1967 },
          props: {},
        },
        {
          kind: 'rel',
          type: 'PARTY_TO',
          from: 'ISR',
          to: 'ucdp-11343',
          key: { source: 'ucdp-acd', side: 'B', role: 'primary', year: 1967 },
          props: {},
        },
      ],
    });
  });

  it('gives ops that fit the model for every fixture row it resolves', () => {
    for (const r of [...v23, ...v20]) expect(modelViolations(map(r).ops, 'ucdp-acd')).toEqual([]);
  });

  it('reads the US dates of v23.1 and the ISO dates of v20.1 alike', () => {
    const props = (r: Record<string, string> | undefined) => map(r).ops[0]?.props;
    expect(props(find(v23, '11342', '2012'))).toMatchObject({
      start: '1997-05-29',
      episodeEnd_2012: '2012-12-21',
      intensity_2012: 1,
    });
    expect(props(find(v20, '11342', '2012'))).toEqual(props(find(v23, '11342', '2012')));
  });

  it('reads code lists with irregular spacing, several regions, and a non-state side B without codes', () => {
    const out = map(find(v23, '13692', '2001'));
    expect(out.ops[0]).toMatchObject({
      props: { region: ['Europe', 'Asia', 'Americas'], incompatibility: 'government', territory: null },
    });
    expect(rels(out.ops)).toEqual([
      ['LOCATED_IN', 'ucdp-13692', 'USA', { source: 'ucdp-acd' }],
      ['LOCATED_IN', 'ucdp-13692', 'GBR', { source: 'ucdp-acd' }],
      ['LOCATED_IN', 'ucdp-13692', 'AFG', { source: 'ucdp-acd' }],
      ['PARTY_TO', 'AFG', 'ucdp-13692', { source: 'ucdp-acd', side: 'A', role: 'primary', year: 2001 }],
      ['PARTY_TO', 'GBR', 'ucdp-13692', { source: 'ucdp-acd', side: 'B', role: 'primary', year: 2001 }],
      ['PARTY_TO', 'USA', 'ucdp-13692', { source: 'ucdp-acd', side: 'B', role: 'primary', year: 2001 }],
    ]);
    expect(rels(map(find(v23, '11342', '2012')).ops).filter(([type]) => type === 'PARTY_TO')).toHaveLength(1);
  });

  it('resolves Gleditsch-Ward 678 as North Yemen before May 1990 and as Yemen after, and reads secondary parties', () => {
    const yar = map(find(v23, '230', '1962'));
    expect(rels(yar.ops)).toEqual([
      ['LOCATED_IN', 'ucdp-230', 'YAR', { source: 'ucdp-acd' }],
      ['PARTY_TO', 'YAR', 'ucdp-230', { source: 'ucdp-acd', side: 'A', role: 'primary', year: 1962 }],
      ['PARTY_TO', 'EGY', 'ucdp-230', { source: 'ucdp-acd', side: 'A', role: 'secondary', year: 1962 }],
    ]);
    expect(yar.ops[0]).toMatchObject({ props: { episodeEnd_1962: null, type: 'internationalized intrastate' } });
    expect(rels(map(find(v20, '13645', '2015')).ops)[0]).toEqual([
      'LOCATED_IN',
      'ucdp-13645',
      'YEM',
      { source: 'ucdp-acd' },
    ]);
  });

  it('rejects a row with a Gleditsch-Ward code the crosswalk lacks, naming the code and the year', () => {
    expect(map(find(v23, '11347', '2013'))).toEqual({
      ops: [],
      errors: [
        {
          field: 'gwno_a_2nd',
          reason: "unknown state G&W code '366' in 2013 (add it to cypher/data/curated/states.csv)",
        },
      ],
    });
  });

  it('rejects a code that is not a number, a region outside 1-5, an intensity outside 1-2 and a bad date', () => {
    const base = find(v23, '11343', '1967');
    expect(mapRow(reader, withCells(base, { gwno_loc: '651, Israel' }), cw).errors).toEqual([
      { field: 'gwno_loc', reason: "'Israel' is not a Gleditsch-Ward code" },
    ]);
    expect(mapRow(reader, withCells(base, { region: '2, 7' }), cw).errors).toEqual([
      { field: 'region', reason: "'7' is not a UCDP region (1-5)" },
    ]);
    expect(mapRow(reader, withCells(base, { intensity_level: '3' }), cw).errors).toEqual([
      { field: 'intensity_level', reason: '3 is above 2' },
    ]);
    expect(mapRow(reader, withCells(base, { start_date: '6/31/1967' }), cw).errors).toEqual([
      { field: 'start_date', reason: "'6/31/1967' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or M/D/YYYY)" },
    ]);
  });

  it('names the version from the first row, else from the file name', () => {
    expect(reader.version?.('UcdpPrioConflict_v23_1.csv', v23[0] ?? {})).toBe('v23.1');
    expect(reader.version?.('ucdp-prio-acd-201.csv', v20[0] ?? {})).toBe('v20.1');
    expect(reader.version?.('UcdpPrioConflict_v23_1.csv', {})).toBe('v23.1');
    expect(reader.version?.('ucdp-prio-acd-201.csv', {})).toBe('v20.1');
    expect(reader.version?.('conflicts.csv', {})).toBeUndefined();
  });

  it('derives years, first and last year and highest intensity with constant Cypher only', () => {
    expect(reader.finalize).toHaveLength(1);
    const stmt = reader.finalize?.[0] ?? '';
    expect(stmt).not.toMatch(/\$/);
    expect(stmt).toMatch(
      /SET c\.years = years, c\.firstYear = years\[0\], c\.lastYear = .*, c\.maxIntensity = maxIntensity/,
    );
  });

  itMapsTheWholeFile(reader, 'ucdp-prio-acd/UcdpPrioConflict_v23_1.csv', 2626);
  itMapsTheWholeFile(reader, 'ucdp-prio-acd/ucdp-prio-acd-201.csv', 2448);
});
