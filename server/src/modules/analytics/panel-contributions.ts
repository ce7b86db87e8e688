/**
 * contributions.csv: the personnel states contributed to missions, one row per state, mission, period and source,
 * as each source gives it (a month, a year, or a span in which the state is only known to be present). Geo-PKO
 * counts per deployment site: its sites of one state, mission and year are summed into one row. Unknown figures
 * stay empty, never 0.
 */
import type { Database } from '../../db/database';
import type { Codes } from './panel-codes';
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
  {
    name: 'state',
    type: 'string',
    description: "The contributing state's id in the graph (ISO-3 where it has one).",
    value: (r) => r.state,
  },
  { name: 'state_name', type: 'string', description: 'Its name (UN M49 English name).', value: (r) => r.stateName },
  {
    name: 'iso3',
    type: 'string',
    description:
      'ISO 3166-1 alpha-3 code (ISO 3166-3 former code for CSK, DDR, YMD; XKX for Kosovo); empty for states without one.',
    value: (r) => r.iso3,
  },
  {
    name: 'cow_code',
    type: 'integer',
    description: 'COW state number (ccode); empty for a state COW does not list.',
    value: (r) => r.cowCode,
  },
  { name: 'mission', type: 'string', description: "The mission's id in the graph.", value: (r) => r.mission },
  { name: 'mission_name', type: 'string', description: "The mission's name.", value: (r) => r.missionName },
  {
    name: 'period_start',
    type: 'date',
    description: 'First day of the period the record covers.',
    value: (r) => monthStart(r.from),
  },
  { name: 'period_end', type: 'date', description: 'Last day of that period.', value: (r) => monthEnd(r.to) },
  { name: 'year', type: 'integer', description: 'Year of period_start.', value: (r) => Number(r.from.slice(0, 4)) },
  {
    name: 'month',
    type: 'integer',
    description: 'Month (1-12) when the record covers one month; empty for a year or a longer span.',
    value: (r) => (singleMonth(r) ? Number(r.from.slice(5, 7)) : null),
  },
  {
    name: 'granularity',
    type: 'string',
    description:
      'What the period is: month (a monthly figure), year (a yearly figure: an average or an estimate), presence (the state is known to have had personnel there, size unknown).',
    value: (r) => r.granularity,
  },
  {
    name: 'personnel',
    type: 'number',
    description:
      "Personnel: the source's total (for a year, un-country-by-year's average monthly personnel), else Geo-PKO's estimated troops summed over the sites; empty when the source gives no figure (presence, or a Geo-PKO site of unknown size): unknown, never 0.",
    value: (r) => r.personnel,
  },
  {
    name: 'troops',
    type: 'number',
    description: 'Troops (contingent personnel) where the source separates them.',
    value: (r) => r.troops,
  },
  {
    name: 'police',
    type: 'number',
    description: 'Individual police where the source separates them.',
    value: (r) => r.police,
  },
  {
    name: 'formed_police',
    type: 'number',
    description: 'Formed police units where the source separates them.',
    value: (r) => r.formedPolice,
  },
  {
    name: 'experts',
    type: 'number',
    description: 'Experts on mission (military observers, liaison and staff officers) where the source separates them.',
    value: (r) => r.experts,
  },
  {
    name: 'observers',
    type: 'number',
    description: "Observers where the source counts them apart (IPI's 2014 snapshot).",
    value: (r) => r.observers,
  },
  {
    name: 'female',
    type: 'number',
    description: 'Women among the personnel where the source counts them (IPI gender data).',
    value: (r) => r.female,
  },
  {
    name: 'estimated',
    type: 'boolean',
    description: "1 when the figure is an estimate (Geo-PKO's unit sizes read from UN deployment maps).",
    value: (r) => r.estimated,
  },
  {
    name: 'yearly_average',
    type: 'boolean',
    description: "1 when the figure is a yearly average of monthly figures (the UN's country-by-year data).",
    value: (r) => r.average,
  },
  {
    name: 'sites',
    type: 'integer',
    description:
      'Deployment sites summed into the row (Geo-PKO counts per site); 0 for sources that count per mission.',
    value: (r) => r.sites,
  },
  {
    name: 'source',
    type: 'string',
    description:
      'Import source (ipi-contributions, ipi-snapshot, un-country-by-year, geopko-tcc, curated); codebook.json lists the datasets with their SHA-256.',
    value: (r) => r.source,
  },
  {
    name: 'dataset',
    type: 'string',
    description: 'The imported file (format:file) the record comes from.',
    value: (r) => r.dataset,
  },
  {
    name: 'source_ref',
    type: 'string',
    description: 'The document a curated record cites; empty for the data sets.',
    value: (r) => r.sourceRef,
  },
];
