import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import bodyParser from 'body-parser';
import { budgetExceeded, withRequestBudget } from '../db/request-budget';
import { ErrorCode } from '../errors';
import type { Logger } from '../logger';
import type { Rejection } from './query-guard';

export interface GraphQLHandlerOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  bodyLimitKb: number;
  /** How long one request may run (GRAPHQL_REQUEST_BUDGET_MS); its database calls get what is left of it. */
  budgetMs: number;
  /** The query guard (query-guard.ts): a rejection answers 400 before Apollo parses anything. */
  guard: (body: unknown, searchQuery: string | null) => Rejection | null;
  context: (req: IncomingMessage) => Promise<C>;
  logger: Logger;
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** How long past its budget a request may wait for the database's own timeout to end it. */
const DEADLINE_GRACE_MS = 2000;

const error = (message: string, code: ErrorCode) => ({ errors: [{ message, extensions: { code } }] });

/** Whether body-parser found a body: a value other than nothing or an empty object. */
const hasBody = (body: unknown): boolean =>
  body !== undefined &&
  body !== null &&
  !(typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);

/**
 * `/graphql` on Node's own `http` server: the JSON body parser (body-parser, as express.json), the query guard,
 * then Apollo, as Apollo's standalone server does. Serving it without express's router and response helpers
 * saves about a third of a millisecond per request (BENCHMARKS.md), a share of every short query.
 */
export function graphqlHandler<C extends BaseContext>(
  o: GraphQLHandlerOptions<C>,
): (req: IncomingMessage, res: ServerResponse) => void {
  const json = bodyParser.json({ limit: `${o.bodyLimitKb}kb` });
  const answer = async (req: IncomingMessage & { body?: unknown }, res: ServerResponse, url: URL) => {
    const method = (req.method ?? 'GET').toUpperCase();
    // A GET runs the operation of its URL (Apollo reads ?query=), so the guard must check that one: a GET with a
    // body would let the guard read a harmless body while Apollo runs the URL's operation.
    if ((method === 'GET' || method === 'HEAD') && hasBody(req.body)) {
      sendJson(
        res,
        400,
        error(
          'A GET request carries its operation in the URL (?query=...); send it without a body.',
          ErrorCode.BAD_REQUEST,
        ),
      );
      return;
    }
    const rejection = o.guard(
      method === 'GET' || method === 'HEAD' ? undefined : req.body,
      url.searchParams.get('query'),
    );
    if (rejection) {
      sendJson(res, 400, error(rejection.message, rejection.code));
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    // The database ends each transaction at what is left of the budget; should an answer still not come (a database
    // that accepts connections but does not answer), the request ends here a moment later all the same.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), o.budgetMs + DEADLINE_GRACE_MS);
    });
    const response = await Promise.race([
      o.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search: url.search, body: req.body },
        context: () => o.context(req),
      }),
      deadline,
    ]).finally(() => clearTimeout(timer));
    if (response === null) {
      o.logger.warn({ budgetMs: o.budgetMs }, 'request ended at its deadline without an answer');
      sendJson(res, 503, error(budgetExceeded(o.budgetMs).message, ErrorCode.REQUEST_TIMEOUT));
      return;
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
  return (req, res) => {
    json(req, res, (err?: Error & { status?: number; type?: string }) => {
      // Body-parser failures (a body over the limit, malformed JSON) answer as GraphQL errors with a status.
      if (err) {
        const tooLarge = err.type === 'entity.too.large';
        sendJson(
          res,
          err.status ?? 400,
          tooLarge
            ? error(`The request body is larger than ${o.bodyLimitKb} KB.`, ErrorCode.PAYLOAD_TOO_LARGE)
            : error('The request body is not valid JSON.', ErrorCode.BAD_REQUEST),
        );
        return;
      }
      withRequestBudget(o.budgetMs, () => answer(req, res, new URL(req.url ?? '/', 'http://localhost'))).catch(
        (e: unknown) => {
          o.logger.error({ err: e }, 'GraphQL request failed outside Apollo');
          if (res.headersSent) res.destroy();
          else sendJson(res, 500, error('Internal server error.', ErrorCode.INTERNAL_SERVER_ERROR));
        },
      );
    });
  };
}
