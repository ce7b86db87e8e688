import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from './database';

/**
 * Refreshes an aggregate kept per mission (co-deployment pairs, contribution peaks) for the given missions, or for
 * every mission (`null` or none given), in transactions of `size` missions, and sums the counts each transaction
 * reports. Each transaction leaves its missions exact; a failed refresh is repaired by running it again.
 */
export async function refreshMissionsInBatches<T extends Record<string, number>>(
  db: Database,
  missions: readonly string[] | null | undefined,
  size: number,
  refreshInTx: (tx: ManagedTransaction, batch: string[]) => Promise<T>,
  zero: T,
): Promise<T> {
  const ids =
    missions ?? (await db.read<{ id: string }>('MATCH (m:Mission) RETURN m.id AS id ORDER BY id')).map((r) => r.id);
  const total: Record<string, number> = { ...zero };
  for (let i = 0; i < ids.length; i += size) {
    const batch = ids.slice(i, i + size);
    const counts = await db.writeTx((tx) => refreshInTx(tx, batch));
    for (const [key, n] of Object.entries(counts)) total[key] = (total[key] ?? 0) + n;
  }
  return total as T;
}
