/**
 * The preamble of every command that works on the graph: load the configuration, make the logger, open the
 * database (starting the local Neo4j when none runs) and close it whatever happens.
 */
import { openDatabase } from '../bootstrap';
import type { DatabaseHandle } from '../bootstrap';
import { loadConfig } from '../config';
import type { Config } from '../config';
import { createLogger } from '../logger';
import type { Logger } from '../logger';
import { repoRoot } from '../paths';

/** What a command working on the graph has at hand. */
export interface CommandDatabase {
  config: Config;
  logger: Logger;
  /** The repository's root (cypher/, the local Neo4j's store). */
  root: string;
  database: DatabaseHandle;
}

/**
 * How loud the command's log is: `configured` (LOG_LEVEL as it is), `quiet` (info lowered to warn: the command
 * prints its own lines), or a level.
 */
export type CommandLogLevel = 'configured' | 'quiet' | 'warn';

/** Loads the configuration and opens the database; the caller closes it (`database.close()`). */
export async function openCommandDatabase(
  logLevel: CommandLogLevel = 'configured',
  config: Config = loadConfig(),
): Promise<CommandDatabase> {
  const level =
    logLevel === 'configured'
      ? config.logLevel
      : logLevel === 'quiet'
        ? config.logLevel === 'info'
          ? 'warn'
          : config.logLevel
        : logLevel;
  const logger = createLogger(level);
  const root = repoRoot();
  const database = await openDatabase(config, logger, root);
  return { config, logger, root, database };
}

/** Runs `work` on an open database and closes it afterwards, whether `work` succeeds or not. */
export async function withCommandDatabase<T>(
  work: (c: CommandDatabase) => Promise<T>,
  logLevel: CommandLogLevel = 'configured',
  config?: Config,
): Promise<T> {
  const c = await openCommandDatabase(logLevel, config);
  try {
    return await work(c);
  } finally {
    await c.database.close();
  }
}
