import type { FieldReader } from '../fields';
import { monthOf } from '../fields';
import type { FormatName } from '../../model/sources';
import type { FormatReader } from '../types';
import { cleanText, contributionOps, count, resolveMission, resolveState, result } from './common';

/**
 * What the IPI Peacekeeping Database's monthly files share: a `Date` cell that must name a month, and (in the
 * two contribution layouts) one row per contributing state, UN mission and month, read into
 * `state -CONTRIBUTED_TO-> mission` for that month.
 */

/** The required `Date` cell of an IPI row; a date without a month is a field error. */
export function monthDate(fr: FieldReader): string | null | undefined {
  const date = fr.date('Date', true);
  if (date && date.length < 7) fr.fail('Date', `'${date}' has no month`);
  return date;
}

/** One IPI contribution layout: its column names and the relationship property each count column fills. */
export interface IpiContributionLayout {
  format: FormatName;
  description: string;
  /** The contributor's ISO-3 column. */
  isoColumn: string;
  /** Whether the ISO-3 cell may carry IPI's stray trailing apostrophe (removed before the look-up). */
  isoHasApostrophe: boolean;
  /** The host's ISO-3 column, used only to pick a per-host alias of the mission name. */
  hostColumn?: string;
  /** Relationship property and its column, in the order the properties are written. */
  counts: readonly (readonly [property: string, column: string])[];
}

/**
 * The reader of one IPI contribution layout. Emits the State (named by `Contributor`), the Mission and
 * `state -CONTRIBUTED_TO-> mission` for the month of `Date` (`from` = `to`), with the layout's counts.
 */
export function ipiContributionReader(layout: IpiContributionLayout): FormatReader {
  const { format, isoColumn, hostColumn } = layout;
  return {
    name: format,
    description: layout.description,
    requiredColumns: [
      'Date',
      'Contributor',
      isoColumn,
      'Mission',
      ...(hostColumn ? [hostColumn] : []),
      ...layout.counts.map(([, c]) => c),
    ],
    mapRow(fr, ctx) {
      const cw = ctx.crosswalk;
      const date = monthDate(fr);
      const contributor = cleanText(fr, 'Contributor');
      const iso = layout.isoHasApostrophe ? cleanText(fr, isoColumn, true) : fr.text(isoColumn, true);
      const stateId = resolveState(fr, cw, isoColumn, 'iso', iso);
      const hostCode = hostColumn ? cleanText(fr, hostColumn) : undefined;
      const hostId = hostCode ? (cw.stateFromIso(hostCode) ?? '') : '';
      const mission = cleanText(fr, 'Mission', true);
      const missionId = resolveMission(fr, cw, format, 'Mission', mission, hostId);
      const props = Object.fromEntries(layout.counts.map(([property, column]) => [property, count(fr, column)]));
      if (!date || !stateId || !missionId || fr.errors.length) return result(fr, []);
      const month = monthOf(date);
      return result(
        fr,
        contributionOps(
          { id: stateId, name: contributor },
          { id: missionId, name: mission },
          { source: format, from: month },
          { to: month, granularity: 'month', ...props },
        ),
      );
    },
  };
}
