import { startLocalNeo4j } from './local-neo4j';
import type { LocalNeo4j, LocalNeo4jOptions } from './local-neo4j';

/** What the supervisor knows of the local Neo4j, for `/healthz` and the logs. */
export interface Neo4jProcessState {
  status: 'running' | 'restarting' | 'stopped';
  pid: number | null;
  /** Restarts after an unexpected exit since this process started it. */
  restarts: number;
  lastExit: { code: number | null; signal: string | null; at: string } | null;
  /** Why the last attempt to start it again failed, while it keeps trying; null once it runs. */
  lastError: string | null;
  /** When the next attempt is due, while restarting. */
  nextAttemptAt: string | null;
}

export interface SupervisedNeo4j extends LocalNeo4j {
  state(): Neo4jProcessState;
}

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

/** Waits 1 s before the first restart, doubling up to 30 s between failed attempts. */
export const DEFAULT_BACKOFF: Backoff = { initialMs: 1000, maxMs: 30_000 };

/**
 * Starts the local Neo4j and keeps it running: when its process exits without stop() (killed, crashed, out of
 * memory), it is started again on the same port and store after a delay that doubles after each failed attempt,
 * each restart logged. The driver reconnects by itself once Bolt answers again, so the API recovers without a
 * restart of `npm start`. The first start's failure is thrown, as before: there is nothing to supervise yet.
 */
export async function superviseLocalNeo4j(
  opts: LocalNeo4jOptions,
  backoff: Backoff = DEFAULT_BACKOFF,
): Promise<SupervisedNeo4j> {
  const { logger } = opts;
  let current: LocalNeo4j = await startLocalNeo4j(opts);
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const state: Neo4jProcessState = {
    status: 'running',
    pid: current.pid,
    restarts: 0,
    lastExit: null,
    lastError: null,
    nextAttemptAt: null,
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  const watch = (proc: LocalNeo4j): void => {
    void proc.exited.then(async ({ code, signal }) => {
      if (stopping) return;
      state.status = 'restarting';
      state.pid = null;
      state.lastExit = { code, signal, at: new Date().toISOString() };
      logger.error({ code, signal }, 'the local Neo4j exited unexpectedly: starting it again');
      let delay = backoff.initialMs;
      while (!stopping) {
        state.nextAttemptAt = new Date(Date.now() + delay).toISOString();
        await sleep(delay);
        if (stopping) return;
        try {
          const next = await startLocalNeo4j(opts);
          if (stopping) {
            await next.stop();
            return;
          }
          current = next;
          state.restarts += 1;
          Object.assign(state, { status: 'running', pid: next.pid, lastError: null, nextAttemptAt: null });
          logger.warn({ restarts: state.restarts, pid: next.pid }, 'the local Neo4j was started again');
          watch(next);
          return;
        } catch (err) {
          state.lastError = (err as Error).message.split('\n')[0] ?? String(err);
          delay = Math.min(delay * 2, backoff.maxMs);
          logger.error({ err, retryInMs: delay }, 'the local Neo4j could not be started again');
        }
      }
    });
  };
  watch(current);

  return {
    uri: current.uri,
    version: current.version,
    get pid() {
      return current.pid;
    },
    get exited() {
      return current.exited;
    },
    state: () => ({ ...state }),
    async stop(graceMs?: number) {
      stopping = true;
      if (timer) clearTimeout(timer);
      wake?.();
      state.status = 'stopped';
      await current.stop(graceMs);
    },
  };
}
