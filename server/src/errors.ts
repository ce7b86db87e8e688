import { GraphQLError } from 'graphql';

/** Every error code a client can see, in `extensions.code`. */
export enum ErrorCode {
  /** A request that is not a GraphQL request this server takes (a batch, a body that is not one operation). */
  BAD_REQUEST = 'BAD_REQUEST',
  /** A request body over the server's limit (HTTP 413). */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  QUERY_TOO_LARGE = 'QUERY_TOO_LARGE',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES = 'TOO_MANY_DIRECTIVES',
  TOO_MANY_FIELDS = 'TOO_MANY_FIELDS',
  REQUEST_TIMEOUT = 'REQUEST_TIMEOUT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** An error meant for the client: its message is safe to show and its code says what kind of failure it is. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message, { extensions: { code, ...(details ?? {}) } });
    this.name = 'AppError';
  }
}
