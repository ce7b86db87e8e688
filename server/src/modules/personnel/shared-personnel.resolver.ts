import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../request/context';
import { COSTS, describeCost } from '../common/costs';
import { SharedPersonnelArgs } from './shared-personnel.args';
import { sharedPersonnel } from './shared-personnel.service';
import { SharedPersonnel } from './shared-personnel.type';

@Resolver()
export class SharedPersonnelResolver {
  @Query(() => SharedPersonnel, {
    description: describeCost(
      'The states that sent personnel to both of two missions, or of two organizations over all their missions, with the Jaccard and cosine similarity of the two sides, and the people who held posts on both.',
      COSTS.sharedPersonnel,
    ),
    complexity: COSTS.sharedPersonnel.estimate,
  })
  async sharedPersonnel(@Args() args: SharedPersonnelArgs, @Ctx() ctx: GraphQLContext): Promise<SharedPersonnel> {
    return sharedPersonnel(ctx.db, args);
  }
}
