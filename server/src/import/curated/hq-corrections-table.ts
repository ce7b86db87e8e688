/**
 * The curated import of mission_hq_corrections.csv: checks each row; the source readers apply them.
 */
import { readHqCorrection } from '../hq-corrections';
import { curatedTable, id, result } from './table-helpers';

/**
 * Corrections of headquarters pairs that a source writes with latitude and longitude swapped, both in range
 * (mission_hq_corrections.csv; the rules are in cypher/data/curated/README.md). Every row is checked: a
 * `mission_id` of missions.csv (as the crosswalk knows them), a pair in range whose swap is a possible pair
 * too, a `source`. A valid row writes nothing here: the un-pko-list and ipi-missions readers apply it, through
 * the crosswalk, to the source rows of that mission whose pair is exactly the row's pair swapped, and report
 * each such row.
 */
export const hqCorrectionsTable = curatedTable({
  description: 'Corrections of mission headquarters pairs written swapped by a source (mission_hq_corrections.csv)',
  requiredColumns: ['mission_id', 'hq_latitude', 'hq_longitude', 'source'],
  read(f, ctx) {
    const missionId = id(f, 'mission_id');
    if (missionId && ctx.crosswalk.missionFromName('', missionId) !== missionId)
      f.fail('mission_id', `'${missionId}' is not a mission id of missions.csv`);
    readHqCorrection(f, ctx.line);
    const checked = result(f, []);
    if (checked.errors.length) return checked;
    const repeated = ctx.crosswalk.hqCorrection(missionId ?? '');
    if (repeated && 'problem' in repeated)
      return { ops: [], errors: [{ field: 'mission_id', reason: repeated.problem }] };
    return {
      ops: [],
      errors: [],
      skipped: 'corrects a headquarters pair written swapped (applied by the un-pko-list and ipi-missions imports)',
    };
  },
});
