/**
 * `node dist/tests/bench/load-client.js <url> <seconds> <connections> <bodies.json>`: the load test's client in a
 * process of its own (load.ts), so that autocannon does not share the API's event loop. Prints autocannon's
 * result as one line of JSON.
 */
import fs from 'node:fs';
import autocannon from 'autocannon';

async function main(): Promise<void> {
  const [url, seconds, connections, bodiesFile] = process.argv.slice(2);
  if (!url || !seconds || !connections || !bodiesFile) throw new Error('usage: load-client <url> <seconds> <connections> <bodies.json>');
  const bodies = JSON.parse(fs.readFileSync(bodiesFile, 'utf8')) as string[];
  let i = 0;
  const result = await autocannon({
    url,
    connections: Number(connections),
    duration: Number(seconds),
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
