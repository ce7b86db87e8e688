import fs from 'node:fs';
import { openDatabase } from '../bootstrap';
import { loadConfig } from '../config';
import { parseCypherScript, ScriptSyntaxError } from '../db/cypher-script';
import { runScript, ScriptStatementError } from '../db/script-runner';
import type { StatementOutcome } from '../db/script-runner';
import { createLogger } from '../logger';
import { repoRoot } from '../paths';
import { runCommand, UsageError } from './command';
import { formatRows, isResultFormat, RESULT_FORMATS } from './result-format';

const USAGE = `Usage: peaceops cypher <file.cypher> [options]
       peaceops cypher -e "<statement>" [options]
       peaceops cypher [options] < file.cypher        (or '-' as the file: standard input)
       (npm run cypher -- ... works too; npm prints its banner on standard output, so pipe from peaceops)

Runs a multi-statement Cypher script as cypher-shell does: statements end with ';' outside strings and
comments, ':param name => value' lines set parameters, each statement runs in its own transaction (or the
whole script in one with --single-transaction). The rows of each statement go to standard output, all of
them; what ran ("line 3: 12 rows; nodesCreated 2") goes to standard error.

Options:
  -e <statement>           the script itself instead of a file
  --format <f>             ${RESULT_FORMATS.join(' | ')} (default: table on a terminal, json otherwise);
                           json prints one JSON object per row (JSON Lines)
  --param name=value       a parameter; the value is read as JSON when it parses, else as text (repeatable)
  --single-transaction     all statements in one transaction: a failure writes nothing`;

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
  const changes = Object.entries(o.counters)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return `line ${o.line}: ${o.rows.length} rows${changes ? `; ${changes}` : ''}`;
}

/** The script's text and what to call it in messages: -e, a file, or standard input. */
function readScript(e: string | undefined, positionals: string[]): { source: string; where: string } {
  if (e !== undefined) {
    if (positionals.length) throw new UsageError('give either -e or a file, not both');
    return { source: e, where: '-e' };
  }
  if (positionals.length > 1) throw new UsageError(`one script at a time, got ${positionals.length} files`);
  const file = positionals[0];
  if (file === undefined && process.stdin.isTTY)
    throw new UsageError('no script: give a file, -e "<statement>", or pipe one into standard input');
  if (file === undefined || file === '-') return { source: fs.readFileSync(0, 'utf8'), where: 'stdin' };
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  return { source: fs.readFileSync(file, 'utf8'), where: file };
}

runCommand({
  name: 'cypher',
  usage: USAGE,
  connects: true,
  failureCode: 1,
  options: {
    e: { type: 'string', short: 'e' },
    format: { type: 'string' },
    param: { type: 'string', multiple: true, default: [] },
    'single-transaction': { type: 'boolean', default: false },
  },
  async run({ values, positionals }) {
    const format = values.format ?? (process.stdout.isTTY ? 'table' : 'json');
    if (!isResultFormat(format)) throw new UsageError(`--format must be ${RESULT_FORMATS.join(', ')}, got '${format}'`);
    const { source, where } = readScript(values.e, positionals);
    let items;
    try {
      items = parseCypherScript(source);
    } catch (err) {
      if (err instanceof ScriptSyntaxError) throw new UsageError(`${where}: ${err.message}`);
      throw err;
    }
    const params = Object.fromEntries((values.param ?? []).map(parseParam));
    const database = await openDatabase(loadConfig(), createLogger('warn'), repoRoot());
    try {
      const outcomes = await runScript(database.db, items, {
        params,
        singleTransaction: values['single-transaction'],
        onStatement: (o) => {
          process.stdout.write(formatRows(format, o.columns, o.rows));
          process.stderr.write(`${describe(o)}\n`);
        },
      });
      process.stderr.write(`${outcomes.length} statements done.\n`);
      return 0;
    } catch (err) {
      if (err instanceof ScriptStatementError) {
        process.stderr.write(
          `${where}:${err.line}: ${err.error.message}\n${values['single-transaction'] ? 'Rolled back: nothing was written.\n' : `${err.completed} statements before it were committed.\n`}`,
        );
        return 1;
      }
      throw err;
    } finally {
      await database.close();
    }
  },
});
