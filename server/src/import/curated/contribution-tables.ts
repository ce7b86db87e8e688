import type { FieldReader } from '../fields';
import { SOURCE, curatedTable, relRow, sourceRef, span } from './table-helpers';

/**
 * Readers of what organizations and states gave to other organizations' missions: support between
 * organizations (organization_support.csv) and the states' personnel in non-UN operations (contributions_*.csv).
 */
const SUPPORT_KINDS = ['funding', 'logistics', 'training', 'planning', 'equipment'] as const;

/**
 * Support of an organization to another organization's mission (organization_support.csv): the EU's African
 * Peace Facility funding AU operations, NATO airlift, the UN's support office for AMISOM. Not a deployment: the
 * organization is not one of the mission's own.
 */
export const organizationSupportTable = curatedTable({
  description: "Support of organizations to other organizations' missions (organization_support.csv)",
  requiredColumns: ['organization_id', 'mission_id', 'kind', 'start', 'end', 'description', 'source'],
  read(f) {
    const { start, end } = span(f);
    return relRow(f, 'SUPPORTED', 'organization_id', 'mission_id', () => ({
      // An unknown start is keyed and stored as '' (a MERGE key cannot be null); readers take '' as unknown.
      key: { source: SOURCE, kind: f.oneOf('kind', SUPPORT_KINDS, true) ?? '', start: start ?? '' },
      props: { end, description: f.text('description'), sourceRef: sourceRef(f) },
    }));
  },
});

/** How a curated contribution row counts a state's personnel (contributions_*.csv). */
const CONTRIBUTION_GRANULARITY = ['dated', 'yearly', 'presence'] as const;
/** The `granularity` stored on CONTRIBUTED_TO, in the words the other contribution sources use. */
const STORED_GRANULARITY = { dated: 'month', yearly: 'year', presence: 'presence' } as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function month(f: FieldReader, field: string): string | null | undefined {
  const v = f.text(field, true);
  if (v && !MONTH.test(v)) return f.fail(field, `'${v}' is not a month (YYYY-MM)`);
  return v;
}

/**
 * Contributions of states to operations no public file covers (non-UN operations), from public documents
 * (contributions_*.csv): one row per state, mission and first month. `dated`: a figure as of a month (from = to);
 * `yearly`: a figure for a year (January to December); `presence`: the state contributed over the months, no
 * figure given. A figure is never estimated: a presence row has none, the others must have one.
 */
export const contributionsTable = curatedTable({
  description: 'Contributions of states to non-UN operations, from public documents (contributions_*.csv)',
  requiredColumns: ['state_id', 'mission_id', 'from', 'to', 'personnel', 'granularity', 'source'],
  read(f) {
    const from = month(f, 'from');
    const to = month(f, 'to');
    if (from && to && to < from) f.fail('to', `${to} is before ${from}`);
    const granularity = f.oneOf('granularity', CONTRIBUTION_GRANULARITY, true);
    const personnel = f.int('personnel', { min: 1 });
    if (granularity === 'presence' && personnel != null)
      f.fail('personnel', 'a presence row gives no figure (leave it empty)');
    if ((granularity === 'dated' || granularity === 'yearly') && personnel == null)
      f.fail('personnel', `a ${granularity} row needs the figure its source states`);
    if (granularity === 'dated' && from && to && from !== to)
      f.fail('to', 'a dated figure is of one month: to must equal from');
    if (granularity === 'yearly' && from && to && (from.slice(5) !== '01' || to !== `${from.slice(0, 4)}-12`)) {
      f.fail('to', 'a yearly figure runs from January to December of one year');
    }
    return relRow(f, 'CONTRIBUTED_TO', 'state_id', 'mission_id', () => ({
      key: { source: SOURCE, from: from ?? '', site: '' },
      props: {
        to,
        granularity: granularity ? STORED_GRANULARITY[granularity] : null,
        total: personnel,
        sourceRef: sourceRef(f),
      },
    }));
  },
});
