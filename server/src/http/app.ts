import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Caller } from '../auth/tokens';
import { TokenStore } from '../auth/tokens';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import type { GraphQLContext } from '../modules/common/context';
import { Loaders } from '../modules/common/loaders';
import { buildGraphQLSchema } from '../schema';
import { complexityPlugin } from './complexity';
import { createFormatError } from './format-error';
import { healthHandler } from './health';
import { mountPlayground } from './playground';
import { queryGuard } from './query-guard';

export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
  repoRoot: string;
}

export interface RunningApp {
  httpServer: http.Server;
  url: string;
  /** Stops accepting requests, lets the ones in flight finish, then resolves. */
  stop(): Promise<void>;
}

/** Reads the bearer token of a request lazily: only operations that need a caller pay for the lookup. */
function callerLoader(db: Database, header: string | undefined): () => Promise<Caller | null> {
  let pending: Promise<Caller | null> | undefined;
  return () => {
    if (!pending) {
      const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
      pending = m ? new TokenStore(db).verify(m[1]) : Promise.resolve(null);
    }
    return pending;
  };
}

/**
 * Wires the HTTP server: `/graphql` (Apollo, behind the query guard and the body limit), `/graphiql` (the
 * offline playground), `/healthz`, and the network view's static files at `/`.
 */
export async function startApp(deps: AppDeps): Promise<RunningApp> {
  const { config, db, logger } = deps;
  const production = config.env === 'production';
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const schema = await buildGraphQLSchema();

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: config.graphql.introspection,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Shutdown is ours: drain HTTP, close the driver, then stop the local Neo4j (see cli/start.ts).
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: 20_000 },
    formatError: createFormatError(logger, production),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      complexityPlugin(schema, config.graphql.maxComplexity, config.graphql.maxPageSize),
    ],
  });
  await apollo.start();

  app.get('/healthz', healthHandler(db));
  if (config.graphql.playground) mountPlayground(app, deps.repoRoot);
  app.use(
    '/graphql',
    express.json({ limit: `${config.http.bodyLimitKb}kb` }),
    queryGuard({ maxDepth: config.graphql.maxDepth, maxAliases: config.graphql.maxAliases, maxDirectives: 50, maxFields: 400, maxTokens: 20_000 }),
    expressMiddleware(apollo, {
      context: ({ req }) => {
        const header = req.headers['x-request-id'];
        const requestId = typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
        return Promise.resolve({
          db,
          config,
          requestId,
          logger: logger.child({ requestId }),
          loaders: new Loaders(db),
          caller: callerLoader(db, req.headers.authorization),
        });
      },
    }),
  );
  // Body-parser failures (a body over the limit, malformed JSON) answer as GraphQL errors with a status.
  app.use((err: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!err.status) {
      next(err);
      return;
    }
    const tooLarge = err.type === 'entity.too.large';
    res.status(err.status).json({
      errors: [{ message: tooLarge ? `The request body is larger than ${config.http.bodyLimitKb} KB.` : 'The request body is not valid JSON.', extensions: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }],
    });
  });

  const clientDist = path.join(deps.repoRoot, 'client', 'dist');
  if (fs.existsSync(clientDist)) app.use(express.static(clientDist));
  else app.get('/', (_req, res) => res.type('text/plain').send('The network view is not built: run `npm run build:client`.\nAPI: POST /graphql\n'));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.http.port, config.http.host, () => resolve());
  });
  const addr = httpServer.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.http.port;
  const url = `http://${config.http.host}:${port}`;
  logger.info({ url }, 'HTTP server listening');
  return { httpServer, url, stop: () => apollo.stop() };
}
