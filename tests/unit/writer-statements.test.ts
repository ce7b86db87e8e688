import { relStatement } from '../../server/src/import/writer';

/** The relationship statements of the import (import/writer.ts); their plans on a real Neo4j: integration/import-plan.test.ts. */
describe('the relationship statements of the import', () => {
  it('read row lists: endpoints, the op number, the uid of a series, then key values and properties in order', () => {
    const q = relStatement('CONTRIBUTED_TO', ['to', 'total']);
    expect(q).toContain('MATCH (a:State {id: row[0]})');
    expect(q).toContain('MATCH (b:Mission {id: row[1]})');
    expect(q).toContain('MERGE (a)-[r:CONTRIBUTED_TO {uid: row[3]}]->(b)');
    expect(q).toContain('ON CREATE SET r.`source` = row[4], r.`from` = row[5], r.`site` = row[6]');
    expect(q).toContain('SET r.`to` = row[7], r.`total` = row[8], r.dataset = $dataset');
    expect(q).toContain('RETURN collect(row[2]) AS written');
  });

  it('merge other types on their key properties, without a uid', () => {
    const q = relStatement('MEMBER_OF', ['end']);
    expect(q).toContain('MERGE (a)-[r:MEMBER_OF {`source`: row[3], `start`: row[4], `status`: row[5]}]->(b)');
    expect(q).not.toContain('ON CREATE');
    expect(q).toContain('SET r.`end` = row[6], r.dataset = $dataset');
  });

  it('refuse a property name that is not an identifier, and a type that is not in the model', () => {
    expect(() => relStatement('HOSTED_BY', ['start', 'x` = 1 DETACH DELETE a //'])).toThrow(
      /property name not allowed/,
    );
    expect(() => relStatement('HOSTED_BY', ['a b'])).toThrow(/property name not allowed/);
    expect(() => relStatement('OWNS' as never)).toThrow(/relationship type not allowed/);
  });
});
