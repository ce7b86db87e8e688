import type { Database } from '../db/database';
import type { Logger } from '../logger';
import type { Config } from '../config';
import type { Caller } from '../auth/tokens';
import type { Loaders } from './loaders';

/**
 * What every resolver receives: the database, the request's logger and the settings. The HTTP layer builds
 * it for each request (`http/request-context.ts`); the type lives here so that resolvers need not import `http/`.
 */
export interface GraphQLContext {
  db: Database;
  logger: Logger;
  config: Config;
  requestId: string;
  loaders: Loaders;
  /** The caller of the bearer token, read once per request and only when an operation needs it. */
  caller: () => Promise<Caller | null>;
}
