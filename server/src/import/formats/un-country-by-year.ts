import type { FormatReader } from '../types';
import { contributionOps, count, resolveMission, resolveState, result, year } from './common';

const FORMAT = 'un-country-by-year';

/** Why the zero cells are not imported; one fixed text, so the import report counts them together. */
export const ZERO_CELL = 'zero cell of the full country x mission grid';

/**
 * UN contributions as yearly averages (`CountryByYear.csv`, here `un_country_mission_year_2010-2021_*.csv`,
 * derived by its authors from the UN gender statistics): one row per year, contributing state (by name)
 * and mission, with average monthly female, male and total personnel. Emits the State, the Mission and
 * `state -CONTRIBUTED_TO-> mission` over the year, marked `average`.
 *
 * The file is the full grid of every state with every mission, so most rows are zeros: a row with Total,
 * Female and Male all 0 is skipped as a zero cell before any name is resolved. The averages are rounded, so
 * Female + Male can differ from Total; 2021 covers only part of the year.
 */
export const unCountryByYearReader: FormatReader = {
  name: FORMAT,
  description: 'UN contributions by state, mission and year as average monthly personnel, 2010-2021',
  requiredColumns: ['Year', 'Country', 'Mission', 'Female', 'Male', 'Total'],
  mapRow(fr, ctx) {
    const cw = ctx.crosswalk;
    const y = year(fr, 'Year');
    const female = count(fr, 'Female');
    const male = count(fr, 'Male');
    const total = count(fr, 'Total');
    const country = fr.text('Country', true);
    const mission = fr.text('Mission', true);
    if (!fr.errors.length && total === 0 && female === 0 && male === 0)
      return { ops: [], errors: [], skipped: ZERO_CELL };
    const stateId = resolveState(fr, cw, 'Country', 'name', country);
    const missionId = resolveMission(fr, cw, FORMAT, 'Mission', mission);
    if (!y || !stateId || !missionId || fr.errors.length) return result(fr, []);
    return result(
      fr,
      contributionOps(
        { id: stateId, name: country },
        { id: missionId, name: mission },
        { source: FORMAT, from: `${y}-01` },
        { to: `${y}-12`, granularity: 'year', average: true, total, female, male },
      ),
    );
  },
};
