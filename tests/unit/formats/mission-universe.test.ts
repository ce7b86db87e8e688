import path from 'node:path';
import { Crosswalk } from '../../../server/src/import/crosswalk';
import {
  CURATED_TABLES,
  OPERATION_TYPES,
  missionUniverseTable as reader,
} from '../../../server/src/import/curated/tables';
import { mapRow, readRows } from './helpers';

/**
 * mission_universe.csv: the reader on hand-written rows, then the shipped table against the shipped
 * missions.csv (one row per mission, no other mission, the cases the README names).
 */

const CURATED = path.join(__dirname, '../../../cypher/data/curated');

const cw = new Crosswalk();
cw.addMission({
  id: 'UNIFIED-PROTECTOR',
  acronym: 'Unified Protector',
  name: 'NATO Operation Unified Protector (Libya)',
  aliases: '',
});
cw.addMission({
  id: 'UNMISS',
  acronym: 'UNMISS',
  name: 'United Nations Mission in the Republic of South Sudan',
  aliases: '',
});

const row = (cells: Record<string, string>) => ({
  mission_id: 'UNIFIED-PROTECTOR',
  operation_type: 'enforcement_operation',
  reason: 'Enforcement of the no-fly zone and the arms embargo.',
  source: 'S/RES/1973 (2011)',
  ...cells,
});

describe('mission_universe.csv reader', () => {
  it('sets operationType and operationTypeRef on the mission, filling no more than a stub would', () => {
    expect(mapRow(reader, row({}), cw)).toEqual({
      errors: [],
      ops: [
        {
          kind: 'node',
          label: 'Mission',
          id: 'UNIFIED-PROTECTOR',
          props: { operationType: 'enforcement_operation', operationTypeRef: 'S/RES/1973 (2011)' },
          onCreate: { name: 'UNIFIED-PROTECTOR', acronym: 'UNIFIED-PROTECTOR' },
        },
      ],
    });
  });

  it('accepts each of the five operation types', () => {
    expect([...OPERATION_TYPES].sort()).toEqual([
      'enforcement_operation',
      'naval_operation',
      'peace_operation',
      'support_office',
      'support_operation',
    ]);
    for (const t of OPERATION_TYPES)
      expect(mapRow(reader, row({ mission_id: 'UNMISS', operation_type: t }), cw).errors).toEqual([]);
  });

  it('rejects an unknown operation type, naming the field', () => {
    expect(mapRow(reader, row({ operation_type: 'peacekeeping' }), cw)).toEqual({
      ops: [],
      errors: [
        {
          field: 'operation_type',
          reason:
            "'peacekeeping' is not one of peace_operation, naval_operation, support_office, enforcement_operation, support_operation",
        },
      ],
    });
  });

  it('rejects a missing source, reason or operation type, naming the field', () => {
    expect(mapRow(reader, row({ source: '' }), cw)).toEqual({
      ops: [],
      errors: [{ field: 'source', reason: 'is empty' }],
    });
    expect(mapRow(reader, row({ reason: ' ' }), cw)).toEqual({
      ops: [],
      errors: [{ field: 'reason', reason: 'is empty' }],
    });
    expect(mapRow(reader, row({ operation_type: '' }), cw)).toEqual({
      ops: [],
      errors: [{ field: 'operation_type', reason: 'is empty' }],
    });
  });

  it('rejects a mission id that is not an id of missions.csv, also an acronym or a spelling in another case', () => {
    for (const unknown of ['NOT-A-MISSION', 'unmiss', 'Unified-Protector']) {
      expect(mapRow(reader, row({ mission_id: unknown }), cw)).toEqual({
        ops: [],
        errors: [{ field: 'mission_id', reason: `'${unknown}' is not a mission id of missions.csv` }],
      });
    }
    expect(mapRow(reader, row({ mission_id: 'UNMISS X' }), cw).errors).toEqual([
      { field: 'mission_id', reason: "'UNMISS X' is not a valid id (letters, digits, '.', '_' or '-')" },
    ]);
  });

  it('runs right after missions.csv in a full load', () => {
    const names = CURATED_TABLES.map(([name]) => name);
    expect(names.indexOf('mission_universe.csv')).toBe(names.indexOf('missions.csv') + 1);
    expect(CURATED_TABLES.find(([name]) => name === 'mission_universe.csv')?.[1]).toBe(reader);
  });
});

describe('the shipped mission_universe.csv', () => {
  const missions = readRows(path.join(CURATED, 'missions.csv'));
  const universe = readRows(path.join(CURATED, 'mission_universe.csv'));
  const typeOf = (id: string) => universe.filter((r) => r.mission_id === id).map((r) => r.operation_type);

  it('has exactly one row for every mission of missions.csv and no row for another mission', () => {
    const ids = missions.map((m) => m.id ?? '');
    const counts = new Map<string, number>();
    for (const r of universe) counts.set(r.mission_id ?? '', (counts.get(r.mission_id ?? '') ?? 0) + 1);
    expect(ids.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect([...counts.keys()].filter((id) => !ids.includes(id))).toEqual([]);
    expect(universe).toHaveLength(missions.length);
  });

  it('reads every row without an error against the shipped crosswalk', () => {
    const real = Crosswalk.load(CURATED);
    const failures = universe
      .map((r, i) => ({ line: i + 2, errors: mapRow(reader, r, real, i + 2).errors }))
      .filter((f) => f.errors.length);
    expect(failures).toEqual([]);
  });

  it('types the cases the README names', () => {
    expect(typeOf('UNIFIED-PROTECTOR')).toEqual(['enforcement_operation']);
    expect(typeOf('UNSOS')).toEqual(['support_office']);
    expect(typeOf('UNSOA')).toEqual(['support_office']);
    expect(typeOf('LBB')).toEqual(['support_office']);
    expect(typeOf('EUNAVFOR-ATALANTA')).toEqual(['naval_operation']);
    for (const id of ['EUNAVFOR-MED-SOPHIA', 'EUNAVFOR-MED-IRINI', 'EUNAVFOR-ASPIDES'])
      expect(typeOf(id)).toEqual(['naval_operation']);
    expect(typeOf('EU-SUPPORT-AMIS')).toEqual(['support_operation']);
    expect(typeOf('MNJTF')).toEqual(['enforcement_operation']);
    for (const id of ['ISAF', 'RSM', 'UNMISS', 'EUFOR-ALTHEA', 'OSCE-SMM-UKRAINE', 'AMISOM'])
      expect(typeOf(id)).toEqual(['peace_operation']);
  });

  it('gives a part the type of its umbrella operation', () => {
    const mismatched = missions
      .filter((m) => m.parent_id)
      .filter((m) => typeOf(m.id ?? '')[0] !== typeOf(m.parent_id ?? '')[0])
      .map((m) => `${m.id} (${m.parent_id})`);
    expect(mismatched).toEqual([]);
  });
});
