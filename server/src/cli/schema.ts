import { openDatabase } from '../bootstrap';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { repoRoot } from '../paths';
import { runMain } from './run-main';

/** `npm run schema:apply`: applies cypher/schema.cypher (idempotent) and lists the constraints. */
runMain(async () => {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger, repoRoot());
  try {
    const rows = await database.db.read<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name');
    process.stdout.write(`Schema applied; constraints: ${rows.map((r) => r.name).join(', ')}\n`);
  } finally {
    await database.close();
  }
});
