import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import express from 'express';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Neo4jProcessState } from '../db/neo4j-supervisor';
import type { Logger } from '../logger';
import type { GraphQLContext } from '../request/context';
import { buildGraphQLSchema } from '../schema';
import { complexityPlugin } from './complexity';
import { createFormatError } from './format-error';
import { graphqlHandler } from './graphql-handler';
import { EventLoopMonitor } from './event-loop';
import { healthHandler } from './health';
import { mountPlayground } from './playground';
import { API_POLICY, PAGE_POLICY, setSecurityHeaders } from './security-headers';
import { queryGuard } from './query-guard';
import { requestContext } from './request-context';

export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
  repoRoot: string;
  /** The supervised local Neo4j's state, when this process launched one (shown on /healthz to loopback). */
  neo4jProcess?: () => Neo4jProcessState;
}

export interface RunningApp {
  httpServer: http.Server;
  url: string;
  /** Stops accepting requests, lets the ones in flight finish, then resolves. */
  stop(): Promise<void>;
}

/** `/graphql`, with or without a trailing slash or a query string, in any case (as express routes it). */
function isGraphQLPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?', 1)[0]?.toLowerCase();
  return path === '/graphql' || path === '/graphql/';
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
  // `/graphql` is served by Node's http server directly (graphql-handler.ts); express serves the rest.
  // (set once Apollo has started, before the server listens)
  const routes: { graphql?: http.RequestListener } = {};
  const httpServer = http.createServer((req, res) => {
    if (routes.graphql && isGraphQLPath(req.url)) {
      setSecurityHeaders(res, API_POLICY);
      routes.graphql(req, res);
    } else {
      setSecurityHeaders(res, PAGE_POLICY);
      app(req, res);
    }
  });
  // A client that sends its headers or its request slowly is cut off instead of holding a connection for minutes.
  httpServer.headersTimeout = 10_000;
  httpServer.requestTimeout = 30_000;
  // At most this many open connections; more are refused at once instead of queueing on a busy server.
  httpServer.maxConnections = config.http.maxConnections;
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
      // No field sets cache hints: without the plugin no resolver is wrapped to collect them (a share of every large answer).
      ApolloServerPluginCacheControlDisabled(),
      complexityPlugin(schema, {
        maxComplexity: config.graphql.maxComplexity,
        maxPageSize: config.graphql.maxPageSize,
        maxExpensiveFields: config.graphql.maxExpensiveFields,
      }),
    ],
  });
  await apollo.start();

  const eventLoop = new EventLoopMonitor();
  app.get(
    '/healthz',
    healthHandler({ db, neo4jProcess: deps.neo4jProcess, eventLoop, token: config.http.healthToken }),
  );
  if (config.graphql.playground) mountPlayground(app, deps.repoRoot);
  const guard = queryGuard({
    maxDepth: config.graphql.maxDepth,
    maxAliases: config.graphql.maxAliases,
    maxDirectives: 50,
    maxFields: 400,
    maxTokens: 20_000,
  });
  routes.graphql = graphqlHandler({
    apollo,
    bodyLimitKb: config.http.bodyLimitKb,
    budgetMs: config.graphql.requestBudgetMs,
    guard,
    logger,
    context: requestContext({ db, config, logger }),
  });

  // The network view's build: client/dist, or CLIENT_DIST_DIR (a build made elsewhere, relative to the repository).
  const clientDist = path.resolve(deps.repoRoot, config.http.clientDist ?? path.join('client', 'dist'));
  if (fs.existsSync(clientDist)) app.use(express.static(clientDist));
  else
    app.get('/', (_req, res) =>
      res.type('text/plain').send('The network view is not built: run `npm run build:client`.\nAPI: POST /graphql\n'),
    );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.http.port, config.http.host, () => resolve());
  });
  const addr = httpServer.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.http.port;
  const url = `http://${config.http.host}:${port}`;
  logger.info({ url }, 'HTTP server listening');
  return {
    httpServer,
    url,
    stop: async () => {
      eventLoop.stop();
      await apollo.stop();
    },
  };
}
