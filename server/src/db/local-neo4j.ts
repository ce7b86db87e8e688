import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { Logger } from '../logger';

/**
 * Launches the project's local Neo4j: Neo4j Community embedded in a small Java program
 * (`server/neo4j-embedded`), whose artifacts Maven resolves from Maven Central on first use. Bolt listens on
 * 127.0.0.1 only. The database is reported ready only after Bolt has answered a query.
 */

/** Where the Java module lives, relative to the repository root. */
export const EMBEDDED_MODULE_DIR = path.join('server', 'neo4j-embedded');
const MAIN_CLASS = 'org.peaceops.neo4j.LocalNeo4j';
const MIN_JAVA = 17;

export interface LocalNeo4jOptions {
  repoRoot: string;
  dataDir: string;
  boltPort: number;
  pageCacheMb: number;
  heapMb: number;
  txTimeoutMs: number;
  startTimeoutS: number;
  logger: Logger;
}

export interface LocalNeo4j {
  uri: string;
  version: string;
  pid: number;
  /** Resolves when the process has exited, for whatever reason (stop(), a crash, a kill). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops Neo4j cleanly (SIGTERM, then SIGKILL after the grace period) and resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/** A failure to start the local Neo4j, with a message that says what to do. */
export class LocalNeo4jError extends Error {
  override readonly name = 'LocalNeo4jError';
}

/** Reads the major version of the `java` on the PATH, or throws with what to install. */
export function checkJava(): number {
  const res = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (res.error) {
    throw new LocalNeo4jError(
      `Java was not found on the PATH. The local Neo4j needs Java ${MIN_JAVA} or later: install a JDK ` +
        `(for example 'apt-get install openjdk-17-jdk-headless'), or set NEO4J_URI to use an existing Neo4j.`,
    );
  }
  const major = parseJavaMajor(`${res.stderr}${res.stdout}`);
  if (major === undefined) {
    throw new LocalNeo4jError(`Could not read the Java version from 'java -version':\n${res.stderr}`);
  }
  if (major < MIN_JAVA) {
    throw new LocalNeo4jError(
      `Java ${major} found, but Neo4j 5 needs Java ${MIN_JAVA} or later. Install a newer JDK and put it first ` +
        `on the PATH, or set NEO4J_URI to use an existing Neo4j.`,
    );
  }
  return major;
}

/** Parses `java -version` output: `openjdk version "17.0.15"` gives 17, `"1.8.0_392"` gives 8. */
export function parseJavaMajor(output: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] !== undefined ? Number(m[2]) : first;
}

/**
 * Returns the Java classpath of the embedded module, building it with Maven when it is missing or stale
 * (first start: Maven downloads Neo4j from Maven Central, about 130 MB).
 */
export function ensureClasspath(repoRoot: string, logger: Logger): string {
  const moduleDir = path.join(repoRoot, EMBEDDED_MODULE_DIR);
  const target = path.join(moduleDir, 'target');
  const cpFile = path.join(target, 'classpath.txt');
  const classes = path.join(target, 'classes');
  if (isFresh(moduleDir, cpFile)) {
    const cp = fs.readFileSync(cpFile, 'utf8').trim();
    if (cp.split(path.delimiter).every((jar) => fs.existsSync(jar))) return `${classes}${path.delimiter}${cp}`;
  }
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error) {
    throw new LocalNeo4jError(
      `Maven was not found on the PATH. The local Neo4j is fetched from Maven Central by Maven: install it ` +
        `(for example 'apt-get install maven'), or set NEO4J_URI to use an existing Neo4j.`,
    );
  }
  logger.info({ moduleDir }, 'resolving Neo4j from Maven Central (first start only; about 130 MB)');
  const build = spawnSync('mvn', ['-B', '-q', '-f', path.join(moduleDir, 'pom.xml'), 'package', '-DskipTests'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (build.status !== 0) {
    throw new LocalNeo4jError(
      `Maven could not build the local Neo4j module (exit ${build.status}). Check the network access to ` +
        `Maven Central. Last lines:\n${tail(`${build.stdout}${build.stderr}`, 30)}`,
    );
  }
  const cp = fs.readFileSync(cpFile, 'utf8').trim();
  return `${classes}${path.delimiter}${cp}`;
}

function isFresh(moduleDir: string, cpFile: string): boolean {
  if (!fs.existsSync(cpFile)) return false;
  const built = fs.statSync(cpFile).mtimeMs;
  const inputs = [path.join(moduleDir, 'pom.xml'), ...listFiles(path.join(moduleDir, 'src'))];
  return inputs.every((f) => fs.statSync(f).mtimeMs <= built);
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? listFiles(p) : [p];
  });
}

/** Throws when something already listens on the port, naming the variables that choose another one. */
export async function checkPortFree(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(
          new LocalNeo4jError(
            `Port ${port} on ${host} is already in use (another Neo4j?). Stop that process, choose another ` +
              `port with NEO4J_BOLT_PORT, or set NEO4J_URI=bolt://${host}:${port} to use the Neo4j that runs there.`,
          ),
        );
      } else reject(err);
    });
    srv.listen(port, host, () => srv.close(() => resolve()));
  });
}

function tail(text: string, lines: number): string {
  return text.split('\n').slice(-lines).join('\n');
}

function readTail(file: string, lines: number): string {
  try {
    return tail(fs.readFileSync(file, 'utf8'), lines);
  } catch {
    return '(no log)';
  }
}

/** Starts the local Neo4j and waits until Bolt answers `RETURN 1`. */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const host = '127.0.0.1';
  const { logger } = opts;
  checkJava();
  const classpath = ensureClasspath(opts.repoRoot, logger);
  const dataDir = path.resolve(opts.repoRoot, opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  checkStoreNotInUse(dataDir);
  await checkPortFree(host, opts.boltPort);

  const logFile = path.join(dataDir, 'launcher.log');
  const log = fs.openSync(logFile, 'a');
  fs.writeSync(log, `\n--- start ${new Date().toISOString()} ---\n`);
  const started = Date.now();
  const child = spawn(
    'java',
    [
      `-Xmx${opts.heapMb}m`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '-cp',
      classpath,
      MAIN_CLASS,
      path.join(dataDir, 'store'),
      host,
      String(opts.boltPort),
      String(opts.pageCacheMb),
      String(Math.max(1, Math.ceil(opts.txTimeoutMs / 1000))),
      path.join(opts.repoRoot, 'cypher', 'data'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  fs.writeFileSync(path.join(dataDir, 'launcher.pid'), String(child.pid));

  const version = await waitForStarted(child, log, opts.startTimeoutS * 1000).catch((err: Error) => {
    child.kill('SIGKILL');
    fs.closeSync(log);
    throw new LocalNeo4jError(
      `${err.message}\nLast lines of ${logFile} (and ${path.join(dataDir, 'store', 'logs', 'debug.log')}):\n` +
        `${readTail(logFile, 25)}\n${readTail(path.join(dataDir, 'store', 'logs', 'debug.log'), 15)}`,
    );
  });
  const uri = `bolt://${host}:${opts.boltPort}`;
  await waitForBolt(uri, 30_000);
  logger.info({ uri, version, ms: Date.now() - started, dataDir }, 'local Neo4j is ready');

  let exited = child.exitCode !== null;
  // If this process exits without stop() (a second Ctrl-C, a crash), Neo4j still shuts down cleanly.
  const onExit = () => {
    if (!exited) child.kill('SIGTERM');
  };
  process.once('exit', onExit);
  const exitPromise = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    const done = (code: number | null, signal: NodeJS.Signals | null) => {
      exited = true;
      process.removeListener('exit', onExit);
      fs.rmSync(path.join(dataDir, 'launcher.pid'), { force: true });
      fs.closeSync(log);
      resolve({ code, signal });
    };
    if (child.exitCode !== null) done(child.exitCode, child.signalCode);
    else child.once('exit', done);
  });
  let stopping: Promise<void> | undefined;
  return {
    uri,
    version,
    pid: child.pid ?? -1,
    exited: exitPromise,
    stop(graceMs = 60_000) {
      // Idempotent: a second call (two shutdown paths racing) waits for the same stop.
      stopping ??= stopNeo4j(graceMs);
      return stopping;
    },
  };

  async function stopNeo4j(graceMs: number): Promise<void> {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exitPromise;
      clearTimeout(timer);
    }
    logger.info({ dataDir }, 'local Neo4j stopped');
  }
}

/**
 * The pid of a live local Neo4j of ours that already serves this store (another `npm start` or `npm run neo4j`),
 * or null. Command-line tools connect to it instead of refusing to start a second one.
 */
export function runningLocalNeo4j(repoRoot: string, dataDir: string): number | null {
  const pidFile = path.join(path.resolve(repoRoot, dataDir), 'launcher.pid');
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

/** Refuses to start when a live process of ours already runs on this store. */
function checkStoreNotInUse(dataDir: string): void {
  const pidFile = path.join(dataDir, 'launcher.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new LocalNeo4jError(
      `The store in ${dataDir} is in use by another Neo4j (pid ${pid}). Stop it first, or point this run ` +
        `at another folder with NEO4J_DATA_DIR, or connect to it with NEO4J_URI.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function waitForStarted(child: ChildProcess, log: number, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let done = false;
    const finish = (fn: () => void) => {
      if (!done) {
        done = true;
        clearTimeout(timer);
        fn();
      }
    };
    const timer = setTimeout(
      () => finish(() => reject(new Error(`Neo4j did not start within ${timeoutMs / 1000} s.`))),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      fs.writeSync(log, chunk);
      buffer += chunk.toString('utf8');
      const m = /NEO4J_STARTED (\S+)/.exec(buffer);
      if (m) finish(() => resolve(m[1] ?? 'unknown'));
      else if (buffer.length > 1 << 16) buffer = buffer.slice(-4096);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      fs.writeSync(log, chunk);
      const text = chunk.toString('utf8');
      if (/FileLockException|StoreLockException|locked by another process/i.test(text)) {
        finish(() =>
          reject(
            new Error('The store is locked by another Neo4j process. Stop that process or use another NEO4J_DATA_DIR.'),
          ),
        );
      }
    });
    child.once('exit', (code, signal) =>
      finish(() => reject(new Error(`Neo4j exited before it was ready (code ${code}, signal ${signal}).`))),
    );
    child.once('error', (err) => finish(() => reject(err)));
  });
}

/** Polls Bolt until a query succeeds. */
export async function waitForBolt(uri: string, timeoutMs: number, auth = neo4j.auth.basic('neo4j', '')): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const driver = neo4j.driver(uri, auth, { connectionAcquisitionTimeout: 2000, maxConnectionPoolSize: 1 });
  try {
    for (;;) {
      try {
        await driver.executeQuery('RETURN 1');
        return;
      } catch (err) {
        if (Date.now() > deadline)
          throw new LocalNeo4jError(`Bolt at ${uri} did not answer: ${(err as Error).message}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  } finally {
    await driver.close();
  }
}
