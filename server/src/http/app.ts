import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import type { GraphQLContext } from '../modules/common/context';
import { buildGraphQLSchema } from '../schema';
import { Loaders } from '../modules/common/loaders';
import { createFormatError } from './format-error';
import { healthHandler } from './health';

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

/** Wires the HTTP server: `/graphql` (Apollo), `/healthz`, and the network view's static files at `/`. */
export async function startApp(deps: AppDeps): Promise<RunningApp> {
  const { config, db, logger } = deps;
  const production = config.env === 'production';
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildGraphQLSchema(),
    introspection: config.graphql.introspection,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Shutdown is ours: drain HTTP, close the driver, then stop the local Neo4j (see cli/start.ts).
    stopOnTerminationSignals: false,
    formatError: createFormatError(logger, production),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.get('/healthz', healthHandler(db));
  app.use(
    '/graphql',
    express.json({ limit: `${config.http.bodyLimitKb}kb` }),
    expressMiddleware(apollo, {
      context: ({ req }) => {
        const header = req.headers['x-request-id'];
        const requestId = typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
        return Promise.resolve({ db, config, requestId, logger: logger.child({ requestId }), loaders: new Loaders(db) });
      },
    }),
  );

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
  return {
    httpServer,
    url,
    stop: () => apollo.stop(),
  };
}
