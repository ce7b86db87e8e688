import { ipiContributionReader } from './ipi-monthly';

/**
 * IPI Peacekeeping Database, contributions by gender (`Gender.Full.csv`, here `ipi_gender_full_*.csv`): one
 * row per contributing state, UN mission and month-end. Emits the State (ISO-3), the Mission and
 * `state -CONTRIBUTED_TO-> mission` for the month (`from` = `to`), with police, formed police, experts and
 * troops totals and the female and male totals.
 *
 * Nothing here depends on the months the stored copy covers: IPI published more months of the same file, and
 * any month-end date is read. Rows whose totals are 0 are kept: the UN report listed the state in the
 * mission that month. The first, unnamed column is IPI's row index and is ignored.
 */
export const ipiContributionsReader = ipiContributionReader({
  format: 'ipi-contributions',
  description:
    'IPI Peacekeeping Database: UN contributions by state, mission and month, with police/troops/experts and sex',
  isoColumn: 'Contributor ISO-3',
  isoHasApostrophe: false,
  counts: [
    ['police', 'Individual Police Total'],
    ['formedPolice', 'Formed Police Units Total'],
    ['experts', 'Experts on Mission Total'],
    ['troops', 'Troops Total'],
    ['total', 'Total Total'],
    ['female', 'Total Female'],
    ['male', 'Total Male'],
  ],
});
