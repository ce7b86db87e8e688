import { Args, Ctx, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../request/context';
import { COSTS, CostedQuery } from '../common/costs';
import { legacyPeriod, periodArg, toSpan } from '../common/period';
import { CoDeploymentsArgs } from './codeployment.args';
import { CoDeploymentRepository } from './codeployment.repository';
import { CoDeploymentService } from './codeployment.service';
import { CoDeployment } from './codeployment.type';

/** `coDeployments`: resolves its period and hands the question to CoDeploymentService. */
@Resolver()
export class CoDeploymentResolver {
  @CostedQuery(
    () => [CoDeployment],
    'Multiple simultaneous peace operations: pairs of missions active together in the same conflict or host state, with their overlap.',
    COSTS.coDeployments,
  )
  coDeployments(@Args() args: CoDeploymentsArgs, @Ctx() ctx: GraphQLContext): Promise<CoDeployment[]> {
    const span = toSpan(periodArg('coDeployments', args.period, [legacyPeriod('between', args.between)]));
    return new CoDeploymentService(new CoDeploymentRepository(ctx.db)).coDeployments({
      unit: args.unit ?? null,
      conflict: args.conflict ?? null,
      host: args.host ?? null,
      organization: args.organization ?? null,
      span,
      differentOrganization: args.differentOrganization,
      first: args.first,
    });
  }
}
