import { monthOf } from '../fields';
import type { FormatReader } from '../types';
import { cleanText, count, hqProps, missionHq, node, rel, resolveMission, resolveState, result } from './common';
import { monthDate } from './ipi-monthly';

const FORMAT = 'ipi-missions';

/**
 * IPI Peacekeeping Database, mission totals (`data_mission.csv`, here `ipi_data_mission_*.csv`): one row per
 * UN mission and month-end, 1990-2017. Emits the host State (ISO-3), the Mission with its HQ and
 * `mission -PERSONNEL_IN-> host` for the month (troops, police, observers, total, number of contributors),
 * and `HOSTED_BY`.
 *
 * The file's two coordinate columns are swapped (Tegucigalpa has "longitude" 14.1, "latitude" -87.2): the
 * latitude is read from `Mission HQ Longitude` and the longitude from `Mission HQ Latitude`, then checked as
 * in every reader (an impossible latitude with a possible longitude is swapped back). The nine MINUSMA rows of
 * 2013-07 to 2014-03 (lines 4533 to 4670), which IPI wrote the other way round with both values in range, are
 * swapped back by MINUSMA's row of `cypher/data/curated/mission_hq_corrections.csv` and reported (see
 * missionHq). The HQ only fills a mission this file creates (the UN list is the authority). Host names lose
 * the stray trailing apostrophe (`South Sudan'`).
 */
export const ipiMissionsReader: FormatReader = {
  name: FORMAT,
  description: 'IPI Peacekeeping Database: UN mission totals by month with host and HQ, 1990-2017',
  requiredColumns: [
    'Date',
    'Mission',
    'Country of Mission',
    'Country of Mission ISO-3',
    'Mission HQ',
    'Mission HQ Longitude',
    'Mission HQ Latitude',
    'Number of Contributors',
    'Troops',
    'Police',
    'Observers',
    'Total',
  ],
  mapRow(fr, ctx) {
    const cw = ctx.crosswalk;
    const date = monthDate(fr);
    const hostName = cleanText(fr, 'Country of Mission');
    const hostId = resolveState(fr, cw, 'Country of Mission ISO-3', 'iso', fr.text('Country of Mission ISO-3', true));
    const mission = cleanText(fr, 'Mission', true);
    const missionId = resolveMission(fr, cw, FORMAT, 'Mission', mission, hostId ?? '');
    const hq = fr.text('Mission HQ');
    const hqAt = missionHq(fr, cw, missionId, 'Mission HQ Longitude', 'Mission HQ Latitude');
    const props = {
      troops: count(fr, 'Troops'),
      police: count(fr, 'Police'),
      observers: count(fr, 'Observers'),
      total: count(fr, 'Total'),
      contributors: count(fr, 'Number of Contributors'),
    };
    if (!date || !hostId || !missionId || fr.errors.length) return result(fr, []);
    return result(fr, [
      node('State', hostId, { name: hostName }),
      // The UN list is the authority on headquarters (its rows set them); IPI's fill only missions it lacks.
      node('Mission', missionId, { name: mission, ...hqProps(hq, hqAt) }, {}),
      rel('PERSONNEL_IN', missionId, hostId, { source: FORMAT, month: monthOf(date) }, props),
      rel('HOSTED_BY', missionId, hostId, { source: FORMAT }),
    ]);
  },
};
