import type { Crosswalk } from '../crosswalk';
import type { FieldReader } from '../fields';
import { HQ_CORRECTIONS_TABLE } from '../hq-corrections';
import type { NodeLabel, Props, PropValue, RelType, Scalar } from '../../model/graph';
import type { GraphOp, NodeOp, RelOp, RowResult } from '../types';

/**
 * Helpers shared by the readers of the public formats: op builders, crosswalk look-ups that turn a miss into
 * a FieldError telling the user which curated table to extend, and the coordinate checks two sources need.
 */

const STATES_TABLE = 'cypher/data/curated/states.csv';
const MISSION_ALIASES_TABLE = 'cypher/data/curated/mission_aliases.csv';

/** A node op; an endpoint a row only refers to has `props: {}` and what the row says about it in `onCreate`. */
export function node(label: NodeLabel, id: string, onCreate: Props = {}, props: Props = {}): NodeOp {
  return { kind: 'node', label, id, props, onCreate };
}

export function rel(type: RelType, from: string, to: string, key: Record<string, Scalar>, props: Props = {}): RelOp {
  return { kind: 'rel', type, from, to, key, props };
}

/**
 * A state's record of personnel in a mission, as the contribution formats write it: the state and the mission
 * (named where the row creates them) and CONTRIBUTED_TO, keyed by source, first month and site ('' for a
 * source that counts per mission).
 */
export function contributionOps(
  state: { id: string; name: PropValue },
  mission: { id: string; name: PropValue },
  key: { source: string; from: string; site?: string },
  props: Props,
): GraphOp[] {
  return [
    node('State', state.id, { name: state.name }),
    node('Mission', mission.id, { name: mission.name }),
    rel('CONTRIBUTED_TO', state.id, mission.id, { source: key.source, from: key.from, site: key.site ?? '' }, props),
  ];
}

/**
 * The row's ops, or none when any field failed: a row is imported whole or not at all. The corrections the
 * reader made (FieldReader.correct) go with an imported row, to be reported.
 */
export function result(fr: FieldReader, ops: GraphOp[]): RowResult {
  if (fr.errors.length) return { ops: [], errors: fr.errors };
  return fr.corrections.length ? { ops, errors: [], corrections: fr.corrections } : { ops, errors: [] };
}

/**
 * Removes the stray trailing apostrophe some IPI cells carry (`South Sudan'`); the curated README leaves
 * it out of the aliases on purpose, so that the importer, not the crosswalk, deals with it.
 */
export function stripApostrophe(s: string): string {
  return s.replace(/\s*'+$/, '');
}

/** A text cell with a stray trailing apostrophe removed. */
export function cleanText(fr: FieldReader, field: string, required = false): string | null | undefined {
  const v = fr.text(field, required);
  return typeof v === 'string' ? stripApostrophe(v) : v;
}

type StateLookup = 'iso' | 'cow' | 'name';
const LOOKUP_WORDS: Record<StateLookup, string> = { iso: 'ISO-3 code ', cow: 'COW code ', name: '' };

/**
 * Resolves a state through the crosswalk. `value` is the cell already read (null or undefined: nothing to
 * resolve, the FieldReader has reported it if it was required).
 */
export function resolveState(
  fr: FieldReader,
  cw: Crosswalk,
  field: string,
  how: StateLookup,
  value: string | number | null | undefined,
): string | undefined {
  if (value === null || value === undefined) return undefined;
  const id =
    how === 'iso'
      ? cw.stateFromIso(String(value))
      : how === 'cow'
        ? cw.stateFromCow(value)
        : cw.stateFromName(String(value));
  return id ?? fr.fail(field, `unknown state ${LOOKUP_WORDS[how]}'${value}' (add it to ${STATES_TABLE})`);
}

/** The reason given for a state name the crosswalk lacks, for lists parsed out of one cell. */
export function unknownStateName(name: string): string {
  return `unknown state '${name}' (add it to ${STATES_TABLE})`;
}

/**
 * Resolves a mission name as one source writes it. The host, when the source gives one, lets the alias
 * table tell apart one operation split per host country.
 */
export function resolveMission(
  fr: FieldReader,
  cw: Crosswalk,
  format: string,
  field: string,
  name: string | null | undefined,
  hostId = '',
): string | undefined {
  if (!name) return undefined;
  const id = cw.missionFromName(format, name, hostId);
  return (
    id ??
    fr.fail(
      field,
      `unknown mission '${name}'${hostId ? ` in host ${hostId}` : ''} (add it to ${MISSION_ALIASES_TABLE})`,
    )
  );
}

export interface LatLon {
  latitude: number;
  longitude: number;
}

/**
 * Reads a pair of coordinate cells (decimal commas allowed). Both empty: null. Sources swap the two in
 * places; a swap can only be proven from the row when the latitude is outside [-90, 90] while the longitude
 * would be a valid latitude, and then the pair is swapped back and the correction reported. Any other
 * out-of-range value rejects the field. A swap with both values in range cannot be seen in one row and is
 * left as written (see missionHq for the curated corrections of such swaps).
 */
export function coordinates(fr: FieldReader, latField: string, lonField: string): LatLon | null | undefined {
  const lat = fr.number(latField);
  const lon = fr.number(lonField);
  if (lat === undefined || lon === undefined) return undefined;
  if (lat === null && lon === null) return null;
  if (lat === null) return fr.fail(latField, `is empty while ${lonField} is ${lon}`);
  if (lon === null) return fr.fail(lonField, `is empty while ${latField} is ${lat}`);
  let pair: LatLon = { latitude: lat, longitude: lon };
  if (Math.abs(lat) > 90 && Math.abs(lon) <= 90) {
    pair = { latitude: lon, longitude: lat };
    fr.correct(
      latField,
      `${lat} is not a latitude (outside -90..90) while ${lonField} ${lon} is one: swapped back to latitude ${lon}, longitude ${lat}`,
    );
  }
  if (Math.abs(pair.latitude) > 90)
    return fr.fail(latField, `${lat} is not a latitude (outside -90..90), nor is ${lonField} ${lon}`);
  if (Math.abs(pair.longitude) > 180)
    return fr.fail(lonField, `${pair.longitude} is not a longitude (outside -180..180)`);
  return pair;
}

/** A mission's headquarters pair as written to the graph, and the correction it took (null: none). */
export interface MissionHq {
  at: LatLon | null | undefined;
  correctionRef: string | null;
}

/**
 * Reads a mission's headquarters pair (see coordinates) and applies the mission's row of
 * mission_hq_corrections.csv, if any, through the crosswalk. That row holds the pair the right way round, the
 * source's own two numbers in the other order; so the correction applies only to a pair that is exactly the
 * row's pair swapped: the pair is swapped back, the correction reported, and `correctionRef` is the row's
 * source. A pair equal to the row's is already right and kept. Any other pair is rejected: the source is not
 * the one the correction was written for (a newer copy of the file?), and is never silently mis-corrected.
 */
export function missionHq(
  fr: FieldReader,
  cw: Crosswalk,
  missionId: string | undefined,
  latField: string,
  lonField: string,
): MissionHq {
  const at = coordinates(fr, latField, lonField);
  if (!at || !missionId) return { at, correctionRef: null };
  const found = cw.hqCorrection(missionId);
  if (!found) return { at, correctionRef: null };
  if ('problem' in found) return { at: fr.fail(latField, found.problem), correctionRef: null };
  const c = found.correction;
  if (at.latitude === c.latitude && at.longitude === c.longitude) return { at, correctionRef: null };
  const where = `${HQ_CORRECTIONS_TABLE} line ${c.line}`;
  if (at.latitude === c.longitude && at.longitude === c.latitude) {
    fr.correct(
      latField,
      `latitude ${at.latitude}, longitude ${at.longitude} (${latField}, ${lonField}) is the pair of ${where} the other way round: ` +
        `swapped back to latitude ${c.latitude}, longitude ${c.longitude} for ${missionId}`,
    );
    return { at: { latitude: c.latitude, longitude: c.longitude }, correctionRef: c.source };
  }
  return {
    at: fr.fail(
      latField,
      `latitude ${at.latitude}, longitude ${at.longitude} is neither the headquarters of ${missionId} in ${where} ` +
        `(${c.latitude}, ${c.longitude}) nor that pair swapped: check the correction against this file`,
    ),
    correctionRef: null,
  };
}

/**
 * The headquarters properties of a Mission: `hq` (the place as the source names it), `hqLatitude`,
 * `hqLongitude`, and `hqCorrectionRef` only when a curated correction was applied.
 */
export function hqProps(hq: string | null | undefined, read: MissionHq): Props {
  return {
    hq,
    hqLatitude: read.at?.latitude ?? null,
    hqLongitude: read.at?.longitude ?? null,
    ...(read.correctionRef ? { hqCorrectionRef: read.correctionRef } : {}),
  };
}

/** A count of personnel: a whole number, at least 0; missing stays null. */
export function count(fr: FieldReader, field: string): number | null | undefined {
  return fr.int(field, { min: 0 });
}

/** A year as used in month keys: four digits, within the range any of the sources covers. */
export function year(fr: FieldReader, field: string): number | null | undefined {
  return fr.int(field, { required: true, min: 1800, max: 2100 });
}
