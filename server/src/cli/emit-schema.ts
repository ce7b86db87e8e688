import fs from 'node:fs';
import path from 'node:path';
import { printSchemaFile } from '../schema-file';
import { repoRoot } from '../paths';
import { runCommand } from './command';

/** `npm run schema:emit`: writes the GraphQL schema to schema.graphql (committed; a test fails when stale). */
const USAGE = `Usage: peaceops schema:emit

Writes the GraphQL schema to schema.graphql (committed; a test fails when it is stale).`;

runCommand({
  name: 'schema:emit',
  usage: USAGE,
  connects: false,
  failureCode: 1,
  options: {},
  run: async () => {
    const file = path.join(repoRoot(), 'schema.graphql');
    fs.writeFileSync(file, await printSchemaFile());
    process.stdout.write(`Wrote ${file}\n`);
  },
});
