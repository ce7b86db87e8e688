import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Caller } from '../auth/tokens';
import { TokenStore } from '../auth/tokens';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import type { GraphQLContext } from '../request/context';
import { Loaders } from '../request/loaders';

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
 * Builds the context of each GraphQL request (the type lives in `request/`, which the resolvers may import):
 * its id (the client's `X-Request-Id` when it is a plain token, else a new one), a logger that names it, fresh
 * loaders, and the caller of its bearer token, read on first use.
 */
export function requestContext(deps: { db: Database; config: Config; logger: Logger }): (req: IncomingMessage) => Promise<GraphQLContext> {
  const { db, config, logger } = deps;
  return (req) => {
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
  };
}
