import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { ErrorCode } from '../errors';
import type { Logger } from '../logger';

/** Codes that are safe to show as they are (ours, and Apollo's own); anything else is masked as INTERNAL_SERVER_ERROR. */
const CLIENT_CODES = new Set<string>([...Object.values(ErrorCode), ...Object.values(ApolloServerErrorCode)]);

/** Driver errors that mean "the database cannot be reached right now", not a fault of the request or the code. */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'ProtocolError',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

function isDatabaseUnavailable(error: unknown): boolean {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (!(original instanceof Neo4jError)) return false;
  return UNAVAILABLE_CODES.has(original.code) || original.message.startsWith('Connection acquisition timed out');
}

/** A class-validator error without the values it carries: its property, its broken rules, its children's. */
function withoutValues(e: unknown): unknown {
  if (!e || typeof e !== 'object') return e;
  const v = e as { property?: unknown; constraints?: unknown; children?: unknown };
  return {
    property: v.property,
    constraints: v.constraints,
    children: Array.isArray(v.children) ? v.children.map(withoutValues) : [],
  };
}

/**
 * The error normaliser: client errors keep their code and message; unexpected errors are logged whole and
 * reach the client as INTERNAL_SERVER_ERROR with a neutral message (in every mode but development, which
 * keeps the message to help debugging; stack traces are never sent in production).
 */
export function createFormatError(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const raw = formatted.extensions?.code;
    const code: string = typeof raw === 'string' ? raw : ErrorCode.INTERNAL_SERVER_ERROR;
    if (CLIENT_CODES.has(code) && code !== (ErrorCode.INTERNAL_SERVER_ERROR as string)) {
      if (!production) return formatted;
      const { stacktrace: _omit, ...ext } = (formatted.extensions ?? {}) as Record<string, unknown>;
      void _omit;
      // class-validator's errors carry the value and the whole argument object: name the argument and the
      // rule only, never echo what the client sent.
      if (Array.isArray(ext.validationErrors)) ext.validationErrors = ext.validationErrors.map(withoutValues);
      return { ...formatted, extensions: ext };
    }
    if (isDatabaseUnavailable(error)) {
      logger.warn(
        { err: (error as { originalError?: unknown })?.originalError ?? error, path: formatted.path },
        'database unavailable',
      );
      return {
        message: 'The database is not available right now; retry in a few seconds.',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }
    logger.error(
      { err: (error as { originalError?: unknown })?.originalError ?? error, path: formatted.path },
      'unexpected error',
    );
    return {
      message: production ? 'Internal server error.' : formatted.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
