import type { Request, Response } from 'express';
import type { Database } from '../db/database';

/**
 * `GET /healthz`: 200 with the Neo4j version when the database answers within the timeout, 503 otherwise.
 * Load balancers use it to take an instance out of rotation.
 */
export function healthHandler(db: Database, timeoutMs = 2000) {
  return async (_req: Request, res: Response): Promise<void> => {
    const started = Date.now();
    try {
      const info = await withTimeout(db.serverInfo(), timeoutMs);
      res.status(200).json({
        status: 'ok',
        neo4j: { version: info.version, edition: info.edition, database: db.name },
        latencyMs: Date.now() - started,
      });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', neo4j: null, error: 'The database does not answer.' });
      void err;
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
