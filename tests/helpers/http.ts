import { startApp } from '../../server/src/http/app';
import type { RunningApp } from '../../server/src/http/app';
import type { Config } from '../../server/src/config';
import type { Database } from '../../server/src/db/database';
import { REPO_ROOT, testLogger } from './db';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** Starts the HTTP app on a free port against the given database. */
export function startTestApp(config: Config, db: Database): Promise<RunningApp> {
  return startApp({ config, db, logger: testLogger, repoRoot: REPO_ROOT });
}

/** POSTs a GraphQL operation as a browser would (JSON, so CSRF prevention lets it through). */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResponse<T>['body'] };
}
