/**
 * contributions.csv: the personnel states contributed to missions, one row per state, mission, period and source,
 * as each source gives it (a month, a year, or a span in which the state is only known to be present). Geo-PKO
 * counts per deployment site: its sites of one state, mission and year are summed into one row. Unknown figures
 * stay empty, never 0.
 */
import type { Database } from '../../db/database';
import type { Codes } from './panel-codes';
import { codebookColumns } from './panel-columns';
import type { PanelColumn } from './panel-columns';

/** What a CONTRIBUTED_TO record and a row of the panel both say: the mission, the source and the period. */
interface ContributionPeriod {
  mission: string;
  missionName: string | null;
  source: string;
  dataset: string | null;
  granularity: string | null;
  from: string;
  to: string;
}

/** The figures of a record or a row; each null where the source gives none. */
interface ContributionFigures {
  personnel: number | null;
  troops: number | null;
  police: number | null;
  formedPolice: number | null;
  experts: number | null;
  observers: number | null;
  female: number | null;
}

/** One CONTRIBUTED_TO record as the query reads it. */
interface ContributionRecord extends ContributionPeriod, ContributionFigures {
  state: string;
  site: string | null;
  estimated: boolean | null;
  average: boolean | null;
  sourceRef: string | null;
}

/** One row of contributions.csv: a record, or the sites of one source summed, with the state's codes. */
export interface ContributionRow extends ContributionPeriod, ContributionFigures {
  state: string;
  stateName: string | null;
  iso3: string | null;
  cowCode: number | null;
  sites: number;
  estimated: boolean;
  average: boolean;
  sourceRef: string | null;
}

/** The whole months a record covers, as dates: `2004-06` -> 2004-06-01 .. 2004-06-30. */
function monthStart(month: string): string {
  return `${month.slice(0, 7)}-01`;
}

function monthEnd(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 7)}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The sum of figures, null when any is unknown (a partial sum would read as a smaller contribution). */
function sumKnown(values: (number | null)[]): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return values.length ? total : null;
}

/**
 * The contributions whose period overlaps the years, of every mission of the graph (with `universe`, of the
 * missions that source records), sites of one source summed.
 */
export async function contributionRows(
  db: Database,
  codes: Codes,
  opts: { fromYear: number; toYear: number; universe: string | null },
): Promise<ContributionRow[]> {
  const records = await db.read<ContributionRecord>(
    `MATCH (s:State)-[c:CONTRIBUTED_TO]->(m:Mission)
     WHERE c.from <= $toMonth AND c.to >= $fromMonth AND ($universe IS NULL OR $universe IN coalesce(m.sources, []))
     RETURN s.id AS state, m.id AS mission, m.name AS missionName, c.source AS source, c.dataset AS dataset,
            c.granularity AS granularity, c.from AS from, c.to AS to, c.site AS site,
            coalesce(c.total, c.troopsEstimate) AS personnel, c.troops AS troops, c.police AS police, c.formedPolice AS formedPolice,
            c.experts AS experts, c.observers AS observers, c.female AS female, c.estimated AS estimated,
            c.average AS average, c.sourceRef AS sourceRef
     ORDER BY state, mission, from, source, site`,
    { fromMonth: `${opts.fromYear}-01`, toMonth: `${opts.toYear}-12`, universe: opts.universe },
  );
  const groups = new Map<string, ContributionRecord[]>();
  for (const r of records) {
    const key = JSON.stringify([r.state, r.mission, r.source, r.from, r.to]);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()].map((group) => {
    const r = group[0];
    const state = codes.states.get(r.state);
    const sum = (pick: (x: ContributionRecord) => number | null) => sumKnown(group.map(pick));
    const refs = [...new Set(group.map((x) => x.sourceRef).filter((x): x is string => !!x))];
    return {
      state: r.state,
      stateName: state?.name ?? null,
      iso3: state?.iso3 ?? null,
      cowCode: state?.cowCode ?? null,
      mission: r.mission,
      missionName: r.missionName,
      source: r.source,
      dataset: r.dataset,
      granularity: r.granularity,
      from: r.from,
      to: r.to,
      sites: group.filter((x) => x.site).length,
      personnel: sum((x) => x.personnel),
      troops: sum((x) => x.troops),
      police: sum((x) => x.police),
      formedPolice: sum((x) => x.formedPolice),
      experts: sum((x) => x.experts),
      observers: sum((x) => x.observers),
      female: sum((x) => x.female),
      estimated: group.some((x) => x.estimated === true),
      average: group.some((x) => x.average === true),
      sourceRef: refs.length ? refs.join(' / ') : null,
    };
  });
}

const singleMonth = (r: ContributionRow): boolean => r.from === r.to;

export const CONTRIBUTION_COLUMNS: PanelColumn<ContributionRow>[] = [
  ...codebookColumns<ContributionRow>('contributions', {
    state: (r) => r.state,
    state_name: (r) => r.stateName,
    iso3: (r) => r.iso3,
    cow_code: (r) => r.cowCode,
    mission: (r) => r.mission,
    mission_name: (r) => r.missionName,
    period_start: (r) => monthStart(r.from),
    period_end: (r) => monthEnd(r.to),
    year: (r) => Number(r.from.slice(0, 4)),
    month: (r) => (singleMonth(r) ? Number(r.from.slice(5, 7)) : null),
    granularity: (r) => r.granularity,
    personnel: (r) => r.personnel,
    troops: (r) => r.troops,
    police: (r) => r.police,
    formed_police: (r) => r.formedPolice,
    experts: (r) => r.experts,
    observers: (r) => r.observers,
    female: (r) => r.female,
    estimated: (r) => r.estimated,
    yearly_average: (r) => r.average,
    sites: (r) => r.sites,
    source: (r) => r.source,
    dataset: (r) => r.dataset,
    source_ref: (r) => r.sourceRef,
  }),
];
