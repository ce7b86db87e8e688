import { Args, Ctx, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../request/context';
import { COSTS, CostedQuery } from '../common/costs';
import { SharedPersonnelArgs } from './shared-personnel.args';
import { sharedPersonnel } from './shared-personnel.service';
import { SharedPersonnel } from './shared-personnel.type';

@Resolver()
export class SharedPersonnelResolver {
  @CostedQuery(
    () => SharedPersonnel,
    'The states that sent personnel to both of two missions, or of two organizations over all their missions, with the Jaccard and cosine similarity of the two sides, and the people who held posts on both.',
    COSTS.sharedPersonnel,
  )
  async sharedPersonnel(@Args() args: SharedPersonnelArgs, @Ctx() ctx: GraphQLContext): Promise<SharedPersonnel> {
    return sharedPersonnel(ctx.db, args);
  }
}
