import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Database } from '../db/database';
import type { Neo4jProcessState } from '../db/neo4j-supervisor';
import type { EventLoopMonitor } from './event-loop';

export interface HealthOptions {
  db: Database;
  /** The supervised local Neo4j's state, when this process launched one. */
  neo4jProcess?: () => Neo4jProcessState;
  /** The server's event-loop delay, among the details (`?reset` starts a new window after reading). */
  eventLoop?: EventLoopMonitor;
  /** A token that unlocks the details from another host (HEALTH_TOKEN); loopback callers always see them. */
  token: string | null;
  timeoutMs?: number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Whether the caller may see versions and process details: from loopback, or with the health token. */
function maySeeDetails(req: Request, token: string | null): boolean {
  if (LOOPBACK.has(req.socket.remoteAddress ?? '')) return true;
  if (!token) return false;
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!m?.[1]) return false;
  const given = Buffer.from(m[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** One check of the database: whether it answered, what it is, and when. */
interface Check {
  ok: boolean;
  info: { version: string; edition: string } | null;
  at: number;
  latencyMs: number;
}

/**
 * The database side of `/healthz`: one check at a time, its result reused while it is fresh (half a second) and,
 * while the database answered, served at once for up to two seconds while a new check runs. Probes never wait on
 * a busy database, a storm of probes costs it one query per half second, and a database that stops answering
 * shows within about two seconds.
 */
class DatabaseProbe {
  private last: Check | null = null;
  private pending: Promise<Check> | null = null;

  constructor(
    private readonly db: Database,
    private readonly timeoutMs: number,
    private readonly freshMs = 500,
    private readonly staleOkMs = 2000,
  ) {}

  current(): Promise<Check> {
    const age = this.last ? Date.now() - this.last.at : Infinity;
    if (this.last && age <= this.freshMs) return Promise.resolve(this.last);
    if (this.last?.ok && age <= this.staleOkMs) {
      void this.check();
      return Promise.resolve(this.last);
    }
    return this.check();
  }

  /** A check made now (or the one under way). */
  fresh(): Promise<Check> {
    return this.check();
  }

  private check(): Promise<Check> {
    this.pending ??= (async () => {
      const started = Date.now();
      let info: Check['info'] = null;
      try {
        info = await withTimeout(this.db.serverInfo(), this.timeoutMs);
      } catch {
        info = null;
      }
      this.last = { ok: info !== null, info, at: Date.now(), latencyMs: Date.now() - started };
      this.pending = null;
      return this.last;
    })();
    return this.pending;
  }
}

/**
 * `GET /healthz`: 200 when the database answered its last check, 503 otherwise (see DatabaseProbe). Load
 * balancers use it to take an instance out of rotation. Everyone sees the status and the check's latency;
 * callers on loopback, or with the health token, also see the Neo4j version and database, the supervised local
 * Neo4j's restarts and why it cannot start when that is the case, and the event loop's delay since the last
 * `?reset`.
 */
export function healthHandler(o: HealthOptions) {
  const probe = new DatabaseProbe(o.db, o.timeoutMs ?? 2000);
  return async (req: Request, res: Response): Promise<void> => {
    const details = maySeeDetails(req, o.token);
    // The supervisor knows at once when the local Neo4j's process is gone: no earlier check is served then.
    const state = o.neo4jProcess?.();
    const process = details ? state : undefined;
    const eventLoop = details ? o.eventLoop?.read(req.query.reset !== undefined) : undefined;
    const check = state && state.status !== 'running' ? await probe.fresh() : await probe.current();
    const checked = { latencyMs: check.latencyMs, checkedMsAgo: Date.now() - check.at };
    if (check.ok && check.info) {
      res.status(200).json({
        status: 'ok',
        ...checked,
        ...(details
          ? {
              neo4j: { version: check.info.version, edition: check.info.edition, database: o.db.name, process },
              eventLoop,
            }
          : {}),
      });
    } else {
      res.status(503).json({
        status: 'unavailable',
        error: state?.status === 'restarting' ? 'The database is restarting.' : 'The database does not answer.',
        ...checked,
        ...(details ? { neo4j: { process }, eventLoop } : {}),
      });
    }
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}
