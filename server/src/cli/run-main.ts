import { ConfigError } from '../config';
import { LocalNeo4jError } from '../db/local-neo4j';

/**
 * Runs a command's main function: known failures print their message alone (no stack) and exit with
 * `fatalExitCode`; anything else prints the whole error.
 */
export function runMain(main: () => Promise<number | void>, fatalExitCode = 1): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (err: unknown) => {
      const known = err instanceof ConfigError || err instanceof LocalNeo4jError || (err as Error)?.name === 'UsageError';
      process.stderr.write(`${known ? (err as Error).message : (err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = fatalExitCode;
    },
  );
}
