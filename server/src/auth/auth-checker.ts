import type { AuthChecker } from 'type-graphql';
import { AppError, ErrorCode } from '../errors';
import type { GraphQLContext } from '../request/context';
import type { Role } from './tokens';

/**
 * type-graphql's check for `@Authorized('editor')`: no or a bad token is UNAUTHENTICATED, a token without
 * the role is FORBIDDEN.
 */
export const authChecker: AuthChecker<GraphQLContext, Role> = async ({ context }, roles) => {
  const caller = await context.caller();
  if (!caller)
    throw new AppError(
      ErrorCode.UNAUTHENTICATED,
      'This operation needs a valid API token: send "Authorization: Bearer <token>".',
    );
  if (roles.length && !roles.includes(caller.role)) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `This operation needs the role ${roles.join(' or ')}; the token has the role ${caller.role}.`,
    );
  }
  return true;
};
