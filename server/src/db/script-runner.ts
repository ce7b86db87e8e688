import type { QueryResult, RecordShape } from 'neo4j-driver';
import type { Database, WriteCounters } from './database';
import { countersOf } from './database';
import type { ScriptItem } from './cypher-script';
import { toNative } from './values';

export interface StatementOutcome {
  line: number;
  counters: WriteCounters;
  /** The statement's result columns, in order (also when it returned no row). */
  columns: string[];
  rows: Record<string, unknown>[];
}

/** A statement of a script failed: the message names its line. */
export class ScriptStatementError extends Error {
  override readonly name = 'ScriptStatementError';
  constructor(
    readonly line: number,
    readonly error: Error,
    readonly completed: number,
  ) {
    super(`statement at line ${line} failed: ${error.message}`);
  }
}

/**
 * Runs the items of a parsed script as cypher-shell does: `:param` sets parameters (the value is a Cypher
 * expression, evaluated by the server), each statement runs in its own auto-commit transaction (so that
 * `CALL { } IN TRANSACTIONS` works), or all of them in one transaction with `singleTransaction`.
 */
export async function runScript(
  db: Database,
  items: ScriptItem[],
  opts: {
    params?: Record<string, unknown>;
    singleTransaction?: boolean;
    onStatement?: (o: StatementOutcome) => void;
  } = {},
): Promise<StatementOutcome[]> {
  const params: Record<string, unknown> = { ...(opts.params ?? {}) };
  const outcomes: StatementOutcome[] = [];
  const session = db.driver.session({ database: db.name });
  const tx = opts.singleTransaction ? session.beginTransaction() : null;
  try {
    for (const item of items) {
      if (item.kind === 'command') {
        throw new ScriptStatementError(
          item.line,
          new Error(`client command ':${item.name}' is not supported (use --single-transaction for one transaction)`),
          outcomes.length,
        );
      }
      try {
        if (item.kind === 'param') {
          const res = await (tx ?? session).run(`RETURN ${item.expression} AS value`, params);
          const value: unknown = res.records[0]?.get('value');
          // Parameters given by the caller (--param) win over the script's own :param defaults.
          const given = opts.params ?? {};
          if (item.name) {
            if (!(item.name in given)) params[item.name] = value;
          } else if (value && typeof value === 'object') {
            for (const [k, v] of Object.entries(value)) if (!(k in given)) params[k] = v;
          } else throw new Error(`':param' expects a map, got ${item.expression}`);
          continue;
        }
        const result = (tx ?? session).run(item.text, params);
        const columns = await result.keys();
        const res: QueryResult<RecordShape> = await result;
        const outcome = {
          line: item.line,
          counters: countersOf([res]),
          columns,
          rows: res.records.map((r) => toNative(r.toObject()) as Record<string, unknown>),
        };
        outcomes.push(outcome);
        opts.onStatement?.(outcome);
      } catch (err) {
        if (err instanceof ScriptStatementError) throw err;
        throw new ScriptStatementError(item.line, err as Error, outcomes.length);
      }
    }
    if (tx) await tx.commit();
    return outcomes;
  } catch (err) {
    if (tx?.isOpen()) await tx.rollback();
    throw err;
  } finally {
    await session.close();
  }
}
