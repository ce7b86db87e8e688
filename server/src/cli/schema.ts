import { runCommand } from './command';
import { withCommandDatabase } from './command-database';

/** `npm run schema:apply`: applies cypher/schema.cypher (idempotent) and lists the constraints. */
const USAGE = `Usage: peaceops schema:apply

Applies cypher/schema.cypher (constraints and indexes; idempotent) and lists the constraints.`;

runCommand({
  name: 'schema:apply',
  usage: USAGE,
  connects: true,
  failureCode: 1,
  options: {},
  run: () =>
    withCommandDatabase(async ({ database }) => {
      const rows = await database.db.read<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name');
      process.stdout.write(`Schema applied; constraints: ${rows.map((r) => r.name).join(', ')}\n`);
    }),
});
