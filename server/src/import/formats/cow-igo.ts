import type { Crosswalk } from '../crosswalk';
import { MEMBERSHIP_CORRECTIONS_TABLE } from '../crosswalk';
import type { FieldReader } from '../fields';
import type { FormatReader, RowResult } from '../types';
import { node, rel, resolveState, result, year } from './common';

const FORMAT = 'cow-igo';

/**
 * The last year COW IGO v3 observes. A spell ending then means "still a member in 2014", not an exit, so its
 * `end` stays empty and `observedUntil` keeps the year.
 */
export const COW_IGO_LAST_YEAR = 2014;

const STATUS = ['full', 'associate', 'observer'] as const;

/**
 * The organization of an `ioname`, or the skip result for an IGO the project does not model: of COW's 534
 * IGOs only those mapped in organizations.csv (its `cow_igo` column) are imported.
 */
function organization(fr: FieldReader, cw: Crosswalk): { orgId: string; ioname: string } | RowResult {
  const ioname = fr.text('ioname', true);
  if (!ioname) return result(fr, []);
  const orgId = cw.organizationFromName(ioname);
  if (!orgId) return { ops: [], errors: [], skipped: `IGO '${ioname}' is not in organizations.csv` };
  return { orgId, ioname };
}

/**
 * COW IGO v3, one row per IGO (`cow_igo_v3_organizations.csv`: `ioname, orgname, longorgname, ionum, sdate,
 * deaddate, ...`). Emits the Organization with COW's founding and dissolution years under
 * `founded@cow-igo` / `dissolved@cow-igo`, its `cowIgo` name and `cowNumber`.
 */
export const cowIgoOrganizations: FormatReader = {
  name: FORMAT,
  description: 'COW IGO v3: intergovernmental organizations (one row per IGO)',
  requiredColumns: ['ioname', 'longorgname', 'ionum', 'sdate', 'deaddate'],
  mapRow(fr, ctx) {
    const org = organization(fr, ctx.crosswalk);
    if (!('orgId' in org)) return org;
    const founded = fr.date('sdate', true);
    const dissolved = fr.date('deaddate');
    if (founded && dissolved && dissolved < founded) fr.fail('deaddate', `${dissolved} is before the start ${founded}`);
    const props = {
      cowIgo: org.ioname,
      [`founded@${FORMAT}`]: founded,
      [`dissolved@${FORMAT}`]: dissolved,
      cowNumber: fr.int('ionum', { required: true, min: 1 }),
    };
    return result(fr, [node('Organization', org.orgId, { name: fr.text('longorgname') }, props)]);
  },
};

/**
 * COW IGO v3 membership spells (`cow_igo_v3_membership_spells.csv`, consecutive observed years of one state in
 * one IGO with one status, reshaped from `state_year_formatv3`). Emits the State (COW code) and
 * `state -MEMBER_OF-> organization` keyed by the start year and status; `end` is empty for a spell still
 * running in 2014 (COW's last year), `observedUntil` is the spell's last observed year either way.
 *
 * Known errors of COW are corrected by `cypher/data/curated/membership_corrections.csv` (through the
 * crosswalk): a spell with a correcting row (same state, organization, status and `cow_start` = `start_year`)
 * is written with the row's `start` and `end` (empty: still a member) and keyed by the corrected start, and
 * keeps COW's own years as `cowStart` / `cowEnd` and the row's source as `correctionRef`; its `observedUntil`
 * is the last year up to 2014 that the corrected spell covers. The row also names COW's `end_year`
 * (`cow_end`): a COW row whose `end_year` differs (another or newer copy of the file, where the error may be
 * gone) is rejected on `end_year`, never silently mis-corrected, as is a spell whose correcting row is
 * invalid or written twice. Spells the table adds are written by the curated import, not here.
 */
export const cowIgoMemberships: FormatReader = {
  name: FORMAT,
  description: 'COW IGO v3: membership spells of states in IGOs (full, associate, observer), 1816-2014',
  requiredColumns: ['ccode', 'state', 'ioname', 'status_label', 'start_year', 'end_year', 'n_obs'],
  mapRow(fr, ctx) {
    const org = organization(fr, ctx.crosswalk);
    if (!('orgId' in org)) return org;
    const ccode = fr.int('ccode', { required: true, min: 1, max: 999 });
    const stateId = resolveState(fr, ctx.crosswalk, 'ccode', 'cow', ccode);
    const status = fr.oneOf('status_label', STATUS, true);
    const start = year(fr, 'start_year');
    const end = year(fr, 'end_year');
    if (start && end && end < start) fr.fail('end_year', `${end} is before the start ${start}`);
    const observations = fr.int('n_obs', { min: 1 });
    if (!stateId || !status || !start || !end || fr.errors.length) return result(fr, []);
    const found = ctx.crosswalk.membershipCorrection(stateId, org.orgId, status, start);
    if (found && 'problem' in found) fr.fail('start_year', found.problem);
    const correction = found && 'correction' in found ? found.correction : undefined;
    if (correction && correction.cowEnd !== String(end)) {
      fr.fail(
        'end_year',
        `${end} is not ${correction.cowEnd}, the COW end year that the correction of this spell ` +
          `(${MEMBERSHIP_CORRECTIONS_TABLE} line ${correction.line}) was written for: check the correction against this file`,
      );
    }
    const spell = correction
      ? {
          key: { source: FORMAT, start: correction.start, status },
          props: {
            end: correction.end,
            observedUntil: String(
              Math.min(correction.end ? Number(correction.end.slice(0, 4)) : COW_IGO_LAST_YEAR, COW_IGO_LAST_YEAR),
            ),
            observations,
            cowStart: String(start),
            cowEnd: String(end),
            correctionRef: correction.source,
          },
        }
      : {
          key: { source: FORMAT, start: String(start), status },
          props: { end: end === COW_IGO_LAST_YEAR ? null : String(end), observedUntil: String(end), observations },
        };
    return result(fr, [
      node('State', stateId, { name: fr.text('state') }),
      node('Organization', org.orgId, { name: org.ioname }),
      rel('MEMBER_OF', stateId, org.orgId, spell.key, spell.props),
    ]);
  },
};
