import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/database';

/** Who may do what: readers read (as anyone may), editors also write. */
export type Role = 'reader' | 'editor';
export const ROLES: readonly Role[] = ['reader', 'editor'];

export interface Caller {
  tokenId: string;
  name: string;
  role: Role;
}

const PREFIX = 'pog';

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Splits `pog_<id>_<secret>`; undefined for anything else. */
export function parseToken(token: string): { id: string; secret: string } | undefined {
  const m = /^pog_([a-f0-9]{12})_([A-Za-z0-9_-]{32,64})$/.exec(token.trim());
  return m ? { id: m[1], secret: m[2] } : undefined;
}

/**
 * API tokens, stored hashed (SHA-256 of a 256-bit random secret; the token itself is shown once, at
 * creation). A token is `pog_<id>_<secret>`: the id finds the record, the secret is compared in constant time.
 */
export class TokenStore {
  constructor(private readonly db: Database) {}

  async create(name: string, role: Role): Promise<{ id: string; token: string }> {
    const id = randomBytes(6).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    await this.db.write(`CREATE (:ApiToken {id: $id, name: $name, role: $role, hash: $hash, createdAt: datetime()})`, {
      id,
      name,
      role,
      hash: hashSecret(secret),
    });
    return { id, token: `${PREFIX}_${id}_${secret}` };
  }

  async revoke(id: string): Promise<boolean> {
    const rows = await this.db.write<{ n: number }>(
      `MATCH (t:ApiToken {id: $id}) WHERE t.revokedAt IS NULL SET t.revokedAt = datetime() RETURN count(t) AS n`,
      { id },
    );
    return (rows[0]?.n ?? 0) > 0;
  }

  async list(): Promise<{ id: string; name: string; role: string; createdAt: string; revokedAt: string | null }[]> {
    return this.db.read(
      `MATCH (t:ApiToken) RETURN t.id AS id, t.name AS name, t.role AS role, toString(t.createdAt) AS createdAt,
              toString(t.revokedAt) AS revokedAt ORDER BY t.createdAt`,
    );
  }

  /** The caller a bearer token stands for; null for an unknown, malformed or revoked token. */
  async verify(token: string): Promise<Caller | null> {
    const parsed = parseToken(token);
    if (!parsed) return null;
    const rows = await this.db.read<{ name: string; role: Role; hash: string; revoked: boolean }>(
      `MATCH (t:ApiToken {id: $id}) RETURN t.name AS name, t.role AS role, t.hash AS hash, t.revokedAt IS NOT NULL AS revoked`,
      { id: parsed.id },
    );
    const row = rows[0];
    if (!row || row.revoked) return null;
    const given = Buffer.from(hashSecret(parsed.secret), 'hex');
    const stored = Buffer.from(row.hash, 'hex');
    if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
    return { tokenId: parsed.id, name: row.name, role: row.role };
  }
}
