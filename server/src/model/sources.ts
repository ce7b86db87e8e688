/**
 * The sources of the graph: one import format per dataset, named by the source it reads. The name is also the
 * `source` recorded on every fact, so API arguments that filter by source are checked against this list.
 */
export const FORMAT_NAMES = [
  'un-pko-list',
  'bara-hultman',
  'ipi-contributions',
  'ipi-missions',
  'ipi-snapshot',
  'geopko-tcc',
  'un-country-by-year',
  'cow-igo',
  'cow-states',
  'ucdp-acd',
  'curated',
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
