import type { FormatName } from '../../model/sources';
import type { FormatReader } from '../types';
import { baraHultmanReader } from './bara-hultman';
import { cowIgoMemberships, cowIgoOrganizations } from './cow-igo';
import { cowStatesReader } from './cow-states';
import { geopkoTccReader } from './geopko-tcc';
import { ipiContributionsReader } from './ipi-contributions';
import { ipiMissionsReader } from './ipi-missions';
import { ipiSnapshotReader } from './ipi-snapshot';
import { ucdpAcdReader } from './ucdp-acd';
import { unCountryByYearReader } from './un-country-by-year';
import { unPkoListReader } from './un-pko-list';

export {
  baraHultmanReader,
  cowIgoMemberships,
  cowIgoOrganizations,
  cowStatesReader,
  geopkoTccReader,
  ipiContributionsReader,
  ipiMissionsReader,
  ipiSnapshotReader,
  ucdpAcdReader,
  unCountryByYearReader,
  unPkoListReader,
};

/**
 * Readers of the public datasets. A format may have several layouts (COW IGO: organizations and membership
 * spells), each its own reader under the same name, told apart by their required columns.
 */
export const PUBLIC_READERS: readonly FormatReader[] = [
  unPkoListReader,
  baraHultmanReader,
  ipiContributionsReader,
  ipiMissionsReader,
  ipiSnapshotReader,
  geopkoTccReader,
  unCountryByYearReader,
  cowIgoOrganizations,
  cowIgoMemberships,
  cowStatesReader,
  ucdpAcdReader,
];

/**
 * The reader of a public format for a file with this header: the layout whose required columns are all in
 * it (header names are compared trimmed); undefined when none fits, i.e. the file is not of the format.
 */
export function readerForHeader(format: FormatName, header: string[]): FormatReader | undefined {
  const have = new Set(header.map((h) => h.trim()));
  return PUBLIC_READERS.filter((r) => r.name === format).find((r) => r.requiredColumns.every((c) => have.has(c)));
}
