import { ConfigError, loadConfig } from '../../server/src/config';

describe('loadConfig', () => {
  it('defaults to a local Neo4j on loopback port 7687 and the API on port 4000', () => {
    const c = loadConfig({});
    expect(c.neo4j.target).toMatchObject({ kind: 'local', boltPort: 7687, dataDir: '.neo4j' });
    expect(c.neo4j.uri).toBe('bolt://127.0.0.1:7687');
    expect(c.http.port).toBe(4000);
    expect(c.graphql.introspection).toBe(true);
  });

  it('launches nothing when NEO4J_URI is set and keeps the given credentials', () => {
    const c = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USER: 'u',
      NEO4J_PASSWORD: 'p',
      NEO4J_DATABASE: 'peace',
    });
    expect(c.neo4j.target.kind).toBe('remote');
    expect(c.neo4j).toMatchObject({
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'u',
      password: 'p',
      database: 'peace',
    });
  });

  it('turns introspection and the playground off in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphql).toMatchObject({ introspection: false, playground: false });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).graphql.introspection).toBe(true);
  });

  it('names every invalid variable in one error', () => {
    expect(() => loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://x', NODE_ENV: 'staging' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://x' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/NEO4J_URI: must be a neo4j:\/\//);
    }
  });
});
