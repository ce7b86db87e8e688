#!/usr/bin/env node
// `peaceops <command> [options]` (also `npx peaceops ...` and every `npm run <command>`): runs a compiled command
// of server/src/cli. The server is compiled once, not per call: only when a source under server/src is newer than
// the build (or there is no build) does this compile it first, with its output on standard error, so that the
// command's standard output holds its results alone. Settings come from the environment, then from `.env`.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'server', 'src', 'cli');

/** Command name -> compiled module, and what it does (for `peaceops --help`). */
const COMMANDS = {
  start: ['start', 'Neo4j, the data, the API, the playground and the network view on the local default'],
  neo4j: ['neo4j', 'only the local Neo4j, until Ctrl-C'],
  cypher: ['cypher', 'run Cypher from a file, -e or standard input (table, json or csv)'],
  'cypher-shell': [null, "Neo4j's own cypher-shell (from Maven Central) against the local Neo4j"],
  import: ['import', 'import source files of a known format (reports every rejected row)'],
  seed: ['seed', 'build the shipped graph from cypher/data (idempotent)'],
  export: ['export', 'the graph as GraphML, GEXF (dynamic, for Gephi), JSON or CSV'],
  'analysis:export': [
    'analysis-export',
    'the analysis panels (dyad-years, mission pairs, MSPO years, contributions) and their codebook',
  ],
  'data:check': ['data-check', 'counts, orphans, unresolved names and disagreements between sources'],
  backup: ['backup', 'a logical backup of the whole graph'],
  restore: ['restore', 'load a backup'],
  token: ['token', 'create, list and revoke API tokens'],
  'schema:apply': ['schema', 'apply cypher/schema.cypher'],
  'schema:emit': ['emit-schema', 'write schema.graphql'],
};

function usage() {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, [, what]]) => `  ${name.padEnd(width)}  ${what}`);
  return `Usage: peaceops <command> [options]      (peaceops <command> --help for its options)\n\nCommands:\n${lines.join('\n')}\n`;
}

/** The newest modification time under a folder, of files whose names end with one of `exts`. */
function newest(dir, exts) {
  let latest = 0;
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (exts.some((e) => entry.name.endsWith(e))) latest = Math.max(latest, fs.statSync(p).mtimeMs);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return latest;
}

/** Compiles the server when its build is missing or older than its sources (tsc writes every file each time). */
function ensureBuilt() {
  const built = path.join(DIST, 'command.js');
  const sources = path.join(ROOT, 'server', 'src');
  if (!fs.existsSync(sources)) return; // an installed build without sources (the Docker image)
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const config = ['tsconfig.json', 'tsconfig.build.json']
    .map((f) => path.join(ROOT, f))
    .filter((f) => fs.existsSync(f));
  const changed = Math.max(newest(sources, ['.ts']), ...config.map((f) => fs.statSync(f).mtimeMs));
  if (builtAt >= changed) return;
  process.stderr.write(
    builtAt
      ? 'peaceops: the server sources changed; compiling them first...\n'
      : 'peaceops: compiling the server (once)...\n',
  );
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) {
    process.stderr.write('peaceops: the server does not compile (errors above).\n');
    process.exit(1);
  }
}

/**
 * Reads `.env` in the project folder (or PEACEOPS_ENV_FILE), if there is one (the format of `.env.example`): each
 * setting it gives applies unless the environment already has it, so that `NEO4J_URI=... peaceops ...` still wins.
 */
function loadDotEnv() {
  const file = process.env.PEACEOPS_ENV_FILE ?? path.join(ROOT, '.env');
  if (!fs.existsSync(file)) return;
  const { parseEnv } = require('node:util');
  for (const [key, value] of Object.entries(parseEnv(fs.readFileSync(file, 'utf8')))) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
}

const [name, ...rest] = process.argv.slice(2);
if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
  // Asked for: the usage is the answer (standard output, exit 0); not given a command: a usage error.
  (name === undefined ? process.stderr : process.stdout).write(usage());
  process.exit(name === undefined ? 2 : 0);
}
if (name === '--version' || name === '-V') {
  const pkg = require(path.join(ROOT, 'package.json'));
  process.stdout.write(`${pkg.name} ${pkg.version}\n`);
  process.exit(0);
}
const command = COMMANDS[name];
if (!command) {
  process.stderr.write(`peaceops: unknown command '${name}'.\n\n${usage()}`);
  process.exit(2);
}
loadDotEnv();
if (command[0] === null) {
  // Not one of ours: Neo4j's cypher-shell, run with Java (bin/cypher-shell.js).
  require('./cypher-shell')(ROOT, rest);
  return;
}
ensureBuilt();
// The command reads its options from process.argv: hand it its own, as if it had been run directly.
process.argv = [process.argv[0], path.join(DIST, `${command[0]}.js`), ...rest];
require(path.join(DIST, `${command[0]}.js`));
