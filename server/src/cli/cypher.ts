import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../bootstrap';
import { loadConfig } from '../config';
import { parseCypherScript, ScriptSyntaxError } from '../db/cypher-script';
import { runScript, ScriptStatementError } from '../db/script-runner';
import type { StatementOutcome } from '../db/script-runner';
import { createLogger } from '../logger';
import { repoRoot } from '../paths';
import { runMain } from './run-main';

const USAGE = `Usage: npm run cypher -- <file.cypher> [--param name=value ...] [--single-transaction]
       npm run cypher -- -e "<statement>" [--param name=value ...]

Runs a multi-statement Cypher script as cypher-shell does: statements end with ';' outside strings and
comments, ':param name => value' lines set parameters, each statement runs in its own transaction (or the
whole file in one with --single-transaction). A --param value is read as JSON when it parses, else as text.`;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

function parseParam(text: string): [string, unknown] {
  const eq = text.indexOf('=');
  if (eq < 1) throw new UsageError(`--param expects name=value, got '${text}'`);
  const name = text.slice(0, eq);
  const raw = text.slice(eq + 1);
  try {
    return [name, JSON.parse(raw) as unknown];
  } catch {
    return [name, raw];
  }
}

function describe(o: StatementOutcome): string {
  const c = o.counters;
  const changes = Object.entries(c)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return `line ${o.line}: ${o.rows.length} rows${changes ? `; ${changes}` : ''}`;
}

runMain(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        e: { type: 'string', short: 'e' },
        param: { type: 'string', multiple: true, default: [] },
        'single-transaction': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.e && positionals.length !== 1) throw new UsageError(USAGE);
  const file = positionals[0];
  const source = values.e ?? fs.readFileSync(file, 'utf8');
  let items;
  try {
    items = parseCypherScript(source);
  } catch (err) {
    if (err instanceof ScriptSyntaxError) throw new UsageError(`${file ?? '-e'}: ${err.message}`);
    throw err;
  }
  const params = Object.fromEntries((values.param ?? []).map(parseParam));
  const config = loadConfig();
  const database = await openDatabase(config, createLogger('warn'), repoRoot());
  try {
    const outcomes = await runScript(database.db, items, {
      params,
      singleTransaction: values['single-transaction'],
      onStatement: (o) => {
        process.stdout.write(`${describe(o)}\n`);
        if (values.e) for (const r of o.rows.slice(0, 100)) process.stdout.write(`${JSON.stringify(r)}\n`);
      },
    });
    process.stdout.write(`${outcomes.length} statements done.\n`);
    return 0;
  } catch (err) {
    if (err instanceof ScriptStatementError) {
      process.stderr.write(`${file ?? '-e'}:${err.line}: ${err.error.message}\n${values['single-transaction'] ? 'Rolled back: nothing was written.\n' : `${err.completed} statements before it were committed.\n`}`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}, 2);
