import { z } from 'zod';

/**
 * The one reader of `process.env`. Every setting of the server, the importer and the local Neo4j launcher is
 * declared here with its default, validated once, and passed on as a typed object.
 */
const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: intFrom(0, 65535).default(4000),
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'must be a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI')
    .optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_BOLT_PORT: intFrom(1, 65535).default(7687),
  NEO4J_DATA_DIR: z.string().min(1).default('.neo4j'),
  NEO4J_PAGE_CACHE_MB: intFrom(16, 1 << 20).default(512),
  NEO4J_HEAP_MB: intFrom(128, 1 << 20).default(1024),
  NEO4J_START_TIMEOUT_S: intFrom(5, 3600).default(180),
  NEO4J_TX_TIMEOUT_MS: intFrom(100, 3_600_000).default(15_000),
  NEO4J_CONNECT_TIMEOUT_S: intFrom(1, 3600).default(60),
  NEO4J_MAX_POOL_SIZE: intFrom(1, 1000).default(50),
  GRAPHQL_INTROSPECTION: z.enum(['true', 'false']).optional(),
  GRAPHQL_PLAYGROUND: z.enum(['true', 'false']).optional(),
  GRAPHQL_MAX_DEPTH: intFrom(1, 100).default(10),
  GRAPHQL_MAX_COMPLEXITY: intFrom(1, 1_000_000).default(20_000),
  GRAPHQL_MAX_ALIASES: intFrom(1, 1000).default(30),
  GRAPHQL_MAX_PAGE_SIZE: intFrom(1, 10_000).default(500),
  GRAPHQL_MAX_EXPENSIVE_FIELDS: intFrom(1, 100).default(2),
  GRAPHQL_REQUEST_BUDGET_MS: intFrom(100, 600_000).default(10_000),
  HTTP_MAX_CONNECTIONS: intFrom(1, 100_000).default(256),
  HEALTH_TOKEN: z.string().min(16).optional(),
  CLIENT_DIST_DIR: z.string().min(1).optional(),
  HTTP_BODY_LIMIT_KB: intFrom(1, 100_000).default(100),
  SHUTDOWN_TIMEOUT_MS: intFrom(0, 600_000).default(10_000),
  IMPORT_BATCH_SIZE: intFrom(1, 100_000).default(2000),
});

/** Where the database is: a local Neo4j that the project launches, or an existing one named by `NEO4J_URI`. */
export type Neo4jTarget =
  | { kind: 'local'; boltPort: number; dataDir: string; pageCacheMb: number; heapMb: number; startTimeoutS: number }
  | { kind: 'remote' };

export interface Config {
  env: 'development' | 'production' | 'test';
  logLevel: string;
  http: {
    host: string;
    port: number;
    bodyLimitKb: number;
    shutdownTimeoutMs: number;
    maxConnections: number;
    healthToken: string | null;
    clientDist: string | null;
  };
  neo4j: {
    uri: string;
    user: string;
    password: string;
    database: string;
    txTimeoutMs: number;
    /** How long to wait for an existing Neo4j (NEO4J_URI, or the local one another process runs) to answer. */
    connectTimeoutMs: number;
    maxPoolSize: number;
    target: Neo4jTarget;
  };
  graphql: {
    introspection: boolean;
    playground: boolean;
    maxDepth: number;
    maxComplexity: number;
    maxAliases: number;
    maxPageSize: number;
    /** Expensive root fields (modules/common/costs.ts) allowed in one operation. */
    maxExpensiveFields: number;
    /** How long one request may run; its database transactions get what is left of it as their timeout. */
    requestBudgetMs: number;
  };
  import: { batchSize: number };
}

/** Raised when the environment does not describe a valid configuration; the message names every bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates the configuration from an environment (by default `process.env`). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const target: Neo4jTarget = e.NEO4J_URI
    ? { kind: 'remote' }
    : {
        kind: 'local',
        boltPort: e.NEO4J_BOLT_PORT,
        dataDir: e.NEO4J_DATA_DIR,
        pageCacheMb: e.NEO4J_PAGE_CACHE_MB,
        heapMb: e.NEO4J_HEAP_MB,
        startTimeoutS: e.NEO4J_START_TIMEOUT_S,
      };
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    http: {
      host: e.HOST,
      port: e.PORT,
      bodyLimitKb: e.HTTP_BODY_LIMIT_KB,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      maxConnections: e.HTTP_MAX_CONNECTIONS,
      healthToken: e.HEALTH_TOKEN ?? null,
      clientDist: e.CLIENT_DIST_DIR ?? null,
    },
    neo4j: {
      uri: e.NEO4J_URI ?? `bolt://127.0.0.1:${e.NEO4J_BOLT_PORT}`,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      txTimeoutMs: e.NEO4J_TX_TIMEOUT_MS,
      connectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_S * 1000,
      maxPoolSize: e.NEO4J_MAX_POOL_SIZE,
      target,
    },
    graphql: {
      introspection: e.GRAPHQL_INTROSPECTION ? e.GRAPHQL_INTROSPECTION === 'true' : !production,
      playground: e.GRAPHQL_PLAYGROUND ? e.GRAPHQL_PLAYGROUND === 'true' : !production,
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxComplexity: e.GRAPHQL_MAX_COMPLEXITY,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxPageSize: e.GRAPHQL_MAX_PAGE_SIZE,
      maxExpensiveFields: e.GRAPHQL_MAX_EXPENSIVE_FIELDS,
      requestBudgetMs: e.GRAPHQL_REQUEST_BUDGET_MS,
    },
    import: { batchSize: e.IMPORT_BATCH_SIZE },
  };
}
