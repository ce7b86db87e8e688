import { stataMonth } from '../fields';
import type { FormatReader } from '../types';
import { node, rel, resolveMission, resolveState, result } from './common';

const FORMAT = 'bara-hultman';
const ORG_TYPES: Record<string, string> = { '1': 'UN', '2': 'regional', '3': 'international' };

/**
 * Bara & Hultman, UN and Non-UN Peacekeeping v2-2019 (`un_nonun_peacekeeping_v2-2019.csv`): one row per
 * mission, host country, UCDP conflict and month, 1993-2016. Emits the host State (COW `ccode`), the Mission
 * (resolved with the host, since the file splits one operation per country), the Conflict `ucdp-<conflictid>`,
 * `mission -PERSONNEL_IN-> host` for the month, `HOSTED_BY` and `IN_CONFLICT`.
 *
 * Personnel are the `*_iepo` columns (interpolated and extrapolated, the codebook's main series; they have
 * decimals), plus the raw SIPRI and IPI totals where the file has them. `org` is only a type of organization
 * (stored as `orgType@bara-hultman`); which organization deployed the mission is curated data. A mission in a
 * country with two conflicts has one row per conflict with the same personnel; `activity` belongs to the
 * conflict, so the month's PERSONNEL_IN keeps the value of the last such row written.
 */
export const baraHultmanReader: FormatReader = {
  name: FORMAT,
  description: 'Bara & Hultman UN and non-UN peacekeeping, mission x host x conflict x month, 1993-2016',
  requiredColumns: [
    'ccode',
    'location',
    'conflictid',
    'activity',
    'date',
    'missionid',
    'mission',
    'org',
    'onlypolice',
    'SIPRI_totals',
    'troops_iepo',
    'police_iepo',
    'observers_iepo',
    'totals_iepo',
    'IPI_totals',
  ],
  mapRow(fr, ctx) {
    const cw = ctx.crosswalk;
    const ccode = fr.int('ccode', { required: true, min: 1, max: 999 });
    const hostId = resolveState(fr, cw, 'ccode', 'cow', ccode);
    const location = fr.text('location');
    const mission = fr.text('mission', true);
    const missionId = resolveMission(fr, cw, FORMAT, 'mission', mission, hostId ?? '');
    const conflictId = fr.int('conflictid', { required: true, min: 1 });
    const missionNumber = fr.int('missionid', { required: true, min: 1 });
    const rawDate = fr.text('date', true);
    const month = rawDate
      ? (stataMonth(rawDate) ?? fr.fail('date', `'${rawDate}' is not a Stata month (like 1997m1)`))
      : undefined;
    const org = fr.oneOf('org', ['1', '2', '3'], true);
    const activity = fr.int('activity', { min: 0, max: 1 });
    const onlyPolice = fr.bool('onlypolice');
    const num = (field: string) => fr.number(field, { min: 0 });
    const personnel = {
      troops: num('troops_iepo'),
      police: num('police_iepo'),
      observers: num('observers_iepo'),
      total: num('totals_iepo'),
      sipriTotal: num('SIPRI_totals'),
      ipiTotal: num('IPI_totals'),
      activity,
      onlyPolice,
    };
    if (!hostId || !missionId || !month || !conflictId || fr.errors.length) return result(fr, []);
    const conflict = `ucdp-${conflictId}`;
    return result(fr, [
      node('State', hostId, { name: location }),
      node(
        'Mission',
        missionId,
        { name: mission },
        { [`orgType@${FORMAT}`]: org ? ORG_TYPES[org] : null, [`missionid@${FORMAT}`]: String(missionNumber) },
      ),
      node('Conflict', conflict, {}),
      rel('PERSONNEL_IN', missionId, hostId, { source: FORMAT, month }, personnel),
      rel('HOSTED_BY', missionId, hostId, { source: FORMAT }),
      rel('IN_CONFLICT', missionId, conflict, { source: FORMAT }),
    ]);
  },
};
