import fs from 'node:fs';
import path from 'node:path';
import {
  CURATED_TABLES,
  contributionsTable,
  organizationSupportTable,
} from '../../../server/src/import/curated/tables';
import type { RelOp } from '../../../server/src/import/types';
import { fixtureCrosswalk, mapRow, readRows } from './helpers';

/**
 * The curated contributions of states to non-UN operations (contributions_*.csv): a figure only where a
 * source states it, presence without one; then every shipped row.
 */
const cw = fixtureCrosswalk();
const CURATED = path.join(__dirname, '../../../cypher/data/curated');
const row = (cells: Record<string, string>) => ({
  state_id: 'UGA',
  mission_id: 'AMISOM',
  from: '2013-04',
  to: '2013-04',
  personnel: '',
  granularity: 'presence',
  source: 'a document',
  ...cells,
});
const rel = (cells: Record<string, string>): RelOp | undefined =>
  mapRow(contributionsTable, row(cells), cw).ops[0] as RelOp | undefined;

describe('contributions_*.csv', () => {
  it('writes a dated figure as a one-month CONTRIBUTED_TO of the curated source', () => {
    expect(rel({ personnel: '4664', granularity: 'dated', from: '2012-07', to: '2012-07' })).toEqual({
      kind: 'rel',
      type: 'CONTRIBUTED_TO',
      from: 'UGA',
      to: 'AMISOM',
      key: { source: 'curated', from: '2012-07', site: '' },
      props: { to: '2012-07', granularity: 'month', total: 4664, sourceRef: 'a document' },
    });
  });

  it('writes presence over a span without a figure, and a yearly figure over its year', () => {
    expect(rel({ from: '2007-03', to: '2012-12' })?.props).toEqual({
      to: '2012-12',
      granularity: 'presence',
      total: null,
      sourceRef: 'a document',
    });
    expect(rel({ personnel: '850', granularity: 'yearly', from: '2014-01', to: '2014-12' })?.props).toMatchObject({
      granularity: 'year',
      total: 850,
    });
  });

  it('refuses a figure on a presence row, a dated row without one, a span for a dated figure, and a yearly figure off its year', () => {
    const errors = (cells: Record<string, string>) => mapRow(contributionsTable, row(cells), cw).errors;
    expect(errors({ personnel: '12' })).toEqual([
      { field: 'personnel', reason: 'a presence row gives no figure (leave it empty)' },
    ]);
    expect(errors({ granularity: 'dated' })).toEqual([
      { field: 'personnel', reason: 'a dated row needs the figure its source states' },
    ]);
    expect(errors({ granularity: 'dated', personnel: '5', to: '2013-05' })).toEqual([
      { field: 'to', reason: 'a dated figure is of one month: to must equal from' },
    ]);
    expect(errors({ granularity: 'yearly', personnel: '5', from: '2013-02', to: '2013-12' })).toEqual([
      { field: 'to', reason: 'a yearly figure runs from January to December of one year' },
    ]);
    expect(errors({ from: '2013-4' })[0]).toEqual({ field: 'from', reason: "'2013-4' is not a month (YYYY-MM)" });
    expect(errors({ to: '2012-12' })).toEqual([{ field: 'to', reason: '2012-12 is before 2013-04' }]);
    expect(errors({ personnel: '-3', granularity: 'dated' })[0]?.field).toBe('personnel');
    expect(errors({ source: '' })).toEqual([{ field: 'source', reason: 'is empty' }]);
  });

  it('reads every shipped row, each unique on state, mission and first month', () => {
    const files = CURATED_TABLES.filter(
      ([name, reader]) => reader === contributionsTable && fs.existsSync(path.join(CURATED, name)),
    ).map(([name]) => name);
    expect(files.length).toBeGreaterThanOrEqual(3);
    let rows = 0;
    for (const file of files) {
      const seen = new Set<string>();
      for (const r of readRows(path.join(CURATED, file))) {
        rows += 1;
        expect({ file, errors: mapRow(contributionsTable, r, cw).errors }).toEqual({ file, errors: [] });
        const key = `${r.state_id}|${r.mission_id}|${r.from}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
    expect(rows).toBeGreaterThan(500);
  });
});

describe('organization_support.csv', () => {
  const support = (cells: Record<string, string>) => ({
    organization_id: 'EU',
    mission_id: 'AMISOM',
    kind: 'funding',
    start: '2007',
    end: '',
    description: 'African Peace Facility',
    source: 'a decision',
    ...cells,
  });

  it('writes SUPPORTED keyed by kind and start, and refuses an unknown kind or an end before the start', () => {
    expect(mapRow(organizationSupportTable, support({}), cw).ops).toEqual([
      {
        kind: 'rel',
        type: 'SUPPORTED',
        from: 'EU',
        to: 'AMISOM',
        key: { source: 'curated', kind: 'funding', start: '2007' },
        props: { end: null, description: 'African Peace Facility', sourceRef: 'a decision' },
      },
    ]);
    expect(mapRow(organizationSupportTable, support({ kind: 'cash' }), cw).errors[0]?.field).toBe('kind');
    expect(mapRow(organizationSupportTable, support({ end: '2006' }), cw).errors[0]?.field).toBe('end');
  });
});
