import type { IncomingMessage, ServerResponse } from 'node:http';
import bodyParser from 'body-parser';

/** `application/json`, with no charset or UTF-8 (JSON's own; RFC 8259): what the fast path reads. */
const PLAIN_JSON = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** The first character of a JSON text after JSON's whitespace: body-parser's strict mode takes only `{` or `[`. */
const FIRST_CHAR = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d])/;

/** An error as body-parser reports one (`status`, `type`), so that the handler answers both alike. */
function parseError(message: string): Error & { status: number; type: string } {
  return Object.assign(new SyntaxError(message), { status: 400, type: 'entity.parse.failed' });
}

/**
 * Reads a JSON request body into `req.body`, as body-parser's `json()` does (strict: an object or an array; an
 * empty body is `{}`), in less time for the usual request: a POST of `application/json` in UTF-8, not compressed,
 * with a `Content-Length` within the limit is read and parsed directly; any other request (a body over the limit,
 * chunked or compressed, another charset or type, another method) goes to body-parser itself, which keeps its
 * answers (413 over the limit, 415 for an unknown charset, inflation of gzip bodies).
 */
export function jsonBody(limitKb: number): (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: (err?: Error) => void) => void {
  const fallback = bodyParser.json({ limit: `${limitKb}kb` });
  const limitBytes = limitKb * 1024;
  return (req, res, next) => {
    const lengthHeader = req.headers['content-length'];
    const length = lengthHeader === undefined ? NaN : Number(lengthHeader);
    const encoding = req.headers['content-encoding'];
    const fast =
      req.method === 'POST' &&
      PLAIN_JSON.test(req.headers['content-type'] ?? '') &&
      (encoding === undefined || encoding.toLowerCase() === 'identity') &&
      req.headers['transfer-encoding'] === undefined &&
      Number.isInteger(length) &&
      length <= limitBytes;
    if (!fast) {
      fallback(req, res, next);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('error', (err) => next(Object.assign(err, { status: 400 })));
    req.once('end', () => {
      // A UTF-8 byte order mark is dropped, as body-parser's decoder does.
      let text = Buffer.concat(chunks).toString('utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.length === 0) {
        req.body = {};
        next();
        return;
      }
      const first = FIRST_CHAR.exec(text)?.[1];
      if (first !== '{' && first !== '[') {
        next(parseError(`Unexpected token ${first ?? 'end'} in JSON: an object or an array is expected`));
        return;
      }
      try {
        req.body = JSON.parse(text) as unknown;
      } catch (err) {
        next(parseError((err as Error).message));
        return;
      }
      next();
    });
  };
}
