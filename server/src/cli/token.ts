import { ROLES, TokenStore } from '../auth/tokens';
import type { Role } from '../auth/tokens';
import { openDatabase } from '../bootstrap';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { repoRoot } from '../paths';
import { runCommand, UsageError } from './command';

const USAGE = `Usage: peaceops token create --name <who> [--role reader|editor]
       peaceops token revoke <id>
       peaceops token list

API tokens authorize writes (mutations need the editor role). A token is shown once, at creation; only its
hash is stored.`;

runCommand({
  name: 'token',
  usage: USAGE,
  connects: true,
  failureCode: 2,
  options: { name: { type: 'string' }, role: { type: 'string', default: 'reader' } },
  run: async ({ values, positionals }) => {
    const [command, arg] = positionals;
    if (!command) throw new UsageError('Which: create, revoke or list?');
    if (!['create', 'revoke', 'list'].includes(command))
      throw new UsageError(`Unknown command '${command}': create, revoke or list.`);
    const role = values.role as Role;
    if (command === 'create' && (!values.name || !ROLES.includes(role)))
      throw new UsageError(`create needs --name and a --role of ${ROLES.join(' or ')}.`);
    if (command === 'revoke' && !arg) throw new UsageError('revoke needs the token id.');
    const database = await openDatabase(loadConfig(), createLogger('warn'), repoRoot());
    try {
      const store = new TokenStore(database.db);
      if (command === 'create') {
        const { id, token } = await store.create(values.name as string, role);
        process.stdout.write(
          `Token ${id} (${role}) for ${values.name}. Keep it now; it is not shown again:\n${token}\n`,
        );
      } else if (command === 'revoke') {
        const ok = await store.revoke(arg);
        process.stdout.write(ok ? `Token ${arg} revoked.\n` : `No active token ${arg}.\n`);
        return ok ? 0 : 1;
      } else {
        for (const t of await store.list())
          process.stdout.write(
            `${t.id}  ${t.role.padEnd(6)}  ${t.name}  created ${t.createdAt}${t.revokedAt ? `  REVOKED ${t.revokedAt}` : ''}\n`,
          );
      }
      return 0;
    } finally {
      await database.close();
    }
  },
});
