/**
 * The codes the panels carry beside the graph's ids, so that they merge with other data sets: COW IGO numbers for
 * organizations (and COW and ISO-3 codes for a lead state), COW and ISO-3 codes for states, integer UCDP conflict
 * ids for conflicts.
 */
import type { Database } from '../../db/database';

/**
 * State ids that are not ISO 3166 codes (cypher/data/curated/README.md, Identifiers): COW abbreviations of states
 * that ended where ISO's code passed to another state or never existed, Hyderabad's G&W abbreviation and Korea
 * 1887-1905. Every other state id is an ISO 3166-1 alpha-3 code, an ISO 3166-3 former code (`CSK`, `DDR`, `YMD`)
 * or Kosovo's `XKX` (the code the UN and the EU use; ISO has assigned none).
 */
const NOT_ISO3 = new Set([
  'GFR',
  'YAR',
  'RVN',
  'ZAN',
  'HAN',
  'BAV',
  'BAD',
  'SAX',
  'WRT',
  'HSE',
  'HSG',
  'MEC',
  'AUH',
  'PAP',
  'SIC',
  'MOD',
  'PMA',
  'TUS',
  'HYD',
  'COW-KOR',
]);

/** The ISO-3 code of a state id; null for an id that is not one. */
export function iso3Of(stateId: string): string | null {
  return /^[A-Z]{3}$/.test(stateId) && !NOT_ISO3.has(stateId) ? stateId : null;
}

/** The integer UCDP conflict id of a conflict id (`ucdp-283` -> 283); null for another id. */
export function ucdpConflictId(id: string): number | null {
  const m = /^ucdp-(\d+)$/.exec(id);
  return m ? Number(m[1]) : null;
}

export interface StateCodes {
  id: string;
  name: string | null;
  iso3: string | null;
  /** COW state number (ccode). */
  cowCode: number | null;
  /** COW state abbreviation (never an ISO code: COW `AUS` is Austria). */
  cowAbb: string | null;
}

export interface OrganizationCodes {
  id: string;
  kind: string | null;
  /** COW IGO v3 organization number (ionum); null for organizations COW does not list. */
  cowIgo: number | null;
  /** COW IGO v3 short name (`ioname`: UN, EU, NATO). */
  cowIgoName: string | null;
  /** A lead state (`STATE-FRA`): the state's codes. */
  state: StateCodes | null;
}

export interface Codes {
  states: Map<string, StateCodes>;
  organizations: Map<string, OrganizationCodes>;
}

/** Reads the codes of every state and organization. */
export async function readCodes(db: Database): Promise<Codes> {
  const stateRows = await db.read<{ id: string; name: string | null; cowCode: number | null; cowAbb: string | null }>(
    'MATCH (s:State) RETURN s.id AS id, s.name AS name, s.cowCode AS cowCode, s.cowAbb AS cowAbb',
  );
  const states = new Map(stateRows.map((s) => [s.id, { ...s, iso3: iso3Of(s.id) }]));
  const orgRows = await db.read<{ id: string; kind: string | null; cowIgo: number | null; cowIgoName: string | null }>(
    'MATCH (o:Organization) RETURN o.id AS id, o.kind AS kind, o.cowNumber AS cowIgo, o.cowIgo AS cowIgoName',
  );
  const organizations = new Map(
    orgRows.map((o) => [
      o.id,
      {
        ...o,
        state:
          o.kind === 'lead_state' && o.id.startsWith('STATE-')
            ? (states.get(o.id.slice('STATE-'.length)) ?? null)
            : null,
      },
    ]),
  );
  return { states, organizations };
}

/** The codes of an organization id (all null for an id the graph does not hold). */
export function organizationCodes(codes: Codes, id: string): OrganizationCodes {
  return codes.organizations.get(id) ?? { id, kind: null, cowIgo: null, cowIgoName: null, state: null };
}

/** A unit of co-deployment (a UCDP conflict id `ucdp-N`, or a host state's id) with its codes. */
export interface UnitCodes {
  unit: string;
  unitType: 'conflict' | 'host_state';
  ucdpConflictId: number | null;
  hostIso3: string | null;
  hostCowCode: number | null;
}

export function unitCodes(codes: Codes, unit: string): UnitCodes {
  const ucdp = ucdpConflictId(unit);
  if (ucdp !== null) return { unit, unitType: 'conflict', ucdpConflictId: ucdp, hostIso3: null, hostCowCode: null };
  const state = codes.states.get(unit);
  return {
    unit,
    unitType: 'host_state',
    ucdpConflictId: null,
    hostIso3: state?.iso3 ?? iso3Of(unit),
    hostCowCode: state?.cowCode ?? null,
  };
}
