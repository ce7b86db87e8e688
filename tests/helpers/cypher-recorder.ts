import { Record as Neo4jRecord } from 'neo4j-driver';
import type { ManagedTransaction, QueryResult, RecordShape } from 'neo4j-driver';
import type { Database } from '../../server/src/db/database';

/** How a statement reached the database: `read`/`readEach` (auto-commit reads), or a statement inside `readTx`/`writeTx`/`write`/`autoCommit`. */
export type StatementKind = 'read' | 'readTx' | 'write' | 'writeTx' | 'autoCommit';

/** One statement the code under test sent, as it sent it. */
export interface RecordedStatement {
  kind: StatementKind;
  cypher: string;
  params: Record<string, unknown>;
}

type Row = Record<string, unknown>;

/**
 * A canned answer: the rows given to the first statement whose text contains `when` (or matches it), in
 * place of the database's. `rows` may read the statement's parameters (a loader's `$ids`, say).
 */
export interface CannedAnswer {
  when: string | RegExp;
  rows: Row[] | ((params: Record<string, unknown>) => Row[]);
}

/** The members of Database that the API's code calls: the recorder implements each, so a change of them fails the type check here. */
type DatabaseSurface = Pick<
  Database,
  | 'name'
  | 'transactionCount'
  | 'read'
  | 'readEach'
  | 'readTx'
  | 'write'
  | 'writeTx'
  | 'autoCommit'
  | 'serverInfo'
  | 'close'
>;

/**
 * A stand-in for the Database that records every statement and its parameters and answers from canned rows
 * (none by default), without a driver: it never opens a connection. Give it answers where a resolver must go
 * on to its nested statements (a root entity found, say); everything else finds nothing.
 */
export class CypherRecorder implements DatabaseSurface {
  readonly statements: RecordedStatement[] = [];
  private transactions = 0;

  constructor(private readonly answers: CannedAnswer[] = []) {}

  /** This object where the API expects its Database (it has every member the API calls, see DatabaseSurface). */
  asDatabase(): Database {
    return this as unknown as Database;
  }

  get name(): string {
    return 'recorded';
  }

  /** Transactions begun, as Database counts them: one per read, write or autoCommit, one per readTx or writeTx. */
  get transactionCount(): number {
    return this.transactions;
  }

  /** Records a statement and gives the rows of the first canned answer that matches it (none: no rows). */
  private answer(kind: StatementKind, cypher: string, params: Record<string, unknown>): Row[] {
    if (kind !== 'readTx' && kind !== 'writeTx') this.transactions += 1;
    this.statements.push({ kind, cypher, params: structuredClone(params) });
    const hit = this.answers.find((a) => (typeof a.when === 'string' ? cypher.includes(a.when) : a.when.test(cypher)));
    if (!hit) return [];
    return typeof hit.rows === 'function' ? hit.rows(params) : hit.rows;
  }

  /** A transaction whose `run` records its statements and answers them as records (for `readTx` and `writeTx`). */
  private transaction(kind: StatementKind): ManagedTransaction {
    this.transactions += 1;
    const run = (cypher: string, params: Record<string, unknown> = {}) =>
      Promise.resolve(this.result(kind, cypher, params));
    return { run } as unknown as ManagedTransaction;
  }

  /** Rows as a driver's result: records (with `get` and `toObject`) and a summary that changed nothing. */
  private result(kind: StatementKind, cypher: string, params: Record<string, unknown>): QueryResult<RecordShape> {
    const rows = this.answer(kind, cypher, params);
    const records = rows.map((r) => new Neo4jRecord(Object.keys(r), Object.values(r)));
    const updates = {
      nodesCreated: 0,
      nodesDeleted: 0,
      relationshipsCreated: 0,
      relationshipsDeleted: 0,
      propertiesSet: 0,
    };
    return {
      records,
      keys: Object.keys(rows[0] ?? {}),
      summary: { counters: { updates: () => updates } },
    } as unknown as QueryResult<RecordShape>;
  }

  read<T = Row>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return Promise.resolve(this.answer('read', cypher, params) as T[]);
  }

  readEach<T = Row>(cypher: string, params: Record<string, unknown>, onRow: (row: T) => void): Promise<void> {
    for (const row of this.answer('read', cypher, params)) onRow(row as T);
    return Promise.resolve();
  }

  readTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return work(this.transaction('readTx'));
  }

  write<T = Row>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return Promise.resolve(this.answer('write', cypher, params) as T[]);
  }

  writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return work(this.transaction('writeTx'));
  }

  autoCommit(cypher: string, params: Record<string, unknown> = {}): Promise<QueryResult<RecordShape>> {
    return Promise.resolve(this.result('autoCommit', cypher, params));
  }

  serverInfo(): Promise<{ version: string; edition: string }> {
    return Promise.resolve({ version: 'recorded', edition: 'none' });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
