import { Agent as HttpAgent, request as httpRequest } from 'node:http';

/**
 * The benchmark's HTTP clients share one keep-alive agent: the lean client of load tools (autocannon works the
 * same way), so that the client's own cost (`fetch` adds about 0.5 ms a request here) is not counted as the
 * server's, and so that the API and the bare endpoint are called in exactly the same way.
 */
const agent = new HttpAgent({ keepAlive: true, maxSockets: 4 });

/**
 * Posts a JSON body to `url` and resolves with the parsed answer; rejects on a status other than 200 or an
 * answer with `errors`. A kept-alive socket that the server closes after its idle timeout (5 s) just as a request
 * is written fails with "socket hang up" before the server read anything: such a request (a read) is sent again, once.
 */
export function postJson(url: URL, body: unknown): Promise<unknown> {
  const text = JSON.stringify(body);
  const once = () =>
    new Promise<unknown>((resolve, reject) => {
      const req = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { errors?: unknown[] };
            if (parsed.errors || res.statusCode !== 200) reject(new Error(`${text.slice(0, 200)}: ${res.statusCode} ${JSON.stringify(parsed.errors).slice(0, 300)}`));
            else resolve(parsed);
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  return once().catch((err: Error & { code?: string }) => {
    if (err.code === 'ECONNRESET' || /socket hang up/.test(err.message)) return once();
    throw err;
  });
}

/** A client of the API's `/graphql`: posts a query, resolves when the answer has no errors. */
export function graphqlClient(baseUrl: string): (query: string) => Promise<void> {
  const url = new URL('/graphql', baseUrl);
  return async (query) => {
    await postJson(url, { query });
  };
}
