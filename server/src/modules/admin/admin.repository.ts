import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Caller } from '../../auth/tokens';
import { CO_DEPLOYMENT_INPUTS, refreshCoDeploymentPairsInTx } from '../../db/co-deployment-pairs';
import { ORGANIZATION_NETWORK_INPUTS, refreshOrganizationTiesInTx } from '../../db/organization-network';
import type { Database } from '../../db/database';
import { REL_SPECS } from '../../model/graph';
import type { NodeLabel, RelType } from '../../model/graph';
import { compact } from '../../import/writer';
import { AppError, ErrorCode } from '../../errors';
import { matchEntity } from '../common/node-lookup';

/** Facts written through the API are recorded with this source, beside the imported ones. */
export const API_SOURCE = 'api';

/**
 * Every write of the API: MERGE on the constrained key (idempotent), provenance like an import, and an audit
 * entry (who, when, what) in the same transaction. Labels and types come from the model's allow-lists.
 */
export class AdminRepository {
  constructor(
    private readonly db: Database,
    private readonly caller: Caller,
  ) {}

  private audit(tx: ManagedTransaction, action: string, target: string, details: unknown) {
    return tx.run(
      `CREATE (:AuditEntry {id: $id, at: datetime(), tokenId: $tokenId, actor: $actor, action: $action, target: $target, details: $details})`,
      {
        id: randomUUID(),
        tokenId: this.caller.tokenId,
        actor: this.caller.name,
        action,
        target,
        details: JSON.stringify(details),
      },
    );
  }

  /**
   * Creates or updates an entity. Ids are unique across the kinds of entity (`node(id:)` must name one), so an id
   * another kind already uses is refused.
   */
  async upsertNode(label: NodeLabel, id: string, props: Record<string, unknown>): Promise<void> {
    const dataset = `${API_SOURCE}:${this.caller.name}`;
    await this.db.writeTx(async (tx) => {
      const taken = await tx.run(
        `${matchEntity('x', 'id')} WITH x WHERE NOT x:${label} RETURN labels(x)[0] AS label LIMIT 1`,
        { id },
      );
      const other = taken.records[0]?.get('label') as string | undefined;
      if (other)
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          `The id '${id}' is already used by a ${other}: ids are unique across organizations, missions, conflicts, states and people.`,
          { argument: 'input.id' },
        );
      await tx.run(
        `MERGE (n:${label} {id: $id})
         SET n += $props,
             n.sources = CASE WHEN $source IN coalesce(n.sources, []) THEN n.sources ELSE coalesce(n.sources, []) + $source END,
             n.datasets = CASE WHEN $dataset IN coalesce(n.datasets, []) THEN n.datasets ELSE coalesce(n.datasets, []) + $dataset END`,
        { id, props: compact(props as never), source: API_SOURCE, dataset },
      );
      // A mission's dates decide its co-deployments, and they and its peak the organization network: they follow
      // in the same transaction.
      if (label === 'Mission') {
        await refreshCoDeploymentPairsInTx(tx, [id]);
        await refreshOrganizationTiesInTx(tx);
      }
      await this.audit(tx, `upsert ${label}`, id, props);
    });
  }

  async deleteNode(label: NodeLabel, id: string): Promise<boolean> {
    return this.db.writeTx(async (tx) => {
      // The missions whose co-deployments went through this organization or conflict (a mission's own go with it).
      const linked =
        label === 'Organization' || label === 'Conflict'
          ? await tx.run(
              `MATCH (n:${label} {id: $id})-[:DEPLOYED|IN_CONFLICT]-(m:Mission) RETURN collect(DISTINCT m.id) AS ids`,
              { id },
            )
          : null;
      const res = await tx.run(`MATCH (n:${label} {id: $id}) DETACH DELETE n RETURN count(*) AS n`, { id });
      const deleted = Number(res.records[0]?.get('n') ?? 0) > 0;
      await refreshCoDeploymentPairsInTx(tx, (linked?.records[0]?.get('ids') as string[] | undefined) ?? []);
      if (deleted && (label === 'Mission' || label === 'Organization' || label === 'Conflict'))
        await refreshOrganizationTiesInTx(tx);
      if (deleted) await this.audit(tx, `delete ${label}`, id, {});
      return deleted;
    });
  }

  /** Creates or updates a relationship; false when an endpoint does not exist. */
  async link(
    type: RelType,
    from: string,
    to: string,
    key: Record<string, unknown>,
    props: Record<string, unknown>,
  ): Promise<boolean> {
    const spec = REL_SPECS[type];
    const keyExpr = spec.key.map((k) => `${k}: $key.${k}`).join(', ');
    return this.db.writeTx(async (tx) => {
      const res = await tx.run(
        `MATCH (a:${spec.from} {id: $from}) MATCH (b:${spec.to} {id: $to})
         MERGE (a)-[r:${type} {${keyExpr}}]->(b) SET r += $props, r.dataset = $dataset RETURN count(r) AS n`,
        {
          from,
          to,
          key: { ...key, source: API_SOURCE },
          props: compact(props as never),
          dataset: `${API_SOURCE}:${this.caller.name}`,
        },
      );
      const ok = Number(res.records[0]?.get('n') ?? 0) > 0;
      if (ok) await refreshPairsOfLink(tx, type, from, to);
      if (ok) await this.audit(tx, `link ${type}`, `${from}->${to}`, { key, props });
      return ok;
    });
  }

  /** Deletes the relationships of a type between two nodes that the given source recorded; returns how many. */
  async unlink(type: RelType, from: string, to: string, source: string): Promise<number> {
    const spec = REL_SPECS[type];
    return this.db.writeTx(async (tx) => {
      const res = await tx.run(
        `MATCH (:${spec.from} {id: $from})-[r:${type} {source: $source}]->(:${spec.to} {id: $to}) DELETE r RETURN count(*) AS n`,
        { from, to, source },
      );
      const n = Number(res.records[0]?.get('n') ?? 0);
      if (n) await refreshPairsOfLink(tx, type, from, to);
      if (n) await this.audit(tx, `unlink ${type}`, `${from}->${to}`, { source, removed: n });
      return n;
    });
  }
}

/**
 * Refreshes the co-deployments of the mission at either end of a relationship that decides them (DEPLOYED,
 * IN_CONFLICT), then the organization network if the relationship decides it (those and COOPERATED_WITH,
 * PERSONNEL_IN).
 */
async function refreshPairsOfLink(tx: ManagedTransaction, type: RelType, from: string, to: string): Promise<void> {
  if (CO_DEPLOYMENT_INPUTS.includes(type)) {
    const spec = REL_SPECS[type];
    await refreshCoDeploymentPairsInTx(tx, [spec.from === 'Mission' ? from : to]);
  }
  if (ORGANIZATION_NETWORK_INPUTS.includes(type)) await refreshOrganizationTiesInTx(tx);
}
