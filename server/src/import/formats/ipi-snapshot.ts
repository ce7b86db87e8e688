import { FieldReader, monthOf } from '../fields';
import type { FormatReader } from '../types';
import { cleanText, count, node, rel, resolveMission, resolveState, result } from './common';

const FORMAT = 'ipi-snapshot';

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
export const ipiSnapshotReader: FormatReader = {
  name: FORMAT,
  description: 'IPI Peacekeeping Database: one month of UN contributions by state and mission (2014-03 snapshot layout)',
  requiredColumns: [
    'Date',
    'Contributor',
    'Contributor_ISO-3',
    'Mission',
    'Mission_Country_ISO-3',
    'Experts_on_Mission',
    'Formed_Police_Units',
    'Inidividual_Police',
    'Civilian_Police',
    'Troops',
    'Observers',
    'Total',
  ],
  mapRow(row, ctx) {
    const fr = new FieldReader(row);
    const cw = ctx.crosswalk;
    const date = fr.date('Date', true);
    if (date && date.length < 7) fr.fail('Date', `'${date}' has no month`);
    const contributor = cleanText(fr, 'Contributor');
    const stateId = resolveState(fr, cw, 'Contributor_ISO-3', 'iso', cleanText(fr, 'Contributor_ISO-3', true));
    const hostCode = cleanText(fr, 'Mission_Country_ISO-3');
    const hostId = hostCode ? (cw.stateFromIso(hostCode) ?? '') : '';
    const mission = cleanText(fr, 'Mission', true);
    const missionId = resolveMission(fr, cw, FORMAT, 'Mission', mission, hostId);
    const props = {
      experts: count(fr, 'Experts_on_Mission'),
      formedPolice: count(fr, 'Formed_Police_Units'),
      police: count(fr, 'Inidividual_Police'),
      civilianPolice: count(fr, 'Civilian_Police'),
      troops: count(fr, 'Troops'),
      observers: count(fr, 'Observers'),
      total: count(fr, 'Total'),
    };
    if (!date || !stateId || !missionId || fr.errors.length) return result(fr, []);
    const month = monthOf(date);
    return result(fr, [
      node('State', stateId, { name: contributor }),
      node('Mission', missionId, { name: mission }),
      rel('CONTRIBUTED_TO', stateId, missionId, { source: FORMAT, from: month, site: '' }, { to: month, granularity: 'month', ...props }),
    ]);
  },
};
