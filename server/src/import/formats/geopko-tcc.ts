import type { FormatReader, GraphOp } from '../types';
import { coordinates, node, rel, resolveMission, result, unknownStateName, year } from './common';

const FORMAT = 'geopko-tcc';
const OVERVIEW = 'year.overview';

/** One contributor of a Geo-PKO `year.overview` cell: the name as written and the estimated troops. */
export interface TccEntry {
  name: string;
  /** Estimated from the standard unit size on UN deployment maps; null where Geo-PKO writes `size unknown`. */
  size: number | null;
}

// An entry ends at its size group, so a name may hold commas or its own parentheses (`Korea (ROK) (150)`).
const ENTRY = /\s*(.*?)\s*\((\d+|size unknown)\)\s*(?:,|$)/iy;

/** Parses a `year.overview` cell (`Bangladesh (150), Drc (size unknown)`); a string is the reason it cannot. */
export function parseOverview(text: string): TccEntry[] | string {
  const entries: TccEntry[] = [];
  let pos = 0;
  while (pos < text.length) {
    ENTRY.lastIndex = pos;
    const m = ENTRY.exec(text);
    if (!m || ENTRY.lastIndex === pos)
      return `cannot read '${text.slice(pos)}' (expected 'Name (number)' or 'Name (size unknown)')`;
    const [, name = '', size = ''] = m;
    if (!name) return `an entry has no name: '${m[0].trim()}'`;
    entries.push({ name, size: /^\d+$/.test(size) ? Number(size) : null });
    pos = ENTRY.lastIndex;
  }
  return entries;
}

/**
 * Geo-PKO v2.3 contributor map (`geopko_TCCMap_v2.3.csv`, the Geo-PKO dashboard's aggregate): one row per UN
 * mission, year and deployment location, listing in `year.overview` the contributing states with estimated
 * unit sizes. Emits the Mission, each contributing State (by name) and `state -CONTRIBUTED_TO-> mission`
 * for the year at that site (`site` = the location), marked `estimated`.
 *
 * Entries that are not states (`TCC name unknown`, `Multinational`, ...) are those listed for this format in
 * non_state_contributors.csv and are left out; a row naming only such entries is skipped. The file has no
 * host column, so no HOSTED_BY. A few locations appear twice in a mission-year with different coordinates;
 * they share one site key, and the later row's figures stand.
 */
export const geopkoTccReader: FormatReader = {
  name: FORMAT,
  description:
    'Geo-PKO v2.3 contributor map: contributing states per UN mission, year and deployment site, with estimated sizes',
  requiredColumns: ['mission', 'year', 'location', 'latitude', 'longitude', OVERVIEW],
  mapRow(fr, ctx) {
    const cw = ctx.crosswalk;
    const mission = fr.text('mission', true);
    const missionId = resolveMission(fr, cw, FORMAT, 'mission', mission);
    const y = year(fr, 'year');
    const site = fr.text('location', true);
    const at = coordinates(fr, 'latitude', 'longitude');
    const overview = fr.text(OVERVIEW, true);
    const parsed = overview ? parseOverview(overview) : [];
    if (typeof parsed === 'string') fr.fail(OVERVIEW, parsed);
    const contributors: { id: string; entry: TccEntry }[] = [];
    for (const entry of Array.isArray(parsed) ? parsed : []) {
      if (cw.isNonStateContributor(FORMAT, entry.name)) continue;
      const id = cw.stateFromName(entry.name);
      if (!id) {
        fr.fail(OVERVIEW, unknownStateName(entry.name));
        continue;
      }
      const twice = contributors.find((c) => c.id === id);
      if (twice) fr.fail(OVERVIEW, `names ${id} twice ('${twice.entry.name}' and '${entry.name}')`);
      else contributors.push({ id, entry });
    }
    if (!missionId || !y || !site || fr.errors.length) return result(fr, []);
    if (!contributors.length)
      return {
        ops: [],
        errors: [],
        skipped: 'names no contributing state (only entries of non_state_contributors.csv)',
      };
    const ops: GraphOp[] = [node('Mission', missionId, { name: mission })];
    for (const c of contributors) ops.push(node('State', c.id, { name: c.entry.name }));
    for (const c of contributors) {
      ops.push(
        rel(
          'CONTRIBUTED_TO',
          c.id,
          missionId,
          { source: FORMAT, from: `${y}-01`, site },
          {
            to: `${y}-12`,
            granularity: 'year',
            estimated: true,
            troopsEstimate: c.entry.size,
            latitude: at?.latitude ?? null,
            longitude: at?.longitude ?? null,
          },
        ),
      );
    }
    return result(fr, ops);
  },
};
