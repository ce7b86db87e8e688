import { parseArgs } from 'node:util';
import { ROLES, TokenStore } from '../auth/tokens';
import type { Role } from '../auth/tokens';
import { openDatabase } from '../bootstrap';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { repoRoot } from '../paths';
import { runMain } from './run-main';

const USAGE = `Usage: npm run token -- create --name <who> [--role reader|editor]
       npm run token -- revoke <id>
       npm run token -- list

API tokens authorize writes (mutations need the editor role). A token is shown once, at creation; only its
hash is stored.`;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

runMain(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string', default: 'reader' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  const [command, arg] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if (!['create', 'revoke', 'list'].includes(command)) throw new UsageError(`Unknown command '${command}'.\n\n${USAGE}`);
  const role = values.role as Role;
  if (command === 'create' && (!values.name || !ROLES.includes(role))) throw new UsageError(`create needs --name and a --role of ${ROLES.join(' or ')}.\n\n${USAGE}`);
  if (command === 'revoke' && !arg) throw new UsageError(`revoke needs the token id.\n\n${USAGE}`);
  const database = await openDatabase(loadConfig(), createLogger('warn'), repoRoot());
  try {
    const store = new TokenStore(database.db);
    if (command === 'create') {
      const { id, token } = await store.create(values.name as string, role);
      process.stdout.write(`Token ${id} (${role}) for ${values.name}. Keep it now; it is not shown again:\n${token}\n`);
    } else if (command === 'revoke') {
      const ok = await store.revoke(arg);
      process.stdout.write(ok ? `Token ${arg} revoked.\n` : `No active token ${arg}.\n`);
      return ok ? 0 : 1;
    } else {
      for (const t of await store.list()) process.stdout.write(`${t.id}  ${t.role.padEnd(6)}  ${t.name}  created ${t.createdAt}${t.revokedAt ? `  REVOKED ${t.revokedAt}` : ''}\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}, 2);
