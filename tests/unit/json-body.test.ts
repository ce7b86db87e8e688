import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import bodyParser from 'body-parser';
import { jsonBody } from '../../server/src/http/json-body';

type Parser = (req: http.IncomingMessage & { body?: unknown }, res: http.ServerResponse, next: (err?: Error & { status?: number; type?: string }) => void) => void;

/** A server that answers what a parser made of the request: its body, or its error's status and type. */
async function serve(parser: Parser): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req: http.IncomingMessage & { body?: unknown }, res) => {
    parser(req, res, (err) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(err ? { status: err.status, type: err.type } : { body: req.body ?? null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function send(url: string, body: Buffer | string, headers: Record<string, string>, method = 'POST'): Promise<unknown> {
  const res = await fetch(url, { method, body, headers });
  return { status: res.status, answer: await res.json() };
}

const json = { 'content-type': 'application/json' };
const LIMIT_KB = 1;

/** Requests the fast path reads itself, and some it hands to body-parser, each with what body-parser makes of it. */
const CASES: { name: string; body: Buffer | string; headers: Record<string, string>; method?: string }[] = [
  { name: 'an object', body: '{"query":"{ __typename }"}', headers: json },
  { name: 'an array (batched operations, refused later by the guard)', body: '[{"query":"{ a }"}]', headers: json },
  { name: 'leading whitespace', body: ' \n\t{"a":1}', headers: json },
  { name: 'an empty body', body: '', headers: json },
  { name: 'a UTF-8 byte order mark', body: '\ufeff{"a":"é"}', headers: json },
  { name: 'charset=utf-8', body: '{"a":1}', headers: { 'content-type': 'application/json; charset=UTF-8' } },
  { name: 'a string (not strict JSON)', body: '"x"', headers: json },
  { name: 'a number (not strict JSON)', body: '12', headers: json },
  { name: 'malformed JSON', body: '{"query": ', headers: json },
  { name: 'a body over the limit', body: `{"q":"${'x'.repeat(2000)}"}`, headers: json },
  { name: 'a gzip body (body-parser inflates it)', body: gzipSync('{"a":1}'), headers: { ...json, 'content-encoding': 'gzip' } },
  { name: 'another charset (body-parser refuses it)', body: '{"a":1}', headers: { 'content-type': 'application/json; charset=latin1' } },
  { name: 'another content type (not parsed)', body: 'query=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
];

describe('jsonBody', () => {
  let ours: Awaited<ReturnType<typeof serve>>;
  let theirs: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    ours = await serve(jsonBody(LIMIT_KB));
    theirs = await serve(bodyParser.json({ limit: `${LIMIT_KB}kb` }));
  });
  afterAll(async () => {
    await ours.close();
    await theirs.close();
  });

  it.each(CASES)('reads $name as body-parser does', async ({ body, headers, method }) => {
    const expected = await send(theirs.url, body, headers, method);
    expect(await send(ours.url, body, headers, method)).toEqual(expected);
  });

  it('parses what it reads (not only agrees on errors)', async () => {
    expect(await send(ours.url, '{"query":"{ a }","variables":{"n":1}}', json)).toEqual({ status: 200, answer: { body: { query: '{ a }', variables: { n: 1 } } } });
    expect(await send(ours.url, `{"q":"${'x'.repeat(2000)}"}`, json)).toEqual({ status: 200, answer: { status: 413, type: 'entity.too.large' } });
  });
});
