import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './database';
import { parseCypherScript } from './cypher-script';

/** The schema file: constraints and indexes, all `IF NOT EXISTS`, so applying it again changes nothing. */
export function schemaFile(repoRoot: string): string {
  return path.join(repoRoot, 'cypher', 'schema.cypher');
}

/** Applies `cypher/schema.cypher`, one statement at a time (schema commands cannot share a transaction). */
export async function applySchema(db: Database, repoRoot: string): Promise<number> {
  const file = schemaFile(repoRoot);
  const items = parseCypherScript(fs.readFileSync(file, 'utf8'));
  let applied = 0;
  for (const item of items) {
    if (item.kind !== 'statement') continue;
    try {
      await db.autoCommit(item.text);
    } catch (err) {
      throw new Error(`${file}:${item.line}: ${(err as Error).message}`);
    }
    applied += 1;
  }
  await db.autoCommit('CALL db.awaitIndexes(300)');
  return applied;
}
