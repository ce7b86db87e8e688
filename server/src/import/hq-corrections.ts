import type { FieldReader } from './fields';

/**
 * The curated table of mission headquarters that a source writes with latitude and longitude swapped while
 * both values stay in range, so that no reader can see the swap in the row itself (documented in
 * cypher/data/curated/README.md).
 */
export const HQ_CORRECTIONS_TABLE = 'mission_hq_corrections.csv';

/**
 * One row of mission_hq_corrections.csv: the headquarters pair of a mission the right way round. The numbers
 * are a source's own, in the other order; `source` names the source row, the city it names and the evidence.
 */
export interface HqCorrection {
  /** 1-based line of the row in the table (the header is line 1). */
  line: number;
  missionId: string;
  latitude: number;
  longitude: number;
  source: string;
}

/** A correction as a reader finds it: the row, or why the table cannot be applied to this mission. */
export type HqCorrectionLookup = { correction: HqCorrection } | { problem: string };

/**
 * Reads and checks one row of mission_hq_corrections.csv: a `mission_id`, `hq_latitude` in [-90, 90],
 * `hq_longitude` in [-90, 90] too (the table corrects swaps that leave both values in range: a longitude beyond
 * 90 written as a latitude is an impossible latitude, which every reader already swaps back), two different
 * numbers (a pair equal to its swap needs no correction), and a `source`. Problems go to the FieldReader.
 */
export function readHqCorrection(fr: FieldReader, line: number): HqCorrection | undefined {
  const missionId = fr.text('mission_id', true);
  const latitude = fr.number('hq_latitude', { required: true, min: -90, max: 90 });
  const longitude = fr.number('hq_longitude', { required: true, min: -180, max: 180 });
  if (typeof longitude === 'number' && Math.abs(longitude) > 90) {
    fr.fail(
      'hq_longitude',
      `${longitude} cannot have been written as a latitude; the readers swap such a pair back without this table`,
    );
  }
  if (typeof latitude === 'number' && latitude === longitude)
    fr.fail('hq_longitude', 'equals hq_latitude: the swapped pair is the same pair');
  const source = fr.text('source', true);
  if (fr.errors.length || !missionId || typeof latitude !== 'number' || typeof longitude !== 'number' || !source)
    return undefined;
  return { line, missionId, latitude, longitude, source };
}
