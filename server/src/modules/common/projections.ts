/**
 * How each entity is read from Neo4j: one map projection per label, so that every query returns the same
 * shape. `v` is the caller's variable name (a constant).
 *
 * A projection can be narrowed to a selection: the GraphQL field names a query asks for. Each label lists
 * its fields with the Cypher entry that reads each one (`VAR` stands for the variable); a selection only
 * picks entries of that list, so no name from a query is ever written into a statement. `id`, `name` and
 * `label` are always read: the Node interface resolves the type by `label`, and resolvers name what they return.
 */

import type { Selection } from '../../request/relation-field';
import { MISSION_HQ, STATE_CAPITAL } from './geo.cypher';
import { END_PRECISION, START_PRECISION } from './period';

type Entries = readonly (readonly [field: string, entry: string])[];

const BASE: Entries = [
  ['id', '.id'],
  ['sources', 'sources: coalesce(VAR.sources, [])'],
  ['datasets', 'datasets: coalesce(VAR.datasets, [])'],
  ['aliases', 'aliases: coalesce(VAR.aliases, [])'],
  ['sourceRef', '.sourceRef'],
];

const ALWAYS = new Set(['id', 'name']);

/** The projection of one label: called with a variable name and, to narrow it, a selection. */
export interface Projection {
  (v: string, selection?: Selection): string;
  /** The GraphQL fields it can read. */
  readonly fields: readonly string[];
}

function projection(label: string, entries: Entries): Projection {
  const all = [...BASE, ...entries];
  const full = all.map(([, entry]) => entry).join(', ');
  const project = (v: string, selection?: Selection) => {
    const picked = selection
      ? all
          .filter(([field]) => ALWAYS.has(field) || selection.has(field))
          .map(([, entry]) => entry)
          .join(', ')
      : full;
    return `${v} { ${picked.replace(/VAR/g, v)}, label: '${label}' }`;
  };
  return Object.assign(project, { fields: all.map(([field]) => field) });
}

export const ORGANIZATION = projection('Organization', [
  ['name', '.name'],
  ['acronym', '.acronym'],
  ['kind', '.kind'],
  ['founded', '.founded'],
  ['dissolved', '.dissolved'],
  ['cowIgo', '.cowIgo'],
]);

export const MISSION = projection('Mission', [
  ['name', 'name: coalesce(VAR.name, VAR.acronym, VAR.id)'],
  ['acronym', 'acronym: coalesce(VAR.acronym, VAR.id)'],
  ['start', '.start'],
  ['end', '.end'],
  ['lastEvidence', '.lastEvidence'],
  ['startPrecision', `startPrecision: ${START_PRECISION('VAR')}`],
  ['endPrecision', `endPrecision: ${END_PRECISION('VAR')}`],
  ['operationType', '.operationType'],
  ['kinds', 'kinds: coalesce(VAR.kinds, [])'],
  ['mandates', 'mandates: coalesce(VAR.mandates, [])'],
  ['maxPersonnel', '.maxPersonnel'],
  ['headquarters', `headquarters: ${MISSION_HQ('VAR')}`],
]);

export const STATE = projection('State', [
  ['name', 'name: coalesce(VAR.name, VAR.id)'],
  ['cowCode', '.cowCode'],
  ['cowAbb', '.cowAbb'],
  ['gwCode', '.gwCode'],
  ['region', '.region'],
  ['capital', `capital: ${STATE_CAPITAL('VAR')}`],
]);

export const CONFLICT = projection('Conflict', [
  ['name', 'name: coalesce(VAR.name, VAR.id)'],
  ['location', '.location'],
  ['sideA', '.sideA'],
  ['sideB', '.sideB'],
  ['type', '.type'],
  ['incompatibility', '.incompatibility'],
  ['territory', '.territory'],
  ['region', 'region: coalesce(VAR.region, [])'],
  ['start', '.start'],
  ['firstYear', '.firstYear'],
  ['lastYear', '.lastYear'],
  ['maxIntensity', '.maxIntensity'],
  ['intensity', "intensity: [y IN coalesce(VAR.years, []) | {year: y, level: VAR['intensity_' + toString(y)]}]"],
]);

export const PERSON = projection('Person', [
  ['name', '.name'],
  ['nationality', '.nationality'],
]);
