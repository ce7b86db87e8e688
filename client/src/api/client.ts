/** The GraphQL client: JSON over POST to the same origin, errors turned into ApiError with the API's code. */
import { GRAPHQL_URL } from '../config';

/** An error the API returned (`errors[].message` with `extensions.code`), or a failure to reach it. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** The API's `extensions.code`, or NETWORK_ERROR / BAD_RESPONSE for transport problems. */
    readonly code: string,
    /** All messages when the API returned several. */
    readonly messages: readonly string[] = [message],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Runs one operation; resolves with `data`, rejects with ApiError. `T` and `V` are the answer and variables the
 * codegen generates for the operation (client/src/api/generated.ts).
 */
export async function gql<T, V extends Record<string, unknown> = Record<string, never>>(
  query: string,
  variables: V,
  signal?: AbortSignal,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('Cannot reach the server. Is it running?', 'NETWORK_ERROR');
  }
  let body: GraphQLBody<T>;
  try {
    body = (await res.json()) as GraphQLBody<T>;
  } catch {
    throw new ApiError(
      `The server answered ${res.status} ${res.statusText} without a GraphQL response.`,
      'BAD_RESPONSE',
    );
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    throw new ApiError(
      first.message,
      first.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
      body.errors.map((e) => e.message),
    );
  }
  if (!res.ok || body.data === undefined || body.data === null) {
    throw new ApiError(`The server answered ${res.status} ${res.statusText} without data.`, 'BAD_RESPONSE');
  }
  return body.data;
}
