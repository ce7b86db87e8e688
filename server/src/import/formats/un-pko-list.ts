import type { FormatReader } from '../types';
import { hqProps, missionHq, node, rel, resolveMission, result } from './common';

const FORMAT = 'un-pko-list';

/**
 * The UN Peace and Security Data Hub list of peacekeeping operations (`un_psdata_DPPADPOSS-PKO.csv`): one
 * row per operation with its dates and headquarters. Emits the Mission (dates and HQ as this source states
 * them), the Organization `UN` and `UN -DEPLOYED-> mission` with `lead: true`.
 *
 * Quirks handled: decimal commas in the coordinates; a latitude outside [-90, 90] with a longitude that fits
 * is taken as a swapped pair and swapped back (none in the 2024-02-19 file). Seven rows swap the two columns
 * with both values in range, which cannot be seen in one row: MINUSMA (line 67), UNOSOM I and II (lines 8, 7),
 * UNAVEM I and II (49, 48), the UNEF umbrella row (42) and UNSCOB (82). Each has a row in
 * `cypher/data/curated/mission_hq_corrections.csv` with the pair the right way round and the evidence (the
 * distance to the named capital, the file's other rows for the same city); the reader swaps the pair back
 * only when it is exactly that pair swapped, reports the correction, and writes the table row's source as
 * `hqCorrectionRef` (see missionHq). `mission_isactive` written `Yes`, `No` or `NO`; the truncated DOMREP name
 * with a stray opening quote. The three umbrella rows (UNOSOM, UNEF, UNAVEM) resolve like any other: the
 * crosswalk decides what they are.
 */
export const unPkoListReader: FormatReader = {
  name: FORMAT,
  description:
    'UN list of peacekeeping operations with dates and headquarters (UN Peace and Security Data Hub DPPADPOSS-PKO)',
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
  mapRow(fr, ctx) {
    const acronym = fr.text('mission_acronym', true);
    const rawName = fr.text('mission_name');
    // The source cut DOMREP's name short inside its quotes, leaving an unmatched opening quote.
    const name = rawName && /^"[^"]*$/.test(rawName) ? rawName.slice(1) : rawName;
    const active = fr.bool('mission_isactive');
    const start = fr.date('start_date');
    const end = fr.date('end_date');
    if (start && end && end < start) fr.fail('end_date', `${end} is before the start ${start}`);
    const hq = fr.text('mission_location');
    let missionId: string | undefined;
    if (acronym) {
      missionId =
        ctx.crosswalk.missionFromName(FORMAT, acronym) ??
        (name ? ctx.crosswalk.missionFromName(FORMAT, name) : undefined);
      if (!missionId) resolveMission(fr, ctx.crosswalk, FORMAT, 'mission_acronym', acronym);
    }
    const hqAt = missionHq(fr, ctx.crosswalk, missionId, 'mission_latitude', 'mission_longitude');
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
          ...hqProps(hq, hqAt),
        },
      ),
      node('Organization', 'UN', { name: 'United Nations' }),
      rel('DEPLOYED', 'UN', missionId, { source: FORMAT }, { lead: true }),
    ]);
  },
};
