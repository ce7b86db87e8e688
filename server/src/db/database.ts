import neo4j from 'neo4j-driver';
import type { Driver, ManagedTransaction, QueryResult, RecordShape } from 'neo4j-driver';
import type { Logger } from '../logger';
import { budgetExceeded, isTransactionTimeout, transactionTimeout } from './request-budget';
import { toNative } from './values';

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  txTimeoutMs: number;
  maxPoolSize: number;
  logger: Logger;
}

/** Counters of the statements a write changed, summed over a transaction. */
export interface WriteCounters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

/**
 * Owns the driver: the one place that opens sessions. Every read and write goes through `read` (one statement,
 * auto-commit) or `readTx`, `write` and `writeTx` (managed transactions); all retry transient errors, all carry
 * the transaction timeout, and every session is closed in `finally`. It counts transactions so that tests can
 * assert the number of database round trips.
 */
export class Database {
  readonly driver: Driver;
  private transactions = 0;

  /** How long transient failures are retried (the driver's `maxTransactionRetryTime`). */
  private readonly retryTimeMs: number;

  constructor(private readonly opts: DatabaseOptions) {
    this.retryTimeMs = Math.min(Math.floor(opts.txTimeoutMs / 4), 30_000);
    this.driver = neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password), {
      maxConnectionPoolSize: opts.maxPoolSize,
      // Waiting for a pooled connection (busy: half the transaction timeout), opening one (a quarter) and retrying
      // transient failures (a quarter) stay inside the time a request may take when Neo4j is down or overloaded.
      connectionAcquisitionTimeout: Math.max(1000, Math.min(Math.floor(opts.txTimeoutMs / 2), 60_000)),
      connectionTimeout: Math.max(1000, Math.min(Math.floor(opts.txTimeoutMs / 4), 30_000)),
      maxTransactionRetryTime: this.retryTimeMs,
      userAgent: 'peaceops-graph',
    });
  }

  get name(): string {
    return this.opts.database;
  }

  /** How many transactions this instance has run; tests compare it before and after an operation. */
  get transactionCount(): number {
    return this.transactions;
  }

  /**
   * Runs one read statement and returns its records as plain objects. An auto-commit transaction: one round
   * trip (RUN with PULL) where a managed transaction takes three (BEGIN, RUN with PULL, COMMIT), which halves
   * the latency of the API's fast questions (BENCHMARKS.md). Retried here on transient errors within the same
   * time the driver gives managed transactions.
   */
  async read<T = Record<string, unknown>>(
    cypher: string,
    params: Record<string, unknown> = {},
    fetchSize?: number,
  ): Promise<T[]> {
    const rows: T[] = [];
    await this.readEach<T>(cypher, params, (row) => rows.push(row), fetchSize);
    return rows;
  }

  /**
   * Runs one read statement like `read`, handing each record to `onRow` as it arrives instead of collecting them:
   * for large answers that are reduced on the way (nothing of them is kept, so the garbage collector has little to
   * do). Retried on transient errors only while no record has been handed over.
   */
  async readEach<T = Record<string, unknown>>(
    cypher: string,
    params: Record<string, unknown>,
    onRow: (row: T) => void,
    /** Records per fetch from the server (the driver's default: 1000); fewer gives the event loop more breaks. */
    fetchSize?: number,
  ): Promise<void> {
    const deadline = Date.now() + this.retryTimeMs;
    let delivered = 0;
    for (let attempt = 0; ; attempt += 1) {
      // Inside an API request, the transaction gets what is left of the request's time budget at most.
      const { timeoutMs, budgetMs } = transactionTimeout(this.opts.txTimeoutMs);
      const session = this.driver.session({
        database: this.opts.database,
        defaultAccessMode: neo4j.session.READ,
        ...(fetchSize ? { fetchSize } : {}),
      });
      this.transactions += 1;
      try {
        // Each record is converted as it arrives, between network reads, rather than all at the end in one go:
        // a large answer never holds the event loop for the time of converting all of it.
        await new Promise<void>((resolve, reject) => {
          session.run(cypher, params, { timeout: timeoutMs }).subscribe({
            onNext: (r) => {
              delivered += 1;
              onRow(toNative(r.toObject()) as T);
            },
            onCompleted: () => resolve(),
            onError: reject,
          });
        });
        return;
      } catch (err) {
        if (budgetMs !== null && isTransactionTimeout(err)) throw budgetExceeded(budgetMs);
        const delay = Math.min(1000, 100 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
        if (delivered > 0 || !neo4j.isRetryableError(err) || Date.now() + delay > deadline) throw err;
        await new Promise((resolve) => setTimeout(resolve, delay));
      } finally {
        await session.close();
      }
    }
  }

  /** Runs a write statement in its own transaction and returns its records as plain objects. */
  async write<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const res = await this.writeTx((tx) => tx.run(cypher, params));
    return res.records.map((r) => toNative(r.toObject()) as T);
  }

  /** Runs work in one read transaction (several statements share it). */
  readTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.transaction('READ', work, this.opts.txTimeoutMs);
  }

  /** Runs work in one write transaction (several statements share it; all or nothing). */
  writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>, configuredMs = this.opts.txTimeoutMs): Promise<T> {
    return this.transaction('WRITE', work, configuredMs);
  }

  /** One managed transaction (retried by the driver on transient errors), within the request's time budget. */
  private async transaction<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: ManagedTransaction) => Promise<T>,
    configuredMs: number,
  ): Promise<T> {
    const { timeoutMs, budgetMs } = transactionTimeout(configuredMs);
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: neo4j.session[mode] });
    this.transactions += 1;
    try {
      return await (mode === 'READ'
        ? session.executeRead(work, { timeout: timeoutMs })
        : session.executeWrite(work, { timeout: timeoutMs }));
    } catch (err) {
      throw budgetMs !== null && isTransactionTimeout(err) ? budgetExceeded(budgetMs) : err;
    } finally {
      await session.close();
    }
  }

  /** Runs a statement outside an explicit transaction: needed for schema commands and CALL { } IN TRANSACTIONS. */
  async autoCommit(cypher: string, params: Record<string, unknown> = {}): Promise<QueryResult<RecordShape>> {
    const session = this.driver.session({ database: this.opts.database });
    this.transactions += 1;
    try {
      return await session.run(cypher, params);
    } finally {
      await session.close();
    }
  }

  /** The Neo4j version and edition, or throws when the database does not answer. */
  async serverInfo(): Promise<{ version: string; edition: string }> {
    const rows = await this.read<{ version: string; edition: string }>(
      'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
    );
    return rows[0] ?? { version: 'unknown', edition: 'unknown' };
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/** Sums the update counters of query results. */
export function countersOf(results: QueryResult<RecordShape>[]): WriteCounters {
  const c: WriteCounters = {
    nodesCreated: 0,
    nodesDeleted: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    propertiesSet: 0,
  };
  for (const r of results) {
    const u = r.summary.counters.updates();
    c.nodesCreated += u.nodesCreated;
    c.nodesDeleted += u.nodesDeleted;
    c.relationshipsCreated += u.relationshipsCreated;
    c.relationshipsDeleted += u.relationshipsDeleted;
    c.propertiesSet += u.propertiesSet;
  }
  return c;
}
