import type { FieldReader } from '../fields';
import type { FormatReader, GraphOp } from '../types';
import { node, rel, result } from './common';

const FORMAT = 'ucdp-acd';
const INCOMPATIBILITY: Record<string, string> = {
  '1': 'territory',
  '2': 'government',
  '3': 'territory and government',
};
const CONFLICT_TYPE: Record<string, string> = {
  '1': 'extrasystemic',
  '2': 'interstate',
  '3': 'intrastate',
  '4': 'internationalized intrastate',
};
const REGION: Record<string, string> = {
  '1': 'Europe',
  '2': 'Middle East',
  '3': 'Asia',
  '4': 'Africa',
  '5': 'Americas',
};

/** The parties columns: which side and role each Gleditsch-Ward list stands for. */
const PARTIES = [
  { field: 'gwno_a', side: 'A', role: 'primary' },
  { field: 'gwno_a_2nd', side: 'A', role: 'secondary' },
  { field: 'gwno_b', side: 'B', role: 'primary' },
  { field: 'gwno_b_2nd', side: 'B', role: 'secondary' },
] as const;

/** A comma-separated list cell (`651, 666`, UCDP also writes `2,  90`), as trimmed items. */
function items(fr: FieldReader, field: string): string[] {
  return (fr.raw(field) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Gleditsch-Ward codes of a list cell resolved to states as of the year (G&W 260 and 678 changed meaning in 1990). */
function gwStates(
  fr: FieldReader,
  field: string,
  yearText: string,
  lookup: (code: string, date: string) => string | undefined,
): string[] {
  const out: string[] = [];
  for (const code of items(fr, field)) {
    if (!/^\d+$/.test(code)) {
      fr.fail(field, `'${code}' is not a Gleditsch-Ward code`);
      continue;
    }
    const id = lookup(code, yearText);
    if (id) {
      if (!out.includes(id)) out.push(id);
    } else fr.fail(field, `unknown state G&W code '${code}' in ${yearText} (add it to cypher/data/curated/states.csv)`);
  }
  return out;
}

/**
 * Derives, once a file is in, each conflict's years, first and last year and highest intensity from its
 * `intensity_<year>` properties. Years are collected with UNWIND/ORDER BY/collect, since sorting a list needs
 * no plugin that way.
 */
const FINALIZE = [
  `MATCH (c:Conflict)
WITH c, [k IN keys(c) WHERE k STARTS WITH 'intensity_'] AS ks
WHERE size(ks) > 0
UNWIND ks AS k
WITH c, toInteger(substring(k, 10)) AS y, c[k] AS level
ORDER BY y
WITH c, collect(y) AS years, max(level) AS maxIntensity
SET c.years = years, c.firstYear = years[0], c.lastYear = years[size(years) - 1], c.maxIntensity = maxIntensity`,
] as const;

/**
 * UCDP/PRIO Armed Conflict Dataset, conflict-year rows (`UcdpPrioConflict_v23_1.csv` with US dates M/D/YYYY,
 * `ucdp-prio-acd-201.csv` with ISO dates; same columns). Emits the Conflict `ucdp-<conflict_id>` with its
 * descriptive fields and, per year, `intensity_<year>` and `episodeEnd_<year>`; `LOCATED_IN` to every state of
 * `gwno_loc`; and `PARTY_TO` from every state of the four `gwno_*` party lists, keyed by side, role and year.
 *
 * `region` is a list of UCDP region names (`1, 3` is Europe and Asia). The descriptive fields (sides,
 * location) change over a conflict's years; each row restates them, so the last year written stands.
 * Non-state sides have no code and give no PARTY_TO. Codes are Gleditsch-Ward, resolved as of the row's year.
 */
export const ucdpAcdReader: FormatReader = {
  name: FORMAT,
  description: 'UCDP/PRIO Armed Conflict Dataset: conflict-years with sides, intensity, type and locations',
  requiredColumns: [
    'conflict_id',
    'location',
    'side_a',
    'side_b',
    'incompatibility',
    'territory_name',
    'year',
    'intensity_level',
    'type_of_conflict',
    'start_date',
    'ep_end_date',
    'gwno_a',
    'gwno_a_2nd',
    'gwno_b',
    'gwno_b_2nd',
    'gwno_loc',
    'region',
  ],
  version(fileName, firstRow) {
    const v = firstRow.version?.trim();
    if (v && /^\d+(\.\d+)?$/.test(v)) return `v${v}`;
    const byName = /_v(\d+)_(\d+)\.csv$/i.exec(fileName) ?? /acd-(\d\d)(\d)\.csv$/i.exec(fileName);
    return byName ? `v${byName[1]}.${byName[2]}` : undefined;
  },
  mapRow(fr, ctx) {
    const cw = ctx.crosswalk;
    const conflictNumber = fr.int('conflict_id', { required: true, min: 1 });
    const y = fr.int('year', { required: true, min: 1946, max: 2100 });
    const location = fr.text('location', true);
    const sideA = fr.text('side_a', true);
    const sideB = fr.text('side_b');
    const incompatibility = fr.oneOf('incompatibility', Object.keys(INCOMPATIBILITY), true);
    const type = fr.oneOf('type_of_conflict', Object.keys(CONFLICT_TYPE), true);
    const intensity = fr.int('intensity_level', { required: true, min: 1, max: 2 });
    const start = fr.date('start_date');
    const episodeEnd = fr.date('ep_end_date');
    const regions: string[] = [];
    for (const code of items(fr, 'region')) {
      const name = REGION[code];
      if (name) regions.push(name);
      else fr.fail('region', `'${code}' is not a UCDP region (1-5)`);
    }
    const yearText = y ? String(y) : '';
    const lookup = (code: string, date: string) => cw.stateFromGw(code, date);
    const located = gwStates(fr, 'gwno_loc', yearText, lookup);
    const parties = PARTIES.map((p) => ({ ...p, states: gwStates(fr, p.field, yearText, lookup) }));
    if (!conflictNumber || !y || fr.errors.length) return result(fr, []);
    const conflict = `ucdp-${conflictNumber}`;
    const states = [...new Set([...located, ...parties.flatMap((p) => p.states)])];
    const ops: GraphOp[] = [
      node(
        'Conflict',
        conflict,
        {},
        {
          // UCDP is the authority on conflicts: its name overwrites the stub another source may have created.
          name: `${location}: ${sideA} vs ${sideB ?? ''}`.trim(),
          location,
          sideA,
          sideB,
          incompatibility: incompatibility ? INCOMPATIBILITY[incompatibility] : null,
          territory: fr.text('territory_name'),
          type: type ? CONFLICT_TYPE[type] : null,
          region: regions.length ? regions : null,
          start,
          [`intensity_${y}`]: intensity,
          [`episodeEnd_${y}`]: episodeEnd,
        },
      ),
      ...states.map((s) => node('State', s)),
      ...located.map((s) => rel('LOCATED_IN', conflict, s, { source: FORMAT })),
    ];
    for (const p of parties) {
      for (const s of p.states)
        ops.push(rel('PARTY_TO', s, conflict, { source: FORMAT, side: p.side, role: p.role, year: y }));
    }
    return result(fr, ops);
  },
  finalize: FINALIZE,
};
