import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError, ErrorCode } from '../errors';

/** The time one request may still take: its deadline, carried through every promise the request starts. */
interface Budget {
  deadline: number;
  budgetMs: number;
}

const storage = new AsyncLocalStorage<Budget>();

/** Runs `work` (one API request) with a time budget that every database call inside it honours. */
export function withRequestBudget<T>(budgetMs: number, work: () => T): T {
  return storage.run({ deadline: Date.now() + budgetMs, budgetMs }, work);
}

/** The error of a request that ran out of its time budget. */
export function budgetExceeded(budgetMs: number): AppError {
  return new AppError(
    ErrorCode.REQUEST_TIMEOUT,
    `The request took longer than its time budget of ${budgetMs} ms and was stopped (its database transactions were cancelled). Ask for less (a shorter period, fewer steps or nodes) or split it into several requests.`,
    { budgetMs },
  );
}

/**
 * The timeout of a database transaction started now: the configured transaction timeout, or what is left of the
 * current request's budget if that is shorter (Neo4j then terminates the transaction itself). Throws the
 * request's timeout error when nothing is left. Outside a request (imports, command-line tools) the configured
 * timeout holds.
 */
export function transactionTimeout(configuredMs: number): { timeoutMs: number; budgetMs: number | null } {
  const b = storage.getStore();
  if (!b) return { timeoutMs: configuredMs, budgetMs: null };
  const left = b.deadline - Date.now();
  if (left <= 0) throw budgetExceeded(b.budgetMs);
  return left < configuredMs
    ? { timeoutMs: Math.max(1, left), budgetMs: b.budgetMs }
    : { timeoutMs: configuredMs, budgetMs: null };
}

/** Whether a driver error is Neo4j ending a transaction at its timeout (`...Transaction.TransactionTimedOut...`). */
export function isTransactionTimeout(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && code.includes('TransactionTimedOut');
}
