// `peaceops cypher-shell [options]`: Neo4j's own cypher-shell (org.neo4j:cypher-shell from Maven Central, the
// version of the embedded Neo4j) against the local Neo4j, for those who prefer it to `peaceops cypher`: its
// interactive prompt, :commands and output formats. The classpath is resolved with Maven once and kept in
// server/cypher-shell/target/classpath.txt. Without -a/--address it connects to bolt://127.0.0.1:NEO4J_BOLT_PORT
// (7687), or to NEO4J_URI when that is set; every other option goes to cypher-shell as it is.
'use strict';
const { spawnSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** The classpath of cypher-shell, resolved by Maven the first time. */
function classpath(root) {
  const module = path.join(root, 'server', 'cypher-shell');
  const file = path.join(module, 'target', 'classpath.txt');
  if (!fs.existsSync(file)) {
    process.stderr.write('peaceops: fetching cypher-shell from Maven Central (once)...\n');
    const mvn = spawnSync(
      'mvn',
      ['-q', '-B', '-f', path.join(module, 'pom.xml'), 'dependency:build-classpath', `-Dmdep.outputFile=${file}`],
      { stdio: ['ignore', 2, 2] },
    );
    if (mvn.error || mvn.status !== 0 || !fs.existsSync(file)) {
      process.stderr.write(
        `peaceops: Maven could not resolve cypher-shell${mvn.error ? ` (${mvn.error.message})` : ''}; is mvn installed?\n`,
      );
      process.exit(1);
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** Runs cypher-shell with the user's arguments; exits with its exit code. */
module.exports = function cypherShell(root, args) {
  const hasAddress = args.some((a) => a === '-a' || a === '--address' || a.startsWith('--address='));
  const address = process.env.NEO4J_URI ?? `bolt://127.0.0.1:${process.env.NEO4J_BOLT_PORT ?? 7687}`;
  const user = process.env.NEO4J_USER ?? 'neo4j';
  const defaults = hasAddress ? [] : ['-a', address];
  if (!args.some((a) => a === '-u' || a === '--username' || a.startsWith('--username='))) defaults.push('-u', user);
  // The local Neo4j runs without authentication; cypher-shell still wants a password to send.
  if (!args.some((a) => a === '-p' || a === '--password' || a.startsWith('--password=')))
    defaults.push('-p', process.env.NEO4J_PASSWORD || 'none');
  const child = spawn('java', ['-cp', classpath(root), 'org.neo4j.shell.Main', ...defaults, ...args], {
    stdio: 'inherit',
  });
  child.on('error', (err) => {
    process.stderr.write(`peaceops: could not start java: ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
};
