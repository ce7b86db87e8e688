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
 * The context of one request. Its id and its logger are made on first use (most requests never log, and a child
 * logger copies its bindings), by getters on the class: Apollo copies the context's own properties for each
 * operation, which would call getters defined on the object itself.
 */
class RequestContext implements GraphQLContext {
  readonly loaders: Loaders;
  readonly caller: () => Promise<Caller | null>;
  private id: string | undefined;
  private childLogger: Logger | undefined;

  constructor(
    readonly db: Database,
    readonly config: Config,
    private readonly baseLogger: Logger,
    private readonly idHeader: string | string[] | undefined,
    authorization: string | undefined,
  ) {
    this.loaders = new Loaders(db);
    this.caller = callerLoader(db, authorization);
  }

  get requestId(): string {
    this.id ??= typeof this.idHeader === 'string' && /^[\w-]{1,64}$/.test(this.idHeader) ? this.idHeader : randomUUID();
    return this.id;
  }

  get logger(): Logger {
    this.childLogger ??= this.baseLogger.child({ requestId: this.requestId });
    return this.childLogger;
  }
}

/**
 * Builds the context of each GraphQL request (the type lives in `request/`, which the resolvers may import):
 * its id (the client's `X-Request-Id` when it is a plain token, else a new one) and a logger that names it, both
 * made on first use, fresh loaders, and the caller of its bearer token, read on first use.
 */
export function requestContext(deps: {
  db: Database;
  config: Config;
  logger: Logger;
}): (req: IncomingMessage) => Promise<GraphQLContext> {
  const { db, config, logger } = deps;
  return (req) =>
    Promise.resolve(new RequestContext(db, config, logger, req.headers['x-request-id'], req.headers.authorization));
}
