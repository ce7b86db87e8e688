/**
 * The reader of state_capitals.csv: the capital of each state and its coordinates (Natural Earth 1:110m
 * populated places; the rules are in cypher/data/curated/README.md), for the network view's map.
 */
import type { GraphOp } from '../types';
import { curatedTable, id, result, sourceRef } from './table-helpers';

/**
 * Sets `capital`, `capitalLatitude`, `capitalLongitude` and `capitalRef` (the row's source) on a State. The
 * table only places states: a `state_id` that is not an id of states.csv (as the crosswalk knows them, in
 * that case) is a row error, so that a typo never creates a state; coordinates outside [-90, 90] and
 * [-180, 180] are rejected, and nothing is swapped or guessed.
 */
export const stateCapitalsTable = curatedTable({
  description: 'Capitals of states and their coordinates (state_capitals.csv)',
  requiredColumns: ['state_id', 'capital', 'latitude', 'longitude', 'source'],
  read(f, ctx) {
    const stateId = id(f, 'state_id');
    if (stateId && ctx.crosswalk.stateFromIso(stateId) !== stateId)
      f.fail('state_id', `'${stateId}' is not a state id of states.csv`);
    const capital = f.text('capital', true);
    const latitude = f.number('latitude', { required: true, min: -90, max: 90 });
    const longitude = f.number('longitude', { required: true, min: -180, max: 180 });
    const op: GraphOp = {
      kind: 'node',
      label: 'State',
      id: stateId ?? '',
      props: { capital, capitalLatitude: latitude, capitalLongitude: longitude, capitalRef: sourceRef(f) },
      onCreate: {},
    };
    return result(f, [op]);
  },
});
