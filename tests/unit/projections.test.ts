import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, GraphQLObjectType } from 'graphql';
import { CONFLICT, MISSION, ORGANIZATION, PERSON, STATE } from '../../server/src/modules/common/projections';
import type { Projection } from '../../server/src/modules/common/projections';
import { CONFLICT_RELATIONS } from '../../server/src/modules/conflict/conflict.relations';
import { MISSION_RELATIONS } from '../../server/src/modules/mission/mission.relations';
import { ORGANIZATION_RELATIONS } from '../../server/src/modules/organization/organization.relations';
import { PERSON_RELATIONS } from '../../server/src/modules/person/person.relations';
import { STATE_RELATIONS } from '../../server/src/modules/state/state.relations';

/** The entity projections narrowed to a selection (modules/common/projections.ts); their answers on a real graph: seeded/look-ahead.test.ts. */
describe('the entity projections', () => {
  it('read every field without a selection', () => {
    expect(MISSION('m')).toBe(
      'm { .id, sources: coalesce(m.sources, []), datasets: coalesce(m.datasets, []), aliases: coalesce(m.aliases, []), .sourceRef, ' +
        "name: coalesce(m.name, m.acronym, m.id), acronym: coalesce(m.acronym, m.id), .start, .end, .lastEvidence, startPrecision: CASE size(m.start) WHEN 4 THEN 'YEAR' WHEN 7 THEN 'MONTH' WHEN 10 THEN 'DAY' END, endPrecision: CASE size(coalesce(m.end, m.lastEvidence)) WHEN 4 THEN 'YEAR' WHEN 7 THEN 'MONTH' WHEN 10 THEN 'DAY' END, .operationType, kinds: coalesce(m.kinds, []), " +
        'mandates: coalesce(m.mandates, []), .maxPersonnel, headquarters: CASE WHEN m:Mission AND m.hqLatitude IS NOT NULL AND m.hqLongitude IS NOT NULL\n' +
        "  THEN {latitude: m.hqLatitude, longitude: m.hqLongitude, label: m.hq, basis: 'HEADQUARTERS', count: 1, source: CASE WHEN 'un-pko-list' IN coalesce(m.sources, []) THEN 'un-pko-list' WHEN 'ipi-missions' IN coalesce(m.sources, []) THEN 'ipi-missions' END} END, label: 'Mission' }",
    );
  });

  it('read only the selected fields, with id, name and label always', () => {
    expect(MISSION('x', new Set(['start', 'acronym']))).toBe(
      "x { .id, name: coalesce(x.name, x.acronym, x.id), acronym: coalesce(x.acronym, x.id), .start, label: 'Mission' }",
    );
    expect(ORGANIZATION('o', new Set())).toBe("o { .id, .name, label: 'Organization' }");
    expect(CONFLICT('c', new Set(['intensity']))).toContain(
      "intensity: [y IN coalesce(c.years, []) | {year: y, level: c['intensity_' + toString(y)]}]",
    );
  });

  it('never write a selected name that is not one of their own fields', () => {
    const hostile = new Set(['name', 'x}) DETACH DELETE n //', '__typename', 'organizations', 'label']);
    expect(STATE('s', hostile)).toBe("s { .id, name: coalesce(s.name, s.id), label: 'State' }");
  });

  it('cover every field of the entity types in schema.graphql that is not a relation', () => {
    const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
    const types: [string, Projection, Record<string, unknown>][] = [
      ['Organization', ORGANIZATION, ORGANIZATION_RELATIONS],
      ['Mission', MISSION, MISSION_RELATIONS],
      ['State', STATE, STATE_RELATIONS],
      ['Conflict', CONFLICT, CONFLICT_RELATIONS],
      ['Person', PERSON, PERSON_RELATIONS],
    ];
    // Fields with a query of their own (the personnel measure of cypher/analysis), like relations.
    const ownQuery: Record<string, string[]> = { Mission: ['personnelByYear'] };
    for (const [name, projection, relations] of types) {
      const type = schema.getType(name);
      expect(type).toBeInstanceOf(GraphQLObjectType);
      const missing = Object.keys((type as GraphQLObjectType).getFields()).filter(
        (f) => !projection.fields.includes(f) && !(f in relations) && !(ownQuery[name] ?? []).includes(f),
      );
      expect({ type: name, missing }).toEqual({ type: name, missing: [] });
    }
  });
});
