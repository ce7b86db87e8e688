import { FieldReader, monthOf } from '../fields';
import type { FormatReader } from '../types';
import { cleanText, count, node, rel, resolveMission, resolveState, result } from './common';

const FORMAT = 'ipi-contributions';

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
export const ipiContributionsReader: FormatReader = {
  name: FORMAT,
  description: 'IPI Peacekeeping Database: UN contributions by state, mission and month, with police/troops/experts and sex',
  requiredColumns: [
    'Date',
    'Contributor',
    'Contributor ISO-3',
    'Mission',
    'Individual Police Total',
    'Formed Police Units Total',
    'Experts on Mission Total',
    'Troops Total',
    'Total Male',
    'Total Female',
    'Total Total',
  ],
  mapRow(row, ctx) {
    const fr = new FieldReader(row);
    const cw = ctx.crosswalk;
    const date = fr.date('Date', true);
    if (date && date.length < 7) fr.fail('Date', `'${date}' has no month`);
    const contributor = cleanText(fr, 'Contributor');
    const stateId = resolveState(fr, cw, 'Contributor ISO-3', 'iso', fr.text('Contributor ISO-3', true));
    const mission = cleanText(fr, 'Mission', true);
    const missionId = resolveMission(fr, cw, FORMAT, 'Mission', mission);
    const props = {
      police: count(fr, 'Individual Police Total'),
      formedPolice: count(fr, 'Formed Police Units Total'),
      experts: count(fr, 'Experts on Mission Total'),
      troops: count(fr, 'Troops Total'),
      total: count(fr, 'Total Total'),
      female: count(fr, 'Total Female'),
      male: count(fr, 'Total Male'),
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
