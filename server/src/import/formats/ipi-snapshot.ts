import { ipiContributionReader } from './ipi-monthly';

/**
 * IPI Peacekeeping Database, one month of contributions (`current_month.csv`, here
 * `ipi_contributions_2014-03_snapshot.csv`): one row per contributing state and UN mission, with 73 columns
 * of attributes of both. Emits the State (`Contributor_ISO-3`), the Mission and
 * `state -CONTRIBUTED_TO-> mission` for the month of `Date`.
 *
 * The police column is spelt `Inidividual_Police` in the file and is read under that name. The host
 * (`Mission_Country_ISO-3`) is used only to pick a per-host alias of the mission name, when it resolves.
 * Names lose the stray trailing apostrophe (`South Sudan'`). The membership flags are IPI's c. 2014 view
 * and are not imported: COW IGO gives dated spells.
 */
export const ipiSnapshotReader = ipiContributionReader({
  format: 'ipi-snapshot',
  description:
    'IPI Peacekeeping Database: one month of UN contributions by state and mission (2014-03 snapshot layout)',
  isoColumn: 'Contributor_ISO-3',
  isoHasApostrophe: true,
  hostColumn: 'Mission_Country_ISO-3',
  counts: [
    ['experts', 'Experts_on_Mission'],
    ['formedPolice', 'Formed_Police_Units'],
    ['police', 'Inidividual_Police'],
    ['civilianPolice', 'Civilian_Police'],
    ['troops', 'Troops'],
    ['observers', 'Observers'],
    ['total', 'Total'],
  ],
});
