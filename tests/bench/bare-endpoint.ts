import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '../../server/src/db/database';

/** A Cypher statement with its parameters, as the API sent it (recording-database.ts). */
export interface RecordedStatement {
  cypher: string;
  params: Record<string, unknown>;
}

/** A running bare endpoint: register each family's statements, then post `{ "family": name }` to `url`. */
export interface BareEndpoint {
  url: URL;
  register(family: string, statements: RecordedStatement[]): void;
  stop(): Promise<void>;
}

/**
 * The fair limit of an HTTP API: a bare Node HTTP endpoint (`node:http`, no framework) that reads a JSON body
 * naming a query family, runs the very statements the API sent for that family one after another with the
 * driver (through `Database.read`, as the "driver" column does), and answers their rows as JSON. It pays what
 * any HTTP API pays (the request, the JSON both ways, the response) and nothing of GraphQL.
 */
export async function startBareEndpoint(db: Database): Promise<BareEndpoint> {
  const families = new Map<string, RecordedStatement[]>();
  const fail = (res: http.ServerResponse, status: number, message: string) => {
    const body = JSON.stringify({ errors: [{ message }] });
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let family: string | undefined;
      try {
        family = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { family?: string }).family;
      } catch {
        fail(res, 400, 'The request body is not valid JSON.');
        return;
      }
      const statements = family === undefined ? undefined : families.get(family);
      if (!statements) {
        fail(res, 400, `Unknown family ${String(family)}.`);
        return;
      }
      (async () => {
        const data: unknown[] = [];
        for (const s of statements) data.push(await db.read(s.cypher, s.params));
        const body = JSON.stringify({ data });
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      })().catch((err: unknown) => fail(res, 500, (err as Error).message));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}/`),
    register: (family, statements) => families.set(family, statements),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
