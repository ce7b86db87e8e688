import { FieldReader } from '../fields';
import type { FormatReader } from '../types';
import { coordinates, node, rel, resolveMission, result } from './common';

const FORMAT = 'un-pko-list';

/**
 * The UN Peace and Security Data Hub list of peacekeeping operations (`un_psdata_DPPADPOSS-PKO.csv`): one
 * row per operation with its dates and headquarters. Emits the Mission (dates and HQ as this source states
 * them), the Organization `UN` and `UN -DEPLOYED-> mission` with `lead: true`.
 *
 * Quirks handled: decimal commas in the coordinates; a latitude outside [-90, 90] with a longitude that fits
 * is taken as a swapped pair (the swaps of UNOSOM I/II, UNAVEM I/II and the UNEF umbrella row keep both values
 * in range and cannot be seen in one row); `mission_isactive` written `Yes`, `No` or `NO`; the truncated
 * DOMREP name with a stray opening quote. The three umbrella rows (UNOSOM, UNEF, UNAVEM) resolve like any
 * other: the crosswalk decides what they are.
 */
export const unPkoListReader: FormatReader = {
  name: FORMAT,
  description: 'UN list of peacekeeping operations with dates and headquarters (UN Peace and Security Data Hub DPPADPOSS-PKO)',
  requiredColumns: [
    'mission_acronym',
    'mission_name',
    'mission_isactive',
    'start_date',
    'end_date',
    'mission_location',
    'mission_longitude',
    'mission_latitude',
  ],
  mapRow(row, ctx) {
    const fr = new FieldReader(row);
    const acronym = fr.text('mission_acronym', true);
    const rawName = fr.text('mission_name');
    // The source cut DOMREP's name short inside its quotes, leaving an unmatched opening quote.
    const name = rawName && /^"[^"]*$/.test(rawName) ? rawName.slice(1) : rawName;
    const active = fr.bool('mission_isactive');
    const start = fr.date('start_date');
    const end = fr.date('end_date');
    if (start && end && end < start) fr.fail('end_date', `${end} is before the start ${start}`);
    const hq = fr.text('mission_location');
    const hqAt = coordinates(fr, 'mission_latitude', 'mission_longitude');
    let missionId: string | undefined;
    if (acronym) {
      missionId = ctx.crosswalk.missionFromName(FORMAT, acronym) ?? (name ? ctx.crosswalk.missionFromName(FORMAT, name) : undefined);
      if (!missionId) resolveMission(fr, ctx.crosswalk, FORMAT, 'mission_acronym', acronym);
    }
    if (!missionId) return result(fr, []);
    return result(fr, [
      node(
        'Mission',
        missionId,
        { acronym, name, start, end },
        {
          [`start@${FORMAT}`]: start,
          [`end@${FORMAT}`]: end,
          [`active@${FORMAT}`]: active,
          hq,
          hqLatitude: hqAt?.latitude ?? null,
          hqLongitude: hqAt?.longitude ?? null,
        },
      ),
      node('Organization', 'UN', { name: 'United Nations' }),
      rel('DEPLOYED', 'UN', missionId, { source: FORMAT }, { lead: true }),
    ]);
  },
};
