/**
 * The one shape of every command line: options parsed with node:util's parseArgs, `--help` (exit 0), `--version`,
 * a usage error on a wrong option (exit 2, no stack), the Neo4j connection options cypher-shell users type
 * (`-a -u -p -d`), and errors printed as one line each. Results go to standard output and nothing else does:
 * progress, logs and errors go to standard error, so that `peaceops export --format json | jq` works.
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { ConfigError } from '../config';
import { LocalNeo4jError } from '../db/local-neo4j';
import { projectVersion } from '../version';

/** A mistake in how a command was called: printed without a stack, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure the command explains in its message (a damaged file, a refused restore): no stack, the command's failure code. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The options every command takes. */
const COMMON = {
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'V', default: false },
} as const;

/** cypher-shell's connection options; each sets the variable of the same meaning for this run. */
const CONNECTION = {
  address: { type: 'string', short: 'a' },
  username: { type: 'string', short: 'u' },
  password: { type: 'string', short: 'p' },
  database: { type: 'string', short: 'd' },
} as const;

const CONNECTION_HELP = `Connection (as cypher-shell; default: the local Neo4j of this project, started when none runs):
  -a, --address <uri>     a Neo4j to use, such as neo4j://host:7687 (NEO4J_URI)
  -u, --username <name>   user name (NEO4J_USER, default neo4j)
  -p, --password <text>   password (NEO4J_PASSWORD)
  -d, --database <name>   database (NEO4J_DATABASE, default neo4j)`;

const COMMON_HELP = `  -h, --help              this text
  -V, --version           the project's version`;

type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ options: O & typeof COMMON & typeof CONNECTION; allowPositionals: true; strict: true }>
>;

/** A command: its name, its usage text, its own options and what it does. */
export interface Command<O extends Options> {
  /** As typed after `peaceops` (and after `npm run`). */
  name: string;
  /** The usage lines and the description, without the common options (added by --help). */
  usage: string;
  options: O;
  /** Whether it talks to Neo4j: then it takes -a/-u/-p/-d. */
  connects: boolean;
  /** Exit code for a failure that is not a usage error (default 1). */
  failureCode?: number;
  run(args: { values: Parsed<O>['values']; positionals: string[] }): Promise<number | void>;
}

/** The whole help text of a command. */
export function helpText<O extends Options>(command: Command<O>): string {
  return `${command.usage.trimEnd()}\n\nCommon options:\n${COMMON_HELP}\n${command.connects ? `\n${CONNECTION_HELP}\n` : ''}`;
}

/** Parses the arguments and runs the command, setting the process's exit code; never throws. */
export function runCommand<O extends Options>(command: Command<O>, argv: string[] = process.argv.slice(2)): void {
  void execute(command, argv).then((code) => {
    process.exitCode = code;
  });
}

/** Runs a command and answers its exit code (the testable core of runCommand). */
export async function execute<O extends Options>(command: Command<O>, argv: string[]): Promise<number> {
  try {
    let parsed: Parsed<O>;
    try {
      parsed = parseArgs({
        args: argv,
        options: { ...command.options, ...COMMON, ...(command.connects ? CONNECTION : {}) } as O &
          typeof COMMON &
          typeof CONNECTION,
        allowPositionals: true,
        strict: true,
      });
    } catch (err) {
      throw new UsageError(`${command.name}: ${(err as Error).message}`);
    }
    const values = parsed.values as Record<string, unknown>;
    if (values.help) {
      process.stdout.write(helpText(command));
      return 0;
    }
    if (values.version) {
      const { name, version } = projectVersion();
      process.stdout.write(`${name} ${version}\n`);
      return 0;
    }
    if (command.connects) applyConnection(values);
    return (await command.run({ values: parsed.values, positionals: parsed.positionals })) ?? 0;
  } catch (err) {
    return report(command, err);
  }
}

/** Sets the connection variables from -a/-u/-p/-d (they win over the environment, as in cypher-shell). */
function applyConnection(values: Record<string, unknown>): void {
  const set = (name: string, value: unknown): void => {
    if (typeof value === 'string') process.env[name] = value;
  };
  set('NEO4J_URI', values.address);
  set('NEO4J_USER', values.username);
  set('NEO4J_PASSWORD', values.password);
  set('NEO4J_DATABASE', values.database);
}

function report<O extends Options>(command: Command<O>, err: unknown): number {
  if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\nRun 'peaceops ${command.name} --help' for the usage.\n`);
    return 2;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  const known =
    err instanceof CommandError || err instanceof ConfigError || err instanceof LocalNeo4jError || isDriverError(e);
  const debug = Boolean(process.env.PEACEOPS_DEBUG);
  process.stderr.write(`${command.name}: ${debug && !known ? (e.stack ?? e.message) : e.message}\n`);
  if (!known && !debug) process.stderr.write('(PEACEOPS_DEBUG=1 prints the stack.)\n');
  return command.failureCode ?? 1;
}

/** The driver's errors (connection refused, authentication, a Cypher error) speak for themselves. */
function isDriverError(e: Error): boolean {
  return (
    e.name === 'Neo4jError' ||
    ('code' in e &&
      typeof (e as { code: unknown }).code === 'string' &&
      String((e as { code: string }).code).startsWith('Neo.'))
  );
}
