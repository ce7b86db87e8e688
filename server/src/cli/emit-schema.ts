import fs from 'node:fs';
import path from 'node:path';
import { printSchemaFile } from '../schema-file';
import { repoRoot } from '../paths';
import { runMain } from './run-main';

/** `npm run schema:emit`: writes the GraphQL schema to schema.graphql (committed; a test fails when stale). */
runMain(async () => {
  const file = path.join(repoRoot(), 'schema.graphql');
  fs.writeFileSync(file, await printSchemaFile());
  process.stdout.write(`Wrote ${file}\n`);
});
